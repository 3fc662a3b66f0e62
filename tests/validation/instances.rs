//! The key pair's public key, and the instances.

use crate::{accepts, refuses, wire, Edit};
use nixform::model::document::InstanceDoc;

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
            "`a very large one` is not an instance type of the form family.size",
            |d| d.instances[0].instance_type = "a very large one".into(),
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
            "16385 bytes; EC2 allows at most 16,384 (16 KB)",
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
