//! Virtual DOM from markup templates, for the parts of the page that are mostly static.
//!
//! Each `html!` element expands to its own inline construction code (a boxed `VTag`, a children
//! vector, conversions), so a page of them costs tens of kilobytes of wasm. A template is the
//! same markup as text, read by one small parser ([`template`]) into the nodes `html!` would
//! make: elements with their children (one child as it is, several in a `VList`), attributes
//! in the order written, and `if` blocks as (possibly empty) fragments. What is not static
//! comes from a [`Fill`]:
//!
//! - `{spec}` between elements: nodes ([`Fill::nodes`]);
//! - `{spec}` inside a start tag: attributes, listeners, a value or a node ref ([`Fill::attrs`]);
//! - `{?spec}` … `{/}`: a block shown when [`Fill::shown`] says so.
//!
//! [`Slots`] fills a template from a list of named pieces; the form has its own [`Fill`].
//!
//! The syntax is a subset of HTML, for templates written here, not for input: `<tag a="v">`
//! … `</tag>`, `<tag … />`, text without `<`, `{` or entities. A line break and the indentation
//! after it are not text, so templates can be laid out on lines.

use std::cell::RefCell;
use std::rc::Rc;

use yew::html::{onchange, onclick, oninput, onkeydown};
use yew::virtual_dom::{AttributeOrProperty, Attributes, Listener, Listeners, VList, VNode, VTag, VText};
use yew::{AttrValue, Callback, Event, Html, InputEvent, KeyboardEvent, MouseEvent, NodeRef};

thread_local! {
    /// Every list of attribute names an element was built with, kept for the page's lifetime.
    static KEYS: RefCell<Vec<&'static [&'static str]>> = const { RefCell::new(Vec::new()) };
}

/// `keys` as a `'static` slice: the same one for the same names, so that Yew compares the
/// attributes of two renders value by value (as for `html!`'s) instead of as maps. The names
/// come from the code and the templates, so there are a few dozen lists, each kept once.
fn intern(keys: &[&'static str]) -> &'static [&'static str] {
    KEYS.with_borrow_mut(|known| match known.iter().find(|k| **k == keys) {
        Some(k) => k,
        None => {
            let k: &'static [&'static str] = Vec::leak(keys.to_vec());
            known.push(k);
            k
        }
    })
}

/// An element being built: attributes in the order set, listeners, children.
#[derive(Default)]
pub struct El {
    name: &'static str,
    keys: Vec<&'static str>,
    values: Vec<Option<AttributeOrProperty>>,
    listeners: Vec<Option<Rc<dyn Listener>>>,
    pub children: Vec<Html>,
    /// An `<input>`'s or `<textarea>`'s value (a property: what is typed, not the attribute).
    pub value: Option<AttrValue>,
    /// A checkbox's state.
    pub checked: Option<bool>,
    pub node_ref: NodeRef,
}

impl El {
    #[inline(never)]
    pub fn new(name: &'static str) -> El {
        El { name, ..El::default() }
    }

    /// Set the attribute `key`; `None` leaves it out (and keeps its place for the next render).
    #[inline(never)]
    pub fn set(&mut self, key: &'static str, value: Option<AttrValue>) {
        self.keys.push(key);
        self.values.push(value.map(AttributeOrProperty::Attribute));
    }

    #[inline(never)]
    pub fn attr(&mut self, key: &'static str, value: AttrValue) {
        self.set(key, Some(value));
    }

    #[inline(never)]
    pub fn listen(&mut self, listener: Rc<dyn Listener>) {
        self.listeners.push(Some(listener));
    }

    pub fn on_click(&mut self, callback: Callback<MouseEvent>) {
        self.listen(click(callback));
    }

    #[inline(never)]
    pub fn text(&mut self, text: impl Into<AttrValue>) {
        self.children.push(self::text(text));
    }

    /// The element (built with the constructors `html!` expands to).
    pub fn build(self) -> Html {
        let attributes = Attributes::Dynamic {
            keys: intern(&self.keys),
            values: self.values.into_boxed_slice(),
        };
        let listeners = if self.listeners.is_empty() {
            Listeners::None
        } else {
            Listeners::Pending(self.listeners.into_boxed_slice())
        };
        let (node_ref, value) = (self.node_ref, self.value);
        match self.name {
            "input" => VTag::__new_input(value, self.checked, node_ref, None, attributes, listeners),
            "textarea" => VTag::__new_textarea(value, None, node_ref, None, attributes, listeners),
            name => {
                let children = one_or_fragment(self.children);
                VTag::__new_other(AttrValue::Static(name), node_ref, None, attributes, listeners, children)
            }
        }
        .into()
    }
}

/// What a template's `{…}` stand for.
pub trait Fill {
    /// `{spec}` between elements: push the nodes it stands for.
    fn nodes(&mut self, spec: &'static str, out: &mut Vec<Html>);
    /// `{spec}` inside a start tag: add attributes or listeners to `el`.
    fn attrs(&mut self, spec: &'static str, el: &mut El);
    /// `{?spec}`: whether the block up to `{/}` is shown.
    fn shown(&mut self, spec: &'static str) -> bool;
}

/// The node (or, for several, the fragment) that `src` describes.
pub fn template(src: &'static str, fill: &mut dyn Fill) -> Html {
    let mut out = Vec::new();
    Parser { src, at: 0, fill }.nodes(true, &mut out);
    one_or_fragment(out)
}

/// As `html!` does: one node as it is, none or several in a fragment.
fn one_or_fragment(mut nodes: Vec<Html>) -> Html {
    match nodes.len() {
        1 => nodes.pop().unwrap_or_default(),
        _ => fragment(nodes),
    }
}

struct Parser<'f> {
    src: &'static str,
    at: usize,
    fill: &'f mut dyn Fill,
}

impl Parser<'_> {
    fn rest(&self) -> &'static str {
        self.src.get(self.at..).unwrap_or_default()
    }

    /// The text up to the first of `stops` (or the end), which is not consumed.
    fn take(&mut self, stops: &[u8]) -> &'static str {
        let rest = self.rest();
        let n = rest.bytes().position(|b| stops.contains(&b)).unwrap_or(rest.len());
        self.at += n;
        &rest[..n]
    }

    /// Skip `n` bytes of syntax.
    fn skip(&mut self, n: usize) {
        self.at += n;
    }

    /// `{spec}`, at its `{`.
    fn spec(&mut self) -> &'static str {
        self.skip(1);
        let spec = self.take(b"}");
        self.skip(1);
        spec
    }

    /// Nodes up to the end, a closing tag or `{/}` (consumed). Blocks that are not `live`
    /// (inside a hidden `if`) are read but not filled.
    fn nodes(&mut self, live: bool, out: &mut Vec<Html>) {
        loop {
            let rest = self.rest();
            match rest.bytes().next() {
                None => return,
                Some(b'\n') => {
                    // A line break and the indentation after it.
                    self.skip(1);
                    while self.rest().starts_with(' ') {
                        self.skip(1);
                    }
                }
                Some(b'<') if rest.starts_with("</") => {
                    self.take(b">");
                    self.skip(1);
                    return;
                }
                Some(b'<') => {
                    let node = self.element(live);
                    out.push(node);
                }
                Some(b'{') => {
                    let spec = self.spec();
                    if spec == "/" {
                        return;
                    }
                    if let Some(cond) = spec.strip_prefix('?') {
                        let shown = live && self.fill.shown(cond);
                        let mut block = Vec::new();
                        self.nodes(shown, &mut block);
                        if !shown {
                            block.clear();
                        }
                        out.push(fragment(block));
                    } else if live {
                        self.fill.nodes(spec, out);
                    }
                }
                Some(_) => {
                    let text = self.take(b"<{\n");
                    out.push(VNode::VText(VText::new(AttrValue::Static(text))));
                }
            }
        }
    }

    /// An element, at its `<`.
    fn element(&mut self, live: bool) -> Html {
        self.skip(1);
        let mut el = El::new(self.take(b" \n/>"));
        loop {
            match self.rest().bytes().next() {
                None => break,
                Some(b' ' | b'\n') => self.skip(1),
                Some(b'/') => {
                    self.skip(2);
                    break;
                }
                Some(b'>') => {
                    self.skip(1);
                    self.nodes(live, &mut el.children);
                    break;
                }
                Some(b'{') => {
                    let spec = self.spec();
                    if live {
                        self.fill.attrs(spec, &mut el);
                    }
                }
                Some(_) => {
                    let key = self.take(b"=");
                    self.skip(2);
                    let value = self.take(b"\"");
                    self.skip(1);
                    el.attr(key, AttrValue::Static(value));
                }
            }
        }
        // A hidden block's elements are only read past, never built.
        if live {
            el.build()
        } else {
            Html::default()
        }
    }
}

/// One named piece of a template filled by [`Slots`].
pub enum Slot {
    /// Nodes for `{name}` between elements.
    Node(Html),
    /// An attribute for `{name}` in a start tag (`None`: not set).
    Attr(&'static str, Option<AttrValue>),
    /// A listener for `{name}` in a start tag.
    On(Rc<dyn Listener>),
    /// The value of the `<input>` with `{name}`.
    Value(AttrValue),
    /// The node ref of the element with `{name}`.
    Ref(NodeRef),
    /// Whether `{?name}` … `{/}` shows.
    Show(bool),
}

/// A [`Fill`] from named pieces: `{name}` takes every [`Slot`] called `name`, in order (each
/// once). The names of [`Slot::Show`]s end in `?` (`{?banner?}`), so they differ from the
/// others'.
pub struct Slots(pub Vec<(&'static str, Slot)>);

impl Slots {
    /// The slots called `name`, each taken once.
    fn take<'a>(&'a mut self, name: &'a str) -> impl Iterator<Item = Slot> + 'a {
        self.0
            .iter_mut()
            .filter(move |(n, _)| *n == name)
            .map(|(_, slot)| std::mem::replace(slot, Slot::Show(false)))
    }
}

impl Fill for Slots {
    fn nodes(&mut self, spec: &'static str, out: &mut Vec<Html>) {
        for slot in self.take(spec) {
            if let Slot::Node(node) = slot {
                out.push(node);
            }
        }
    }

    fn attrs(&mut self, spec: &'static str, el: &mut El) {
        for slot in self.take(spec) {
            match slot {
                Slot::Attr(key, value) => el.set(key, value),
                Slot::On(listener) => el.listen(listener),
                Slot::Value(value) => el.value = Some(value),
                Slot::Ref(node_ref) => el.node_ref = node_ref,
                Slot::Node(_) | Slot::Show(_) => {}
            }
        }
    }

    fn shown(&mut self, spec: &'static str) -> bool {
        self.take(spec).any(|slot| matches!(slot, Slot::Show(true)))
    }
}

/// A text node.
pub fn text(text: impl Into<AttrValue>) -> Html {
    VNode::VText(VText::new(text))
}

/// A fragment: nodes without an element around them (what `html!` makes of an `if` block).
pub fn fragment(children: Vec<Html>) -> Html {
    VNode::VList(Rc::new(VList::with_children(children, None)))
}

/// An `onclick` listener.
pub fn click(callback: Callback<MouseEvent>) -> Rc<dyn Listener> {
    Rc::new(onclick::Wrapper::new(callback))
}

/// An `oninput` listener.
pub fn input(callback: Callback<InputEvent>) -> Rc<dyn Listener> {
    Rc::new(oninput::Wrapper::new(callback))
}

/// An `onchange` listener.
pub fn change(callback: Callback<Event>) -> Rc<dyn Listener> {
    Rc::new(onchange::Wrapper::new(callback))
}

/// An `onkeydown` listener.
pub fn keydown(callback: Callback<KeyboardEvent>) -> Rc<dyn Listener> {
    Rc::new(onkeydown::Wrapper::new(callback))
}
