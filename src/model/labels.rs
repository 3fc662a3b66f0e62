//! Field paths as the form labels them: "Subnet 1 › Availability zone" for
//! `network.subnets[0].availability_zone`. Each field's own label ([`Text::label`],
//! [`Flag::label`]) is the one string the form shows next to the control, so messages and the
//! form cannot name a field differently.
//!
//! Belongs here: the words for fields, sections and list items. Does not belong here: help
//! texts and choices (the UI's), and document paths themselves (`edit::paths`).

use crate::model::edit::{Flag, HostFlag, HostText, InstanceFlag, InstanceText, RuleText, SubnetText, Text};

/// The separator between a list item (or section) and a field: "Subnet 1 › Name".
pub const SEPARATOR: &str = " › ";

impl Text {
    /// The field's own label in the form, e.g. "Availability zone".
    pub fn label(self) -> &'static str {
        match self {
            Text::Mode => "Write the stack as",
            Text::Region => "Region",
            Text::SharedCredentialsFile => "Shared credentials file",
            Text::SharedConfigFile => "Shared config file",
            Text::Profile => "Profile",
            Text::Release => "Release",
            Text::CustomPattern => "AMI name pattern",
            Text::Architecture => "Architecture",
            Text::AmiDataName => "AMI data source name",
            Text::VpcName => "VPC name",
            Text::VpcCidr => "VPC CIDR block",
            Text::GatewayName => "Internet gateway name",
            Text::RouteTableName => "Route table name",
            Text::RouteName => "Route name",
            Text::FlowLogRetentionDays => "Flow log retention (days)",
            Text::Subnet(_, SubnetText::Name) => "Name",
            Text::Subnet(_, SubnetText::Cidr) => "CIDR block",
            Text::Subnet(_, SubnetText::AvailabilityZone) => "Availability zone",
            Text::SecurityGroupResourceName | Text::KeyPairResourceName => "Resource name",
            Text::SecurityGroupName => "Group name",
            Text::SecurityGroupDescription => "Description",
            Text::Rule(_, _, field) => match field {
                RuleText::Description => "Description",
                RuleText::Protocol => "Protocol",
                RuleText::FromPort => "From port",
                RuleText::ToPort => "To port",
                RuleText::Ipv4Cidrs => "IPv4 CIDR blocks",
                RuleText::Ipv6Cidrs => "IPv6 CIDR blocks",
            },
            Text::KeyName => "Key name",
            Text::PublicKey => "Public key",
            Text::Instance(_, field) => match field {
                InstanceText::Name => "Name",
                InstanceText::InstanceType => "Instance type",
                InstanceText::Subnet => "Subnet",
                InstanceText::RootVolumeSize => "Root volume size (GiB)",
                InstanceText::RootVolumeType => "Root volume type",
                InstanceText::UserData => "User data",
            },
            Text::Host(_, field) => match field {
                HostText::HostName => "Host name",
                HostText::TimeZone => "Time zone",
                HostText::Packages => "Extra packages",
                HostText::AuthorizedKeys => "More SSH keys for root",
                HostText::SwapMib => "Swap file (MiB)",
                HostText::NginxPort => "Proxied local port",
                HostText::NginxDomain => "Domain for HTTPS",
                HostText::AcmeEmail => "Let's Encrypt email",
                HostText::ExtraNix => "Extra Nix",
            },
            Text::TagKey(..) => "Key",
            Text::TagValue(..) => "Value",
            Text::UnitName => "Unit name",
            Text::StateDirectory => "State directory",
            Text::Tool => "Tool",
            Text::HostName => "Host name",
            Text::HostSystem => "Host system",
            Text::ProviderSource => "AWS provider",
            Text::ApplyOn => "When to apply",
            Text::Backend => "State backend",
            Text::S3Bucket => "State bucket",
            Text::S3Key => "State key",
            Text::S3Region => "Bucket region",
            Text::S3KmsKeyId => "Bucket KMS key ARN",
            Text::Encryption => "State encryption",
            Text::PassphraseFile => "Passphrase file",
            Text::EncryptionKmsKeyId => "Encryption KMS key",
            Text::Credentials => "Credentials",
            Text::EnvironmentFile => "Environment file",
            Text::FlakeDirectory => "Flake directory",
        }
    }
}

impl Flag {
    /// The checkbox's own label in the form, e.g. "Require IMDSv2".
    pub fn label(self) -> &'static str {
        match self {
            Flag::RestrictDefaultSecurityGroup => "Lock the VPC's default security group",
            Flag::FlowLogs => "VPC flow logs",
            Flag::OutputPublicIp => "Public IP",
            Flag::OutputPublicDns => "Public DNS name",
            Flag::OutputSshCommand => "SSH command",
            Flag::Instance(_, field) => match field {
                InstanceFlag::PublicIp => "Public IP address",
                InstanceFlag::RootVolumeEncrypted => "Encrypt the root volume",
                InstanceFlag::Imdsv2Required => "Require IMDSv2",
                InstanceFlag::Monitoring => "Detailed monitoring",
                InstanceFlag::EbsOptimized => "EBS-optimized",
                InstanceFlag::IamRole => "IAM role",
                InstanceFlag::IgnoreAmiChanges => "Ignore AMI changes",
            },
            Flag::Host(_, field) => match field {
                HostFlag::Enabled => "Write this host's NixOS configuration",
                HostFlag::KeyPairKey => "Root accepts the key pair",
                HostFlag::Openssh => "OpenSSH, no passwords",
                HostFlag::Firewall => "Firewall from the security group",
                HostFlag::Fail2ban => "fail2ban",
                HostFlag::Tailscale => "Tailscale",
                HostFlag::Nginx => "nginx reverse proxy",
                HostFlag::AutoUpgrade => "Automatic upgrades",
                HostFlag::Flakes => "Flakes",
            },
        }
    }
}

/// The form's sections (their legends), by the document's top-level key.
fn section(key: &str) -> Option<&'static str> {
    Some(match key {
        "mode" => "Write the stack as",
        "provider" => "Provider and credentials",
        "image" => "NixOS image",
        "network" => "Network",
        "security_group" => "Security group",
        "key_pair" => "Key pair",
        "outputs" => "Outputs",
        "provisioner" => "Provisioner",
        "instances" => "Instances",
        _ => return None,
    })
}

/// An object inside a list item, by its key.
fn part(key: &str) -> Option<&'static str> {
    (key == "nixos").then_some("NixOS")
}

/// A list's name, and its items' name, by the list's path.
fn list(path: &str) -> Option<(&'static str, &'static str)> {
    Some(match path {
        "network.subnets" => ("Subnets", "Subnet"),
        "security_group.ingress" => ("Inbound rules", "Inbound rule"),
        "security_group.egress" => ("Outbound rules", "Outbound rule"),
        "instances" => ("Instances", "Instance"),
        "tags" => ("Tags", "Tag"),
        _ => return None,
    })
}

/// A field's label from its key, as a sample field of that kind labels it.
fn leaf(container: &str, key: &str) -> Option<&'static str> {
    use crate::model::document::Document;
    // A document with one element in every list, so every kind of field has a sample.
    let mut doc = Document::default();
    doc.instances[0].tags.push(Default::default());
    let sample_path = format!("{container}{key}");
    let text = Text::all(&doc)
        .into_iter()
        .find(|t| t.path() == sample_path)
        .map(Text::label);
    text.or_else(|| {
        Flag::all(&doc)
            .into_iter()
            .find(|f| f.path() == sample_path)
            .map(Flag::label)
    })
}

/// `path` as the form labels it.
///
/// ```
/// use nixform::model::labels::field_label;
/// assert_eq!(field_label("network.subnets[0].availability_zone"), "Subnet 1 › Availability zone");
/// assert_eq!(field_label("instances[1].tags[0].key"), "Instance 2 › Tag 1 › Key");
/// assert_eq!(field_label("security_group.ingress[2].ipv4_cidrs"), "Inbound rule 3 › IPv4 CIDR blocks");
/// assert_eq!(field_label("instances[0].nixos.time_zone"), "Instance 1 › NixOS › Time zone");
/// assert_eq!(field_label("network.subnets"), "Subnets");
/// assert_eq!(field_label("network.vpc_cidr"), "Network › VPC CIDR block");
/// assert_eq!(field_label("no.such.path"), "no.such.path");
/// ```
pub fn field_label(path: &str) -> String {
    label(path).unwrap_or_else(|| path.to_owned())
}

fn label(path: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    // The sample path of the container so far (`instances[0].`), and the list path key so far.
    let mut container = String::new();
    let mut rest = path;
    let mut first = true;
    while !rest.is_empty() {
        let (segment, tail) = rest.split_once('.').unwrap_or((rest, ""));
        rest = tail;
        let (key, index) = match segment.split_once('[') {
            Some((key, i)) => (key, Some(i.strip_suffix(']')?.parse::<usize>().ok()?)),
            None => (segment, None),
        };
        let list_key = if container.ends_with("].") {
            key.to_owned()
        } else {
            format!("{container}{key}")
        };
        if let Some((plural, singular)) = list(&list_key) {
            match index {
                Some(i) => {
                    words.push(format!("{singular} {}", i.checked_add(1)?));
                    container = format!("{container}{key}[0].");
                }
                None if rest.is_empty() => words.push(plural.to_owned()),
                None => return None,
            }
        } else if index.is_some() {
            return None;
        } else if rest.is_empty() {
            if first {
                words.push(section(key)?.to_owned());
            } else {
                if words.is_empty() {
                    words.push(section(container.trim_end_matches('.'))?.to_owned());
                }
                words.push(leaf(&container, key)?.to_owned());
            }
        } else if first {
            section(key)?;
            container = format!("{key}.");
        } else if let Some(name) = part(key).filter(|_| container.ends_with("].")) {
            // An object inside a list item: `instances[0].nixos.`.
            words.push(name.to_owned());
            container = format!("{container}{key}.");
        } else {
            return None;
        }
        first = false;
    }
    Some(words.join(SEPARATOR))
}

#[cfg(test)]
mod tests {
    use super::field_label;
    use crate::model::edit::{Flag, Text};

    #[test]
    fn labels_name_items_and_fields() {
        for (path, want) in [
            ("network.subnets[0].availability_zone", "Subnet 1 › Availability zone"),
            ("instances[1].tags[0].key", "Instance 2 › Tag 1 › Key"),
            ("instances[0].tags[3].value", "Instance 1 › Tag 4 › Value"),
            ("instances[0].tags", "Instance 1 › Tags"),
            ("instances[2]", "Instance 3"),
            ("instances", "Instances"),
            ("instances[0].ebs_optimized", "Instance 1 › EBS-optimized"),
            ("security_group.egress[0].protocol", "Outbound rule 1 › Protocol"),
            ("security_group.ingress", "Inbound rules"),
            ("security_group.resource_name", "Security group › Resource name"),
            ("key_pair.resource_name", "Key pair › Resource name"),
            ("provider.profile", "Provider and credentials › Profile"),
            ("outputs.public_ip", "Outputs › Public IP"),
            ("network", "Network"),
            ("network.subnets", "Subnets"),
        ] {
            assert_eq!(field_label(path), want, "{path}");
        }
        for unknown in [
            "",
            "nope",
            "network.nope",
            "instances[x].name",
            "instances[0].tags[0].nope",
            "network.vpc_cidr[0]",
        ] {
            assert_eq!(field_label(unknown), unknown);
        }
    }

    #[test]
    fn every_field_has_a_label_that_is_not_its_path() {
        let mut doc = crate::model::presets::hardened();
        doc.instances.push(Default::default());
        doc.instances[1].tags = vec![Default::default(); 3];
        doc.network.subnets.push(Default::default());
        let paths = Text::all(&doc)
            .into_iter()
            .map(Text::path)
            .chain(Flag::all(&doc).into_iter().map(Flag::path));
        for path in paths {
            let label = field_label(&path);
            assert_ne!(label, path, "{path} has no label");
            assert!(!label.contains('_') && !label.contains('['), "{path}: {label}");
        }
    }
}
