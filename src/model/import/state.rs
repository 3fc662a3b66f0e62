//! The `terraform` block and the input variables, read back into the provisioner section: the
//! S3 backend (its strings are verbatim: Terraform does not read them as templates) and
//! OpenTofu's state encryption. What the form cannot hold is noted as unmapped. Where a value
//! lives outside Terraform JSON (the passphrase file, the credentials), the document the person
//! already has keeps it.

use serde_json::Value;

use super::reader::Reader;
use super::Object;
use crate::model::document::Document;

pub(super) fn state(r: &mut Reader, root: &Object, doc: &mut Document) {
    let empty = Object::new();
    let terraform = root.get("terraform").and_then(Value::as_object).unwrap_or(&empty);
    r.extra_keys("terraform", terraform, &["backend", "encryption", "required_providers"]);
    let region = doc.provider.region.clone();
    let p = &mut doc.provisioner;
    let backend = terraform.get("backend").and_then(Value::as_object);
    match backend.and_then(|b| b.get("s3")).and_then(Value::as_object) {
        Some(s3) => {
            r.extra_keys(
                "terraform.backend.s3",
                s3,
                &["bucket", "encrypt", "key", "kms_key_id", "region", "use_lockfile"],
            );
            let verbatim = |key: &str| s3.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
            p.backend = "s3".into();
            p.s3_bucket = verbatim("bucket");
            p.s3_key = verbatim("key");
            p.s3_kms_key_id = verbatim("kms_key_id");
            let bucket_region = verbatim("region");
            p.s3_region = if bucket_region == region {
                String::new()
            } else {
                bucket_region
            };
        }
        None => p.backend = "local".into(),
    }
    for other in backend.into_iter().flat_map(|b| b.keys()).filter(|k| *k != "s3") {
        r.note(format!("terraform.backend.{other}"));
    }

    let encryption = terraform.get("encryption").and_then(Value::as_object);
    let providers = encryption
        .and_then(|e| e.get("key_provider"))
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let kms = providers
        .get("aws_kms")
        .and_then(|k| k.get("state"))
        .and_then(Value::as_object);
    p.encryption = if let Some(kms) = kms {
        p.encryption_kms_key_id = Reader::text(kms.get("kms_key_id"));
        "kms".into()
    } else if providers.contains_key("pbkdf2") {
        "passphrase".into()
    } else {
        "none".into()
    };
    if let Some(e) = encryption {
        r.extra_keys("terraform.encryption", e, &["key_provider", "method", "plan", "state"]);
        for other in providers
            .keys()
            .filter(|k| !["aws_kms", "pbkdf2"].contains(&k.as_str()))
        {
            r.note(format!("terraform.encryption.key_provider.{other}"));
        }
    }

    let variables = root.get("variable").and_then(Value::as_object).unwrap_or(&empty);
    for name in variables.keys() {
        let ours = p.encryption == "passphrase" && name == "state_passphrase";
        if !ours {
            r.note(format!("variable.{name}"));
        }
    }
}
