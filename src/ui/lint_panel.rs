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

/// A finding's text and its link to the field, as escaped HTML.
fn finding_body(out: &mut String, f: &Finding) {
    let mut add = |parts: &[&str], escaped: &str| {
        parts.iter().for_each(|p| out.push_str(p));
        escape_html(out, escaped);
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
}

/// The `<li>` of finding `index`, whose fix (if any) needs no address, as escaped HTML. Its fix
/// button carries `data-fix="INDEX"` and is handled by the list's one click listener: the list
/// is static between changes, so the browser parses it in one go instead of Yew building ~15
/// nodes and a listener per finding.
fn finding_html(out: &mut String, index: usize, f: &Finding) {
    out.push_str("<li class=\"finding\" data-sev=\"");
    out.push_str(f.check.severity().as_str());
    out.push_str("\" data-check=\"");
    escape_html(out, f.check.id());
    out.push_str("\">");
    finding_body(out, f);
    if let Some(fix) = &f.fix {
        out.push_str("<button type=\"button\" class=\"btn fix-btn\" data-fix=\"");
        out.push_str(&index.to_string());
        out.push_str("\">");
        escape_html(out, fix.label());
        out.push_str("</button>");
    }
    out.push_str("</li>");
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

        // The fix that needs the person's address: its field and button, built by Yew.
        let cidr_fix = |fix: &Fix| -> Html {
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
        };
        // Runs of findings without an address field are one piece of HTML each.
        let mut items = Vec::new();
        let mut run = String::new();
        for (i, f) in findings.iter().enumerate() {
            match &f.fix {
                Some(fix) if fix.needs_cidr() => {
                    if !run.is_empty() {
                        items.push(Html::from_html_unchecked(std::mem::take(&mut run).into()));
                    }
                    let mut body = String::with_capacity(512);
                    finding_body(&mut body, f);
                    let mut li = El::new("li");
                    li.attr("data-sev", AttrValue::Static(f.check.severity().as_str()));
                    li.attr("data-check", AttrValue::Static(f.check.id()));
                    li.attr("class", AttrValue::Static("finding"));
                    li.children.push(Html::from_html_unchecked(body.into()));
                    li.children.push(cidr_fix(fix));
                    items.push(li.build());
                }
                _ => finding_html(&mut run, i, f),
            }
        }
        if !run.is_empty() {
            items.push(Html::from_html_unchecked(run.into()));
        }
        // The list's one click listener: a fix button applies its finding's fix; a link to a
        // field focuses the field.
        let on_list = {
            let (findings, on_edit) = (props.findings.clone(), props.on_edit.clone());
            Callback::from(move |e: MouseEvent| {
                let Some(index) = browser::clicked_fix(&e) else {
                    return browser::follow_field_link(e);
                };
                let fix = findings
                    .as_deref()
                    .and_then(|all| all.get(index.parse::<usize>().ok()?)?.fix.clone());
                if let Some(fix) = fix {
                    on_edit.emit(Action::Fix {
                        fix,
                        admin_cidr: String::new(),
                    });
                }
            })
        };
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
            ("follow", Slot::On(dom::click(on_list))),
            ("findings", Slot::Node(dom::fragment(items))),
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
