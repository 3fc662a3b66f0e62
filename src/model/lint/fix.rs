//! The lint's one-click fixes: each edits the document (the form's state) the way a person
//! would, so the fixed stack is validated and linted again like any other.

use super::lint;
use crate::model::document::{Document, InstanceDoc, RuleDoc};
use crate::model::error::FieldErrorKind;
use crate::model::names::Cidr4;
use crate::model::validate::{cidr_list, validate};

/// A one-click change to the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fix {
    /// Replace "anywhere" with a CIDR the person types, in every rule that opens port 22.
    RestrictSsh,
    RequireImdsV2(usize),
    EncryptRoot(usize),
    RestrictEgress,
    EnableMonitoring(usize),
    EbsOptimize(usize),
    LockDefaultSecurityGroup,
    EnableFlowLogs,
    AddIamRole(usize),
    Describe,
}

impl Fix {
    pub fn label(&self) -> &'static str {
        match self {
            Fix::RestrictSsh => "Restrict SSH to",
            Fix::RequireImdsV2(_) => "Require IMDSv2",
            Fix::EncryptRoot(_) => "Encrypt the root volume",
            Fix::RestrictEgress => "Allow only HTTPS and HTTP out",
            Fix::EnableMonitoring(_) => "Enable detailed monitoring",
            Fix::EbsOptimize(_) => "Make EBS-optimized",
            Fix::LockDefaultSecurityGroup => "Lock the default group",
            Fix::EnableFlowLogs => "Add flow logs",
            Fix::AddIamRole(_) => "Add an IAM role",
            Fix::Describe => "Add descriptions",
        }
    }

    /// Whether the fix needs a CIDR typed by the person.
    pub fn needs_cidr(&self) -> bool {
        matches!(self, Fix::RestrictSsh)
    }
}

/// Apply `fix` to the document. `admin_cidr` is used by [`Fix::RestrictSsh`] only; the caller
/// checks it parses (see [`check_admin_cidr`]).
pub fn apply(doc: &mut Document, fix: &Fix, admin_cidr: &str) {
    match *fix {
        Fix::RestrictSsh => {
            for rule in &mut doc.security_group.ingress {
                let covers_22 = match rule.protocol.as_str() {
                    "all" | "-1" => true,
                    "tcp" => {
                        let port = |text: &str| text.trim().parse::<u16>().ok();
                        matches!((port(&rule.from_port), port(&rule.to_port)), (Some(f), Some(t)) if f <= 22 && 22 <= t)
                    }
                    _ => false,
                };
                if !covers_22 {
                    continue;
                }
                let world4 = cidr_list(&rule.ipv4_cidrs).any(|c| c == "0.0.0.0/0");
                let world6 = cidr_list(&rule.ipv6_cidrs).any(|c| c == "::/0");
                if world4 || world6 {
                    let mut kept: Vec<&str> = cidr_list(&rule.ipv4_cidrs).filter(|c| *c != "0.0.0.0/0").collect();
                    if !kept.contains(&admin_cidr) {
                        kept.push(admin_cidr);
                    }
                    rule.ipv4_cidrs = kept.join(", ");
                    rule.ipv6_cidrs = cidr_list(&rule.ipv6_cidrs)
                        .filter(|c| *c != "::/0")
                        .collect::<Vec<_>>()
                        .join(", ");
                }
            }
        }
        Fix::RestrictEgress => {
            let open = |r: &RuleDoc| {
                matches!(r.protocol.as_str(), "all" | "-1")
                    && (cidr_list(&r.ipv4_cidrs).any(|c| c == "0.0.0.0/0")
                        || cidr_list(&r.ipv6_cidrs).any(|c| c == "::/0"))
            };
            let egress = &mut doc.security_group.egress;
            if let Some(pos) = egress.iter().position(open) {
                // Every rule before `pos` stays, so the new rules take the first open rule's place.
                egress.retain(|r| !open(r));
                let mut https = RuleDoc::https();
                https.description = "Allow HTTPS out (Nix caches, AWS APIs)".into();
                let mut http = RuleDoc::http();
                http.description = "Allow HTTP out".into();
                egress.insert(pos, http);
                egress.insert(pos, https);
            }
        }
        Fix::LockDefaultSecurityGroup => doc.network.restrict_default_security_group = true,
        Fix::Describe => {
            let g = &mut doc.security_group;
            if g.description.trim().is_empty() {
                g.description = "NixOS host, managed by nixform".into();
            }
            for (dir, rules) in [("in", &mut g.ingress), ("out", &mut g.egress)] {
                for r in rules.iter_mut().filter(|r| r.description.trim().is_empty()) {
                    let (from, to) = (r.from_port.trim(), r.to_port.trim());
                    r.description = match r.protocol.as_str() {
                        "all" | "-1" => format!("Allow all traffic {dir}"),
                        p if from.is_empty() => format!("Allow {p} {dir}"),
                        p if from == to || to.is_empty() => format!("Allow {p} {from} {dir}"),
                        p => format!("Allow {p} {from}-{to} {dir}"),
                    };
                }
            }
        }
        Fix::EnableFlowLogs => {
            doc.network.flow_logs = true;
            if doc.network.flow_log_retention_days.trim().is_empty() {
                doc.network.flow_log_retention_days = "365".into();
            }
        }
        Fix::RequireImdsV2(i) => edit(doc, i, |d| d.imdsv2_required = true),
        Fix::EncryptRoot(i) => edit(doc, i, |d| d.root_volume_encrypted = true),
        Fix::EnableMonitoring(i) => edit(doc, i, |d| d.monitoring = true),
        Fix::AddIamRole(i) => edit(doc, i, |d| d.iam_role = true),
        Fix::EbsOptimize(i) => edit(doc, i, |d| {
            if let Some(size) = d.instance_type.strip_prefix("t2.") {
                d.instance_type = format!("t3.{size}");
            }
            d.ebs_optimized = true;
        }),
    }
}

fn edit(doc: &mut Document, i: usize, f: impl FnOnce(&mut InstanceDoc)) {
    if let Some(inst) = doc.instances.get_mut(i) {
        f(inst);
    }
}

/// The CIDR a person typed for the SSH fix: a valid IPv4 block that is not "anywhere".
pub fn check_admin_cidr(text: &str) -> Result<Cidr4, String> {
    let cidr: Cidr4 = text.trim().parse().map_err(|e: FieldErrorKind| e.to_string())?;
    if cidr.is_anywhere() {
        return Err("0.0.0.0/0 is the whole internet; type the address you connect from, like 203.0.113.7/32".into());
    }
    Ok(cidr)
}

/// Apply every fix the lint offers for the document's stack, until none is left.
pub fn harden(doc: &mut Document, admin_cidr: &str) {
    for _ in 0..4 {
        let Ok(stack) = validate(doc) else {
            return;
        };
        let fixes: Vec<Fix> = lint(&stack).into_iter().filter_map(|f| f.fix).collect();
        if fixes.is_empty() {
            return;
        }
        for fix in &fixes {
            apply(doc, fix, admin_cidr);
        }
    }
}
