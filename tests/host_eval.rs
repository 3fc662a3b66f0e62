//! A host file evaluates (nix-instantiate, with stand-in arguments) to what was typed, hostile
//! text included, and its firewall opens exactly the security group's TCP and UDP ingress
//! ports, computed here from the document's rules (issue 14).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::hosts::host_stacks;
use common::{nix_eval_json, write_files};
use nixform::model::document::Document;
use nixform::render::render_all;
use serde_json::{json, Value};

/// Stand-ins for what a host file's function is called with, and for the packages it names.
const PKGS: &str = "{ git = \"git\"; htop = \"htop\"; python3Packages.requests = \"python3Packages.requests\"; }";

/// The host file `file` evaluated as a plain attribute set, with stand-in arguments.
fn eval_host(file: &Path) -> Value {
    let expr = file.with_extension("eval.nix");
    std::fs::write(
        &expr,
        format!("import {} {{ modulesPath = \"/m\"; pkgs = {PKGS}; }}\n", file.display()),
    )
    .expect("write");
    nix_eval_json(&expr)
}

/// What the firewall must open, from the document's rules: (single ports, ranges) for `proto`.
fn expected_ports(doc: &Document, proto: &str) -> (Vec<u64>, Vec<(u64, u64)>) {
    let mut open = BTreeSet::new();
    for rule in &doc.security_group.ingress {
        if rule.protocol == "all" {
            open.insert((0, 65535));
        } else if rule.protocol == proto {
            let from: u64 = rule.from_port.trim().parse().expect("port");
            let to: u64 = rule.to_port.trim().parse().unwrap_or(from);
            open.insert((from, to));
        }
    }
    let singles = open.iter().filter(|(a, b)| a == b).map(|(a, _)| *a).collect();
    let ranges = open.into_iter().filter(|(a, b)| a != b).collect();
    (singles, ranges)
}

#[test]
fn host_files_evaluate_to_what_was_typed_and_open_the_groups_ports() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (i, (name, doc, stack)) in host_stacks().into_iter().enumerate() {
        let files = render_all(&stack).expect("renders");
        let dir = tmp.path().join(i.to_string());
        write_files(&dir, &files);
        for d in doc.instances.iter().filter(|d| d.nixos.enabled) {
            let h = &d.nixos;
            let got = eval_host(&dir.join(format!("hosts/{}.nix", d.name)));
            let host_name = if h.host_name.is_empty() {
                d.name.replace('_', "-")
            } else {
                h.host_name.clone()
            };
            assert_eq!(got["networking"]["hostName"], host_name.as_str(), "{name}");
            assert_eq!(got["imports"], json!(["/m/virtualisation/amazon-image.nix"]), "{name}");
            let tz = if h.time_zone.is_empty() {
                Value::Null
            } else {
                json!(h.time_zone)
            };
            assert_eq!(got["time"]["timeZone"], tz, "{name}");
            let packages: Vec<&str> = h.packages.split([' ', ',', '\n']).filter(|p| !p.is_empty()).collect();
            let want_packages = if packages.is_empty() {
                Value::Null
            } else {
                json!(packages)
            };
            assert_eq!(got["environment"]["systemPackages"], want_packages, "{name}");
            // Root's keys: the key pair's, then the ones typed, byte for byte (comments included).
            let mut keys: Vec<String> = Vec::new();
            if h.key_pair_key {
                keys.push(doc.key_pair.public_key.trim().to_owned());
            }
            keys.extend(
                h.authorized_keys
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned),
            );
            let got_keys = &got["users"]["users"]["root"]["openssh"]["authorizedKeys"]["keys"];
            let want_keys = if keys.is_empty() { Value::Null } else { json!(keys) };
            assert_eq!(*got_keys, want_keys, "{name}");
            let openssh = &got["services"]["openssh"];
            assert_eq!(
                openssh["enable"],
                if h.openssh { json!(true) } else { Value::Null },
                "{name}"
            );
            if h.openssh {
                assert_eq!(openssh["settings"]["PasswordAuthentication"], false, "{name}");
            }
            for (proto, key) in [("tcp", "TCP"), ("udp", "UDP")] {
                let (singles, ranges) = expected_ports(&doc, proto);
                let fw = &got["networking"]["firewall"];
                assert_eq!(fw["enable"], true, "{name}");
                assert_eq!(fw[format!("allowed{key}Ports")], json!(singles), "{name}: {proto}");
                let got_ranges: Vec<(u64, u64)> = fw[format!("allowed{key}PortRanges")]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|r| (r["from"].as_u64().expect("from"), r["to"].as_u64().expect("to")))
                            .collect()
                    })
                    .unwrap_or_default();
                assert_eq!(got_ranges, ranges, "{name}: {proto} ranges");
            }
            let on = |flag: bool| if flag { json!(true) } else { Value::Null };
            assert_eq!(got["services"]["fail2ban"]["enable"], on(h.fail2ban), "{name}");
            assert_eq!(got["services"]["tailscale"]["enable"], on(h.tailscale), "{name}");
            assert_eq!(got["system"]["autoUpgrade"]["enable"], on(h.auto_upgrade), "{name}");
            let features = if h.flakes {
                json!(["nix-command", "flakes"])
            } else {
                Value::Null
            };
            assert_eq!(got["nix"]["settings"]["experimental-features"], features, "{name}");
            let swap = if h.swap_mib.is_empty() {
                Value::Null
            } else {
                json!([{ "device": "/var/lib/swapfile", "size": h.swap_mib.parse::<u64>().expect("MiB") }])
            };
            assert_eq!(got["swapDevices"], swap, "{name}");
            let nginx = &got["services"]["nginx"];
            if h.nginx {
                let proxy = format!("http://127.0.0.1:{}", h.nginx_port);
                let vhost = if h.nginx_domain.is_empty() {
                    "default"
                } else {
                    h.nginx_domain.as_str()
                };
                assert_eq!(
                    nginx["virtualHosts"][vhost]["locations"]["/"]["proxyPass"],
                    proxy.as_str(),
                    "{name}"
                );
                if !h.nginx_domain.is_empty() {
                    assert_eq!(nginx["virtualHosts"][vhost]["enableACME"], true, "{name}");
                    assert_eq!(
                        got["security"]["acme"]["defaults"]["email"],
                        h.acme_email.as_str(),
                        "{name}"
                    );
                }
            } else {
                assert_eq!(*nginx, Value::Null, "{name}");
            }
            if h.extra_nix.is_empty() {
                assert_eq!(got["services"]["fwupd"], Value::Null, "{name}");
            } else {
                // The extra Nix is code: its bindings are evaluated, its string interpolated.
                assert_eq!(got["services"]["fwupd"]["enable"], true, "{name}");
                assert_eq!(got["environment"]["etc"]["motd"]["text"], "hi $HOME", "{name}");
            }
            assert_eq!(
                got["system"]["stateVersion"],
                stack.image.release.state_version(),
                "{name}"
            );
        }
    }
}
