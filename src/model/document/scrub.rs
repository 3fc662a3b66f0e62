//! [`Document::scrub_secret`]: after a field refused a secret, take out of every text field what
//! earlier keystrokes of that secret left behind (a secret typed key by key is refused only
//! when it is complete, so its first characters were already stored).
//!
//! Finding secrets is `secrets`'s; this only removes runs of a given secret's characters.

use super::Document;
use crate::model::edit::Text;

/// The shortest run of a secret's characters that is removed: shorter runs occur in ordinary
/// text (`AKIA`, `EXAMPLE`) and say nothing about the secret.
pub const MIN_SECRET_RUN: usize = 8;

impl Document {
    /// Remove from every text field every run of 8 or more characters that also occurs in
    /// `secret` (the secret material, e.g. `&text[found.span]`); true when something changed.
    ///
    /// ```
    /// use nixform::model::Document;
    /// let mut doc = Document::default();
    /// doc.instances[0].name = "webAKIAIOSFODNN7EXAMP".into();
    /// assert!(doc.scrub_secret("AKIAIOSFODNN7EXAMPLE"));
    /// assert_eq!(doc.instances[0].name, "web");
    /// assert!(!doc.scrub_secret("AKIAIOSFODNN7EXAMPLE"));
    /// ```
    pub fn scrub_secret(&mut self, secret: &str) -> bool {
        if secret.chars().count() < MIN_SECRET_RUN {
            return false;
        }
        let mut changed = false;
        for field in Text::all(self) {
            if let Some(slot) = field.slot(self) {
                if let Some(clean) = scrub(slot, secret) {
                    *slot = clean;
                    changed = true;
                }
            }
        }
        changed
    }
}

/// `text` without its runs of ≥ [`MIN_SECRET_RUN`] characters that occur in `secret`, or None
/// when there are none. Repeated until none is left, since a removal can join two pieces into
/// a new run.
fn scrub(text: &str, secret: &str) -> Option<String> {
    let mut current = text.to_owned();
    let mut changed = false;
    while let Some(next) = scrub_once(&current, secret) {
        current = next;
        changed = true;
    }
    changed.then_some(current)
}

fn scrub_once(text: &str, secret: &str) -> Option<String> {
    // Byte offsets of every character boundary, the end included.
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    let mut c = 0; // index into `bounds`
    while c + 1 < bounds.len() {
        let start = bounds[c];
        let mut end = c + MIN_SECRET_RUN;
        if end < bounds.len() && secret.contains(&text[start..bounds[end]]) {
            while end + 1 < bounds.len() && secret.contains(&text[start..bounds[end + 1]]) {
                end += 1;
            }
            removed = true;
            c = end;
        } else {
            out.push_str(&text[start..bounds[c + 1]]);
            c += 1;
        }
    }
    removed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::scrub;

    #[test]
    fn removes_runs_of_eight_or_more() {
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        for (text, want) in [
            ("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE", Some("")),
            ("prod-wJalrXUt", Some("prod-")),
            ("wJalrXU", None),
            ("é wJalrXUtn é", Some("é  é")),
            ("wJalrXUtXUtnFEMI", Some("")),
            ("nothing here", None),
        ] {
            assert_eq!(scrub(text, secret).as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn a_removal_that_joins_a_new_run_is_removed_too() {
        // Removing the middle run joins "ABCD" and "EFGH" into a run of the secret.
        let secret = "ABCDEFGH12345678";
        assert_eq!(scrub("ABCD12345678EFGH", secret).as_deref(), Some(""));
    }
}
