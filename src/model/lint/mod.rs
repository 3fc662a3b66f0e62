//! The live security lint: what a scanner (checkov) would flag in the rendered stack, why,
//! and a one-click fix for each. Findings are computed from the typed [`Stack`] (here); fixes
//! edit the [`Document`], the form's state (`fix`). The agreement with checkov is tested in
//! `tests/checkov.rs`. Nothing here renders text.
//!
//! [`Document`]: super::document::Document

mod fix;

pub use fix::{apply, check_admin_cidr, harden, Fix};

use super::names::Cidr4;
use super::stack::{Mode, Protocol, Rule, Stack};

/// The documentation range (RFC 5737) the hardened preset puts in place of "anywhere" for SSH,
/// to be replaced by the person's own address.
pub const EXAMPLE_ADMIN_CIDR: &str = "192.0.2.0/24";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    High,
    Medium,
    Low,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
            Severity::Info => "info",
        }
    }
}

/// One rule of the lint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    SshOpen,
    ImdsV1,
    UnencryptedRoot,
    OpenEgress,
    NoMonitoring,
    NotEbsOptimized,
    DefaultSgOpen,
    NoFlowLogs,
    NoIamRole,
    PublicIp,
    NoDescription,
    ExampleKey,
    ExampleCidr,
    CredentialsInFlake,
    ModuleSource,
}

impl Check {
    /// Every check, in the order findings are listed: by severity, then as declared.
    pub const ALL: [Check; 15] = [
        Check::SshOpen,
        Check::ImdsV1,
        Check::UnencryptedRoot,
        Check::ExampleKey,
        Check::CredentialsInFlake,
        Check::OpenEgress,
        Check::DefaultSgOpen,
        Check::NoFlowLogs,
        Check::NoIamRole,
        Check::ExampleCidr,
        Check::NoMonitoring,
        Check::NotEbsOptimized,
        Check::NoDescription,
        Check::PublicIp,
        Check::ModuleSource,
    ];

    /// The checkov ID (or a nixform ID for checks checkov does not have).
    pub fn id(self) -> &'static str {
        match self {
            Check::SshOpen => "CKV_AWS_24",
            Check::ImdsV1 => "CKV_AWS_79",
            Check::UnencryptedRoot => "CKV_AWS_8",
            Check::OpenEgress => "CKV_AWS_382",
            Check::NoMonitoring => "CKV_AWS_126",
            Check::NotEbsOptimized => "CKV_AWS_135",
            Check::DefaultSgOpen => "CKV2_AWS_12",
            Check::NoFlowLogs => "CKV2_AWS_11",
            Check::NoIamRole => "CKV2_AWS_41",
            Check::PublicIp => "CKV_AWS_88",
            Check::NoDescription => "CKV_AWS_23",
            Check::ExampleKey => "NIXFORM_1",
            Check::ExampleCidr => "NIXFORM_2",
            Check::CredentialsInFlake => "NIXFORM_3",
            Check::ModuleSource => "CKV_TF_1",
        }
    }

    /// Whether checkov has this check (the agreement test compares these).
    pub fn is_checkov(self) -> bool {
        self.id().starts_with("CKV")
    }

    pub fn severity(self) -> Severity {
        match self {
            Check::SshOpen | Check::ImdsV1 | Check::UnencryptedRoot | Check::ExampleKey | Check::CredentialsInFlake => {
                Severity::High
            }
            Check::OpenEgress | Check::DefaultSgOpen | Check::NoFlowLogs | Check::NoIamRole | Check::ExampleCidr => {
                Severity::Medium
            }
            Check::NoMonitoring | Check::NotEbsOptimized | Check::NoDescription => Severity::Low,
            Check::PublicIp | Check::ModuleSource => Severity::Info,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Check::SshOpen => "SSH (port 22) is open to the whole internet",
            Check::ImdsV1 => "IMDSv1 is not explicitly disabled",
            Check::UnencryptedRoot => "The root volume is not encrypted",
            Check::OpenEgress => "All outbound traffic is allowed to anywhere",
            Check::NoMonitoring => "Detailed monitoring is off",
            Check::NotEbsOptimized => "The instance is not EBS-optimized",
            Check::DefaultSgOpen => "The VPC's default security group is not locked down",
            Check::NoFlowLogs => "The VPC has no flow logs",
            Check::NoIamRole => "The instance has no IAM role",
            Check::PublicIp => "The instance has a public IP address",
            Check::NoDescription => "The security group or one of its rules has no description",
            Check::ExampleKey => "The key pair is nixform's example key",
            Check::ExampleCidr => "SSH is allowed from a documentation address range",
            Check::CredentialsInFlake => "A secret file lies inside the flake's directory",
            Check::ModuleSource => "The module is pinned by a version range, not a commit",
        }
    }

    /// One sentence of why it matters.
    pub fn why(self) -> &'static str {
        match self {
            Check::SshOpen => "Bots scan the whole IPv4 space for SSH within minutes; allow only the addresses you connect from.",
            Check::ImdsV1 => "IMDSv1 answers any request from the host, so an SSRF bug can steal the instance's credentials; require IMDSv2 tokens.",
            Check::UnencryptedRoot => "Snapshots and detached copies of an unencrypted volume expose the Nix store and any secrets on it.",
            Check::OpenEgress => "A compromised host can reach anything; allowing only HTTPS and HTTP still lets NixOS fetch from its caches.",
            Check::NoMonitoring => "Basic monitoring samples every 5 minutes; detailed monitoring (1 minute, billed) catches short spikes.",
            Check::NotEbsOptimized => "Without dedicated EBS bandwidth, network traffic competes with disk I/O (t2 cannot; the fix moves to t3, which is also cheaper).",
            Check::DefaultSgOpen => "Anything launched without a group lands in the default group, which allows all traffic between its members.",
            Check::NoFlowLogs => "Without flow logs there is no record of who connected to the host when something goes wrong.",
            Check::NoIamRole => "A role lets the host use AWS APIs with short-lived credentials instead of long-lived keys copied onto it.",
            Check::NoDescription => "Descriptions tell the next person (or you, in a year) why a port is open before they dare to close it.",
            Check::PublicIp => "Expected for a host you reach over SSH; remove the public IP only if you reach it through a VPN or bastion.",
            Check::ExampleKey => "Nobody holds the private half of the example key: paste your own public key or you cannot log in.",
            Check::ExampleCidr => "192.0.2.0/24 is reserved for documentation: replace it with the address you connect from.",
            Check::CredentialsInFlake => "Nix copies a flake's directory into the world-readable Nix store: keep secrets outside it, e.g. in /var/lib/secrets.",
            Check::ModuleSource => "`init` takes the newest release the range admits, and the lock file pins providers, not modules; informational: the registry source with a version is how the modules are meant to be used.",
        }
    }
}

/// A finding: which check, on what, where in the form, and the fix (if one click can fix it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    /// The Terraform address, e.g. `aws_instance.nixos_x86-64` (in modules mode
    /// `module.nixos_x86-64`).
    pub resource: String,
    /// In modules mode, the module input that the finding is about and the fix sets.
    pub input: Option<&'static str>,
    /// The document path of the field to look at.
    pub field: String,
    pub fix: Option<Fix>,
}

fn rule_opens_ssh_to_world(r: &Rule) -> bool {
    r.covers_port(22) && r.open_to_world()
}

fn rule_is_open_egress(r: &Rule) -> bool {
    r.protocol == Protocol::All && r.open_to_world()
}

/// Whether `file` is `dir` or lies below it (both absolute, `dir` without a trailing `/`).
fn inside(dir: &str, file: &str) -> bool {
    dir == "/" || file == dir || file.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'))
}

/// Every finding for `stack`, in a stable order (by severity and check, then resource).
///
/// Findings are produced in that order rather than sorted afterwards: each check but the
/// per-instance ones finds at most one resource, and instances are visited in name order.
pub fn lint(stack: &Stack) -> Vec<Finding> {
    let mut out = Vec::new();
    let sg = format!("aws_security_group.{}", stack.security_group.resource_name);
    let modules = stack.mode == Mode::Modules;
    let vpc = stack.vpc_address();
    let mut add = |check, resource: &str, field: String, fix| {
        out.push(Finding {
            check,
            resource: resource.to_owned(),
            input: if resource.starts_with("module.") {
                module_input(check)
            } else {
                None
            },
            field,
            fix,
        })
    };
    let group = &stack.security_group;
    let example_cidr = EXAMPLE_ADMIN_CIDR.parse::<Cidr4>().ok();
    // Instances in name order (the order of their Terraform addresses), equal names in index
    // order.
    let name = |i: usize| stack.instances[i].name.as_str();
    let mut order: Vec<usize> = Vec::with_capacity(stack.instances.len());
    for i in 0..stack.instances.len() {
        order.insert(order.partition_point(|&j| name(j) <= name(i)), i);
    }
    for check in Check::ALL {
        match check {
            Check::SshOpen => {
                if let Some(i) = group.ingress.iter().position(rule_opens_ssh_to_world) {
                    add(
                        check,
                        &sg,
                        format!("security_group.ingress[{i}].ipv4_cidrs"),
                        Some(Fix::RestrictSsh),
                    );
                }
            }
            Check::ExampleCidr => {
                let example = |r: &Rule| r.covers_port(22) && r.ipv4.iter().any(|c| Some(*c) == example_cidr);
                if let Some(i) = group.ingress.iter().position(example) {
                    add(check, &sg, format!("security_group.ingress[{i}].ipv4_cidrs"), None);
                }
            }
            Check::OpenEgress => {
                if let Some(i) = group.egress.iter().position(rule_is_open_egress) {
                    add(
                        check,
                        &sg,
                        format!("security_group.egress[{i}].protocol"),
                        Some(Fix::RestrictEgress),
                    );
                }
            }
            Check::NoDescription => {
                if group.description.is_none() {
                    add(check, &sg, "security_group.description".into(), Some(Fix::Describe));
                } else if let Some((dir, i)) = [("ingress", &group.ingress), ("egress", &group.egress)]
                    .into_iter()
                    .find_map(|(dir, rules)| rules.iter().position(|r| r.description.is_empty()).map(|i| (dir, i)))
                {
                    add(
                        check,
                        &sg,
                        format!("security_group.{dir}[{i}].description"),
                        Some(Fix::Describe),
                    );
                }
            }
            Check::DefaultSgOpen => {
                if !stack.network.restrict_default_security_group {
                    add(
                        check,
                        &vpc,
                        "network.restrict_default_security_group".into(),
                        Some(Fix::LockDefaultSecurityGroup),
                    );
                }
            }
            Check::NoFlowLogs => {
                if stack.network.flow_logs.is_none() {
                    add(check, &vpc, "network.flow_logs".into(), Some(Fix::EnableFlowLogs));
                }
            }
            Check::ExampleKey => {
                if stack.key_pair.public_key == super::document::EXAMPLE_PUBLIC_KEY.trim() {
                    add(
                        check,
                        &format!("aws_key_pair.{}", stack.key_pair.resource_name),
                        "key_pair.public_key".into(),
                        None,
                    );
                }
            }
            Check::CredentialsInFlake => {
                let p = &stack.provisioner;
                let unit = format!("systemd.services.{}", p.unit_name);
                for (field, file) in p.secret_files(&stack.provider) {
                    if inside(&p.flake_directory, file) {
                        add(check, &unit, field.to_owned(), None);
                    }
                }
            }
            Check::ModuleSource => {
                if modules {
                    add(check, &vpc, "mode".into(), None);
                    for &i in &order {
                        add(check, &stack.instance_address(&stack.instances[i]), "mode".into(), None);
                    }
                }
            }
            Check::ImdsV1
            | Check::UnencryptedRoot
            | Check::NoMonitoring
            | Check::NotEbsOptimized
            | Check::NoIamRole
            | Check::PublicIp => {
                for &i in &order {
                    let inst = &stack.instances[i];
                    let (flagged, field, fix) = match check {
                        Check::ImdsV1 => (!inst.imdsv2_required, "imdsv2_required", Some(Fix::RequireImdsV2(i))),
                        Check::UnencryptedRoot => (
                            !inst.root_volume_encrypted,
                            "root_volume_encrypted",
                            Some(Fix::EncryptRoot(i)),
                        ),
                        Check::NoMonitoring => (!inst.monitoring, "monitoring", Some(Fix::EnableMonitoring(i))),
                        Check::NotEbsOptimized => (!inst.ebs_optimized, "ebs_optimized", Some(Fix::EbsOptimize(i))),
                        Check::NoIamRole => (!inst.iam_role, "iam_role", Some(Fix::AddIamRole(i))),
                        _ => (inst.public_ip, "public_ip", None),
                    };
                    if flagged {
                        add(
                            check,
                            &stack.instance_address(inst),
                            format!("instances[{i}].{field}"),
                            fix,
                        );
                    }
                }
            }
        }
    }
    out
}

/// The module input that a finding on a module is about (and that its fix sets).
fn module_input(check: Check) -> Option<&'static str> {
    Some(match check {
        Check::ImdsV1 => "metadata_options",
        Check::UnencryptedRoot => "root_block_device",
        Check::NoMonitoring => "monitoring",
        Check::NotEbsOptimized => "ebs_optimized",
        Check::NoIamRole => "create_iam_instance_profile",
        Check::PublicIp => "associate_public_ip_address",
        Check::DefaultSgOpen => "manage_default_security_group",
        Check::NoFlowLogs => "enable_flow_log",
        Check::ModuleSource => "version",
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
