//! The hosts' own NixOS (issue 14), through the real tools: every host file parses with
//! nix-instantiate; the user data in config.tf.json is the channel line plus the host file (and
//! terraform reads it so); the flake lists each host with its system and module; user data
//! stops at 16 KB; import keeps the configuration; the CLI writes hosts/ and parses extra Nix.
//! What a host file evaluates to is tests/host_eval.rs's.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::cli::{nixform, render};
use common::hosts::host_stacks;
use common::{nix_eval_json, nix_parse, terraform_command, terraform_tool, write_files};
use nixform::model::document::Document;
use nixform::model::import::import_tf_json;
use nixform::model::{presets, validate};
use nixform::render::files::{host_nix, host_user_data};
use nixform::render::{render_all, Files, RenderError};
use serde_json::{json, Value};

fn config(files: &Files) -> Value {
    serde_json::from_str(&files.config_tf_json).expect("config.tf.json is JSON")
}

#[test]
fn every_host_file_parses_and_the_user_data_is_the_channel_line_and_the_host_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (i, (name, doc, stack)) in host_stacks().into_iter().enumerate() {
        let files = render_all(&stack).expect("renders");
        let enabled: Vec<&str> = doc
            .instances
            .iter()
            .filter(|d| d.nixos.enabled)
            .map(|d| d.name.as_str())
            .collect();
        let names: Vec<String> = files.hosts.iter().map(|(n, _)| n.clone()).collect();
        let want: Vec<String> = enabled.iter().map(|n| format!("hosts/{n}.nix")).collect();
        assert_eq!(names, want, "{name}: one host file per enabled instance");
        let paths = write_files(&tmp.path().join(i.to_string()), &files);
        let hosts: Vec<_> = paths
            .into_iter()
            .filter(|p| p.starts_with(tmp.path().join(format!("{i}/hosts"))))
            .collect();
        assert_eq!(hosts.len(), enabled.len(), "{name}");
        nix_parse(&hosts);

        let tf = config(&files);
        for (instance, (_, host_file)) in enabled.iter().zip(&files.hosts) {
            let user_data = tf["resource"]["aws_instance"][instance]["user_data"]
                .as_str()
                .expect("user data");
            let channel = format!("### https://nixos.org/channels/nixos-{} nixos\n", doc.image.release);
            let expected = format!("{channel}{host_file}")
                .replace("${", "$${")
                .replace("%{", "%%{");
            assert_eq!(user_data, expected, "{name}: {instance}");
            assert!(
                host_file.contains("\"${modulesPath}/virtualisation/amazon-image.nix\""),
                "{name}"
            );
            let rebuild = tf["output"][format!("{instance}_rebuild")]["value"]
                .as_str()
                .expect("rebuild output");
            assert!(
                rebuild.starts_with(&format!(
                    "nixos-rebuild switch --flake .#{instance} --target-host root@"
                )),
                "{name}: {rebuild}"
            );
        }
        // An instance without a configuration keeps its own user data, and no host file.
        for d in doc.instances.iter().filter(|d| !d.nixos.enabled) {
            let want = (!d.user_data.is_empty()).then(|| json!(d.user_data.replace("${", "$${").replace("%{", "%%{")));
            let got = tf["resource"]["aws_instance"][&d.name].get("user_data").cloned();
            assert_eq!(got, want, "{name}: {}", d.name);
            assert!(
                files.get(&format!("hosts/{}.nix", d.name)).is_none(),
                "{name}: {}",
                d.name
            );
            assert!(
                tf["output"].get(format!("{}_rebuild", d.name)).is_none(),
                "{name}: {}",
                d.name
            );
        }
    }
}

#[test]
fn the_flake_lists_each_host_with_its_system_and_module() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut without = 0;
    for (i, (name, doc, stack)) in host_stacks().into_iter().enumerate() {
        let dir = tmp.path().join(i.to_string());
        write_files(&dir, &render_all(&stack).expect("renders"));
        let expr = format!(
            r#"let
  outputs = (import {dir}/flake.nix).outputs {{
    self = {{ }};
    nixpkgs = {{ lib.nixosSystem = args: args; }};
    terranix = {{ lib = {{ }}; }};
  }};
  configs = outputs.nixosConfigurations;
in builtins.mapAttrs (name: c: {{
  system = c.system or null;
  modules = map (m: if builtins.isPath m then toString m else "not a path") c.modules;
}}) configs
"#,
            dir = dir.display()
        );
        let file = dir.join("flake-eval.nix");
        std::fs::write(&file, expr).expect("write");
        let got = nix_eval_json(&file);
        let system = if doc.image.architecture == "arm64" {
            "aarch64-linux"
        } else {
            "x86_64-linux"
        };
        let mut want = BTreeSet::from([stack.provisioner.host_name.clone()]);
        for d in &doc.instances {
            if !d.nixos.enabled {
                assert!(got.get(&d.name).is_none(), "{name}: {} has no configuration", d.name);
                without += 1;
                continue;
            }
            want.insert(d.name.clone());
            let entry = &got[&d.name];
            assert_eq!(entry["system"], system, "{name}: {}", d.name);
            let module = dir.join(format!("hosts/{}.nix", d.name));
            assert_eq!(entry["modules"], json!([module.to_str().expect("utf8")]), "{name}");
        }
        let names: BTreeSet<String> = got.as_object().expect("object").keys().cloned().collect();
        assert_eq!(names, want, "{name}: the provisioning host and each enabled host");
    }
    assert!(without > 0, "some stack has an instance without a configuration");
}

#[test]
fn user_data_stops_at_16_kb_with_a_message_on_the_extra_nix() {
    let mut doc = presets::hosts();
    let size = |doc: &Document| -> usize {
        let stack = validate(doc).expect("valid");
        let (instance, host) = (&stack.instances[0], stack.instances[0].host.as_ref().expect("host"));
        host_user_data(&stack, &host_nix(&stack, instance, host).expect("renders")).len()
    };
    doc.instances[0].nixos.extra_nix = "#".into();
    let base = size(&doc);
    doc.instances[0].nixos.extra_nix = format!("#{}", "x".repeat(16_384 - base));
    assert_eq!(size(&doc), 16_384);
    assert!(
        render_all(&validate(&doc).expect("valid")).is_ok(),
        "16,384 bytes are allowed"
    );
    doc.instances[0].nixos.extra_nix.push('x');
    match render_all(&validate(&doc).expect("valid")) {
        Err(RenderError::UserDataTooLarge { path, bytes }) => {
            assert_eq!(path, "instances[0].nixos.extra_nix");
            assert_eq!(bytes, 16_385);
        }
        other => panic!("expected UserDataTooLarge, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn import_keeps_the_hosts_configuration_and_otherwise_the_raw_user_data() {
    for (name, doc, stack) in host_stacks() {
        let files = render_all(&stack).expect("renders");
        let imported = import_tf_json(&files.config_tf_json, &doc).expect("imports");
        for (got, want) in imported.document.instances.iter().zip(&doc.instances) {
            assert_eq!(got.nixos, want.nixos, "{name}: {}", want.name);
            assert_eq!(got.user_data, want.user_data, "{name}: {}", want.name);
        }
        let again = render_all(&validate(&imported.document).expect("valid")).expect("renders");
        assert_eq!(again.config_tf_json, files.config_tf_json, "{name}: the round trip");
        // Into a form without the configuration, the user data stays what it was, as raw text.
        let plain = import_tf_json(&files.config_tf_json, &Document::default()).expect("imports");
        for (d, (file, host_file)) in doc.instances.iter().filter(|d| d.nixos.enabled).zip(&files.hosts) {
            let got = plain
                .document
                .instances
                .iter()
                .find(|i| i.name == d.name)
                .expect("imported");
            assert!(!got.nixos.enabled, "{name}: {file}");
            assert_eq!(got.user_data, host_user_data(&stack, host_file), "{name}: {file}");
        }
    }
}

#[test]
fn the_cli_writes_the_host_files_and_parses_the_extra_nix() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = nixform(&["default", "--preset", "hosts"], None);
    assert!(out.status.success());
    let stack_file = tmp.path().join("stack.json");
    std::fs::write(&stack_file, &out.stdout).expect("write");
    let dir = tmp.path().join("out");
    let out = render(&stack_file, &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let files = render_all(&validate(&presets::hosts()).expect("valid")).expect("renders");
    assert!(!files.hosts.is_empty());
    for (file, text) in &files.hosts {
        assert_eq!(
            std::fs::read_to_string(dir.join(file)).expect("written"),
            *text,
            "{file}"
        );
    }

    let mut doc = presets::hosts();
    doc.instances[0].nixos.extra_nix = "  services.fwupd.enable = true;\n  services.tailscale.enable = ;".into();
    std::fs::write(&stack_file, doc.to_json()).expect("write");
    let bad = tmp.path().join("bad");
    let out = render(&stack_file, &bad);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("instances[0].nixos.extra_nix: the extra Nix does not parse"),
        "the field, then the message: {stderr}"
    );
    assert!(stderr.contains(":2:"), "the line of the extra Nix itself: {stderr}");
    assert!(!bad.exists(), "nothing is written");
}

#[test]
#[ignore = "needs terraform or tofu on PATH; scripts/test.sh runs it when one is installed"]
fn terraform_reads_the_user_data_as_the_channel_line_and_the_host_file() {
    let tool = terraform_tool();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut outputs = serde_json::Map::new();
    let mut want = Vec::new();
    for (name, doc, stack) in host_stacks() {
        let files = render_all(&stack).expect("renders");
        let tf = config(&files);
        for (d, (_, host_file)) in doc.instances.iter().filter(|d| d.nixos.enabled).zip(&files.hosts) {
            let key = format!("u{}", want.len());
            let literal = tf["resource"]["aws_instance"][&d.name]["user_data"].clone();
            outputs.insert(key.clone(), json!({ "value": literal }));
            let channel = format!("### https://nixos.org/channels/nixos-{} nixos\n", doc.image.release);
            want.push((key, name, format!("{channel}{host_file}")));
        }
    }
    std::fs::write(
        tmp.path().join("main.tf.json"),
        json!({ "output": outputs }).to_string(),
    )
    .expect("write");
    let run = |args: &[&str]| {
        let out = terraform_command(&tool, tmp.path()).args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    run(&["init", "-input=false", "-backend=false"]);
    run(&["apply", "-input=false", "-auto-approve"]);
    let got: Value = serde_json::from_slice(&run(&["output", "-json"])).expect("JSON");
    use unicode_normalization::UnicodeNormalization;
    for (key, name, user_data) in want {
        let user_data: String = user_data.nfc().collect();
        assert_eq!(got[&key]["value"].as_str(), Some(user_data.as_str()), "{name}");
    }
}
