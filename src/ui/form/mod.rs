//! The form: one fieldset per file, each a component over its part of the document.
//!
//! Sections only lay out fields (through [`Fields`]) and dispatch list edits; they never
//! validate, render outputs or call browser APIs. The datalists of suggestions live here.

mod image;
mod instances;
mod key_pair;
mod network;
mod outputs;
mod provider;
mod provisioner;
mod security_group;

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
    pub doc: std::rc::Rc<Document>,
    pub fields: Fields,
}

#[function_component]
pub fn Form(props: &FormProps) -> Html {
    let d = &props.doc;
    let f = &props.fields;
    let subnet_names: Vec<String> = d.network.subnets.iter().map(|s| s.name.clone()).collect();
    html! {
        <form class="stack-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <provider::Provider doc={d.provider.clone()} fields={f.clone()} />
            <image::Image doc={d.image.clone()} fields={f.clone()} />
            <network::Network doc={d.network.clone()} region={d.provider.region.clone()} fields={f.clone()} />
            <security_group::SecurityGroup doc={d.security_group.clone()} fields={f.clone()} />
            <key_pair::KeyPair doc={d.key_pair.clone()} fields={f.clone()} />
            <instances::Instances doc={d.instances.clone()} subnets={subnet_names} fields={f.clone()} />
            <outputs::Outputs doc={d.outputs.clone()} fields={f.clone()} />
            <provisioner::Provisioner doc={d.provisioner.clone()} fields={f.clone()} />
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
