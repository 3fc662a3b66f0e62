//! Named starting points for a document: `default` (the seed's stack, with our fixes) and
//! `hardened` (every lint fix applied). Only documents live here; the fixes themselves are
//! defined once, in `lint`.

use super::document::{Document, InstanceDoc, RuleDoc, SubnetDoc, TagDoc};
use super::lint;

pub const NAMES: &[&str] = &["default", "hardened", "large"];

/// The preset called `name`.
pub fn by_name(name: &str) -> Option<Document> {
    match name {
        "default" => Some(Document::default()),
        "hardened" => Some(hardened()),
        "large" => Some(large()),
        _ => None,
    }
}

/// The default stack with every lint fix applied; SSH is restricted to a documentation range
/// (192.0.2.0/24, RFC 5737) that the person replaces with their own address.
pub fn hardened() -> Document {
    let mut doc = Document::default();
    lint::harden(&mut doc, lint::EXAMPLE_ADMIN_CIDR);
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
