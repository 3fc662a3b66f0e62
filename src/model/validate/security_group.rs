//! The security group: its AWS name and description, and every rule (protocol, ports or ICMP
//! type and code, CIDR blocks).

use super::{field, item, starts_with_ignore_case, Validator, K};
use crate::model::document::{Document, RuleDoc};
use crate::model::names::{Cidr4, Cidr6};
use crate::model::stack::{Protocol, Rule, SecurityGroup};

/// AWS's characters for security group names, descriptions and rule descriptions, besides
/// ASCII letters, digits and space.
const SG_PUNCTUATION: &str = "._-:/()#,@[]+=&;{}!$*";

impl Validator {
    /// AWS's rule for security group names and descriptions.
    fn sg_text(&mut self, path: &str, text: &str, what: &'static str) {
        if !self.ok(path) {
            return;
        }
        if !text.chars().all(|c| {
            c.is_ascii_alphanumeric() || c == ' ' || (c.is_ascii() && SG_PUNCTUATION.as_bytes().contains(&(c as u8)))
        }) {
            self.push(
                path,
                K::BadCharacters {
                    what,
                    value: text.to_owned(),
                    allowed: "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
                },
            );
        } else {
            self.max_len(path, text, what, 255);
        }
    }

    pub(super) fn security_group(&mut self, doc: &Document) -> Option<SecurityGroup> {
        let g = &doc.security_group;
        let resource_name = self.parse("security_group.resource_name", &g.resource_name);
        self.sg_text("security_group.name", &g.name, "the group name");
        if starts_with_ignore_case(&g.name, "sg-") {
            self.push("security_group.name", K::SgPrefix(g.name.clone()));
        }
        self.sg_text("security_group.description", &g.description, "the description");
        let ingress = self.rules("security_group.ingress", &g.ingress);
        let egress = self.rules("security_group.egress", &g.egress);
        Some(SecurityGroup {
            resource_name: resource_name?,
            name: Self::optional(&g.name),
            description: Self::optional(&g.description),
            ingress: ingress?,
            egress: egress?,
        })
    }

    /// Every rule of a list is checked, so each shows its errors.
    fn rules(&mut self, list: &str, docs: &[RuleDoc]) -> Option<Vec<Rule>> {
        let mut out = Vec::new();
        let mut all_ok = true;
        for (i, r) in docs.iter().enumerate() {
            match self.rule(&item(list, i), r) {
                Some(rule) => out.push(rule),
                None => all_ok = false,
            }
        }
        all_ok.then_some(out)
    }

    fn rule(&mut self, base: &str, r: &RuleDoc) -> Option<Rule> {
        self.sg_text(&field(base, "description"), &r.description, "the rule description");
        let protocol = match r.protocol.as_str() {
            "tcp" => Some(Protocol::Tcp),
            "udp" => Some(Protocol::Udp),
            "icmp" => Some(Protocol::Icmp),
            "icmpv6" => Some(Protocol::Icmpv6),
            "all" | "-1" => Some(Protocol::All),
            other => {
                self.push(
                    &field(base, "protocol"),
                    K::NotOneOf(other.to_owned(), "tcp, udp, icmp, icmpv6, all"),
                );
                None
            }
        };
        let (from_path, to_path) = (field(base, "from_port"), field(base, "to_port"));
        let ports = match protocol {
            Some(Protocol::Tcp | Protocol::Udp) => {
                let from = self.number(&from_path, r.from_port.trim(), "port", 0, 65535);
                let to = self.number(&to_path, r.to_port.trim(), "port", 0, 65535);
                match (from, to) {
                    (Some(f), Some(t)) if f > t => {
                        self.push(
                            &to_path,
                            K::PortOrder {
                                from: f as u16,
                                to: t as u16,
                            },
                        );
                        None
                    }
                    (Some(f), Some(t)) => Some((f as i32, t as i32)),
                    _ => None,
                }
            }
            // AWS: from_port is the ICMP type, to_port the ICMP code; -1 means all.
            Some(Protocol::Icmp | Protocol::Icmpv6) => {
                let icmp = |v: &mut Self, path: &str, text: &str, what| match text.trim() {
                    "" => Some(-1),
                    t => v.number(path, t, what, -1, 255),
                };
                let ty = icmp(self, &from_path, &r.from_port, "ICMP type");
                let code = icmp(self, &to_path, &r.to_port, "ICMP code");
                match (ty, code) {
                    (Some(-1), Some(c)) if c != -1 => {
                        self.push(
                            &to_path,
                            K::OutOfRange {
                                what: "ICMP code (all types means all codes)",
                                value: r.to_port.clone(),
                                min: -1,
                                max: -1,
                            },
                        );
                        None
                    }
                    (Some(t), Some(c)) => Some((t as i32, c as i32)),
                    _ => None,
                }
            }
            Some(Protocol::All) => Some((0, 0)),
            None => None,
        };
        let v4_path = field(base, "ipv4_cidrs");
        let ipv4: Option<Vec<Cidr4>> = self.cidrs(&v4_path, &r.ipv4_cidrs);
        let ipv6: Option<Vec<Cidr6>> = self.cidrs(&field(base, "ipv6_cidrs"), &r.ipv6_cidrs);
        if let (Some(v4), Some(v6)) = (&ipv4, &ipv6) {
            if v4.is_empty() && v6.is_empty() {
                self.push(&v4_path, K::Required);
                return None;
            }
        }
        let (Some(protocol), Some((from_port, to_port)), Some(ipv4), Some(ipv6)) = (protocol, ports, ipv4, ipv6) else {
            return None;
        };
        Some(Rule {
            description: r.description.clone(),
            protocol,
            from_port,
            to_port,
            ipv4,
            ipv6,
        })
    }
}
