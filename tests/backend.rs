//! Remote state and state encryption (issue 15): the `terraform.backend.s3` and
//! `terraform.encryption` blocks are in config.tf.json as the OpenTofu and Terraform
//! documentation writes them, and Terraform itself reads the backend's bucket and key
//! literally (a JSON `terraform` block is not a template), checked against an S3 stand-in on
//! loopback.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use common::{terraform_command, terraform_tool, varied_documents};
use nixform::model::{presets, validate};
use nixform::render::render_all;
use percent_encoding::percent_decode_str;
use serde_json::{json, Value};

fn config(doc: &nixform::model::document::Document) -> Value {
    let stack = validate(doc).expect("valid");
    serde_json::from_str(&render_all(&stack).expect("renders").config_tf_json).expect("JSON")
}

#[test]
fn the_backend_and_encryption_blocks_are_as_documented() {
    let mut doc = presets::remote_state();
    doc.provisioner.s3_key = "a/${b}/%{c}/$${d}.tfstate".into();
    doc.provisioner.encryption = "passphrase".into();
    let c = config(&doc);
    let t = &c["terraform"];
    assert_eq!(
        t["backend"],
        json!({ "s3": {
            "bucket": presets::EXAMPLE_STATE_BUCKET,
            "encrypt": true,
            "key": "a/${b}/%{c}/$${d}.tfstate",
            "region": "ap-southeast-2",
            "use_lockfile": true,
        }}),
        "user text is verbatim in the backend"
    );
    assert!(
        t.get("required_version").is_none(),
        "checkov cannot parse it; README says 1.10"
    );
    assert_eq!(
        t["encryption"],
        json!({
            "key_provider": { "pbkdf2": { "state": { "passphrase": "${var.state_passphrase}" } } },
            "method": { "aes_gcm": { "state": { "keys": "${key_provider.pbkdf2.state}" } } },
            "state": { "enforced": true, "method": "method.aes_gcm.state" },
            "plan": { "enforced": true, "method": "method.aes_gcm.state" },
        })
    );
    assert_eq!(c["variable"]["state_passphrase"]["sensitive"], true);
    assert_eq!(c["variable"]["state_passphrase"]["type"], "string");
    assert_eq!(
        t["required_providers"]["aws"],
        json!({ "source": "hashicorp/aws", "version": ">= 6.0" })
    );

    let kms = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    doc.provisioner.s3_kms_key_id = kms.into();
    doc.provisioner.encryption = "kms".into();
    doc.provisioner.encryption_kms_key_id = "alias/state".into();
    let c = config(&doc);
    let t = &c["terraform"];
    assert_eq!(t["backend"]["s3"]["kms_key_id"], kms);
    assert_eq!(
        t["encryption"]["key_provider"],
        json!({ "aws_kms": { "state": { "key_spec": "AES_256", "kms_key_id": "alias/state", "region": "ap-southeast-2" } } })
    );
    assert_eq!(
        t["encryption"]["method"]["aes_gcm"]["state"]["keys"],
        "${key_provider.aws_kms.state}"
    );
    assert!(c.get("variable").is_none(), "no passphrase, no variable");

    // The local backend writes no backend, no version constraint and no encryption.
    let c = config(&nixform::model::document::Document::default());
    let t = c["terraform"].as_object().expect("object");
    assert_eq!(t.keys().collect::<Vec<_>>(), ["required_providers"]);
}

#[test]
fn the_state_bucket_configuration_is_versioned_encrypted_and_private() {
    let stack = validate(&presets::remote_state()).expect("valid");
    let files = render_all(&stack).expect("renders");
    let text = files
        .get("bootstrap/state-bucket.tf.json")
        .expect("shipped by the preset");
    let c: Value = serde_json::from_str(text).expect("JSON");
    let r = &c["resource"];
    assert_eq!(r["aws_s3_bucket"]["state"]["bucket"], presets::EXAMPLE_STATE_BUCKET);
    assert_eq!(r["aws_s3_bucket"]["state"]["lifecycle"]["prevent_destroy"], true);
    assert_eq!(
        r["aws_s3_bucket_versioning"]["state"]["versioning_configuration"]["status"],
        "Enabled"
    );
    let by_default = &r["aws_s3_bucket_server_side_encryption_configuration"]["state"]["rule"]
        ["apply_server_side_encryption_by_default"];
    assert_eq!(by_default["sse_algorithm"], "AES256");
    let block = &r["aws_s3_bucket_public_access_block"]["state"];
    for setting in [
        "block_public_acls",
        "block_public_policy",
        "ignore_public_acls",
        "restrict_public_buckets",
    ] {
        assert_eq!(block[setting], true, "{setting}");
    }
    for resource in ["aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block"] {
        assert_eq!(r[resource]["state"]["bucket"], "${aws_s3_bucket.state.id}");
    }
    assert_eq!(c["provider"]["aws"]["region"], "ap-southeast-2");

    let mut doc = presets::remote_state();
    doc.provisioner.backend = "local".into();
    let files = render_all(&validate(&doc).expect("valid")).expect("renders");
    assert!(
        files.get("bootstrap/state-bucket.tf.json").is_none(),
        "local state needs no bucket"
    );
}

/// A minimal S3 on loopback: answers every listing with an empty one and every object with
/// "no such key", and records each request's method and path.
fn s3_stand_in() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = line.split_once(':') {
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.trim().parse().unwrap_or(0);
                    }
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let mut parts = request.split_whitespace();
            let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            log.lock().expect("lock").push(format!("{method} {path}"));
            let (status, body) = if method == "GET" && path.contains("list-type=2") {
                ("200 OK", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>")
            } else if method == "GET" || method == "HEAD" {
                (
                    "404 Not Found",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code></Error>",
                )
            } else {
                ("200 OK", "")
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let mut out = &stream;
            let _ = out.write_all(head.as_bytes());
            if method != "HEAD" {
                let _ = out.write_all(body.as_bytes());
            }
        }
    });
    (address, seen)
}

/// `terraform init` with each test stack's S3 backend, pointed at the stand-in: the object it
/// looks for is exactly the bucket and key typed, template syntax and quotes included.
#[test]
#[ignore = "needs terraform or tofu on PATH; scripts/test.sh runs it when one is installed"]
fn terraform_reads_the_s3_backend_literally() {
    let tool = terraform_tool();
    let (endpoint, seen) = s3_stand_in();
    let mut checked = 0;
    for (name, doc) in varied_documents() {
        let c = config(&doc);
        let Some(s3) = c["terraform"]["backend"]["s3"].as_object() else {
            continue;
        };
        let mut s3 = s3.clone();
        for (k, v) in [
            ("endpoints", json!({ "s3": endpoint })),
            ("use_path_style", json!(true)),
            ("skip_credentials_validation", json!(true)),
            ("skip_requesting_account_id", json!(true)),
            ("skip_metadata_api_check", json!(true)),
        ] {
            s3.insert(k.into(), v);
        }
        // kms_key_id needs KMS, which the stand-in does not answer; the key is what is read.
        s3.remove("kms_key_id");
        let tmp = tempfile::tempdir().expect("tempdir");
        let config = json!({ "terraform": { "backend": { "s3": s3 } } });
        std::fs::write(tmp.path().join("main.tf.json"), config.to_string()).expect("write");
        seen.lock().expect("lock").clear();
        let out = terraform_command(&tool, tmp.path())
            .args(["init", "-input=false"])
            .env("AWS_ACCESS_KEY_ID", "stand-in")
            .env("AWS_SECRET_ACCESS_KEY", "stand-in")
            .env("AWS_CONFIG_FILE", "/dev/null")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{name}: init failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bucket = s3["bucket"].as_str().expect("bucket");
        let key = s3["key"].as_str().expect("key");
        let want = format!("/{bucket}/{key}");
        let requests = seen.lock().expect("lock").clone();
        assert!(
            requests.iter().filter_map(|r| r.strip_prefix("HEAD ")).any(|path| {
                let object = path.split('?').next().unwrap_or(path);
                percent_decode_str(object).decode_utf8().is_ok_and(|o| o == want)
            }),
            "{name}: no HEAD of {want:?} in {requests:#?}"
        );
        checked += 1;
    }
    assert!(checked >= 3, "the remote-state stacks were checked ({checked})");
}
