//! flake.nix and configuration.nix evaluate to what makes infra.nix usable: the inputs the seed
//! got wrong (a misspelt `terranix`, nixpkgs on a release whose AMIs are gone), `specialArgs`
//! with `terranix` and `system`, and `./infra.nix` imported as a module.

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
  configuration = import {dir}/configuration.nix {{ }};
in {{
  inputs = flake.inputs;
  specialArgs = builtins.attrNames host.specialArgs;
  system = host.specialArgs.system;
  firstModule = builtins.baseNameOf (toString (builtins.head host.modules));
  hostPlatform = (builtins.elemAt host.modules 1).nixpkgs.hostPlatform;
  imports = map (p: builtins.baseNameOf (toString p)) configuration.imports;
  hostName = configuration.networking.hostName;
  stateVersion = configuration.system.stateVersion;
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
        assert_eq!(got["firstModule"], "configuration.nix", "{name}");
        assert_eq!(
            got["imports"],
            serde_json::json!(["hardware-configuration.nix", "infra.nix"]),
            "{name}"
        );
        assert_eq!(got["hostName"], stack.provisioner.host_name.as_str(), "{name}");
        assert_eq!(got["stateVersion"], stack.image.release.state_version(), "{name}");
        assert_ne!(
            stack.image.release.nixpkgs_branch(),
            "nixos-25.05",
            "{name}: 25.05's AMIs are gone"
        );
    }
}
