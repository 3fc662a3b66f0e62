//! Pure rendering: a typed [`crate::model::Stack`] in, text out. No web crates.
//!
//! [`terraform::lower`] builds ONE Terraform document, `#[derive(Serialize)]` structs
//! ([`terraform::blocks`]), which becomes one `serde_json::Value`: serde_json prints it as
//! `config.tf.json` and [`nix`] prints the very same value as a Nix attribute set inside
//! `infra.nix` ([`files`]). That single source is what makes the two outputs equivalent.
//! Escaping: [`template`] for Terraform string templates (the literal escaper itself lives in
//! `model::template`, which the importer shares), [`nix`] for Nix literals; one each.
//! [`highlight`] turns the printed text into HTML spans for the previews, [`zip`] packs the
//! files for "Download all", [`diagram`] draws the same document as an SVG, and [`cost`]
//! prices the stack from the committed price table.
//!
//! Does not belong here: checking the stack (`model::validate`: renderers take a valid
//! `&Stack` and never re-check) and anything that touches a browser.

pub mod cost;
pub mod diagram;
pub mod files;
pub mod highlight;
pub mod nix;
pub mod sources;
pub mod template;
pub mod terraform;
pub mod zip;

pub use files::{render_all, Files, RenderError};
