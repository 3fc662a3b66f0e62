//! What the import changes on the way in, in words: values of the file that the form cannot
//! hold as written and replaces with nixform's own (a fixed AMI ID by the NixOS image lookup,
//! a subnet's `map_public_ip_on_launch` by each instance's "Public IP" setting, references to
//! other key pairs or groups by the stack's own). Nothing is changed silently: each change is
//! one line of [`super::Imported::changed`].

use serde_json::Value;

use super::reader::Reader;
use super::Object;
use crate::model::document::Document;

/// Adjust `doc` where the file's meaning can be kept another way, and say what changed.
pub(super) fn changes(root: &Object, doc: &mut Document, had_ami: bool) -> Vec<String> {
    let mut changed = Vec::new();
    let data_name = doc.image.data_name.clone();
    if !had_ami {
        changed.push(format!(
            "the file has no aws_ami data source: the NixOS {} {} image lookup (data.aws_ami.{data_name}) is added",
            doc.image.release, doc.image.architecture
        ));
    }
    // Subnets that give every instance in them a public IP.
    let mut public_subnets = Vec::new();
    for (name, s) in Reader::blocks(root, "resource", "aws_subnet") {
        if Reader::flag(s.get("map_public_ip_on_launch")) {
            public_subnets.push(name.as_str());
        }
    }
    let instances = Reader::blocks(root, "resource", "aws_instance");
    for (name, body) in &instances {
        let address = format!("aws_instance.{name}");
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
        let subnet = Reader::reference(body.get("subnet_id"), "aws_subnet", "id");
        if subnet.is_none() {
            changed.push(format!(
                "{address}: subnet_id {} names none of the file's subnets; choose one",
                Reader::text(body.get("subnet_id"))
            ));
        }
        let in_public = subnet.as_deref().is_some_and(|s| public_subnets.contains(&s));
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
    for s in public_subnets {
        changed.push(format!(
            "aws_subnet.{s}: map_public_ip_on_launch = true is dropped; instances get public IPs through their own \"Public IP\" setting"
        ));
    }
    changed
}
