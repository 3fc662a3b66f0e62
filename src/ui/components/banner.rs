//! The banner above the form: what just happened (a link opened, an import, a refusal of a
//! whole file), with an optional list, and a button to dismiss it.

use yew::prelude::*;

use crate::ui::state::{Level, Notice};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Banner(props: &Props) -> Html {
    let Notice { level, text, details } = &props.notice;
    let (class, role) = match level {
        Level::Info => ("banner info", "status"),
        Level::Success => ("banner success", "status"),
        Level::Error => ("banner error", "alert"),
    };
    let details = match details.is_empty() {
        true => Html::default(),
        false => html! {
            <ul>
                { for details.iter().map(|d| html! { <li><code>{ d }</code></li> }) }
            </ul>
        },
    };
    html! {
        <div {role} {class}>
            <div class="banner-text">
                <p>{ text }</p>
                { details }
            </div>
            <button type="button" aria-label="Dismiss this message" class="btn ghost"
                onclick={props.on_dismiss.reform(|_| ())}>{ "Dismiss" }</button>
        </div>
    }
}
