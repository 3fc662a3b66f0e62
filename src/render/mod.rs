//! Pure rendering: a typed [`crate::model::Stack`] in, text out. No web crates.
//!
//! [`terraform::lower`] builds ONE Terraform JSON document (a [`crate::model::value::Value`]);
//! `model::json` prints it as `config.tf.json` and [`nix`] prints the very same value as a Nix attribute set
//! inside `infra.nix` ([`files`]). That single source is what makes the two outputs equivalent.
//! Escaping: [`template`] for Terraform string templates, [`nix`] for Nix literals; one each.
//! [`highlight`] turns the printed text into HTML spans for the previews.

pub mod files;
pub mod highlight;
pub mod nix;
pub mod template;
pub mod terraform;
pub mod zip;

pub use files::{render_all, Files, RenderError};
