//! Hostile input: the stack-document parser, the share-link decoder and the config.tf.json
//! importer never panic and always say what is wrong; imports of what nixform renders give the
//! same stack back.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use base64::Engine as _;
use nixform::model::document::Document;
use nixform::model::import::import_tf_json;
use nixform::model::{presets, share, validate};
use nixform::render::render_all;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn document_parser_never_panics(text in prop_oneof![common::json_like(), any::<String>(), common::mutated(Document::default().to_json())]) {
        match Document::from_json(&text) {
            Ok(doc) => { let _ = validate(&doc); }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn share_decoder_never_panics(text in prop_oneof![
        any::<String>(),
        "s=[A-Za-z0-9_-]{0,200}",
        common::mutated(share::encode(&Document::default())),
        prop::collection::vec(any::<u8>(), 0..300).prop_map(|b| format!("s={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b))),
        prop::collection::vec(any::<u8>(), 0..300).prop_map(|b| {
            let c = common::legacy_lz::compress(&b);
            format!("#s={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(c))
        }),
        "s=2\\.[A-Za-z0-9_-]{0,200}",
        prop::collection::vec(any::<u8>(), 0..300).prop_map(|b| format!("s=2.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b))),
        prop::collection::vec(any::<u8>(), 0..300).prop_map(|b| {
            let c = miniz_oxide::deflate::compress_to_vec(&b, 6);
            format!("#s=2.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(c))
        }),
    ]) {
        match share::decode(&text) {
            Ok(doc) => { let _ = validate(&doc); }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn importer_never_panics(text in prop_oneof![
        common::json_like(),
        any::<String>(),
        common::mutated(default_config()),
    ]) {
        match import_tf_json(&text, &Document::default()) {
            Ok(imported) => { let _ = validate(&imported.document); }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn lz_round_trips_any_bytes(bytes in prop::collection::vec(prop_oneof![any::<u8>(), Just(b'a'), Just(b'"')], 0..1500)) {
        let packed = common::legacy_lz::compress(&bytes);
        prop_assert_eq!(nixform::model::share::legacy::decompress(&packed, 1 << 20), Ok(bytes));
    }
}

fn default_config() -> String {
    render_all(&validate(&Document::default()).expect("valid"))
        .expect("renders")
        .config_tf_json
}

#[test]
fn importing_what_nixform_renders_gives_the_same_stack() {
    for (name, doc) in common::varied_documents() {
        common::import_round_trip(name, &doc);
    }
    // The presets come back as the very same form.
    for doc in [Document::default(), presets::hardened(), presets::remote_state()] {
        let files = render_all(&validate(&doc).expect("valid")).expect("renders");
        let imported = import_tf_json(&files.config_tf_json, &doc).expect("imports");
        assert_eq!(imported.document, doc);
    }
}

#[test]
fn foreign_configurations_list_what_is_not_imported() {
    let mut value: serde_json::Value = serde_json::from_str(&default_config()).expect("JSON");
    value["resource"]["aws_s3_bucket"] = serde_json::json!({ "logs": { "bucket": "x" } });
    value["resource"]["aws_instance"]["nixos_x86-64"]["credit_specification"] =
        serde_json::json!({ "cpu_credits": "standard" });
    value["provider"]["google"] = serde_json::json!({});
    value["variable"] = serde_json::json!({ "x": {} });
    value["terraform"]["backend"] = serde_json::json!({ "gcs": { "bucket": "b" } });
    value["terraform"]["cloud"] = serde_json::json!({});
    let imported = import_tf_json(&value.to_string(), &Document::default()).expect("imports");
    for item in [
        "resource.aws_s3_bucket.logs",
        "aws_instance.nixos_x86-64.credit_specification",
        "provider.google",
        "variable.x",
        "terraform.backend.gcs",
        "terraform.cloud",
    ] {
        assert!(
            imported.unmapped.iter().any(|u| u == item),
            "{item} not in {:?}",
            imported.unmapped
        );
    }
    // Errors name the problem.
    let doc = Document::default();
    assert_eq!(
        import_tf_json("{\"resource\": {\"aws_vpc\": {\"v\": {}}}}", &doc)
            .expect_err("no group")
            .to_string(),
        "the file has no aws_security_group resource, which a nixform stack needs"
    );
    assert!(import_tf_json("{\"a\":", &doc)
        .expect_err("not JSON")
        .to_string()
        .starts_with("the file is not JSON"));
    let with_key = default_config().replace("replace-me@example", "-----BEGIN RSA PRIVATE KEY-----");
    assert!(import_tf_json(&with_key, &doc)
        .expect_err("secret")
        .to_string()
        .contains("private key"));
}
