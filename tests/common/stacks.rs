//! The stacks the tests run on: the default, the presets and varied ones (hostile tags, NixOS
//! hosts, modules mode, several subnets and instances), each valid.

use nixform::model::document::{Document, InstanceDoc, RuleDoc, SubnetDoc, TagDoc};
use nixform::model::{presets, validate, Stack};

use super::HOSTILE;

/// A subnet of the document: name, CIDR block and availability zone, as typed.
pub fn subnet(name: &str, cidr: &str, availability_zone: &str) -> SubnetDoc {
    SubnetDoc {
        name: name.into(),
        cidr: cidr.into(),
        availability_zone: availability_zone.into(),
    }
}

/// The default stack and at least ten varied ones, each valid.
pub fn varied_documents() -> Vec<(&'static str, Document)> {
    let mut docs = vec![("default", Document::default()), ("hardened", presets::hardened())];

    let mut d = Document::default();
    d.image.architecture = "arm64".into();
    d.image.data_name = "nixos-arm64".into();
    d.network.vpc_cidr = "10.20.0.0/16".into();
    d.network.subnets = vec![
        subnet("public-a", "10.20.0.0/24", "ap-southeast-2a"),
        subnet("public-b", "10.20.1.0/24", ""),
        subnet("public_c", "10.20.2.0/28", "automatic"),
    ];
    d.instances = (0..3)
        .map(|i| InstanceDoc {
            name: format!("web-{i}"),
            instance_type: ["t4g.small", "m7g.medium", "c7g.large"][i].into(),
            subnet: ["public-a", "public-b", "public_c"][i].into(),
            ..InstanceDoc::default()
        })
        .collect();
    docs.push(("three subnets, three arm64 instances", d));

    let mut d = Document::default();
    d.security_group.name = "nixos ${host} {web}!".into();
    d.security_group.description = "Managed: $${x} {y} #1 (a,b) [c] @d +e =f &g ;h {i} !j $k *l".into();
    d.security_group.ingress = vec![
        RuleDoc::ssh(),
        RuleDoc::http(),
        RuleDoc::https(),
        RuleDoc {
            description: "mosh ${udp}".into(),
            protocol: "udp".into(),
            from_port: "60000".into(),
            to_port: "61000".into(),
            ipv4_cidrs: "10.0.0.0/8, 192.168.0.0/16".into(),
            ipv6_cidrs: String::new(),
        },
        RuleDoc {
            description: "ping".into(),
            protocol: "icmp".into(),
            from_port: "8".into(),
            to_port: "".into(),
            ipv4_cidrs: "0.0.0.0/0".into(),
            ipv6_cidrs: String::new(),
        },
        RuleDoc {
            description: "ping6".into(),
            protocol: "icmpv6".into(),
            from_port: "".into(),
            to_port: "".into(),
            ipv4_cidrs: String::new(),
            ipv6_cidrs: "::/0".into(),
        },
    ];
    docs.push(("custom rules with template syntax in names", d));

    let mut d = Document::default();
    d.instances[0].tags = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, v)| TagDoc {
            key: format!("k{i}"),
            value: (*v).into(),
        })
        .collect();
    docs.push(("hostile tag values", d));

    let mut d = Document::default();
    d.instances[0].tags = [
        "my key",
        "if",
        "a.b",
        "${x}",
        "%{y}",
        "with\"quote",
        "back\\slash",
        "Ünï",
        "in",
        "1st",
    ]
    .iter()
    .map(|k| TagDoc {
        key: (*k).into(),
        value: "v".into(),
    })
    .collect();
    docs.push(("tag keys that need quoting", d));

    let mut d = Document::default();
    d.instances[0].user_data = "{ pkgs, ... }:\n{\n  # ${not} %{interpolated}\n  environment.systemPackages = [ pkgs.htop ];\n  users.motd = ''\n    hello \"world\" \\ $HOME\t!\r\n  '';\n}\n".into();
    docs.push(("user data with Nix, templates, CR, LF and TAB", d));

    let mut d = Document::default();
    d.provider.shared_credentials_file = String::new();
    d.provider.shared_config_file = String::new();
    d.provider.profile = "prod-admin".into();
    d.provisioner.tool = "terraform".into();
    d.provisioner.unit_name = "infra:aws.prod".into();
    d.provisioner.state_directory = "nixform/prod".into();
    d.provisioner.host_system = "aarch64-linux".into();
    d.provisioner.host_name = "provisioner-1".into();
    docs.push(("profile credentials, terraform, custom unit", d));

    let mut d = Document::default();
    d.image.release = "custom".into();
    d.image.custom_pattern = "nixos/26.05.*-x86_64-linux".into();
    d.image.release = "25.11".into();
    d.network.subnets[0].availability_zone = String::new();
    docs.push(("25.11, automatic zone", d));

    let mut d = Document::default();
    d.image.release = "custom".into();
    d.image.custom_pattern = "my-nixos-*".into();
    d.outputs.public_dns = false;
    d.instances[0].public_ip = false;
    docs.push(("custom image, no public IP, no outputs", d));

    let mut d = presets::hardened();
    d.instances.push(InstanceDoc {
        name: "db".into(),
        instance_type: "r6i.large".into(),
        root_volume_size: "500".into(),
        root_volume_type: "io2".into(),
        tags: vec![TagDoc {
            key: "Name".into(),
            value: "database — primary".into(),
        }],
        ..InstanceDoc::default()
    });
    d.network.flow_log_retention_days = "0".into();
    docs.push(("hardened with a second instance", d));

    let mut d = Document::default();
    d.key_pair.key_name = "key with spaces ${and} %{more}".into();
    d.security_group.egress = vec![];
    d.security_group.ingress = vec![];
    docs.push(("no rules, template syntax in key name", d));

    // Provisioning (issue 15): remote state with hostile keys, encryption, credentials, modes.
    let mut d = presets::remote_state();
    d.provisioner.s3_key = "state/${var.x}/%{ if true }x%{ endif }/$${y}/\"quoted\" 'q' \\ ''${z}.tfstate".into();
    d.provisioner.s3_kms_key_id =
        "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab".into();
    d.provisioner.encryption = "passphrase".into();
    d.provisioner.passphrase_file = "/run/keys/$(secret)`x`;$HOME&|<>*".into();
    d.provisioner.credentials = "load-credential".into();
    docs.push(("remote state with a hostile key, passphrase, LoadCredential", d));

    let mut d = presets::remote_state();
    d.provisioner.s3_bucket = "my.state-bucket.2026".into();
    d.provisioner.s3_region = "eu-west-1".into();
    d.provisioner.encryption = "kms".into();
    d.provisioner.encryption_kms_key_id = "alias/tofu-state".into();
    d.provisioner.credentials = "environment-file".into();
    d.provisioner.environment_file = "/var/lib/secrets/aws-$env;`x`".into();
    d.provisioner.apply_on = "plan".into();
    docs.push(("remote state elsewhere, KMS encryption, environment file, plan only", d));

    let mut d = Document::default();
    d.provisioner.provider_source = "download".into();
    d.provisioner.apply_on = "boot".into();
    d.provisioner.tool = "terraform".into();
    d.provisioner.backend = "s3".into();
    d.provisioner.s3_bucket = "tf-state".into();
    docs.push(("terraform, provider downloaded, S3, apply at every boot", d));

    // The hosts' own NixOS (issue 14): host files beside the others, hostile text in them.
    docs.push(("hosts preset", presets::hosts()));
    let mut d = presets::hosts();
    d.instances.push(InstanceDoc {
        name: "db".into(),
        ..InstanceDoc::default()
    });
    for instance in &mut d.instances {
        let n = &mut instance.nixos;
        n.enabled = true;
        n.nginx = true;
        n.nginx_domain = format!("{}.example.com", instance.name.replace('_', "-"));
        n.acme_email = "${ops}+'%{x}'$@example.com".into();
        n.swap_mib = "512".into();
        n.extra_nix = "  environment.etc.motd.text = ''${\"$\"}{x} %{y}'';".into();
    }
    docs.push(("two hosts with nginx, ACME and extra Nix", d));

    // Modules mode (issue 13): the same form written with the terraform-aws-modules.
    docs.push(("modules preset", presets::modules()));
    docs.push((
        "modules: hardened, three subnets, two instances, a host",
        modules_varied(),
    ));
    docs
}

/// A modules-mode stack with every input the renderer writes: flow logs, the locked default
/// group, three subnets (one in an automatic zone), two instances (tags with hostile text,
/// IMDSv2, an IAM role, an encrypted volume), one with a NixOS host.
pub fn modules_varied() -> Document {
    let mut d = presets::hardened();
    d.mode = "modules".into();
    d.network.vpc_cidr = "10.30.0.0/16".into();
    d.network.flow_log_retention_days = "30".into();
    d.network.subnets = vec![
        subnet("web-a", "10.30.0.0/24", "ap-southeast-2a"),
        subnet("web-b", "10.30.1.0/24", "ap-southeast-2b"),
        subnet("web_c", "10.30.2.0/28", "automatic"),
    ];
    d.instances[0].subnet = "web-b".into();
    d.instances[0].tags = vec![TagDoc {
        key: "team ${x}".into(),
        value: "ops %{if} \"quoted\" \\ $HOME".into(),
    }];
    let mut second = d.instances[0].clone();
    second.name = "db".into();
    second.subnet = "web_c".into();
    second.public_ip = false;
    second.iam_role = false;
    second.imdsv2_required = false;
    second.nixos.enabled = true;
    second.nixos.packages = "htop".into();
    second.tags.push(TagDoc {
        key: "Name".into(),
        value: "database".into(),
    });
    d.instances.push(second);
    d
}

/// `varied_documents`, validated.
pub fn varied_stacks() -> Vec<(&'static str, Stack)> {
    varied_documents()
        .into_iter()
        .map(|(name, doc)| match validate(&doc) {
            Ok(stack) => (name, stack),
            Err(errors) => panic!("{name}: the test stack is invalid: {errors:#?}"),
        })
        .collect()
}
