//! The list edits of the reducer's actions, on a document and its row ids together: add and
//! remove subnets, rules, instances and tags, and apply every lint fix at once; and what
//! follows from an edit where the intent is clear (`model::fixups`: zones follow the region,
//! types the architecture, instances a renamed subnet). Pure.
//!
//! Belongs here: how one action changes the document's lists. Not here: history, refusals or
//! notices (`state`), or the single-field edits (`model::edit`).

use super::action::Action;
use super::keys::{Keys, List};
use super::notice::{Level, Notice, Offer};
use crate::model::document::{InstanceDoc, RuleDoc, SubnetDoc, TagDoc};
use crate::model::edit::{Direction, SubnetText, Text};
use crate::model::fixups;
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
    let cidr = fixups::next_free_subnet(doc).unwrap_or_default();
    doc.network.subnets.push(SubnetDoc {
        name,
        cidr,
        availability_zone: "automatic".into(),
    });
    keys.push(List::Subnets);
}

pub fn add_instance(doc: &mut Document, keys: &mut Keys) {
    let base = InstanceDoc::default();
    let taken: Vec<&str> = doc.instances.iter().map(|i| i.name.as_str()).collect();
    let name = unique_name(&base.name, &taken);
    let subnet = doc.network.subnets.first().map(|s| s.name.clone()).unwrap_or_default();
    let instance_type = fixups::default_instance_type(&doc.image.architecture).to_owned();
    doc.instances.push(InstanceDoc {
        name,
        subnet,
        instance_type,
        ..base
    });
    keys.push(List::Instances);
}

pub fn add_tag(doc: &mut Document, keys: &mut Keys, instance: usize) {
    if let Some(instance_doc) = doc.instances.get_mut(instance) {
        instance_doc.tags.push(TagDoc::default());
        keys.push(List::Tags(instance));
    }
}

/// Remove subnet `index`; its instances move to the first remaining one. What to tell the
/// person about them (empty when none moved).
pub fn remove_subnet(doc: &mut Document, keys: &mut Keys, index: usize) -> String {
    if index >= doc.network.subnets.len() {
        return String::new();
    }
    let moved = fixups::remove_subnet(doc, index);
    keys.remove(List::Subnets, index);
    match (moved.len(), doc.network.subnets.first()) {
        (0, _) => String::new(),
        (n, Some(first)) => format!(
            "Subnet {} was removed; {n} instance{} moved to {}.",
            index + 1,
            if n == 1 { "" } else { "s" },
            first.name
        ),
        (_, None) => format!("Subnet {} was removed; its instances have no subnet now.", index + 1),
    }
}

/// What follows from `field` being set to `value` (`doc` already has it; `before` is the
/// document before): zones move with the region, the AMI lookup's name with the architecture
/// (and the banner offers to convert the instance types), instances follow a renamed subnet.
/// The notice to show, if any.
pub fn follow(doc: &mut Document, before: &Document, field: Text, value: &str) -> Option<Notice> {
    match field {
        Text::Region => {
            let moved = fixups::move_zones_to_region(doc, &before.provider.region);
            (!moved.is_empty())
                .then(|| Notice::new(Level::Info, "The subnets' zones moved to the new region:").with_details(moved))
        }
        Text::Architecture if before.image.architecture != value => {
            doc.image.architecture.clone_from(&before.image.architecture);
            let convertible = fixups::set_architecture(doc, value);
            (!convertible.is_empty()).then(|| {
                let details = convertible
                    .iter()
                    .map(|(i, old, new)| format!("Instance {}: {old} → {new}", i + 1))
                    .collect();
                let mut notice = Notice::new(
                    Level::Info,
                    format!("The image is {value} now; these instance types are not. Convert them?"),
                )
                .with_details(details);
                notice.offer = Some(Offer {
                    label: "Convert the instance types",
                    action: Box::new(Action::ConvertInstances(value.to_owned())),
                });
                notice
            })
        }
        Text::Subnet(i, SubnetText::Name) => {
            if let Some(old) = before.network.subnets.get(i) {
                fixups::follow_subnet_rename(doc, i, &old.name);
            }
            None
        }
        _ => None,
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
