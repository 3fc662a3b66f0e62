//! The provisioner section of a document: the host that applies the stack, its systemd unit,
//! where the AWS provider comes from, when the unit applies, where the state lives and how it
//! is encrypted, and how the unit gets its AWS credentials. Raw strings, as typed; `validate`
//! reads them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct ProvisionerDoc {
    /// The systemd unit, without `.service`.
    pub unit_name: String,
    /// Below /var/lib; the unit's working directory (and the state, with the local backend).
    pub state_directory: String,
    /// `opentofu` or `terraform`.
    pub tool: String,
    /// `nixosConfigurations.<host_name>` in flake.nix.
    pub host_name: String,
    /// The provisioning host's Nix system: `x86_64-linux` or `aarch64-linux`.
    pub host_system: String,
    /// `store` (the AWS provider from the Nix store: `tofu init` downloads nothing) or
    /// `download` (`tofu init` fetches it from the registry).
    pub provider_source: String,
    /// `change` (apply when the configuration changes), `boot` (also at every boot) or `plan`
    /// (the unit only plans; a person applies).
    pub apply_on: String,
    /// `local` (the state directory) or `s3`.
    pub backend: String,
    pub s3_bucket: String,
    pub s3_key: String,
    /// Empty: the provider's region.
    pub s3_region: String,
    /// Empty: the bucket's default encryption.
    pub s3_kms_key_id: String,
    /// OpenTofu state encryption: `none`, `passphrase` (PBKDF2, from a file) or `kms`.
    pub encryption: String,
    /// The file holding the passphrase, outside the Nix store.
    pub passphrase_file: String,
    pub encryption_kms_key_id: String,
    /// How the unit gets AWS credentials: `paths` (the provider's files), `load-credential`
    /// (systemd `LoadCredential=`) or `environment-file` (systemd `EnvironmentFile=`).
    pub credentials: String,
    pub environment_file: String,
    /// Where flake.nix lives on the host; a secret file inside it would be copied to the store.
    pub flake_directory: String,
}

impl Default for ProvisionerDoc {
    fn default() -> Self {
        ProvisionerDoc {
            unit_name: "aws-infra-provisioner".into(),
            state_directory: "aws-infra-provisioner".into(),
            tool: "opentofu".into(),
            host_name: "myserver".into(),
            host_system: "x86_64-linux".into(),
            provider_source: "store".into(),
            apply_on: "change".into(),
            backend: "local".into(),
            s3_bucket: String::new(),
            s3_key: "nixform/terraform.tfstate".into(),
            s3_region: String::new(),
            s3_kms_key_id: String::new(),
            encryption: "none".into(),
            passphrase_file: "/var/lib/secrets/tofu-state-passphrase".into(),
            encryption_kms_key_id: String::new(),
            credentials: "paths".into(),
            environment_file: "/var/lib/secrets/aws-infra.env".into(),
            flake_directory: "/etc/nixos".into(),
        }
    }
}
