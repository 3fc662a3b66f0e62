//! Every validation rule, with cases it accepts and cases it refuses. Each refusal names the
//! field's path and a message that names the bad value.

#![cfg(not(target_arch = "wasm32"))]

use base64::Engine as _;
use nixform::model::document::Document;
use nixform::model::validate;

mod hosts;
mod instances;
mod names;
mod network;
mod provisioning;
mod rules;
mod text;
mod words;

pub type Edit = fn(&mut Document);

#[track_caller]
pub fn accepts(what: &str, edit: impl Fn(&mut Document)) {
    let mut doc = Document::default();
    edit(&mut doc);
    if let Err(errors) = validate(&doc) {
        panic!("{what}: expected valid, got {errors:#?}");
    }
}

#[track_caller]
pub fn refuses(what: &str, path: &str, message: &str, edit: impl Fn(&mut Document)) {
    let mut doc = Document::default();
    edit(&mut doc);
    let errors = validate(&doc)
        .err()
        .unwrap_or_else(|| panic!("{what}: expected an error at {path}"));
    let found = errors
        .iter()
        .find(|e| e.path == path)
        .unwrap_or_else(|| panic!("{what}: no error at {path}; got {errors:#?}"));
    let text = found.kind.to_string();
    assert!(
        text.contains(message),
        "{what}: message {text:?} should contain {message:?}"
    );
}

pub fn wire(parts: &[&[u8]]) -> String {
    let mut out = Vec::new();
    for p in parts {
        out.extend_from_slice(&(p.len() as u32).to_be_bytes());
        out.extend_from_slice(p);
    }
    base64::engine::general_purpose::STANDARD.encode(out)
}
