//! One labelled form control bound to a document path: text input, textarea, select or
//! checkbox, with its help text and its message (a validation error or a refused paste)
//! right next to it, wired with `aria-describedby` and `aria-invalid`.
//!
//! The control's `id` is derived from the path ([`field_id`]), so error lists and lint
//! findings can link to it, and its `name` is the path itself: the form listens for `input`
//! and `change` once ([`Fields::on_input`], [`Fields::on_change`]) and edits the path named by
//! the event's target, so no field holds a callback of its own. Fields are plain virtual DOM
//! built by one function, [`Fields::field`] (no component per field, no `html!` code per
//! control); the sections around them are memoised.
//! `autocomplete="off"` and `spellcheck="false"` are set once on the form, which the controls
//! inherit.

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::VNode;

use super::browser;
use super::dom::{self, El};
use super::state::{Action, Refusal};
use crate::model::document::SubnetDoc;
use crate::model::names::REGIONS;
use crate::render::highlight::escape_html;

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

/// How a field is edited.
#[derive(Clone, Copy)]
pub enum Kind<'a> {
    Line,
    /// A whole number (digits only keyboard on phones).
    Number,
    Area,
    /// A text input with suggestions from the `<datalist>` with this id.
    Suggest(&'static str),
    /// A `<select>` of `value=label` options separated by `;`; an unknown current value is kept
    /// as an extra option.
    Select(&'static str),
    /// A `<select>` of regions: (code, name) shown as "code — name".
    Regions,
    /// A `<select>` of the subnets' names.
    Subnets(&'a [SubnetDoc]),
    /// A checkbox, and whether it is checked.
    Check(bool),
}

/// One `<option>` as HTML.
pub(crate) fn option_into(out: &mut String, value: &str, label: &[&str], selected: bool) {
    out.push_str("<option value=\"");
    escape_html(out, value);
    out.push_str(if selected { "\" selected>" } else { "\">" });
    for part in label {
        escape_html(out, part);
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
        Kind::Select(list) => list
            .split(';')
            .filter_map(|option| option.split_once('='))
            .for_each(|(v, label)| add(v, &[label])),
        Kind::Regions => REGIONS.iter().for_each(|(v, name)| add(v, &[v, " — ", name])),
        Kind::Subnets(subnets) => subnets.iter().for_each(|s| add(&s.name, &[&s.name])),
        _ => {}
    }
    (known, out)
}

/// The ids a control is described by: its help text and its message.
fn described_by(id: &str, help: bool, msg: bool) -> Option<String> {
    match (help, msg) {
        (true, true) => Some([id, "-help ", id, "-msg"].concat()),
        (true, false) => Some([id, "-help"].concat()),
        (false, true) => Some([id, "-msg"].concat()),
        (false, false) => None,
    }
}

/// A field's wrapper: the control and label (in the order given), then the help and message.
fn wrap(class: &'static str, first: Html, second: Html, id: &str, help: &'static str, msg: Option<&str>) -> Html {
    let note = |class: &'static str, suffix: &str, text: AttrValue| {
        let mut p = El::new("p");
        p.attr("id", [id, suffix].concat().into());
        p.attr("class", AttrValue::Static(class));
        p.text(text);
        vec![p.build()]
    };
    let mut div = El::new("div");
    div.attr("class", AttrValue::Static(class));
    div.children = vec![
        first,
        second,
        dom::fragment(vec![
            dom::fragment(if help.is_empty() {
                Vec::new()
            } else {
                note("help", "-help", AttrValue::Static(help))
            }),
            dom::fragment(msg.map_or_else(Vec::new, |m| note("msg", "-msg", m.to_owned().into()))),
        ]),
    ];
    div.build()
}

/// Builds the fields of a section: holds the messages and the dispatcher once.
#[derive(Clone, PartialEq)]
pub struct Fields {
    pub msgs: Rc<Messages>,
    pub on_edit: Callback<Action>,
}

impl Fields {
    /// A labelled control for the text (or flag) at `path`.
    pub fn field(&self, path: &str, label: &'static str, help: &'static str, value: &str, kind: Kind) -> Html {
        let id = field_id(path);
        let msg = self.msgs.at(path);
        let mut control = El::new(match kind {
            Kind::Area => "textarea",
            Kind::Select(_) | Kind::Regions | Kind::Subnets(_) => "select",
            _ => "input",
        });
        if let Kind::Check(_) = kind {
            control.attr("type", AttrValue::Static("checkbox"));
        }
        control.attr("id", id.clone().into());
        control.attr("name", path.to_owned().into());
        match kind {
            // No `type`: text is the default, and one attribute fewer per field to create.
            Kind::Line | Kind::Number | Kind::Suggest(_) => {
                let numeric = matches!(kind, Kind::Number).then_some(AttrValue::Static("numeric"));
                control.set("inputmode", numeric);
                let list = match kind {
                    Kind::Suggest(list) => Some(AttrValue::Static(list)),
                    _ => None,
                };
                control.set("list", list);
            }
            Kind::Area => control.attr("rows", AttrValue::Static("6")),
            _ => {}
        }
        control.set(
            "aria-describedby",
            described_by(&id, !help.is_empty(), msg.is_some()).map(AttrValue::from),
        );
        control.set("aria-invalid", msg.map(|_| AttrValue::Static("true")));
        let mut label_el = El::new("label");
        label_el.attr("for", id.clone().into());
        label_el.text(label);
        let label = label_el.build();
        let value = AttrValue::from(value.to_owned());
        let control = match kind {
            Kind::Check(checked) => {
                control.checked = Some(checked);
                let control = control.build();
                return wrap(
                    if msg.is_some() {
                        "field check invalid"
                    } else {
                        "field check"
                    },
                    control,
                    label,
                    &id,
                    help,
                    msg,
                );
            }
            Kind::Area | Kind::Line | Kind::Number | Kind::Suggest(_) => {
                control.value = Some(value);
                control.build()
            }
            Kind::Select(_) | Kind::Regions | Kind::Subnets(_) => {
                let (known, options) = options(kind, &value);
                let mut html = String::new();
                if !known {
                    option_into(&mut html, &value, &[&value, " (not a listed choice)"], true);
                }
                html.push_str(&options);
                control.children.push(Html::from_html_unchecked(html.into()));
                control.build()
            }
        };
        wrap(
            if msg.is_some() { "field invalid" } else { "field" },
            label,
            control,
            &id,
            help,
            msg,
        )
    }

    /// The message for a whole list (e.g. "the stack needs at least one subnet").
    pub fn list_message(&self, path: &str) -> Html {
        match self.msgs.at(path) {
            Some(text) => {
                let mut p = El::new("p");
                p.attr("id", field_id(path).into());
                p.attr("tabindex", AttrValue::Static("-1"));
                p.attr("class", AttrValue::Static("msg"));
                p.text(text.to_owned());
                p.build()
            }
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
