//! Nix syntax: the string and attribute-name escapers, and a printer from a JSON value to a
//! Nix expression that evaluates (with `builtins.toJSON`) to the same JSON.
//!
//! One escaper for Nix, table-driven like serde_json's: [`string_literal`]; its inverse
//! [`unescape_string_literal`] is here so the pair can be tested together. [`to_nix`] prints any
//! `Serialize` value (the Terraform document, or a `serde_json::Value`) through a serde
//! `Serializer`, so the document is printed straight from its typed form, like the JSON.
//! Terraform escaping is not here (see `template`), and neither is the layout of whole files
//! (see `files`).

use std::fmt::Write as _;

use serde::ser::{self, Serialize};
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum NixError {
    #[error("{0}")]
    Custom(String),
    #[error("map keys must be strings")]
    KeyNotString,
    #[error("a NUL character cannot be written in a Nix string")]
    Nul,
    #[error("the number {0} is not an integer; Nix would print it with 6 significant digits")]
    Float(String),
    #[error("the attribute name `{0}` has a special meaning in Nix and cannot be written")]
    ReservedName(String),
}

/// Nix keywords: never bare attribute names.
const KEYWORDS: &[&str] = &[
    "assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with",
];

/// Attribute names that change what `builtins.toJSON` or the module system does with a set.
const RESERVED_NAMES: &[&str] = &["__toString", "__functor", "outPath", "_module", "_type"];

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
/// more than the line the expression starts on. Attribute sets and lists of sets span lines;
/// lists of scalars stay on one line; `None` is `null`; floats are refused.
pub fn to_nix<T: Serialize + ?Sized>(out: &mut String, value: &T, indent: usize) -> Result<(), NixError> {
    value.serialize(Printer { out, indent })
}

impl ser::Error for NixError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        NixError::Custom(msg.to_string())
    }
}

struct Printer<'a> {
    out: &'a mut String,
    indent: usize,
}

/// An attribute set being printed.
struct SetPrinter<'a> {
    out: &'a mut String,
    indent: usize,
    empty: bool,
}

/// A list being printed. Its layout follows its first element: a list that starts with a set or
/// a list has one element per line; otherwise it stays on one line. Elements are printed in
/// place; only the first one is moved once, by the width of the indentation it did not need.
struct ListPrinter<'a> {
    out: &'a mut String,
    indent: usize,
    /// `None` before the first element; then whether the list is one element per line.
    multi_line: Option<bool>,
}

impl<'a> SetPrinter<'a> {
    fn key(&mut self, key: &str) -> Result<(), NixError> {
        if self.empty {
            self.out.push_str("{\n");
            self.empty = false;
        }
        push_indent(self.out, self.indent + 2);
        write_attr_name(self.out, key)?;
        self.out.push_str(" = ");
        Ok(())
    }
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NixError> {
        value.serialize(Printer {
            out: self.out,
            indent: self.indent + 2,
        })?;
        self.out.push_str(";\n");
        Ok(())
    }
    fn close(self) -> Result<(), NixError> {
        if self.empty {
            self.out.push_str("{ }");
        } else {
            push_indent(self.out, self.indent);
            self.out.push('}');
        }
        Ok(())
    }
}

impl ListPrinter<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NixError> {
        match self.multi_line {
            None => {
                // Print the first element as if on its own line, then keep or undo that.
                self.out.push_str("[\n");
                push_indent(self.out, self.indent + 2);
                let start = self.out.len();
                value.serialize(Printer {
                    out: self.out,
                    indent: self.indent + 2,
                })?;
                let printed = &self.out[start..];
                let multi_line = printed.ends_with('}') || printed.ends_with(']');
                if multi_line {
                    self.out.push('\n');
                } else {
                    let negative = printed.starts_with('-');
                    self.out
                        .replace_range(start - self.indent - 3..start, if negative { " (" } else { " " });
                    if negative {
                        self.out.push(')');
                    }
                }
                self.multi_line = Some(multi_line);
            }
            Some(true) => {
                push_indent(self.out, self.indent + 2);
                value.serialize(Printer {
                    out: self.out,
                    indent: self.indent + 2,
                })?;
                self.out.push('\n');
            }
            Some(false) => {
                self.out.push(' ');
                let start = self.out.len();
                value.serialize(Printer {
                    out: self.out,
                    indent: self.indent + 2,
                })?;
                if self.out[start..].starts_with('-') {
                    self.out.insert(start, '(');
                    self.out.push(')');
                }
            }
        }
        Ok(())
    }
    fn close(self) -> Result<(), NixError> {
        match self.multi_line {
            None => self.out.push_str("[ ]"),
            Some(true) => {
                push_indent(self.out, self.indent);
                self.out.push(']');
            }
            Some(false) => self.out.push_str(" ]"),
        }
        Ok(())
    }
}

/// Map keys: strings only, printed as attribute names.
struct KeyPrinter<'b, 'a>(&'b mut SetPrinter<'a>);

macro_rules! key_not_string {
    ($($method:ident($($ty:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $ty),*) -> Result<(), NixError> { Err(NixError::KeyNotString) })*
    };
}

impl ser::Serializer for KeyPrinter<'_, '_> {
    type Ok = ();
    type Error = NixError;
    type SerializeSeq = ser::Impossible<(), NixError>;
    type SerializeTuple = ser::Impossible<(), NixError>;
    type SerializeTupleStruct = ser::Impossible<(), NixError>;
    type SerializeTupleVariant = ser::Impossible<(), NixError>;
    type SerializeMap = ser::Impossible<(), NixError>;
    type SerializeStruct = ser::Impossible<(), NixError>;
    type SerializeStructVariant = ser::Impossible<(), NixError>;

    fn serialize_str(self, v: &str) -> Result<(), NixError> {
        self.0.key(v)
    }
    key_not_string!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), NixError> {
        Err(NixError::KeyNotString)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<(), NixError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NixError> {
        Err(NixError::KeyNotString)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NixError> {
        Err(NixError::KeyNotString)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NixError> {
        Err(NixError::KeyNotString)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, NixError> {
        Err(NixError::KeyNotString)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NixError> {
        Err(NixError::KeyNotString)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NixError> {
        Err(NixError::KeyNotString)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NixError> {
        Err(NixError::KeyNotString)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NixError> {
        Err(NixError::KeyNotString)
    }
}

impl<'a> ser::Serializer for Printer<'a> {
    type Ok = ();
    type Error = NixError;
    type SerializeSeq = ListPrinter<'a>;
    type SerializeTuple = ListPrinter<'a>;
    type SerializeTupleStruct = ListPrinter<'a>;
    type SerializeTupleVariant = ser::Impossible<(), NixError>;
    type SerializeMap = SetPrinter<'a>;
    type SerializeStruct = SetPrinter<'a>;
    type SerializeStructVariant = ser::Impossible<(), NixError>;

    fn serialize_bool(self, v: bool) -> Result<(), NixError> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), NixError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), NixError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), NixError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), NixError> {
        let _ = write!(self.out, "{v}");
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), NixError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), NixError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), NixError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), NixError> {
        // Nix integers are 64-bit signed.
        let v = i64::try_from(v).map_err(|_| NixError::Custom(format!("{v} is too large for a Nix integer")))?;
        self.serialize_i64(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), NixError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), NixError> {
        // serde_json's Value holds integers as i64/u64; only real fractions arrive here.
        Err(NixError::Float(v.to_string()))
    }
    fn serialize_char(self, v: char) -> Result<(), NixError> {
        write_string(self.out, v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), NixError> {
        write_string(self.out, v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), NixError> {
        Err(NixError::Custom("bytes cannot be printed as Nix".into()))
    }
    fn serialize_none(self) -> Result<(), NixError> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), NixError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), NixError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NixError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), NixError> {
        write_string(self.out, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<(), NixError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), NixError> {
        let mut set = SetPrinter {
            out: self.out,
            indent: self.indent,
            empty: true,
        };
        set.key(variant)?;
        set.value(v)?;
        set.close()
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<ListPrinter<'a>, NixError> {
        let _ = len;
        Ok(ListPrinter {
            out: self.out,
            indent: self.indent,
            multi_line: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<ListPrinter<'a>, NixError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<ListPrinter<'a>, NixError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NixError> {
        Err(NixError::Custom("tuple variants cannot be printed as Nix".into()))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<SetPrinter<'a>, NixError> {
        Ok(SetPrinter {
            out: self.out,
            indent: self.indent,
            empty: true,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<SetPrinter<'a>, NixError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NixError> {
        Err(NixError::Custom("struct variants cannot be printed as Nix".into()))
    }
}

/// Sequences, tuples and tuple structs all print as lists.
macro_rules! list_impls {
    ($($trait:ident::$method:ident),*) => {
        $(impl ser::$trait for ListPrinter<'_> {
            type Ok = ();
            type Error = NixError;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), NixError> {
                self.element(v)
            }
            fn end(self) -> Result<(), NixError> {
                self.close()
            }
        })*
    };
}

list_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl<'a> ser::SerializeMap for SetPrinter<'a> {
    type Ok = ();
    type Error = NixError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), NixError> {
        key.serialize(KeyPrinter(self))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), NixError> {
        self.value(v)
    }
    fn end(self) -> Result<(), NixError> {
        self.close()
    }
}

impl ser::SerializeStruct for SetPrinter<'_> {
    type Ok = ();
    type Error = NixError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), NixError> {
        self.key(key)?;
        self.value(v)
    }
    fn end(self) -> Result<(), NixError> {
        self.close()
    }
}
fn push_indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
        let v = json!({"b": [1, -2, "x"], "a": {}, "c": [], "d": [{"e": null}], "if": true});
        let mut out = String::new();
        to_nix(&mut out, &v, 0).expect("printable");
        assert_eq!(out, "{\n  a = { };\n  b = [ 1 (-2) \"x\" ];\n  c = [ ];\n  d = [\n    {\n      e = null;\n    }\n  ];\n  \"if\" = true;\n}");
        let mut out = String::new();
        assert!(matches!(to_nix(&mut out, &json!(1.5), 0), Err(NixError::Float(_))));
        let mut out = String::new();
        to_nix(&mut out, &json!([[1, -2], {"a": [-3]}, []]), 2).expect("printable");
        assert_eq!(
            out,
            "[\n    [ 1 (-2) ]\n    {\n      a = [ (-3) ];\n    }\n    [ ]\n  ]"
        );
        assert_eq!(
            to_nix(&mut String::new(), &std::collections::BTreeMap::from([(1, 2)]), 0),
            Err(NixError::KeyNotString)
        );
    }
}
