//! [`LineCache`]: incremental highlighting for a preview, which re-highlights only the lines
//! that changed and says which shown lines to replace. Tokenizing is in `tokens`.

use super::{highlight_line, lines, Lang, State};

struct CachedLine {
    raw: String,
    html: String,
    after: State,
}

/// How to turn the lines shown before an update into the lines after it: at line `at`, remove
/// `remove` lines and insert `insert` lines (whose HTML is [`LineCache::html`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Patch {
    pub at: usize,
    pub remove: usize,
    pub insert: usize,
}

/// Incremental highlighting for a preview: keeps each line's text, HTML and end state, and on
/// an update re-highlights only the lines that changed (plus any whose start state changed), so
/// a keystroke in a 5,000-line file costs a line or two, not the whole file.
#[derive(Default)]
pub struct LineCache {
    lang: Option<Lang>,
    lines: Vec<CachedLine>,
}

impl LineCache {
    /// Update to `text`; the patch says which shown lines to replace.
    pub fn update(&mut self, text: &str, lang: Lang) -> Patch {
        if self.lang != Some(lang) {
            self.lines.clear();
            self.lang = Some(lang);
        }
        let new: Vec<&str> = lines(text).collect();
        let old = &self.lines;
        let prefix = old.iter().zip(&new).take_while(|(o, n)| o.raw == **n).count();
        let room = old.len().min(new.len()) - prefix;
        let mut suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(|(o, n)| o.raw == **n)
            .count();
        let state_after = |lines: &[CachedLine], count: usize| {
            if count == 0 {
                State::default()
            } else {
                lines[count - 1].after
            }
        };
        let mut state = state_after(old, prefix);
        let mut middle = Vec::new();
        let mut i = prefix;
        loop {
            while i < new.len() - suffix {
                let (html, after) = highlight_line(new[i], lang, state);
                middle.push(CachedLine {
                    raw: new[i].to_owned(),
                    html,
                    after,
                });
                state = after;
                i += 1;
            }
            // The kept lines were highlighted from the state the old text reached before them.
            if suffix == 0 || state == state_after(old, old.len() - suffix) {
                break;
            }
            suffix -= 1;
        }
        let remove = old.len() - prefix - suffix;
        let insert = middle.len();
        self.lines.splice(prefix..prefix + remove, middle);
        Patch {
            at: prefix,
            remove,
            insert,
        }
    }

    /// The HTML of the lines in `range`, concatenated.
    pub fn html(&self, range: std::ops::Range<usize>) -> String {
        self.lines
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|l| l.html.as_str())
            .collect()
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}
