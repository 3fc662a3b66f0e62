//! Instances (with their IAM roles and instance profiles), the outputs nixform writes for them,
//! and the resources the other sections do not account for.

use serde_json::Value;

use super::modules;
use super::reader::Reader;
use super::{ImportError, Object};
use crate::model::document::{Document, InstanceDoc, NetworkDoc, NixosDoc, TagDoc};
use crate::model::template;

/// The first line of the user data that carries a host file (see `render::files::hosts`).
pub const CHANNEL_LINE_PREFIX: &str = "### https://nixos.org/channels/";

/// The instances, and the names of those with an IAM role (nixform writes `<name>-role` for
/// each). User data that is a host file nixform wrote keeps the NixOS configuration of the
/// form's instance of that name, which made it: the file itself is Nix, not read back.
pub(super) fn instances<'a>(
    r: &mut Reader,
    root: &'a Object,
    base: &Document,
) -> Result<(Vec<InstanceDoc>, Vec<&'a str>), ImportError> {
    let empty = Object::new();
    let instances = Reader::blocks(root, "resource", "aws_instance");
    if instances.is_empty() {
        return Err(ImportError::Missing("instance"));
    }
    // Instances with an IAM role: nixform writes `<name>-role` for each.
    let mut with_role: Vec<&str> = Vec::new();
    let docs = instances
        .into_iter()
        .map(|(name, b)| {
            let address = format!("aws_instance.{name}");
            r.extra_keys(
                &address,
                b,
                &[
                    "ami",
                    "associate_public_ip_address",
                    "ebs_optimized",
                    "iam_instance_profile",
                    "instance_type",
                    "key_name",
                    "lifecycle",
                    "metadata_options",
                    "monitoring",
                    "root_block_device",
                    "subnet_id",
                    "tags",
                    "user_data",
                    "vpc_security_group_ids",
                ],
            );
            let root_dev = b.get("root_block_device").and_then(Value::as_object).unwrap_or(&empty);
            r.extra_keys(
                &format!("{address}.root_block_device"),
                root_dev,
                &["encrypted", "volume_size", "volume_type"],
            );
            let doc = instance(name, b, None, base);
            if doc.iam_role {
                with_role.push(name);
            }
            doc
        })
        .collect();
    Ok((docs, with_role))
}

/// One instance from its block: an `aws_instance`, or in modules mode (`network`: the VPC
/// module's, whose subnets `subnet_id` counts) an ec2-instance module, whose inputs differ
/// where nixform's `aws_instance` needs more than a value: the role, `lifecycle`, the subnet.
/// The keys are checked by the caller.
pub(super) fn instance(name: &String, b: &Object, network: Option<&NetworkDoc>, base: &Document) -> InstanceDoc {
    let empty = Object::new();
    let modules = network.is_some();
    let device = b.get("root_block_device").and_then(Value::as_object).unwrap_or(&empty);
    let (size, kind) = if modules {
        ("size", "type")
    } else {
        ("volume_size", "volume_type")
    };
    let tokens = b
        .get("metadata_options")
        .and_then(|m| m.get("http_tokens"))
        .and_then(Value::as_str);
    let mut user_data = Reader::text(b.get("user_data"));
    let nixos = host(base, name, &mut user_data);
    InstanceDoc {
        name: name.clone(),
        instance_type: Reader::text(b.get("instance_type")),
        subnet: match network {
            Some(network) => modules::subnet(b, network).map(str::to_owned),
            None => Reader::reference(b.get("subnet_id"), "aws_subnet", "id"),
        }
        .unwrap_or_default(),
        public_ip: Reader::flag(b.get("associate_public_ip_address")),
        root_volume_size: Reader::text(device.get(size)),
        root_volume_type: volume_type(device.get(kind)),
        root_volume_encrypted: Reader::flag(device.get("encrypted")),
        // The ec2-instance module's default requires IMDSv2; `aws_instance`'s does not.
        imdsv2_required: if modules {
            tokens != Some("optional")
        } else {
            tokens == Some("required")
        },
        monitoring: Reader::flag(b.get("monitoring")),
        ebs_optimized: Reader::flag(b.get("ebs_optimized")),
        iam_role: if modules {
            Reader::flag(b.get("create_iam_instance_profile"))
        } else {
            b.contains_key("iam_instance_profile")
        },
        ignore_ami_changes: if modules {
            Reader::flag(b.get("ignore_ami_changes"))
        } else {
            b.get("lifecycle")
                .map(|l| Reader::array(l.get("ignore_changes")))
                .is_some_and(|a| a.iter().any(|x| x.as_str() == Some("ami")))
        },
        // The `Name` nixform writes from the instance's name is not one of the person's tags;
        // the module adds its own, so there every tag in the file is the person's.
        tags: tags(b.get("tags"), (!modules).then_some(name)),
        user_data,
        nixos,
    }
}

/// The person's tags, but for a `Name` equal to `skip_name` (the one nixform adds).
fn tags(tags: Option<&Value>, skip_name: Option<&String>) -> Vec<TagDoc> {
    let Some(tags) = tags.and_then(Value::as_object) else {
        return Vec::new();
    };
    tags.iter()
        .filter(|(k, v)| !(k.as_str() == "Name" && skip_name.is_some_and(|n| Reader::text(Some(v)) == **n)))
        .map(|(k, v)| TagDoc {
            key: template::unescape(k).unwrap_or_else(|| k.clone()),
            value: Reader::text(Some(v)),
        })
        .collect()
}

/// The NixOS configuration of instance `name`: the form's, when the form has one for it and
/// the user data is the host file nixform wrote from it (then the user data is cleared).
fn host(base: &Document, name: &str, user_data: &mut String) -> NixosDoc {
    match base.instances.iter().find(|i| i.name == name) {
        Some(form) if form.nixos.enabled && user_data.starts_with(CHANNEL_LINE_PREFIX) => {
            user_data.clear();
            form.nixos.clone()
        }
        _ => NixosDoc::default(),
    }
}

/// The root volume's type; `gp3` when the file does not say.
fn volume_type(v: Option<&Value>) -> String {
    match Reader::text(v) {
        t if t.is_empty() => "gp3".into(),
        t => t,
    }
}

/// Note every resource that is not one nixform writes as part of the sections read; in
/// modules mode (`modules`) that is only the security group and the key pair.
pub(super) fn other_resources(r: &mut Reader, root: &Object, vpc_name: &str, with_role: &[&str], modules: bool) {
    let vpc_flow = format!("{vpc_name}-flow-logs");
    let all_kinds = [
        "aws_security_group",
        "aws_key_pair",
        "aws_vpc",
        "aws_internet_gateway",
        "aws_route_table",
        "aws_route",
        "aws_subnet",
        "aws_route_table_association",
        "aws_instance",
        "aws_default_security_group",
        "aws_flow_log",
        "aws_cloudwatch_log_group",
    ];
    let known_kinds = if modules { &all_kinds[..2] } else { &all_kinds[..] };
    if let Some(resources) = root.get("resource").and_then(Value::as_object) {
        for (kind, blocks) in resources.iter() {
            for name in blocks.as_object().unwrap_or(&Object::new()).keys() {
                let is_role = name.strip_suffix("-role").is_some_and(|n| with_role.contains(&n));
                let derived = match kind.as_str() {
                    _ if modules => known_kinds.contains(&kind.as_str()),
                    "aws_iam_role" | "aws_iam_instance_profile" => is_role || *name == vpc_flow,
                    "aws_iam_role_policy" => *name == vpc_flow,
                    _ => known_kinds.contains(&kind.as_str()),
                };
                if !derived {
                    r.note(format!("resource.{kind}.{name}"));
                }
            }
        }
    }
}

/// The outputs: the three kinds nixform writes per instance; anything else is noted.
pub(super) fn outputs(r: &mut Reader, root: &Object, doc: &mut Document, base: &Document) {
    let outputs: Vec<&String> = root
        .get("output")
        .and_then(Value::as_object)
        .map(|m| m.keys().collect())
        .unwrap_or_default();
    let is_output = |o: &str, suffix: &str| {
        doc.instances
            .iter()
            .any(|i| o.strip_suffix(suffix) == Some(i.name.as_str()))
    };
    let has = |suffix: &str| outputs.iter().any(|o| is_output(o, suffix));
    doc.outputs.public_ip = has("_public_ip") || has("_private_ip");
    doc.outputs.public_dns = has("_public_dns");
    doc.outputs.ssh_command = has("_ssh");
    for o in outputs {
        let ours = ["_public_ip", "_private_ip", "_public_dns", "_ssh", "_rebuild"]
            .iter()
            .any(|s| is_output(o, s));
        if !ours {
            r.note(format!("output.{o}"));
        }
    }
    if !doc.instances.iter().any(|i| i.public_ip) {
        // Without a public IP only the private IP can be written, so the file says nothing
        // about the other two: keep the form's choice.
        doc.outputs.public_dns = base.outputs.public_dns;
        doc.outputs.ssh_command = base.outputs.ssh_command;
    }
}
