//! The list edits of the reducer's actions, on a document and its row ids together: add and
//! remove subnets, rules, instances and tags, and apply every lint fix at once. Pure.
//!
//! Belongs here: how one action changes the document's lists. Not here: history, refusals or
//! notices (`state`), or the single-field edits (`model::edit`).

use super::keys::{Keys, List};
use crate::model::document::{InstanceDoc, RuleDoc, SubnetDoc, TagDoc};
use crate::model::edit::Direction;
use crate::model::lint::{self, Fix};
use crate::model::{validate, Document};

/// A name like `base-2` that is not in `taken`.
fn unique_name(base: &str, taken: &[&str]) -> String {
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or_else(|| base.to_owned())
}

/// The ingress or egress rules.
pub fn rules(doc: &mut Document, direction: Direction) -> &mut Vec<RuleDoc> {
    match direction {
        Direction::Ingress => &mut doc.security_group.ingress,
        Direction::Egress => &mut doc.security_group.egress,
    }
}

/// Remove element `index` of `list` and its row id; an out-of-range index changes nothing.
pub fn remove<T>(list: &mut Vec<T>, keys: &mut Keys, which: List, index: usize) {
    if index < list.len() {
        list.remove(index);
        keys.remove(which, index);
    }
}

pub fn add_subnet(doc: &mut Document, keys: &mut Keys) {
    let taken: Vec<&str> = doc.network.subnets.iter().map(|s| s.name.as_str()).collect();
    let name = unique_name("nix-subnet", &taken);
    doc.network.subnets.push(SubnetDoc {
        name,
        cidr: String::new(),
        availability_zone: "automatic".into(),
    });
    keys.push(List::Subnets);
}

pub fn add_instance(doc: &mut Document, keys: &mut Keys) {
    let base = InstanceDoc::default();
    let taken: Vec<&str> = doc.instances.iter().map(|i| i.name.as_str()).collect();
    let name = unique_name(&base.name, &taken);
    let subnet = doc.network.subnets.first().map(|s| s.name.clone()).unwrap_or_default();
    doc.instances.push(InstanceDoc { name, subnet, ..base });
    keys.push(List::Instances);
}

pub fn add_tag(doc: &mut Document, keys: &mut Keys, instance: usize) {
    if let Some(instance_doc) = doc.instances.get_mut(instance) {
        instance_doc.tags.push(TagDoc::default());
        keys.push(List::Tags(instance));
    }
}

/// What "Apply all fixes" did.
pub struct FixedAll {
    pub applied: usize,
    /// SSH is still open: no address was given for it.
    pub ssh_left: bool,
}

/// Apply every finding's fix to `doc` (rounds until none is left: a fix can bring another
/// finding, e.g. an IAM role). Region, image, instances, key and rules stay; SSH is
/// restricted only to `admin_cidr`, and is otherwise left for the person.
pub fn fix_all(doc: &mut Document, admin_cidr: Option<&str>) -> FixedAll {
    let mut done = FixedAll {
        applied: 0,
        ssh_left: false,
    };
    for _ in 0..4 {
        let Ok(stack) = validate(doc) else { break };
        let mut fixes: Vec<Fix> = lint::lint(&stack).into_iter().filter_map(|f| f.fix).collect();
        done.ssh_left = admin_cidr.is_none() && fixes.contains(&Fix::RestrictSsh);
        if admin_cidr.is_none() {
            fixes.retain(|fix| !fix.needs_cidr());
        }
        if fixes.is_empty() {
            break;
        }
        for fix in &fixes {
            lint::apply(doc, fix, admin_cidr.unwrap_or_default());
        }
        done.applied += fixes.len();
    }
    done
}
