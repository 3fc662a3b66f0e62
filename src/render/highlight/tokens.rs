//! The tokenizers: one per language, small and forgiving (they colour, they do not validate),
//! writing each token through [`Line`]. Lines, state and the cache are in the parent module.

use super::{Line, State};

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

pub(super) fn json(text: &str, html: &mut Line) {
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
        html.text(&text[plain..i], None);
        html.text(&text[i..end], Some(class));
        i = end;
        plain = end;
    }
    html.text(&text[plain..], None);
}

const NIX_KEYWORDS: &[&str] = &[
    "assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with",
];

/// Where an indented string open at `from` closes: the index after its closing two quotes,
/// skipping the escapes (two quotes then a quote, a dollar or a backslash); `None` if it stays
/// open past the line.
fn indented_string_end(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = from;
    while let Some(k) = text.get(j..).and_then(|rest| rest.find("''")) {
        let at = j + k;
        match b.get(at + 2) {
            Some(b'\'') | Some(b'$') | Some(b'\\') => j = at + 3,
            _ => return Some(at + 2),
        }
    }
    None
}

pub(super) fn nix(text: &str, html: &mut Line, state: State) -> State {
    let b = text.as_bytes();
    let mut i = 0;
    if state.in_indented_string {
        match indented_string_end(text, 0) {
            Some(end) => {
                html.text(&text[..end], Some("str"));
                i = end;
            }
            None => {
                html.text(text, Some("str"));
                return state;
            }
        }
    }
    let mut plain = i;
    while i < b.len() {
        let (end, class) = match b[i] {
            b'#' => (b.len(), "com"),
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
            b'\'' if b.get(i + 1) == Some(&b'\'') => match indented_string_end(text, i + 2) {
                Some(end) => (end, "str"),
                None => {
                    html.text(&text[plain..i], None);
                    html.text(&text[i..], Some("str"));
                    return State {
                        in_indented_string: true,
                    };
                }
            },
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
        html.text(&text[plain..i], None);
        html.text(&text[i..end], Some(class));
        i = end;
        plain = end;
    }
    html.text(&text[plain..], None);
    State::default()
}
