//! A host file evaluates (nix-instantiate, with stand-in arguments) to what was typed, hostile
//! text included, and its firewall opens exactly the security group's TCP and UDP ingress
//! ports, computed here from the document's rules (issue 14). Fields with a syntax of their own
//! refuse hostile text, naming it; the free ones (key comments, the ACME e-mail's local part)
//! give it back byte for byte.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::hosts::{host_stacks, key};
use common::{nix_eval_json, write_files, HOSTILE};
use nixform::model::document::{Document, NixosDoc};
use nixform::model::{presets, validate};
use nixform::render::render_all;
use serde_json::{json, Value};

/// Stand-ins for what a host file's function is called with, and for the packages it names.
const PKGS: &str = "{ git = \"git\"; htop = \"htop\"; python3Packages.requests = \"python3Packages.requests\"; }";

/// The host file `file` evaluated as a plain attribute set, with stand-in arguments.
fn eval_host(file: &Path) -> Value {
    eval_host_with(file, PKGS)
}

/// The same, with `pkgs`, a Nix expression, as the packages.
fn eval_host_with(file: &Path, pkgs: &str) -> Value {
    let expr = file.with_extension("eval.nix");
    std::fs::write(
        &expr,
        format!("import {} {{ modulesPath = \"/m\"; pkgs = {pkgs}; }}\n", file.display()),
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

/// Sets one field of the first instance's configuration.
type Set = fn(&mut NixosDoc, &str);

#[test]
fn hostile_text_is_refused_where_a_field_has_a_syntax_naming_the_value() {
    let strict: [(&str, Set); 6] = [
        ("host_name", |n, v| n.host_name = v.into()),
        ("time_zone", |n, v| n.time_zone = v.into()),
        ("packages", |n, v| n.packages = v.into()),
        ("swap_mib", |n, v| n.swap_mib = v.into()),
        ("nginx_port", |n, v| n.nginx_port = v.into()),
        ("nginx_domain", |n, v| {
            n.nginx_domain = v.into();
            n.acme_email = "ops@example.com".into();
        }),
    ];
    for (field, set) in strict {
        for hostile in HOSTILE {
            let mut doc = presets::hosts();
            doc.instances[0].nixos.nginx = true;
            set(&mut doc.instances[0].nixos, hostile);
            let path = format!("instances[0].nixos.{field}");
            let errors = validate(&doc).expect_err(&format!("{field}: {hostile:?} is refused"));
            let error = errors
                .iter()
                .find(|e| e.path == path)
                .unwrap_or_else(|| panic!("{field}: {hostile:?}: no error at {path}: {errors:#?}"));
            // Packages are a list: the message names the first entry, which is the bad one.
            let shown = match field {
                "packages" => hostile.split([' ', ',']).find(|p| !p.is_empty()).expect("entry"),
                _ => hostile,
            };
            let message = error.kind.to_string();
            assert!(
                message.contains(&format!("`{shown}`")),
                "{field}: {hostile:?}: {message}"
            );
        }
    }
}

#[test]
fn hostile_key_comments_and_acme_local_parts_come_back_as_typed() {
    // Let's Encrypt takes a local part of printable ASCII without spaces, quotes or backslashes.
    let email_takes = |h: &str| h.is_ascii() && !h.contains([' ', '"', '\\']);
    assert!(HOSTILE.iter().any(|h| email_takes(h)) && HOSTILE.iter().any(|h| !email_takes(h)));
    let tmp = tempfile::tempdir().expect("tempdir");
    for (i, hostile) in HOSTILE.iter().enumerate() {
        let mut doc = presets::hosts();
        let n = &mut doc.instances[0].nixos;
        n.authorized_keys = [key(hostile), key(&format!("{hostile} {hostile}"))].join("\n");
        n.nginx = true;
        n.nginx_domain = "web.example.com".into();
        let email = format!("{hostile}@example.com");
        n.acme_email.clone_from(&email);
        if !email_takes(hostile) {
            let errors = validate(&doc).expect_err("refused");
            let path = "instances[0].nixos.acme_email";
            let error = errors
                .iter()
                .find(|e| e.path == path)
                .unwrap_or_else(|| panic!("{hostile:?}: no error at {path}: {errors:#?}"));
            assert!(error.kind.to_string().contains(&format!("`{email}`")), "{error:?}");
            doc.instances[0].nixos.acme_email = "ops@example.com".into();
        }
        let stack = validate(&doc).unwrap_or_else(|e| panic!("{hostile:?}: {e:#?}"));
        let dir = tmp.path().join(i.to_string());
        write_files(&dir, &render_all(&stack).expect("renders"));
        let got = eval_host(&dir.join(format!("hosts/{}.nix", doc.instances[0].name)));
        let typed = &doc.instances[0].nixos;
        let mut keys = vec![doc.key_pair.public_key.trim().to_owned()];
        keys.extend(typed.authorized_keys.lines().map(str::to_owned));
        assert_eq!(
            got["users"]["users"]["root"]["openssh"]["authorizedKeys"]["keys"],
            json!(keys),
            "{hostile:?}"
        );
        assert_eq!(
            got["security"]["acme"]["defaults"]["email"],
            typed.acme_email.as_str(),
            "{hostile:?}"
        );
    }
}

#[test]
fn packages_named_like_nix_keywords_are_the_packages_of_that_name() {
    let mut doc = presets::hosts();
    doc.instances[0].nixos.packages = "if or inherit.let assert".into();
    let stack = validate(&doc).expect("valid");
    let tmp = tempfile::tempdir().expect("tempdir");
    write_files(tmp.path(), &render_all(&stack).expect("renders"));
    let file = tmp.path().join(format!("hosts/{}.nix", doc.instances[0].name));
    let pkgs = r#"{ "if" = "if"; "or" = "or"; "inherit" = { "let" = "inherit.let"; }; "assert" = "assert"; }"#;
    let got = eval_host_with(&file, pkgs);
    assert_eq!(
        got["environment"]["systemPackages"],
        json!(["if", "or", "inherit.let", "assert"])
    );
}

#[test]
fn every_package_list_that_validates_renders() {
    for package in [
        "outPath",
        "_type",
        "_module",
        "__functor",
        "__toString",
        "python3Packages.outPath",
    ] {
        let mut doc = presets::hosts();
        doc.instances[0].nixos.packages = package.into();
        // Either a field error on the packages, or a host file that selects the package.
        match validate(&doc) {
            Err(errors) => assert!(
                errors.iter().any(|e| e.path == "instances[0].nixos.packages"),
                "{package}: {errors:#?}"
            ),
            Ok(stack) => {
                let files = render_all(&stack).unwrap_or_else(|e| panic!("{package}: valid, yet {e}"));
                assert!(files.hosts[0].1.contains("environment.systemPackages"), "{package}");
            }
        }
    }
}
