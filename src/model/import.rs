//! Importing a `config.tf.json` back into a document: the inverse of rendering for what nixform
//! writes, and an honest list of everything else ("unmapped"), never a silent drop.
//!
//! Input is untrusted: any text gives a document or an [`ImportError`] that says what is wrong.
//! The provisioner (unit, state directory, host) is not in Terraform JSON, so it is kept from
//! the document the person already has.

use thiserror::Error;

use serde_json::Value;

use super::document::{Document, InstanceDoc, RuleDoc, SubnetDoc, TagDoc, MAX_DOCUMENT_BYTES};
use super::secrets::find_secret;
use super::template;

/// A JSON object of the configuration (keys in sorted order).
type Object = serde_json::Map<String, Value>;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the file is {0} bytes; at most 1 MiB is accepted")]
    TooLarge(usize),
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the file is JSON but not a Terraform configuration (no resource, data or provider block)")]
    NotTerraform,
    #[error("the file has no aws_{0} resource, which a nixform stack needs")]
    Missing(&'static str),
    #[error("the file holds {0}; nixform does not import secrets")]
    Secret(&'static str),
}

/// An imported document and what could not be mapped onto the form.
#[derive(Debug, PartialEq, Eq)]
pub struct Imported {
    pub document: Document,
    /// Terraform addresses (and keys) that the form cannot hold, e.g. `resource.aws_s3_bucket.logs`.
    pub unmapped: Vec<String>,
}

/// Walks the configuration, taking what it maps and remembering the rest.
struct Reader {
    /// In the order noted; sorted and without repeats at the end.
    unmapped: Vec<String>,
}

impl Reader {
    /// The literal text of a template string, or the raw string when it is an expression.
    fn text(v: Option<&Value>) -> String {
        match v {
            Some(Value::String(s)) => template::unescape(s).unwrap_or_else(|| s.clone()),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    }

    /// `${kind.NAME.attr}` → `NAME`.
    fn reference(v: Option<&Value>, kind: &str, attr: &str) -> Option<String> {
        let s = v?.as_str()?;
        let inner = s.strip_prefix("${")?.strip_suffix('}')?;
        let rest = inner.strip_prefix(kind)?.strip_prefix('.')?;
        rest.strip_suffix(attr)?.strip_suffix('.').map(str::to_owned)
    }

    fn flag(v: Option<&Value>) -> bool {
        v.and_then(Value::as_bool).unwrap_or(false)
    }

    fn array(v: Option<&Value>) -> &[Value] {
        v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }

    /// The texts of a list, joined as the form shows them.
    fn list(v: Option<&Value>) -> String {
        let texts: Vec<String> = Self::array(v).iter().map(|x| Self::text(Some(x))).collect();
        texts.join(", ")
    }

    /// The text of a list's first item.
    fn first(v: Option<&Value>) -> String {
        Self::text(Self::array(v).first())
    }

    fn note(&mut self, item: String) {
        self.unmapped.push(item);
    }

    /// Note every key of `body` not in `known` as unmapped, under `address`.
    fn extra_keys(&mut self, address: &str, body: &Object, known: &[&str]) {
        for key in body.keys().filter(|k| !known.contains(&k.as_str())) {
            self.note(format!("{address}.{key}"));
        }
    }

    /// The bodies of `resource.<kind>` (or `data.<kind>`), in name order.
    fn blocks<'a>(root: &'a Object, section: &str, kind: &str) -> Vec<(&'a String, &'a Object)> {
        root.get(section)
            .and_then(|s| s.get(kind))
            .and_then(Value::as_object)
            .map(|m| m.iter().filter_map(|(k, v)| v.as_object().map(|o| (k, o))).collect())
            .unwrap_or_default()
    }

    /// The single block of a kind: more than one is reported and only the first is used.
    fn single<'a>(&mut self, root: &'a Object, kind: &str) -> Option<(&'a String, &'a Object)> {
        let blocks = Self::blocks(root, "resource", kind);
        for (name, _) in blocks.get(1..).unwrap_or_default() {
            self.note(format!("resource.{kind}.{name} (the form holds one {kind})"));
        }
        blocks.into_iter().next()
    }

    fn rule(&mut self, address: &str, r: &Value) -> RuleDoc {
        let empty = Object::new();
        let r = r.as_object().unwrap_or(&empty);
        self.extra_keys(
            address,
            r,
            &[
                "cidr_blocks",
                "description",
                "from_port",
                "ipv6_cidr_blocks",
                "prefix_list_ids",
                "protocol",
                "security_groups",
                "self",
                "to_port",
            ],
        );
        for key in ["prefix_list_ids", "security_groups"] {
            if !Self::array(r.get(key)).is_empty() {
                self.note(format!("{address}.{key}"));
            }
        }
        if Self::flag(r.get("self")) {
            self.note(format!("{address}.self"));
        }
        let protocol = Self::text(r.get("protocol"));
        let protocol = match protocol.as_str() {
            "-1" | "all" => "all",
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            p => p,
        }
        .to_owned();
        let port = |v: Option<&Value>, icmp: bool| {
            let t = Self::text(v);
            if icmp && t == "-1" {
                String::new()
            } else {
                t
            }
        };
        let icmp = protocol.starts_with("icmp");
        RuleDoc {
            description: Self::text(r.get("description")),
            from_port: port(r.get("from_port"), icmp),
            to_port: port(r.get("to_port"), icmp),
            protocol,
            ipv4_cidrs: Self::list(r.get("cidr_blocks")),
            ipv6_cidrs: Self::list(r.get("ipv6_cidr_blocks")),
        }
    }

    /// The `ingress` or `egress` rules of the security group at `address`.
    fn rules(&mut self, address: &str, sg: &Object, dir: &str) -> Vec<RuleDoc> {
        Self::array(sg.get(dir))
            .iter()
            .enumerate()
            .map(|(i, v)| self.rule(&format!("{address}.{dir}[{i}]"), v))
            .collect()
    }
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
    if !["resource", "data", "provider"].iter().any(|k| root.contains_key(*k)) {
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

    for key in root
        .keys()
        .filter(|k| !["data", "output", "provider", "resource", "terraform"].contains(&k.as_str()))
    {
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

    // The network.
    let (vpc_name, vpc) = r.single(root, "aws_vpc").ok_or(ImportError::Missing("vpc"))?;
    r.extra_keys(
        &format!("aws_vpc.{vpc_name}"),
        vpc,
        &["cidr_block", "enable_dns_hostnames", "enable_dns_support"],
    );
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
                &["vpc_id"]
            };
            r.extra_keys(&format!("{kind}.{name}"), body, known);
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
                &["availability_zone", "cidr_block", "vpc_id"],
            );
            let zone = Reader::text(s.get("availability_zone"));
            SubnetDoc {
                name: name.clone(),
                cidr: Reader::text(s.get("cidr_block")),
                availability_zone: if zone.contains("aws_availability_zones") {
                    String::new()
                } else {
                    zone
                },
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

    // The security group and the key pair.
    let (sg_name, sg) = r
        .single(root, "aws_security_group")
        .ok_or(ImportError::Missing("security_group"))?;
    let address = format!("aws_security_group.{sg_name}");
    r.extra_keys(&address, sg, &["description", "egress", "ingress", "name", "vpc_id"]);
    doc.security_group.resource_name = sg_name.clone();
    doc.security_group.name = Reader::text(sg.get("name"));
    doc.security_group.description = Reader::text(sg.get("description"));
    doc.security_group.ingress = r.rules(&address, sg, "ingress");
    doc.security_group.egress = r.rules(&address, sg, "egress");
    let (key_name, key) = r.single(root, "aws_key_pair").ok_or(ImportError::Missing("key_pair"))?;
    r.extra_keys(&format!("aws_key_pair.{key_name}"), key, &["key_name", "public_key"]);
    doc.key_pair.resource_name = key_name.clone();
    doc.key_pair.key_name = Reader::text(key.get("key_name"));
    doc.key_pair.public_key = Reader::text(key.get("public_key"));

    // Instances (and their IAM roles).
    let instances = Reader::blocks(root, "resource", "aws_instance");
    if instances.is_empty() {
        return Err(ImportError::Missing("instance"));
    }
    // Instances with an IAM role: nixform writes `<name>-role` for each.
    let mut with_role: Vec<&str> = Vec::new();
    doc.instances = instances
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
            let tokens = b
                .get("metadata_options")
                .and_then(|m| m.get("http_tokens"))
                .and_then(Value::as_str);
            let ignore = b
                .get("lifecycle")
                .map(|l| Reader::array(l.get("ignore_changes")))
                .is_some_and(|a| a.iter().any(|x| x.as_str() == Some("ami")));
            let iam_role = b.contains_key("iam_instance_profile");
            if iam_role {
                with_role.push(name);
            }
            let tags = b
                .get("tags")
                .and_then(Value::as_object)
                .map(|t| {
                    t.iter()
                        .map(|(k, v)| TagDoc {
                            key: template::unescape(k).unwrap_or_else(|| k.clone()),
                            value: Reader::text(Some(v)),
                        })
                        .collect()
                })
                .unwrap_or_default();
            InstanceDoc {
                name: name.clone(),
                instance_type: Reader::text(b.get("instance_type")),
                subnet: Reader::reference(b.get("subnet_id"), "aws_subnet", "id").unwrap_or_default(),
                public_ip: Reader::flag(b.get("associate_public_ip_address")),
                root_volume_size: Reader::text(root_dev.get("volume_size")),
                root_volume_type: match Reader::text(root_dev.get("volume_type")) {
                    t if t.is_empty() => "gp3".into(),
                    t => t,
                },
                root_volume_encrypted: Reader::flag(root_dev.get("encrypted")),
                imdsv2_required: tokens == Some("required"),
                monitoring: Reader::flag(b.get("monitoring")),
                ebs_optimized: Reader::flag(b.get("ebs_optimized")),
                iam_role,
                ignore_ami_changes: ignore,
                tags,
                user_data: Reader::text(b.get("user_data")),
            }
        })
        .collect();

    // Resources nixform writes as parts of the above, and anything else.
    let vpc_flow = format!("{vpc_name}-flow-logs");
    let known_kinds = [
        "aws_vpc",
        "aws_internet_gateway",
        "aws_route_table",
        "aws_route",
        "aws_subnet",
        "aws_route_table_association",
        "aws_security_group",
        "aws_key_pair",
        "aws_instance",
        "aws_default_security_group",
        "aws_flow_log",
        "aws_cloudwatch_log_group",
    ];
    if let Some(resources) = root.get("resource").and_then(Value::as_object) {
        for (kind, blocks) in resources.iter() {
            for name in blocks.as_object().unwrap_or(&empty).keys() {
                let is_role = name.strip_suffix("-role").is_some_and(|n| with_role.contains(&n));
                let derived = match kind.as_str() {
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

    // Outputs: the three kinds nixform writes per instance.
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
    doc.outputs.public_ip = has("_public_ip");
    doc.outputs.public_dns = has("_public_dns");
    doc.outputs.ssh_command = has("_ssh");
    for o in outputs {
        let ours = ["_public_ip", "_public_dns", "_ssh"].iter().any(|s| is_output(o, s));
        if !ours {
            r.note(format!("output.{o}"));
        }
    }
    if !doc.instances.iter().any(|i| i.public_ip) {
        // Without a public IP no output is written, so the file says nothing: keep the form's choice.
        doc.outputs = base.outputs.clone();
    }
    let mut unmapped = r.unmapped;
    unmapped.sort();
    unmapped.dedup();
    Ok(Imported {
        document: doc,
        unmapped,
    })
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
