//! Invariant 1: evaluating the generated infra.nix (with terranix and pkgs stand-ins) gives
//! exactly the generated config.tf.json, value for value; and every generated .nix parses.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use common::{nix_eval_json, nix_parse, standin_expr, varied_stacks, write_files};
use nixform::render::render_all;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

#[test]
fn infra_nix_evaluates_to_config_tf_json_for_varied_stacks() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let stacks = varied_stacks();
    assert!(stacks.len() >= 11, "the default stack and at least ten varied ones");
    for (i, (name, stack)) in stacks.iter().enumerate() {
        let files = render_all(stack).expect("renders");
        let dir = tmp.path().join(i.to_string());
        let paths = write_files(&dir, &files);
        let nix_files: Vec<PathBuf> = paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "nix"))
            .cloned()
            .collect();
        assert_eq!(nix_files.len(), 3);
        nix_parse(&nix_files);

        let expr = dir.join("eval.nix");
        std::fs::write(
            &expr,
            standin_expr(&dir.join("infra.nix"), &stack.provisioner.unit_name),
        )
        .expect("write");
        let result = nix_eval_json(&expr);
        let json: Value = serde_json::from_str(&files.config_tf_json).expect("config.tf.json is JSON");
        assert_eq!(result["config"], json, "{name}: infra.nix and config.tf.json differ");

        // The unit: a oneshot that keeps its state in a private state directory.
        let service = &result["service"];
        let sc = &service["serviceConfig"];
        assert_eq!(sc["Type"], "oneshot", "{name}");
        assert_eq!(sc["RemainAfterExit"], true, "{name}");
        assert_eq!(
            sc["StateDirectory"],
            stack.provisioner.state_directory.as_str(),
            "{name}"
        );
        assert_eq!(sc["StateDirectoryMode"], "0700", "{name}");
        assert_eq!(
            sc["WorkingDirectory"],
            format!("/var/lib/{}", stack.provisioner.state_directory),
            "{name}"
        );
        assert_eq!(service["wants"], serde_json::json!(["network-online.target"]), "{name}");
        assert_eq!(service["after"], serde_json::json!(["network-online.target"]), "{name}");
        let script = service["script"].as_str().expect("script is a string");
        let bin = match stack.provisioner.tool {
            nixform::model::stack::Tool::OpenTofu => "opentofu/bin/tofu",
            nixform::model::stack::Tool::Terraform => "terraform/bin/terraform",
        };
        assert!(script.contains(&format!("{bin} init -input=false")), "{name}: {script}");
        assert!(
            script.contains(&format!("{bin} apply -input=false -auto-approve")),
            "{name}: {script}"
        );
        assert!(
            script
                .contains("install -m 0600 /nix/store/00000000000000000000000000000000-config.tf.json config.tf.json"),
            "{name}: {script}"
        );
        assert_eq!(
            result["unfree"],
            stack.provisioner.tool == nixform::model::stack::Tool::Terraform,
            "{name}"
        );
        let env = &service["environment"];
        let p = &stack.provider;
        assert_eq!(
            env.get("AWS_SHARED_CREDENTIALS_FILE").and_then(Value::as_str),
            p.shared_credentials_file.as_deref(),
            "{name}"
        );
        assert_eq!(
            env.get("AWS_CONFIG_FILE").and_then(Value::as_str),
            p.shared_config_file.as_deref(),
            "{name}"
        );
        assert_eq!(
            env.get("AWS_PROFILE").and_then(Value::as_str),
            p.profile.as_deref(),
            "{name}"
        );
    }
}

/// Random text in every free-text field, many stacks in one nix-instantiate call.
#[test]
fn random_stacks_stay_equivalent() {
    use nixform::model::document::{Document, TagDoc};
    let text = "[ -~\u{e9}\u{65e5}\u{1f600}]{0,24}|\\$\\{[a-z]{1,5}\\}|%\\{[a-z ]{0,5}\\}|[\"\\\\$'{}%]{1,8}";
    let strategy = (
        prop::collection::vec((text, text), 0..4),
        prop::string::string_regex("([ -~\n\t]|[\"\\\\$'{}%])*").expect("regex"),
        prop::string::string_regex("[a-zA-Z0-9 ._:/()#,@+=&;{}!$*\\[\\]-]{0,40}").expect("regex"),
    );
    let mut runner = TestRunner::new(Config {
        cases: 200,
        ..Config::default()
    });
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut expected = Vec::new();
    let mut imports = Vec::new();
    for i in 0..200 {
        let (tags, user_data, description) = strategy.new_tree(&mut runner).expect("generate").current();
        let mut doc = Document::default();
        doc.instances[0].tags = tags
            .into_iter()
            .enumerate()
            .map(|(j, (k, v))| TagDoc {
                key: format!("t{j}{}", k.trim_start_matches(['_', ' ']))
                    .chars()
                    .take(100)
                    .collect(),
                value: v,
            })
            .collect();
        doc.instances[0].user_data = user_data;
        doc.security_group.description = description.trim_start().to_owned();
        let Ok(stack) = nixform::model::validate(&doc) else {
            continue;
        };
        let files = render_all(&stack).expect("renders");
        let dir = tmp.path().join(i.to_string());
        write_files(&dir, &files);
        std::fs::write(
            dir.join("eval.nix"),
            standin_expr(&dir.join("infra.nix"), &stack.provisioner.unit_name),
        )
        .expect("write");
        imports.push(format!("(import {}).config", dir.join("eval.nix").display()));
        expected.push(serde_json::from_str::<Value>(&files.config_tf_json).expect("JSON"));
    }
    assert!(
        expected.len() >= 150,
        "most random stacks are valid (got {})",
        expected.len()
    );
    let all = tmp.path().join("all.nix");
    std::fs::write(&all, format!("[\n{}\n]\n", imports.join("\n"))).expect("write");
    let got = nix_eval_json(&all);
    let got = got.as_array().expect("a list");
    assert_eq!(got.len(), expected.len());
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "random stack {i} differs");
    }
}
