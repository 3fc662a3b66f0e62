//! Modules mode read back: `module.<vpc>` (terraform-aws-modules/vpc/aws) into the network and
//! each `module.<instance>` (terraform-aws-modules/ec2-instance/aws) into an instance, by the
//! inputs `render::terraform::modules` writes. Every other input, an input of a type the form
//! cannot hold (an expression where a flag goes, say), and every module of another source are
//! noted as unmapped.
//!
//! Not here: the security group and key pair, which stay resources in modules mode (the parent
//! module reads them), and what the import changes on the way in (another module version, the
//! module's own security group), which `changes` says.

use serde_json::Value;

use super::instances::instance;
use super::reader::Reader;
use super::{ImportError, Object};
use crate::model::document::{Document, InstanceDoc, NetworkDoc, SubnetDoc};

/// The document's mode for a file with a VPC module.
pub(super) const MODE: &str = "modules";
/// The sources and versions `render::terraform::modules` writes (the model does not depend on
/// `render`; the round-trip tests hold the two together).
pub(super) const VPC_SOURCE: &str = "terraform-aws-modules/vpc/aws";
pub(super) const VPC_VERSION: &str = "~> 6.6";
pub(super) const EC2_SOURCE: &str = "terraform-aws-modules/ec2-instance/aws";
pub(super) const EC2_VERSION: &str = "~> 6.4";

/// What a module input holds, as far as the form can take it. Every kind also takes `null`,
/// which in Terraform leaves the module's default.
#[derive(Clone, Copy)]
enum Kind {
    /// A string, number or bool (read as its text).
    Text,
    Flag,
    List,
    Object,
}

use Kind::{Flag, List, Text};

const VPC_INPUTS: &[(&str, Kind)] = &[
    ("azs", List),
    ("cidr", Text),
    ("create_flow_log_cloudwatch_iam_role", Flag),
    ("create_flow_log_cloudwatch_log_group", Flag),
    ("enable_dns_hostnames", Flag),
    ("enable_dns_support", Flag),
    ("enable_flow_log", Flag),
    ("flow_log_cloudwatch_log_group_retention_in_days", Text),
    ("manage_default_security_group", Flag),
    ("map_public_ip_on_launch", Flag),
    ("name", Text),
    ("public_subnet_names", List),
    ("public_subnets", List),
    ("source", Text),
    ("version", Text),
];

const EC2_INPUTS: &[(&str, Kind)] = &[
    ("ami", Text),
    ("associate_public_ip_address", Flag),
    ("create_iam_instance_profile", Flag),
    ("create_security_group", Flag),
    ("ebs_optimized", Flag),
    ("ignore_ami_changes", Flag),
    ("instance_type", Text),
    ("key_name", Text),
    ("metadata_options", Kind::Object),
    ("monitoring", Flag),
    ("name", Text),
    ("root_block_device", Kind::Object),
    ("source", Text),
    ("subnet_id", Text),
    ("tags", Kind::Object),
    ("user_data", Text),
    ("version", Text),
    ("vpc_security_group_ids", List),
];

const ROOT_DEVICE_INPUTS: &[(&str, Kind)] = &[("encrypted", Flag), ("size", Text), ("type", Text)];

const METADATA_INPUTS: &[(&str, Kind)] = &[
    ("http_endpoint", Text),
    ("http_put_response_hop_limit", Text),
    ("http_tokens", Text),
];

/// The modules of `source`, in name order.
pub(super) fn by_source<'a>(root: &'a Object, source: &str) -> Vec<(&'a String, &'a Object)> {
    let Some(modules) = root.get("module").and_then(Value::as_object) else {
        return Vec::new();
    };
    modules
        .iter()
        .filter_map(|(name, body)| {
            let body = body.as_object()?;
            (body.get("source").and_then(Value::as_str) == Some(source)).then_some((name, body))
        })
        .collect()
}

/// Note every input of the block at `address` that is not in `inputs`, or not of its kind, and
/// a `name` input that is not `name`, the module's own (which nixform writes).
fn check(r: &mut Reader, address: &str, body: &Object, inputs: &[(&str, Kind)], name: &str) {
    for (key, value) in body {
        let Some(&(_, kind)) = inputs.iter().find(|(k, _)| k == key) else {
            r.note(format!("{address}.{key}"));
            continue;
        };
        let (fits, what) = match kind {
            Text => (value.is_string() || value.is_number() || value.is_boolean(), "a string"),
            Flag => (value.is_boolean(), "true or false"),
            List => (value.is_array(), "a list"),
            Kind::Object => (value.is_object(), "an object"),
        };
        if !fits && !value.is_null() {
            r.note(format!("{address}.{key} (not {what})"));
        } else if key == "name" && Reader::text(Some(value)) != name {
            r.note(format!("{address}.name"));
        }
    }
}

/// The network from the VPC module `name`. The module makes the gateway, route table and route
/// itself, so their names (which only resources mode writes) are kept from the form (`base`).
pub(super) fn network(r: &mut Reader, name: &str, vpc: &Object, doc: &mut Document, base: &Document) {
    let address = format!("module.{name}");
    check(r, &address, vpc, VPC_INPUTS, name);
    let n = &mut doc.network;
    name.clone_into(&mut n.vpc_name);
    n.vpc_cidr = Reader::text(vpc.get("cidr"));
    n.gateway_name.clone_from(&base.network.gateway_name);
    n.route_table_name.clone_from(&base.network.route_table_name);
    n.route_name.clone_from(&base.network.route_name);
    let names = Reader::array(vpc.get("public_subnet_names"));
    let azs = Reader::array(vpc.get("azs"));
    n.subnets = Reader::array(vpc.get("public_subnets"))
        .iter()
        .enumerate()
        .map(|(i, cidr)| SubnetDoc {
            name: Reader::text(names.get(i)),
            cidr: Reader::text(Some(cidr)),
            // The module takes the zones in turn (`element`), however many there are.
            availability_zone: Reader::zone(i.checked_rem(azs.len()).and_then(|z| azs.get(z))),
        })
        .collect();
    // The module's default is to manage (and empty) the default group.
    n.restrict_default_security_group = vpc
        .get("manage_default_security_group")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    n.flow_logs = Reader::flag(vpc.get("enable_flow_log"));
    if let Some(days) = vpc.get("flow_log_cloudwatch_log_group_retention_in_days") {
        n.flow_log_retention_days = Reader::text(Some(days));
    }
}

/// The name of the subnet `${module.<vpc>.public_subnets[<i>]}` in `body.subnet_id`, if the
/// VPC module has a subnet `i`.
pub(super) fn subnet<'n>(body: &Object, network: &'n NetworkDoc) -> Option<&'n str> {
    let reference = body.get("subnet_id")?.as_str()?;
    let index = reference
        .strip_prefix("${module.")?
        .strip_prefix(network.vpc_name.as_str())?
        .strip_prefix(".public_subnets[")?
        .strip_suffix("]}")?;
    // Read as the validator reads numbers (`i64`): one integer parser in the wasm.
    let index = usize::try_from(index.parse::<i64>().ok()?).ok()?;
    let subnet = network.subnets.get(index)?;
    Some(subnet.name.as_str())
}

/// The instances, one per ec2-instance module, read as in resources mode
/// (`instances::instance`).
pub(super) fn instances(
    r: &mut Reader,
    root: &Object,
    doc: &Document,
    base: &Document,
) -> Result<Vec<InstanceDoc>, ImportError> {
    let modules = by_source(root, EC2_SOURCE);
    if modules.is_empty() {
        return Err(ImportError::MissingModule(EC2_SOURCE));
    }
    let empty = Object::new();
    let mut instances = Vec::with_capacity(modules.len());
    for (name, b) in modules {
        let address = format!("module.{name}");
        check(r, &address, b, EC2_INPUTS, name);
        let device = b.get("root_block_device").and_then(Value::as_object).unwrap_or(&empty);
        check(
            r,
            &format!("{address}.root_block_device"),
            device,
            ROOT_DEVICE_INPUTS,
            "",
        );
        let metadata = b.get("metadata_options").and_then(Value::as_object).unwrap_or(&empty);
        check(r, &format!("{address}.metadata_options"), metadata, METADATA_INPUTS, "");
        instances.push(instance(name, b, Some(&doc.network), base));
    }
    Ok(instances)
}

/// Note every module that is not one nixform writes: all of them in resources mode; in modules
/// mode those of other sources (extra VPC modules are noted where the first is taken). A
/// `module` that is not an object is noted whole.
pub(super) fn other_modules(r: &mut Reader, root: &Object, modules_mode: bool) {
    let Some(modules) = root.get("module") else { return };
    let Some(modules) = modules.as_object() else {
        return r.note("module".into());
    };
    for (name, body) in modules {
        let source = body.get("source").and_then(Value::as_str);
        let ours = modules_mode && (source == Some(VPC_SOURCE) || source == Some(EC2_SOURCE));
        if !ours {
            r.note(format!("module.{name}"));
        }
    }
}
