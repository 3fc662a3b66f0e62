//! Named starting points for a document: `default` (the seed's stack, with our fixes),
//! `hardened` (every lint fix applied), `remote-state` (the default stack with its state in
//! S3), `hosts` (the default stack with its instance's own NixOS), `modules` (the default
//! stack written with the terraform-aws-modules) and `large` (a stress stack). The one list of them,
//! with the words the CLI and the app's Presets menu show, lives here; the fixes themselves
//! are defined once, in `lint`.

use super::document::{Document, InstanceDoc, RuleDoc, SubnetDoc, TagDoc};
use super::lint;

/// One preset: what it is called, how it is described, and how it is made.
pub struct Preset {
    /// The name for `nixform default --preset NAME` and `data-preset` in the app.
    pub name: &'static str,
    /// The menu's label.
    pub label: &'static str,
    /// The label inside a sentence ("Replace the whole form with the hardened stack?"). Kept
    /// apart because lower-casing at run time would ship Unicode's case tables (8 KB gzip).
    pub noun: &'static str,
    /// What the app says once it is loaded.
    pub loaded: &'static str,
    /// The document.
    pub build: fn() -> Document,
}

/// Every preset, in the menu's order.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "default",
        label: "Default stack",
        noun: "default stack",
        loaded: "Loaded the default stack. Undo brings back your form.",
        build: Document::default,
    },
    Preset {
        name: "hardened",
        label: "Hardened stack",
        noun: "hardened stack",
        loaded: "Loaded the hardened preset. SSH is allowed from 192.0.2.0/24, a documentation range: \
                 put your own address there, and paste your public key. Undo brings back your form.",
        build: hardened,
    },
    Preset {
        name: "remote-state",
        label: "Stack with remote state",
        noun: "stack with remote state",
        loaded: "Loaded the remote-state preset: the state goes to an S3 bucket, with a lock file. \
                 Bucket names are global: put your own in Provisioner › State bucket. Undo brings back your form.",
        build: remote_state,
    },
    Preset {
        name: "hosts",
        label: "Stack with a NixOS host",
        noun: "stack with a NixOS host",
        loaded: "Loaded the hosts preset: the instance gets its own NixOS configuration (OpenSSH, \
                 the firewall from the security group, git and htop, flakes), as its user data and \
                 in the flake. Undo brings back your form.",
        build: hosts,
    },
    Preset {
        name: "modules",
        label: "Stack with terraform-aws-modules",
        noun: "stack with terraform-aws-modules",
        loaded: "Loaded the modules preset: the network and the instance are the terraform-aws-modules \
                 vpc and ec2-instance modules; `tofu init` downloads them. Undo brings back your form.",
        build: modules,
    },
    Preset {
        name: "large",
        label: "Large stack (50 instances)",
        noun: "large stack (50 instances)",
        loaded: "Loaded the large preset. Undo brings back your form.",
        build: large,
    },
];

/// The preset called `name`.
pub fn by_name(name: &str) -> Option<Document> {
    PRESETS.iter().find(|p| p.name == name).map(|p| (p.build)())
}

/// The presets' names, for a usage message.
pub fn names() -> impl Iterator<Item = &'static str> {
    PRESETS.iter().map(|p| p.name)
}

/// The default stack with every lint fix applied; SSH is restricted to a documentation range
/// (192.0.2.0/24, RFC 5737) that the person replaces with their own address.
pub fn hardened() -> Document {
    let mut doc = Document::default();
    lint::harden(&mut doc, lint::EXAMPLE_ADMIN_CIDR);
    doc
}

/// The default stack whose instance has its own NixOS configuration: OpenSSH, the firewall
/// from the security group's rules, two extra packages and flakes.
pub fn hosts() -> Document {
    let mut doc = Document::default();
    for instance in &mut doc.instances {
        let nixos = &mut instance.nixos;
        nixos.enabled = true;
        nixos.openssh = true;
        nixos.firewall = true;
        nixos.flakes = true;
        nixos.packages = "git htop".to_owned();
    }
    doc
}

/// The default stack in modules mode.
pub fn modules() -> Document {
    Document {
        mode: "modules".into(),
        ..Document::default()
    }
}

/// The bucket name the remote-state preset suggests; the person replaces it (bucket names are
/// global).
pub const EXAMPLE_STATE_BUCKET: &str = "nixform-state-example";

/// The default stack with its state in S3, locked by a lock file (the zip then holds the
/// configuration that creates the bucket).
pub fn remote_state() -> Document {
    let mut doc = Document::default();
    let p = &mut doc.provisioner;
    p.backend = "s3".into();
    EXAMPLE_STATE_BUCKET.clone_into(&mut p.s3_bucket);
    doc
}

/// A stress stack for benchmarks: 50 instances over 4 subnets and 20 ingress rules.
pub fn large() -> Document {
    let mut doc = Document::default();
    doc.network.vpc_cidr = "10.10.0.0/16".into();
    doc.network.subnets = (0..4)
        .map(|i| SubnetDoc {
            name: format!("subnet-{i}"),
            cidr: format!("10.10.{i}.0/24"),
            availability_zone: String::new(),
        })
        .collect();
    doc.security_group.ingress = (0..20)
        .map(|i| RuleDoc {
            description: format!("Service {i}"),
            protocol: "tcp".into(),
            from_port: (8000 + i).to_string(),
            to_port: (8000 + i).to_string(),
            ipv4_cidrs: "10.0.0.0/8, 192.168.0.0/16".into(),
            ipv6_cidrs: String::new(),
        })
        .collect();
    doc.instances = (0..50)
        .map(|i| InstanceDoc {
            name: format!("node-{i:02}"),
            instance_type: "t3.small".into(),
            subnet: format!("subnet-{}", i % 4),
            tags: vec![
                TagDoc {
                    key: "Name".into(),
                    value: format!("node {i}"),
                },
                TagDoc {
                    key: "Role".into(),
                    value: "worker".into(),
                },
            ],
            ..InstanceDoc::default()
        })
        .collect();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_preset_is_named_once_and_its_noun_is_its_label() {
        for (i, preset) in PRESETS.iter().enumerate() {
            assert_eq!(
                preset.noun.to_lowercase(),
                preset.label.to_lowercase(),
                "{}",
                preset.name
            );
            assert!(
                PRESETS[..i].iter().all(|p| p.name != preset.name),
                "{} twice",
                preset.name
            );
            assert_eq!(by_name(preset.name), Some((preset.build)()));
        }
        assert_eq!(by_name("nope"), None);
    }
}
