//! The form: one fieldset per file, each a memoised part of the document.
//!
//! Every section, instance card and rule row is the one [`Part`] component, told by [`Which`]
//! what to lay out. Its props hold the whole document (an `Rc`, never a copy) and compare only
//! the part it shows, so a keystroke re-renders the section, card or row it happened in, not
//! all of them. Sections only lay out fields (through [`Fields`]) and dispatch list edits; they
//! never validate, render outputs or call browser APIs. The form listens for input once, for
//! all its fields. The datalists of suggestions live here.

mod image;
mod instances;
mod key_pair;
mod network;
mod outputs;
mod provider;
mod provisioner;
mod security_group;

use std::rc::Rc;

use yew::prelude::*;

use super::field::Fields;
use crate::model::document::RuleDoc;
use crate::model::Document;

/// Common instance types for the type field's suggestions (any `family.size` is accepted), as
/// the datalist's HTML.
const INSTANCE_TYPES: &str = concat!(
    "<option value=\"t2.micro\"></option><option value=\"t2.small\"></option>",
    "<option value=\"t2.medium\"></option><option value=\"t2.large\"></option>",
    "<option value=\"t3.micro\"></option><option value=\"t3.small\"></option>",
    "<option value=\"t3.medium\"></option><option value=\"t3.large\"></option>",
    "<option value=\"t3.xlarge\"></option><option value=\"t3a.micro\"></option>",
    "<option value=\"t3a.small\"></option><option value=\"t3a.medium\"></option>",
    "<option value=\"t3a.large\"></option><option value=\"t4g.micro\"></option>",
    "<option value=\"t4g.small\"></option><option value=\"t4g.medium\"></option>",
    "<option value=\"t4g.large\"></option><option value=\"m5.large\"></option>",
    "<option value=\"m5.xlarge\"></option><option value=\"m6i.large\"></option>",
    "<option value=\"m6i.xlarge\"></option><option value=\"m7g.medium\"></option>",
    "<option value=\"m7g.large\"></option><option value=\"m7g.xlarge\"></option>",
    "<option value=\"c6i.large\"></option><option value=\"c6i.xlarge\"></option>",
    "<option value=\"c7g.medium\"></option><option value=\"c7g.large\"></option>",
    "<option value=\"c7g.xlarge\"></option><option value=\"r6i.large\"></option>",
    "<option value=\"r6i.xlarge\"></option>",
);

/// The form over `doc`.
pub fn form(doc: &Rc<Document>, f: &Fields) -> Html {
    const SECTIONS: [Which; 8] = [
        Which::Provider,
        Which::Image,
        Which::Network,
        Which::SecurityGroup,
        Which::KeyPair,
        Which::Instances,
        Which::Outputs,
        Which::Provisioner,
    ];
    html! {
        <form class="stack-form" novalidate=true autocomplete="off" spellcheck="false" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
            oninput={f.on_input()} onchange={f.on_change()}>
            { for SECTIONS.iter().map(|w| part(doc, *w, f)) }
            <datalist id="instance-types">{ Html::from_html_unchecked(AttrValue::Static(INSTANCE_TYPES)) }</datalist>
        </form>
    }
}

/// Which part of the document a [`Part`] lays out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Provider,
    Image,
    Network,
    SecurityGroup,
    /// One row of the inbound (`egress: false`) or outbound rules.
    Rule {
        egress: bool,
        index: usize,
    },
    KeyPair,
    Instances,
    /// One instance card.
    Instance(usize),
    Outputs,
    Provisioner,
}

fn rules(d: &Document, egress: bool) -> &[RuleDoc] {
    if egress {
        &d.security_group.egress
    } else {
        &d.security_group.ingress
    }
}

fn same_subnet_names(a: &Document, b: &Document) -> bool {
    a.network.subnets.len() == b.network.subnets.len()
        && a.network
            .subnets
            .iter()
            .zip(&b.network.subnets)
            .all(|(x, y)| x.name == y.name)
}

impl Which {
    /// Whether `a` and `b` agree on everything this part shows.
    fn same(self, a: &Document, b: &Document) -> bool {
        match self {
            Which::Provider => a.provider == b.provider,
            Which::Image => a.image == b.image,
            Which::Network => a.network == b.network && a.provider.region == b.provider.region,
            Which::SecurityGroup => a.security_group == b.security_group,
            Which::Rule { egress, index } => rules(a, egress).get(index) == rules(b, egress).get(index),
            Which::KeyPair => a.key_pair == b.key_pair,
            Which::Instances => a.instances == b.instances && same_subnet_names(a, b),
            Which::Instance(i) => a.instances.get(i) == b.instances.get(i) && same_subnet_names(a, b),
            Which::Outputs => a.outputs == b.outputs,
            Which::Provisioner => a.provisioner == b.provisioner,
        }
    }
}

#[derive(Properties)]
pub struct PartProps {
    pub doc: Rc<Document>,
    pub which: Which,
    pub fields: Fields,
}

impl PartialEq for PartProps {
    fn eq(&self, other: &Self) -> bool {
        self.which == other.which
            && self.fields == other.fields
            && (Rc::ptr_eq(&self.doc, &other.doc) || self.which.same(&self.doc, &other.doc))
    }
}

/// A part of the form that re-renders only when what it shows or the messages change.
#[function_component]
pub fn Part(props: &PartProps) -> Html {
    let (doc, f) = (&props.doc, &props.fields);
    match props.which {
        Which::Provider => provider::provider(&doc.provider, f),
        Which::Image => image::image(&doc.image, f),
        Which::Network => network::network(&doc.network, &doc.provider.region, f),
        Which::SecurityGroup => security_group::security_group(doc, f),
        Which::Rule { egress, index } => rules(doc, egress)
            .get(index)
            .map(|r| security_group::rule(r, egress, index, f))
            .unwrap_or_default(),
        Which::KeyPair => key_pair::key_pair(&doc.key_pair, f),
        Which::Instances => instances::instances(doc, f),
        Which::Instance(i) => doc
            .instances
            .get(i)
            .map(|d| instances::instance(d, i, &doc.network.subnets, f))
            .unwrap_or_default(),
        Which::Outputs => outputs::outputs(&doc.outputs, f),
        Which::Provisioner => provisioner::provisioner(&doc.provisioner, f),
    }
}

/// The [`Part`] of `doc` that `which` names.
fn part(doc: &Rc<Document>, which: Which, f: &Fields) -> Html {
    html! { <Part doc={doc.clone()} {which} fields={f.clone()} /> }
}

/// A small button that dispatches one action: adds a row (`class` "add") or removes one. The
/// class is a literal in each branch: html! turns a computed class into a `Classes` set.
pub(super) fn button(
    label: impl Into<AttrValue>,
    aria: Option<String>,
    class: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    let label = label.into();
    if class == "add" {
        html! { <button type="button" class="btn add" aria-label={aria} {onclick}>{ label }</button> }
    } else {
        html! { <button type="button" class="btn remove" aria-label={aria} {onclick}>{ label }</button> }
    }
}
