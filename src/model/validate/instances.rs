//! The instances: names, types (and their architecture against the image's), subnets, root
//! volumes, tags and user data; and the key pair they log in with.

use super::{field, item, starts_with_ignore_case, Validator, K};
use crate::model::document::{Document, TagDoc};
use crate::model::edit::MAX_USER_DATA_BYTES;
use crate::model::names::{Arch, InstanceType};
use crate::model::ssh::check_public_key;
use crate::model::stack::{Instance, KeyPair, Network, VolumeType};

impl Validator {
    pub(super) fn key_pair(&mut self, doc: &Document) -> Option<KeyPair> {
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
                    allowed: "ASCII characters",
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

    pub(super) fn instances(
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
            let host = self.host(doc, &base, d);
            let ud_path = field(&base, "user_data");
            if d.user_data.len() > MAX_USER_DATA_BYTES {
                self.push(&ud_path, K::UserDataTooLarge(d.user_data.len()));
            }
            let all_ok = [&type_path, &subnet_path, &ud_path, &ebs_path]
                .iter()
                .all(|p| self.ok(p));
            if let (
                Some(name),
                Some(instance_type),
                Some(subnet),
                Some(size),
                Some(volume_type),
                Some(tags),
                Some(host),
                true,
            ) = (name, instance_type, subnet, size, volume_type, tags, host, all_ok)
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
                    host,
                });
            }
        }
        (out.len() == doc.instances.len()).then_some(out)
    }

    fn tags(&mut self, base: &str, tags: &[TagDoc]) -> Option<Vec<(String, String)>> {
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
}
