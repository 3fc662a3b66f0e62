//! Instances: one card per EC2 instance (`instance_card`), and the button that adds one. A view
//! function: the cards are components that skip their re-render when their instance (and the
//! subnets' names) are unchanged.

use std::rc::Rc;

use yew::prelude::*;

use super::instance_card::InstanceCard;
use super::{Part, Section};
use crate::ui::components::list_message::list_message;
use crate::ui::state::Action;

/// The section, drawn by the form on each of its renders.
pub fn instances(props: Section) -> Html {
    let Section { doc, form, keys } = props;
    // The subnet field of every card picks one of these.
    let subnets: Rc<[AttrValue]> = doc
        .network
        .subnets
        .iter()
        .map(|s| AttrValue::from(s.name.clone()))
        .collect();
    // The cards, keyed, in a list of their own: Yew diffs by key only a list that is all keyed.
    let cards: Html = keys
        .instances
        .iter()
        .zip(&keys.tags)
        .enumerate()
        .map(|(index, (&key, tags))| {
            html! {
                <InstanceCard {key} {index} doc={props.part(Part::Instance(index))} form={form.clone()}
                    tag_keys={tags.clone()} subnets={subnets.clone()} />
            }
        })
        .collect();
    html! {
        <fieldset id="section-instances">
            <legend>{ "Instances" }</legend>
            { list_message("instances", form.bind(doc).list_message("instances")) }
            { cards }
            <button type="button" class="btn add" onclick={form.on_click(Action::AddInstance)}>{ "Add instance" }</button>
        </fieldset>
    }
}
