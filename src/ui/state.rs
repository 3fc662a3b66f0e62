//! The app's state and its pure reducer: the stack document, the row ids of its lists, the
//! undo history, the messages of refused edits, and the banner. The actions are in `action`,
//! the list edits in `edits`, the history in `history`.
//!
//! Belongs here: what an action does to the state. Not here: browser calls (storage, the
//! clipboard, downloads and timers happen in handlers and effects), and anything derived from
//! the document (the files, the field errors, the findings: `outcome`, computed with
//! `use_memo`, never stored).
//!
//! `revision` counts document changes made in this page. Autosave runs only when it changes
//! (and is above zero), so opening a share link or falling back from a corrupt autosave never
//! overwrites what the person saved before: only their own edit (or undo) does.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

pub use super::action::Action;
use super::edits;
use super::history::{History, Snapshot};
use super::keys::{Keys, List};
pub use super::notice::{Level, Notice, Offer, Refusal};
use crate::model::edit::{Field, Flag, Text};
use crate::model::import::import_tf_json;
use crate::model::secrets::locate_secret;
use crate::model::share::ShareError;
use crate::model::Document;
use crate::model::{fixups, lint};

/// The banner of a stack opened from a link (in a new tab or pasted into this one).
const OPENED_LINK: &str =
    "Opened the stack from the link. Your autosaved form is kept until you edit this one; Undo brings it back.";

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
    pub history: History,
}

impl State {
    /// The state on page load: the autosaved text, else the default stack. A corrupt autosave
    /// gives a banner, never a panic. (A share link in the address bar is read after the first
    /// render, since the browser inflates it: `hooks::use_share_links`, then `OpenLink`.)
    pub fn load(saved: Option<&str>) -> State {
        match saved.map(Document::from_json) {
            Some(Ok(doc)) => State::with(doc, None),
            Some(Err(e)) => State::with(
                Document::default(),
                Some(Notice::new(
                    Level::Error,
                    format!(
                        "The autosaved form could not be read ({e}). Showing the default stack; the saved copy is left as it is until you edit."
                    ),
                )),
            ),
            None => State::with(Document::default(), None),
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
            history: History::default(),
        }
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            doc: Rc::clone(&self.doc),
            keys: Rc::clone(&self.keys),
        }
    }

    fn refuse(&mut self, field: Field, message: String) {
        self.refusals += 1;
        let seq = self.refusals;
        self.refused.insert(field, Refusal { message, seq });
        self.history.break_run();
    }

    /// Store `doc` as one step after `before` (joined to the run of keystrokes in `typing`),
    /// and count a revision. A step that changed nothing is not a step.
    fn store(&mut self, before: Snapshot, doc: Document, typing: Option<Text>) {
        if doc == *before.doc && self.keys == before.keys {
            return;
        }
        self.history.record(before, typing);
        self.doc = Rc::new(doc);
        self.revision += 1;
    }

    /// A value typed into a field: stored (with what follows from it where the intent is
    /// clear: see `edits::follow`), or refused with a message next to the field.
    fn set_text(&mut self, field: Text, value: &str) {
        let mut doc = (*self.doc).clone();
        match field.set(&mut doc, value) {
            Ok(()) => {
                self.refused.remove(&field.into());
                if let Some(notice) = edits::follow(&mut doc, &self.doc, field, value) {
                    self.notice = Some(notice);
                }
                // Typing the text that is already there (a select picked again) is no change.
                self.store(self.snapshot(), doc, Some(field));
            }
            Err(e) => {
                self.refuse(field.into(), e.to_string());
                if let Some(found) = locate_secret(value) {
                    self.scrub(&value[found.span]);
                }
            }
        }
    }

    /// A secret was refused: the keystrokes before it stored all of it but the last character,
    /// so every run of 8 or more of its characters goes from the document and from every undo
    /// and redo snapshot (the field goes back to its value from before the secret was started).
    /// Not an undo step; a revision, so the autosave (and a pending one) is rewritten and a
    /// share link in the address bar is dropped.
    fn scrub(&mut self, secret: &str) {
        let mut doc = (*self.doc).clone();
        let history = self.history.rewrite(|snapshot| snapshot.scrub_secret(secret));
        if doc.scrub_secret(secret) {
            self.doc = Rc::new(doc);
            self.revision += 1;
        } else if history {
            self.revision += 1;
        }
    }

    fn set_flag(&mut self, field: Flag, value: bool) {
        let mut doc = (*self.doc).clone();
        match field.set(&mut doc, value) {
            Ok(()) => self.store(self.snapshot(), doc, None),
            Err(e) => self.refuse(field.into(), e.to_string()),
        }
    }

    /// A change of the document's lists (or of many fields at once): `edit` changes the
    /// document and moves the row ids with it. Field positions may have moved, so refusal
    /// messages no longer point at the right fields and go.
    fn restructure<R>(&mut self, edit: impl FnOnce(&mut Document, &mut Keys) -> R) -> R {
        let before = self.snapshot();
        let mut doc = (*self.doc).clone();
        let keys = Rc::make_mut(&mut self.keys);
        let out = edit(&mut doc, keys);
        keys.fit(&doc);
        self.refused.clear();
        self.store(before, doc, None);
        out
    }

    /// A whole new document (reset, preset, import, link): new rows, no refusals.
    fn replace(&mut self, doc: Document) {
        let before = self.snapshot();
        Rc::make_mut(&mut self.keys).replace(&doc);
        self.refused.clear();
        self.store(before, doc, None);
    }

    /// Show an earlier (or later) snapshot.
    fn restore(&mut self, to: Snapshot) {
        self.keys = Rc::new(self.keys.restore(&to.keys));
        self.doc = to.doc;
        self.refused.clear();
        self.revision += 1;
    }

    fn fix_all(&mut self, admin_cidr: Option<String>) {
        let done = self.restructure(|doc, _| edits::fix_all(doc, admin_cidr.as_deref()));
        let mut text = match done.applied {
            0 => "No fix to apply.".to_owned(),
            1 => "Applied 1 fix; undo takes it back.".to_owned(),
            n => format!("Applied {n} fixes; undo takes them back."),
        };
        if done.ssh_left {
            text.push_str(
                " SSH is still open to the internet: type the address you connect from in the security panel, then apply all fixes again (or restrict SSH on its own).",
            );
        }
        self.notice = Some(Notice::new(Level::Success, text));
    }

    fn import(&mut self, file_name: String, text: &str) {
        match import_tf_json(text, &self.doc) {
            Ok(imported) => {
                let mut notice = Notice::new(
                    Level::Success,
                    format!("Imported {file_name}; undo brings back the form before it."),
                );
                if !imported.changed.is_empty() {
                    notice.text.push_str(" Changed on the way in (listed first):");
                }
                if !imported.unmapped.is_empty() {
                    notice.text.push_str(" Not imported (the form has no place for these):");
                }
                notice.details = imported.changed;
                notice.details.extend(imported.unmapped);
                self.notice = Some(notice);
                self.replace(imported.document);
            }
            Err(e) => {
                self.notice = Some(Notice::new(
                    Level::Error,
                    format!("{file_name} was not imported: {e}. The form was not changed."),
                ))
            }
        }
    }

    /// A share link's stack, undoable. It does not count as an edit, so the autosave keeps the
    /// person's form until they edit.
    fn open_link(&mut self, opened: Result<Document, ShareError>) {
        match opened {
            // The link this tab just made (Share link) is the stack already shown.
            Ok(doc) if doc == *self.doc => {}
            Ok(doc) => {
                let revision = self.revision;
                self.replace(doc);
                self.revision = revision;
                self.notice = Some(Notice::new(Level::Info, OPENED_LINK));
            }
            Err(e) => {
                self.notice = Some(Notice::new(
                    Level::Error,
                    format!("This share link could not be opened: {e}. Nothing was changed: the form is as it was."),
                ))
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        match action {
            Action::Text(field, value) => state.set_text(field, &value),
            Action::Flag(field, value) => state.set_flag(field, value),
            Action::AddSubnet => state.restructure(edits::add_subnet),
            Action::RemoveSubnet(i) => {
                let moved = state.restructure(|doc, keys| edits::remove_subnet(doc, keys, i));
                if !moved.is_empty() {
                    state.notice = Some(Notice::new(Level::Info, moved));
                }
            }
            Action::AddRule(direction, rule) => state.restructure(|doc, keys| {
                edits::rules(doc, direction).push(rule);
                keys.push(List::Rules(direction));
            }),
            Action::RemoveRule(direction, i) => state
                .restructure(|doc, keys| edits::remove(edits::rules(doc, direction), keys, List::Rules(direction), i)),
            Action::AddInstance => state.restructure(edits::add_instance),
            Action::RemoveInstance(i) => {
                state.restructure(|doc, keys| edits::remove(&mut doc.instances, keys, List::Instances, i))
            }
            Action::AddTag(i) => state.restructure(|doc, keys| edits::add_tag(doc, keys, i)),
            Action::RemoveTag(i, j) => state.restructure(|doc, keys| {
                if let Some(instance) = doc.instances.get_mut(i) {
                    edits::remove(&mut instance.tags, keys, List::Tags(i), j);
                }
            }),
            Action::ConvertInstances(arch) => {
                let n = state.restructure(|doc, _| fixups::convert_instances(doc, &arch));
                state.notice = Some(Notice::new(
                    Level::Success,
                    format!(
                        "Converted {n} instance type{} to {arch}; undo takes it back.",
                        if n == 1 { "" } else { "s" }
                    ),
                ));
            }
            Action::Fix { fix, admin_cidr } => state.restructure(|doc, _| lint::apply(doc, &fix, &admin_cidr)),
            Action::FixAll { admin_cidr } => state.fix_all(admin_cidr),
            Action::Replace { doc, notice } => {
                state.notice = notice;
                state.replace(*doc);
            }
            Action::Import { file_name, text } => state.import(file_name, &text),
            Action::OpenLink(opened) => state.open_link(*opened),
            Action::Undo => {
                if let Some(back) = state.history.undo(state.snapshot()) {
                    state.restore(back);
                }
            }
            Action::Redo => {
                if let Some(forward) = state.history.redo(state.snapshot()) {
                    state.restore(forward);
                }
            }
            Action::Notify(notice) => state.notice = Some(notice),
            Action::Dismiss => state.notice = None,
        }
        Rc::new(state)
    }
}
