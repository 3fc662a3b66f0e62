//! The stack document's JSON: defaults for what is missing, round trips, the compatibility of
//! what it prints, and errors that name the field, the bad key or value, and the position.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use nixform::model::document::{Document, DocumentError, InstanceDoc};

fn doc_error(text: &str) -> String {
    Document::from_json(text).expect_err(text).to_string()
}

#[test]
fn missing_fields_take_their_defaults() {
    assert_eq!(Document::from_json("{\"version\": 1}"), Ok(Document::default()));
    let doc = Document::from_json(r#"{"version": 1, "instances": []}"#).expect("document");
    assert!(doc.instances.is_empty());
    let doc = Document::from_json(
        r#"{"version": 1, "instances": [{"name": "a"}, {"tags": [{"key": "k"}]}],
            "network": {"flow_logs": true}, "security_group": {"ingress": [{}]}}"#,
    )
    .expect("document");
    let mut want = Document {
        instances: vec![
            InstanceDoc {
                name: "a".into(),
                ..InstanceDoc::default()
            },
            InstanceDoc {
                tags: vec![nixform::model::document::TagDoc {
                    key: "k".into(),
                    value: String::new(),
                }],
                ..InstanceDoc::default()
            },
        ],
        ..Document::default()
    };
    want.network.flow_logs = true;
    want.security_group.ingress = vec![Default::default()];
    assert_eq!(doc, want);
}

#[test]
fn documents_round_trip() {
    let mut docs = common::varied_documents();
    docs.push(("hardened", nixform::model::presets::hardened()));
    for (name, doc) in docs {
        assert_eq!(Document::from_json(&doc.to_json()).as_ref(), Ok(&doc), "{name}");
        let compact = doc.to_compact_json();
        assert_eq!(Document::from_json(&compact).as_ref(), Ok(&doc), "{name}");
        // Both printings are the same JSON.
        let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).expect("JSON");
        assert_eq!(value(&doc.to_json()), value(&compact), "{name}");
    }
}

#[test]
fn document_errors_name_the_field() {
    let not = "not a nixform stack document: ";
    let cases = [
        ("{}", "the document has no \"version\" field; nixform documents start with {\"version\": 1, ...}".to_owned()),
        ("{\"version\": null}", "the document has no \"version\" field; nixform documents start with {\"version\": 1, ...}".to_owned()),
        ("{\"version\": 2}", "document version 2 is not supported (this nixform reads version 1)".to_owned()),
        // The version is checked before anything else.
        ("{\"version\": 2, \"colour\": []}", "document version 2 is not supported (this nixform reads version 1)".to_owned()),
        ("{\"version\": \"1\"}", format!("{not}\"version\" must be a number, not \"1\"")),
        ("{\"version\": 1.0}", format!("{not}\"version\" must be a number, not 1.0")),
        ("{\"version\": -1}", format!("{not}\"version\" must be a number, not -1")),
        ("{\"version\": [1]}", format!("{not}\"version\" must be a number, not [1]")),
        ("[1]", format!("{not}a document is a JSON object, not an array")),
        ("\"x\"", format!("{not}a document is a JSON object, not a string")),
        ("hello", format!("{not}expected value at line 1 column 1")),
        ("{\"version\": 1}  x", format!("{not}trailing characters at line 1 column 17")),
        (
            "{\"version\": 1, \"colour\": 1}",
            format!("{not}`colour`: unknown field `colour`, expected one of `version`, `mode`, `provider`, `image`, `network`, `security_group`, `key_pair`, `outputs`, `provisioner`, `instances` at line 1 column 23"),
        ),
        (
            "{\"version\": 1, \"network\": {\"subnets\": [{}, {\"zone\": \"a\"}]}}",
            format!("{not}`network.subnets[1].zone`: unknown field `zone`, expected one of `name`, `cidr`, `availability_zone` at line 1 column 50"),
        ),
        (
            "{\"version\": 1, \"instances\": [{\"public_ip\": \"yes\"}]}",
            format!("{not}`instances[0].public_ip`: invalid type: string \"yes\", expected a boolean at line 1 column 48"),
        ),
        (
            "{\"version\": 1, \"provider\": {\"region\": null}}",
            format!("{not}`provider.region`: invalid type: null, expected a string at line 1 column 42"),
        ),
        (
            "{\"version\": 1, \"network\": {\"subnets\": [{\"cidr\": 5}]}}",
            format!("{not}`network.subnets[0].cidr`: invalid type: integer `5`, expected a string at line 1 column 49"),
        ),
        // Objects are objects: serde would otherwise read a struct from an array of its fields.
        ("{\"version\": 1, \"outputs\": []}", format!("{not}`outputs`: invalid type: sequence, expected an object at line 1 column 26")),
        (
            "{\"version\": 1, \"outputs\": [true, true, true]}",
            format!("{not}`outputs`: invalid type: sequence, expected an object at line 1 column 26"),
        ),
        ("{\"version\": 1, \"instances\": {}}", format!("{not}`instances`: invalid type: map, expected a list at line 1 column 28")),
        ("{\"version\": 1, \"instances\": [1]}", format!("{not}`instances[0]`: invalid type: integer `1`, expected an object at line 1 column 30")),
        ("{\"version\": 1, \"instances\": [[]]}", format!("{not}`instances[0]`: invalid type: sequence, expected an object at line 1 column 29")),
        (
            "{\"version\": 1, \"instances\": [{\"tags\": [[\"k\", \"v\"]]}]}",
            format!("{not}`instances[0].tags[0]`: invalid type: sequence, expected an object at line 1 column 39"),
        ),
        // A repeated key is an error, at any level.
        ("{\"version\": 1, \"version\": 1}", format!("{not}duplicate field `version` at line 1 column 24")),
        (
            "{\"version\": 1, \"key_pair\": {\"key_name\": \"a\", \"key_name\": \"b\"}}",
            format!("{not}`key_pair`: duplicate field `key_name` at line 1 column 55"),
        ),
    ];
    for (text, want) in cases {
        let got = doc_error(text);
        // Field errors: serde_json's message, then the text just before the place, which names
        // the key (the wanted message names the field's path, whose last key must appear).
        match want
            .strip_prefix(not)
            .and_then(|w| w.strip_prefix('`'))
            .and_then(|w| w.split_once("`: "))
        {
            Some((path, rest)) => {
                let key = path
                    .rsplit('.')
                    .next()
                    .unwrap_or(path)
                    .split('[')
                    .next()
                    .unwrap_or(path);
                assert!(got.starts_with(&format!("{not}{rest}, after `")), "{text}: {got}");
                let context = got.rsplit_once(", after `").map(|(_, c)| c).unwrap_or_default();
                assert!(
                    context.contains(&format!("\"{key}\"")),
                    "{text}: {got} should show `{key}`"
                );
            }
            None => assert!(
                got == want || got.starts_with(&format!("{want}, after `")),
                "{text}: {got}"
            ),
        }
    }
    assert_eq!(
        Document::from_json(&" ".repeat((1 << 20) + 1)),
        Err(DocumentError::TooLarge((1 << 20) + 1))
    );
}

#[test]
fn nesting_is_bounded_before_anything_is_built() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        for depth in [200, 100_000] {
            let text = format!(
                "{{\"version\": 1, \"x\": {}1{}}}",
                open.repeat(depth),
                close.repeat(depth)
            );
            let error = Document::from_json(&text).expect_err("too deep");
            assert!(
                matches!(&error, DocumentError::Syntax(m) if m.starts_with("recursion limit exceeded")),
                "{depth} {open}: {error}"
            );
        }
    }
}

/// A document written before the provisioning fields of issue 15 existed
/// (`tests/fixtures/compat/autosave.json`, printed by the build before the serde rebuild)
/// reads with those fields at their defaults, and prints exactly as before otherwise: the same
/// lines, in the same order, plus the new fields after the provisioner's old ones.
#[test]
fn documents_print_as_they_always_have() {
    let path = format!("{}/tests/fixtures/compat/autosave.json", env!("CARGO_MANIFEST_DIR"));
    let old = std::fs::read_to_string(&path).expect("fixture");
    let doc = Document::from_json(&old).expect("a document");
    assert_eq!(doc.provisioner.backend, "local");
    assert_eq!(doc.provisioner.provider_source, "store");
    let new_fields = [
        "provider_source",
        "apply_on",
        "backend",
        "s3_bucket",
        "s3_key",
        "s3_region",
        "s3_kms_key_id",
        "encryption",
        "passphrase_file",
        "encryption_kms_key_id",
        "credentials",
        "environment_file",
        "flake_directory",
    ];
    let printed = doc.to_json();
    let kept: Vec<&str> = printed
        .lines()
        .filter(|line| {
            let key = line
                .trim_start()
                .strip_prefix('"')
                .and_then(|l| l.split_once('"'))
                .map(|(k, _)| k);
            !key.is_some_and(|k| new_fields.contains(&k))
        })
        .collect();
    let old_lines: Vec<&str> = old.lines().collect();
    assert_eq!(kept.len(), old_lines.len());
    for (got, want) in kept.iter().zip(&old_lines) {
        // The provisioner's last old field now has a comma after it.
        assert_eq!(got.trim_end_matches(','), want.trim_end_matches(','));
    }
    assert_eq!(printed.lines().count(), old_lines.len() + new_fields.len());
}
