//! Reading and writing a document's JSON, and visiting its text fields.
//!
//! Reading checks, in this order: the size ([`MAX_DOCUMENT_BYTES`]); the syntax, with nesting
//! bounded by serde_json's recursion limit (128 arrays and objects; deeper text is refused with
//! "recursion limit exceeded" before anything is built, so hostile input cannot exhaust the
//! stack); that it is an object with a supported `"version"`; and only then the fields, through
//! the derived `Deserialize`, whose messages name the bad key or value and the line and column,
//! followed by the text just before that place (which names the key). `serde_path_to_error`
//! named the field's whole path, but its wrapper costs about a kilobyte of wasm per document
//! field (6 KB gzip at issue 15's 75 fields, and more with every field), so it went. A repeated
//! key is an error (derive refuses a duplicate field), as are an unknown field and a value of
//! the wrong type.

use serde::Deserialize as _;
use serde_json::Value;
use thiserror::Error;

use super::strict::ObjectOnly;
use super::{Document, DOCUMENT_VERSION};

/// The largest document text accepted, far above any real stack.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

/// Why a text is not a stack document.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum DocumentError {
    /// The text is not JSON.
    #[error("not a nixform stack document: {0}")]
    Syntax(String),
    /// JSON, but not of a stack document's shape: the message names the field and the value.
    #[error("not a nixform stack document: {0}")]
    Json(String),
    #[error("the document has no \"version\" field; nixform documents start with {{\"version\": 1, ...}}")]
    NoVersion,
    #[error("document version {0} is not supported (this nixform reads version 1)")]
    Version(u64),
    #[error("the document is {0} bytes; at most 1 MiB is accepted")]
    TooLarge(usize),
}

/// What a JSON value is, for a message.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A field error, with the text just before where serde_json stopped, which names the key:
/// `` invalid type: string "yes", expected a boolean at line 1 column 48, after `[{"public_ip": "yes"` ``.
fn field_error(text: &str, error: &serde_json::Error) -> DocumentError {
    let line = text.lines().nth(error.line().saturating_sub(1)).unwrap_or_default();
    let end = line.char_indices().nth(error.column()).map_or(line.len(), |(i, _)| i);
    let start = line[..end].char_indices().rev().nth(39).map_or(0, |(i, _)| i);
    let context = line[start..end].trim();
    DocumentError::Json(if context.is_empty() {
        error.to_string()
    } else {
        format!("{error}, after `{context}`")
    })
}

impl Document {
    /// Parse a document from JSON text: size, syntax, version and shape are checked; field
    /// values are not (that is `validate`'s work). See the module's documentation for the order
    /// of the checks.
    pub fn from_json(text: &str) -> Result<Document, DocumentError> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(DocumentError::TooLarge(text.len()));
        }
        // The syntax and the version first, so that a document from another version says so
        // whatever else it holds.
        let value: Value = serde_json::from_str(text).map_err(|e| DocumentError::Syntax(e.to_string()))?;
        let Value::Object(members) = &value else {
            return Err(DocumentError::Json(format!(
                "a document is a JSON object, not {}",
                kind(&value)
            )));
        };
        match members.get("version") {
            None | Some(Value::Null) => return Err(DocumentError::NoVersion),
            Some(v) => match v.as_u64() {
                Some(n) if n == u64::from(DOCUMENT_VERSION) => {}
                Some(n) => return Err(DocumentError::Version(n)),
                None => return Err(DocumentError::Json(format!("\"version\" must be a number, not {v}"))),
            },
        }
        // Then the fields, from the text again, for positions in the messages.
        let mut reader = serde_json::Deserializer::from_str(text);
        let doc = Document::deserialize(ObjectOnly(&mut reader)).map_err(|e| field_error(text, &e))?;
        reader.end().map_err(|e| DocumentError::Syntax(e.to_string()))?;
        Ok(doc)
    }

    /// The document as pretty JSON (two-space indent, fields in declaration order) with a
    /// trailing newline: autosave, the CLI, and what `from_json` reads.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect(INFALLIBLE);
        text.push('\n');
        text
    }

    /// The document as compact JSON, for share links.
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(self).expect(INFALLIBLE)
    }
}

/// Why printing a document cannot fail: serde_json fails only on a map whose keys are not
/// strings or on a `Serialize` that returns an error, and the document's derived impls over
/// strings, booleans, an integer, lists and structs do neither.
const INFALLIBLE: &str = "a stack document is always representable as JSON";
