//! The `terraform` settings block (required providers and version, the state backend, OpenTofu
//! state encryption) and the input variables that encryption reads.
//!
//! The backend's settings are the one place where user text is written verbatim: Terraform and
//! OpenTofu decode a JSON `terraform` block literally, never as templates (a key typed as
//! `${x}` is stored under `${x}`, as `tests/backend.rs` shows through `terraform init`), so
//! escaping `${` there would change the value. Everywhere else user text is a [`Tf`] literal.

use serde::Serialize;

use super::Tf;
use crate::model::stack::{Backend, Encryption, Mode, Stack};

/// The AWS provider versions the configuration admits: the 6.x that nixpkgs 25.11 and 26.05
/// ship as `terraform-providers.hashicorp_aws`, and later ones.
pub const AWS_PROVIDER_VERSION: &str = ">= 6.0";

/// The input variable that holds the state passphrase (`TF_VAR_state_passphrase`).
pub const PASSPHRASE_VARIABLE: &str = "state_passphrase";

/// `terraform`: the settings block. It sets no `required_version`: checkov 3.3's JSON parser
/// cannot read a string there and would skip the whole file, and an older tool already stops at
/// `use_lockfile` (1.10) or `encryption` (OpenTofu 1.7) with an error that names them. README
/// says which versions are needed.
#[derive(Debug, Serialize)]
pub struct TerraformSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backend: Option<BackendBlock>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption: Option<EncryptionBlock>,
    pub required_providers: RequiredProviders,
}

#[derive(Debug, Serialize)]
pub struct RequiredProvider {
    pub source: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Serialize)]
pub struct RequiredProviders {
    pub aws: RequiredProvider,
}

#[derive(Debug, Serialize)]
pub struct BackendBlock {
    pub s3: S3Block,
}

/// `terraform.backend.s3`; its strings are verbatim (see the module's note).
#[derive(Debug, Serialize)]
pub struct S3Block {
    pub bucket: String,
    pub encrypt: bool,
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    pub region: &'static str,
    pub use_lockfile: bool,
}

/// `terraform.encryption`: one key provider, one AES-GCM method, used for state and plans.
#[derive(Debug, Serialize)]
pub struct EncryptionBlock {
    pub key_provider: KeyProviders,
    pub method: Methods,
    pub plan: Target,
    pub state: Target,
}

/// One block named `state`: the settings' and the bucket configuration's blocks have fixed
/// names, so a field says it (and no map is compiled per block type).
#[derive(Debug, Serialize)]
pub struct One<T> {
    pub state: T,
}

#[derive(Debug, Default, Serialize)]
pub struct KeyProviders {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aws_kms: Option<One<AwsKmsKeyProvider>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pbkdf2: Option<One<Pbkdf2KeyProvider>>,
}

#[derive(Debug, Serialize)]
pub struct Pbkdf2KeyProvider {
    pub passphrase: Tf,
}

#[derive(Debug, Serialize)]
pub struct AwsKmsKeyProvider {
    pub key_spec: &'static str,
    pub kms_key_id: Tf,
    pub region: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Methods {
    pub aes_gcm: One<AesGcm>,
}

#[derive(Debug, Serialize)]
pub struct AesGcm {
    pub keys: Tf,
}

/// `state` or `plan`: which method encrypts it. OpenTofu wants the method's address as a bare
/// string here (`method.aes_gcm.state`), not an interpolation.
#[derive(Debug, Serialize)]
pub struct Target {
    pub enforced: bool,
    pub method: &'static str,
}

/// `variable`: the one input variable nixform writes.
#[derive(Debug, Serialize)]
pub struct Variables {
    pub state_passphrase: Variable,
}

#[derive(Debug, Serialize)]
pub struct Variable {
    pub description: &'static str,
    pub sensitive: bool,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

pub fn lower(stack: &Stack) -> TerraformSettings {
    let p = &stack.provisioner;
    let backend = match &p.backend {
        Backend::Local => None,
        Backend::S3(s3) => Some(BackendBlock {
            s3: S3Block {
                bucket: s3.bucket.clone(),
                encrypt: true,
                key: s3.key.clone(),
                kms_key_id: s3.kms_key_id.clone(),
                region: s3.region.as_str(),
                use_lockfile: true,
            },
        }),
    };
    let encryption = p.encryption.as_ref().map(|e| {
        let mut key_provider = KeyProviders::default();
        let kind = match e {
            Encryption::Passphrase { .. } => {
                key_provider.pbkdf2 = Some(One {
                    state: Pbkdf2KeyProvider {
                        passphrase: Tf::reference(&["var.", PASSPHRASE_VARIABLE].concat()),
                    },
                });
                "pbkdf2"
            }
            Encryption::Kms { key_id } => {
                key_provider.aws_kms = Some(One {
                    state: AwsKmsKeyProvider {
                        key_spec: "AES_256",
                        kms_key_id: Tf::lit(key_id),
                        region: stack.provider.region.as_str(),
                    },
                });
                "aws_kms"
            }
        };
        let target = || Target {
            enforced: true,
            method: "method.aes_gcm.state",
        };
        EncryptionBlock {
            key_provider,
            method: Methods {
                aes_gcm: One {
                    state: AesGcm {
                        keys: Tf::attr("key_provider", kind, "state"),
                    },
                },
            },
            plan: target(),
            state: target(),
        }
    });
    TerraformSettings {
        backend,
        encryption,
        required_providers: RequiredProviders {
            aws: RequiredProvider {
                source: "hashicorp/aws",
                version: match stack.mode {
                    Mode::Resources => AWS_PROVIDER_VERSION,
                    Mode::Modules => super::modules::MODULES_PROVIDER_VERSION,
                },
            },
        },
    }
}

pub fn variables(stack: &Stack) -> Option<Variables> {
    matches!(stack.provisioner.encryption, Some(Encryption::Passphrase { .. })).then_some(Variables {
        state_passphrase: Variable {
            description: "The state encryption passphrase (TF_VAR_state_passphrase)",
            sensitive: true,
            kind: "string",
        },
    })
}
