//! The stack document: what the form holds, exactly as typed (raw strings and booleans).
//!
//! It is versioned JSON (`"version": 1`) and is what autosave, share links, import and the
//! CLI exchange; serde derives both directions, and `read` adds what derive does not give
//! (the version first, objects only, messages that show the text before the bad value). Nothing here is trusted:
//! [`crate::model::validate()`] is the only way from a document to a typed stack. Defaults
//! reproduce the stack of the blog post nixform grew from (see README, "Where we differ from
//! the seed"). Parsing rules and typed values live in `names`/`validate`, not here.
//!
//! Every struct is `#[serde(default)]`: a missing field takes its default, a missing list its
//! default elements, and a missing key in a list element that element type's default. Fields
//! are declared in the order documents have always been printed in (texts, then flags, then
//! nested objects, then lists), so a document written today reads like one written before.

mod nixos;
mod provisioner;
mod read;
mod scrub;
mod strict;
mod texts;

use serde::{Deserialize, Serialize};

pub use nixos::NixosDoc;
pub use provisioner::ProvisionerDoc;
pub use read::{DocumentError, MAX_DOCUMENT_BYTES};
pub use scrub::MIN_SECRET_RUN;

/// The document format this build reads and writes.
pub const DOCUMENT_VERSION: u32 = 1;

/// An ed25519 public key that is well-formed but belongs to nobody: the default stack renders,
/// and the lint reminds the person to paste their own.
pub const EXAMPLE_PUBLIC_KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/ replace-me@example";

/// Everything a person describes. Field names are the document's JSON keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct Document {
    pub version: u32,
    /// `resources` (AWS resources, the default) or `modules` (the terraform-aws-modules `vpc`
    /// and `ec2-instance` modules). Left out of the printed document when it is `resources`,
    /// so documents of resource stacks print as they did before the choice existed.
    #[serde(skip_serializing_if = "is_resources")]
    pub mode: String,
    #[serde(deserialize_with = "strict::object")]
    pub provider: ProviderDoc,
    #[serde(deserialize_with = "strict::object")]
    pub image: ImageDoc,
    #[serde(deserialize_with = "strict::object")]
    pub network: NetworkDoc,
    #[serde(deserialize_with = "strict::object")]
    pub security_group: SecurityGroupDoc,
    #[serde(deserialize_with = "strict::object")]
    pub key_pair: KeyPairDoc,
    #[serde(deserialize_with = "strict::object")]
    pub outputs: OutputsDoc,
    #[serde(deserialize_with = "strict::object")]
    pub provisioner: ProvisionerDoc,
    #[serde(deserialize_with = "strict::list")]
    pub instances: Vec<InstanceDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct ProviderDoc {
    pub region: String,
    /// Path of the shared credentials file; empty: not set.
    pub shared_credentials_file: String,
    /// Path of the shared config file; empty: not set.
    pub shared_config_file: String,
    /// Named profile; empty: the default profile.
    pub profile: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct ImageDoc {
    /// `26.05`, `25.11`, or `custom` (then `custom_pattern` is the AMI name filter).
    pub release: String,
    pub custom_pattern: String,
    /// `x86_64` or `arm64`.
    pub architecture: String,
    /// The Terraform name of the `aws_ami` data source.
    pub data_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct NetworkDoc {
    pub vpc_name: String,
    pub vpc_cidr: String,
    pub gateway_name: String,
    pub route_table_name: String,
    pub route_name: String,
    pub flow_log_retention_days: String,
    /// Manage the VPC's default security group with no rules (CKV2_AWS_12).
    pub restrict_default_security_group: bool,
    /// VPC flow logs to a CloudWatch log group (CKV2_AWS_11).
    pub flow_logs: bool,
    #[serde(deserialize_with = "strict::list")]
    pub subnets: Vec<SubnetDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct SubnetDoc {
    pub name: String,
    pub cidr: String,
    /// A zone of the region such as `ap-southeast-2a`, or empty / `automatic`.
    pub availability_zone: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct SecurityGroupDoc {
    pub resource_name: String,
    /// The group's AWS name; empty lets AWS choose one.
    pub name: String,
    /// The group's description; empty keeps the provider's default.
    pub description: String,
    #[serde(deserialize_with = "strict::list")]
    pub ingress: Vec<RuleDoc>,
    #[serde(deserialize_with = "strict::list")]
    pub egress: Vec<RuleDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct RuleDoc {
    pub description: String,
    /// `tcp`, `udp`, `icmp`, `icmpv6` or `all`.
    pub protocol: String,
    /// For tcp/udp the first port; for icmp the ICMP type (empty: all types).
    pub from_port: String,
    /// For tcp/udp the last port; for icmp the ICMP code (empty: all codes).
    pub to_port: String,
    /// IPv4 CIDR blocks, separated by commas or spaces.
    pub ipv4_cidrs: String,
    /// IPv6 CIDR blocks, separated by commas or spaces.
    pub ipv6_cidrs: String,
}

impl RuleDoc {
    fn new(description: &str, protocol: &str, from: &str, to: &str, v4: &str, v6: &str) -> Self {
        RuleDoc {
            description: description.into(),
            protocol: protocol.into(),
            from_port: from.into(),
            to_port: to.into(),
            ipv4_cidrs: v4.into(),
            ipv6_cidrs: v6.into(),
        }
    }
    /// SSH from anywhere (the seed's only ingress rule).
    pub fn ssh() -> Self {
        Self::new("Allow SSH in", "tcp", "22", "22", "0.0.0.0/0", "")
    }
    pub fn http() -> Self {
        Self::new("Allow HTTP in", "tcp", "80", "80", "0.0.0.0/0", "::/0")
    }
    pub fn https() -> Self {
        Self::new("Allow HTTPS in", "tcp", "443", "443", "0.0.0.0/0", "::/0")
    }
    /// All traffic out (the seed's only egress rule).
    pub fn all_out() -> Self {
        Self::new("Allow all traffic out", "all", "0", "0", "0.0.0.0/0", "")
    }
    pub fn custom() -> Self {
        Self::new("", "tcp", "", "", "", "")
    }
}

impl Default for RuleDoc {
    fn default() -> Self {
        Self::custom()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct KeyPairDoc {
    pub resource_name: String,
    pub key_name: String,
    pub public_key: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct InstanceDoc {
    pub name: String,
    pub instance_type: String,
    /// The Terraform name of one of the stack's subnets.
    pub subnet: String,
    pub root_volume_size: String,
    /// `gp3`, `gp2`, `io1`, `io2`.
    pub root_volume_type: String,
    /// Empty: none. Otherwise a `configuration.nix` (or a `#!` script) applied at first boot.
    pub user_data: String,
    pub public_ip: bool,
    pub root_volume_encrypted: bool,
    pub imdsv2_required: bool,
    pub monitoring: bool,
    pub ebs_optimized: bool,
    /// Give the instance an IAM role through an instance profile (CKV2_AWS_41).
    pub iam_role: bool,
    /// `lifecycle.ignore_changes = ["ami"]`: the weekly AMI does not replace the host.
    pub ignore_ami_changes: bool,
    /// The host's own NixOS configuration; left out of the printed document while it is
    /// untouched, so documents of stacks without one print as they did before it existed.
    #[serde(deserialize_with = "strict::object", skip_serializing_if = "NixosDoc::is_untouched")]
    pub nixos: NixosDoc,
    #[serde(deserialize_with = "strict::list")]
    pub tags: Vec<TagDoc>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct TagDoc {
    pub key: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object")]
pub struct OutputsDoc {
    pub public_ip: bool,
    pub public_dns: bool,
    pub ssh_command: bool,
}

/// The mode a document has when it does not say.
pub const RESOURCES_MODE: &str = "resources";

fn is_resources(mode: &str) -> bool {
    mode == RESOURCES_MODE
}

impl Default for Document {
    fn default() -> Self {
        Document {
            version: DOCUMENT_VERSION,
            mode: RESOURCES_MODE.into(),
            provider: ProviderDoc::default(),
            image: ImageDoc::default(),
            network: NetworkDoc::default(),
            security_group: SecurityGroupDoc::default(),
            key_pair: KeyPairDoc::default(),
            instances: vec![InstanceDoc::default()],
            outputs: OutputsDoc::default(),
            provisioner: ProvisionerDoc::default(),
        }
    }
}

impl Default for ProviderDoc {
    fn default() -> Self {
        ProviderDoc {
            region: "ap-southeast-2".into(),
            // The provisioning unit runs as root.
            shared_credentials_file: "/root/.aws/credentials".into(),
            shared_config_file: "/root/.aws/config".into(),
            profile: String::new(),
        }
    }
}

impl Default for ImageDoc {
    fn default() -> Self {
        ImageDoc {
            release: "26.05".into(),
            custom_pattern: String::new(),
            architecture: "x86_64".into(),
            data_name: "nixos-x86_64".into(),
        }
    }
}

impl Default for NetworkDoc {
    fn default() -> Self {
        NetworkDoc {
            vpc_name: "nix-vpc".into(),
            vpc_cidr: "10.10.0.0/24".into(),
            gateway_name: "nix-gateway".into(),
            route_table_name: "nix-route-tb".into(),
            route_name: "internet-route".into(),
            subnets: vec![SubnetDoc::default()],
            restrict_default_security_group: false,
            flow_logs: false,
            flow_log_retention_days: "365".into(),
        }
    }
}

impl Default for SubnetDoc {
    fn default() -> Self {
        SubnetDoc {
            name: "nix-subnet".into(),
            cidr: "10.10.0.0/25".into(),
            availability_zone: "ap-southeast-2a".into(),
        }
    }
}

impl Default for SecurityGroupDoc {
    fn default() -> Self {
        SecurityGroupDoc {
            resource_name: "default".into(),
            name: String::new(),
            description: String::new(),
            ingress: vec![RuleDoc::ssh()],
            egress: vec![RuleDoc::all_out()],
        }
    }
}

impl Default for KeyPairDoc {
    fn default() -> Self {
        KeyPairDoc {
            resource_name: "default".into(),
            key_name: "default-key".into(),
            public_key: EXAMPLE_PUBLIC_KEY.into(),
        }
    }
}

impl Default for InstanceDoc {
    fn default() -> Self {
        InstanceDoc {
            name: "nixos_x86-64".into(),
            instance_type: "t2.medium".into(),
            subnet: "nix-subnet".into(),
            public_ip: true,
            root_volume_size: "30".into(),
            root_volume_type: "gp3".into(),
            root_volume_encrypted: false,
            imdsv2_required: false,
            monitoring: false,
            ebs_optimized: false,
            iam_role: false,
            ignore_ami_changes: true,
            tags: Vec::new(),
            user_data: String::new(),
            nixos: NixosDoc::default(),
        }
    }
}

impl Default for OutputsDoc {
    fn default() -> Self {
        OutputsDoc {
            public_ip: true,
            public_dns: true,
            ssh_command: true,
        }
    }
}
