//! Undo and redo: the documents (and their row ids) from before each step, kept by the reducer
//! beside the current one and never autosaved.
//!
//! Belongs here: the two stacks, their bound, and when keystrokes join one step. Not here:
//! what a step does (the reducer's, in `state`), or the keyboard (`hooks::use_undo_keys`).
//!
//! A snapshot is two `Rc`s, so recording one per step costs two reference counts, never a
//! copy of the document. Consecutive keystrokes in the same text field are one step: undo
//! takes the whole word back, as in an editor. Any other step (another field, a button, an
//! undo) ends the run.

use std::collections::VecDeque;
use std::rc::Rc;

use super::keys::Keys;
use crate::model::edit::Text;
use crate::model::Document;

/// At most this many steps can be undone; older ones are forgotten.
pub const MAX_STEPS: usize = 200;

/// A document and the row ids of its lists, as they were.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub doc: Rc<Document>,
    pub keys: Rc<Keys>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: VecDeque<Snapshot>,
    redo: Vec<Snapshot>,
    /// The text field the last step typed into, while keystrokes there join that step.
    typing: Option<Text>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Before a step that changes the document: remember `before` (unless the step is one more
    /// keystroke in the field being typed into) and forget what could be redone.
    pub fn record(&mut self, before: Snapshot, typing: Option<Text>) {
        let joins = typing.is_some() && typing == self.typing;
        self.typing = typing;
        self.redo.clear();
        if joins {
            return;
        }
        if self.undo.len() == MAX_STEPS {
            self.undo.pop_front();
        }
        self.undo.push_back(before);
    }

    /// The next keystroke starts a step of its own.
    pub fn break_run(&mut self) {
        self.typing = None;
    }

    /// Step back from `current`: the snapshot to show, or `None` when there is nothing to undo.
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let back = self.undo.pop_back()?;
        self.redo.push(current);
        self.typing = None;
        Some(back)
    }

    /// Step forward again from `current`.
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let forward = self.redo.pop()?;
        self.undo.push_back(current);
        self.typing = None;
        Some(forward)
    }

    /// Every remembered document, to be rewritten in place (a secret taken out of all of them);
    /// true when `edit` changed one.
    pub fn rewrite(&mut self, mut edit: impl FnMut(&mut Document) -> bool) -> bool {
        let mut changed = false;
        for snapshot in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            let mut doc = (*snapshot.doc).clone();
            if edit(&mut doc) {
                snapshot.doc = Rc::new(doc);
                changed = true;
            }
        }
        changed
    }

    /// The remembered documents, oldest first (for tests).
    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        self.undo.iter().chain(self.redo.iter()).map(|s| &*s.doc)
    }
}
