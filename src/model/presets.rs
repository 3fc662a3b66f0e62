//! Named starting points for a document: `default` (the seed's stack, with our fixes) and
//! `hardened` (every lint fix applied). Only documents live here; the fixes themselves are
//! defined once, in `lint`.

use super::document::Document;
use super::lint;

pub const NAMES: &[&str] = &["default", "hardened"];

/// The preset called `name`.
pub fn by_name(name: &str) -> Option<Document> {
    match name {
        "default" => Some(Document::default()),
        "hardened" => Some(hardened()),
        _ => None,
    }
}

/// The default stack with every lint fix applied; SSH is restricted to a documentation range
/// (192.0.2.0/24, RFC 5737) that the person replaces with their own address.
pub fn hardened() -> Document {
    let mut doc = Document::default();
    lint::harden(&mut doc, lint::EXAMPLE_ADMIN_CIDR);
    doc
}
