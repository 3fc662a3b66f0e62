//! Every validation rule, with cases it accepts and cases it refuses. Each refusal names the
//! field's path and a message that names the bad value.

#![cfg(not(target_arch = "wasm32"))]

use base64::Engine as _;
use nixform::model::document::{Document, InstanceDoc, RuleDoc, SubnetDoc, TagDoc};
use nixform::model::validate;

type Edit = fn(&mut Document);

#[track_caller]
fn accepts(what: &str, edit: impl Fn(&mut Document)) {
    let mut doc = Document::default();
    edit(&mut doc);
    if let Err(errors) = validate(&doc) {
        panic!("{what}: expected valid, got {errors:#?}");
    }
}

#[track_caller]
fn refuses(what: &str, path: &str, message: &str, edit: impl Fn(&mut Document)) {
    let mut doc = Document::default();
    edit(&mut doc);
    let errors = validate(&doc)
        .err()
        .unwrap_or_else(|| panic!("{what}: expected an error at {path}"));
    let found = errors
        .iter()
        .find(|e| e.path == path)
        .unwrap_or_else(|| panic!("{what}: no error at {path}; got {errors:#?}"));
    let text = found.kind.to_string();
    assert!(
        text.contains(message),
        "{what}: message {text:?} should contain {message:?}"
    );
}

fn wire(parts: &[&[u8]]) -> String {
    let mut out = Vec::new();
    for p in parts {
        out.extend_from_slice(&(p.len() as u32).to_be_bytes());
        out.extend_from_slice(p);
    }
    base64::engine::general_purpose::STANDARD.encode(out)
}

#[test]
fn cidrs_and_subnets() {
    accepts("a /16 VPC", |d| d.network.vpc_cidr = "10.10.0.0/16".into());
    accepts("a /28 VPC with a /28 subnet", |d| {
        d.network.vpc_cidr = "10.10.0.0/28".into();
        d.network.subnets[0].cidr = "10.10.0.0/28".into();
    });
    accepts("two adjacent subnets", |d| {
        d.network.subnets.push(SubnetDoc {
            name: "b".into(),
            cidr: "10.10.0.128/25".into(),
            availability_zone: "ap-southeast-2b".into(),
        })
    });
    let cases: [(&str, &str, &str, Edit); 8] = [
        (
            "malformed",
            "network.vpc_cidr",
            "`10.10.0.0` is not a CIDR block",
            |d| d.network.vpc_cidr = "10.10.0.0".into(),
        ),
        ("host bits", "network.vpc_cidr", "did you mean `10.10.0.0/24`", |d| {
            d.network.vpc_cidr = "10.10.0.7/24".into()
        }),
        ("too big", "network.vpc_cidr", "between /16 and /28", |d| {
            d.network.vpc_cidr = "10.0.0.0/8".into()
        }),
        ("too small", "network.vpc_cidr", "between /16 and /28", |d| {
            d.network.vpc_cidr = "10.10.0.0/29".into()
        }),
        (
            "subnet outside",
            "network.subnets[0].cidr",
            "not inside the VPC block `10.10.0.0/24`",
            |d| d.network.subnets[0].cidr = "10.11.0.0/25".into(),
        ),
        ("subnet < /28", "network.subnets[0].cidr", "smaller than /28", |d| {
            d.network.subnets[0].cidr = "10.10.0.0/29".into()
        }),
        (
            "overlap",
            "network.subnets[1].cidr",
            "overlaps subnet `10.10.0.0/25`",
            |d| {
                d.network.subnets.push(SubnetDoc {
                    name: "b".into(),
                    cidr: "10.10.0.64/26".into(),
                    availability_zone: String::new(),
                })
            },
        ),
        ("no subnets", "network.subnets", "at least one subnet", |d| {
            d.network.subnets.clear()
        }),
    ];
    for (what, path, message, edit) in cases {
        refuses(what, path, message, edit);
    }
}

#[test]
fn zones_and_regions() {
    accepts("automatic", |d| {
        d.network.subnets[0].availability_zone = "automatic".into()
    });
    accepts("another region", |d| {
        d.provider.region = "eu-west-1".into();
        d.network.subnets[0].availability_zone = "eu-west-1c".into();
    });
    refuses(
        "zone of another region",
        "network.subnets[0].availability_zone",
        "not in region `ap-southeast-2`",
        |d| d.network.subnets[0].availability_zone = "us-east-1a".into(),
    );
    refuses(
        "unknown region",
        "provider.region",
        "`mars-north-1` is not an AWS commercial region",
        |d| d.provider.region = "mars-north-1".into(),
    );
    refuses(
        "relative credentials path",
        "provider.shared_credentials_file",
        "not a valid path",
        |d| d.provider.shared_credentials_file = "aws/credentials".into(),
    );
}

#[test]
fn ssh_public_keys() {
    let ed = format!("ssh-ed25519 {} me@laptop", wire(&[b"ssh-ed25519", &[9u8; 32]]));
    let mut n = vec![0u8];
    n.extend([0xc5u8; 512]);
    let rsa4096 = format!("ssh-rsa {}", wire(&[b"ssh-rsa", &[1, 0, 1], &n]));
    let ec = format!(
        "ecdsa-sha2-nistp521 {}",
        wire(&[b"ecdsa-sha2-nistp521", b"nistp521", &[4u8; 133]])
    );
    let sk = format!(
        "sk-ecdsa-sha2-nistp256@openssh.com {}",
        wire(&[b"sk-ecdsa-sha2-nistp256@openssh.com", b"nistp256", &[4u8; 65], b"ssh:"])
    );
    for key in [ed, rsa4096, ec, sk] {
        accepts(&key.clone(), move |d| d.key_pair.public_key = key.clone());
    }
    let rsa1024 = format!("ssh-rsa {}", wire(&[b"ssh-rsa", &[1, 0, 1], &[0xc5u8; 128]]));
    let lying = format!("ssh-ed25519 {}", wire(&[b"ssh-rsa", &[1, 0, 1], &[0xc5u8; 256]]));
    let cases = [
        (rsa1024, "1024 bits; at least 2048"),
        (lying, "body holds a `ssh-rsa` key"),
        ("ssh-ed25519 AAAA%%%%".to_owned(), "not valid base64"),
        (
            "ssh-dss AAAAB3NzaC1kc3M=".to_owned(),
            "`ssh-dss` is not a supported key type",
        ),
        (String::new(), "paste your OpenSSH public key"),
    ];
    for (key, message) in cases {
        refuses(&key.clone(), "key_pair.public_key", message, move |d| {
            d.key_pair.public_key = key.clone()
        });
    }
}

#[test]
fn secrets_are_refused_in_any_field() {
    let private = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----";
    refuses(
        "private key as public key",
        "key_pair.public_key",
        "a private key",
        move |d| d.key_pair.public_key = private.into(),
    );
    refuses(
        "private key in user data",
        "instances[0].user_data",
        "a private key",
        move |d| d.instances[0].user_data = private.into(),
    );
    refuses(
        "access key id in a tag",
        "instances[0].tags[0].value",
        "an AWS access key ID",
        |d| {
            d.instances[0].tags.push(TagDoc {
                key: "k".into(),
                value: "AKIAIOSFODNN7EXAMPLE".into(),
            })
        },
    );
    refuses(
        "secret key in profile",
        "provider.profile",
        "an AWS secret access key",
        |d| d.provider.profile = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
    );
}

#[test]
fn instances() {
    accepts("arm64 image with a Graviton type", |d| {
        d.image.architecture = "arm64".into();
        d.instances[0].instance_type = "t4g.small".into();
    });
    accepts("sizes at the limits", |d| {
        d.instances[0].root_volume_size = "16384".into()
    });
    accepts("16 KB of user data", |d| {
        d.instances[0].user_data = "#!/bin/sh\n".to_owned() + &"x".repeat(16374)
    });
    let cases: [(&str, &str, &str, Edit); 10] = [
        (
            "shape",
            "instances[0].instance_type",
            "`t2medium` is not an instance type",
            |d| d.instances[0].instance_type = "t2medium".into(),
        ),
        (
            "arm type on x86 image",
            "instances[0].instance_type",
            "instance type `t4g.small` is arm64, but the image is x86_64",
            |d| d.instances[0].instance_type = "t4g.small".into(),
        ),
        (
            "x86 type on arm image",
            "instances[0].instance_type",
            "is x86_64, but the image is arm64",
            |d| d.image.architecture = "arm64".into(),
        ),
        (
            "root too small",
            "instances[0].root_volume_size",
            "`3` must be between 4 and 16384",
            |d| d.instances[0].root_volume_size = "3".into(),
        ),
        (
            "root too big",
            "instances[0].root_volume_size",
            "must be between 4 and 16384",
            |d| d.instances[0].root_volume_size = "16385".into(),
        ),
        (
            "root not a number",
            "instances[0].root_volume_size",
            "`30GB` is not a whole number",
            |d| d.instances[0].root_volume_size = "30GB".into(),
        ),
        (
            "user data > 16 KB",
            "instances[0].user_data",
            "16385 bytes; EC2 allows at most 16384",
            |d| d.instances[0].user_data = "x".repeat(16385),
        ),
        (
            "unknown subnet",
            "instances[0].subnet",
            "`nowhere` names no subnet",
            |d| d.instances[0].subnet = "nowhere".into(),
        ),
        (
            "duplicate names",
            "instances[1].name",
            "`nixos_x86-64` is used twice",
            |d| d.instances.push(InstanceDoc::default()),
        ),
        (
            "t2 cannot be EBS-optimized",
            "instances[0].ebs_optimized",
            "t2 instances cannot be EBS-optimized",
            |d| d.instances[0].ebs_optimized = true,
        ),
    ];
    for (what, path, message, edit) in cases {
        refuses(what, path, message, edit);
    }
    refuses("no instances", "instances", "at least one instance", |d| {
        d.instances.clear()
    });
    refuses(
        "gone release",
        "image.release",
        "NixOS 25.05 images are no longer published",
        |d| d.image.release = "25.05".into(),
    );
}

#[test]
fn names_and_tags() {
    accepts("AWS's whole SG alphabet", |d| {
        d.security_group.name = "web ._-:/()#,@[]+=&;{}!$*".into();
        d.security_group.description = "a".repeat(255);
    });
    accepts("unicode tag", |d| {
        d.instances[0].tags.push(TagDoc {
            key: "Név".into(),
            value: "日本語 ✓".into(),
        })
    });
    let cases: [(&str, &str, &str, Edit); 12] = [
        ("sg- prefix", "security_group.name", "must not start with `sg-`", |d| {
            d.security_group.name = "sg-web".into()
        }),
        ("SG name alphabet", "security_group.name", "may only use letters", |d| {
            d.security_group.name = "web%".into()
        }),
        (
            "SG description length",
            "security_group.description",
            "256 characters long; at most 255",
            |d| d.security_group.description = "a".repeat(256),
        ),
        (
            "rule description alphabet",
            "security_group.ingress[0].description",
            "may only use letters",
            |d| d.security_group.ingress[0].description = "naïve".into(),
        ),
        (
            "key name length",
            "key_pair.key_name",
            "256 characters long; at most 255",
            |d| d.key_pair.key_name = "k".repeat(256),
        ),
        ("key name ASCII", "key_pair.key_name", "ASCII only", |d| {
            d.key_pair.key_name = "clé".into()
        }),
        (
            "tag key length",
            "instances[0].tags[0].key",
            "128 characters long; at most 127",
            |d| {
                d.instances[0].tags.push(TagDoc {
                    key: "k".repeat(128),
                    value: String::new(),
                })
            },
        ),
        (
            "tag value length",
            "instances[0].tags[0].value",
            "257 characters long; at most 256",
            |d| {
                d.instances[0].tags.push(TagDoc {
                    key: "k".into(),
                    value: "v".repeat(257),
                })
            },
        ),
        ("aws: prefix", "instances[0].tags[0].key", "starts with `aws:`", |d| {
            d.instances[0].tags.push(TagDoc {
                key: "AWS:foo".into(),
                value: String::new(),
            })
        }),
        (
            "Nix-reserved key",
            "instances[0].tags[0].key",
            "reserved by terranix",
            |d| {
                d.instances[0].tags.push(TagDoc {
                    key: "outPath".into(),
                    value: String::new(),
                })
            },
        ),
        (
            "resource name",
            "network.vpc_name",
            "`my vpc` is not a Terraform name",
            |d| d.network.vpc_name = "my vpc".into(),
        ),
        ("duplicate subnet", "network.subnets[1].name", "is used twice", |d| {
            d.network.subnets.push(SubnetDoc {
                name: "nix-subnet".into(),
                cidr: "10.10.0.128/25".into(),
                availability_zone: String::new(),
            })
        }),
    ];
    for (what, path, message, edit) in cases {
        refuses(what, path, message, edit);
    }
    refuses(
        "duplicate tag",
        "instances[0].tags[1].key",
        "the tag key `a` is used twice",
        |d| {
            d.instances[0].tags = vec![
                TagDoc {
                    key: "a".into(),
                    value: "1".into(),
                },
                TagDoc {
                    key: "a".into(),
                    value: "2".into(),
                },
            ];
        },
    );
}

#[test]
fn rules_and_ports() {
    accepts("port range", |d| {
        d.security_group.ingress.push(RuleDoc {
            description: "x".into(),
            protocol: "udp".into(),
            from_port: "0".into(),
            to_port: "65535".into(),
            ipv4_cidrs: "10.0.0.0/8".into(),
            ipv6_cidrs: String::new(),
        })
    });
    accepts("all ICMP", |d| {
        d.security_group.ingress.push(RuleDoc {
            description: "icmp".into(),
            protocol: "icmp".into(),
            from_port: String::new(),
            to_port: String::new(),
            ipv4_cidrs: "0.0.0.0/0".into(),
            ipv6_cidrs: String::new(),
        })
    });
    accepts("IPv6 only", |d| {
        d.security_group.ingress.push(RuleDoc {
            ipv4_cidrs: String::new(),
            ipv6_cidrs: "2001:db8::/32 ::/0".into(),
            ..RuleDoc::https()
        })
    });
    let cases: [(&str, &str, &str, Edit); 7] = [
        (
            "port too big",
            "security_group.ingress[0].to_port",
            "`65536` must be between 0 and 65535",
            |d| d.security_group.ingress[0].to_port = "65536".into(),
        ),
        (
            "negative port",
            "security_group.ingress[0].from_port",
            "`-1` must be between 0 and 65535",
            |d| d.security_group.ingress[0].from_port = "-1".into(),
        ),
        (
            "from > to",
            "security_group.ingress[0].to_port",
            "from port 22 is greater than to port 21",
            |d| d.security_group.ingress[0].to_port = "21".into(),
        ),
        (
            "unknown protocol",
            "security_group.ingress[0].protocol",
            "`sctp` is not one of",
            |d| d.security_group.ingress[0].protocol = "sctp".into(),
        ),
        (
            "ICMP type range",
            "security_group.ingress[0].from_port",
            "ICMP type `256` must be between -1 and 255",
            |d| {
                d.security_group.ingress[0].protocol = "icmp".into();
                d.security_group.ingress[0].from_port = "256".into();
            },
        ),
        ("no CIDR", "security_group.ingress[0].ipv4_cidrs", "required", |d| {
            d.security_group.ingress[0].ipv4_cidrs = String::new()
        }),
        (
            "bad IPv6",
            "security_group.ingress[0].ipv6_cidrs",
            "not an IPv6 CIDR block",
            |d| d.security_group.ingress[0].ipv6_cidrs = "2001:db8::/200".into(),
        ),
    ];
    for (what, path, message, edit) in cases {
        refuses(what, path, message, edit);
    }
    // "all" means protocol -1 and ports 0, whatever was typed in the port fields.
    let mut doc = Document::default();
    doc.security_group.egress[0].from_port = "123".into();
    let stack = validate(&doc).expect("valid");
    let rule = &stack.security_group.egress[0];
    assert_eq!((rule.protocol.aws_name(), rule.from_port, rule.to_port), ("-1", 0, 0));
    // ICMP: empty type and code mean -1 (all), as AWS defines them.
    let mut doc = Document::default();
    doc.security_group.ingress[0] = RuleDoc {
        description: "ping".into(),
        protocol: "icmp".into(),
        from_port: "8".into(),
        to_port: String::new(),
        ipv4_cidrs: "0.0.0.0/0".into(),
        ipv6_cidrs: String::new(),
    };
    let stack = validate(&doc).expect("valid");
    assert_eq!(
        (
            stack.security_group.ingress[0].from_port,
            stack.security_group.ingress[0].to_port
        ),
        (8, -1)
    );
}

#[test]
fn control_and_invisible_characters() {
    let cases: [(&str, &str, &str, Edit); 5] = [
        ("NUL", "security_group.name", "NUL", |d| {
            d.security_group.name = "a\0b".into()
        }),
        (
            "newline in a single-line field",
            "key_pair.key_name",
            "a line break",
            |d| d.key_pair.key_name = "a\nb".into(),
        ),
        ("escape character", "instances[0].instance_type", "U+001B", |d| {
            d.instances[0].instance_type = "t3.micro\u{1b}[31m".into()
        }),
        ("bidi override", "instances[0].tags[0].value", "U+202E", |d| {
            d.instances[0].tags.push(TagDoc {
                key: "k".into(),
                value: "abc\u{202e}def".into(),
            })
        }),
        ("NUL in user data", "instances[0].user_data", "NUL", |d| {
            d.instances[0].user_data = "a\0".into()
        }),
    ];
    for (what, path, message, edit) in cases {
        refuses(what, path, message, edit);
    }
    accepts("newlines and tabs in user data", |d| {
        d.instances[0].user_data = "line\n\tindented\r\n".into()
    });
}

#[test]
fn every_error_is_reported_at_once() {
    let mut doc = Document::default();
    doc.network.vpc_cidr = "bad".into();
    doc.instances[0].instance_type = "bad".into();
    doc.provisioner.unit_name = "bad unit".into();
    doc.key_pair.public_key = String::new();
    let errors = validate(&doc).expect_err("invalid");
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    for p in [
        "network.vpc_cidr",
        "instances[0].instance_type",
        "provisioner.unit_name",
        "key_pair.public_key",
    ] {
        assert!(paths.contains(&p), "{p} missing from {paths:?}");
    }
}
