//! Modules mode: the network as `module.<vpc>` (terraform-aws-modules/vpc/aws) and each
//! instance as `module.<instance>` (terraform-aws-modules/ec2-instance/aws), with the inputs of
//! the versions pinned here, by their v6 names and types (`tests/modules.rs` checks each one
//! against the modules' own `variables.tf` and `outputs.tf`).
//!
//! What the modules cannot express stays a plain resource beside them, lowered by the rest of
//! `terraform`: the security group (`vpc_id` from the VPC module) and the key pair. The
//! instances use that group (`vpc_security_group_ids`), so `create_security_group` is off:
//! the ec2-instance module would otherwise make a group of its own per instance.

use serde::Serialize;

use super::blocks::{Blocks, Tags};
use super::{instance, Tf};
use crate::model::names::Zone;
use crate::model::stack::{Instance, Stack};
use crate::render::template;

/// The registry source and version constraint of each module.
pub const VPC_SOURCE: &str = "terraform-aws-modules/vpc/aws";
pub const VPC_VERSION: &str = "~> 6.6";
pub const EC2_SOURCE: &str = "terraform-aws-modules/ec2-instance/aws";
pub const EC2_VERSION: &str = "~> 6.4";
/// What ec2-instance 6.4 requires of the AWS provider (vpc 6.6 needs 6.28).
pub const MODULES_PROVIDER_VERSION: &str = ">= 6.37";

/// A `module` block: one of the two modules, by name.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Module {
    Vpc(Box<VpcModule>),
    Ec2(Box<Ec2Module>),
}

#[derive(Debug, Serialize)]
pub struct VpcModule {
    source: &'static str,
    version: &'static str,
    name: Tf,
    cidr: String,
    azs: Vec<Tf>,
    public_subnets: Vec<String>,
    public_subnet_names: Vec<Tf>,
    enable_dns_hostnames: bool,
    enable_dns_support: bool,
    /// Off, as in resources mode: only the instances that ask for one get a public IP.
    map_public_ip_on_launch: bool,
    manage_default_security_group: bool,
    enable_flow_log: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    create_flow_log_cloudwatch_log_group: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    create_flow_log_cloudwatch_iam_role: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    flow_log_cloudwatch_log_group_retention_in_days: Option<u32>,
}

#[derive(Debug, Serialize)]
pub struct Ec2Module {
    source: &'static str,
    version: &'static str,
    name: Tf,
    /// Always the NixOS lookup: the module's default is an Amazon Linux SSM parameter.
    ami: Tf,
    ignore_ami_changes: bool,
    instance_type: String,
    key_name: Tf,
    subnet_id: Tf,
    associate_public_ip_address: bool,
    vpc_security_group_ids: Vec<Tf>,
    create_security_group: bool,
    /// Written either way: the module's default requires IMDSv2, and the form's box says
    /// which it is.
    metadata_options: MetadataInput,
    monitoring: bool,
    ebs_optimized: bool,
    root_block_device: RootDeviceInput,
    create_iam_instance_profile: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_data: Option<Tf>,
    #[serde(skip_serializing_if = "Blocks::is_empty")]
    tags: Tags,
}

/// ec2-instance's `metadata_options` object.
#[derive(Debug, Serialize)]
struct MetadataInput {
    http_endpoint: &'static str,
    http_put_response_hop_limit: u8,
    http_tokens: &'static str,
}

/// ec2-instance's `root_block_device`: one object in v6, `size` and `type` (not `volume_*`).
#[derive(Debug, Serialize)]
struct RootDeviceInput {
    encrypted: bool,
    size: u32,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// `${module.<name>.<output>}`.
pub fn output(name: &str, output: &str) -> Tf {
    Tf::attr("module", name, output)
}

/// The VPC module of `stack`.
pub fn vpc(stack: &Stack) -> Module {
    let net = &stack.network;
    let flow = net.flow_logs.map(|_| true);
    Module::Vpc(Box::new(VpcModule {
        source: VPC_SOURCE,
        version: VPC_VERSION,
        name: Tf::lit(net.vpc_name.as_str()),
        cidr: net.vpc_cidr.to_string(),
        azs: net
            .subnets
            .iter()
            .enumerate()
            .map(|(i, s)| match &s.zone {
                Zone::Named(z) => Tf::lit(z),
                Zone::Automatic => Tf::raw(template::reference(&format!(
                    "element(data.aws_availability_zones.available.names, {i})"
                ))),
            })
            .collect(),
        public_subnets: net.subnets.iter().map(|s| s.cidr.to_string()).collect(),
        public_subnet_names: net.subnets.iter().map(|s| Tf::lit(s.name.as_str())).collect(),
        enable_dns_hostnames: true,
        enable_dns_support: true,
        map_public_ip_on_launch: false,
        manage_default_security_group: net.restrict_default_security_group,
        enable_flow_log: net.flow_logs.is_some(),
        create_flow_log_cloudwatch_log_group: flow,
        create_flow_log_cloudwatch_iam_role: flow,
        flow_log_cloudwatch_log_group_retention_in_days: net.flow_logs,
    }))
}

/// The ec2-instance module of one instance; `user_data` is what resources mode would give
/// `aws_instance.user_data`.
pub fn ec2(stack: &Stack, inst: &Instance, user_data: Option<Tf>) -> Module {
    let vpc = stack.network.vpc_name.as_str();
    let mut tags = Tags::new();
    for (k, v) in &inst.tags {
        tags.insert(template::literal(k).into_owned(), Tf::lit(v));
    }
    Module::Ec2(Box::new(Ec2Module {
        source: EC2_SOURCE,
        version: EC2_VERSION,
        name: Tf::lit(inst.name.as_str()),
        ami: Tf::attr("data.aws_ami", stack.image.data_name.as_str(), "id"),
        ignore_ami_changes: inst.ignore_ami_changes,
        instance_type: inst.instance_type.to_string(),
        key_name: instance::key_name(stack),
        subnet_id: Tf::raw(template::reference(&format!(
            "module.{vpc}.public_subnets[{}]",
            inst.subnet
        ))),
        associate_public_ip_address: inst.public_ip,
        vpc_security_group_ids: vec![instance::security_group_id(stack)],
        create_security_group: false,
        metadata_options: if inst.imdsv2_required {
            MetadataInput {
                http_endpoint: "enabled",
                http_put_response_hop_limit: 2,
                http_tokens: "required",
            }
        } else {
            MetadataInput {
                http_endpoint: "enabled",
                http_put_response_hop_limit: 1,
                http_tokens: "optional",
            }
        },
        monitoring: inst.monitoring,
        ebs_optimized: inst.ebs_optimized,
        root_block_device: RootDeviceInput {
            encrypted: inst.root_volume_encrypted,
            size: inst.root_volume_gib,
            kind: inst.root_volume_type.as_str(),
        },
        create_iam_instance_profile: inst.iam_role,
        user_data,
        tags,
    }))
}
