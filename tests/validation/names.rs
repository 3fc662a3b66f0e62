//! Terraform names, AWS names and descriptions, and tags.

use crate::{accepts, refuses, Edit};
use nixform::model::document::{SubnetDoc, TagDoc};

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
        (
            "key name ASCII",
            "key_pair.key_name",
            "may only use ASCII characters",
            |d| d.key_pair.key_name = "clé".into(),
        ),
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
