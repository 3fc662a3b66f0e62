//! From a place in the Terraform document (a [`Path`]) to the field of the stack that made it:
//! `resource.aws_instance.web.instance_type` → `instances[i].instance_type`, where `web` is
//! the name of instance `i`. Blocks are found by the names the stack gives them; an attribute
//! no single field makes goes to the field that names its block (an instance's `ami` line to
//! its name), and what the renderer alone writes (`terraform.required_providers`) to the field
//! that chooses it.

use super::Path;
use crate::model::edit::{
    Direction, Field, Flag, HostFlag, InstanceFlag, InstanceText as I, RuleText, SubnetText as S, Text,
};
use crate::model::stack::Protocol;
use crate::model::Stack;

/// The field that made the line at `p`, a path from the document's root.
pub(super) fn of(stack: &Stack, p: &Path) -> Option<Field> {
    Some(match p.key(0) {
        "provider" => Field::from(match p.key(2) {
            "shared_credentials_files" => Text::SharedCredentialsFile,
            "shared_config_files" => Text::SharedConfigFile,
            "profile" => Text::Profile,
            _ => Text::Region,
        }),
        // data.aws_ami.<name>.filter[0] is the name pattern, filter[1] the architecture.
        "data" => Field::from(match (p.key(3), p.index(4)) {
            ("filter", Some(1)) => Text::Architecture,
            ("filter" | "owners" | "most_recent", _) => Text::Release,
            _ => Text::AmiDataName,
        }),
        "output" => {
            let name = p.key(1);
            // Without a public address, the public-IP output gives the private one.
            Field::from(if name.ends_with("_public_ip") || name.ends_with("_private_ip") {
                Flag::OutputPublicIp
            } else if name.ends_with("_public_dns") {
                Flag::OutputPublicDns
            } else if name.ends_with("_ssh") {
                Flag::OutputSshCommand
            } else {
                // `<instance>_rebuild`, for an instance with a NixOS configuration.
                let i = instance_index(stack, name.strip_suffix("_rebuild")?)?;
                Flag::Host(i, HostFlag::Enabled)
            })
        }
        "terraform" => Field::from(match (p.key(1), p.key(3)) {
            ("backend", "bucket") => Text::S3Bucket,
            ("backend", "key") => Text::S3Key,
            ("backend", "region") => Text::S3Region,
            ("backend", "kms_key_id") => Text::S3KmsKeyId,
            ("backend", _) => Text::Backend,
            ("encryption", _) if p.has("aws_kms") => Text::EncryptionKmsKeyId,
            ("encryption", _) if p.has("pbkdf2") => Text::PassphraseFile,
            ("encryption", _) => Text::Encryption,
            ("", _) => return None,
            _ => Text::ProviderSource,
        }),
        "variable" => Text::PassphraseFile.into(),
        "resource" => resource(stack, p)?,
        "module" => module(stack, p)?,
        _ => return None,
    })
}

/// The lines of `infra.nix` around the document: the unit and the tool.
pub(super) fn outer(p: &Path) -> Option<Field> {
    if !p.has("systemd.services.") {
        return match p.key(0) {
            "tofu" | "terraform" => Some(Text::Tool.into()),
            _ => None,
        };
    }
    Some(Field::from(if p.has("StateDirectory") || p.has("WorkingDirectory") {
        Text::StateDirectory
    } else if p.has("AWS_CONFIG_FILE") {
        Text::SharedConfigFile
    } else if p.has("AWS_SHARED_CREDENTIALS_FILE") {
        Text::SharedCredentialsFile
    } else if p.has("AWS_PROFILE") {
        Text::Profile
    } else if p.has("environment") || p.has("LoadCredential") {
        Text::Credentials
    } else if p.has("wantedBy") || p.has("script") {
        Text::ApplyOn
    } else {
        Text::UnitName
    }))
}

fn resource(stack: &Stack, p: &Path) -> Option<Field> {
    let (kind, name, attribute) = (p.key(1), p.key(2), p.key(3));
    Some(match kind {
        "aws_vpc" => Field::from(match attribute {
            "cidr_block" => Text::VpcCidr,
            _ => Text::VpcName,
        }),
        "aws_subnet" => {
            let i = subnet(stack, name, false)?;
            Field::from(Text::Subnet(
                i,
                match attribute {
                    "cidr_block" => S::Cidr,
                    "availability_zone" => S::AvailabilityZone,
                    _ => S::Name,
                },
            ))
        }
        "aws_internet_gateway" => Text::GatewayName.into(),
        "aws_route_table" => Text::RouteTableName.into(),
        "aws_route" => Text::RouteName.into(),
        // `<subnet>-<route table>-association`.
        "aws_route_table_association" => match subnet(stack, name, true) {
            Some(i) => Text::Subnet(i, S::Name).into(),
            None => Text::RouteTableName.into(),
        },
        "aws_security_group" => security_group(stack, p, 3),
        "aws_key_pair" => Field::from(match attribute {
            "key_name" | "tags" => Text::KeyName,
            "public_key" => Text::PublicKey,
            _ => Text::KeyPairResourceName,
        }),
        "aws_instance" => instance(stack, instance_index(stack, name)?, p, 3),
        "aws_default_security_group" => Flag::RestrictDefaultSecurityGroup.into(),
        // An instance's role and profile are `<instance>-role`; the flow logs' `<vpc>-flow-logs`.
        _ => match name.strip_suffix("-role").and_then(|n| instance_index(stack, n)) {
            Some(i) => Flag::Instance(i, InstanceFlag::IamRole).into(),
            None if attribute == "retention_in_days" => Text::FlowLogRetentionDays.into(),
            None if kind.starts_with("aws_flow_log")
                || kind.starts_with("aws_cloudwatch")
                || kind.starts_with("aws_iam") =>
            {
                Flag::FlowLogs.into()
            }
            None => return None,
        },
    })
}

/// `module.<vpc>` is the network's; `module.<instance>` an instance's.
fn module(stack: &Stack, p: &Path) -> Option<Field> {
    let name = p.key(1);
    if name == stack.network.vpc_name.as_str() {
        let input = p.key(2);
        let item = p.index(3).unwrap_or_default();
        return Some(match input {
            "source" | "version" => Text::Mode.into(),
            "cidr" => Text::VpcCidr.into(),
            "azs" => Text::Subnet(item, S::AvailabilityZone).into(),
            "public_subnets" => Text::Subnet(item, S::Cidr).into(),
            "public_subnet_names" => Text::Subnet(item, S::Name).into(),
            "flow_log_cloudwatch_log_group_retention_in_days" => Text::FlowLogRetentionDays.into(),
            _ if input.contains("flow_log") => Flag::FlowLogs.into(),
            _ if input.contains("default_security_group") => Flag::RestrictDefaultSecurityGroup.into(),
            _ => Text::VpcName.into(),
        });
    }
    let i = instance_index(stack, name)?;
    Some(match p.key(2) {
        "source" | "version" => Text::Mode.into(),
        _ => instance(stack, i, p, 2),
    })
}

/// An ingress or egress rule's line, or the group's own, with the attribute at step `at`.
fn security_group(stack: &Stack, p: &Path, at: usize) -> Field {
    let group = &stack.security_group;
    let (direction, rules) = match p.key(at) {
        "ingress" => (Direction::Ingress, &group.ingress),
        "egress" => (Direction::Egress, &group.egress),
        "name" => return Text::SecurityGroupName.into(),
        "description" => return Text::SecurityGroupDescription.into(),
        _ => return Text::SecurityGroupResourceName.into(),
    };
    let Some(i) = p.index(at + 1) else {
        return Text::SecurityGroupResourceName.into();
    };
    // A rule for all traffic has no ports in the form: its protocol sets them.
    let all = rules.get(i).is_some_and(|r| r.protocol == Protocol::All);
    let field = match p.key(at + 2) {
        "from_port" | "to_port" | "protocol" if all => RuleText::Protocol,
        "from_port" => RuleText::FromPort,
        "to_port" => RuleText::ToPort,
        "protocol" => RuleText::Protocol,
        "cidr_blocks" => RuleText::Ipv4Cidrs,
        "ipv6_cidr_blocks" => RuleText::Ipv6Cidrs,
        _ => RuleText::Description,
    };
    Text::Rule(direction, i, field).into()
}

/// Instance `i`'s line, resource or module (the names differ where the module renames an
/// input), with the attribute at step `at`.
fn instance(stack: &Stack, i: usize, p: &Path, at: usize) -> Field {
    let text = |field| Field::Text(Text::Instance(i, field));
    let flag = |field| Field::Flag(Flag::Instance(i, field));
    match p.key(at) {
        "instance_type" => text(I::InstanceType),
        "subnet_id" => text(I::Subnet),
        "associate_public_ip_address" => flag(InstanceFlag::PublicIp),
        "root_block_device" => match p.key(at + 1) {
            "volume_type" | "type" => text(I::RootVolumeType),
            "encrypted" => flag(InstanceFlag::RootVolumeEncrypted),
            "volume_size" | "size" => text(I::RootVolumeSize),
            // The block's own lines: no one field makes them.
            _ => text(I::Name),
        },
        "metadata_options" => flag(InstanceFlag::Imdsv2Required),
        "monitoring" => flag(InstanceFlag::Monitoring),
        "ebs_optimized" => flag(InstanceFlag::EbsOptimized),
        "iam_instance_profile" | "create_iam_instance_profile" => flag(InstanceFlag::IamRole),
        "lifecycle" | "ignore_ami_changes" => flag(InstanceFlag::IgnoreAmiChanges),
        "user_data" | "user_data_base64" | "user_data_replace_on_change" => match stack.instances[i].host {
            Some(_) => Flag::Host(i, HostFlag::Enabled).into(),
            None => text(I::UserData),
        },
        "vpc_security_group_ids" => Text::SecurityGroupResourceName.into(),
        "key_name" => Text::KeyPairResourceName.into(),
        "tags" => {
            let key = p.key(at + 1);
            match stack.instances[i].tags.iter().position(|(k, _)| k == key) {
                Some(j) if key != "Name" => Text::TagKey(i, j).into(),
                _ => text(I::Name),
            }
        }
        _ => text(I::Name),
    }
}

fn instance_index(stack: &Stack, name: &str) -> Option<usize> {
    stack.instances.iter().position(|x| x.name.as_str() == name)
}

/// The subnet called `name`; with `prefix`, the first whose name followed by `-` starts `name`.
fn subnet(stack: &Stack, name: &str, prefix: bool) -> Option<usize> {
    stack.network.subnets.iter().position(|subnet| {
        let n = subnet.name.as_str();
        match name.strip_prefix(n) {
            Some(rest) if prefix => rest.starts_with('-'),
            Some(rest) => rest.is_empty(),
            None => false,
        }
    })
}
