//! One labelled form control bound to a document path: text input, textarea, select or
//! checkbox, with its help text and its message (a validation error or a refused paste)
//! right next to it, wired with `aria-describedby` and `aria-invalid`.
//!
//! The control's `id` is derived from the path ([`field_id`]), so error lists and lint
//! findings can link to it. Sections build fields through [`Fields`]; no section writes its
//! own input callbacks.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::state::{Action, Refusal};
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
#[derive(Debug, Default, PartialEq)]
pub struct Messages {
    /// (path, message), sorted by path.
    pub errors: Vec<(String, String)>,
    pub refused: Vec<(String, Refusal)>,
}

/// A field's message and the refusal counter that forces it to re-render.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Msg {
    pub text: Option<AttrValue>,
    pub seq: u64,
}

impl Messages {
    pub fn at(&self, path: &str) -> Msg {
        if let Some((_, r)) = self.refused.iter().find(|(p, _)| p == path) {
            return Msg {
                text: Some(AttrValue::from(r.message.clone())),
                seq: r.seq,
            };
        }
        Msg {
            text: self
                .errors
                .binary_search_by(|(p, _)| p.as_str().cmp(path))
                .ok()
                .map(|i| AttrValue::from(self.errors[i].1.clone())),
            seq: 0,
        }
    }
}

/// How a text field is typed into.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Kind {
    #[default]
    Line,
    /// A whole number (digits only keyboard on phones).
    Number,
    Area,
    /// A `<select>` of (value, label); an unknown current value is kept as an extra option.
    Select(&'static [(&'static str, &'static str)]),
    /// A `<select>` of regions: (code, name) shown as "code — name".
    Regions,
    /// A `<select>` of names computed from the document (the subnets).
    Names(Rc<[String]>),
}

#[derive(Properties, PartialEq)]
pub struct TextProps {
    pub path: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: AttrValue,
    pub value: AttrValue,
    pub msg: Msg,
    #[prop_or_default]
    pub kind: Kind,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    pub on_edit: Callback<Action>,
}

fn described_by(id: &str, help: bool, msg: bool) -> Option<String> {
    match (help, msg) {
        (true, true) => Some(format!("{id}-help {id}-msg")),
        (true, false) => Some(format!("{id}-help")),
        (false, true) => Some(format!("{id}-msg")),
        (false, false) => None,
    }
}

fn help_and_message(id: &str, help: &AttrValue, msg: &Msg) -> Html {
    html! {
        <>
            if !help.is_empty() {
                <p class="help" id={format!("{id}-help")}>{ help.clone() }</p>
            }
            if let Some(text) = &msg.text {
                <p class="msg" id={format!("{id}-msg")}>{ text.clone() }</p>
            }
        </>
    }
}

/// A labelled text input, textarea or select.
#[function_component]
pub fn TextField(props: &TextProps) -> Html {
    let id = field_id(&props.path);
    let oninput = {
        let path = props.path.to_string();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            on_edit.emit(Action::SetText {
                path: path.clone(),
                value: browser::event_value(&e),
            })
        })
    };
    let has_msg = props.msg.text.is_some();
    let describedby = described_by(&id, !props.help.is_empty(), has_msg);
    let invalid = has_msg.then_some("true");
    let control = match &props.kind {
        Kind::Area => html! {
            <textarea id={id.clone()} name={props.path.clone()} rows="6" spellcheck="false"
                value={props.value.clone()} {oninput}
                aria-describedby={describedby} aria-invalid={invalid}
                placeholder={props.placeholder.clone()} />
        },
        Kind::Select(_) | Kind::Regions | Kind::Names(_) => {
            let value = props.value.as_str();
            let option = |v: &str, label: Html| {
                html! { <option value={v.to_owned()} selected={v == value}>{ label }</option> }
            };
            let (known, options): (bool, Html) = match &props.kind {
                Kind::Select(list) => (
                    list.iter().any(|(v, _)| *v == value),
                    list.iter().map(|(v, label)| option(v, html! { *label })).collect(),
                ),
                Kind::Regions => (
                    REGIONS.iter().any(|(v, _)| *v == value),
                    REGIONS
                        .iter()
                        .map(|(v, name)| option(v, html! { <>{ *v }{ " — " }{ *name }</> }))
                        .collect(),
                ),
                Kind::Names(names) => (
                    names.iter().any(|n| n == value),
                    names.iter().map(|n| option(n, html! { n.clone() })).collect(),
                ),
                _ => (true, Html::default()),
            };
            // A select fires `input` on choice, like the text fields.
            html! {
                <select id={id.clone()} name={props.path.clone()} {oninput}
                    aria-describedby={describedby} aria-invalid={invalid}>
                    if !known {
                        <option value={props.value.clone()} selected=true>{ props.value.clone() }{ " (not a listed choice)" }</option>
                    }
                    { options }
                </select>
            }
        }
        Kind::Line | Kind::Number => html! {
            <input id={id.clone()} name={props.path.clone()} type="text"
                inputmode={(props.kind == Kind::Number).then_some("numeric")}
                autocomplete="off" spellcheck="false"
                value={props.value.clone()} {oninput}
                list={props.list.clone()} placeholder={props.placeholder.clone()}
                aria-describedby={describedby} aria-invalid={invalid} />
        },
    };
    html! {
        <div class={classes!("field", has_msg.then_some("invalid"))}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            { control }
            { help_and_message(&id, &props.help, &props.msg) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub path: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: AttrValue,
    pub checked: bool,
    pub msg: Msg,
    pub on_edit: Callback<Action>,
}

/// A labelled checkbox.
#[function_component]
pub fn CheckField(props: &CheckProps) -> Html {
    let id = field_id(&props.path);
    let onchange = {
        let path = props.path.to_string();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            on_edit.emit(Action::SetFlag {
                path: path.clone(),
                value: browser::event_checked(&e),
            })
        })
    };
    let has_msg = props.msg.text.is_some();
    html! {
        <div class={classes!("field", "check", has_msg.then_some("invalid"))}>
            <input type="checkbox" id={id.clone()} name={props.path.clone()} checked={props.checked} {onchange}
                aria-describedby={described_by(&id, !props.help.is_empty(), has_msg)}
                aria-invalid={has_msg.then_some("true")} />
            <label for={id.clone()}>{ props.label.clone() }</label>
            { help_and_message(&id, &props.help, &props.msg) }
        </div>
    }
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

    fn text_of(
        &self,
        path: &str,
        label: &'static str,
        help: &'static str,
        value: &str,
        kind: Kind,
        list: Option<&'static str>,
    ) -> Html {
        html! {
            <TextField path={AttrValue::from(path.to_owned())} label={label} help={help}
                value={AttrValue::from(value.to_owned())} msg={self.msgs.at(path)} {kind}
                list={list.map(AttrValue::Static)} on_edit={self.on_edit.clone()} />
        }
    }

    pub fn check(&self, path: &str, label: &'static str, help: &'static str, checked: bool) -> Html {
        html! {
            <CheckField path={AttrValue::from(path.to_owned())} label={label} help={help}
                {checked} msg={self.msgs.at(path)} on_edit={self.on_edit.clone()} />
        }
    }

    /// The message for a whole list (e.g. "the stack needs at least one subnet").
    pub fn list_message(&self, path: &str) -> Html {
        match self.msgs.at(path).text {
            Some(text) => html! { <p class="msg" id={field_id(path)} tabindex="-1">{ text }</p> },
            None => Html::default(),
        }
    }
}
