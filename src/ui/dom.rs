//! Virtual DOM from markup templates, for the parts of the page that are mostly static.
//!
//! Each `html!` element expands to its own inline construction code (a boxed `VTag`, a children
//! vector, conversions), so a page of them costs tens of kilobytes of wasm. A template is the
//! same markup as text, read by one small parser ([`template`]) into the nodes `html!` would
//! make: elements with their children in a `VList`, attributes in the order written, and
//! `if` blocks as (possibly empty) fragments. What is not static comes from a [`Fill`]:
//!
//! - `{spec}` between elements: nodes ([`Fill::nodes`]);
//! - `{spec}` inside a start tag: attributes or listeners ([`Fill::attrs`]);
//! - `{?spec}` … `{/}`: a block shown when [`Fill::shown`] says so.
//!
//! The syntax is a subset of HTML, for templates written here, not for input: `<tag a="v">`
//! … `</tag>`, `<tag … />`, text without `<`, `{` or entities. A line break and the indentation
//! after it are not text, so templates can be laid out on lines.

use std::cell::RefCell;
use std::rc::Rc;

use yew::html::onclick;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Listener, Listeners, VList, VNode, VTag, VText};
use yew::{AttrValue, Callback, Html, MouseEvent, NodeRef};

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
pub struct El {
    name: &'static str,
    keys: Vec<&'static str>,
    values: Vec<Option<AttributeOrProperty>>,
    listeners: Vec<Option<Rc<dyn Listener>>>,
    pub children: Vec<Html>,
}

impl El {
    pub fn new(name: &'static str) -> El {
        El {
            name,
            keys: Vec::new(),
            values: Vec::new(),
            listeners: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Set the attribute `key`; `None` leaves it out (and keeps its place for the next render).
    pub fn set(&mut self, key: &'static str, value: Option<AttrValue>) {
        self.keys.push(key);
        self.values.push(value.map(AttributeOrProperty::Attribute));
    }

    pub fn attr(&mut self, key: &'static str, value: AttrValue) {
        self.set(key, Some(value));
    }

    pub fn listen(&mut self, listener: Rc<dyn Listener>) {
        self.listeners.push(Some(listener));
    }

    pub fn on_click(&mut self, callback: Callback<MouseEvent>) {
        self.listen(Rc::new(onclick::Wrapper::new(callback)));
    }

    pub fn text(&mut self, text: impl Into<AttrValue>) {
        self.children.push(self::text(text));
    }

    fn parts(self) -> (Attributes, Listeners, Vec<Html>) {
        let attributes = Attributes::Dynamic {
            keys: intern(&self.keys),
            values: self.values.into_boxed_slice(),
        };
        let listeners = if self.listeners.is_empty() {
            Listeners::None
        } else {
            Listeners::Pending(self.listeners.into_boxed_slice())
        };
        (attributes, listeners, self.children)
    }

    /// The element (built with the constructors `html!` expands to).
    pub fn build(self) -> Html {
        let name = self.name;
        let (attributes, listeners, children) = self.parts();
        // As `html!`: one child as it is, several in a list.
        let children = match <[Html; 1]>::try_from(children) {
            Ok([child]) => child,
            Err(children) => fragment(children),
        };
        VTag::__new_other(
            AttrValue::Static(name),
            NodeRef::default(),
            None,
            attributes,
            listeners,
            children,
        )
        .into()
    }

    /// An `<input>` with this value (text) or state (checkbox).
    pub fn input(self, value: Option<AttrValue>, checked: Option<bool>) -> Html {
        let (attributes, listeners, _) = self.parts();
        VTag::__new_input(value, checked, NodeRef::default(), None, attributes, listeners).into()
    }

    /// A `<textarea>` with this value.
    pub fn textarea(self, value: AttrValue) -> Html {
        let (attributes, listeners, _) = self.parts();
        VTag::__new_textarea(Some(value), None, NodeRef::default(), None, attributes, listeners).into()
    }
}

/// What a template's `{…}` stand for.
pub trait Fill {
    /// `{spec}` between elements: push the nodes it stands for.
    fn nodes(&self, spec: &'static str, out: &mut Vec<Html>);
    /// `{spec}` inside a start tag: add attributes or listeners to `el`.
    fn attrs(&self, spec: &'static str, el: &mut El) {
        let _ = (spec, el);
    }
    /// `{?spec}`: whether the block up to `{/}` is shown.
    fn shown(&self, spec: &'static str) -> bool {
        let _ = spec;
        true
    }
}

/// The node (or, for several, the fragment) that `src` describes.
pub fn template(src: &'static str, fill: &dyn Fill) -> Html {
    let mut out = Vec::new();
    Parser { src, at: 0, fill }.nodes(true, &mut out);
    if out.len() == 1 {
        out.pop().unwrap_or_default()
    } else {
        fragment(out)
    }
}

struct Parser<'f> {
    src: &'static str,
    at: usize,
    fill: &'f dyn Fill,
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
        el.build()
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
