//! The app's state and its pure reducer: the stack document, the messages of refused edits,
//! and the banner. No browser calls and no rendering here (those are `browser` and the
//! components); rendered files are computed from the document, never stored.
//!
//! `revision` counts document changes made in this page. Autosave runs only when it is above
//! zero, so opening a share link or falling back from a corrupt autosave never overwrites what
//! the person saved before: only their own edit does.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::model::document::{InstanceDoc, RuleDoc, SubnetDoc, TagDoc};
use crate::model::edit::{self, EditError};
use crate::model::import::import_tf_json;
use crate::model::lint::{self, Fix};
use crate::model::{share, Document};
use yew::Reducible;

/// How a banner message looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Success,
    Error,
}

/// A message above the form, with an optional list (e.g. what an import left out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    pub details: Vec<String>,
}

impl Notice {
    pub fn new(level: Level, text: impl Into<String>) -> Self {
        Notice {
            level,
            text: text.into(),
            details: Vec::new(),
        }
    }
}

/// Why a field's last input was not stored. `seq` changes with every refusal, so the field
/// re-renders (and puts the stored value back) even when the same text is refused twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub seq: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub doc: Rc<Document>,
    /// Field path → why its last input was refused.
    pub refused: BTreeMap<String, Refusal>,
    pub refusals: u64,
    /// Document changes made in this page (0: nothing to autosave yet).
    pub revision: u64,
    pub notice: Option<Notice>,
}

/// An edit. `Clone`: a list button dispatches the same action on every click.
#[derive(Clone)]
pub enum Action {
    SetText {
        path: String,
        value: String,
    },
    SetFlag {
        path: String,
        value: bool,
    },
    AddSubnet,
    RemoveSubnet(usize),
    AddRule {
        egress: bool,
        rule: RuleDoc,
    },
    RemoveRule {
        egress: bool,
        index: usize,
    },
    AddInstance,
    RemoveInstance(usize),
    AddTag(usize),
    RemoveTag(usize, usize),
    /// A lint fix; `admin_cidr` was checked by the caller (only `RestrictSsh` uses it).
    Fix {
        fix: Fix,
        admin_cidr: String,
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
    Notify(Notice),
    Dismiss,
}

impl State {
    /// The state on page load: a `#s=` share link wins, then the autosaved text, then the
    /// default stack. A corrupt link or autosave gives a banner, never a panic.
    pub fn load(fragment: &str, saved: Option<&str>) -> State {
        let mut notice = None;
        if fragment.starts_with(share::PREFIX) {
            match share::decode(fragment) {
                Ok(doc) => {
                    return State::with(
                        doc,
                        Some(Notice::new(
                            Level::Info,
                            "Opened the stack from the link. Your autosaved form is kept until you edit this one.",
                        )),
                    )
                }
                Err(e) => {
                    let fallback = if saved.is_some() {
                        "your autosaved form is shown instead, unchanged"
                    } else {
                        "the default stack is shown instead"
                    };
                    notice = Some(Notice::new(
                        Level::Error,
                        format!("This share link could not be opened: {e}. Nothing was changed; {fallback}."),
                    ));
                }
            }
        }
        match saved.map(Document::from_json) {
            Some(Ok(doc)) => State::with(doc, notice),
            Some(Err(e)) => State::with(
                Document::default(),
                Some(Notice::new(
                    Level::Error,
                    format!(
                        "The autosaved form could not be read ({e}). Showing the default stack; the saved copy is left as it is until you edit."
                    ),
                )),
            ),
            None => State::with(Document::default(), notice),
        }
    }

    fn with(doc: Document, notice: Option<Notice>) -> State {
        State {
            doc: Rc::new(doc),
            refused: BTreeMap::new(),
            refusals: 0,
            revision: 0,
            notice,
        }
    }

    /// Apply `change` to a copy of the document and count a revision.
    fn edited(mut self, change: impl FnOnce(&mut Document)) -> State {
        change(Rc::make_mut(&mut self.doc));
        self.revision += 1;
        self
    }

    /// A structural change (list add/remove, fix, replace): paths may have moved, so refusal
    /// messages no longer point at the right fields.
    fn restructured(mut self, change: impl FnOnce(&mut Document)) -> State {
        self.refused.clear();
        self.edited(change)
    }

    fn refuse(mut self, path: String, message: String) -> State {
        self.refusals += 1;
        self.refused.insert(
            path,
            Refusal {
                message,
                seq: self.refusals,
            },
        );
        self
    }
}

/// A name like `base-2` that is not in `taken`.
fn unique_name<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or_else(|| base.to_owned())
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = (*self).clone();
        let next = match action {
            Action::SetText { path, value } => {
                let mut doc = (*state.doc).clone();
                match edit::set_text(&mut doc, &path, &value) {
                    Ok(()) if doc == *state.doc => {
                        let mut state = state;
                        state.refused.remove(&path);
                        state
                    }
                    Ok(()) => {
                        let mut state = state;
                        state.refused.remove(&path);
                        state.doc = Rc::new(doc);
                        state.revision += 1;
                        state
                    }
                    Err(EditError::Refused(message)) => state.refuse(path, message),
                    Err(other) => state.refuse(path, other.to_string()),
                }
            }
            Action::SetFlag { path, value } => {
                let mut doc = (*state.doc).clone();
                match edit::set_flag(&mut doc, &path, value) {
                    Ok(()) => state.edited(|d| *d = doc),
                    Err(e) => state.refuse(path, e.to_string()),
                }
            }
            Action::AddSubnet => state.restructured(|d| {
                let name = unique_name("nix-subnet", d.network.subnets.iter().map(|s| s.name.as_str()));
                d.network.subnets.push(SubnetDoc {
                    name,
                    cidr: String::new(),
                    availability_zone: "automatic".into(),
                });
            }),
            Action::RemoveSubnet(i) => state.restructured(|d| {
                if i < d.network.subnets.len() {
                    d.network.subnets.remove(i);
                }
            }),
            Action::AddRule { egress, rule } => state.restructured(|d| {
                let list = if egress {
                    &mut d.security_group.egress
                } else {
                    &mut d.security_group.ingress
                };
                list.push(rule);
            }),
            Action::RemoveRule { egress, index } => state.restructured(|d| {
                let list = if egress {
                    &mut d.security_group.egress
                } else {
                    &mut d.security_group.ingress
                };
                if index < list.len() {
                    list.remove(index);
                }
            }),
            Action::AddInstance => state.restructured(|d| {
                let base = InstanceDoc::default();
                let name = unique_name(&base.name, d.instances.iter().map(|i| i.name.as_str()));
                let subnet = d.network.subnets.first().map(|s| s.name.clone()).unwrap_or_default();
                d.instances.push(InstanceDoc { name, subnet, ..base });
            }),
            Action::RemoveInstance(i) => state.restructured(|d| {
                if i < d.instances.len() {
                    d.instances.remove(i);
                }
            }),
            Action::AddTag(i) => state.restructured(|d| {
                if let Some(inst) = d.instances.get_mut(i) {
                    inst.tags.push(TagDoc::default());
                }
            }),
            Action::RemoveTag(i, j) => state.restructured(|d| {
                if let Some(inst) = d.instances.get_mut(i) {
                    if j < inst.tags.len() {
                        inst.tags.remove(j);
                    }
                }
            }),
            Action::Fix { fix, admin_cidr } => state.restructured(|d| lint::apply(d, &fix, &admin_cidr)),
            Action::Replace { doc, notice } => {
                let mut state = state.restructured(|d| *d = *doc);
                state.notice = notice;
                state
            }
            Action::Import { file_name, text } => match import_tf_json(&text, &state.doc) {
                Ok(imported) => {
                    let mut notice = Notice::new(Level::Success, format!("Imported {file_name}."));
                    if !imported.unmapped.is_empty() {
                        notice.text.push_str(" Not imported (the form has no place for these):");
                        notice.details = imported.unmapped;
                    }
                    let mut state = state.restructured(|d| *d = imported.document);
                    state.notice = Some(notice);
                    state
                }
                Err(e) => {
                    let mut state = state;
                    state.notice = Some(Notice::new(
                        Level::Error,
                        format!("{file_name} was not imported: {e}. The form was not changed."),
                    ));
                    state
                }
            },
            Action::Notify(notice) => {
                let mut state = state;
                state.notice = Some(notice);
                state
            }
            Action::Dismiss => {
                let mut state = state;
                state.notice = None;
                state
            }
        };
        Rc::new(next)
    }
}
