//! What every text field is scanned for, and reporting every error at once.

use crate::{accepts, refuses, Edit};
use nixform::model::document::{Document, TagDoc};
use nixform::model::validate;

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
