//! What a form control is bound to: its typed field ([`Text`] or [`Flag`]), the value it
//! shows, the message next to it, and where its edits go. Pure: no browser calls, no markup.
//!
//! A control's `id` is derived from its field's document path ([`field_id`]), so error lists
//! and lint findings can link to it, and its `name` is the path itself. The value is read from
//! the document through the field ([`Text::get`]), so a control cannot show one field and
//! edit another. The controls themselves are in `components` (text, select, checkbox).

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::{AttrValue, Callback};

use super::state::{Action, Refusal};
use crate::model::edit::{Field, Flag, Text};
use crate::model::Document;

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

/// What to show next to each field: validation errors (from the memoised outcome) by document
/// path, and refusals (from the state) by field.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Messages {
    pub errors: BTreeMap<String, String>,
    pub refused: BTreeMap<Field, Refusal>,
}

impl Messages {
    /// The message for `field`: its refusal, else its validation error.
    pub fn at(&self, field: impl Into<Field>) -> Option<&str> {
        let field = field.into();
        if let Some(refusal) = self.refused.get(&field) {
            return Some(&refusal.message);
        }
        if self.errors.is_empty() {
            return None;
        }
        self.at_path(&field.path())
    }

    /// Which refusal of `field` is shown, if one is (see [`Refusal::seq`]).
    pub fn refusal_seq(&self, field: impl Into<Field>) -> Option<u64> {
        self.refused.get(&field.into()).map(|r| r.seq)
    }

    /// The validation error at `path` (also a whole list's: `network.subnets`).
    pub fn at_path(&self, path: &str) -> Option<&str> {
        self.errors.get(path).map(String::as_str)
    }
}

/// A text control's binding.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBinding {
    pub field: Text,
    pub value: AttrValue,
    pub message: Option<AttrValue>,
    /// Changes with every refusal of this field, so the control re-renders (and Yew puts the
    /// stored value back into it) even when the same text is refused twice.
    pub refusal: Option<u64>,
    pub dispatch: Callback<Action>,
}

impl TextBinding {
    /// A listener that reads the control's new text from its event (with `read`) and edits
    /// the field with it.
    pub fn on_edit<E: 'static>(&self, read: fn(&E) -> String) -> Callback<E> {
        let field = self.field;
        self.dispatch.reform(move |e: E| Action::Text(field, read(&e)))
    }
}

/// A checkbox's binding.
#[derive(Clone, Debug, PartialEq)]
pub struct FlagBinding {
    pub field: Flag,
    pub checked: bool,
    pub message: Option<AttrValue>,
    /// As [`TextBinding::refusal`].
    pub refusal: Option<u64>,
    pub dispatch: Callback<Action>,
}

impl FlagBinding {
    /// A listener that reads the checkbox's state from its event (with `read`) and sets the
    /// flag to it.
    pub fn on_edit<E: 'static>(&self, read: fn(&E) -> bool) -> Callback<E> {
        let field = self.field;
        self.dispatch.reform(move |e: E| Action::Flag(field, read(&e)))
    }
}

/// What every part of the form gets from the root: the messages and the one dispatcher (the
/// same callback on every render, so it never makes a part re-render).
#[derive(Clone, Debug, PartialEq)]
pub struct FormCtx {
    pub messages: Rc<Messages>,
    pub dispatch: Callback<Action>,
}

impl FormCtx {
    /// Bind controls to the fields of `doc`.
    pub fn bind<'a>(&'a self, doc: &'a Document) -> Binder<'a> {
        Binder { doc, form: self }
    }

    /// A click listener that dispatches `action`.
    pub fn on_click<E: 'static>(&self, action: Action) -> Callback<E> {
        self.dispatch.reform(move |_: E| action.clone())
    }
}

/// Makes the bindings of one render of a part of the form.
pub struct Binder<'a> {
    doc: &'a Document,
    form: &'a FormCtx,
}

impl Binder<'_> {
    pub fn text(&self, field: Text) -> TextBinding {
        TextBinding {
            field,
            value: AttrValue::from(field.get(self.doc).unwrap_or_default().to_owned()),
            message: self.message(field.into()),
            refusal: self.form.messages.refusal_seq(field),
            dispatch: self.form.dispatch.clone(),
        }
    }

    pub fn flag(&self, field: Flag) -> FlagBinding {
        FlagBinding {
            field,
            checked: field.get(self.doc).unwrap_or_default(),
            message: self.message(field.into()),
            refusal: self.form.messages.refusal_seq(field),
            dispatch: self.form.dispatch.clone(),
        }
    }

    /// The message of the whole list at `path` (e.g. the stack needs at least one subnet).
    pub fn list_message(&self, path: &str) -> Option<AttrValue> {
        self.form.messages.at_path(path).map(|m| AttrValue::from(m.to_owned()))
    }

    fn message(&self, field: Field) -> Option<AttrValue> {
        self.form.messages.at(field).map(|m| AttrValue::from(m.to_owned()))
    }
}
