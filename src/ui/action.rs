//! What the person did: the typed actions the reducer (`state`) takes. Pure data.

use super::notice::Notice;
use crate::model::document::RuleDoc;
use crate::model::edit::{Direction, Flag, Text};
use crate::model::lint::Fix;
use crate::model::share::ShareError;
use crate::model::Document;

/// `Clone`: a list button dispatches the same action on every click.
#[derive(Clone, Debug)]
pub enum Action {
    /// Typed or picked text for a field.
    Text(Text, String),
    /// A checkbox.
    Flag(Flag, bool),
    AddSubnet,
    RemoveSubnet(usize),
    AddRule(Direction, RuleDoc),
    RemoveRule(Direction, usize),
    AddInstance,
    RemoveInstance(usize),
    /// A tag for the instance at this index.
    AddTag(usize),
    /// Remove tag `.1` of instance `.0`.
    RemoveTag(usize, usize),
    /// Convert every instance type to this architecture's counterpart (offered after the
    /// architecture changed).
    ConvertInstances(String),
    /// A lint fix; `admin_cidr` was checked by the caller (only `RestrictSsh` uses it).
    Fix {
        fix: Fix,
        admin_cidr: String,
    },
    /// Every finding's fix; SSH is restricted only when an address (checked by the caller) is
    /// given.
    FixAll {
        admin_cidr: Option<String>,
    },
    /// Reset, a preset: a whole new document and what to tell the person.
    Replace {
        doc: Box<Document>,
        notice: Option<Notice>,
    },
    /// The text of a picked or dropped `config.tf.json`.
    Import {
        file_name: String,
        text: String,
    },
    /// The stack of a share link in the address bar (on load, or pasted into an open tab), or
    /// why it could not be read.
    OpenLink(Box<Result<Document, ShareError>>),
    Undo,
    Redo,
    Notify(Notice),
    Dismiss,
}
