//! Syntax highlighting for the previews: text in, HTML out.
//!
//! Each line becomes `<span class="ln">…</span>` (CSS numbers them; [`highlight_lines`] gives
//! them one by one, so a preview can replace only the lines that changed, see
//! [`changed_range`]) and each token a
//! `<span class="t-…">` (`t-key`, `t-str`, `t-num`, `t-kw`, `t-com`). All text is HTML-escaped
//! here, so the UI can insert the result as markup without building any itself. A tokenizer
//! per language, small and forgiving: it colours, it does not validate.

/// The languages of the previews.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Json,
    Nix,
    Plain,
}

impl Lang {
    pub fn for_file(name: &str) -> Lang {
        if name.ends_with(".json") {
            Lang::Json
        } else if name.ends_with(".nix") {
            Lang::Nix
        } else {
            Lang::Plain
        }
    }
}

/// Writes escaped text line by line, keeping token spans balanced across line breaks.
struct Html {
    out: String,
    lines: Vec<String>,
}

const LINE_START: &str = "<span class=\"ln\">";

impl Html {
    fn new() -> Self {
        Html {
            out: String::from(LINE_START),
            lines: Vec::new(),
        }
    }

    fn end_line(&mut self) {
        self.out.push_str("</span>");
        let line = std::mem::replace(&mut self.out, String::with_capacity(64));
        self.lines.push(line);
        self.out.push_str(LINE_START);
    }

    fn escaped(&mut self, text: &str, class: Option<&str>) {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                self.end_line();
            }
            if part.is_empty() {
                continue;
            }
            if let Some(c) = class {
                self.out.push_str("<span class=\"t-");
                self.out.push_str(c);
                self.out.push_str("\">");
            }
            for ch in part.chars() {
                match ch {
                    '&' => self.out.push_str("&amp;"),
                    '<' => self.out.push_str("&lt;"),
                    '>' => self.out.push_str("&gt;"),
                    '"' => self.out.push_str("&quot;"),
                    c => self.out.push(c),
                }
            }
            if class.is_some() {
                self.out.push_str("</span>");
            }
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.out.push_str("</span>");
        self.lines.push(self.out);
        self.lines
    }
}

/// `text` as highlighted HTML, one `<span class="ln">` element per line. A trailing newline
/// does not make an extra empty line.
pub fn highlight_lines(text: &str, lang: Lang) -> Vec<String> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let mut html = Html::new();
    match lang {
        Lang::Json => json(text, &mut html),
        Lang::Nix => nix(text, &mut html),
        Lang::Plain => html.escaped(text, None),
    }
    html.finish()
}

/// `text` as highlighted HTML: the lines of [`highlight_lines`], separated by newlines.
pub fn highlight(text: &str, lang: Lang) -> String {
    highlight_lines(text, lang).join("\n")
}

/// Which lines differ between `old` and `new`: `(prefix, suffix)`, the numbers of equal lines at
/// the start and at the end (never overlapping), so `old[prefix..old.len() - suffix]` is what
/// `new[prefix..new.len() - suffix]` replaces.
///
/// ```
/// use nixform::render::highlight::changed_range;
/// let old = ["a", "b", "c", "d"];
/// assert_eq!(changed_range(&old, &["a", "x", "c", "d"]), (1, 2));
/// assert_eq!(changed_range(&old, &["a", "b", "c", "d", "e"]), (4, 0));
/// assert_eq!(changed_range(&["a", "a"], &["a", "a", "a"]), (2, 0));
/// ```
pub fn changed_range<T: PartialEq>(old: &[T], new: &[T]) -> (usize, usize) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    (prefix, suffix)
}

/// End of a `"..."` string starting at `start` (index after the closing quote).
fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

fn run_end(b: &[u8], start: usize, keep: impl Fn(u8) -> bool) -> usize {
    let mut i = start;
    while i < b.len() && keep(b[i]) {
        i += 1;
    }
    i
}

fn json(text: &str, html: &mut Html) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut plain = 0;
    while i < b.len() {
        let (end, class) = match b[i] {
            b'"' => {
                let end = string_end(b, i);
                let rest = run_end(b, end, |c| c == b' ');
                (end, if b.get(rest) == Some(&b':') { "key" } else { "str" })
            }
            b'-' | b'0'..=b'9' => (
                run_end(b, i + 1, |c| c.is_ascii_digit() || b".eE+-".contains(&c)),
                "num",
            ),
            b't' | b'f' | b'n' if !b[plain..i].last().is_some_and(u8::is_ascii_alphanumeric) => {
                let end = run_end(b, i, |c| c.is_ascii_alphabetic());
                match &text[i..end] {
                    "true" | "false" | "null" => (end, "kw"),
                    _ => {
                        i = end;
                        continue;
                    }
                }
            }
            _ => {
                i += 1;
                continue;
            }
        };
        html.escaped(&text[plain..i], None);
        html.escaped(&text[i..end], Some(class));
        i = end;
        plain = end;
    }
    html.escaped(&text[plain..], None);
}

const NIX_KEYWORDS: &[&str] = &[
    "assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with",
];

fn nix(text: &str, html: &mut Html) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut plain = 0;
    while i < b.len() {
        let (end, class) = match b[i] {
            b'#' => (run_end(b, i, |c| c != b'\n'), "com"),
            b'"' => {
                let end = string_end(b, i);
                let rest = run_end(b, end, |c| c == b' ');
                (
                    end,
                    if b.get(rest) == Some(&b'=') && b.get(rest + 1) != Some(&b'=') {
                        "key"
                    } else {
                        "str"
                    },
                )
            }
            b'\'' if b.get(i + 1) == Some(&b'\'') => {
                // Indented string: ends at the next '' not followed by ', $ or \ (its escapes).
                let mut j = i + 2;
                loop {
                    match text[j..].find("''") {
                        Some(k) => {
                            let at = j + k;
                            match b.get(at + 2) {
                                Some(b'\'') | Some(b'$') | Some(b'\\') => j = at + 3,
                                _ => break (at + 2, "str"),
                            }
                        }
                        None => break (b.len(), "str"),
                    }
                }
            }
            b'0'..=b'9'
                if !b[..i]
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || b"_-'".contains(c)) =>
            {
                (run_end(b, i, |c| c.is_ascii_digit()), "num")
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let end = run_end(b, i, |c| c.is_ascii_alphanumeric() || b"_-'".contains(&c));
                let word = &text[i..end];
                let rest = run_end(b, end, |c| c == b' ');
                let class = if NIX_KEYWORDS.contains(&word) || matches!(word, "true" | "false" | "null") {
                    "kw"
                } else if b.get(rest) == Some(&b'=') && b.get(rest + 1) != Some(&b'=') || b.get(end) == Some(&b'.') {
                    "key"
                } else {
                    i = end;
                    continue;
                };
                (end, class)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        html.escaped(&text[plain..i], None);
        html.escaped(&text[i..end], Some(class));
        i = end;
        plain = end;
    }
    html.escaped(&text[plain..], None);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of highlighted HTML, markup removed and entities decoded.
    fn strip(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    }

    #[test]
    fn json_tokens() {
        let h = highlight("{\n  \"a\": \"<b>\",\n  \"n\": -1.5,\n  \"t\": true\n}\n", Lang::Json);
        assert!(h.contains("<span class=\"t-key\">&quot;a&quot;</span>"), "{h}");
        assert!(h.contains("<span class=\"t-str\">&quot;&lt;b&gt;&quot;</span>"), "{h}");
        assert!(h.contains("<span class=\"t-num\">-1.5</span>"), "{h}");
        assert!(h.contains("<span class=\"t-kw\">true</span>"), "{h}");
        assert_eq!(h.matches("<span class=\"ln\">").count(), 5);
    }

    #[test]
    fn nix_tokens() {
        let h = highlight("# c\n{ a = \"x\"; s = ''\n  y\n''; inherit b; n = 1; }\n", Lang::Nix);
        assert!(h.contains("<span class=\"t-com\"># c</span>"), "{h}");
        assert!(h.contains("<span class=\"t-key\">a</span>"), "{h}");
        assert!(h.contains("<span class=\"t-kw\">inherit</span>"), "{h}");
        assert!(h.contains("<span class=\"t-num\">1</span>"), "{h}");
        // A multi-line string keeps its spans balanced on each line.
        assert_eq!(h.matches("<span").count(), h.matches("</span>").count());
        assert_eq!(h.matches("<span class=\"ln\">").count(), 4);
    }

    #[test]
    fn text_survives_for_every_rendered_file() {
        let stack = crate::model::validate(&crate::model::presets::hardened()).expect("valid");
        let files = crate::render::render_all(&stack).expect("renders");
        for (name, text) in files.iter() {
            let h = highlight(text, Lang::for_file(name));
            assert_eq!(strip(&h), text.strip_suffix('\n').unwrap_or(text), "{name}");
            assert_eq!(h.matches("<span").count(), h.matches("</span>").count(), "{name}");
            assert_eq!(h.matches("class=\"ln\"").count(), text.lines().count(), "{name}");
        }
    }

    #[test]
    fn lines_are_whole_elements() {
        let lines = highlight_lines("{ a = ''\n  x\n''; }\n", Lang::Nix);
        assert_eq!(lines.len(), 3);
        for line in &lines {
            assert!(
                line.starts_with("<span class=\"ln\">") && line.ends_with("</span>"),
                "{line}"
            );
            assert_eq!(line.matches("<span").count(), line.matches("</span>").count(), "{line}");
        }
    }

    #[test]
    fn changed_ranges() {
        let cases: [(&[&str], &[&str], (usize, usize)); 6] = [
            (&[], &[], (0, 0)),
            (&["a"], &[], (0, 0)),
            (&[], &["a"], (0, 0)),
            (&["a", "b", "c"], &["a", "c"], (1, 1)),
            (&["a", "b"], &["a", "b"], (2, 0)),
            (&["x", "a", "b"], &["y", "a", "b"], (0, 2)),
        ];
        for (old, new, want) in cases {
            let (p, s) = changed_range(old, new);
            assert_eq!((p, s), want, "{old:?} -> {new:?}");
            // Applying the range turns old into new.
            let mut patched: Vec<&str> = old[..p].to_vec();
            patched.extend_from_slice(&new[p..new.len() - s]);
            patched.extend_from_slice(&old[old.len() - s..]);
            assert_eq!(patched, new);
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        for lang in [Lang::Json, Lang::Nix, Lang::Plain] {
            let h = highlight("\"<script>alert(1)</script>\" <img src=x onerror=y> '' \" # ", lang);
            assert!(!h.contains("<script") && !h.contains("<img"), "{lang:?}: {h}");
        }
    }
}
