//! `validate`: the only way from a [`Document`] (raw strings) to a [`Stack`] (typed, valid).
//!
//! Every problem found is reported, each with the field's path, so the form can show all
//! messages at once next to their fields. Rules that need no other field are in `names`;
//! this module holds the cross-field rules and the AWS limits.

use std::str::FromStr;

use super::document::{Document, RuleDoc};
use super::error::{FieldError, FieldErrorKind as K};
use super::names::{Arch, Cidr4, Cidr6, InstanceType, Region, ResourceName, Zone};
use super::secrets::find_secret;
use super::ssh::check_public_key;
use super::stack::*;

/// Fields that may span several lines; every other text field is a single line.
const MULTI_LINE_FIELDS: &[&str] = &["user_data"];

/// AWS's characters for security group names, descriptions and rule descriptions, besides
/// ASCII letters, digits and space.
const SG_PUNCTUATION: &str = "._-:/()#,@[]+=&;{}!$*";

/// CloudWatch Logs' allowed retention periods, in days (0: never expire).
pub const LOG_RETENTION_DAYS: &[u32] = &[
    0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/// Turn a document into a typed stack, or list every field error.
pub fn validate(doc: &Document) -> Result<Stack, Vec<FieldError>> {
    let mut v = Validator::default();
    v.scan_text(doc);
    let stack = v.stack(doc);
    match stack {
        Some(stack) if v.errors.is_empty() => Ok(stack),
        _ => Err(v.errors),
    }
}

/// Collects errors; the first error on a path wins, so one field shows one message. (A document
/// has few errors, so looking through them is fast, and needs no set type in the wasm build.)
#[derive(Default)]
struct Validator {
    errors: Vec<FieldError>,
}

/// `base.name`: the path of a field of a list item.
fn field(base: &str, name: &str) -> String {
    format!("{base}.{name}")
}

/// `list[i]`: the path of a list item.
fn item(list: &str, i: usize) -> String {
    format!("{list}[{i}]")
}

impl Validator {
    fn push(&mut self, path: &str, kind: K) {
        if self.ok(path) {
            self.errors.push(FieldError::new(path, kind));
        }
    }

    fn ok(&self, path: &str) -> bool {
        !self.errors.iter().any(|e| e.path == path)
    }

    /// Whether a required field is still to be checked: it has no error yet, and it is not
    /// empty (which is recorded).
    fn needs_check(&mut self, path: &str, text: &str) -> bool {
        if !self.ok(path) {
            return false;
        }
        if text.is_empty() {
            self.push(path, K::Required);
            return false;
        }
        true
    }

    /// Parse with `T::from_str`, recording the error under `path`. (Generic, so kept short:
    /// the shared part is in `needs_check`.)
    fn parse<T: FromStr<Err = K>>(&mut self, path: &str, text: &str) -> Option<T> {
        if !self.needs_check(path, text) {
            return None;
        }
        text.parse().map_err(|e| self.push(path, e)).ok()
    }

    /// A resource name that no earlier element of the same list has (`names` holds theirs).
    fn unique_name<'d>(&mut self, names: &mut Vec<&'d str>, path: &str, text: &'d str) -> Option<ResourceName> {
        let name: Option<ResourceName> = self.parse(path, text);
        if name.is_some() {
            if names.contains(&text) {
                self.push(path, K::DuplicateName(text.to_owned()));
            } else {
                names.push(text);
            }
        }
        name
    }

    /// Every block of a list typed with commas and/or spaces; `None` after the first bad one.
    fn cidrs<T: FromStr<Err = K>>(&mut self, path: &str, text: &str) -> Option<Vec<T>> {
        let mut out = Vec::new();
        for c in cidr_list(text) {
            out.push(self.parse(path, c)?);
        }
        Some(out)
    }

    fn number(&mut self, path: &str, text: &str, what: &'static str, min: i64, max: i64) -> Option<i64> {
        if !self.needs_check(path, text) {
            return None;
        }
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            self.push(path, K::NotNumber { value: text.to_owned() });
            return None;
        }
        // At most 18 digits, so it fits.
        let magnitude: i64 = digits.parse().ok()?;
        let n = if digits.len() < text.len() {
            -magnitude
        } else {
            magnitude
        };
        if n < min || n > max {
            self.push(
                path,
                K::OutOfRange {
                    what,
                    value: text.to_owned(),
                    min,
                    max,
                },
            );
            return None;
        }
        Some(n)
    }

    fn max_len(&mut self, path: &str, text: &str, what: &'static str, max: usize) -> bool {
        let len = text.chars().count();
        if len > max {
            self.push(path, K::TooLong { what, len, max });
            return false;
        }
        true
    }

    /// Optional text: empty → None.
    fn optional(text: &str) -> Option<String> {
        (!text.is_empty()).then(|| text.to_owned())
    }

    /// One pass over every string in the document: secrets, NUL and control characters.
    fn scan_text(&mut self, doc: &Document) {
        let mut found = Vec::new();
        doc.visit_texts(&mut |path, text| {
            let multi_line = MULTI_LINE_FIELDS.iter().any(|f| path.ends_with(f));
            let kind = if let Some(what) = find_secret(text) {
                K::Secret(what)
            } else if let Some(c) = text.chars().find(|&c| is_forbidden_control(c, multi_line)) {
                K::ControlCharacter(describe_control(c))
            } else if let Some(c) = text.chars().find(|&c| is_invisible_format(c)) {
                K::InvisibleCharacter(format!("U+{:04X}", c as u32))
            } else {
                return;
            };
            found.push((path.to_owned(), kind));
        });
        for (path, kind) in found {
            self.push(&path, kind);
        }
    }

    fn stack(&mut self, doc: &Document) -> Option<Stack> {
        let provider = self.provider(doc);
        let image = self.image(doc);
        let region = provider.as_ref().map(|p| p.region);
        let network = self.network(doc, region);
        let security_group = self.security_group(doc);
        let key_pair = self.key_pair(doc);
        let instances = self.instances(doc, network.as_ref(), image.as_ref().map(|i| i.arch));
        let provisioner = self.provisioner(doc);
        let o = &doc.outputs;
        let outputs = Outputs {
            public_ip: o.public_ip,
            public_dns: o.public_dns,
            ssh_command: o.ssh_command,
        };
        // One match rather than a `?` per field, each of which would need its own code to drop
        // the other fields.
        let (
            Some(provider),
            Some(image),
            Some(network),
            Some(security_group),
            Some(key_pair),
            Some(instances),
            Some(provisioner),
        ) = (
            provider,
            image,
            network,
            security_group,
            key_pair,
            instances,
            provisioner,
        )
        else {
            return None;
        };
        Some(Stack {
            provider,
            image,
            network,
            security_group,
            key_pair,
            instances,
            outputs,
            provisioner,
        })
    }

    fn provider(&mut self, doc: &Document) -> Option<Provider> {
        let p = &doc.provider;
        let region: Option<Region> = self.parse("provider.region", &p.region);
        for (path, file) in [
            ("provider.shared_credentials_file", &p.shared_credentials_file),
            ("provider.shared_config_file", &p.shared_config_file),
        ] {
            if !file.is_empty()
                && self.ok(path)
                && (!file.starts_with('/') || !self.max_len(path, file, "the path", 4096))
            {
                self.push(path, K::NotAbsolutePath(file.clone()));
            }
        }
        let profile_ok = p
            .profile
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-@+".contains(&b));
        if !profile_ok {
            self.push(
                "provider.profile",
                K::BadCharacters {
                    what: "profile",
                    value: p.profile.clone(),
                    allowed: "_ . - @ +",
                },
            );
        } else {
            self.max_len("provider.profile", &p.profile, "the profile name", 128);
        }
        Some(Provider {
            region: region?,
            shared_credentials_file: Self::optional(&p.shared_credentials_file),
            shared_config_file: Self::optional(&p.shared_config_file),
            profile: Self::optional(&p.profile),
        })
    }

    fn image(&mut self, doc: &Document) -> Option<Image> {
        let i = &doc.image;
        let release = match i.release.as_str() {
            "custom" => {
                let pat = &i.custom_pattern;
                let path = "image.custom_pattern";
                if pat.is_empty() {
                    self.push(path, K::Required);
                } else if !pat.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-/*?".contains(&b)) {
                    self.push(path, K::NotAmiPattern(pat.clone()));
                } else {
                    self.max_len(path, pat, "the AMI name pattern", 128);
                }
                self.ok(path).then(|| Release::Custom(pat.clone()))
            }
            r => match PUBLISHED_RELEASES.iter().find(|p| **p == r) {
                Some(p) => Some(Release::Published(p)),
                None if r.is_empty() => {
                    self.push("image.release", K::Required);
                    None
                }
                None if is_release_number(r) => {
                    self.push("image.release", K::ReleaseGone(r.to_owned()));
                    None
                }
                None => {
                    self.push("image.release", K::NotOneOf(r.to_owned(), "26.05, 25.11, custom"));
                    None
                }
            },
        };
        let arch = match i.architecture.as_str() {
            "x86_64" => Some(Arch::X86_64),
            "arm64" => Some(Arch::Arm64),
            other => {
                self.push("image.architecture", K::NotOneOf(other.to_owned(), "x86_64, arm64"));
                None
            }
        };
        let data_name = self.parse("image.data_name", &i.data_name);
        Some(Image {
            release: release?,
            arch: arch?,
            data_name: data_name?,
        })
    }

    fn network(&mut self, doc: &Document, region: Option<Region>) -> Option<Network> {
        let n = &doc.network;
        let vpc_name = self.parse("network.vpc_name", &n.vpc_name);
        let gateway_name = self.parse("network.gateway_name", &n.gateway_name);
        let route_table_name = self.parse("network.route_table_name", &n.route_table_name);
        let route_name = self.parse("network.route_name", &n.route_name);
        let vpc_cidr: Option<Cidr4> = self.parse("network.vpc_cidr", &n.vpc_cidr);
        let vpc_cidr = vpc_cidr.filter(|c| {
            let ok = (16..=28).contains(&c.prefix());
            if !ok {
                self.push("network.vpc_cidr", K::VpcPrefix(c.to_string()));
            }
            ok
        });
        if n.subnets.is_empty() {
            self.push("network.subnets", K::Empty("subnet"));
        }
        let mut subnets = Vec::new();
        let mut names = Vec::new();
        for (i, s) in n.subnets.iter().enumerate() {
            let base = item("network.subnets", i);
            let name = self.unique_name(&mut names, &field(&base, "name"), &s.name);
            let cidr_path = field(&base, "cidr");
            let cidr: Option<Cidr4> = self.parse(&cidr_path, &s.cidr);
            if let Some(cidr) = cidr {
                if cidr.prefix() > 28 {
                    self.push(&cidr_path, K::SubnetTooSmall(cidr.to_string()));
                } else if let Some(vpc) = vpc_cidr.filter(|vpc| !vpc.contains(cidr)) {
                    self.push(
                        &cidr_path,
                        K::SubnetOutsideVpc {
                            subnet: cidr.to_string(),
                            vpc: vpc.to_string(),
                        },
                    );
                } else if let Some(other) = subnets
                    .iter()
                    .find_map(|s: &Subnet| s.cidr.overlaps(cidr).then_some(s.cidr))
                {
                    self.push(
                        &cidr_path,
                        K::SubnetOverlap {
                            subnet: cidr.to_string(),
                            other: other.to_string(),
                        },
                    );
                }
            }
            let zone = region.and_then(|r| {
                Zone::parse(&s.availability_zone, r)
                    .map_err(|e| self.push(&field(&base, "availability_zone"), e))
                    .ok()
            });
            if let (Some(name), Some(cidr), Some(zone)) = (name, cidr, zone) {
                subnets.push(Subnet { name, cidr, zone });
            }
        }
        let flow_logs = if n.flow_logs {
            let path = "network.flow_log_retention_days";
            let days = self.number(path, &n.flow_log_retention_days, "retention", 0, 3653);
            match days {
                Some(d) if LOG_RETENTION_DAYS.contains(&(d as u32)) => Some(Some(d as u32)),
                Some(_) => {
                    self.push(path, K::NotOneOf(n.flow_log_retention_days.clone(), "0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"));
                    None
                }
                None => None,
            }
        } else {
            Some(None)
        };
        if subnets.len() != n.subnets.len() {
            return None;
        }
        let (
            Some(vpc_name),
            Some(vpc_cidr),
            Some(gateway_name),
            Some(route_table_name),
            Some(route_name),
            Some(flow_logs),
        ) = (
            vpc_name,
            vpc_cidr,
            gateway_name,
            route_table_name,
            route_name,
            flow_logs,
        )
        else {
            return None;
        };
        Some(Network {
            vpc_name,
            vpc_cidr,
            gateway_name,
            route_table_name,
            route_name,
            subnets,
            restrict_default_security_group: n.restrict_default_security_group,
            flow_logs,
        })
    }

    /// AWS's rule for security group names and descriptions.
    fn sg_text(&mut self, path: &str, text: &str, what: &'static str) {
        if !self.ok(path) {
            return;
        }
        if !text.chars().all(|c| {
            c.is_ascii_alphanumeric() || c == ' ' || (c.is_ascii() && SG_PUNCTUATION.as_bytes().contains(&(c as u8)))
        }) {
            self.push(
                path,
                K::BadCharacters {
                    what,
                    value: text.to_owned(),
                    allowed: "._-:/()#,@[]+=&;{}!$*",
                },
            );
        } else {
            self.max_len(path, text, what, 255);
        }
    }

    fn security_group(&mut self, doc: &Document) -> Option<SecurityGroup> {
        let g = &doc.security_group;
        let resource_name = self.parse("security_group.resource_name", &g.resource_name);
        self.sg_text("security_group.name", &g.name, "the group name");
        if starts_with_ignore_case(&g.name, "sg-") {
            self.push("security_group.name", K::SgPrefix(g.name.clone()));
        }
        self.sg_text("security_group.description", &g.description, "the description");
        let ingress = self.rules("security_group.ingress", &g.ingress);
        let egress = self.rules("security_group.egress", &g.egress);
        Some(SecurityGroup {
            resource_name: resource_name?,
            name: Self::optional(&g.name),
            description: Self::optional(&g.description),
            ingress: ingress?,
            egress: egress?,
        })
    }

    /// Every rule of a list is checked, so each shows its errors.
    fn rules(&mut self, list: &str, docs: &[RuleDoc]) -> Option<Vec<Rule>> {
        let mut out = Vec::new();
        let mut all_ok = true;
        for (i, r) in docs.iter().enumerate() {
            match self.rule(&item(list, i), r) {
                Some(rule) => out.push(rule),
                None => all_ok = false,
            }
        }
        all_ok.then_some(out)
    }

    fn rule(&mut self, base: &str, r: &RuleDoc) -> Option<Rule> {
        self.sg_text(&field(base, "description"), &r.description, "the rule description");
        let protocol = match r.protocol.as_str() {
            "tcp" => Some(Protocol::Tcp),
            "udp" => Some(Protocol::Udp),
            "icmp" => Some(Protocol::Icmp),
            "icmpv6" => Some(Protocol::Icmpv6),
            "all" | "-1" => Some(Protocol::All),
            other => {
                self.push(
                    &field(base, "protocol"),
                    K::NotOneOf(other.to_owned(), "tcp, udp, icmp, icmpv6, all"),
                );
                None
            }
        };
        let (from_path, to_path) = (field(base, "from_port"), field(base, "to_port"));
        let ports = match protocol {
            Some(Protocol::Tcp | Protocol::Udp) => {
                let from = self.number(&from_path, r.from_port.trim(), "port", 0, 65535);
                let to = self.number(&to_path, r.to_port.trim(), "port", 0, 65535);
                match (from, to) {
                    (Some(f), Some(t)) if f > t => {
                        self.push(
                            &to_path,
                            K::PortOrder {
                                from: f as u16,
                                to: t as u16,
                            },
                        );
                        None
                    }
                    (Some(f), Some(t)) => Some((f as i32, t as i32)),
                    _ => None,
                }
            }
            // AWS: from_port is the ICMP type, to_port the ICMP code; -1 means all.
            Some(Protocol::Icmp | Protocol::Icmpv6) => {
                let icmp = |v: &mut Self, path: &str, text: &str, what| match text.trim() {
                    "" => Some(-1),
                    t => v.number(path, t, what, -1, 255),
                };
                let ty = icmp(self, &from_path, &r.from_port, "ICMP type");
                let code = icmp(self, &to_path, &r.to_port, "ICMP code");
                match (ty, code) {
                    (Some(-1), Some(c)) if c != -1 => {
                        self.push(
                            &to_path,
                            K::OutOfRange {
                                what: "ICMP code (all types means all codes)",
                                value: r.to_port.clone(),
                                min: -1,
                                max: -1,
                            },
                        );
                        None
                    }
                    (Some(t), Some(c)) => Some((t as i32, c as i32)),
                    _ => None,
                }
            }
            Some(Protocol::All) => Some((0, 0)),
            None => None,
        };
        let v4_path = field(base, "ipv4_cidrs");
        let ipv4: Option<Vec<Cidr4>> = self.cidrs(&v4_path, &r.ipv4_cidrs);
        let ipv6: Option<Vec<Cidr6>> = self.cidrs(&field(base, "ipv6_cidrs"), &r.ipv6_cidrs);
        if let (Some(v4), Some(v6)) = (&ipv4, &ipv6) {
            if v4.is_empty() && v6.is_empty() {
                self.push(&v4_path, K::Required);
                return None;
            }
        }
        let (Some(protocol), Some((from_port, to_port)), Some(ipv4), Some(ipv6)) = (protocol, ports, ipv4, ipv6) else {
            return None;
        };
        Some(Rule {
            description: r.description.clone(),
            protocol,
            from_port,
            to_port,
            ipv4,
            ipv6,
        })
    }

    fn key_pair(&mut self, doc: &Document) -> Option<KeyPair> {
        let k = &doc.key_pair;
        let resource_name = self.parse("key_pair.resource_name", &k.resource_name);
        let path = "key_pair.key_name";
        if k.key_name.is_empty() {
            self.push(path, K::Required);
        } else if !k.key_name.is_ascii() {
            self.push(
                path,
                K::BadCharacters {
                    what: "the key pair name",
                    value: k.key_name.clone(),
                    allowed: "ASCII only",
                },
            );
        } else {
            self.max_len(path, &k.key_name, "the key pair name", 255);
        }
        if self.ok("key_pair.public_key") {
            if let Err(message) = check_public_key(&k.public_key) {
                self.push("key_pair.public_key", K::SshKey(message));
            }
        }
        let valid = self.ok(path) && self.ok("key_pair.public_key");
        Some(KeyPair {
            resource_name: resource_name?,
            key_name: k.key_name.clone(),
            public_key: k.public_key.trim().to_owned(),
        })
        .filter(|_| valid)
    }

    fn instances(
        &mut self,
        doc: &Document,
        network: Option<&Network>,
        image_arch: Option<Arch>,
    ) -> Option<Vec<Instance>> {
        if doc.instances.is_empty() {
            self.push("instances", K::Empty("instance"));
            return None;
        }
        let mut names = Vec::new();
        let mut out = Vec::new();
        for (i, d) in doc.instances.iter().enumerate() {
            let base = item("instances", i);
            let name = self.unique_name(&mut names, &field(&base, "name"), &d.name);
            let type_path = field(&base, "instance_type");
            let instance_type: Option<InstanceType> = self.parse(&type_path, &d.instance_type);
            if let (Some(t), Some(image)) = (&instance_type, image_arch) {
                if t.arch() != image {
                    self.push(
                        &type_path,
                        K::ArchMismatch {
                            instance_type: t.as_str().to_owned(),
                            type_arch: t.arch().ami_name().to_owned(),
                            image_arch: image.ami_name().to_owned(),
                        },
                    );
                }
            }
            let ebs_path = field(&base, "ebs_optimized");
            if let Some(t) = instance_type
                .as_ref()
                .filter(|t| d.ebs_optimized && !t.supports_ebs_optimization())
            {
                self.push(&ebs_path, K::NoEbsOptimization(t.family().to_owned()));
            }
            let subnet_path = field(&base, "subnet");
            let subnet = match network {
                _ if d.subnet.is_empty() => {
                    self.push(&subnet_path, K::Required);
                    None
                }
                Some(net) => {
                    let found = net.subnets.iter().position(|s| s.name.as_str() == d.subnet);
                    if found.is_none() {
                        self.push(&subnet_path, K::UnknownSubnet(d.subnet.clone()));
                    }
                    found
                }
                None => None,
            };
            let size = self.number(
                &field(&base, "root_volume_size"),
                d.root_volume_size.trim(),
                "root volume size (GiB)",
                4,
                16384,
            );
            let volume_type = match d.root_volume_type.as_str() {
                "gp3" => Some(VolumeType::Gp3),
                "gp2" => Some(VolumeType::Gp2),
                "io1" => Some(VolumeType::Io1),
                "io2" => Some(VolumeType::Io2),
                other => {
                    self.push(
                        &field(&base, "root_volume_type"),
                        K::NotOneOf(other.to_owned(), "gp3, gp2, io1, io2"),
                    );
                    None
                }
            };
            let tags = self.tags(&base, &d.tags);
            let ud_path = field(&base, "user_data");
            if d.user_data.len() > 16384 {
                self.push(&ud_path, K::UserDataTooLarge(d.user_data.len()));
            }
            let all_ok = [&type_path, &subnet_path, &ud_path, &ebs_path]
                .iter()
                .all(|p| self.ok(p));
            if let (Some(name), Some(instance_type), Some(subnet), Some(size), Some(volume_type), Some(tags), true) =
                (name, instance_type, subnet, size, volume_type, tags, all_ok)
            {
                out.push(Instance {
                    name,
                    instance_type,
                    subnet,
                    public_ip: d.public_ip,
                    root_volume_gib: size as u32,
                    root_volume_type: volume_type,
                    root_volume_encrypted: d.root_volume_encrypted,
                    imdsv2_required: d.imdsv2_required,
                    monitoring: d.monitoring,
                    ebs_optimized: d.ebs_optimized,
                    iam_role: d.iam_role,
                    ignore_ami_changes: d.ignore_ami_changes,
                    tags,
                    user_data: Self::optional(&d.user_data),
                });
            }
        }
        (out.len() == doc.instances.len()).then_some(out)
    }

    fn tags(&mut self, base: &str, tags: &[super::document::TagDoc]) -> Option<Vec<(String, String)>> {
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        let mut all_ok = true;
        let list = field(base, "tags");
        for (j, t) in tags.iter().enumerate() {
            let tag = item(&list, j);
            let key_path = field(&tag, "key");
            let value_path = field(&tag, "value");
            // A key already refused by the text scan is not checked again.
            if !self.ok(&key_path) {
                all_ok = false;
                continue;
            }
            if t.key.is_empty() {
                self.push(&key_path, K::Required);
            } else if starts_with_ignore_case(&t.key, "aws:") {
                self.push(&key_path, K::AwsReservedTag(t.key.clone()));
            } else if t.key.starts_with('_') || t.key == "outPath" {
                self.push(&key_path, K::NixReservedKey(t.key.clone()));
            } else if seen.contains(&t.key.as_str()) {
                self.push(&key_path, K::DuplicateTag(t.key.clone()));
            } else {
                seen.push(&t.key);
                self.max_len(&key_path, &t.key, "the tag key", 127);
            }
            if self.ok(&value_path) {
                self.max_len(&value_path, &t.value, "the tag value", 256);
            }
            all_ok &= self.ok(&key_path) && self.ok(&value_path);
            out.push((t.key.clone(), t.value.clone()));
        }
        all_ok.then_some(out)
    }

    fn provisioner(&mut self, doc: &Document) -> Option<Provisioner> {
        let p = &doc.provisioner;
        let unit_ok = !p.unit_name.is_empty()
            && p.unit_name.len() <= 200
            && !p.unit_name.ends_with(".service")
            && p.unit_name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b":_.-".contains(&b));
        if !unit_ok {
            self.push(
                "provisioner.unit_name",
                if p.unit_name.is_empty() {
                    K::Required
                } else {
                    K::NotUnitName(p.unit_name.clone())
                },
            );
        }
        let dir = &p.state_directory;
        let dir_ok = !dir.is_empty()
            && dir.len() <= 200
            && !dir.starts_with('/')
            && !dir.ends_with('/')
            && dir.split('/').all(|seg| !seg.is_empty() && seg != "." && seg != "..")
            && dir.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-/".contains(&b));
        if !dir_ok {
            self.push(
                "provisioner.state_directory",
                if dir.is_empty() {
                    K::Required
                } else {
                    K::NotStateDirectory(dir.clone())
                },
            );
        }
        let tool = match p.tool.as_str() {
            "opentofu" => Some(Tool::OpenTofu),
            "terraform" => Some(Tool::Terraform),
            other => {
                self.push("provisioner.tool", K::NotOneOf(other.to_owned(), "opentofu, terraform"));
                None
            }
        };
        let host = &p.host_name;
        let host_ok = !host.is_empty()
            && host.len() <= 63
            && host.starts_with(|c: char| c.is_ascii_alphabetic())
            && !host.ends_with('-')
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !host_ok {
            self.push(
                "provisioner.host_name",
                if host.is_empty() {
                    K::Required
                } else {
                    K::NotHostName(host.clone())
                },
            );
        }
        let host_system = match p.host_system.as_str() {
            "x86_64-linux" => Some(Arch::X86_64),
            "aarch64-linux" => Some(Arch::Arm64),
            other => {
                self.push(
                    "provisioner.host_system",
                    K::NotOneOf(other.to_owned(), "x86_64-linux, aarch64-linux"),
                );
                None
            }
        };
        (unit_ok && dir_ok && host_ok).then_some(())?;
        Some(Provisioner {
            unit_name: p.unit_name.clone(),
            state_directory: dir.clone(),
            tool: tool?,
            host_name: host.clone(),
            host_system: host_system?,
        })
    }
}

/// Whether `text` starts with `prefix` (ASCII), ignoring ASCII case.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// `NN.NN`: looks like a NixOS release number.
fn is_release_number(s: &str) -> bool {
    matches!(s.split_once('.'), Some((a, b)) if a.len() == 2 && b.len() == 2 && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()))
}

/// Split a list of CIDR blocks typed with commas and/or whitespace.
pub fn cidr_list(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

/// NUL and other control characters; in multi-line fields LF, CR and TAB are allowed.
fn is_forbidden_control(c: char, multi_line: bool) -> bool {
    if multi_line && matches!(c, '\n' | '\r' | '\t') {
        return false;
    }
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// Invisible format characters: zero-width spaces and joiners, the byte-order mark, and the
/// bidirectional overrides that make text read differently from what it is ("Trojan Source").
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

fn describe_control(c: char) -> String {
    match c {
        '\0' => "NUL".into(),
        '\n' => "a line break".into(),
        '\t' => "a tab".into(),
        '\r' => "a carriage return".into(),
        c => format!("U+{:04X}", c as u32),
    }
}
