//! Lowering one instance: its `aws_instance` block, its IAM role and instance profile when it
//! asks for one, and its outputs. The rest of the document is lowered in `terraform`.

use super::blocks::*;
use super::{policy_document, template, Tf};
use crate::model::stack::{Instance, Stack};
use crate::render::files::host_user_data;

pub(super) fn lower_instance(stack: &Stack, instance: &Instance, host_file: Option<&str>, res: &mut Resources) {
    let name = instance.name.as_str();
    let subnet = &stack.network.subnets[instance.subnet];
    let iam_instance_profile = instance.iam_role.then(|| {
        let role = instance.name.suffixed("-role").to_string();
        res.aws_iam_role.insert(
            role.clone(),
            AwsIamRole {
                assume_role_policy: Tf::lit(&policy_document("ec2.amazonaws.com")),
                name_prefix: Tf::fixed("nixform-instance-"),
            },
        );
        res.aws_iam_instance_profile.insert(
            role.clone(),
            AwsIamInstanceProfile {
                name_prefix: Tf::fixed("nixform-instance-"),
                role: Tf::attr("aws_iam_role", &role, "name"),
            },
        );
        Tf::attr("aws_iam_instance_profile", &role, "name")
    });
    res.aws_instance.insert(
        name.to_owned(),
        AwsInstance {
            ami: Tf::attr("data.aws_ami", stack.image.data_name.as_str(), "id"),
            associate_public_ip_address: instance.public_ip,
            ebs_optimized: instance.ebs_optimized,
            iam_instance_profile,
            instance_type: instance.instance_type.to_string(),
            key_name: key_name(stack),
            lifecycle: instance.ignore_ami_changes.then(|| Lifecycle {
                ignore_changes: vec!["ami"],
            }),
            metadata_options: instance.imdsv2_required.then_some(MetadataOptions {
                http_endpoint: "enabled",
                http_put_response_hop_limit: 2,
                http_tokens: "required",
            }),
            monitoring: instance.monitoring,
            root_block_device: RootBlockDevice {
                encrypted: instance.root_volume_encrypted,
                volume_size: instance.root_volume_gib,
                volume_type: instance.root_volume_type.as_str(),
            },
            subnet_id: Tf::attr("aws_subnet", subnet.name.as_str(), "id"),
            tags: tags(instance),
            user_data: user_data(stack, instance, host_file),
            vpc_security_group_ids: vec![security_group_id(stack)],
        },
    );
}

/// The key pair's name, as instances refer to it.
pub(super) fn key_name(stack: &Stack) -> Tf {
    Tf::attr("aws_key_pair", stack.key_pair.resource_name.as_str(), "key_name")
}

/// The security group's id, as instances refer to it.
pub(super) fn security_group_id(stack: &Stack) -> Tf {
    Tf::attr("aws_security_group", stack.security_group.resource_name.as_str(), "id")
}

/// The instance's user data: its host file after the channel line, or the raw text typed.
pub(super) fn user_data(stack: &Stack, instance: &Instance, host_file: Option<&str>) -> Option<Tf> {
    match host_file {
        Some(file) => Some(Tf::lit(&host_user_data(stack, file))),
        None => instance.user_data.as_deref().map(Tf::lit),
    }
}

/// `<address>.attribute` of an instance: its `aws_instance`, or in modules mode its module
/// (whose outputs `public_ip`, `private_ip`, `public_dns` have the resource's names).
fn instance_attribute(stack: &Stack, instance: &Instance, attribute: &str) -> String {
    [&stack.instance_address(instance), ".", attribute].concat()
}

/// The person's tags, with `Name` from the instance's name unless they set `Name` themselves.
fn tags(instance: &Instance) -> Tags {
    let mut tags = Tags::new();
    for (k, v) in &instance.tags {
        tags.insert(template::literal(k).into_owned(), Tf::lit(v));
    }
    if !tags.contains("Name") {
        tags.insert("Name".to_owned(), Tf::lit(instance.name.as_str()));
    }
    tags
}

/// The public IP, public DNS name and SSH command of an instance that has a public IP (its
/// private IP when it has none), as far as the stack asks for them.
pub(super) fn lower_outputs(stack: &Stack, instance: &Instance, outputs: &mut Blocks<Output>) {
    let name = instance.name.as_str();
    let o = &stack.outputs;
    let mut add = |suffix: &str, description: String, value: Tf| {
        outputs.insert(
            instance.name.suffixed(suffix).to_string(),
            Output { description, value },
        );
    };
    if o.public_ip && instance.public_ip {
        add(
            "_public_ip",
            format!("Public IPv4 address of {name}"),
            Tf::reference(&instance_attribute(stack, instance, "public_ip")),
        );
    }
    if o.public_ip && !instance.public_ip {
        add(
            "_private_ip",
            format!("Private IPv4 address of {name} (it has no public IP)"),
            Tf::reference(&instance_attribute(stack, instance, "private_ip")),
        );
    }
    if o.public_dns && instance.public_ip {
        add(
            "_public_dns",
            format!("Public DNS name of {name}"),
            Tf::reference(&instance_attribute(stack, instance, "public_dns")),
        );
    }
    if instance.host.is_some() {
        let address = if instance.public_ip { "public_ip" } else { "private_ip" };
        add(
            "_rebuild",
            format!("Update {name}'s NixOS from the flake"),
            Tf::raw(format!(
                "nixos-rebuild switch --flake .#{name} --target-host root@{}",
                template::reference(&instance_attribute(stack, instance, address))
            )),
        );
    }
    if o.ssh_command && instance.public_ip {
        add(
            "_ssh",
            format!("Log in to {name} as root"),
            Tf::raw(format!(
                "ssh root@{}",
                template::reference(&instance_attribute(stack, instance, "public_ip"))
            )),
        );
    }
}
