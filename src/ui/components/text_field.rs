//! A labelled text control bound to one text field: a single-line input (plain, numeric, or
//! with suggestions from a `<datalist>`) or a textarea, with its help text and message.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::control::Control;
use crate::ui::field::TextBinding;

/// How the text is typed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    #[default]
    Line,
    /// A whole number (a digits keyboard on phones).
    Number,
    /// A line with suggestions from the `<datalist>` with this id.
    Suggest(&'static str),
    /// Several lines.
    Area,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bind: TextBinding,
    /// Instead of the field's own label (`Text::label`, `Flag::label`: the one source of the
    /// form's labels, which error messages use too); only where the form says more (ICMP).
    #[prop_or_default]
    pub label: AttrValue,
    #[prop_or_default]
    pub help: AttrValue,
    #[prop_or_default]
    pub kind: Kind,
    /// Shown but not editable (a field the current mode does not use); the value stays.
    #[prop_or_default]
    pub disabled: bool,
}

fn input_text(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn area_text(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlTextAreaElement>().value()
}

#[component]
pub fn TextField(props: &Props) -> Html {
    let Props {
        bind,
        label,
        help,
        kind,
        disabled,
    } = props;
    let path = bind.field.path();
    let label = match label.is_empty() {
        true => AttrValue::Static(bind.field.label()),
        false => label.clone(),
    };
    let control = Control::new(&path, &label, help, bind.message.as_ref());
    let (id, value) = (control.id.clone(), bind.value.clone());
    let (described_by, invalid) = (control.described_by(), control.invalid());
    let element = if let Kind::Area = kind {
        html! {
            <textarea {id} name={path} rows="6" aria-describedby={described_by} aria-invalid={invalid}
                {value} disabled={*disabled} oninput={bind.on_edit(area_text)} />
        }
    } else {
        // No `type`: text is the default.
        let inputmode = matches!(kind, Kind::Number).then_some("numeric");
        let list = match kind {
            Kind::Suggest(list) => Some(*list),
            _ => None,
        };
        html! {
            <input {id} name={path} {inputmode} {list} aria-describedby={described_by} aria-invalid={invalid}
                {value} disabled={*disabled} oninput={bind.on_edit(input_text)} />
        }
    };
    control.frame(element, false)
}
