//! Security group: its names and the inbound/outbound rule tables (add with presets, remove).

use std::rc::Rc;

use yew::prelude::*;

use super::{part, Ctx, Row, Which};
use crate::model::document::RuleDoc;
use crate::model::Document;
use crate::ui::dom;
use crate::ui::field::Fields;
use crate::ui::state::Action;

/// The add buttons' `{in LABEL}` and `{out LABEL}` add the preset [`preset`] names.
pub const TEMPLATE: &str = r#"
<fieldset id="section-security-group">
  <legend>Security group</legend>
  <div class="grid">
    {name|Group name|The name in AWS; empty lets AWS choose. Not sg-….}
    {description|Description|Empty keeps "Managed by Terraform".}
  </div>
  <h3 class="sub">Inbound rules</h3>
  {=inbound}
  <div class="buttons">
    <button type="button" {in SSH} class="btn add">+ SSH</button>
    <button type="button" {in HTTP} class="btn add">+ HTTP</button>
    <button type="button" {in HTTPS} class="btn add">+ HTTPS</button>
    <button type="button" {in Custom} class="btn add">+ Custom</button>
  </div>
  <h3 class="sub">Outbound rules</h3>
  {=outbound}
  <div class="buttons">
    <button type="button" {out All traffic} class="btn add">+ All traffic</button>
    <button type="button" {out HTTPS} class="btn add">+ HTTPS</button>
    <button type="button" {out HTTP} class="btn add">+ HTTP</button>
    <button type="button" {out Custom} class="btn add">+ Custom</button>
  </div>
  <details>
    <summary>Advanced: resource name</summary>
    <div class="grid">
      {resource_name|Resource name|Terraform name of the aws_security_group.}
    </div>
  </details>
</fieldset>"#;

/// One rule's row.
const RULE: &str = r#"
<div role="group" {label} class="row-card">
  <div class="grid rule">
    {description|Description|What the rule is for.}
    {protocol|Protocol||select tcp=TCP;udp=UDP;icmp=ICMP;icmpv6=ICMPv6;all=All}
    {=ports}
    {ipv4_cidrs|IPv4 CIDR blocks|Comma-separated, e.g. 203.0.113.7/32.}
    {ipv6_cidrs|IPv6 CIDR blocks|e.g. ::/0; empty: none.}
  </div>
  <button type="button" {remove} class="btn remove">Remove</button>
</div>"#;

pub(super) fn direction(egress: bool) -> &'static str {
    if egress {
        "outbound"
    } else {
        "inbound"
    }
}

/// The rule an add button adds: the preset called `label`, described as outbound for egress.
pub(super) fn preset(egress: bool, label: &str) -> Action {
    let mut rule = match label {
        "SSH" => RuleDoc::ssh(),
        "HTTP" => RuleDoc::http(),
        "HTTPS" => RuleDoc::https(),
        "All traffic" => RuleDoc::all_out(),
        _ => RuleDoc::custom(),
    };
    // "Allow SSH in" → "Allow SSH out" (a suffix: no substring search).
    if let (true, Some(stem)) = (egress, rule.description.strip_suffix(" in")) {
        rule.description = [stem, " out"].concat();
    }
    Action::AddRule { egress, rule }
}

/// `{=inbound}`, `{=outbound}`: a rule table's message and rows (each a [`super::Part`]).
pub(super) fn rules(cx: &Ctx, egress: bool, out: &mut Vec<Html>) {
    let (key, list) = if egress {
        ("security_group.egress", &cx.doc.security_group.egress)
    } else {
        ("security_group.ingress", &cx.doc.security_group.ingress)
    };
    let mut rows = vec![cx.f.list_message(key)];
    rows.extend((0..list.len()).map(|index| part(cx.doc, Which::Rule { egress, index }, cx.f)));
    out.push(dom::fragment(rows));
}

/// `{=ports}`: the port fields, which depend on the protocol: none for all traffic, type and
/// code for ICMP.
pub(super) fn ports(cx: &Ctx, out: &mut Vec<Html>) {
    let protocol = cx.value("protocol").0;
    let (from, to) = if protocol.starts_with("icmp") {
        ("ICMP type", "ICMP code")
    } else {
        ("From port", "To port")
    };
    out.push(dom::fragment(if protocol == "all" {
        Vec::new()
    } else {
        vec![
            cx.field("from_port", from, "", "number"),
            cx.field("to_port", to, "", "number"),
        ]
    }));
}

/// One rule row (a [`super::Part`] of its own).
pub fn rule(r: &RuleDoc, egress: bool, i: usize, doc: &Rc<Document>, f: &Fields) -> Html {
    let (key, word) = if egress {
        ("egress", "Outbound")
    } else {
        ("ingress", "Inbound")
    };
    let mut cx = Ctx {
        d: r,
        base: ["security_group.", key, "[", &i.to_string(), "]"].concat(),
        row: Row::Rule { egress },
        index: i,
        label: [word, " rule ", &(i + 1).to_string()].concat(),
        doc,
        f,
    };
    dom::template(RULE, &mut cx)
}
