//! The security panel: what checkov would flag in the current stack, each finding with a link
//! to its field and a one-click fix, and "Apply all fixes" (to the stack in front of you: the
//! Hardened preset, which replaces it, is in the header's Presets menu). Findings come from
//! the memoised outcome (the last valid one while the form has errors, marked out of date);
//! fixes are reducer actions.

use std::rc::Rc;

use yew::prelude::*;

use super::cidr_fix::{cidr_fix, CidrFix};
use super::finding::finding_row;
use crate::model::lint::{check_admin_cidr, Finding, Fix};
use crate::ui::state::Action;

/// Findings compare by value: a keystroke that leaves them unchanged does not re-render the
/// panel (for a 50-instance stack that is hundreds of rows).
#[derive(Properties, PartialEq)]
pub struct Props {
    /// `None` before the form was first valid.
    pub findings: Option<Rc<Vec<Finding>>>,
    /// The findings are those of the last valid form, not of the one shown.
    #[prop_or_default]
    pub stale: bool,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn LintPanel(props: &Props) -> Html {
    let Props {
        findings,
        stale,
        dispatch,
    } = props;
    // The address typed for the fix that needs one, and why it was refused.
    let cidr = use_state(String::new);
    let cidr_error = use_state(|| None::<AttrValue>);

    // Every fix at once; SSH only with an acceptable address (else it is left, and said so).
    let on_fix_all = {
        let (cidr, dispatch) = (cidr.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let admin_cidr = check_admin_cidr(&cidr).ok().map(|block| block.to_string());
            dispatch.emit(Action::FixAll { admin_cidr });
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
            cidr_fix(CidrFix {
                label: fix.label(),
                value: (*cidr).clone().into(),
                error: (*cidr_error).clone(),
                on_input: on_cidr.clone(),
                on_apply: on_apply(fix),
            })
        });
        finding_row(finding, index, &on_fix, address)
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
    let has_fixes = findings.as_deref().is_some_and(|f| f.iter().any(|f| f.fix.is_some()));
    html! {
        <section id="security" aria-labelledby="lint-title" class={classes!("lint", stale.then_some("stale"))}>
            <div class="lint-head">
                <h2 id="lint-title">{ "Security check" }</h2>
                <button type="button" class="btn primary" disabled={*stale || !has_fixes} onclick={on_fix_all}>
                    { "Apply all fixes" }
                </button>
            </div>
            if *stale {
                <p class="stale-note">{ "Out of date: these are the findings of the last valid form. Fix the form's problems to check it again." }</p>
            }
            { body }
        </section>
    }
}
