//! How the provisioner runs OpenTofu (issue 15): the provider's source, when it applies, the S3
//! backend, state encryption, credentials and the flake's directory.

use crate::{accepts, refuses};
use nixform::model::document::Document;
use nixform::model::presets;

fn s3(d: &mut Document) {
    d.provisioner.backend = "s3".into();
    d.provisioner.s3_bucket = "my-state".into();
}

#[test]
fn modes_are_one_of_their_choices() {
    for (value, field) in [
        ("download", "provider_source"),
        ("boot", "apply_on"),
        ("plan", "apply_on"),
    ] {
        accepts(value, move |d| match field {
            "provider_source" => d.provisioner.provider_source = value.into(),
            _ => d.provisioner.apply_on = value.into(),
        });
    }
    refuses(
        "provider source",
        "provisioner.provider_source",
        "`nix` is not one of: store, download",
        |d| d.provisioner.provider_source = "nix".into(),
    );
    refuses(
        "apply on",
        "provisioner.apply_on",
        "`always` is not one of: change, boot, plan",
        |d| d.provisioner.apply_on = "always".into(),
    );
    refuses(
        "backend",
        "provisioner.backend",
        "`gcs` is not one of: local, s3",
        |d| d.provisioner.backend = "gcs".into(),
    );
    refuses("credentials", "provisioner.credentials", "`keys` is not one of", |d| {
        d.provisioner.credentials = "keys".into()
    });
}

#[test]
fn the_s3_backend() {
    accepts("the remote-state preset", |d| *d = presets::remote_state());
    accepts("a bucket elsewhere", |d| {
        s3(d);
        d.provisioner.s3_region = "eu-central-1".into();
    });
    accepts("a hostile key: the backend reads it literally", |d| {
        s3(d);
        d.provisioner.s3_key = "${var.x}/%{ y }/\"q\" 'q' \\.tfstate".into();
    });
    refuses(
        "no bucket",
        "provisioner.s3_bucket",
        "this field is required",
        s3_without_bucket,
    );
    for bad in ["My_Bucket", "ab", "-state", "192.168.0.1", "a..b", "${var.bucket}"] {
        refuses(
            bad,
            "provisioner.s3_bucket",
            &format!("`{bad}` is not an S3 bucket name"),
            move |d| {
                s3(d);
                d.provisioner.s3_bucket = bad.into();
            },
        );
    }
    for bad in ["/state.tfstate", "state/", "a//b"] {
        refuses(
            bad,
            "provisioner.s3_key",
            &format!("`{bad}` is not a state object key"),
            move |d| {
                s3(d);
                d.provisioner.s3_key = bad.into();
            },
        );
    }
    refuses(
        "long key",
        "provisioner.s3_key",
        "the state key is 1025 characters long",
        |d| {
            s3(d);
            d.provisioner.s3_key = "k".repeat(1025);
        },
    );
    refuses(
        "region",
        "provisioner.s3_region",
        "`mars-1` is not an AWS commercial region",
        |d| {
            s3(d);
            d.provisioner.s3_region = "mars-1".into();
        },
    );
    refuses(
        "alias for S3",
        "provisioner.s3_kms_key_id",
        "needs the KMS key's ARN",
        |d| {
            s3(d);
            d.provisioner.s3_kms_key_id = "alias/state".into();
        },
    );
    accepts("a key ARN", |d| {
        s3(d);
        d.provisioner.s3_kms_key_id =
            "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab".into();
    });
    // Local state ignores the bucket fields, even bad ones.
    accepts("local", |d| d.provisioner.s3_bucket = "Not A Bucket".into());
}

fn s3_without_bucket(d: &mut Document) {
    s3(d);
    d.provisioner.s3_bucket.clear();
}

#[test]
fn state_encryption() {
    accepts("passphrase", |d| d.provisioner.encryption = "passphrase".into());
    accepts("kms", |d| {
        d.provisioner.encryption = "kms".into();
        d.provisioner.encryption_kms_key_id = "alias/tofu-state".into();
    });
    refuses(
        "kms without a key",
        "provisioner.encryption_kms_key_id",
        "required",
        |d| {
            d.provisioner.encryption = "kms".into();
        },
    );
    refuses(
        "not a key",
        "provisioner.encryption_kms_key_id",
        "`arn:aws:s3:::x` is not a KMS key",
        |d| {
            d.provisioner.encryption = "kms".into();
            d.provisioner.encryption_kms_key_id = "arn:aws:s3:::x".into();
        },
    );
    refuses("terraform", "provisioner.encryption", "OpenTofu feature", |d| {
        d.provisioner.encryption = "passphrase".into();
        d.provisioner.tool = "terraform".into();
    });
    refuses(
        "relative",
        "provisioner.passphrase_file",
        "`secrets/pass` is not a valid path",
        |d| {
            d.provisioner.encryption = "passphrase".into();
            d.provisioner.passphrase_file = "secrets/pass".into();
        },
    );
    refuses("store", "provisioner.passphrase_file", "inside the Nix store", |d| {
        d.provisioner.encryption = "passphrase".into();
        d.provisioner.passphrase_file = "/nix/store/abc-pass".into();
    });
    refuses(
        "space",
        "provisioner.passphrase_file",
        "cannot be handed to systemd",
        |d| {
            d.provisioner.encryption = "passphrase".into();
            d.provisioner.passphrase_file = "/run/my pass".into();
        },
    );
}

#[test]
fn credentials_reach_the_unit_from_outside_the_store() {
    accepts("LoadCredential", |d| {
        d.provisioner.credentials = "load-credential".into()
    });
    accepts("EnvironmentFile", |d| {
        d.provisioner.credentials = "environment-file".into()
    });
    refuses(
        "LoadCredential, no files",
        "provider.shared_credentials_file",
        "required",
        |d| {
            d.provisioner.credentials = "load-credential".into();
            d.provider.shared_credentials_file.clear();
            d.provider.shared_config_file.clear();
        },
    );
    refuses(
        "LoadCredential, %",
        "provider.shared_config_file",
        "`/root/%h/config` cannot be handed to systemd",
        |d| {
            d.provisioner.credentials = "load-credential".into();
            d.provider.shared_config_file = "/root/%h/config".into();
        },
    );
    refuses(
        "environment file in the store",
        "provisioner.environment_file",
        "inside the Nix store",
        |d| {
            d.provisioner.credentials = "environment-file".into();
            d.provisioner.environment_file = "/nix/store/x-env".into();
        },
    );
    refuses(
        "flake directory",
        "provisioner.flake_directory",
        "`etc/nixos` is not a valid path",
        |d| {
            d.provisioner.flake_directory = "etc/nixos".into();
        },
    );
}
