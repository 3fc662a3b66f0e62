//! The glue of the three ways to use the files (README, `files::HOW_TO_USE`) evaluates to what
//! makes infra.nix usable. Way 2, a new provisioning host: flake.nix has the inputs the seed got
//! wrong (a misspelt `terranix`, nixpkgs on a release whose AMIs are gone), `specialArgs` with
//! `terranix` and `system`, and the host's own hardware-configuration.nix and configuration.nix
//! (boot loader included) beside infra.nix and provisioner.nix, which sets no boot loader and no
//! stateVersion. Way 1, an existing host: the lines the README gives, added to a host's flake,
//! give infra.nix its arguments. Way 3 is config.tf.json alone (tests/escaping.rs runs terraform).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{nix_eval_json, varied_stacks, write_files};
use nixform::render::render_all;

#[test]
fn flake_and_configuration_evaluate_to_working_glue() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (i, (name, stack)) in varied_stacks().into_iter().enumerate() {
        let dir = tmp.path().join(i.to_string());
        write_files(&dir, &render_all(&stack).expect("renders"));
        // nixosSystem is replaced by a function returning its arguments.
        let expr = format!(
            r#"let
  flake = import {dir}/flake.nix;
  outputs = flake.outputs {{
    self = {{ }};
    nixpkgs = {{ lib.nixosSystem = args: args; }};
    terranix = {{ lib = {{ }}; }};
  }};
  host = outputs.nixosConfigurations.{host};
  provisioner = import {dir}/provisioner.nix {{ lib.mkDefault = v: {{ default = v; }}; }};
in {{
  inputs = flake.inputs;
  specialArgs = builtins.attrNames host.specialArgs;
  system = host.specialArgs.system;
  files = map (p: builtins.baseNameOf (toString p)) (builtins.filter builtins.isPath host.modules);
  hostPlatform = (builtins.elemAt host.modules 4).nixpkgs.hostPlatform;
  provisions = builtins.attrNames provisioner;
  features = provisioner.nix.settings.experimental-features;
  hostName = provisioner.networking.hostName.default;
}}
"#,
            dir = dir.display(),
            host = nixform::render::nix::attr_name(&stack.provisioner.host_name).expect("writable"),
        );
        let file = dir.join("glue.nix");
        std::fs::write(&file, expr).expect("write");
        let got = nix_eval_json(&file);
        let inputs = &got["inputs"];
        assert_eq!(
            inputs["nixpkgs"]["url"],
            format!("github:NixOS/nixpkgs/{}", stack.image.release.nixpkgs_branch()),
            "{name}"
        );
        assert_eq!(inputs["terranix"]["url"], "github:terranix/terranix", "{name}");
        assert_eq!(inputs["terranix"]["inputs"]["nixpkgs"]["follows"], "nixpkgs", "{name}");
        assert_eq!(
            inputs.as_object().map(|o| o.len()),
            Some(2),
            "{name}: exactly nixpkgs and terranix"
        );
        assert_eq!(got["specialArgs"], serde_json::json!(["system", "terranix"]), "{name}");
        assert_eq!(got["system"], stack.provisioner.host_system.nix_system(), "{name}");
        assert_eq!(
            got["hostPlatform"],
            stack.provisioner.host_system.nix_system(),
            "{name}"
        );
        assert_eq!(
            got["files"],
            serde_json::json!([
                "hardware-configuration.nix",
                "configuration.nix",
                "infra.nix",
                "provisioner.nix"
            ]),
            "{name}: the host's own files first, ours beside them"
        );
        assert_eq!(
            got["provisions"],
            serde_json::json!(["networking", "nix"]),
            "{name}: no boot, fileSystems or system.stateVersion"
        );
        assert_eq!(got["features"], serde_json::json!(["nix-command", "flakes"]), "{name}");
        assert_eq!(got["hostName"], stack.provisioner.host_name.as_str(), "{name}");
        assert_ne!(
            stack.image.release.nixpkgs_branch(),
            "nixos-25.05",
            "{name}: 25.05's AMIs are gone"
        );
    }
}

/// Way 1: a host's own flake with the README's input and `specialArgs` added, and `./infra.nix`
/// in its modules, gives infra.nix the arguments it asks for.
#[test]
fn an_existing_hosts_flake_takes_infra_nix_as_the_readme_says() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let stack = nixform::model::validate(&Default::default()).expect("valid");
    let files = render_all(&stack).expect("renders");
    write_files(tmp.path(), &files);
    let readme = nixform::render::files::readme(&stack);
    let input = readme
        .lines()
        .find(|l| l.starts_with("terranix = {"))
        .expect("the README gives the input");
    let special = readme
        .lines()
        .find(|l| l.starts_with("specialArgs = "))
        .expect("the README gives specialArgs");
    let flake = format!(
        r#"{{
  inputs = {{
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.11";
    {input}
  }};
  outputs = {{ nixpkgs, terranix, ... }}: {{
    nixosConfigurations.existing = nixpkgs.lib.nixosSystem {{
      {special}
      modules = [ ./configuration.nix ./infra.nix ];
    }};
  }};
}}
"#
    );
    std::fs::write(tmp.path().join("existing-flake.nix"), flake).expect("write");
    let expr = format!(
        r#"let
  flake = import {dir}/existing-flake.nix;
  host = (flake.outputs {{
    nixpkgs = {{ lib.nixosSystem = args: args; }};
    terranix = {{ lib.terranixConfiguration = args: "config"; }};
  }}).nixosConfigurations.existing;
  s = import {standins};
  # NixOS gives every module lib and pkgs; the README's specialArgs give the rest.
  infra = import (builtins.elemAt host.modules 1) (host.specialArgs // {{ inherit (s) lib; pkgs = s.pkgsFor "x86_64-linux"; }});
in {{
  follows = flake.inputs.terranix.inputs.nixpkgs.follows;
  infraArgs = builtins.attrNames (builtins.functionArgs (import {dir}/infra.nix));
  given = builtins.attrNames host.specialArgs;
  units = builtins.attrNames infra.config.systemd.services;
}}
"#,
        dir = tmp.path().display(),
        standins = common::standin_file().with_file_name("standins.nix").display(),
    );
    let file = tmp.path().join("way1.nix");
    std::fs::write(&file, expr).expect("write");
    let got = nix_eval_json(&file);
    assert_eq!(got["follows"], "nixpkgs");
    assert_eq!(
        got["infraArgs"],
        serde_json::json!(["lib", "pkgs", "system", "terranix"])
    );
    assert_eq!(got["given"], serde_json::json!(["system", "terranix"]));
    assert_eq!(got["units"], serde_json::json!([stack.provisioner.unit_name]));
}

/// The flake apps (issue 15): `apps.<system>.plan`, `apply` and `destroy` for Linux and macOS,
/// each running the configuration of config.tf.json (and of the host's unit) with the pinned
/// tool of its own system.
#[test]
fn the_flake_apps_run_the_same_configuration_on_every_system() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (i, (name, stack)) in varied_stacks().into_iter().enumerate() {
        let dir = tmp.path().join(i.to_string());
        write_files(&dir, &render_all(&stack).expect("renders"));
        let expr = format!(
            "import {} {{ dir = {}; unit = {}; }}\n",
            common::standin_file().with_file_name("eval-apps.nix").display(),
            dir.display(),
            nixform::render::nix::string_literal(&stack.provisioner.unit_name).expect("no NUL"),
        );
        let file = dir.join("apps.nix");
        std::fs::write(&file, expr).expect("write");
        let got = nix_eval_json(&file);
        let config = format!(
            "/nix/store/00000000000000000000000000000000-{}-config.tf.json",
            got["configHash"].as_str().expect("hash")
        );
        let unit = got["unitScript"].as_str().expect("script");
        assert!(
            unit.contains(&config),
            "{name}: the unit runs config.tf.json's configuration"
        );
        let apps = got["apps"].as_object().expect("apps");
        assert_eq!(
            apps.keys().collect::<Vec<_>>(),
            ["aarch64-darwin", "aarch64-linux", "x86_64-darwin", "x86_64-linux"],
            "{name}"
        );
        let (package, binary) = stack.provisioner.tool.package_and_binary();
        for (system, apps) in apps {
            let apps = apps.as_object().expect("apps of a system");
            assert_eq!(apps.keys().collect::<Vec<_>>(), ["apply", "destroy", "plan"], "{name}");
            for (command, app) in apps {
                assert_eq!(app["type"], "app", "{name}");
                let text = app["text"].as_str().expect("text");
                assert!(
                    text.contains(&format!("install -m 0600 {config} config.tf.json")),
                    "{name} {system} {command}: {text}"
                );
                let with = if stack.provisioner.provider_from_store {
                    "-with-hashicorp_aws"
                } else {
                    ""
                };
                let bin = format!("/nix/store/00000000000000000000000000000000-{package}-{system}{with}/bin/{binary}");
                assert!(
                    text.contains(&format!("{bin} {command} \"$@\"")),
                    "{name} {system}: {text}"
                );
            }
        }
        // The provisioning host, and each instance with its own NixOS (issue 14).
        let mut hosts: Vec<&str> = stack
            .instances
            .iter()
            .filter(|i| i.host.is_some())
            .map(|i| i.name.as_str())
            .collect();
        hosts.push(&stack.provisioner.host_name);
        hosts.sort_unstable();
        assert_eq!(got["hosts"], serde_json::json!(hosts), "{name}");
    }
}
