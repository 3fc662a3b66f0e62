//! The files a person downloads, around the one Terraform document: `config.tf.json`,
//! `infra.nix` (terranix module, the unit that applies it, the flake apps), `flake.nix` and
//! `provisioner.nix` (a new provisioning host), with an S3 backend the configuration that
//! creates the state bucket, plus the README that goes into the zip and [`HOW_TO_USE`].
//!
//! Our files never replace a host's own configuration: `flake.nix` lists the host's
//! `hardware-configuration.nix` and `configuration.nix` (written by `nixos-generate-config`,
//! boot loader included) beside `infra.nix` and `provisioner.nix`, which only adds what the
//! provisioning host needs.
//!
//! Every piece of user text in the Nix files passes through `nix::string_literal` or
//! `nix::attr_name`; nothing is interpolated raw. One submodule per file.

use serde_json::Value;
use thiserror::Error;

use super::nix::{self, NixError};
use super::terraform;
use crate::model::stack::{Backend, Stack};

mod flake;
mod infra;
mod readme;

pub use flake::{flake_nix, provisioner_nix};
pub use infra::infra_nix;
pub use readme::{readme, HOW_TO_USE};

/// Why a valid stack could not be rendered (user text that Nix cannot hold, such as a NUL).
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RenderError {
    #[error(transparent)]
    Nix(#[from] NixError),
    #[error("the Terraform document cannot be written as JSON: {0}")]
    Json(String),
}

impl From<serde_json::Error> for RenderError {
    fn from(e: serde_json::Error) -> Self {
        RenderError::Json(e.to_string())
    }
}

/// The rendered files, in tab order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Files {
    pub config_tf_json: String,
    pub infra_nix: String,
    pub flake_nix: String,
    /// What a new provisioning host needs beyond its own configuration (flakes, a host name).
    pub provisioner_nix: String,
    /// With an S3 backend: the configuration that creates the state bucket.
    pub state_bucket_tf_json: Option<String>,
}

impl Files {
    /// The files every stack has, in tab order.
    pub const NAMES: [&'static str; 4] = ["config.tf.json", "infra.nix", "flake.nix", "provisioner.nix"];
    /// Where the state bucket's configuration goes: a directory of its own, since it is
    /// applied on its own (and before the main configuration).
    pub const STATE_BUCKET: &'static str = "bootstrap/state-bucket.tf.json";

    /// `(file name, contents)`: the tabs' files in tab order, then the state bucket's.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        Self::NAMES
            .into_iter()
            .zip([
                &*self.config_tf_json,
                &*self.infra_nix,
                &*self.flake_nix,
                &*self.provisioner_nix,
            ])
            .chain(
                self.state_bucket_tf_json
                    .as_deref()
                    .map(|text| (Self::STATE_BUCKET, text)),
            )
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(n, _)| *n == name).map(|(_, text)| text)
    }
}

/// Render every file of `stack`: the Terraform document is lowered once, turned into one
/// `serde_json::Value`, and printed twice (`config.tf.json` and inside `infra.nix`).
pub fn render_all(stack: &Stack) -> Result<Files, RenderError> {
    let document = terraform::lower(stack).to_value()?;
    Ok(Files {
        config_tf_json: config_tf_json(&document)?,
        infra_nix: infra_nix(stack, &document)?,
        flake_nix: flake_nix(stack)?,
        provisioner_nix: provisioner_nix(stack)?,
        state_bucket_tf_json: match &stack.provisioner.backend {
            Backend::S3(s3) => Some(config_tf_json(&terraform::bootstrap::lower(stack, s3).to_value()?)?),
            Backend::Local => None,
        },
    })
}

/// `config.tf.json`: serde_json's pretty printing (two-space indent; keys sorted, since the
/// value's objects are sorted maps) and a trailing newline, the layout terranix writes.
pub fn config_tf_json(document: &Value) -> Result<String, RenderError> {
    let mut text = serde_json::to_string_pretty(document)?;
    text.push('\n');
    Ok(text)
}

fn s(text: &str) -> Result<String, NixError> {
    nix::string_literal(text)
}
