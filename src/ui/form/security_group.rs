//! Security group: its names, and the inbound and outbound rule tables (rows in `rule_row`),
//! each with buttons that add a preset rule.

use yew::prelude::*;

use super::rule_row::RuleRow;
use super::{Part, Section};
use crate::model::document::RuleDoc;
use crate::model::edit::{Direction, Text};
use crate::ui::components::list_message::list_message;
use crate::ui::components::text_field::TextField;
use crate::ui::field::FormCtx;
use crate::ui::state::Action;

/// The rule an add button adds: the preset called `label`, described as outbound for egress.
fn preset(direction: Direction, label: &str) -> RuleDoc {
    let mut rule = match label {
        "SSH" => RuleDoc::ssh(),
        "HTTP" => RuleDoc::http(),
        "HTTPS" => RuleDoc::https(),
        "All traffic" => RuleDoc::all_out(),
        _ => RuleDoc::custom(),
    };
    // "Allow SSH in" → "Allow SSH out".
    if let (Direction::Egress, Some(stem)) = (direction, rule.description.strip_suffix(" in")) {
        rule.description = format!("{stem} out");
    }
    rule
}

/// "inbound" or "outbound".
pub fn direction_word(direction: Direction) -> &'static str {
    match direction {
        Direction::Ingress => "inbound",
        Direction::Egress => "outbound",
    }
}

/// A rule table: its message, its rows and its add buttons.
fn table(props: Section, direction: Direction, presets: [&'static str; 4]) -> Html {
    let Section { doc, form, keys } = props;
    let path = match direction {
        Direction::Ingress => "security_group.ingress",
        Direction::Egress => "security_group.egress",
    };
    // The rows, keyed, in a list of their own: Yew diffs by key only a list that is all keyed.
    let rows: Html = keys
        .rules(direction)
        .iter()
        .enumerate()
        .map(|(index, &key)| {
            html! {
                <RuleRow {key} {direction} {index} doc={props.part(Part::Rule(direction, index))} form={form.clone()} />
            }
        })
        .collect();
    let add = |label: &'static str| add_button(form, direction, label);
    html! {
        <>
            { list_message(path, form.bind(doc).list_message(path)) }
            { rows }
            <div class="buttons">{ for presets.map(add) }</div>
        </>
    }
}

fn add_button(form: &FormCtx, direction: Direction, label: &'static str) -> Html {
    let aria = format!("Add {} rule: {label}", direction_word(direction));
    html! {
        <button type="button" aria-label={aria} class="btn add"
            onclick={form.on_click(Action::AddRule(direction, preset(direction, label)))}>
            { format!("+ {label}") }
        </button>
    }
}

/// The section, drawn by the form on each of its renders; its rows and controls are components
/// that skip their re-render when unchanged.
pub fn security_group(props: Section) -> Html {
    let f = props.form.bind(props.doc);
    html! {
        <fieldset id="section-security-group">
            <legend>{ "Security group" }</legend>
            <div class="grid">
                <TextField bind={f.text(Text::SecurityGroupName)}
                    help="The name in AWS; empty lets AWS choose. Not sg-…." />
                <TextField bind={f.text(Text::SecurityGroupDescription)}
                    help="Empty keeps \"Managed by Terraform\"." />
            </div>
            <h3 class="sub">{ "Inbound rules" }</h3>
            { table(props, Direction::Ingress, ["SSH", "HTTP", "HTTPS", "Custom"]) }
            <h3 class="sub">{ "Outbound rules" }</h3>
            { table(props, Direction::Egress, ["All traffic", "HTTPS", "HTTP", "Custom"]) }
            <details>
                <summary>{ "Advanced: resource name" }</summary>
                <div class="grid">
                    <TextField bind={f.text(Text::SecurityGroupResourceName)}
                        help="Terraform name of the aws_security_group." />
                </div>
            </details>
        </fieldset>
    }
}
