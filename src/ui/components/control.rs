//! What every form control shares: its wrapper, label, help text and message, wired to the
//! control with `aria-describedby` and `aria-invalid`. The controls (`text_field`,
//! `select_field`, `checkbox`) put their own element inside [`Control::frame`].
//!
//! Belongs here: that shared markup. Not here: which field a control edits (`ui::field`).

use yew::prelude::*;

use crate::ui::field::field_id;

/// One control's label and notes, for the field at `path`.
pub struct Control<'a> {
    /// The element id, from the field's path.
    pub id: AttrValue,
    pub label: &'a AttrValue,
    pub help: &'a AttrValue,
    pub message: Option<&'a AttrValue>,
}

impl<'a> Control<'a> {
    pub fn new(path: &str, label: &'a AttrValue, help: &'a AttrValue, message: Option<&'a AttrValue>) -> Self {
        Control {
            id: field_id(path).into(),
            label,
            help,
            message,
        }
    }

    /// The ids the control is described by: its help text and its message.
    pub fn described_by(&self) -> Option<AttrValue> {
        let id = &self.id;
        match (!self.help.is_empty(), self.message.is_some()) {
            (true, true) => Some(format!("{id}-help {id}-msg").into()),
            (true, false) => Some(format!("{id}-help").into()),
            (false, true) => Some(format!("{id}-msg").into()),
            (false, false) => None,
        }
    }

    /// `aria-invalid="true"` while there is a message.
    pub fn invalid(&self) -> Option<AttrValue> {
        self.message.map(|_| AttrValue::Static("true"))
    }

    /// The wrapper: label then control (a checkbox: control then label), then the notes.
    pub fn frame(&self, control: Html, check: bool) -> Html {
        let id = &self.id;
        let class = classes!("field", check.then_some("check"), self.message.map(|_| "invalid"));
        let label = html! { <label for={id}>{ self.label }</label> };
        // Absent notes are empty nodes, not missing ones: Yew matches unkeyed children from
        // the end, so a message appearing last would otherwise re-create the control (and
        // take the keyboard focus from it).
        let help = match self.help.is_empty() {
            true => Html::default(),
            false => html! { <p id={format!("{id}-help")} class="help">{ self.help }</p> },
        };
        let message = match self.message {
            Some(message) => html! { <p id={format!("{id}-msg")} class="msg">{ message }</p> },
            None => Html::default(),
        };
        let (first, second) = if check { (control, label) } else { (label, control) };
        html! {
            <div {class}>
                { first }
                { second }
                { help }
                { message }
            </div>
        }
    }
}
