//! The security panel: what checkov would flag in the current stack (ID, severity, title, why),
//! a link to the field, and a one-click fix; plus the "Hardened" preset. Findings come from
//! the memoised outcome; fixes are reducer actions.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::field::{escape_into, field_id};
use super::state::{Action, Level, Notice};
use crate::model::lint::{check_admin_cidr, Finding, Fix};
use crate::model::presets;

/// Findings compare by value: a keystroke that leaves them unchanged does not re-render the
/// panel (for a 50-instance stack that is hundreds of rows).
#[derive(Properties, PartialEq)]
pub struct Props {
    /// `None` while the form has errors.
    pub findings: Option<Rc<Vec<Finding>>>,
    pub on_edit: Callback<Action>,
}

/// A finding's text and its link to the field, as one piece of escaped HTML: the list is static
/// between changes, so the browser parses it instead of Yew building ~15 nodes per finding.
fn finding_html(f: &Finding) -> String {
    let mut out = String::with_capacity(512);
    let mut add = |parts: &[&str], escaped: &str| {
        parts.iter().for_each(|p| out.push_str(p));
        escape_into(&mut out, escaped);
    };
    add(
        &["<div class=\"finding-head\"><span class=\"sev\">"],
        f.check.severity().as_str(),
    );
    add(&["</span><code class=\"check-id\">"], f.check.id());
    add(&["</code><strong>"], f.check.title());
    add(&["</strong></div><p>"], f.check.why());
    add(&["</p><p class=\"where\"><a href=\"#"], &field_id(&f.field));
    add(&["\">Go to the field ("], &f.resource);
    out.push_str(")</a></p>");
    out
}

#[function_component]
pub fn LintPanel(props: &Props) -> Html {
    let cidr = use_state(String::new);
    let cidr_error = use_state(|| None::<String>);

    let on_hardened = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| {
            if browser::confirm("Replace the whole form with the hardened preset? Your current stack is replaced.") {
                on_edit.emit(Action::Replace {
                    doc: Box::new(presets::hardened()),
                    notice: Some(Notice::new(
                        Level::Success,
                        "Loaded the hardened preset. SSH is allowed from 192.0.2.0/24, a documentation range: put your own address there, and paste your public key.",
                    )),
                })
            }
        })
    };

    let findings: &[Finding] = props.findings.as_deref().map(Vec::as_slice).unwrap_or_default();
    let ready = props.findings.is_some();

    let fix_button = |fix: &Fix| -> Html {
        let on_edit = props.on_edit.clone();
        if fix.needs_cidr() {
            let oninput = {
                let cidr = cidr.clone();
                Callback::from(move |e: InputEvent| cidr.set(browser::event_value(&e)))
            };
            let onclick = {
                let (cidr, cidr_error, fix) = (cidr.clone(), cidr_error.clone(), fix.clone());
                Callback::from(move |_: MouseEvent| match check_admin_cidr(&cidr) {
                    Ok(block) => {
                        cidr_error.set(None);
                        on_edit.emit(Action::Fix {
                            fix: fix.clone(),
                            admin_cidr: block.to_string(),
                        });
                    }
                    Err(message) => cidr_error.set(Some(message)),
                })
            };
            let invalid = cidr_error.is_some();
            html! {
                <div class="fix cidr-fix">
                    <label for="admin-cidr">{ "Your address (CIDR)" }</label>
                    <input id="admin-cidr" type="text" autocomplete="off" spellcheck="false" placeholder="203.0.113.7/32"
                        value={(*cidr).clone()} {oninput}
                        aria-describedby={if invalid { "admin-cidr-msg" } else { "admin-cidr-help" }}
                        aria-invalid={invalid.then_some("true")} />
                    <button type="button" class="btn fix-btn" {onclick}>{ [fix.label(), " this address"].concat() }</button>
                    if let Some(message) = &*cidr_error {
                        <p class="msg" id="admin-cidr-msg">{ message.clone() }</p>
                    } else {
                        <p class="help" id="admin-cidr-help">{ "The address you connect from, e.g. 203.0.113.7/32." }</p>
                    }
                </div>
            }
        } else {
            let fix = fix.clone();
            let label = fix.label();
            html! {
                <button type="button" class="btn fix-btn" onclick={Callback::from(move |_: MouseEvent| on_edit.emit(Action::Fix { fix: fix.clone(), admin_cidr: String::new() }))}>
                    { label }
                </button>
            }
        }
    };

    html! {
        <section class="lint" aria-labelledby="lint-title">
            <div class="lint-head">
                <h2 id="lint-title">{ "Security check" }</h2>
                <button type="button" class="btn" onclick={on_hardened}>{ "Hardened preset" }</button>
            </div>
            if !ready {
                <p class="help">{ "The check runs when the form has no errors." }</p>
            } else if findings.is_empty() {
                <p class="ok">{ "No findings." }</p>
            } else {
                <p class="help">{ format!("{} finding{} (checkov IDs where checkov has the check).", findings.len(), if findings.len() == 1 { "" } else { "s" }) }</p>
                <ul class="findings" onclick={Callback::from(|e: MouseEvent| browser::follow_field_link(&e))}>
                    { for findings.iter().map(|f| html! {
                        <li class="finding" data-sev={f.check.severity().as_str()} data-check={f.check.id()}>
                            { Html::from_html_unchecked(AttrValue::from(finding_html(f))) }
                            if let Some(fix) = &f.fix {
                                { fix_button(fix) }
                            }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
