//! The fix that needs the person's address (restrict SSH to it): the address field, its
//! button and, when the address was refused, why. The address and the refusal are the
//! panel's state, so they survive the findings around them changing.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The fix's label, e.g. "Restrict SSH to".
    pub label: AttrValue,
    pub value: AttrValue,
    pub error: Option<AttrValue>,
    pub on_input: Callback<String>,
    pub on_apply: Callback<()>,
}

#[component]
pub fn CidrFix(props: &Props) -> Html {
    let Props {
        label,
        value,
        error,
        on_input,
        on_apply,
    } = props;
    let oninput = on_input.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let described_by = if error.is_some() {
        "admin-cidr-msg"
    } else {
        "admin-cidr-help"
    };
    let note = match error {
        Some(error) => html! { <p id="admin-cidr-msg" class="msg">{ error }</p> },
        None => html! {
            <p id="admin-cidr-help" class="help">{ "The address you connect from, e.g. 203.0.113.7/32." }</p>
        },
    };
    html! {
        <div class="fix cidr-fix">
            <label for="admin-cidr">{ "Your address (CIDR)" }</label>
            <input id="admin-cidr" type="text" autocomplete="off" spellcheck="false" placeholder="203.0.113.7/32"
                {value} {oninput} aria-describedby={described_by} aria-invalid={error.as_ref().map(|_| "true")} />
            <button type="button" class="btn fix-btn" onclick={on_apply.reform(|_| ())}>
                { format!("{label} this address") }
            </button>
            { note }
        </div>
    }
}
