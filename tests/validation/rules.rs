//! Security group rules: protocols, ports, ICMP types and codes, CIDR lists.

use crate::{accepts, refuses, Edit};
use nixform::model::document::{Document, RuleDoc};
use nixform::model::validate;

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
