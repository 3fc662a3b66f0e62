//! The banner above the form: what just happened (a link opened, an import, a refusal of a
//! whole file), with an optional list, the button of a follow-up step it offers (e.g. convert
//! the instance types), and a button to dismiss it.
//!
//! A view function, not a component: no state, no hooks, and the page draws it only while
//! there is a notice (a component type costs about 700 bytes of shipped gzip,
//! docs/performance.md).

use yew::prelude::*;

use crate::ui::state::{Action, Level, Notice};

/// The banner of `notice`; its buttons dispatch the offer's action and [`Action::Dismiss`].
pub fn banner(notice: &Notice, dispatch: &Callback<Action>) -> Html {
    let Notice {
        level,
        text,
        details,
        offer,
    } = notice;
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
                <button type="button" class="btn primary offer" onclick={dispatch.reform(move |_| action.clone())}>
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
                onclick={dispatch.reform(|_| Action::Dismiss)}>{ "Dismiss" }</button>
        </div>
    }
}
