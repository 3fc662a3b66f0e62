//! A small, strict JSON reader (RFC 8259) and printer. It reads stack documents (autosave,
//! share links, the CLI) and `config.tf.json` imports.
//!
//! It exists for size: serde's derived deserializers cost the wasm build tens of kilobytes per
//! document struct, while one reader into one small [`Json`] tree costs a few.
//!
//! Writing is here too, for the same reason: [`print`](fn@print) and [`print_compact`] write a
//! [`Value`] (the Terraform document, or a stack document) in serde_json's layout, through one
//! escaper, [`write_string`], with the table `ESCAPE`; [`Json`]'s `Display` uses it as well.
//!
//! Belongs here: the grammar, its errors, and printing. Does not belong here: what a document or a
//! Terraform file means (that is `document` and `import`), or a size limit (callers check the
//! text's length first; the reader itself only bounds nesting, at [`MAX_DEPTH`]).
//!
//! Rules, all as `serde_json` reads into a `Value`:
//! - exactly one value, with only space, tab, CR and LF around it; no byte order mark, no
//!   comments, no trailing commas, no leading zeros, no `NaN`;
//! - strings: control characters must be escaped; `\uXXXX` escapes pair surrogates, and a lone
//!   surrogate is an error;
//! - numbers: integers that fit are kept exact ([`Number::UInt`] for 0 and up, [`Number::Int`]
//!   below 0); everything else (fractions, exponents, `-0`, integers beyond 64 bits) is kept as
//!   written ([`Number::Float`]), and one that overflows an `f64` to infinity is an error;
//! - objects iterate in key order; a repeated key is an error or the last one wins, as the caller
//!   chooses ([`Duplicates`]).
//!
//! Any input gives a value or a [`JsonError`] that says what and where; nothing panics.

use std::fmt;

use thiserror::Error;

use super::value::Value;

/// The most arrays and objects nested in one another (`serde_json`'s limit), so hostile input
/// cannot exhaust the stack.
pub const MAX_DEPTH: usize = 127;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Object),
}

/// A JSON number: integers exact, the rest as written (finite as an `f64`). Nothing nixform
/// reads needs a fraction; keeping the text means messages quote it exactly, without a float
/// printer in the wasm build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Number {
    /// An integer from 0 to `u64::MAX`.
    UInt(u64),
    /// A negative integer down to `i64::MIN`.
    Int(i64),
    Float(String),
}

/// An object's members, sorted by key, each key once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object(Vec<(String, Json)>);

/// What to do when an object repeats a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duplicates {
    /// The text is refused ([`JsonError::DuplicateKey`]).
    Reject,
    /// The last value wins (what `serde_json::Value` does).
    LastWins,
}

/// Where in the text: byte offset, and 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at line {} column {}", self.line, self.column)
    }
}

/// Why a text is not JSON.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum JsonError {
    #[error("the text ends where {expected} was expected ({at})")]
    End { expected: &'static str, at: Position },
    #[error("found {} where {expected} was expected ({at})", Quoted(*found))]
    Unexpected {
        found: char,
        expected: &'static str,
        at: Position,
    },
    #[error("a trailing comma before {} ({at})", Quoted(*found))]
    TrailingComma { found: char, at: Position },
    #[error("the text starts with a byte order mark (U+FEFF), which JSON does not allow ({at})")]
    ByteOrderMark { at: Position },
    #[error("more text after the JSON value ({at})")]
    TrailingCharacters { at: Position },
    #[error("control character U+{code:04X} must be escaped in a string ({at})")]
    ControlCharacter { code: u32, at: Position },
    #[error("invalid escape in a string ({at})")]
    InvalidEscape { at: Position },
    #[error("a lone surrogate in a \\u escape ({at})")]
    LoneSurrogate { at: Position },
    #[error("invalid number ({at})")]
    InvalidNumber { at: Position },
    #[error("number out of range ({at})")]
    NumberOutOfRange { at: Position },
    #[error("nested deeper than {MAX_DEPTH} arrays and objects ({at})")]
    TooDeep { at: Position },
    #[error("the key {} appears twice in the object that starts {at}", quoted(key))]
    DuplicateKey { key: String, at: Position },
}

/// A character in a message: `'x'` when it is visible ASCII, else its code point (`U+00A0`), so
/// that nothing invisible hides in a message.
struct Quoted(char);

impl fmt::Display for Quoted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == '\'' || self.0 == '\\' {
            write!(f, "'\\{}'", self.0)
        } else if self.0.is_ascii_graphic() || self.0 == ' ' {
            write!(f, "'{}'", self.0)
        } else {
            write!(f, "U+{:04X}", u32::from(self.0))
        }
    }
}

/// A key in a message, as a JSON string.
fn quoted(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 2);
    write_string(&mut out, key);
    out
}

/// Parse `text` as exactly one JSON value.
pub fn parse(text: &str, duplicates: Duplicates) -> Result<Json, JsonError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        duplicates,
    };
    if text.starts_with('\u{feff}') {
        return Err(JsonError::ByteOrderMark { at: p.position(0) });
    }
    let value = p.value(0)?;
    p.skip_whitespace();
    if p.at < p.bytes.len() {
        return Err(JsonError::TrailingCharacters { at: p.position(p.at) });
    }
    Ok(value)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    duplicates: Duplicates,
}

impl Parser<'_> {
    fn position(&self, offset: usize) -> Position {
        let before = self.text.get(..offset).unwrap_or(self.text);
        // By bytes: `rfind` would bring a reverse character searcher into the wasm build.
        let line_start = before.bytes().rposition(|b| b == b'\n').map_or(0, |i| i + 1);
        Position {
            offset,
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// The error for what stands at the current position when `expected` was.
    fn unexpected(&self, expected: &'static str) -> JsonError {
        let at = self.position(self.at);
        match self.text.get(self.at..).and_then(|rest| rest.chars().next()) {
            Some(found) => JsonError::Unexpected { found, expected, at },
            None => JsonError::End { expected, at },
        }
    }

    fn expect_literal(&mut self, word: &'static str, value: Json) -> Result<Json, JsonError> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            // Point at the first byte that differs.
            let same = word
                .bytes()
                .zip(self.bytes.get(self.at..).unwrap_or_default())
                .take_while(|(a, b)| a == *b)
                .count();
            self.at += same;
            Err(self.unexpected(word))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            Some(b't') => self.expect_literal("true", Json::Bool(true)),
            Some(b'f') => self.expect_literal("false", Json::Bool(false)),
            Some(b'n') => self.expect_literal("null", Json::Null),
            _ => Err(self.unexpected("a value")),
        }
    }

    fn enter(&mut self, depth: usize) -> Result<(), JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep {
                at: self.position(self.at),
            });
        }
        self.at += 1; // the opening bracket
        Ok(())
    }

    /// After a comma: the error if `close` follows (a trailing comma).
    fn no_trailing_comma(&mut self, close: u8) -> Result<(), JsonError> {
        self.skip_whitespace();
        if self.peek() == Some(close) {
            return Err(JsonError::TrailingComma {
                found: char::from(close),
                at: self.position(self.at),
            });
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.enter(depth)?;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.no_trailing_comma(b']')?;
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.unexpected("`,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        let start = self.at;
        self.enter(depth)?;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(Object(members)));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected("a key (a string)"));
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.unexpected("`:`"));
            }
            self.at += 1;
            members.push((key, self.value(depth)?));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.no_trailing_comma(b'}')?;
                }
                Some(b'}') => {
                    self.at += 1;
                    break;
                }
                _ => return Err(self.unexpected("`,` or `}`")),
            }
        }
        // Sort (stably, so equal keys keep their order) and keep one member per key.
        members.sort_by(|a, b| a.0.cmp(&b.0));
        let mut repeated = None;
        members.dedup_by(|later, kept| {
            if later.0 != kept.0 {
                return false;
            }
            std::mem::swap(&mut later.1, &mut kept.1);
            if repeated.is_none() {
                repeated = Some(kept.0.clone());
            }
            true
        });
        match repeated {
            Some(key) if self.duplicates == Duplicates::Reject => Err(JsonError::DuplicateKey {
                key,
                at: self.position(start),
            }),
            _ => Ok(Json::Object(Object(members))),
        }
    }

    /// Four hex digits after `\u`.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            match digit {
                Some(d) => code = code * 16 + d,
                None => {
                    return Err(match self.peek() {
                        None => self.unexpected("a hex digit"),
                        Some(_) => JsonError::InvalidEscape {
                            at: self.position(self.at),
                        },
                    })
                }
            }
            self.at += 1;
        }
        Ok(code)
    }

    /// A string, the current byte being its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The run ends at an ASCII byte (or the end), so it is whole characters.
            out.push_str(self.text.get(run..self.at).unwrap_or_default());
            match self.peek() {
                None => return Err(self.unexpected("`\"`")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escape = self.at;
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let c = self.unicode_escape(escape)?;
                            out.push(c);
                            continue;
                        }
                        None => return Err(self.unexpected("an escape")),
                        Some(_) => {
                            return Err(JsonError::InvalidEscape {
                                at: self.position(escape),
                            })
                        }
                    };
                    self.at += 1;
                    out.push(c);
                }
                Some(b) => {
                    return Err(JsonError::ControlCharacter {
                        code: u32::from(b),
                        at: self.position(self.at),
                    })
                }
            }
        }
    }

    /// The character of `\uXXXX` (and of its low surrogate's escape, for a high surrogate).
    fn unicode_escape(&mut self, escape: usize) -> Result<char, JsonError> {
        let lone = |p: &Self| JsonError::LoneSurrogate { at: p.position(escape) };
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(lone(self));
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(lone(self));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(lone(self)),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| lone(self))
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Number, JsonError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        match self.digits() {
            0 => return Err(self.unexpected("a digit")),
            1 => {}
            _ if self.bytes.get(int_start) == Some(&b'0') => {
                return Err(JsonError::InvalidNumber {
                    at: self.position(int_start),
                })
            }
            _ => {}
        }
        let int_end = self.at;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.unexpected("a digit"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            integer = false;
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.unexpected("a digit"));
            }
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        if integer {
            let magnitude = self
                .text
                .get(int_start..int_end)
                .unwrap_or_default()
                .parse::<u64>()
                .ok();
            match (negative, magnitude) {
                (false, Some(n)) => return Ok(Number::UInt(n)),
                (true, Some(n)) if n != 0 => {
                    if let Some(i) = 0i64.checked_sub_unsigned(n) {
                        return Ok(Number::Int(i));
                    }
                }
                _ => {}
            }
        }
        if fits_f64(text) {
            Ok(Number::Float(text.to_owned()))
        } else {
            Err(JsonError::NumberOutOfRange {
                at: self.position(start),
            })
        }
    }
}

/// The digits of 2^1024 − 2^970, the least number that rounds to infinity as an `f64`: the
/// halfway point between `f64::MAX` and 2^1024, and ties go to even, which is 2^1024.
const F64_OVERFLOW: &[u8; 309] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// Whether a JSON number (already checked against the grammar) is finite as an `f64`, decided
/// on its digits: `str::parse::<f64>` would bring 10 KB of tables into the wasm build just to
/// answer this.
fn fits_f64(number: &str) -> bool {
    let unsigned = number.strip_prefix('-').unwrap_or(number).as_bytes();
    let (mantissa, exponent) = split_at_byte(unsigned, unsigned.iter().position(|&b| b == b'e' || b == b'E'));
    let (int, frac) = split_at_byte(mantissa, mantissa.iter().position(|&b| b == b'.'));
    // The significant digits are those of `int` and then `frac`, after the leading zeros.
    let leading = |digits: &[u8]| digits.iter().take_while(|&&d| d == b'0').count();
    let int_zeros = leading(int);
    let frac_zeros = if int_zeros == int.len() { leading(frac) } else { 0 };
    let skipped = int_zeros + frac_zeros;
    let significant = int.len() + frac.len() - skipped;
    if significant == 0 {
        return true; // zero
    }
    let digit = |i: usize| {
        let j = skipped + i;
        int.get(j).or_else(|| frac.get(j - int.len())).copied()
    };
    // The exponent saturates: beyond ±10^18 the answer no longer depends on it.
    let (negative, magnitude) = match exponent.split_first() {
        Some((b'-', m)) => (true, m),
        Some((b'+', m)) => (false, m),
        _ => (false, exponent),
    };
    let mut exponent = 0i64;
    for &d in magnitude {
        exponent = exponent.saturating_mul(10).saturating_add(i64::from(d - b'0'));
    }
    if negative {
        exponent = -exponent;
    }
    // The value is 0.DIGITS × 10^point: it has `point` digits before the decimal point.
    let integer_digits = (int.len() - int_zeros) as i64;
    let leading_zeros = if integer_digits == 0 { frac_zeros as i64 } else { 0 };
    let point = integer_digits.saturating_sub(leading_zeros).saturating_add(exponent);
    match point.cmp(&(F64_OVERFLOW.len() as i64)) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Greater => false,
        // Same number of integer digits: compare digit by digit, the shorter padded with zeros.
        std::cmp::Ordering::Equal => (0..significant.max(F64_OVERFLOW.len()))
            .map(|i| {
                let ours = if i < significant { digit(i) } else { None };
                ours.unwrap_or(b'0').cmp(&F64_OVERFLOW.get(i).copied().unwrap_or(b'0'))
            })
            .find(|o| o.is_ne())
            .is_some_and(|o| o.is_lt()),
    }
}

/// `text` before and after the byte at `at` (all of it, and nothing, for `None`).
fn split_at_byte(text: &[u8], at: Option<usize>) -> (&[u8], &[u8]) {
    match at {
        Some(i) => (text.get(..i).unwrap_or_default(), text.get(i + 1..).unwrap_or_default()),
        None => (text, &[]),
    }
}

impl Json {
    /// A member of an object; `None` for a missing key or a value that is not an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.get(key)
    }

    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The value of an integer from 0 to `u64::MAX`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(Number::UInt(n)) => Some(*n),
            _ => None,
        }
    }

    /// What kind of value this is, for messages: "a string", "an object"...
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

impl Object {
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The members in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Json)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

// Writing.

/// How each byte below 0x80 is written inside a string: 0 as itself, `u` as `\u00XX`, any
/// other as `\` and that byte. Every non-ASCII character is written as itself (UTF-8).
const ESCAPE: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Write `text` as a JSON string literal.
///
/// ```
/// let mut out = String::new();
/// nixform::model::json::write_string(&mut out, "a\"b\\c\nd\u{1}é");
/// assert_eq!(out, r#""a\"b\\c\nd\u0001é""#);
/// ```
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    // Every escaped character is ASCII, so every slice boundary is a character boundary.
    for (i, b) in text.bytes().enumerate() {
        let escape = ESCAPE.get(usize::from(b)).copied().unwrap_or(0);
        if escape == 0 {
            continue;
        }
        out.push_str(&text[start..i]);
        out.push('\\');
        if escape == b'u' {
            out.push_str("u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push(char::from(escape));
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// `value` as pretty JSON with a trailing newline.
pub fn print(value: &Value) -> String {
    let mut out = String::with_capacity(8192);
    write(&mut out, value, Some(0));
    out.push('\n');
    out
}

/// `value` as compact JSON (no spaces, no newline).
pub fn print_compact(value: &Value) -> String {
    let mut out = String::with_capacity(1024);
    write(&mut out, value, None);
    out
}

/// Write `value`; `indent` is the current depth for pretty output, `None` for compact.
fn write(out: &mut String, value: &Value, indent: Option<usize>) {
    match value {
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(n) => push_int(out, *n),
        Value::Str(s) => write_string(out, s),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separator(out, i, indent);
                write(out, item, indent.map(|n| n + 1));
            }
            close(out, items.is_empty(), indent, ']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                separator(out, i, indent);
                write_string(out, key);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(out, item, indent.map(|n| n + 1));
            }
            close(out, members.is_empty(), indent, '}');
        }
    }
}

/// Before the `i`th element: a comma after the previous one, and in pretty output a new line.
fn separator(out: &mut String, i: usize, indent: Option<usize>) {
    if i > 0 {
        out.push(',');
    }
    if let Some(depth) = indent {
        newline(out, depth + 1);
    }
}

fn close(out: &mut String, empty: bool, indent: Option<usize>, bracket: char) {
    if let (Some(depth), false) = (indent, empty) {
        newline(out, depth);
    }
    out.push(bracket);
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    push_spaces(out, 2 * depth);
}

/// `n` spaces, pushed as string slices (pushing `char`s one by one encodes each of them: it
/// was a sixth of the native render time).
pub(crate) fn push_spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > 0 {
        let chunk = n.min(SPACES.len());
        out.push_str(&SPACES[..chunk]);
        n -= chunk;
    }
}

/// Decimal digits of `n`, without the formatting machinery.
pub(crate) fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut rest = n.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        // `rest % 10` is below 10, so the cast keeps it exactly.
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

impl fmt::Display for Number {
    /// As written in the text it was read from (integers in decimal).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::UInt(n) => write!(f, "{n}"),
            Number::Int(n) => write!(f, "{n}"),
            Number::Float(text) => f.write_str(text),
        }
    }
}

/// Compact JSON of a read value, as `serde_json` prints a `Value` (keys in order, no spaces).
fn write_json(out: &mut String, value: &Json) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&n.to_string()),
        Json::String(s) => write_string(out, s),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separator(out, i, None);
                write_json(out, item);
            }
            close(out, items.is_empty(), None, ']');
        }
        Json::Object(o) => {
            out.push('{');
            for (i, (k, v)) in o.iter().enumerate() {
                separator(out, i, None);
                write_string(out, k);
                out.push(':');
                write_json(out, v);
            }
            close(out, o.is_empty(), None, '}');
        }
    }
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_json(&mut out, self);
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_are_sorted_and_last_wins_or_refused() {
        let v = parse(r#"{"b": 1, "a": 2, "b": 3}"#, Duplicates::LastWins).unwrap();
        assert_eq!(v.to_string(), r#"{"a":2,"b":3}"#);
        let e = parse("{\n \"b\": 1, \"b\": 3}", Duplicates::Reject).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the key \"b\" appears twice in the object that starts at line 1 column 1"
        );
    }

    #[test]
    fn layout() {
        let v = Value::object([
            ("a", Value::List(vec![Value::Int(1), Value::Int(-20)])),
            ("b", Value::object::<&str>([])),
            ("c", Value::List(vec![])),
            ("d", Value::object([("e", Value::Bool(false))])),
        ]);
        assert_eq!(
            print(&v),
            "{\n  \"a\": [\n    1,\n    -20\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": {\n    \"e\": false\n  }\n}\n"
        );
        assert_eq!(print_compact(&v), r#"{"a":[1,-20],"b":{},"c":[],"d":{"e":false}}"#);
    }

    #[test]
    fn integers() {
        for n in [0, 7, -7, 10, 1234567890, i64::MAX, i64::MIN] {
            let mut out = String::new();
            push_int(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn escapes() {
        let mut out = String::new();
        write_string(&mut out, "\u{8}\u{c}\t\r\n\u{1f}\u{7f}\"\\/ü");
        assert_eq!(out, "\"\\b\\f\\t\\r\\n\\u001f\u{7f}\\\"\\\\/ü\"");
    }
}
