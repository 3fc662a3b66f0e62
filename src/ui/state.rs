//! The app's state and its pure reducer: the stack document, the messages of refused edits,
//! and the banner. No browser calls and no rendering here (those are `browser` and the
//! components); rendered files are computed from the document, never stored.
//!
//! `revision` counts document changes made in this page. Autosave runs only when it is above
//! zero, so opening a share link or falling back from a corrupt autosave never overwrites what
//! the person saved before: only their own edit does.

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
    /// Field path → why its last input was refused; each path once. (A list, not a map: there
    /// are few, and a map type would be code of its own in the wasm build.)
    pub refused: Vec<(String, Refusal)>,
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

    /// Why the last input of the field at `path` was refused, if it was.
    pub fn refusal(&self, path: &str) -> Option<&Refusal> {
        self.refused.iter().find(|(p, _)| p == path).map(|(_, r)| r)
    }

    fn with(doc: Document, notice: Option<Notice>) -> State {
        State {
            doc: Rc::new(doc),
            refused: Vec::new(),
            refusals: 0,
            revision: 0,
            notice,
        }
    }

    fn refuse(&mut self, path: String, message: String) {
        self.refusals += 1;
        let refusal = Refusal {
            message,
            seq: self.refusals,
        };
        match self.refused.iter_mut().find(|(p, _)| *p == path) {
            Some((_, slot)) => *slot = refusal,
            None => self.refused.push((path, refusal)),
        }
    }

    /// The field at `path` took its input: its refusal message, if any, goes.
    fn accepted(&mut self, path: &str) {
        self.refused.retain(|(p, _)| p != path);
    }
}

/// A name like `base-2` that is not in `taken`.
fn unique_name(base: &str, taken: &[&str]) -> String {
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or_else(|| base.to_owned())
}

/// What an action did to the document.
#[derive(PartialEq)]
enum Change {
    None,
    /// A field's value: paths stay where they are.
    InPlace,
    /// A list add/remove, a fix or a whole new document: paths may have moved, so refusal
    /// messages no longer point at the right fields.
    Structure,
}

impl Reducible for State {
    type Action = Action;

    /// Every action works on one copy of the document, stored (with a revision counted) only if
    /// the action changed it: one clone and one store in the wasm build, not one per action.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        let mut doc = (*state.doc).clone();
        let mut change = Change::Structure;
        match action {
            Action::SetText { path, value } => {
                change = Change::None;
                match edit::set_text(&mut doc, &path, &value) {
                    Ok(()) => {
                        state.accepted(&path);
                        if doc != *state.doc {
                            change = Change::InPlace;
                        }
                    }
                    Err(EditError::Refused(message)) => state.refuse(path, message),
                    Err(other) => state.refuse(path, other.to_string()),
                }
            }
            Action::SetFlag { path, value } => match edit::set_flag(&mut doc, &path, value) {
                Ok(()) => change = Change::InPlace,
                Err(e) => {
                    change = Change::None;
                    state.refuse(path, e.to_string());
                }
            },
            Action::AddSubnet => {
                let taken: Vec<&str> = doc.network.subnets.iter().map(|s| s.name.as_str()).collect();
                let name = unique_name("nix-subnet", &taken);
                doc.network.subnets.push(SubnetDoc {
                    name,
                    cidr: String::new(),
                    availability_zone: "automatic".into(),
                });
            }
            Action::RemoveSubnet(i) => {
                if i < doc.network.subnets.len() {
                    doc.network.subnets.remove(i);
                }
            }
            Action::AddRule { egress, rule } => rules(&mut doc, egress).push(rule),
            Action::RemoveRule { egress, index } => {
                let list = rules(&mut doc, egress);
                if index < list.len() {
                    list.remove(index);
                }
            }
            Action::AddInstance => {
                let base = InstanceDoc::default();
                let taken: Vec<&str> = doc.instances.iter().map(|i| i.name.as_str()).collect();
                let name = unique_name(&base.name, &taken);
                let subnet = doc.network.subnets.first().map(|s| s.name.clone()).unwrap_or_default();
                doc.instances.push(InstanceDoc { name, subnet, ..base });
            }
            Action::RemoveInstance(i) => {
                if i < doc.instances.len() {
                    doc.instances.remove(i);
                }
            }
            Action::AddTag(i) => {
                if let Some(inst) = doc.instances.get_mut(i) {
                    inst.tags.push(TagDoc::default());
                }
            }
            Action::RemoveTag(i, j) => {
                if let Some(inst) = doc.instances.get_mut(i) {
                    if j < inst.tags.len() {
                        inst.tags.remove(j);
                    }
                }
            }
            Action::Fix { fix, admin_cidr } => lint::apply(&mut doc, &fix, &admin_cidr),
            Action::Replace { doc: new, notice } => {
                doc = *new;
                state.notice = notice;
            }
            Action::Import { file_name, text } => match import_tf_json(&text, &state.doc) {
                Ok(imported) => {
                    let mut notice = Notice::new(Level::Success, format!("Imported {file_name}."));
                    if !imported.unmapped.is_empty() {
                        notice.text.push_str(" Not imported (the form has no place for these):");
                        notice.details = imported.unmapped;
                    }
                    doc = imported.document;
                    state.notice = Some(notice);
                }
                Err(e) => {
                    change = Change::None;
                    state.notice = Some(Notice::new(
                        Level::Error,
                        format!("{file_name} was not imported: {e}. The form was not changed."),
                    ));
                }
            },
            Action::Notify(notice) => {
                change = Change::None;
                state.notice = Some(notice);
            }
            Action::Dismiss => {
                change = Change::None;
                state.notice = None;
            }
        }
        if change != Change::None {
            if change == Change::Structure {
                state.refused.clear();
            }
            state.doc = Rc::new(doc);
            state.revision += 1;
        }
        Rc::new(state)
    }
}

/// The ingress or egress rules.
fn rules(doc: &mut Document, egress: bool) -> &mut Vec<RuleDoc> {
    if egress {
        &mut doc.security_group.egress
    } else {
        &mut doc.security_group.ingress
    }
}
