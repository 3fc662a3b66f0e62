//! Edits that keep the form valid where the intent is clear: after the region changes, the
//! zones follow; a new instance gets a type of the image's architecture; switching the
//! architecture renames the AMI data source and can convert the instance types; a new subnet
//! gets the next free block; a renamed subnet's instances follow it; a removed subnet's
//! instances move to another one.
//!
//! Each function is pure, on a [`Document`], and returns what it changed so the UI can say so
//! (and undo it). Not here: asking the person first (the UI's), and the lint's fixes (`lint`).

mod subnets;

pub use subnets::{follow_subnet_rename, instances_in_subnet, next_free_subnet, remove_subnet};

use crate::model::document::Document;
use crate::model::names::{is_known_instance_type, InstanceType, REGIONS};

/// The letters of each region's zones that AWS lists (the letters map to data centres per
/// account; these are the ones an account sees by default). A region not listed here has a, b
/// and c.
const ZONE_LETTERS: &[(&str, &str)] = &[
    ("us-east-1", "abcdef"),
    ("us-west-2", "abcd"),
    ("ap-northeast-1", "acd"),
    ("ap-northeast-2", "abcd"),
    ("ca-central-1", "abd"),
];

fn zone_letters(region: &str) -> &'static str {
    ZONE_LETTERS
        .iter()
        .find(|(r, _)| *r == region)
        .map_or("abc", |(_, letters)| letters)
}

/// The zones an account sees in `region` by default (`ap-southeast-2a`, ...): the form's
/// suggestions, from the same table that moves zones when the region changes.
pub fn zones(region: &str) -> impl Iterator<Item = String> + '_ {
    zone_letters(region)
        .chars()
        .map(move |letter| format!("{region}{letter}"))
}

/// After the region changed from `old_region`: each subnet zone of the old region moves to the
/// same letter in the new region if it has one, else to "automatic". One line per change for
/// the notice, e.g. "Subnet 1: ap-southeast-2a → eu-west-1a".
pub fn move_zones_to_region(doc: &mut Document, old_region: &str) -> Vec<String> {
    let new_region = doc.provider.region.clone();
    if new_region == old_region || !REGIONS.iter().any(|(r, _)| *r == new_region) {
        return Vec::new();
    }
    let mut notes = Vec::new();
    for (i, subnet) in doc.network.subnets.iter_mut().enumerate() {
        let Some(letter) = subnet.availability_zone.strip_prefix(old_region) else {
            continue;
        };
        if letter.len() != 1 || !letter.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let moved = if zone_letters(&new_region).contains(letter) {
            format!("{new_region}{letter}")
        } else {
            "automatic".to_owned()
        };
        notes.push(format!("Subnet {}: {} → {moved}", i + 1, subnet.availability_zone));
        subnet.availability_zone = moved;
    }
    notes
}

/// The instance type a new instance gets under an image of this architecture ("x86_64" | "arm64").
pub fn default_instance_type(arch: &str) -> &'static str {
    if arch == "arm64" {
        "t4g.medium"
    } else {
        "t2.medium"
    }
}

/// x86_64 families and the Graviton family of the same kind.
const TO_ARM: &[(&str, &str)] = &[
    ("t2", "t4g"),
    ("t3", "t4g"),
    ("t3a", "t4g"),
    ("m5", "m7g"),
    ("m5a", "m7g"),
    ("m6i", "m7g"),
    ("m6a", "m7g"),
    ("m7i", "m7g"),
    ("m7a", "m7g"),
    ("c5", "c7g"),
    ("c6i", "c7g"),
    ("c6a", "c7g"),
    ("c7i", "c7g"),
    ("r5", "r7g"),
    ("r6i", "r7g"),
    ("r7i", "r7g"),
];

/// Graviton families and the x86_64 family of the same kind.
const TO_X86: &[(&str, &str)] = &[
    ("t4g", "t3"),
    ("m6g", "m6i"),
    ("m7g", "m6i"),
    ("c6g", "c6i"),
    ("c7g", "c6i"),
    ("r6g", "r6i"),
    ("r7g", "r6i"),
];

/// The same size in the other architecture's family: t3/t3a/t2 <-> t4g, m6i <-> m7g, c6i <-> c7g,
/// r6i <-> r7g (m5 -> m7g ...); None when there is no counterpart (or not that size), or the
/// type is already of that architecture.
///
/// ```
/// use nixform::model::fixups::convert_instance_type;
/// assert_eq!(convert_instance_type("t3.micro", "arm64").as_deref(), Some("t4g.micro"));
/// assert_eq!(convert_instance_type("m7g.large", "x86_64").as_deref(), Some("m6i.large"));
/// assert_eq!(convert_instance_type("m7g.medium", "x86_64"), None); // m6i has no medium
/// assert_eq!(convert_instance_type("t4g.small", "arm64"), None);
/// ```
pub fn convert_instance_type(instance_type: &str, to_arch: &str) -> Option<String> {
    let t: InstanceType = instance_type.parse().ok()?;
    let table = match to_arch {
        "arm64" => TO_ARM,
        "x86_64" => TO_X86,
        _ => return None,
    };
    let (_, family) = table.iter().find(|(from, _)| *from == t.family())?;
    let size = &t.as_str()[t.family().len() + 1..];
    let converted = format!("{family}.{size}");
    is_known_instance_type(&converted).then_some(converted)
}

/// Set image.architecture; image.data_name follows ("nixos-x86_64" <-> "nixos-arm64") unless
/// the person renamed it. Returns the instances (index, old type, new type) that could be
/// converted (not converted yet: the UI offers it, then calls [`convert_instances`]).
pub fn set_architecture(doc: &mut Document, arch: &str) -> Vec<(usize, String, String)> {
    let default_name = |a: &str| format!("nixos-{a}");
    if doc.image.data_name == default_name(&doc.image.architecture) {
        doc.image.data_name = default_name(arch);
    }
    arch.clone_into(&mut doc.image.architecture);
    doc.instances
        .iter()
        .enumerate()
        .filter_map(|(i, d)| convert_instance_type(&d.instance_type, arch).map(|t| (i, d.instance_type.clone(), t)))
        .collect()
}

/// Convert every convertible instance type to `arch`; returns how many changed.
pub fn convert_instances(doc: &mut Document, arch: &str) -> usize {
    let mut n = 0;
    for d in &mut doc.instances {
        if let Some(t) = convert_instance_type(&d.instance_type, arch) {
            d.instance_type = t;
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests;
