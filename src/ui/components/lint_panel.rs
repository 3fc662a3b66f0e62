//! The security panel: what checkov would flag in the current stack, each finding with a link
//! to its field and a one-click fix, and the "Hardened" preset. Findings come from the
//! memoised outcome; fixes and the preset are reducer actions.

use std::rc::Rc;

use gloo::dialogs::confirm;
use yew::prelude::*;

use super::cidr_fix::CidrFix;
use super::finding::FindingRow;
use crate::model::lint::{check_admin_cidr, Finding, Fix};
use crate::model::presets;
use crate::ui::state::{Action, Level, Notice};

/// Findings compare by value: a keystroke that leaves them unchanged does not re-render the
/// panel (for a 50-instance stack that is hundreds of rows).
#[derive(Properties, PartialEq)]
pub struct Props {
    /// `None` while the form has errors.
    pub findings: Option<Rc<Vec<Finding>>>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn LintPanel(props: &Props) -> Html {
    let Props { findings, dispatch } = props;
    // The address typed for the fix that needs one, and why it was refused.
    let cidr = use_state(String::new);
    let cidr_error = use_state(|| None::<AttrValue>);

    let on_hardened = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if confirm("Replace the whole form with the hardened preset? Your current stack is replaced.") {
                dispatch.emit(Action::Replace {
                    doc: Box::new(presets::hardened()),
                    notice: Some(Notice::new(
                        Level::Success,
                        "Loaded the hardened preset. SSH is allowed from 192.0.2.0/24, a documentation range: put your own address there, and paste your public key.",
                    )),
                });
            }
        })
    };
    let on_fix = dispatch.reform(|fix: Fix| Action::Fix {
        fix,
        admin_cidr: String::new(),
    });
    let on_cidr = {
        let cidr = cidr.setter();
        Callback::from(move |text: String| cidr.set(text))
    };
    // The address fix: applied with the typed address once it is acceptable.
    let on_apply = |fix: &Fix| {
        let (fix, cidr, cidr_error, dispatch) = (fix.clone(), cidr.clone(), cidr_error.clone(), dispatch.clone());
        Callback::from(move |()| match check_admin_cidr(&cidr) {
            Ok(block) => {
                cidr_error.set(None);
                dispatch.emit(Action::Fix {
                    fix: fix.clone(),
                    admin_cidr: block.to_string(),
                });
            }
            Err(message) => cidr_error.set(Some(message.into())),
        })
    };

    let row = |(index, finding): (usize, &Finding)| {
        let address = finding.fix.as_ref().filter(|fix| fix.needs_cidr()).map(|fix| {
            html! {
                <CidrFix label={fix.label()} value={(*cidr).clone()} error={(*cidr_error).clone()}
                    on_input={on_cidr.clone()} on_apply={on_apply(fix)} />
            }
        });
        html! {
            <FindingRow finding={finding.clone()} {index} on_fix={on_fix.clone()}>{ address }</FindingRow>
        }
    };
    let body = match findings.as_deref().map(Vec::as_slice) {
        None => html! { <p class="help">{ "The check runs when the form has no errors." }</p> },
        Some([]) => html! { <p class="ok">{ "No findings." }</p> },
        Some(findings) => {
            let n = findings.len();
            let count = format!(
                "{n} {} (checkov IDs where checkov has the check).",
                if n == 1 { "finding" } else { "findings" }
            );
            html! {
                <>
                    <p class="help">{ count }</p>
                    <ul class="findings">{ for findings.iter().enumerate().map(row) }</ul>
                </>
            }
        }
    };
    html! {
        <section aria-labelledby="lint-title" class="lint">
            <div class="lint-head">
                <h2 id="lint-title">{ "Security check" }</h2>
                <button type="button" class="btn" onclick={on_hardened}>{ "Hardened preset" }</button>
            </div>
            { body }
        </section>
    }
}
