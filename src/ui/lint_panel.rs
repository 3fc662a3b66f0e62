//! The security panel: what checkov would flag in the current stack (ID, severity, title, why),
//! a link to the field, and a one-click fix; plus the "Hardened" preset. Findings come from
//! the memoised outcome; fixes are reducer actions.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::dom::{self, El, Slot, Slots};
use super::field::field_id;
use super::state::{Action, Level, Notice};
use crate::model::lint::{check_admin_cidr, Finding, Fix};
use crate::model::presets;
use crate::render::highlight::escape_html;

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
        escape_html(&mut out, escaped);
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

/// The panel. It keeps the address typed for the fix that needs one, and why it was refused.
pub struct LintPanel {
    cidr: String,
    cidr_error: Option<String>,
}

pub enum Msg {
    /// The address field changed.
    Cidr(String),
    /// Apply a fix that needs the address.
    Apply(Fix),
}

impl Component for LintPanel {
    type Message = Msg;
    type Properties = Props;

    fn create(_: &Context<Self>) -> Self {
        LintPanel {
            cidr: String::new(),
            cidr_error: None,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Cidr(text) => self.cidr = text,
            Msg::Apply(fix) => match check_admin_cidr(&self.cidr) {
                Ok(block) => {
                    self.cidr_error = None;
                    ctx.props().on_edit.emit(Action::Fix {
                        fix,
                        admin_cidr: block.to_string(),
                    });
                }
                Err(message) => self.cidr_error = Some(message),
            },
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let on_hardened = {
            let on_edit = props.on_edit.clone();
            Callback::from(move |_: MouseEvent| {
                if browser::confirm("Replace the whole form with the hardened preset? Your current stack is replaced.")
                {
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
            if fix.needs_cidr() {
                let oninput = ctx.link().callback(|e: InputEvent| Msg::Cidr(browser::event_value(&e)));
                let onclick = {
                    let fix = fix.clone();
                    ctx.link().callback(move |_: MouseEvent| Msg::Apply(fix.clone()))
                };
                let invalid = self.cidr_error.is_some();
                let described_by = if invalid { "admin-cidr-msg" } else { "admin-cidr-help" };
                let mut slots = vec![
                    ("cidr", Slot::Value(self.cidr.clone().into())),
                    ("cidr", Slot::On(dom::input(oninput))),
                    (
                        "cidr",
                        Slot::Attr("aria-describedby", Some(AttrValue::Static(described_by))),
                    ),
                    (
                        "cidr",
                        Slot::Attr("aria-invalid", invalid.then_some(AttrValue::Static("true"))),
                    ),
                    ("apply", Slot::On(dom::click(onclick))),
                    (
                        "apply-label",
                        Slot::Node(dom::text([fix.label(), " this address"].concat())),
                    ),
                    ("error?", Slot::Show(invalid)),
                    ("help?", Slot::Show(!invalid)),
                ];
                if let Some(message) = &self.cidr_error {
                    slots.push(("error", Slot::Node(dom::text(message.clone()))));
                }
                dom::template(CIDR_FIX, &mut Slots(slots))
            } else {
                let (fix, on_edit) = (fix.clone(), props.on_edit.clone());
                let mut button = El::new("button");
                button.attr("type", AttrValue::Static("button"));
                button.attr("class", AttrValue::Static("btn fix-btn"));
                button.text(fix.label());
                button.on_click(Callback::from(move |_: MouseEvent| {
                    on_edit.emit(Action::Fix {
                        fix: fix.clone(),
                        admin_cidr: String::new(),
                    })
                }));
                button.build()
            }
        };
        let items = findings.iter().map(|f| {
            let mut li = El::new("li");
            li.attr("data-sev", AttrValue::Static(f.check.severity().as_str()));
            li.attr("data-check", AttrValue::Static(f.check.id()));
            li.attr("class", AttrValue::Static("finding"));
            li.children
                .push(Html::from_html_unchecked(AttrValue::from(finding_html(f))));
            li.children.push(dom::fragment(f.fix.iter().map(fix_button).collect()));
            li.build()
        });
        let count = [
            findings.len().to_string().as_str(),
            if findings.len() == 1 { " finding" } else { " findings" },
            " (checkov IDs where checkov has the check).",
        ]
        .concat();
        let slots = vec![
            ("hardened", Slot::On(dom::click(on_hardened))),
            ("waiting?", Slot::Show(!ready)),
            ("none?", Slot::Show(ready && findings.is_empty())),
            ("some?", Slot::Show(!findings.is_empty())),
            ("count", Slot::Node(dom::text(count))),
            (
                "follow",
                Slot::On(dom::click(Callback::from(browser::follow_field_link))),
            ),
            ("findings", Slot::Node(dom::fragment(items.collect()))),
        ];
        dom::template(PANEL, &mut Slots(slots))
    }
}

/// The panel: the preset button, then the findings (or why there are none).
const PANEL: &str = r#"
<section aria-labelledby="lint-title" class="lint">
  <div class="lint-head">
    <h2 id="lint-title">Security check</h2>
    <button type="button" {hardened} class="btn">Hardened preset</button>
  </div>
  {?waiting?}
    <p class="help">The check runs when the form has no errors.</p>
  {/}
  {?none?}
    <p class="ok">No findings.</p>
  {/}
  {?some?}
    <p class="help">{count}</p>
    <ul {follow} class="findings">{findings}</ul>
  {/}
</section>"#;

/// The fix that needs the person's address: the address field and its button.
const CIDR_FIX: &str = r#"
<div class="fix cidr-fix">
  <label for="admin-cidr">Your address (CIDR)</label>
  <input id="admin-cidr" type="text" autocomplete="off" spellcheck="false" placeholder="203.0.113.7/32" {cidr} />
  <button type="button" {apply} class="btn fix-btn">{apply-label}</button>
  {?error?}
    <p id="admin-cidr-msg" class="msg">{error}</p>
  {/}
  {?help?}
    <p id="admin-cidr-help" class="help">The address you connect from, e.g. 203.0.113.7/32.</p>
  {/}
</div>"#;
