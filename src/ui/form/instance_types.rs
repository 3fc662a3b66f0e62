//! The instance type field's suggestions, from the model's table
//! (`model::names::SUGGESTED_INSTANCE_TYPES`). No props: it renders once.

use yew::prelude::*;

use crate::model::names::SUGGESTED_INSTANCE_TYPES;

#[component]
pub fn InstanceTypes() -> Html {
    html! {
        <datalist id="instance-types">
            { for SUGGESTED_INSTANCE_TYPES.iter().map(|t| html! { <option value={*t} /> }) }
        </datalist>
    }
}
