//! Security group: its names and the inbound/outbound rule tables (add with presets, remove).

use yew::prelude::*;

use std::rc::Rc;

use super::{button, part, Which};
use crate::model::document::RuleDoc;
use crate::model::Document;
use crate::ui::field::{Fields, Kind};
use crate::ui::state::Action;

fn outbound(mut rule: RuleDoc) -> RuleDoc {
    rule.description = rule.description.replace(" in", " out");
    rule
}

pub fn security_group(doc: &Rc<Document>, f: &Fields) -> Html {
    let d = &doc.security_group;
    let add = |egress: bool, label: &'static str, rule: fn() -> RuleDoc| {
        let aria = ["Add ", if egress { "outbound" } else { "inbound" }, " rule: ", label].concat();
        let make = move |_| Action::AddRule {
            egress,
            rule: if egress { outbound(rule()) } else { rule() },
        };
        button(["+ ", label].concat(), Some(aria), "add", f.on_edit.reform(make))
    };
    html! {
        <fieldset id="section-security-group">
            <legend>{ "Security group" }</legend>
            <div class="grid">
                { f.text("security_group.name", "Group name", "The name in AWS; empty lets AWS choose. Not sg-….", &d.name) }
                { f.text("security_group.description", "Description", "Empty keeps \"Managed by Terraform\".", &d.description) }
            </div>
            <h3 class="sub">{ "Inbound rules" }</h3>
            { rules(doc, f, false) }
            <div class="buttons">
                { add(false, "SSH", RuleDoc::ssh) }
                { add(false, "HTTP", RuleDoc::http) }
                { add(false, "HTTPS", RuleDoc::https) }
                { add(false, "Custom", RuleDoc::custom) }
            </div>
            <h3 class="sub">{ "Outbound rules" }</h3>
            { rules(doc, f, true) }
            <div class="buttons">
                { add(true, "All traffic", RuleDoc::all_out) }
                { add(true, "HTTPS", RuleDoc::https) }
                { add(true, "HTTP", RuleDoc::http) }
                { add(true, "Custom", RuleDoc::custom) }
            </div>
            <details>
                <summary>{ "Advanced: resource name" }</summary>
                <div class="grid">
                    { f.text("security_group.resource_name", "Resource name", "Terraform name of the aws_security_group.", &d.resource_name) }
                </div>
            </details>
        </fieldset>
    }
}

const PROTOCOLS: &[(&str, &str)] = &[
    ("tcp", "TCP"),
    ("udp", "UDP"),
    ("icmp", "ICMP"),
    ("icmpv6", "ICMPv6"),
    ("all", "All"),
];

fn rules(doc: &Rc<Document>, f: &Fields, egress: bool) -> Html {
    let (key, list) = if egress {
        ("security_group.egress", &doc.security_group.egress)
    } else {
        ("security_group.ingress", &doc.security_group.ingress)
    };
    html! {
        <>
            { f.list_message(key) }
            { for (0..list.len()).map(|index| part(doc, Which::Rule { egress, index }, f)) }
        </>
    }
}

/// One rule row (a [`super::Part`] of its own).
pub fn rule(r: &RuleDoc, egress: bool, i: usize, f: &Fields) -> Html {
    let (key, word) = if egress {
        ("egress", "Outbound")
    } else {
        ("ingress", "Inbound")
    };
    let n = (i + 1).to_string();
    let base = ["security_group.", key, "[", &i.to_string(), "]"].concat();
    let ports = !matches!(r.protocol.as_str(), "all");
    let (from, to) = if r.protocol.starts_with("icmp") {
        ("ICMP type", "ICMP code")
    } else {
        ("From port", "To port")
    };
    html! {
        <div class="row-card" role="group" aria-label={[word, " rule ", &n].concat()}>
            <div class="grid rule">
                { f.text(&[&base, ".description"].concat(), "Description", "What the rule is for.", &r.description) }
                { f.select(&[&base, ".protocol"].concat(), "Protocol", "", &r.protocol, Kind::Select(PROTOCOLS)) }
                if ports {
                    { f.number(&[&base, ".from_port"].concat(), from, "", &r.from_port) }
                    { f.number(&[&base, ".to_port"].concat(), to, "", &r.to_port) }
                }
                { f.text(&[&base, ".ipv4_cidrs"].concat(), "IPv4 CIDR blocks", "Comma-separated, e.g. 203.0.113.7/32.", &r.ipv4_cidrs) }
                { f.text(&[&base, ".ipv6_cidrs"].concat(), "IPv6 CIDR blocks", "e.g. ::/0; empty: none.", &r.ipv6_cidrs) }
            </div>
            { button("Remove", Some(["Remove ", if egress { "outbound" } else { "inbound" }, " rule ", &n].concat()), "remove",
                f.on_edit.reform(move |_| Action::RemoveRule { egress, index: i })) }
        </div>
    }
}
