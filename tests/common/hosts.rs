//! Stacks whose instances have their own NixOS configuration (issue 14), shared by
//! tests/hosts.rs and tests/host_eval.rs.

use nixform::model::document::{Document, InstanceDoc, RuleDoc};
use nixform::model::{presets, validate, Stack};

/// The default key pair's key body, with a comment of our own.
pub fn key(comment: &str) -> String {
    let default = Document::default().key_pair.public_key;
    let mut parts = default.split_whitespace();
    let (kind, body) = (parts.next().expect("kind"), parts.next().expect("body"));
    format!("{kind} {body} {comment}")
}

/// Two hosts: `web` with every service, nginx with ACME, swap, more keys with hostile comments
/// and extra Nix; `db` with nginx on plain HTTP and its own host name. A third instance,
/// `cache`, has no configuration, only raw user data of its own.
pub fn two_hosts() -> Document {
    let mut d = Document::default();
    d.security_group.ingress.extend([
        RuleDoc::http(),
        RuleDoc::https(),
        RuleDoc {
            description: "mosh".into(),
            protocol: "udp".into(),
            from_port: "60000".into(),
            to_port: "61000".into(),
            ipv4_cidrs: "0.0.0.0/0".into(),
            ipv6_cidrs: String::new(),
        },
        RuleDoc {
            description: "dns".into(),
            protocol: "udp".into(),
            from_port: "53".into(),
            to_port: "53".into(),
            ipv4_cidrs: "10.0.0.0/8".into(),
            ipv6_cidrs: String::new(),
        },
        RuleDoc::ssh(),
    ]);
    d.instances[0].name = "web".into();
    let web = &mut d.instances[0].nixos;
    web.enabled = true;
    web.time_zone = "Europe/Berlin".into();
    web.packages = "git, htop python3Packages.requests".into();
    web.authorized_keys = [
        key("${var.x} %{ if true }x%{ endif } $${y}"),
        key("\"quoted\" 'single' ''two'' back\\slash $ $$ ünï 😀"),
    ]
    .join("\n");
    web.swap_mib = "2048".into();
    web.fail2ban = true;
    web.tailscale = true;
    web.auto_upgrade = true;
    web.nginx = true;
    web.nginx_port = "3000".into();
    web.nginx_domain = "web.example.com".into();
    web.acme_email = "${ops}+'acme'{}$@example.com".into();
    web.extra_nix = "  services.fwupd.enable = true;\n  environment.etc.motd.text = ''${\"hi\"} $HOME'';".into();
    let mut db = InstanceDoc {
        name: "db".into(),
        ..InstanceDoc::default()
    };
    db.nixos.enabled = true;
    db.nixos.host_name = "database".into();
    db.nixos.time_zone = String::new();
    db.nixos.nginx = true;
    db.nixos.key_pair_key = false;
    db.nixos.openssh = false;
    db.nixos.flakes = false;
    d.instances.push(db);
    d.instances.push(InstanceDoc {
        name: "cache".into(),
        user_data: "#!/bin/sh\necho \"${HOME} %{x}\" > /etc/motd\n".into(),
        ..InstanceDoc::default()
    });
    d
}

/// Stacks with hosts, valid, with a name each.
pub fn host_stacks() -> Vec<(&'static str, Document, Stack)> {
    let mut arm = presets::hosts();
    arm.image.architecture = "arm64".into();
    arm.image.data_name = "nixos-arm64".into();
    arm.instances[0].instance_type = "t4g.small".into();
    arm.security_group.ingress.push(RuleDoc {
        protocol: "all".into(),
        from_port: String::new(),
        to_port: String::new(),
        ..RuleDoc::http()
    });
    [
        ("hosts preset", presets::hosts()),
        ("two hosts", two_hosts()),
        ("arm64, all traffic", arm),
    ]
    .into_iter()
    .map(|(name, doc)| {
        let stack = validate(&doc).unwrap_or_else(|e| panic!("{name}: {e:#?}"));
        (name, doc, stack)
    })
    .collect()
}
