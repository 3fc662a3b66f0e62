//! Field ↔ line links for one preview listing: which field made each shown line (read from
//! `render::sources` once per set of files, only when asked) and the lines marked for the
//! focused field. No markup; the DOM work is `browser`'s.

use web_sys::Element;

use crate::model::edit::Field;
use crate::render::highlight::Patch;
use crate::render::sources::line_fields;
use crate::ui::browser;
use crate::ui::outcome::{Outcome, Shared};

#[derive(Default)]
pub struct Links {
    /// For each line of the shown file, the field that made it; `None` until first asked for.
    fields: Option<Vec<Option<Field>>>,
    /// The lines marked for the focused field.
    marked: Vec<usize>,
}

impl Links {
    /// The shown lines were patched: forget which lines are whose, and move the marks with
    /// the lines that stayed (the replaced lines took theirs with them).
    pub fn moved(&mut self, patch: Patch) {
        self.fields = None;
        let end = patch.at + patch.remove;
        self.marked.retain(|&n| n < patch.at || n >= end);
        for n in &mut self.marked {
            if *n >= end {
                *n = *n + patch.insert - patch.remove;
            }
        }
    }

    fn fields(&mut self, outcome: &Shared<Outcome>, name: &str) -> &[Option<Field>] {
        self.fields
            .get_or_insert_with(|| match (outcome.ready(), outcome.file(name)) {
                (Some(ready), Some(text)) => line_fields(&ready.stack, name, text),
                _ => Vec::new(),
            })
    }

    /// The field that made line `n`.
    pub fn field_at(&mut self, outcome: &Shared<Outcome>, name: &str, n: usize) -> Option<Field> {
        self.fields(outcome, name).get(n).copied().flatten()
    }

    /// Mark the lines made by the control `path` (none for another path), and scroll the first
    /// into view inside the listing.
    pub fn mark(&mut self, pre: &Element, outcome: &Shared<Outcome>, name: &str, path: Option<&str>) {
        let old = std::mem::take(&mut self.marked);
        let mut lines = Vec::new();
        if let Some(path) = path {
            for (n, field) in self.fields(outcome, name).iter().enumerate() {
                if field.is_some_and(|f| f.path() == path) {
                    lines.push(n);
                }
            }
        }
        browser::mark_lines(pre, &old, &lines);
        self.marked = lines;
    }
}
