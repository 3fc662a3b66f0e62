//! Subnet fixups: the next free block for a new subnet, renames that instances follow, and a
//! removal that moves the subnet's instances.

use ipnet::Ipv4Net;

use crate::model::document::Document;
use crate::model::names::Cidr4;

/// The next free block for a new subnet inside the VPC: the same prefix length as the last
/// subnet (or VPC prefix + 1), not overlapping any subnet; None when the VPC is full or invalid.
///
/// ```
/// use nixform::model::{fixups::next_free_subnet, Document};
/// // The default VPC 10.10.0.0/24 holds 10.10.0.0/25; the other half is free.
/// assert_eq!(next_free_subnet(&Document::default()).as_deref(), Some("10.10.0.128/25"));
/// ```
pub fn next_free_subnet(doc: &Document) -> Option<String> {
    let vpc: Cidr4 = doc.network.vpc_cidr.trim().parse().ok()?;
    let taken: Vec<Ipv4Net> = doc
        .network
        .subnets
        .iter()
        .filter_map(|s| s.cidr.trim().parse::<Cidr4>().ok())
        .map(Cidr4::net)
        .collect();
    let last_prefix = doc
        .network
        .subnets
        .iter()
        .rev()
        .find_map(|s| s.cidr.trim().parse::<Cidr4>().ok())
        .map(Cidr4::prefix)
        .filter(|p| *p > vpc.prefix() && *p <= 28);
    let prefix = last_prefix.unwrap_or(vpc.prefix() + 1).min(28);
    let free = |candidate: &Ipv4Net| !taken.iter().any(|t| t.contains(candidate) || candidate.contains(t));
    // Try the preferred size first, then smaller blocks down to /28, AWS's smallest.
    (prefix..=28).find_map(|p| vpc.net().subnets(p).ok()?.find(free).map(|net| net.to_string()))
}

/// After subnet `index` was renamed from `old`: instances that referenced `old` now name the
/// new name. Returns how many followed.
pub fn follow_subnet_rename(doc: &mut Document, index: usize, old: &str) -> usize {
    let Some(new) = doc.network.subnets.get(index).map(|s| s.name.clone()) else {
        return 0;
    };
    // Another subnet still called `old` keeps its instances.
    if new == old || doc.network.subnets.iter().any(|s| s.name == old) {
        return 0;
    }
    let mut n = 0;
    for d in doc.instances.iter_mut().filter(|d| d.subnet == old) {
        d.subnet.clone_from(&new);
        n += 1;
    }
    n
}

/// The instances that use subnet `index`, by index.
pub fn instances_in_subnet(doc: &Document, index: usize) -> Vec<usize> {
    let Some(name) = doc.network.subnets.get(index).map(|s| s.name.as_str()) else {
        return Vec::new();
    };
    doc.instances
        .iter()
        .enumerate()
        .filter(|(_, d)| d.subnet == name)
        .map(|(i, _)| i)
        .collect()
}

/// Remove subnet `index`; its instances move to the first remaining subnet. Returns the moved
/// instance indices. (The UI asks before calling it when instances would move.) With no subnet
/// left, the instances keep the old name and validation says so.
pub fn remove_subnet(doc: &mut Document, index: usize) -> Vec<usize> {
    if index >= doc.network.subnets.len() {
        return Vec::new();
    }
    let users = instances_in_subnet(doc, index);
    let removed = doc.network.subnets.remove(index);
    let still_named = doc.network.subnets.iter().any(|s| s.name == removed.name);
    let Some(first) = doc.network.subnets.first().map(|s| s.name.clone()) else {
        return Vec::new();
    };
    if still_named {
        return Vec::new();
    }
    for &i in &users {
        doc.instances[i].subnet.clone_from(&first);
    }
    users
}
