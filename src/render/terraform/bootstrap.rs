//! The state bucket's own small configuration (`bootstrap/state-bucket.tf.json`), applied once
//! with local state before the main configuration can use the S3 backend: the bucket,
//! versioned (every state ever written can be restored), encrypted by default (with the
//! backend's KMS key when it has one) and closed to the public. `prevent_destroy` keeps a
//! `destroy` from taking the state with it.

use serde::Serialize;
use serde_json::Value;

use super::blocks::{AwsProvider, Providers};
use super::settings::{One, RequiredProvider, RequiredProviders, TerraformSettings, AWS_PROVIDER_VERSION};
use super::Tf;
use crate::model::stack::{S3Backend, Stack};

/// The same provider and settings blocks as the main configuration's, with its own resources.
#[derive(Debug, Serialize)]
pub struct BootstrapDoc {
    pub provider: Providers,
    pub resource: Resources,
    pub terraform: TerraformSettings,
}

impl BootstrapDoc {
    pub fn to_value(&self) -> Result<Value, serde_json::Error> {
        serde_json::to_value(self)
    }
}

/// One block of each type, all named `state`.
#[derive(Debug, Serialize)]
pub struct Resources {
    pub aws_s3_bucket: One<Bucket>,
    pub aws_s3_bucket_public_access_block: One<PublicAccessBlock>,
    pub aws_s3_bucket_server_side_encryption_configuration: One<Encryption>,
    pub aws_s3_bucket_versioning: One<Versioning>,
}

#[derive(Debug, Serialize)]
pub struct Bucket {
    pub bucket: Tf,
    pub lifecycle: Lifecycle,
}

#[derive(Debug, Serialize)]
pub struct Lifecycle {
    pub prevent_destroy: bool,
}

#[derive(Debug, Serialize)]
pub struct PublicAccessBlock {
    pub block_public_acls: bool,
    pub block_public_policy: bool,
    pub bucket: Tf,
    pub ignore_public_acls: bool,
    pub restrict_public_buckets: bool,
}

#[derive(Debug, Serialize)]
pub struct Encryption {
    pub bucket: Tf,
    pub rule: EncryptionRule,
}

#[derive(Debug, Serialize)]
pub struct EncryptionRule {
    pub apply_server_side_encryption_by_default: ByDefault,
    pub bucket_key_enabled: bool,
}

#[derive(Debug, Serialize)]
pub struct ByDefault {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<Tf>,
    pub sse_algorithm: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Versioning {
    pub bucket: Tf,
    pub versioning_configuration: VersioningConfiguration,
}

#[derive(Debug, Serialize)]
pub struct VersioningConfiguration {
    pub status: &'static str,
}

pub fn lower(stack: &Stack, s3: &S3Backend) -> BootstrapDoc {
    let bucket = || Tf::attr("aws_s3_bucket", "state", "id");
    BootstrapDoc {
        provider: Providers {
            aws: AwsProvider {
                profile: stack.provider.profile.as_deref().map(Tf::lit),
                region: s3.region.as_str(),
                shared_config_files: None,
                shared_credentials_files: None,
            },
        },
        resource: Resources {
            aws_s3_bucket: One {
                state: Bucket {
                    bucket: Tf::lit(&s3.bucket),
                    lifecycle: Lifecycle { prevent_destroy: true },
                },
            },
            aws_s3_bucket_public_access_block: One {
                state: PublicAccessBlock {
                    block_public_acls: true,
                    block_public_policy: true,
                    bucket: bucket(),
                    ignore_public_acls: true,
                    restrict_public_buckets: true,
                },
            },
            aws_s3_bucket_server_side_encryption_configuration: One {
                state: Encryption {
                    bucket: bucket(),
                    rule: EncryptionRule {
                        apply_server_side_encryption_by_default: ByDefault {
                            kms_master_key_id: s3.kms_key_id.as_deref().map(Tf::lit),
                            sse_algorithm: if s3.kms_key_id.is_some() { "aws:kms" } else { "AES256" },
                        },
                        bucket_key_enabled: true,
                    },
                },
            },
            aws_s3_bucket_versioning: One {
                state: Versioning {
                    bucket: bucket(),
                    versioning_configuration: VersioningConfiguration { status: "Enabled" },
                },
            },
        },
        terraform: TerraformSettings {
            backend: None,
            encryption: None,
            required_providers: RequiredProviders {
                aws: RequiredProvider {
                    source: "hashicorp/aws",
                    version: AWS_PROVIDER_VERSION,
                },
            },
        },
    }
}
