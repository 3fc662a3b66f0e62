//! The banner above the form: what just happened (a link opened, an import, a refusal of a
//! whole file), with an optional list, the button of a follow-up step it offers (e.g. convert
//! the instance types), and a button to dismiss it.

use yew::prelude::*;

use crate::ui::state::{Action, Level, Notice};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notice: Notice,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Banner(props: &Props) -> Html {
    let Notice {
        level,
        text,
        details,
        offer,
    } = &props.notice;
    let (class, role) = match level {
        Level::Info => ("banner info", "status"),
        Level::Success => ("banner success", "status"),
        Level::Error => ("banner error", "alert"),
    };
    let details = match details.is_empty() {
        true => Html::default(),
        false => html! {
            <ul>
                { for details.iter().map(|d| html! { <li>{ d }</li> }) }
            </ul>
        },
    };
    let offer = match offer {
        Some(offer) => {
            let action = (*offer.action).clone();
            html! {
                <button type="button" class="btn primary offer" onclick={props.dispatch.reform(move |_| action.clone())}>
                    { offer.label }
                </button>
            }
        }
        None => Html::default(),
    };
    html! {
        <div {role} {class}>
            <div class="banner-text">
                <p>{ text }</p>
                { details }
            </div>
            { offer }
            <button type="button" aria-label="Dismiss this message" class="btn ghost"
                onclick={props.dispatch.reform(|_| Action::Dismiss)}>{ "Dismiss" }</button>
        </div>
    }
}
