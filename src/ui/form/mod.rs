//! The form: one fieldset per file, each a component over its part of the document.
//!
//! Each section is a plain function (not a component: fewer monomorphised components keep the
//! wasm small; the fields themselves are components and skip unchanged renders). Sections only lay out fields (through [`Fields`]) and dispatch list edits; they never
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
            { provider::provider(&d.provider, f) }
            { image::image(&d.image, f) }
            { network::network(&d.network, &d.provider.region, f) }
            { security_group::security_group(&d.security_group, f) }
            { key_pair::key_pair(&d.key_pair, f) }
            { instances::instances(&d.instances, &subnet_names, f) }
            { outputs::outputs(&d.outputs, f) }
            { provisioner::provisioner(&d.provisioner, f) }
            <datalist id="instance-types">
                { for INSTANCE_TYPES.iter().map(|t| html! { <option value={*t} /> }) }
            </datalist>
        </form>
    }
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
