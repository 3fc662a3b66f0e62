//! The fix that needs the person's address (restrict SSH to it): the address field, its
//! button and, when the address was refused, why. The address and the refusal are the
//! panel's state, so they survive the findings around them changing.
//!
//! A view function, not a component: the panel holds its state, and a component type costs
//! about 700 bytes of shipped gzip (docs/performance.md).

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the address fix shows and where its input goes.
pub struct CidrFix {
    /// The fix's label, e.g. "Restrict SSH to".
    pub label: &'static str,
    pub value: AttrValue,
    pub error: Option<AttrValue>,
    pub on_input: Callback<String>,
    pub on_apply: Callback<()>,
}

/// The address field, its button and its note.
pub fn cidr_fix(fix: CidrFix) -> Html {
    let CidrFix {
        label,
        value,
        error,
        on_input,
        on_apply,
    } = fix;
    let oninput = on_input.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let described_by = if error.is_some() {
        "admin-cidr-msg"
    } else {
        "admin-cidr-help"
    };
    let invalid = error.as_ref().map(|_| "true");
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
                {value} {oninput} aria-describedby={described_by} aria-invalid={invalid} />
            <button type="button" class="btn fix-btn" onclick={on_apply.reform(|_| ())}>
                { format!("{label} this address") }
            </button>
            { note }
        </div>
    }
}
