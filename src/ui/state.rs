//! The app's state and its pure reducer: the stack document, the row ids of its lists, the
//! messages of refused edits, and the banner; and the typed [`Action`]s that change them.
//!
//! Belongs here: what an action does to the state. Not here: browser calls (storage, the
//! clipboard, downloads and timers happen in handlers and effects), and anything derived from
//! the document (the files, the field errors, the findings: `outcome`, computed with
//! `use_memo`, never stored).
//!
//! `revision` counts document changes made in this page. Autosave runs only when it is above
//! zero, so opening a share link or falling back from a corrupt autosave never overwrites what
//! the person saved before: only their own edit does.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use super::keys::{Keys, List};
use crate::model::document::{InstanceDoc, RuleDoc, SubnetDoc, TagDoc};
use crate::model::edit::{Direction, Field, Flag, Text};
use crate::model::import::import_tf_json;
use crate::model::lint::{self, Fix};
use crate::model::{share, Document};

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

/// Why a field's last input was not stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    /// Changes with every refusal, so the field re-renders (and puts the stored value back)
    /// even when the same text is refused twice.
    pub seq: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub doc: Rc<Document>,
    /// The row ids of the document's lists (see `keys`); a new `Rc` only when a list changed.
    pub keys: Rc<Keys>,
    /// Why a field's last input was refused, by field.
    pub refused: BTreeMap<Field, Refusal>,
    pub refusals: u64,
    /// Document changes made in this page (0: nothing to autosave yet).
    pub revision: u64,
    pub notice: Option<Notice>,
}

/// What the person did. `Clone`: a list button dispatches the same action on every click.
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

    /// Why the last input of `field` was refused, if it was.
    pub fn refusal(&self, field: impl Into<Field>) -> Option<&Refusal> {
        self.refused.get(&field.into())
    }

    fn with(doc: Document, notice: Option<Notice>) -> State {
        State {
            keys: Rc::new(Keys::new(&doc)),
            doc: Rc::new(doc),
            refused: BTreeMap::new(),
            refusals: 0,
            revision: 0,
            notice,
        }
    }

    fn refuse(&mut self, field: Field, message: String) {
        self.refusals += 1;
        let seq = self.refusals;
        self.refused.insert(field, Refusal { message, seq });
    }

    /// Store `doc` and count a revision.
    fn store(&mut self, doc: Document) {
        self.doc = Rc::new(doc);
        self.revision += 1;
    }

    /// A value typed into a field: stored, or refused with a message next to the field.
    fn set_text(&mut self, field: Text, value: &str) {
        let mut doc = (*self.doc).clone();
        match field.set(&mut doc, value) {
            Ok(()) => {
                self.refused.remove(&field.into());
                // Typing the text that is already there (a select picked again) is no change.
                if doc != *self.doc {
                    self.store(doc);
                }
            }
            Err(e) => self.refuse(field.into(), e.to_string()),
        }
    }

    fn set_flag(&mut self, field: Flag, value: bool) {
        let mut doc = (*self.doc).clone();
        match field.set(&mut doc, value) {
            Ok(()) => self.store(doc),
            Err(e) => self.refuse(field.into(), e.to_string()),
        }
    }

    /// A change of the document's lists (or of many fields at once): `edit` changes the
    /// document and moves the row ids with it. Field positions may have moved, so refusal
    /// messages no longer point at the right fields and go.
    fn restructure(&mut self, edit: impl FnOnce(&mut Document, &mut Keys)) {
        let mut doc = (*self.doc).clone();
        let keys = Rc::make_mut(&mut self.keys);
        edit(&mut doc, keys);
        keys.fit(&doc);
        self.refused.clear();
        self.store(doc);
    }

    /// A whole new document (reset, preset, import): new rows, no refusals.
    fn replace(&mut self, doc: Document) {
        Rc::make_mut(&mut self.keys).replace(&doc);
        self.refused.clear();
        self.store(doc);
    }
}

/// A name like `base-2` that is not in `taken`.
fn unique_name(base: &str, taken: &[&str]) -> String {
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or_else(|| base.to_owned())
}

/// The ingress or egress rules.
fn rules(doc: &mut Document, direction: Direction) -> &mut Vec<RuleDoc> {
    match direction {
        Direction::Ingress => &mut doc.security_group.ingress,
        Direction::Egress => &mut doc.security_group.egress,
    }
}

/// Remove element `index` of `list` and its row id; an out-of-range index changes nothing.
fn remove<T>(list: &mut Vec<T>, keys: &mut Keys, which: List, index: usize) {
    if index < list.len() {
        list.remove(index);
        keys.remove(which, index);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        match action {
            Action::Text(field, value) => state.set_text(field, &value),
            Action::Flag(field, value) => state.set_flag(field, value),
            Action::AddSubnet => state.restructure(|doc, keys| {
                let taken: Vec<&str> = doc.network.subnets.iter().map(|s| s.name.as_str()).collect();
                let name = unique_name("nix-subnet", &taken);
                doc.network.subnets.push(SubnetDoc {
                    name,
                    cidr: String::new(),
                    availability_zone: "automatic".into(),
                });
                keys.push(List::Subnets);
            }),
            Action::RemoveSubnet(i) => {
                state.restructure(|doc, keys| remove(&mut doc.network.subnets, keys, List::Subnets, i))
            }
            Action::AddRule(direction, rule) => state.restructure(|doc, keys| {
                rules(doc, direction).push(rule);
                keys.push(List::Rules(direction));
            }),
            Action::RemoveRule(direction, i) => {
                state.restructure(|doc, keys| remove(rules(doc, direction), keys, List::Rules(direction), i))
            }
            Action::AddInstance => state.restructure(|doc, keys| {
                let base = InstanceDoc::default();
                let taken: Vec<&str> = doc.instances.iter().map(|i| i.name.as_str()).collect();
                let name = unique_name(&base.name, &taken);
                let subnet = doc.network.subnets.first().map(|s| s.name.clone()).unwrap_or_default();
                doc.instances.push(InstanceDoc { name, subnet, ..base });
                keys.push(List::Instances);
            }),
            Action::RemoveInstance(i) => {
                state.restructure(|doc, keys| remove(&mut doc.instances, keys, List::Instances, i))
            }
            Action::AddTag(i) => state.restructure(|doc, keys| {
                if let Some(instance) = doc.instances.get_mut(i) {
                    instance.tags.push(TagDoc::default());
                    keys.push(List::Tags(i));
                }
            }),
            Action::RemoveTag(i, j) => state.restructure(|doc, keys| {
                if let Some(instance) = doc.instances.get_mut(i) {
                    remove(&mut instance.tags, keys, List::Tags(i), j);
                }
            }),
            Action::Fix { fix, admin_cidr } => state.restructure(|doc, _| lint::apply(doc, &fix, &admin_cidr)),
            Action::Replace { doc, notice } => {
                state.notice = notice;
                state.replace(*doc);
            }
            Action::Import { file_name, text } => match import_tf_json(&text, &state.doc) {
                Ok(imported) => {
                    let mut notice = Notice::new(Level::Success, format!("Imported {file_name}."));
                    if !imported.unmapped.is_empty() {
                        notice.text.push_str(" Not imported (the form has no place for these):");
                        notice.details = imported.unmapped;
                    }
                    state.notice = Some(notice);
                    state.replace(imported.document);
                }
                Err(e) => {
                    state.notice = Some(Notice::new(
                        Level::Error,
                        format!("{file_name} was not imported: {e}. The form was not changed."),
                    ))
                }
            },
            Action::Notify(notice) => state.notice = Some(notice),
            Action::Dismiss => state.notice = None,
        }
        Rc::new(state)
    }
}
