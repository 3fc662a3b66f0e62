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
        assert_eq!(
            nix_files.len(),
            3 + files.hosts.len(),
            "{name}: infra, flake, provisioner and each host"
        );
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
        check_provisioning(name, stack, &result);
    }
}

/// The unit, the pinned tool and the flake apps of one stack, as the stand-in evaluation of
/// its infra.nix (`result`) shows them.
fn check_provisioning(name: &str, stack: &nixform::model::stack::Stack, result: &Value) {
    use nixform::model::stack::{ApplyOn, Credentials, Encryption, Tool};
    let p = &stack.provisioner;
    let service = &result["service"];
    let script = service["script"].as_str().expect("script is a string");
    let (package, binary) = p.tool.package_and_binary();
    let store = "/nix/store/00000000000000000000000000000000-";
    // The unit's tool: the one with the AWS provider from the store, unless asked to download.
    let tool = if p.provider_from_store {
        format!("{store}{package}-x86_64-linux-with-hashicorp_aws")
    } else {
        format!("{store}{package}-x86_64-linux")
    };
    let bin = format!("{tool}/bin/{binary}");
    assert_eq!(
        result["systemPackages"],
        serde_json::json!([tool]),
        "{name}: the pinned tool on PATH"
    );
    assert!(
        script.contains(&format!("\n{bin} init -input=false\n")),
        "{name}: {script}"
    );
    assert!(
        script.contains(&format!("install -m 0600 {store}config.tf.json config.tf.json")),
        "{name}: {script}"
    );
    let applies = script.contains(&format!("{bin} apply -input=false -auto-approve"));
    let skips_applied = script.contains(&format!("= {store}config.tf.json ]; then"));
    match p.apply_on {
        ApplyOn::Change => assert!(applies && skips_applied, "{name}: {script}"),
        ApplyOn::Boot => assert!(applies && !skips_applied, "{name}: {script}"),
        ApplyOn::Plan => {
            assert!(!applies, "{name}: plan only: {script}");
            assert!(
                script.contains(&format!("{bin} plan -input=false -detailed-exitcode")),
                "{name}"
            );
        }
    }
    assert_eq!(result["unfree"], p.tool == Tool::Terraform, "{name}");
    assert_eq!(result["option"], serde_json::json!(["nixform"]), "{name}");
    assert_eq!(result["configurationSystem"], "x86_64-linux", "{name}");

    // The apps run the very configuration the unit applies, with the same tool.
    let nixform = &result["nixform"];
    assert_eq!(nixform["configuration"], format!("{store}config.tf.json"), "{name}");
    let apps = nixform["apps"].as_object().expect("apps");
    assert_eq!(apps.keys().collect::<Vec<_>>(), ["apply", "destroy", "plan"], "{name}");
    for (command, app) in apps {
        assert_eq!(app["type"], "app", "{name}");
        assert_eq!(app["name"], format!("nixform-{command}"), "{name}");
        let text = app["text"].as_str().expect("text");
        assert!(text.contains(&format!("\n{bin} init -input=false\n")), "{name}: {text}");
        assert!(text.contains(&format!("\n{bin} {command} \"$@\"\n")), "{name}: {text}");
        assert!(
            text.contains(&format!("install -m 0600 {store}config.tf.json config.tf.json")),
            "{name}"
        );
        assert!(
            text.starts_with("if [ -e flake.nix ]; then"),
            "{name}: refuses a flake's directory"
        );
    }

    // The passphrase is read at run time, from its file, shell-quoted.
    let reads_passphrase = |text: &str| text.contains("TF_VAR_state_passphrase=\"$(cat '");
    if let Some(Encryption::Passphrase { file }) = &p.encryption {
        let quoted = format!("'{}'", file.replace('\'', "'\\''"));
        assert!(
            script.contains(&format!("TF_VAR_state_passphrase=\"$(cat {quoted})\"")),
            "{name}: {script}"
        );
        assert!(
            apps.values()
                .all(|a| reads_passphrase(a["text"].as_str().unwrap_or_default())),
            "{name}"
        );
    } else {
        assert!(!reads_passphrase(script), "{name}");
    }

    // Credentials: from files outside the store, handed over as asked.
    let env = &service["environment"];
    let sc = &service["serviceConfig"];
    let pr = &stack.provider;
    let load = p.credentials == Credentials::LoadCredential;
    assert_eq!(
        env.get("AWS_SHARED_CREDENTIALS_FILE").and_then(Value::as_str),
        pr.shared_credentials_file.as_deref().filter(|_| !load),
        "{name}"
    );
    assert_eq!(
        env.get("AWS_CONFIG_FILE").and_then(Value::as_str),
        pr.shared_config_file.as_deref().filter(|_| !load),
        "{name}"
    );
    assert_eq!(
        env.get("AWS_PROFILE").and_then(Value::as_str),
        pr.profile.as_deref(),
        "{name}"
    );
    match &p.credentials {
        Credentials::Paths => {
            assert!(
                sc.get("LoadCredential").is_none() && sc.get("EnvironmentFile").is_none(),
                "{name}"
            );
        }
        Credentials::LoadCredential => {
            let want: Vec<String> = [
                ("aws-credentials", &pr.shared_credentials_file),
                ("aws-config", &pr.shared_config_file),
            ]
            .into_iter()
            .filter_map(|(id, f)| f.as_ref().map(|f| format!("{id}:{f}")))
            .collect();
            assert_eq!(sc["LoadCredential"], serde_json::json!(want), "{name}");
            assert!(
                script.starts_with("export AWS_SHARED_CREDENTIALS_FILE=\"$CREDENTIALS_DIRECTORY/aws-credentials\""),
                "{name}: {script}"
            );
        }
        Credentials::EnvironmentFile(file) => assert_eq!(sc["EnvironmentFile"], file.as_str(), "{name}"),
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
        if i % 2 == 1 {
            // Every other one in modules mode: the tags are a module input then.
            doc.mode = "modules".into();
        }
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
