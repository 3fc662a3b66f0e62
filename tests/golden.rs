//! Golden files for the default stack's four files.
//! Regenerate after an intended change with: NIXFORM_BLESS=1 cargo test --test golden

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

mod common;

use nixform::model::{presets, validate, Document};
use nixform::render::render_all;

#[test]
fn default_stack_matches_golden_files() {
    let stack = validate(&Document::default()).expect("the default stack is valid");
    let files = render_all(&stack).expect("renders");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/default");
    for (name, text) in files.iter() {
        common::golden(&dir.join(name), text, "golden");
        assert!(
            text.ends_with('\n') && !text.ends_with("\n\n"),
            "{name}: exactly one trailing newline"
        );
    }
}

#[test]
fn output_is_deterministic_and_sorted() {
    let stack = validate(&Document::default()).expect("valid");
    let a = render_all(&stack).expect("renders");
    let b = render_all(&stack).expect("renders");
    assert_eq!(a, b);
    // Keys are sorted at every level and indented by two spaces, as `jq .` writes them.
    let value: serde_json::Value = serde_json::from_str(&a.config_tf_json).expect("JSON");
    let mut pretty = serde_json::to_string_pretty(&value).expect("print");
    pretty.push('\n');
    assert_eq!(a.config_tf_json, pretty);
    fn sorted(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Object(m) => {
                m.keys().zip(m.keys().skip(1)).all(|(x, y)| x < y) && m.values().all(sorted)
            }
            serde_json::Value::Array(a) => a.iter().all(sorted),
            _ => true,
        }
    }
    assert!(sorted(&value));
    let first_nested = a.config_tf_json.lines().nth(1).expect("line");
    assert!(
        first_nested.starts_with("  \"") && !first_nested.starts_with("   "),
        "{first_nested:?}"
    );
}

/// Every object of every rendered document has its keys sorted and each once: nixform builds
/// objects in order (struct fields declared sorted, blocks and maps sorted), and serde_json,
/// which keeps objects in a sorted map, must print our text back byte for byte.
#[test]
fn every_rendered_document_is_sorted_json() {
    let mut docs = common::varied_documents();
    docs.push(("large", presets::large()));
    for (name, doc) in docs {
        let stack = validate(&doc).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let files = render_all(&stack).expect("renders");
        let value: serde_json::Value = serde_json::from_str(&files.config_tf_json).expect("JSON");
        let mut pretty = serde_json::to_string_pretty(&value).expect("print");
        pretty.push('\n');
        assert!(
            files.config_tf_json == pretty,
            "{name}: config.tf.json is not sorted, unique-keyed JSON"
        );
    }
}
