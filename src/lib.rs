//! nixform: describe an EC2 + VPC stack for a NixOS host, get Terraform JSON and
//! the same configuration as a terranix NixOS module.
//!
//! The architecture in five lines:
//! - [`model`]: the stack document (raw form strings) and `validate()`, the only way to a typed [`model::Stack`];
//! - [`render`]: `&Stack` → one Terraform document (serde-derived structs, then one `serde_json::Value`), printed twice (JSON and Nix), plus the glue files;
//! - `ui` (wasm32 only): the Yew app; it calls `render` and never builds JSON or Nix text itself;
//! - dependencies point one way: `ui` → `render` → `model`; `model` and `render` never import web crates;
//! - `src/bin/nixform.rs` is the command-line tool over the same library.

pub mod model;
pub mod render;

#[cfg(target_arch = "wasm32")]
pub mod ui;
