//! The pure domain: what a person describes, and the rules it must satisfy.
//!
//! Belongs here: the versioned [`Document`] (raw strings as typed in the form, read and written
//! by serde_json), the typed [`Stack`] that is valid by construction, [`validate()`] between them,
//! the newtypes that parse single values ([`names`], over `std::net` and `ipnet`), typed field
//! edits ([`edit`]) with their labels ([`labels`]), edits that keep the form valid
//! ([`fixups`]), presets, secret detection, the security lint, the share-link codec
//! (DEFLATE, and a reader for the old format), the `config.tf.json` importer, and the Terraform
//! literal escaper pair ([`template`]) that the importer and the renderer share.
//!
//! Does not belong here: Terraform JSON documents and Nix text (the `render` module, which
//! depends on this one and never the other way round), and anything that touches a browser.

pub mod document;
pub mod edit;
pub mod error;
pub mod fixups;
pub mod import;
pub mod labels;
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
