//! Importing a `config.tf.json` back into a document: the inverse of rendering for what nixform
//! writes, and an honest list of everything else ("unmapped"), never a silent drop.
//!
//! Input is untrusted: any text gives a document or an [`ImportError`] that says what is wrong.
//! The file is read as a `serde_json::Value`. The provider, image, network, security group and
//! key pair are read here, the instances, their outputs and whatever else is left in
//! `instances`, the VPC and ec2-instance modules of modules mode in `modules`, the state
//! backend and encryption in `state`, and `reader` holds the helpers that read values as
//! nixform writes them. The rest of the provisioner (unit, state
//! directory, host) is not in Terraform JSON, so it is kept from the document the person
//! already has. Not here: checking what was imported (the document is
//! validated like anything typed) and writing Terraform (`render`).

mod changes;
mod instances;
mod modules;
mod order;
mod reader;
mod state;

use thiserror::Error;

use serde_json::Value;

use self::modules::VPC_SOURCE;
use self::reader::Reader;
use super::document::{Document, InstanceDoc, SubnetDoc, MAX_DOCUMENT_BYTES};
use super::secrets::find_secret;

/// A JSON object of the configuration (keys in sorted order).
type Object = serde_json::Map<String, Value>;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the file is {0} bytes; at most 1 MiB is accepted")]
    TooLarge(usize),
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the file is JSON but not a Terraform configuration (no resource, module, data or provider block)")]
    NotTerraform,
    #[error("the file has no aws_{0} resource, which a nixform stack needs")]
    Missing(&'static str),
    #[error("the file has no {0} module, which a nixform stack in modules mode needs")]
    MissingModule(&'static str),
    #[error("the file holds {0}; nixform does not import secrets")]
    Secret(&'static str),
}

/// An imported document, what could not be mapped onto the form, and what was changed.
#[derive(Debug, PartialEq, Eq)]
pub struct Imported {
    pub document: Document,
    /// Terraform addresses (and keys) that the form cannot hold, e.g. `resource.aws_s3_bucket.logs`.
    pub unmapped: Vec<String>,
    /// What the import changed on the way in, in words, e.g. "aws_instance.web: the AMI
    /// ami-0abc… is replaced by the NixOS image lookup (data.aws_ami.nixos-x86_64)".
    pub changed: Vec<String>,
}

/// Read `text` (a `config.tf.json`) into a document; `base` supplies what Terraform JSON does
/// not hold (the provisioner).
pub fn import_tf_json(text: &str, base: &Document) -> Result<Imported, ImportError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    // Terraform JSON may repeat a key; the last one wins (as in `serde_json::Value`). Nesting
    // is bounded by serde_json's recursion limit (128).
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let root = value.as_object().ok_or(ImportError::NotTerraform)?;
    if !["resource", "module", "data", "provider"]
        .iter()
        .any(|k| root.contains_key(*k))
    {
        return Err(ImportError::NotTerraform);
    }
    if let Some(what) = find_secret(text) {
        return Err(ImportError::Secret(what));
    }
    let mut r = Reader { unmapped: Vec::new() };
    // What a missing or non-object part of the configuration reads as.
    let empty = Object::new();
    let mut doc = Document {
        provisioner: base.provisioner.clone(),
        ..Document::default()
    };

    for key in root.keys().filter(|k| {
        ![
            "data",
            "module",
            "output",
            "provider",
            "resource",
            "terraform",
            "variable",
        ]
        .contains(&k.as_str())
    }) {
        r.note(key.clone());
    }

    // provider.aws
    let provider = root
        .get("provider")
        .and_then(|p| p.get("aws"))
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    r.extra_keys(
        "provider.aws",
        provider,
        &["profile", "region", "shared_config_files", "shared_credentials_files"],
    );
    doc.provider.region = Reader::text(provider.get("region"));
    doc.provider.profile = Reader::text(provider.get("profile"));
    doc.provider.shared_config_file = Reader::first(provider.get("shared_config_files"));
    doc.provider.shared_credentials_file = Reader::first(provider.get("shared_credentials_files"));
    // With LoadCredential= the files are the unit's, not the provider block's: keep the form's.
    let no_files = doc.provider.shared_config_file.is_empty() && doc.provider.shared_credentials_file.is_empty();
    if no_files && base.provisioner.credentials == "load-credential" {
        doc.provider
            .shared_config_file
            .clone_from(&base.provider.shared_config_file);
        doc.provider
            .shared_credentials_file
            .clone_from(&base.provider.shared_credentials_file);
    }
    state::state(&mut r, root, &mut doc);
    if let Some(providers) = root.get("provider").and_then(Value::as_object) {
        for other in providers.keys().filter(|k| *k != "aws") {
            r.note(format!("provider.{other}"));
        }
    }

    // data: the AMI and the zones.
    if let Some(data) = root.get("data").and_then(Value::as_object) {
        for (kind, blocks) in data.iter() {
            for name in blocks.as_object().unwrap_or(&empty).keys() {
                let known = (kind == "aws_ami") || (kind == "aws_availability_zones" && name == "available");
                if !known {
                    r.note(format!("data.{kind}.{name}"));
                }
            }
        }
    }
    let amis = Reader::blocks(root, "data", "aws_ami");
    for (name, _) in amis.get(1..).unwrap_or_default() {
        r.note(format!("data.aws_ami.{name} (the form holds one image)"));
    }
    if let Some((name, ami)) = amis.first() {
        r.extra_keys(
            &format!("data.aws_ami.{name}"),
            ami,
            &["filter", "most_recent", "owners"],
        );
        doc.image.data_name = (*name).clone();
        for f in Reader::array(ami.get("filter")) {
            let value = Reader::first(f.get("values"));
            match f.get("name").and_then(Value::as_str) {
                Some("name") => {
                    let release = value.strip_prefix("nixos/").and_then(|v| v.strip_suffix('*'));
                    match release.filter(|r| crate::model::stack::PUBLISHED_RELEASES.contains(r)) {
                        Some(rel) => doc.image.release = rel.to_owned(),
                        None => {
                            doc.image.release = "custom".into();
                            doc.image.custom_pattern = value;
                        }
                    }
                }
                Some("architecture") => doc.image.architecture = value,
                other => r.note(format!("data.aws_ami.{name}.filter {}", other.unwrap_or("?"))),
            }
        }
    }

    // The network: the VPC module in modules mode, else the resources.
    let vpc_module = r.only(modules::by_source(root, VPC_SOURCE), "module", "VPC module");
    let vpc_name = match vpc_module {
        Some((name, vpc)) => {
            modules::MODE.clone_into(&mut doc.mode);
            modules::network(&mut r, name, vpc, &mut doc, base);
            name
        }
        None => network(&mut r, root, &mut doc)?,
    };

    // The security group and the key pair.
    let (sg_name, sg) = r
        .single(root, "aws_security_group")
        .ok_or(ImportError::Missing("security_group"))?;
    let address = format!("aws_security_group.{sg_name}");
    r.extra_keys(
        &address,
        sg,
        &["description", "egress", "ingress", "name", "tags", "vpc_id"],
    );
    doc.security_group.resource_name = sg_name.clone();
    doc.security_group.name = Reader::text(sg.get("name"));
    let sg_label = if doc.security_group.name.is_empty() {
        sg_name
    } else {
        &doc.security_group.name
    };
    r.name_tag(&address, sg, sg_label);
    doc.security_group.description = Reader::text(sg.get("description"));
    doc.security_group.ingress = r.rules(&address, sg, "ingress");
    doc.security_group.egress = r.rules(&address, sg, "egress");
    let (key_name, key) = r.single(root, "aws_key_pair").ok_or(ImportError::Missing("key_pair"))?;
    r.extra_keys(
        &format!("aws_key_pair.{key_name}"),
        key,
        &["key_name", "public_key", "tags"],
    );
    doc.key_pair.resource_name = key_name.clone();
    doc.key_pair.key_name = Reader::text(key.get("key_name"));
    r.name_tag(&format!("aws_key_pair.{key_name}"), key, &doc.key_pair.key_name);
    doc.key_pair.public_key = Reader::text(key.get("public_key"));

    let modules_mode = vpc_module.is_some();
    let (instances, with_role) = if modules_mode {
        (modules::instances(&mut r, root, &doc, base)?, Vec::new())
    } else {
        instances::instances(&mut r, root, base)?
    };
    doc.instances = instances;
    instances::other_resources(&mut r, root, vpc_name, &with_role, modules_mode);
    modules::other_modules(&mut r, root, modules_mode);
    instances::outputs(&mut r, root, &mut doc, base);
    let changed = changes::changes(root, &mut doc, !amis.is_empty(), vpc_module);
    keep_order(&mut doc, base, &order::instance_order(text));
    let mut unmapped = r.unmapped;
    unmapped.sort_unstable();
    unmapped.dedup();
    Ok(Imported {
        document: doc,
        unmapped,
        changed,
    })
}

/// The network from its resources (`aws_vpc`, `aws_subnet`, ...); the VPC's name.
fn network<'a>(r: &mut Reader, root: &'a Object, doc: &mut Document) -> Result<&'a String, ImportError> {
    let (vpc_name, vpc) = r.single(root, "aws_vpc").ok_or(ImportError::Missing("vpc"))?;
    r.extra_keys(
        &format!("aws_vpc.{vpc_name}"),
        vpc,
        &["cidr_block", "enable_dns_hostnames", "enable_dns_support", "tags"],
    );
    r.name_tag(&format!("aws_vpc.{vpc_name}"), vpc, vpc_name);
    doc.network.vpc_name = vpc_name.clone();
    doc.network.vpc_cidr = Reader::text(vpc.get("cidr_block"));
    for (field, kind) in [
        ("gateway", "aws_internet_gateway"),
        ("route_table", "aws_route_table"),
        ("route", "aws_route"),
    ] {
        if let Some((name, body)) = r.single(root, kind) {
            let known: &[&str] = if kind == "aws_route" {
                &["destination_cidr_block", "gateway_id", "route_table_id"]
            } else {
                &["tags", "vpc_id"]
            };
            r.extra_keys(&format!("{kind}.{name}"), body, known);
            if kind != "aws_route" {
                r.name_tag(&format!("{kind}.{name}"), body, name);
            }
            match field {
                "gateway" => doc.network.gateway_name = name.clone(),
                "route_table" => doc.network.route_table_name = name.clone(),
                _ => doc.network.route_name = name.clone(),
            }
        }
    }
    doc.network.subnets = Reader::blocks(root, "resource", "aws_subnet")
        .into_iter()
        .map(|(name, s)| {
            r.extra_keys(
                &format!("aws_subnet.{name}"),
                s,
                &[
                    "availability_zone",
                    "cidr_block",
                    "map_public_ip_on_launch",
                    "tags",
                    "vpc_id",
                ],
            );
            r.name_tag(&format!("aws_subnet.{name}"), s, name);
            SubnetDoc {
                name: name.clone(),
                cidr: Reader::text(s.get("cidr_block")),
                availability_zone: Reader::zone(s.get("availability_zone")),
            }
        })
        .collect();
    for (name, _) in Reader::blocks(root, "resource", "aws_route_table_association") {
        let subnet = name.strip_suffix("-route-tb-association");
        if !doc.network.subnets.iter().any(|s| Some(s.name.as_str()) == subnet) {
            r.note(format!("resource.aws_route_table_association.{name}"));
        }
    }
    doc.network.restrict_default_security_group =
        !Reader::blocks(root, "resource", "aws_default_security_group").is_empty();
    let log_groups = Reader::blocks(root, "resource", "aws_cloudwatch_log_group");
    doc.network.flow_logs = !Reader::blocks(root, "resource", "aws_flow_log").is_empty();
    if let Some((_, group)) = log_groups.first() {
        doc.network.flow_log_retention_days = Reader::text(group.get("retention_in_days"));
    }
    Ok(vpc_name)
}

/// Instances the form already has keep their place in it; new ones follow in the order the
/// file lists them (`file_order`).
fn keep_order(doc: &mut Document, base: &Document, file_order: &[String]) {
    let place = |name: &str| {
        let in_form = base.instances.iter().position(|i| i.name == name);
        let in_file = file_order.iter().position(|n| n == name);
        (in_form.unwrap_or(usize::MAX), in_file.unwrap_or(usize::MAX))
    };
    // Each instance's place, then the instances in that order (ties keep the file's order).
    // `place` is already linear in the list, so building the order by insertion costs no more
    // than a sort would, and keeps a sort routine for this type out of the wasm.
    let mut order: Vec<((usize, usize), usize)> = Vec::with_capacity(doc.instances.len());
    for (i, instance) in doc.instances.iter().enumerate() {
        let key = place(&instance.name);
        order.insert(order.partition_point(|(k, _)| *k <= key), (key, i));
    }
    let mut instances: Vec<Option<InstanceDoc>> = doc.instances.drain(..).map(Some).collect();
    doc.instances = order
        .iter()
        .filter_map(|&(_, i)| instances.get_mut(i).and_then(Option::take))
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_what_is_wrong() {
        let base = Document::default();
        assert!(matches!(
            import_tf_json("not json", &base),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(import_tf_json("[1,2]", &base), Err(ImportError::NotTerraform));
        assert_eq!(
            import_tf_json("{\"version\": 1}", &base),
            Err(ImportError::NotTerraform)
        );
        assert_eq!(
            import_tf_json("{\"resource\": {}}", &base),
            Err(ImportError::Missing("vpc"))
        );
    }
}
