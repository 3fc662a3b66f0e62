//! The files a person downloads, around the one Terraform document: `config.tf.json`,
//! `infra.nix` (terranix module, the unit that applies it, the flake apps), `flake.nix` and
//! `provisioner.nix` (a new provisioning host), `hosts/<instance>.nix` for every instance with
//! a NixOS configuration, with an S3 backend the configuration that creates the state bucket,
//! plus the README that goes into the zip and [`HOW_TO_USE`].
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
use crate::model::stack::{Backend, Host, Instance, Stack};

mod flake;
mod hosts;
mod infra;
mod readme;

pub use flake::{flake_nix, provisioner_nix};
pub use hosts::{host_file_name, host_nix, host_user_data, HOSTS_DIR};
pub use infra::infra_nix;
pub use readme::{readme, HOW_TO_USE};

/// Why a valid stack could not be rendered (user text that Nix cannot hold, such as a NUL).
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RenderError {
    #[error(transparent)]
    Nix(#[from] NixError),
    #[error("the Terraform document cannot be written as JSON: {0}")]
    Json(String),
    /// A host file that makes the user data longer than EC2 takes; `path` is the field to shorten.
    #[error("{path}: the user data would be {bytes} bytes; EC2 allows at most 16,384 (16 KB)")]
    UserDataTooLarge { path: String, bytes: usize },
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
    /// `(hosts/<instance>.nix, contents)`, in the instances' order.
    pub hosts: Vec<(String, String)>,
    /// How many resources config.tf.json declares (data sources not counted).
    pub resources: usize,
    /// How many modules it calls (modules mode).
    pub modules: usize,
}

/// The number of blocks in `document[kind]` (by type, then name, for `resource`).
fn count(document: &Value, kind: &str) -> usize {
    let Some(blocks) = document.get(kind).and_then(Value::as_object) else {
        return 0;
    };
    match kind {
        "module" => blocks.len(),
        _ => blocks
            .values()
            .filter_map(Value::as_object)
            .map(|named| named.len())
            .sum(),
    }
}

impl Files {
    /// The files every stack has, in tab order.
    pub const NAMES: [&'static str; 4] = ["config.tf.json", "infra.nix", "flake.nix", "provisioner.nix"];
    /// Where the state bucket's configuration goes: a directory of its own, since it is
    /// applied on its own (and before the main configuration).
    pub const STATE_BUCKET: &'static str = "bootstrap/state-bucket.tf.json";

    /// `(file name, contents)`: the tabs' files in tab order (the four, then the host files),
    /// then the state bucket's.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        Self::NAMES
            .into_iter()
            .zip([
                &*self.config_tf_json,
                &*self.infra_nix,
                &*self.flake_nix,
                &*self.provisioner_nix,
            ])
            .chain(self.hosts.iter().map(|(name, text)| (&**name, &**text)))
            .chain(
                self.state_bucket_tf_json
                    .as_deref()
                    .map(|text| (Self::STATE_BUCKET, text)),
            )
    }

    /// The names of the files that have a tab: the four, then the host files.
    pub fn tabs(&self) -> impl Iterator<Item = &str> {
        self.iter()
            .map(|(name, _)| name)
            .filter(|name| *name != Self::STATE_BUCKET)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(n, _)| *n == name).map(|(_, text)| text)
    }
}

/// Render every file of `stack`: the host files first (they are user data in the document),
/// then the Terraform document, lowered once, turned into one `serde_json::Value`, and printed
/// twice (`config.tf.json` and inside `infra.nix`).
pub fn render_all(stack: &Stack) -> Result<Files, RenderError> {
    let mut host_files = Vec::with_capacity(stack.instances.len());
    for (i, instance) in stack.instances.iter().enumerate() {
        host_files.push(match &instance.host {
            Some(host) => Some(host_file(stack, i, instance, host)?),
            None => None,
        });
    }
    let document = terraform::lower(stack, &host_files).to_value()?;
    Ok(Files {
        config_tf_json: config_tf_json(&document)?,
        infra_nix: infra_nix(stack, &document)?,
        flake_nix: flake_nix(stack)?,
        provisioner_nix: provisioner_nix(stack)?,
        state_bucket_tf_json: match &stack.provisioner.backend {
            Backend::S3(s3) => Some(config_tf_json(&terraform::bootstrap::lower(stack, s3).to_value()?)?),
            Backend::Local => None,
        },
        hosts: stack
            .instances
            .iter()
            .zip(host_files)
            .filter_map(|(instance, text)| Some((host_file_name(instance), text?)))
            .collect(),
        resources: count(&document, "resource"),
        modules: count(&document, "module"),
    })
}

/// The host file of instance `i`, refused when it makes the user data too long for EC2.
fn host_file(stack: &Stack, i: usize, instance: &Instance, host: &Host) -> Result<String, RenderError> {
    let text = host_nix(stack, instance, host)?;
    let bytes = host_user_data(stack, &text).len();
    if hosts::user_data_too_large(bytes) {
        return Err(RenderError::UserDataTooLarge {
            path: format!("instances[{i}].nixos.extra_nix"),
            bytes,
        });
    }
    Ok(text)
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
