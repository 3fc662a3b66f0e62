//! What the import changes on the way in, in words: values of the file that the form cannot
//! hold as written and replaces with nixform's own (a fixed AMI ID by the NixOS image lookup,
//! a subnet's `map_public_ip_on_launch` by each instance's "Public IP" setting, references to
//! other key pairs or groups by the stack's own; in modules mode also another module version
//! and the ec2-instance module's own security group). Nothing is changed silently: each change
//! is one line of [`super::Imported::changed`].

use serde_json::Value;

use super::modules;
use super::reader::Reader;
use super::Object;
use crate::model::document::Document;

/// Adjust `doc` where the file's meaning can be kept another way, and say what changed. In
/// modules mode (with `vpc_module`) the instances are the ec2-instance modules.
pub(super) fn changes(
    root: &Object,
    doc: &mut Document,
    had_ami: bool,
    vpc_module: Option<(&String, &Object)>,
) -> Vec<String> {
    let modules = vpc_module.is_some();
    let mut changed = Vec::new();
    let data_name = doc.image.data_name.clone();
    if !had_ami {
        changed.push(format!(
            "the file has no aws_ami data source: the NixOS {} {} image lookup (data.aws_ami.{data_name}) is added",
            doc.image.release, doc.image.architecture
        ));
    }
    // Subnets that give every instance in them a public IP; in modules mode the VPC module
    // (`all_public`) does that for all of its subnets.
    let mut public_subnets = Vec::new();
    let mut all_public = None;
    let (kind, instances) = if modules {
        if let Some((name, vpc)) = vpc_module {
            let address = format!("module.{name}");
            version(&mut changed, &address, vpc, modules::VPC_VERSION);
            if Reader::flag(vpc.get("map_public_ip_on_launch")) {
                all_public = Some(address);
            }
        }
        ("module", modules::by_source(root, modules::EC2_SOURCE))
    } else {
        for (name, s) in Reader::blocks(root, "resource", "aws_subnet") {
            if Reader::flag(s.get("map_public_ip_on_launch")) {
                public_subnets.push(name.as_str());
            }
        }
        ("aws_instance", Reader::blocks(root, "resource", "aws_instance"))
    };
    for (name, body) in &instances {
        let address = format!("{kind}.{name}");
        let ami = body.get("ami").and_then(Value::as_str).unwrap_or_default();
        if Reader::reference(body.get("ami"), "data.aws_ami", "id").as_deref() != Some(data_name.as_str()) {
            let what = if ami.is_empty() {
                "no AMI".to_owned()
            } else {
                format!("the AMI {ami}")
            };
            changed.push(format!(
                "{address}: {what} is replaced by the NixOS image lookup (data.aws_ami.{data_name})"
            ));
        }
        let key = &doc.key_pair.resource_name;
        let key_ref = Reader::reference(body.get("key_name"), "aws_key_pair", "key_name");
        if body.contains_key("key_name") && key_ref.as_deref() != Some(key.as_str()) {
            changed.push(format!(
                "{address}: key_name {} is replaced by the stack's key pair (aws_key_pair.{key})",
                Reader::text(body.get("key_name"))
            ));
        }
        let group = &doc.security_group.resource_name;
        let groups = Reader::array(body.get("vpc_security_group_ids"));
        let ours = groups.len() == 1
            && Reader::reference(groups.first(), "aws_security_group", "id").as_deref() == Some(group.as_str());
        if !ours {
            changed.push(format!(
                "{address}: its security groups are replaced by the stack's group (aws_security_group.{group})"
            ));
        }
        let subnet = if modules {
            version(&mut changed, &address, body, modules::EC2_VERSION);
            // The module's default makes a group of its own.
            if body.get("create_security_group").and_then(Value::as_bool) != Some(false) {
                changed.push(format!(
                    "{address}: create_security_group is turned off; the instance has the stack's group only"
                ));
            }
            modules::subnet(body, &doc.network).map(str::to_owned)
        } else {
            Reader::reference(body.get("subnet_id"), "aws_subnet", "id")
        };
        if subnet.is_none() {
            changed.push(format!(
                "{address}: subnet_id {} names none of the file's subnets; choose one",
                Reader::text(body.get("subnet_id"))
            ));
        }
        let in_public = subnet.is_some_and(|s| all_public.is_some() || public_subnets.contains(&s.as_str()));
        if in_public && !body.contains_key("associate_public_ip_address") {
            if let Some(d) = doc.instances.iter_mut().find(|d| d.name == **name) {
                if !d.public_ip {
                    d.public_ip = true;
                    changed.push(format!(
                        "{address}: \"Public IP\" is turned on, as its subnet gave it a public IP"
                    ));
                }
            }
        }
    }
    let subnets = public_subnets.iter().map(|s| format!("aws_subnet.{s}"));
    for address in subnets.chain(all_public) {
        changed.push(format!(
            "{address}: map_public_ip_on_launch = true is dropped; instances get public IPs through their own \"Public IP\" setting"
        ));
    }
    changed
}

/// Say so when the module at `address` asks for another version than `want`, whose inputs
/// nixform writes.
fn version(changed: &mut Vec<String>, address: &str, body: &Object, want: &str) {
    let have = Reader::text(body.get("version"));
    if have != want {
        let what = if have.is_empty() {
            "no version".to_owned()
        } else {
            format!("version {have}")
        };
        changed.push(format!(
            "{address}: {what} is replaced by {want}, whose inputs nixform writes"
        ));
    }
}
