//! The form: one fieldset per file, each a component over its part of the document.
//!
//! Each section is a plain function wrapped in one generic [`Section`] component whose props
//! (that section's part of the document, the messages) compare by value: a keystroke
//! re-renders the section it happened in, not all eight. Sections only lay out fields (through [`Fields`]) and dispatch list edits; they never
//! validate, render outputs or call browser APIs. The datalists of suggestions live here.

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
use crate::model::document::{
    ImageDoc, InstanceDoc, KeyPairDoc, NetworkDoc, OutputsDoc, ProviderDoc, ProvisionerDoc, SecurityGroupDoc,
};
use crate::model::Document;

/// Common instance types for the type field's suggestions (any `family.size` is accepted).
const INSTANCE_TYPES: &[&str] = &[
    "t2.micro",
    "t2.small",
    "t2.medium",
    "t2.large",
    "t3.micro",
    "t3.small",
    "t3.medium",
    "t3.large",
    "t3.xlarge",
    "t3a.micro",
    "t3a.small",
    "t3a.medium",
    "t3a.large",
    "t4g.micro",
    "t4g.small",
    "t4g.medium",
    "t4g.large",
    "m5.large",
    "m5.xlarge",
    "m6i.large",
    "m6i.xlarge",
    "m7g.medium",
    "m7g.large",
    "m7g.xlarge",
    "c6i.large",
    "c6i.xlarge",
    "c7g.medium",
    "c7g.large",
    "c7g.xlarge",
    "r6i.large",
    "r6i.xlarge",
];

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub doc: Rc<Document>,
    pub fields: Fields,
}

#[function_component]
pub fn Form(props: &FormProps) -> Html {
    let d = &props.doc;
    let f = &props.fields;
    let subnet_names: Rc<[String]> = d.network.subnets.iter().map(|s| s.name.clone()).collect();
    html! {
        <form class="stack-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <Section<Part<ProviderDoc>> part={Part(d.provider.clone())} fields={f.clone()} />
            <Section<Part<ImageDoc>> part={Part(d.image.clone())} fields={f.clone()} />
            <Section<Part<(NetworkDoc, String)>> part={Part((d.network.clone(), d.provider.region.clone()))} fields={f.clone()} />
            <Section<Part<SecurityGroupDoc>> part={Part(d.security_group.clone())} fields={f.clone()} />
            <Section<Part<KeyPairDoc>> part={Part(d.key_pair.clone())} fields={f.clone()} />
            <Section<Part<(Vec<InstanceDoc>, Rc<[String]>)>> part={Part((d.instances.clone(), subnet_names))} fields={f.clone()} />
            <Section<Part<OutputsDoc>> part={Part(d.outputs.clone())} fields={f.clone()} />
            <Section<Part<ProvisionerDoc>> part={Part(d.provisioner.clone())} fields={f.clone()} />
            <datalist id="instance-types">
                { for INSTANCE_TYPES.iter().map(|t| html! { <option value={*t} /> }) }
            </datalist>
        </form>
    }
}

/// One section's part of the document.
#[derive(PartialEq)]
pub struct Part<T>(T);

/// How a section lays out its part.
pub trait SectionView: PartialEq + 'static {
    fn view(&self, f: &Fields) -> Html;
}

impl SectionView for Part<ProviderDoc> {
    fn view(&self, f: &Fields) -> Html {
        provider::provider(&self.0, f)
    }
}
impl SectionView for Part<ImageDoc> {
    fn view(&self, f: &Fields) -> Html {
        image::image(&self.0, f)
    }
}
impl SectionView for Part<(NetworkDoc, String)> {
    fn view(&self, f: &Fields) -> Html {
        network::network(&self.0 .0, &self.0 .1, f)
    }
}
impl SectionView for Part<SecurityGroupDoc> {
    fn view(&self, f: &Fields) -> Html {
        security_group::security_group(&self.0, f)
    }
}
impl SectionView for Part<KeyPairDoc> {
    fn view(&self, f: &Fields) -> Html {
        key_pair::key_pair(&self.0, f)
    }
}
impl SectionView for Part<(Vec<InstanceDoc>, Rc<[String]>)> {
    fn view(&self, f: &Fields) -> Html {
        instances::instances(&self.0 .0, &self.0 .1, f)
    }
}
impl SectionView for Part<OutputsDoc> {
    fn view(&self, f: &Fields) -> Html {
        outputs::outputs(&self.0, f)
    }
}
impl SectionView for Part<ProvisionerDoc> {
    fn view(&self, f: &Fields) -> Html {
        provisioner::provisioner(&self.0, f)
    }
}

#[derive(Properties, PartialEq)]
pub struct SectionProps<T: SectionView> {
    pub part: T,
    pub fields: Fields,
}

/// A section that re-renders only when its part of the document or the messages change.
#[function_component]
pub fn Section<T: SectionView>(props: &SectionProps<T>) -> Html {
    props.part.view(&props.fields)
}

/// A small button that dispatches one action (add/remove rows).
pub(super) fn button(
    label: impl Into<AttrValue>,
    aria: Option<String>,
    class: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" class={classes!("btn", class)} aria-label={aria} {onclick}>{ label.into() }</button>
    }
}
