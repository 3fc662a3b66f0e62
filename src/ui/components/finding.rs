//! One finding of the security check: its severity, ID, title and why it matters, a link to
//! the field (naming the resource, or the module and its input), and its fix: a button, or (for the fix that needs the person's address) the
//! address field that the panel passes in.
//!
//! A view function, not a component: it has no hooks, and a component type costs about 700
//! bytes of shipped gzip (docs/performance.md); its parent redraws it, a few static elements.

use yew::prelude::*;

use super::field_link::field_link;
use crate::model::lint::{Finding, Fix};

/// Finding `index` of the panel's list (the fix button's `data-fix`); `address` replaces the
/// fix button (the address field), if given.
pub fn finding_row(finding: &Finding, index: usize, on_fix: &Callback<Fix>, address: Option<Html>) -> Html {
    let check = finding.check;
    let severity = check.severity().as_str();
    let fix = match &finding.fix {
        Some(fix) if !fix.needs_cidr() => {
            let onclick = {
                let fix = fix.clone();
                on_fix.reform(move |_: MouseEvent| fix.clone())
            };
            html! {
                <button type="button" class="btn fix-btn" data-fix={index.to_string()} {onclick}>
                    { fix.label() }
                </button>
            }
        }
        _ => address.unwrap_or_default(),
    };
    // In modules mode, the input the finding is about: "module.web · input metadata_options".
    let input = finding.input.map(|input| {
        html! { <>{ " · input " }<code>{ input }</code></> }
    });
    html! {
        <li class="finding" data-sev={severity} data-check={check.id()}>
            <div class="finding-head">
                <span class="sev">{ severity }</span>
                <code class="check-id">{ check.id() }</code>
                <strong>{ check.title() }</strong>
            </div>
            <p>{ check.why() }</p>
            <p class="where">
                { field_link(&finding.field, html! {
                    <>{ "Go to the field (" }{ &finding.resource }{ input }{ ")" }</>
                }) }
            </p>
            { fix }
        </li>
    }
}
