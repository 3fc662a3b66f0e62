//! Which form field made each line of a generated file: [`line_fields`]. The preview uses it
//! to go from a line to its field (a click) and from a field to its lines (focus, typing).
//!
//! Both printers lay the one Terraform document out alike: one attribute per line, nested
//! blocks indented by two spaces, closing brackets on lines of their own. So a line's place in
//! the document, its *path* (`resource`, `aws_instance`, `web`, `instance_type`), is read back
//! from the printed text by its indentation ([`Tracker`]), the same way for `config.tf.json`
//! and for the terranix module inside `infra.nix`; [`fields`] then names the field of the stack
//! that made that place. Belongs here: reading printed files back into paths. Not here: the
//! printers (`files`, `nix`) or the element ids the UI gives fields.

mod fields;

use crate::model::edit::{Field, Text};
use crate::model::Stack;
use crate::render::files::Files;
use crate::render::highlight::lines;

/// One step of a path: an attribute name, or the position of an item in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// A line's path, read by [`fields`].
pub(crate) struct Path<'p, 'a>(&'p [Seg<'a>]);

impl<'p, 'a> Path<'p, 'a> {
    /// The attribute name at step `n`; empty for a list item or past the end.
    fn key(&self, n: usize) -> &'p str {
        match self.0.get(n) {
            Some(Seg::Key(key)) => key,
            _ => "",
        }
    }

    /// The list position at step `n`.
    fn index(&self, n: usize) -> Option<usize> {
        match self.0.get(n) {
            Some(Seg::Index(i)) => Some(*i),
            _ => None,
        }
    }

    /// Whether any attribute name on the path starts with `prefix`.
    fn has(&self, prefix: &str) -> bool {
        self.0.iter().any(|s| matches!(s, Seg::Key(k) if k.starts_with(prefix)))
    }

    fn rest(&self, from: usize) -> Path<'p, 'a> {
        Path(self.0.get(from..).unwrap_or_default())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Json,
    Nix,
}

/// Where the Terraform document starts inside `infra.nix`: `terraformConfiguration =
/// terranix.lib.terranixConfiguration { modules = [ { <the document> } ]; }`.
const INFRA_ROOT: [&str; 2] = ["terraformConfiguration", "modules"];

/// For each line of `text` (as the preview shows its lines), the file called `name` among `stack`'s files, the field that made
/// it: `None` for lines no field made (brackets, comments, fixed text) and for the files this
/// does not read (`flake.nix`, `provisioner.nix`, the host files).
pub fn line_fields(stack: &Stack, name: &str, text: &str) -> Vec<Option<Field>> {
    let file = match name {
        "config.tf.json" => File::Config,
        "infra.nix" => File::Infra,
        Files::STATE_BUCKET => File::Bucket,
        _ => return lines(text).map(|_| None).collect(),
    };
    let syntax = if file == File::Infra { Syntax::Nix } else { Syntax::Json };
    let mut tracker = Tracker::default();
    let mut out = Vec::new();
    for line in lines(text) {
        let path = Path(tracker.line(line, syntax));
        out.push(match file {
            // The document is the JSON file's one item; in Nix, see `document_part`.
            File::Config => fields::of(stack, &path.rest(1)),
            File::Infra => match document_part(&path) {
                Some(document) => fields::of(stack, &document),
                None => fields::outer(&path),
            },
            // The state bucket's file is made by the bucket's name alone.
            File::Bucket => (!path.0.is_empty()).then_some(Field::Text(Text::S3Bucket)),
        });
    }
    out
}

/// The files [`line_fields`] reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum File {
    Config,
    Infra,
    Bucket,
}

/// The part of an `infra.nix` path inside the Terraform document, if the line is in it.
fn document_part<'p, 'a>(path: &Path<'p, 'a>) -> Option<Path<'p, 'a>> {
    let inside = path.key(0) == INFRA_ROOT[0] && path.key(1) == INFRA_ROOT[1] && path.index(2) == Some(0);
    inside.then(|| path.rest(3))
}

/// Reads each line's path from its indentation. A line opens a step at its indentation (an
/// attribute, or an item of a list: the item after the sibling at the same indentation), and
/// the steps of the lines before it at the same or a deeper indentation are closed.
#[derive(Default)]
struct Tracker<'a> {
    indents: Vec<usize>,
    segs: Vec<Seg<'a>>,
    /// Inside a Nix `''` string, whose lines belong to the attribute that opened it.
    in_string: bool,
}

impl<'a> Tracker<'a> {
    /// The path of `line`, the next line of the file.
    fn line(&mut self, line: &'a str, syntax: Syntax) -> &[Seg<'a>] {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if self.in_string {
            self.in_string = !trimmed.starts_with("''") || trimmed.starts_with("'''");
            return &self.segs;
        }
        if trimmed.is_empty() {
            return &[];
        }
        if trimmed.starts_with(['}', ']']) {
            // A closing bracket belongs to the step it closes, opened at its indentation.
            self.close(|i| i > indent);
            return &self.segs;
        }
        let sibling = self
            .close(|i| i >= indent)
            .filter(|&(at, _)| at == indent)
            .map(|(_, i)| i);
        match key(trimmed, syntax) {
            Some(key) => {
                self.in_string = syntax == Syntax::Nix && trimmed.ends_with("''");
                self.open(indent, Seg::Key(key));
            }
            None if syntax == Syntax::Json || trimmed.starts_with(['{', '[']) => {
                self.open(indent, Seg::Index(sibling.map_or(0, |i| i + 1)));
            }
            // A comment or a line of Nix around the document (`let`, `inherit …;`).
            None => {}
        }
        &self.segs
    }

    /// Close the steps whose indentation `deeper` says. The last closed step, if it was a
    /// list item: its indentation and position (the new line's sibling, at the same one).
    fn close(&mut self, deeper: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        let mut sibling = None;
        while let Some(&at) = self.indents.last().filter(|&&i| deeper(i)) {
            self.indents.pop();
            sibling = match self.segs.pop() {
                Some(Seg::Index(i)) => Some((at, i)),
                _ => None,
            };
        }
        sibling
    }

    fn open(&mut self, indent: usize, seg: Seg<'a>) {
        self.indents.push(indent);
        self.segs.push(seg);
    }
}

/// The attribute name a line starts with: `"name": ` (JSON) or `name = `, `"name" = ` (Nix).
fn key(line: &str, syntax: Syntax) -> Option<&str> {
    let (name, rest) = match line.strip_prefix('"') {
        Some(quoted) => {
            let end = string_end(quoted)?;
            (&line[..end + 2], &quoted[end + 1..])
        }
        None if syntax == Syntax::Nix => {
            let end = line.find(' ')?;
            let name = &line[..end];
            if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-'.".contains(&b)) {
                return None;
            }
            (name, &line[end..])
        }
        None => return None,
    };
    let is_key = match syntax {
        Syntax::Json => rest.starts_with(':'),
        Syntax::Nix => rest.starts_with(" = "),
    };
    if !is_key {
        return None;
    }
    // A quoted name is compared as it is written: a name with escapes in it (a tag key with a
    // quote) matches no field of its own, and its line goes to the block's.
    Some(name.strip_prefix('"').and_then(|n| n.strip_suffix('"')).unwrap_or(name))
}

/// In the text after an opening `"`, the byte offset of the closing one.
fn string_end(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(text: &str, syntax: Syntax) -> Vec<Vec<String>> {
        let mut tracker = Tracker::default();
        text.lines()
            .map(|line| {
                tracker
                    .line(line, syntax)
                    .iter()
                    .map(|s| match s {
                        Seg::Key(k) => (*k).to_owned(),
                        Seg::Index(i) => format!("#{i}"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn json_paths() {
        let text = "{\n  \"a\": {\n    \"b\\\"c\": 1,\n    \"l\": [\n      {\n        \"x\": 1\n      },\n      {\n        \"y\": [\n          \"s\",\n          \"t\"\n        ]\n      }\n    ]\n  }\n}\n";
        let got = paths(text, Syntax::Json);
        let want: &[&[&str]] = &[
            &["#0"],
            &["#0", "a"],
            &["#0", "a", "b\\\"c"],
            &["#0", "a", "l"],
            &["#0", "a", "l", "#0"],
            &["#0", "a", "l", "#0", "x"],
            &["#0", "a", "l", "#0"],
            &["#0", "a", "l", "#1"],
            &["#0", "a", "l", "#1", "y"],
            &["#0", "a", "l", "#1", "y", "#0"],
            &["#0", "a", "l", "#1", "y", "#1"],
            &["#0", "a", "l", "#1", "y"],
            &["#0", "a", "l", "#1"],
            &["#0", "a", "l"],
            &["#0", "a"],
            &["#0"],
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn nix_paths() {
        let text = "let\n  t = f {\n    inherit s;\n    m = [\n      {\n        \"a.b\" = {\n          c = [ \"x\" ];\n        };\n      }\n    ];\n  };\nin\n{\n  s = ''\n    k = 1;\n  '';\n  z = 1;\n}\n";
        let got = paths(text, Syntax::Nix);
        let want: &[&[&str]] = &[
            &[],
            &["t"],
            &["t"],
            &["t", "m"],
            &["t", "m", "#0"],
            &["t", "m", "#0", "a.b"],
            &["t", "m", "#0", "a.b", "c"],
            &["t", "m", "#0", "a.b"],
            &["t", "m", "#0"],
            &["t", "m"],
            &["t"],
            &[],
            &["#0"],
            &["#0", "s"],
            &["#0", "s"],
            &["#0", "s"],
            &["#0", "z"],
            &["#0"],
        ];
        assert_eq!(got, want);
    }
}
