//! The pure domain: what a person describes, and the rules it must satisfy.
//!
//! Belongs here: the versioned [`Document`] (raw strings as typed in the form), the typed
//! [`Stack`] that is valid by construction, [`validate`] between them, the newtypes that parse
//! single values, presets, secret detection, the security lint, the share-link codec, the
//! `config.tf.json` importer and the strict JSON reader they share, and a substring search
//! ([`text`]) for all of them. Does not belong here: any
//! Terraform JSON or Nix text (that is [`crate::render`]) and anything that touches a browser.

pub mod document;
pub mod edit;
pub mod error;
pub mod import;
pub mod lint;
pub mod names;
pub mod presets;
pub mod secrets;
pub mod share;
pub mod ssh;
pub mod stack;
pub mod template;
pub mod validate;

pub use document::Document;
pub use error::{FieldError, FieldErrorKind};
pub use stack::Stack;
pub use validate::validate;
