//! The blocks of the Terraform document: one `#[derive(Serialize)]` struct per resource, data
//! source or nested block, with the attribute names Terraform reads.
//!
//! An `Option` attribute that is `None`, and a block type with no block, are left out of the
//! document (terranix would strip nulls anyway, and `tests/equivalence.rs` compares the two).
//! Field order does not matter: the document is printed through `serde_json::Value`, whose
//! objects are sorted maps. What the values are is `lower`'s business, not this file's.

use serde::Serialize;

use super::Tf;

/// A resource's `tags`, keys and values escaped as templates.
pub type Tags = Blocks<Tf>;

/// The blocks of one type, by name: `aws_vpc` → `{ "<name>": { ... } }`, printed as a JSON
/// object (tags too: `{ "<key>": <value> }`). A list, not a map: names are unique per type and
/// tag keys per resource (validation sees to both), and the printed document is sorted anyway
/// (it goes through `serde_json::Value`). A `BTreeMap` per block type compiled its own insert,
/// drop and iteration into the wasm for each of them.
#[derive(Debug)]
pub struct Blocks<T>(Vec<(String, T)>);

impl<T> Default for Blocks<T> {
    fn default() -> Self {
        Blocks(Vec::new())
    }
}

impl<T> Blocks<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add the block `name`.
    pub fn insert(&mut self, name: String, block: T) {
        self.0.push((name, block));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a block is named `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }
}

impl<T: Serialize> Serialize for Blocks<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, block)| (name, block)))
    }
}

/// `data`: what nixform looks up.
#[derive(Debug, Default, Serialize)]
pub struct Data {
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_ami: Blocks<DataAwsAmi>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_availability_zones: Blocks<DataAwsAvailabilityZones>,
}

/// `resource`: every resource type nixform writes.
#[derive(Debug, Default, Serialize)]
pub struct Resources {
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_cloudwatch_log_group: Blocks<AwsCloudwatchLogGroup>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_default_security_group: Blocks<AwsDefaultSecurityGroup>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_flow_log: Blocks<AwsFlowLog>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_iam_instance_profile: Blocks<AwsIamInstanceProfile>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_iam_role: Blocks<AwsIamRole>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_iam_role_policy: Blocks<AwsIamRolePolicy>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_instance: Blocks<AwsInstance>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_internet_gateway: Blocks<VpcChild>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_key_pair: Blocks<AwsKeyPair>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_route: Blocks<AwsRoute>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_route_table: Blocks<VpcChild>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_route_table_association: Blocks<AwsRouteTableAssociation>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_security_group: Blocks<AwsSecurityGroup>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_subnet: Blocks<AwsSubnet>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    pub aws_vpc: Blocks<AwsVpc>,
}

#[derive(Debug, Serialize)]
pub struct AmiFilter {
    pub name: &'static str,
    pub values: Vec<Tf>,
}

#[derive(Debug, Serialize)]
pub struct DataAwsAmi {
    pub filter: Vec<AmiFilter>,
    pub most_recent: bool,
    pub owners: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct DataAwsAvailabilityZones {
    pub state: &'static str,
}

#[derive(Debug, Serialize)]
pub struct AwsVpc {
    pub cidr_block: String,
    pub enable_dns_hostnames: bool,
    pub enable_dns_support: bool,
    /// `Name` (the console's label), from the resource's name.
    pub tags: Tags,
}

#[derive(Debug, Serialize)]
pub struct AwsSubnet {
    pub availability_zone: Tf,
    pub cidr_block: String,
    pub vpc_id: Tf,
    /// `Name` (the console's label), from the resource's name.
    pub tags: Tags,
}

/// A resource whose only attribute is its VPC: the internet gateway, the route table.
#[derive(Debug, Serialize)]
pub struct VpcChild {
    pub vpc_id: Tf,
    /// `Name` (the console's label), from the resource's name.
    pub tags: Tags,
}

#[derive(Debug, Serialize)]
pub struct AwsRouteTableAssociation {
    pub route_table_id: Tf,
    pub subnet_id: Tf,
}

#[derive(Debug, Serialize)]
pub struct AwsRoute {
    pub destination_cidr_block: &'static str,
    pub gateway_id: Tf,
    pub route_table_id: Tf,
}

/// An inline `ingress`/`egress` object: every key present, as the provider's JSON schema wants
/// (`[]` and `false`, never null: terranix strips nulls).
#[derive(Debug, Serialize)]
pub struct SgRule {
    pub cidr_blocks: Vec<String>,
    pub description: Tf,
    pub from_port: i32,
    pub ipv6_cidr_blocks: Vec<String>,
    pub prefix_list_ids: Vec<String>,
    pub protocol: &'static str,
    pub security_groups: Vec<String>,
    #[serde(rename = "self")]
    pub self_: bool,
    pub to_port: i32,
}

#[derive(Debug, Serialize)]
pub struct AwsSecurityGroup {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Tf>,
    pub egress: Vec<SgRule>,
    pub ingress: Vec<SgRule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Tf>,
    pub vpc_id: Tf,
    /// `Name` (the console's label), from the resource's name.
    pub tags: Tags,
}

/// With no rule blocks, the provider removes every rule of the VPC's default group.
#[derive(Debug, Serialize)]
pub struct AwsDefaultSecurityGroup {
    pub egress: Vec<SgRule>,
    pub ingress: Vec<SgRule>,
    pub vpc_id: Tf,
    /// `Name` (the console's label), from the resource's name.
    pub tags: Tags,
}

#[derive(Debug, Serialize)]
pub struct AwsKeyPair {
    pub key_name: Tf,
    pub public_key: Tf,
    /// `Name` (the console's label), from the resource's name.
    pub tags: Tags,
}

#[derive(Debug, Serialize)]
pub struct RootBlockDevice {
    pub encrypted: bool,
    pub volume_size: u32,
    pub volume_type: &'static str,
}

#[derive(Debug, Serialize)]
pub struct MetadataOptions {
    pub http_endpoint: &'static str,
    pub http_put_response_hop_limit: u8,
    pub http_tokens: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Lifecycle {
    pub ignore_changes: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct AwsInstance {
    pub ami: Tf,
    pub associate_public_ip_address: bool,
    pub ebs_optimized: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iam_instance_profile: Option<Tf>,
    pub instance_type: String,
    pub key_name: Tf,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata_options: Option<MetadataOptions>,
    pub monitoring: bool,
    pub root_block_device: RootBlockDevice,
    pub subnet_id: Tf,
    /// The person's tags, and `Name` from the instance's name unless they set one. Keys are
    /// escaped like values (a key is a template too).
    pub tags: Tags,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_data: Option<Tf>,
    pub vpc_security_group_ids: Vec<Tf>,
}

#[derive(Debug, Serialize)]
pub struct AwsIamRole {
    pub assume_role_policy: Tf,
    pub name_prefix: Tf,
}

#[derive(Debug, Serialize)]
pub struct AwsIamInstanceProfile {
    pub name_prefix: Tf,
    pub role: Tf,
}

#[derive(Debug, Serialize)]
pub struct AwsIamRolePolicy {
    pub name: Tf,
    pub policy: Tf,
    pub role: Tf,
}

#[derive(Debug, Serialize)]
pub struct AwsCloudwatchLogGroup {
    pub name: Tf,
    pub retention_in_days: u32,
    /// `Name` (the console's label), from the resource's name.
    pub tags: Tags,
}

#[derive(Debug, Serialize)]
pub struct AwsFlowLog {
    pub iam_role_arn: Tf,
    pub log_destination: Tf,
    pub log_destination_type: &'static str,
    pub traffic_type: &'static str,
    pub vpc_id: Tf,
    /// `Name` (the console's label), from the resource's name.
    pub tags: Tags,
}

#[derive(Debug, Serialize)]
pub struct Output {
    pub description: String,
    pub value: Tf,
}

/// `provider.aws`.
#[derive(Debug, Serialize)]
pub struct AwsProvider {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<Tf>,
    pub region: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_config_files: Option<Vec<Tf>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_credentials_files: Option<Vec<Tf>>,
}

#[derive(Debug, Serialize)]
pub struct Providers {
    pub aws: AwsProvider,
}
