//! An instance's NixOS configuration (`instances[i].nixos`): host name, time zone, packages,
//! keys, swap, nginx and ACME, control characters, and what it excludes (raw user data, the
//! provisioning host's name).

use crate::{accepts, refuses, wire, Edit};
use nixform::model::document::Document;

/// The default stack with its instance's configuration on, then `edit`.
fn on(edit: impl Fn(&mut Document)) -> impl Fn(&mut Document) {
    move |d: &mut Document| {
        d.instances[0].nixos.enabled = true;
        edit(d);
    }
}

#[test]
fn values_a_host_takes() {
    accepts("off, anything goes", |d| {
        d.instances[0].nixos.packages = "${not checked}".into()
    });
    accepts("the defaults", on(|_| {}));
    accepts(
        "every field",
        on(|d| {
            let n = &mut d.instances[0].nixos;
            n.host_name = "web-1".into();
            n.time_zone = "America/Argentina/Buenos_Aires".into();
            n.packages = "git, htop python3Packages.requests nodejs_22".into();
            n.swap_mib = "1024".into();
            n.nginx = true;
            n.nginx_port = "3000".into();
            n.nginx_domain = "web.example.com".into();
            n.acme_email = "ops+acme@example.com".into();
            n.extra_nix = "services.fwupd.enable = true;\n  # ${code}, as typed".into();
        }),
    );
    accepts(
        "UTC and an empty time zone",
        on(|d| d.instances[0].nixos.time_zone = "UTC".into()),
    );
    accepts("no time zone", on(|d| d.instances[0].nixos.time_zone = String::new()));
    accepts(
        "Area/Location",
        on(|d| d.instances[0].nixos.time_zone = "Europe/Berlin".into()),
    );
    accepts("the provisioning host's name, without a configuration", |d| {
        d.instances[0].name = d.provisioner.host_name.clone()
    });
    accepts(
        "nginx without a domain needs no e-mail",
        on(|d| d.instances[0].nixos.nginx = true),
    );
    accepts(
        "the instance's name with `_` as the host name",
        on(|d| d.instances[0].name = "web_1".into()),
    );
    accepts(
        "more keys, one per line",
        on(|d| {
            let key = d.key_pair.public_key.clone();
            d.instances[0].nixos.authorized_keys = format!("{key}\n\n  {key} laptop  \n");
        }),
    );
}

#[test]
fn values_a_host_refuses_name_the_value_and_the_field() {
    let cases: [(&str, &str, &str, Edit); 16] = [
        (
            "host name with _",
            "instances[0].nixos.host_name",
            "`db_1` is not a DNS label",
            |d| d.instances[0].nixos.host_name = "db_1".into(),
        ),
        (
            "host name too long",
            "instances[0].nixos.host_name",
            "is not a DNS label",
            |d| d.instances[0].nixos.host_name = "a".repeat(64),
        ),
        (
            "host name with a leading -",
            "instances[0].nixos.host_name",
            "`-web` is not a DNS label",
            |d| d.instances[0].nixos.host_name = "-web".into(),
        ),
        (
            "time zone without area",
            "instances[0].nixos.time_zone",
            "`Berlin` is not a time zone",
            |d| d.instances[0].nixos.time_zone = "Berlin".into(),
        ),
        (
            "time zone without location",
            "instances[0].nixos.time_zone",
            "`Europe/` is not a time zone",
            |d| d.instances[0].nixos.time_zone = "Europe/".into(),
        ),
        (
            "package with Nix in it",
            "instances[0].nixos.packages",
            "`${pkgs}` is not a nixpkgs attribute path",
            |d| d.instances[0].nixos.packages = "git ${pkgs}".into(),
        ),
        (
            "package starting with a digit",
            "instances[0].nixos.packages",
            "`3d` is not a nixpkgs attribute path",
            |d| d.instances[0].nixos.packages = "3d".into(),
        ),
        (
            "swap not a number",
            "instances[0].nixos.swap_mib",
            "`1G` is not a whole number",
            |d| d.instances[0].nixos.swap_mib = "1G".into(),
        ),
        (
            "swap zero",
            "instances[0].nixos.swap_mib",
            "must be between 1 and",
            |d| d.instances[0].nixos.swap_mib = "0".into(),
        ),
        (
            "nginx port out of range",
            "instances[0].nixos.nginx_port",
            "`70000` must be between 1 and 65535",
            |d| {
                d.instances[0].nixos.nginx = true;
                d.instances[0].nixos.nginx_port = "70000".into();
            },
        ),
        (
            "nginx domain not a domain",
            "instances[0].nixos.nginx_domain",
            "`localhost` is not a domain name",
            |d| {
                d.instances[0].nixos.nginx = true;
                d.instances[0].nixos.nginx_domain = "localhost".into();
                d.instances[0].nixos.acme_email = "ops@example.com".into();
            },
        ),
        (
            "ACME e-mail not an address",
            "instances[0].nixos.acme_email",
            "`ops` is not an email address",
            |d| {
                d.instances[0].nixos.nginx = true;
                d.instances[0].nixos.nginx_domain = "web.example.com".into();
                d.instances[0].nixos.acme_email = "ops".into();
            },
        ),
        (
            "a key that is not a key",
            "instances[0].nixos.authorized_keys",
            "line 2:",
            |d| {
                let key = d.key_pair.public_key.clone();
                d.instances[0].nixos.authorized_keys = format!("{key}\nssh-ed25519 AAAA!!");
            },
        ),
        (
            "raw user data as well",
            "instances[0].user_data",
            "exclude each other",
            |d| d.instances[0].user_data = "#!/bin/sh\n".into(),
        ),
        (
            "the provisioning host's name",
            "instances[0].name",
            "also the provisioning host's name",
            |d| d.instances[0].name = d.provisioner.host_name.clone(),
        ),
        (
            "a key of the wrong type in its body",
            "instances[0].nixos.authorized_keys",
            "line 1:",
            |d| d.instances[0].nixos.authorized_keys = format!("ssh-rsa {}", wire(&[b"ssh-ed25519", &[7; 32]])),
        ),
    ];
    for (what, path, message, edit) in cases {
        refuses(what, path, message, on(edit));
    }
    let clash = format!(
        "`{}` is also the provisioning host's name",
        Document::default().provisioner.host_name
    );
    refuses(
        "the provisioning host's name, named",
        "instances[0].name",
        &clash,
        on(|d| d.instances[0].name = d.provisioner.host_name.clone()),
    );
    refuses(
        "packages on two lines",
        "instances[0].nixos.packages",
        "control character",
        on(|d| d.instances[0].nixos.packages = "git\nhtop".into()),
    );
}

/// Sets one text field of the instance's configuration.
type SetText = fn(&mut Document, &str);

#[test]
fn nul_and_control_characters_are_refused_in_every_host_field() {
    let fields: [(&str, SetText); 8] = [
        ("host_name", |d, v| d.instances[0].nixos.host_name = v.into()),
        ("time_zone", |d, v| d.instances[0].nixos.time_zone = v.into()),
        ("packages", |d, v| d.instances[0].nixos.packages = v.into()),
        ("authorized_keys", |d, v| {
            d.instances[0].nixos.authorized_keys = v.into()
        }),
        ("swap_mib", |d, v| d.instances[0].nixos.swap_mib = v.into()),
        ("nginx_port", |d, v| d.instances[0].nixos.nginx_port = v.into()),
        ("nginx_domain", |d, v| d.instances[0].nixos.nginx_domain = v.into()),
        ("extra_nix", |d, v| d.instances[0].nixos.extra_nix = v.into()),
    ];
    for (field, set) in fields {
        for bad in ["a\0b", "a\u{7}b", "a\u{1b}[31mb"] {
            let path = format!("instances[0].nixos.{field}");
            refuses(
                &format!("{field}: {bad:?}"),
                &path,
                "control character",
                on(move |d| {
                    d.instances[0].nixos.nginx = true;
                    set(d, bad);
                }),
            );
        }
    }
    refuses(
        "the ACME e-mail",
        "instances[0].nixos.acme_email",
        "control character",
        on(|d| {
            let n = &mut d.instances[0].nixos;
            n.nginx = true;
            n.nginx_domain = "web.example.com".into();
            n.acme_email = "ops\u{0}@example.com".into();
        }),
    );
}
