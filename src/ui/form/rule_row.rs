//! One rule's row: description, protocol, ports (none for all traffic, type and code for
//! ICMP), IPv4 and IPv6 blocks, and its remove button.

use yew::prelude::*;

use super::security_group::direction_word;
use super::{rules, DocPart};
use crate::model::edit::{Direction, RuleText, Text};
use crate::ui::components::select_field::{Choices, SelectField};
use crate::ui::components::text_field::{Kind, TextField};
use crate::ui::field::FormCtx;
use crate::ui::state::Action;

const PROTOCOLS: &[(&str, &str)] = &[
    ("tcp", "TCP"),
    ("udp", "UDP"),
    ("icmp", "ICMP"),
    ("icmpv6", "ICMPv6"),
    ("all", "All"),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub direction: Direction,
    pub index: usize,
    pub doc: DocPart,
    pub form: FormCtx,
}

#[component]
pub fn RuleRow(props: &Props) -> Html {
    let Props {
        direction,
        index,
        doc,
        form,
    } = props;
    let (direction, i, n) = (*direction, *index, index + 1);
    let f = form.bind(doc);
    let field = |field| f.text(Text::Rule(direction, i, field));
    let protocol = rules(doc, direction)
        .get(i)
        .map(|r| r.protocol.as_str())
        .unwrap_or_default();
    let ports = match protocol {
        "all" => Html::default(),
        icmp if icmp.starts_with("icmp") => html! {
            <>
                <TextField bind={field(RuleText::FromPort)} label="ICMP type" kind={Kind::Number} />
                <TextField bind={field(RuleText::ToPort)} label="ICMP code" kind={Kind::Number} />
            </>
        },
        _ => html! {
            <>
                <TextField bind={field(RuleText::FromPort)} kind={Kind::Number} />
                <TextField bind={field(RuleText::ToPort)} kind={Kind::Number} />
            </>
        },
    };
    let word = direction_word(direction);
    let title = match direction {
        Direction::Ingress => "Inbound",
        Direction::Egress => "Outbound",
    };
    html! {
        <div role="group" aria-label={format!("{title} rule {n}")} class="row-card">
            <div class="grid rule">
                <TextField bind={field(RuleText::Description)} help="What the rule is for." />
                <SelectField bind={field(RuleText::Protocol)} choices={Choices::Fixed(PROTOCOLS)} />
                { ports }
                <TextField bind={field(RuleText::Ipv4Cidrs)}
                    help="Comma-separated, e.g. 203.0.113.7/32." />
                <TextField bind={field(RuleText::Ipv6Cidrs)} help="e.g. ::/0; empty: none." />
            </div>
            <button type="button" aria-label={format!("Remove {word} rule {n}")} class="btn remove"
                onclick={form.on_click(Action::RemoveRule(direction, i))}>{ "Remove" }</button>
        </div>
    }
}
