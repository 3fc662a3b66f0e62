//! Stable ids for the rows of the form's lists (subnets, inbound and outbound rules, instances,
//! each instance's tags), kept by the reducer beside the document and never in it: documents,
//! autosaves and share links stay as they are.
//!
//! Yew keys each row by its id, so removing a row removes its own DOM (and keeps focus and
//! values where they belong) instead of shifting the values of the rows after it. An id is
//! never an index nor a name the person can edit. Belongs here: the ids and how list edits
//! move them. Not here: the list edits themselves (the reducer's, in `state`).

use crate::model::edit::Direction;
use crate::model::Document;

/// One id per element of every list of a document, in the same order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    pub subnets: Vec<u64>,
    pub ingress: Vec<u64>,
    pub egress: Vec<u64>,
    pub instances: Vec<u64>,
    /// The tags of each instance.
    pub tags: Vec<Vec<u64>>,
    /// The next id to hand out: ids are never reused, so a new row is never mistaken for one
    /// that was removed.
    next: u64,
}

impl Keys {
    /// Fresh ids for every list of `doc`.
    pub fn new(doc: &Document) -> Keys {
        let mut keys = Keys::default();
        keys.fit(doc);
        keys
    }

    /// Fresh ids for every list of a new document (a reset, a preset, an import): its rows are
    /// other rows, even where they look alike.
    pub fn replace(&mut self, doc: &Document) {
        let next = self.next;
        *self = Keys {
            next,
            ..Keys::default()
        };
        self.fit(doc);
    }

    /// The ids of an earlier state (undo, redo), keeping this counter: ids handed out since
    /// are not handed out again.
    pub fn restore(&self, earlier: &Keys) -> Keys {
        Keys {
            next: self.next.max(earlier.next),
            ..earlier.clone()
        }
    }

    /// Make every list of ids as long as its list in `doc`. A list whose length changed
    /// without [`Keys::push`] or [`Keys::remove`] (a lint fix that rewrote it) gets fresh
    /// ids: its positions say nothing about which element is which any more.
    pub fn fit(&mut self, doc: &Document) {
        let mut next = self.next;
        let mut fit = |ids: &mut Vec<u64>, len: usize| {
            if ids.len() != len {
                ids.clear();
                ids.extend((0..len).map(|_| {
                    next += 1;
                    next
                }));
            }
        };
        fit(&mut self.subnets, doc.network.subnets.len());
        fit(&mut self.ingress, doc.security_group.ingress.len());
        fit(&mut self.egress, doc.security_group.egress.len());
        fit(&mut self.instances, doc.instances.len());
        self.tags.resize_with(doc.instances.len(), Vec::new);
        for (ids, instance) in self.tags.iter_mut().zip(&doc.instances) {
            fit(ids, instance.tags.len());
        }
        self.next = next;
    }

    /// A new id at the end of `list` (an element was added at the end).
    pub fn push(&mut self, list: List) {
        self.next += 1;
        let id = self.next;
        if let List::Instances = list {
            self.tags.push(Vec::new());
        }
        if let Some(ids) = self.list(list) {
            ids.push(id);
        }
    }

    /// Remove the id at `index` of `list` (that element was removed); out of range: nothing.
    pub fn remove(&mut self, list: List, index: usize) {
        if let Some(ids) = self.list(list).filter(|ids| index < ids.len()) {
            ids.remove(index);
            if let List::Instances = list {
                self.tags.remove(index);
            }
        }
    }

    /// The ids of the rules in `direction`.
    pub fn rules(&self, direction: Direction) -> &[u64] {
        match direction {
            Direction::Ingress => &self.ingress,
            Direction::Egress => &self.egress,
        }
    }

    fn list(&mut self, list: List) -> Option<&mut Vec<u64>> {
        match list {
            List::Subnets => Some(&mut self.subnets),
            List::Rules(Direction::Ingress) => Some(&mut self.ingress),
            List::Rules(Direction::Egress) => Some(&mut self.egress),
            List::Instances => Some(&mut self.instances),
            List::Tags(i) => self.tags.get_mut(i),
        }
    }
}

/// One of the lists of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Subnets,
    Rules(Direction),
    Instances,
    /// The tags of the instance at this index.
    Tags(usize),
}
