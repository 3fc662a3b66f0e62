//! One finding of the security check: its severity, ID, title and why it matters, a link to
//! the field (naming the resource, or the module and its input), and its fix: a button, or (for the fix that needs the person's address) the
//! address field that the panel passes in as `children`.

use yew::prelude::*;

use super::field_link::field_link;
use crate::model::lint::{Finding, Fix};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub finding: Finding,
    /// The position in the panel's list, as the fix button's `data-fix`.
    pub index: usize,
    pub on_fix: Callback<Fix>,
    /// What replaces the fix button (the address field), if anything.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn FindingRow(props: &Props) -> Html {
    let Props {
        finding,
        index,
        on_fix,
        children,
    } = props;
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
        _ => children.clone(),
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
