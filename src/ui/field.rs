//! One labelled form control bound to a document path: text input, textarea, select or
//! checkbox, with its help text and its message (a validation error or a refused paste)
//! right next to it, wired with `aria-describedby` and `aria-invalid`.
//!
//! The control's `id` is derived from the path ([`field_id`]), so error lists and lint
//! findings can link to it, and its `name` is the path itself: the form listens for `input`
//! and `change` once ([`Fields::on_input`], [`Fields::on_change`]) and edits the path named by
//! the event's target, so no field holds a callback of its own. Fields are plain virtual DOM
//! built by one function each (no component per field); the sections around them are memoised.
//! `autocomplete="off"` and `spellcheck="false"` are set once on the form, which the controls
//! inherit.

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VNode, VTag};

use super::browser;
use super::state::{Action, Refusal};
use crate::model::document::SubnetDoc;
use crate::model::names::REGIONS;

/// The element id of the control for a document path: `instances[0].tags[1].key` →
/// `f-instances-0-tags-1-key`.
pub fn field_id(path: &str) -> String {
    let mut id = String::with_capacity(path.len() + 2);
    id.push_str("f-");
    for c in path.chars() {
        match c {
            '.' | '[' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// What to show next to each field: validation errors (from the memoised `validate`) and
/// refusals (from the state), by document path.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Messages {
    /// (path, message), sorted by path.
    pub errors: Vec<(String, String)>,
    pub refused: Vec<(String, Refusal)>,
}

impl Messages {
    /// The message for `path`: its refusal, else its validation error.
    pub fn at(&self, path: &str) -> Option<&str> {
        if let Some((_, r)) = self.refused.iter().find(|(p, _)| p == path) {
            return Some(&r.message);
        }
        self.errors
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()
            .map(|i| self.errors[i].1.as_str())
    }
}

/// How a text field is typed into.
#[derive(Clone, Copy)]
pub enum Kind<'a> {
    Line,
    /// A whole number (digits only keyboard on phones).
    Number,
    Area,
    /// A `<select>` of (value, label); an unknown current value is kept as an extra option.
    Select(&'static [(&'static str, &'static str)]),
    /// A `<select>` of regions: (code, name) shown as "code — name".
    Regions,
    /// A `<select>` of the subnets' names.
    Subnets(&'a [SubnetDoc]),
}

/// `text` escaped for HTML text and double-quoted attribute values.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// One `<option>` as HTML.
fn option_into(out: &mut String, value: &str, label: &[&str], selected: bool) {
    out.push_str("<option value=\"");
    escape_into(out, value);
    out.push_str(if selected { "\" selected>" } else { "\">" });
    for part in label {
        escape_into(out, part);
    }
    out.push_str("</option>");
}

/// The options of a select as one piece of HTML (parsed by the browser in one go instead of
/// one virtual node per option), and whether `value` is one of them.
fn options(kind: Kind, value: &str) -> (bool, String) {
    let mut out = String::new();
    let mut known = false;
    let mut add = |v: &str, label: &[&str]| {
        let selected = v == value;
        known |= selected;
        option_into(&mut out, v, label, selected);
    };
    match kind {
        Kind::Select(list) => list.iter().for_each(|(v, label)| add(v, &[label])),
        Kind::Regions => REGIONS.iter().for_each(|(v, name)| add(v, &[v, " — ", name])),
        Kind::Subnets(subnets) => subnets.iter().for_each(|s| add(&s.name, &[&s.name])),
        Kind::Line | Kind::Number | Kind::Area => {}
    }
    (known, out)
}

/// `id` followed by `suffix`.
fn suffixed(id: &str, suffix: &str) -> String {
    let mut out = String::with_capacity(id.len() + suffix.len());
    out.push_str(id);
    out.push_str(suffix);
    out
}

/// The ids a control is described by: its help text and its message.
fn described_by(id: &str, help: bool, msg: bool) -> Option<String> {
    match (help, msg) {
        (true, true) => Some([id, "-help ", id, "-msg"].concat()),
        (true, false) => Some(suffixed(id, "-help")),
        (false, true) => Some(suffixed(id, "-msg")),
        (false, false) => None,
    }
}

/// The wrapper's class attribute: [text field, checkbox] × [valid, invalid]. A fixed list, so
/// the wrapper is built by hand: html! turns any computed class into a `Classes` set (split,
/// hashed, joined again) for every field.
type Attrs = &'static [(&'static str, AttributeOrProperty)];
const fn class(value: &'static str) -> AttributeOrProperty {
    AttributeOrProperty::Attribute(AttrValue::Static(value))
}
const WRAPPER: [[Attrs; 2]; 2] = [
    [&[("class", class("field"))], &[("class", class("field invalid"))]],
    [
        &[("class", class("field check"))],
        &[("class", class("field check invalid"))],
    ],
];

/// A field's wrapper: the control and label (in the order given), then the help and message.
fn wrap(check: bool, first: Html, second: Html, id: &str, help: &'static str, msg: Option<&str>) -> Html {
    let mut div = VTag::new(AttrValue::Static("div"));
    div.set_attributes(Attributes::Static(
        WRAPPER[usize::from(check)][usize::from(msg.is_some())],
    ));
    div.add_children([
        first,
        second,
        html! {
            <>
                if !help.is_empty() {
                    <p class="help" id={suffixed(id, "-help")}>{ help }</p>
                }
                if let Some(text) = msg {
                    <p class="msg" id={suffixed(id, "-msg")}>{ text.to_owned() }</p>
                }
            </>
        },
    ]);
    div.into()
}

fn label(id: &str, text: &'static str) -> Html {
    html! { <label for={id.to_owned()}>{ text }</label> }
}

/// Builds the fields of a section: holds the messages and the dispatcher once.
#[derive(Clone, PartialEq)]
pub struct Fields {
    pub msgs: Rc<Messages>,
    pub on_edit: Callback<Action>,
}

impl Fields {
    pub fn text(&self, path: &str, label: &'static str, help: &'static str, value: &str) -> Html {
        self.text_of(path, label, help, value, Kind::Line, None)
    }

    pub fn number(&self, path: &str, label: &'static str, help: &'static str, value: &str) -> Html {
        self.text_of(path, label, help, value, Kind::Number, None)
    }

    pub fn area(&self, path: &str, label: &'static str, help: &'static str, value: &str) -> Html {
        self.text_of(path, label, help, value, Kind::Area, None)
    }

    /// A text input with suggestions from the `<datalist id=list>`.
    pub fn suggest(
        &self,
        path: &str,
        label: &'static str,
        help: &'static str,
        value: &str,
        list: &'static str,
    ) -> Html {
        self.text_of(path, label, help, value, Kind::Line, Some(list))
    }

    pub fn select(&self, path: &str, label: &'static str, help: &'static str, value: &str, kind: Kind) -> Html {
        self.text_of(path, label, help, value, kind, None)
    }

    /// A labelled text input, textarea or select.
    fn text_of(
        &self,
        path: &str,
        label_text: &'static str,
        help: &'static str,
        value: &str,
        kind: Kind,
        list: Option<&'static str>,
    ) -> Html {
        let id = field_id(path);
        let msg = self.msgs.at(path);
        let describedby = described_by(&id, !help.is_empty(), msg.is_some());
        let invalid = msg.is_some().then_some("true");
        let name = path.to_owned();
        let control = match kind {
            Kind::Area => html! {
                <textarea id={id.clone()} {name} rows="6" value={value.to_owned()}
                    aria-describedby={describedby} aria-invalid={invalid} />
            },
            Kind::Line | Kind::Number => html! {
                <input id={id.clone()} {name} type="text"
                    inputmode={matches!(kind, Kind::Number).then_some("numeric")}
                    value={value.to_owned()} {list}
                    aria-describedby={describedby} aria-invalid={invalid} />
            },
            Kind::Select(_) | Kind::Regions | Kind::Subnets(_) => {
                let (known, options) = options(kind, value);
                let unknown = (!known).then(|| {
                    let mut html = String::new();
                    option_into(&mut html, value, &[value, " (not a listed choice)"], true);
                    html
                });
                html! {
                    <select id={id.clone()} {name} aria-describedby={describedby} aria-invalid={invalid}>
                        { Html::from_html_unchecked(AttrValue::from(unknown.unwrap_or_default() + &options)) }
                    </select>
                }
            }
        };
        wrap(false, label(&id, label_text), control, &id, help, msg)
    }

    /// A labelled checkbox.
    pub fn check(&self, path: &str, label_text: &'static str, help: &'static str, checked: bool) -> Html {
        let id = field_id(path);
        let msg = self.msgs.at(path);
        let control = html! {
            <input type="checkbox" id={id.clone()} name={path.to_owned()} {checked}
                aria-describedby={described_by(&id, !help.is_empty(), msg.is_some())}
                aria-invalid={msg.is_some().then_some("true")} />
        };
        wrap(true, control, label(&id, label_text), &id, help, msg)
    }

    /// The message for a whole list (e.g. "the stack needs at least one subnet").
    pub fn list_message(&self, path: &str) -> Html {
        match self.msgs.at(path) {
            Some(text) => html! { <p class="msg" id={field_id(path)} tabindex="-1">{ text.to_owned() }</p> },
            None => VNode::default(),
        }
    }

    /// The form's one `input` listener: text inputs, textareas and selects edit the path in
    /// their `name`.
    pub fn on_input(&self) -> Callback<InputEvent> {
        let on_edit = self.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some((path, value)) = browser::event_text(&e).filter(|(path, _)| !path.is_empty()) {
                on_edit.emit(Action::SetText { path, value });
            }
        })
    }

    /// The form's one `change` listener: checkboxes set the flag in their `name`.
    pub fn on_change(&self) -> Callback<Event> {
        let on_edit = self.on_edit.clone();
        Callback::from(move |e: Event| {
            if let Some((path, value)) = browser::event_flag(&e).filter(|(path, _)| !path.is_empty()) {
                on_edit.emit(Action::SetFlag { path, value });
            }
        })
    }
}
