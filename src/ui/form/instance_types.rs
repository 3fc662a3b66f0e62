//! The instance type field's suggestions (any `family.size` is accepted). No props: it
//! renders once.

use yew::prelude::*;

/// Common instance types.
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

#[component]
pub fn InstanceTypes() -> Html {
    html! {
        <datalist id="instance-types">
            { for INSTANCE_TYPES.iter().map(|t| html! { <option value={*t} /> }) }
        </datalist>
    }
}
