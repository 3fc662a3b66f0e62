//! Nix syntax: the string and attribute-name escapers, and a printer from a JSON value to a
//! Nix expression that evaluates (with `builtins.toJSON`) to the same JSON.
//!
//! One escaper for Nix, table-driven like serde_json's: [`string_literal`]; its inverse
//! [`unescape_string_literal`] is here so the pair can be tested together. [`to_nix`] prints a
//! `serde_json::Value`, the very value serde_json prints as `config.tf.json`.
//! Terraform escaping is not here (see `template`), and neither is the layout of whole files
//! (see `files`).

use std::fmt::Write as _;

use serde_json::Value;
use thiserror::Error;

// Attribute names that change what `builtins.toJSON` or the module system does with a set:
// model owns the list, since validation refuses them as package names.
use crate::model::names::NIX_RESERVED_NAMES as RESERVED_NAMES;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum NixError {
    #[error("a NUL character cannot be written in a Nix string")]
    Nul,
    #[error("the attribute name `{0}` has a special meaning in Nix and cannot be written")]
    ReservedName(String),
    /// terranix drops null values, so the Nix file would no longer equal the JSON file.
    #[error("a null value cannot be written: terranix would drop it")]
    Null,
    /// Nix 2.8's `builtins.toJSON` rounds floats to 6 significant digits.
    #[error("the number {0} cannot be written: the Terraform document holds only integers")]
    NotInteger(String),
}

/// Nix keywords: never bare attribute names.
const KEYWORDS: &[&str] = &[
    "assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with",
];

/// How each character is written inside `"..."`: `None` means as itself.
fn escape(c: char) -> Result<Option<&'static str>, NixError> {
    Ok(match c {
        '\\' => Some(r"\\"),
        '"' => Some(r#"\""#),
        // Escaping every `$` is always safe: `${` never starts an interpolation, `$$` stays `$$`.
        '$' => Some(r"\$"),
        '\n' => Some(r"\n"),
        '\r' => Some(r"\r"),
        '\t' => Some(r"\t"),
        '\0' => return Err(NixError::Nul),
        _ => None,
    })
}

/// Write `text` as a Nix double-quoted string literal.
///
/// ```
/// use nixform::render::nix::string_literal;
/// assert_eq!(string_literal("a\"b").unwrap(), r#""a\"b""#);
/// assert_eq!(string_literal("${x}").unwrap(), r#""\${x}""#);
/// assert_eq!(string_literal("line\nnext").unwrap(), r#""line\nnext""#);
/// assert!(string_literal("nul\0").is_err());
/// ```
pub fn string_literal(text: &str) -> Result<String, NixError> {
    let mut out = String::with_capacity(text.len() + 2);
    write_string(&mut out, text)?;
    Ok(out)
}

fn write_string(out: &mut String, text: &str) -> Result<(), NixError> {
    out.push('"');
    let mut start = 0;
    // Every character `escape` rewrites is ASCII, so scanning bytes finds them all and every
    // slice boundary falls on a character boundary.
    for (i, b) in text.bytes().enumerate() {
        if b.is_ascii() {
            if let Some(escaped) = escape(char::from(b))? {
                out.push_str(&text[start..i]);
                out.push_str(escaped);
                start = i + 1;
            }
        }
    }
    out.push_str(&text[start..]);
    out.push('"');
    Ok(())
}

/// Read back a literal written by [`string_literal`] (only the escapes it writes, plus the
/// Nix rule that `\` before any other character stands for that character).
///
/// ```
/// use nixform::render::nix::{string_literal, unescape_string_literal};
/// let text = "tab\there \"$\\{x}\" ${y}";
/// assert_eq!(unescape_string_literal(&string_literal(text).unwrap()).as_deref(), Some(text));
/// ```
pub fn unescape_string_literal(literal: &str) -> Option<String> {
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                other => out.push(other),
            },
            '"' => return None,
            '$' if chars.clone().next() == Some('{') => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// Whether `name` can be written bare: `[A-Za-z_][A-Za-z0-9_'-]*` and not a keyword.
pub fn is_identifier(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'\'' || b == b'-')
        && !KEYWORDS.contains(&name)
}

/// An attribute name: bare when it is an identifier, else a quoted string.
///
/// ```
/// use nixform::render::nix::attr_name;
/// assert_eq!(attr_name("nixos_x86-64").unwrap(), "nixos_x86-64");
/// assert_eq!(attr_name("my tag").unwrap(), r#""my tag""#);
/// assert_eq!(attr_name("in").unwrap(), r#""in""#);
/// assert!(attr_name("outPath").is_err());
/// ```
pub fn attr_name(name: &str) -> Result<String, NixError> {
    let mut out = String::with_capacity(name.len() + 2);
    write_attr_name(&mut out, name)?;
    Ok(out)
}

fn write_attr_name(out: &mut String, name: &str) -> Result<(), NixError> {
    if RESERVED_NAMES.contains(&name) {
        return Err(NixError::ReservedName(name.to_owned()));
    }
    if is_identifier(name) {
        out.push_str(name);
        Ok(())
    } else {
        write_string(out, name)
    }
}

/// Print `value` as a Nix expression into `out`; nested lines are indented by `indent` spaces
/// more than the line the expression starts on. Attribute sets, and lists that start with a set
/// or a list, span lines; other lists stay on one line; negative numbers in lists are
/// parenthesized (`[ (-1) ]`, since `[ -1 ]` would be a subtraction).
pub fn to_nix(out: &mut String, value: &Value, indent: usize) -> Result<(), NixError> {
    match value {
        Value::Null => return Err(NixError::Null),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if n.is_i64() || n.is_u64() => {
            // Writing to a `String` cannot fail.
            let _ = write!(out, "{n}");
        }
        Value::Number(n) => return Err(NixError::NotInteger(n.to_string())),
        Value::String(s) => write_string(out, s)?,
        Value::Object(members) if members.is_empty() => out.push_str("{ }"),
        Value::Object(members) => {
            out.push_str("{\n");
            for (key, item) in members {
                push_spaces(out, indent + 2);
                write_attr_name(out, key)?;
                out.push_str(" = ");
                to_nix(out, item, indent + 2)?;
                out.push_str(";\n");
            }
            push_spaces(out, indent);
            out.push('}');
        }
        Value::Array(items) => match items.first() {
            None => out.push_str("[ ]"),
            Some(Value::Object(_) | Value::Array(_)) => {
                out.push_str("[\n");
                for item in items {
                    push_spaces(out, indent + 2);
                    to_nix(out, item, indent + 2)?;
                    out.push('\n');
                }
                push_spaces(out, indent);
                out.push(']');
            }
            Some(_) => {
                out.push('[');
                for item in items {
                    out.push(' ');
                    let negative = matches!(item, Value::Number(n) if n.as_i64().is_some_and(|n| n < 0));
                    if negative {
                        out.push('(');
                    }
                    to_nix(out, item, indent + 2)?;
                    if negative {
                        out.push(')');
                    }
                }
                out.push_str(" ]");
            }
        },
    }
    Ok(())
}

fn push_spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > 0 {
        let chunk = n.min(SPACES.len());
        out.push_str(&SPACES[..chunk]);
        n -= chunk;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_escapes_table() {
        let cases = [
            ("", r#""""#),
            ("plain", r#""plain""#),
            ("\\", r#""\\""#),
            ("\"", r#""\"""#),
            ("$", r#""\$""#),
            ("${a}", r#""\${a}""#),
            ("$${a}", r#""\$\${a}""#),
            ("''", r#""''""#),
            ("\n\r\t", r#""\n\r\t""#),
            ("é ü 😀", "\"é ü 😀\""),
            ("\\${", r#""\\\${""#),
        ];
        for (input, want) in cases {
            let got = string_literal(input).expect("no NUL");
            assert_eq!(got, want, "string_literal({input:?})");
            assert_eq!(
                unescape_string_literal(&got).as_deref(),
                Some(input),
                "round trip of {input:?}"
            );
        }
        assert_eq!(string_literal("a\0b"), Err(NixError::Nul));
    }

    #[test]
    fn identifiers() {
        for ok in ["a", "_a", "a-b", "a'b", "nixos_x86-64", "x1"] {
            assert!(is_identifier(ok), "{ok}");
        }
        for bad in [
            "", "1a", "-a", "a b", "a.b", "if", "in", "or", "let", "rec", "é", "\"", "${x}",
        ] {
            assert!(!is_identifier(bad), "{bad}");
        }
        assert_eq!(attr_name("a.b").expect("ok"), r#""a.b""#);
        assert_eq!(attr_name("${x}").expect("ok"), r#""\${x}""#);
        assert_eq!(
            attr_name("__toString"),
            Err(NixError::ReservedName("__toString".into()))
        );
    }

    #[test]
    fn values() {
        let v = serde_json::json!({
            "a": {},
            "b": [1, -2, "x"],
            "c": [],
            "d": [{ "e": false }],
            "if": true,
        });
        let mut out = String::new();
        to_nix(&mut out, &v, 0).expect("printable");
        assert_eq!(out, "{\n  a = { };\n  b = [ 1 (-2) \"x\" ];\n  c = [ ];\n  d = [\n    {\n      e = false;\n    }\n  ];\n  \"if\" = true;\n}");
        let mut out = String::new();
        let nested = serde_json::json!([[1, -2], { "a": [-3] }, [], u64::MAX]);
        to_nix(&mut out, &nested, 2).expect("printable");
        assert_eq!(
            out,
            "[\n    [ 1 (-2) ]\n    {\n      a = [ (-3) ];\n    }\n    [ ]\n    18446744073709551615\n  ]"
        );
        assert_eq!(
            to_nix(&mut String::new(), &serde_json::json!({ "outPath": 1 }), 0),
            Err(NixError::ReservedName("outPath".into()))
        );
        assert_eq!(
            to_nix(&mut String::new(), &serde_json::json!("a\0"), 0),
            Err(NixError::Nul)
        );
        assert_eq!(
            to_nix(&mut String::new(), &serde_json::json!([null]), 0),
            Err(NixError::Null)
        );
        assert_eq!(
            to_nix(&mut String::new(), &serde_json::json!({ "x": 1.5 }), 0),
            Err(NixError::NotInteger("1.5".into()))
        );
    }
}
