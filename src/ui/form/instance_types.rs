//! The instance type field's suggestions, from the model's table
//! (`model::names::SUGGESTED_INSTANCE_TYPES`).
//!
//! A view function, not a component: it has no hooks, and a component type costs about 700
//! bytes of shipped gzip (docs/performance.md); its parent redraws it, a few static elements.

use yew::prelude::*;

use crate::model::names::SUGGESTED_INSTANCE_TYPES;

/// The `<datalist id="instance-types">`.
pub fn instance_types() -> Html {
    html! {
        <datalist id="instance-types">
            { for SUGGESTED_INSTANCE_TYPES.iter().map(|t| html! { <option value={*t} /> }) }
        </datalist>
    }
}
