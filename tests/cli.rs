//! The `nixform` command line: exit codes, messages, and files written.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use common::cli::{nixform, render};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn default_prints_the_default_and_hardened_documents() {
    let out = nixform(&["default"], None);
    assert!(out.status.success());
    let doc = nixform::model::Document::from_json(&text(&out.stdout)).expect("a document");
    assert_eq!(doc, nixform::model::Document::default());

    let out = nixform(&["default", "--preset", "hardened"], None);
    assert!(out.status.success());
    let doc = nixform::model::Document::from_json(&text(&out.stdout)).expect("a document");
    assert_eq!(doc, nixform::model::presets::hardened());

    let out = nixform(&["default", "--preset", "remote-state"], None);
    assert!(out.status.success());
    let doc = nixform::model::Document::from_json(&text(&out.stdout)).expect("a document");
    assert_eq!(doc, nixform::model::presets::remote_state());
    assert_eq!(doc.provisioner.backend, "s3");

    let out = nixform(&["default", "--preset", "nope"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("unknown preset `nope`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn render_writes_the_four_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out_dir = tmp.path().join("out");
    let out = nixform(&["render", "--out", out_dir.to_str().expect("utf8")], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stack = nixform::model::validate(&nixform::model::Document::default()).expect("valid");
    let files = nixform::render::render_all(&stack).expect("renders");
    for (name, want) in files.iter() {
        let got = std::fs::read_to_string(out_dir.join(name)).expect("written");
        assert_eq!(got, want, "{name}");
    }
    // From a file and from standin.
    let stack_file = tmp.path().join("hardened.json");
    std::fs::write(&stack_file, nixform::model::presets::hardened().to_json()).expect("write");
    let out = render(&stack_file, &out_dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json = std::fs::read_to_string(out_dir.join("config.tf.json")).expect("written");
    assert!(json.contains("\"http_tokens\": \"required\""));
    let out = nixform(
        &["render", "--stack", "-", "--out", out_dir.to_str().expect("utf8")],
        Some(&nixform::model::Document::default().to_json()),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The remote-state preset adds the state bucket's configuration, in a directory of its own.
    let out = nixform(
        &["render", "--stack", "-", "--out", out_dir.to_str().expect("utf8")],
        Some(&nixform::model::presets::remote_state().to_json()),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("wrote 5 files"), "{}", text(&out.stderr));
    let bucket = std::fs::read_to_string(out_dir.join("bootstrap/state-bucket.tf.json")).expect("written");
    assert!(bucket.contains("aws_s3_bucket_versioning"));
}

#[test]
fn invalid_stacks_write_nothing_and_exit_1() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut doc = nixform::model::Document::default();
    doc.network.vpc_cidr = "10.10.0.0/33".into();
    doc.instances[0].root_volume_size = "2".into();
    let stack_file = tmp.path().join("bad.json");
    std::fs::write(&stack_file, doc.to_json()).expect("write");
    let out_dir = tmp.path().join("out");
    let out = render(&stack_file, &out_dir);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("network.vpc_cidr: `10.10.0.0/33` is not a CIDR block"),
        "{err}"
    );
    assert!(
        err.contains("instances[0].root_volume_size: root volume size (GiB) `2` must be between 4 and 16384"),
        "{err}"
    );
    assert!(!Path::new(&out_dir).exists(), "nothing is written for an invalid stack");

    let out = nixform(&["validate", stack_file.to_str().expect("utf8")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("2 field errors"), "{}", text(&out.stderr));

    std::fs::write(&stack_file, nixform::model::Document::default().to_json()).expect("write");
    let out = nixform(&["validate", stack_file.to_str().expect("utf8")], None);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("valid"));
}

#[test]
fn unreadable_input_exits_2_with_a_clear_message() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &str); 4] = [
        ("missing.json", "cannot read"),
        ("notjson.json", "not a nixform stack document"),
        ("v2.json", "document version 2 is not supported"),
        ("noversion.json", "has no \"version\" field"),
    ];
    std::fs::write(tmp.path().join("notjson.json"), "hello").expect("write");
    std::fs::write(tmp.path().join("v2.json"), "{\"version\": 2}").expect("write");
    std::fs::write(tmp.path().join("noversion.json"), "{}").expect("write");
    for (file, message) in cases {
        let path = tmp.path().join(file);
        let out = render(&path, &tmp.path().join("o"));
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(text(&out.stderr).contains(message), "{file}: {}", text(&out.stderr));
    }
    for args in [
        &["render"][..],
        &["frobnicate"],
        &["validate"],
        &["render", "--out"],
        &["default", "--bogus", "x"],
    ] {
        let out = nixform(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!text(&out.stderr).is_empty());
    }
}

#[test]
fn lint_lists_findings() {
    let out = nixform(&["lint"], None);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("CKV_AWS_24") && stdout.contains("SSH (port 22) is open"),
        "{stdout}"
    );
}

#[test]
fn share_links_round_trip_through_the_cli() {
    let out = nixform(
        &["share", "--stack", "-"],
        Some(&nixform::model::presets::hardened().to_json()),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let fragment = text(&out.stdout).trim().to_owned();
    assert!(fragment.starts_with("s="), "{fragment}");
    let url = format!("http://127.0.0.1:8080/#{fragment}");
    let out = nixform(&["unshare", &url], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        nixform::model::Document::from_json(&text(&out.stdout)).expect("document"),
        nixform::model::presets::hardened()
    );
    let out = nixform(&["unshare", "s=garbage!"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("damaged"), "{}", text(&out.stderr));
}

/// The diagram of `doc`, as the library draws it.
fn diagram(doc: &nixform::model::Document) -> String {
    let stack = nixform::model::validate(doc).expect("valid");
    nixform::render::diagram::diagram(&stack).expect("draws")
}

#[test]
fn diagram_writes_the_same_bytes_as_the_library() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("default.svg");
    let run = nixform(&["diagram", "--out", out.to_str().expect("utf8")], None);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let want = diagram(&nixform::model::Document::default());
    assert_eq!(std::fs::read_to_string(&out).expect("written"), want);

    let large = nixform::model::presets::large();
    let want = diagram(&large);
    for args in [
        &["diagram", "--stack", "-"][..],
        &["diagram", "--stack", "-", "--out", "-"],
    ] {
        let run = nixform(args, Some(&large.to_json()));
        assert!(
            run.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&run.stdout), want, "{args:?}");
    }

    let mut bad = nixform::model::Document::default();
    bad.network.vpc_cidr = "10.10.0.0/33".into();
    let out = tmp.path().join("bad.svg");
    let run = nixform(
        &["diagram", "--stack", "-", "--out", out.to_str().expect("utf8")],
        Some(&bad.to_json()),
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("network.vpc_cidr"));
    assert!(!out.exists(), "nothing is written for an invalid stack");
    assert_eq!(nixform(&["diagram", "--bogus", "x"], None).status.code(), Some(2));
}
