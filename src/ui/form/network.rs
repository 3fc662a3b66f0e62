//! Network: the VPC block, its subnets (add and remove; rows in `subnet_row`), the VPC's guard
//! rails, the zone suggestions of the region, and (folded away) the Terraform names of the
//! VPC, gateway, route table and route. In modules mode the vpc module names the gateway, route
//! table and route itself: their fields say so and rest (keeping their values for resources
//! mode), unless they have an error to fix.

use yew::prelude::*;

use super::subnet_row::SubnetRow;
use super::{Part, Section};
use crate::model::edit::{Flag, Text};
use crate::model::fixups;
use crate::ui::components::checkbox::Checkbox;
use crate::ui::components::list_message::list_message;
use crate::ui::components::text_field::{Kind, TextField};
use crate::ui::state::Action;

/// The section, drawn by the form on each of its renders; its rows and controls are components
/// that skip their re-render when unchanged.
pub fn network(props: Section) -> Html {
    let Section { doc, form, keys } = props;
    let f = form.bind(doc);
    // The rows, keyed, in a list of their own: Yew diffs by key only a list that is all keyed.
    let subnets: Html = keys
        .subnets
        .iter()
        .enumerate()
        .map(|(index, &key)| {
            html! { <SubnetRow {key} {index} doc={props.part(Part::Subnet(index))} form={form.clone()} /> }
        })
        .collect();
    // What the gateway, route table and route fields say: in modules mode, that the module
    // names these itself.
    let modules = doc.mode == "modules";
    let named = |field: Text, help: &'static str| {
        let bind = f.text(field);
        let disabled = modules && bind.message.is_none();
        let help = match modules {
            true => "Modules mode: the vpc module names this itself from the VPC's name; kept for resources mode.",
            false => help,
        };
        html! { <TextField {bind} {help} {disabled} /> }
    };
    let region = &doc.provider.region;
    let zones = fixups::zones(region);
    html! {
        <fieldset id="section-network">
            <legend>{ "Network" }</legend>
            <div class="grid">
                <TextField bind={f.text(Text::VpcCidr)} help="Between /16 and /28, e.g. 10.10.0.0/24." />
            </div>
            <h3 class="sub">{ "Subnets" }</h3>
            { list_message("network.subnets", f.list_message("network.subnets")) }
            { subnets }
            <button type="button" class="btn add" onclick={form.on_click(Action::AddSubnet)}>{ "Add subnet" }</button>
            <datalist id="zones">
                <option value="automatic" />
                { for zones.map(|zone| html! { <option value={zone} /> }) }
            </datalist>
            <div class="checks">
                <Checkbox bind={f.flag(Flag::RestrictDefaultSecurityGroup)}
                    help="Manages it with no rules (CKV2_AWS_12)." />
                <Checkbox bind={f.flag(Flag::FlowLogs)}
                    help="Records connections in a CloudWatch log group (CKV2_AWS_11)." />
            </div>
            if doc.network.flow_logs {
                <div class="grid">
                    <TextField bind={f.text(Text::FlowLogRetentionDays)}
                        help="A CloudWatch value: 1, 7, 30, 90, 365, … (0: forever)." kind={Kind::Number} />
                </div>
            }
            <details>
                <summary>{ "Advanced: resource names" }</summary>
                <div class="grid">
                    <TextField bind={f.text(Text::VpcName)}
                        help="Terraform name of the aws_vpc (in modules mode, of the vpc module)." />
                    { named(Text::GatewayName, "Terraform name of the aws_internet_gateway.") }
                    { named(Text::RouteTableName, "Terraform name of the aws_route_table.") }
                    { named(Text::RouteName, "Terraform name of the default aws_route.") }
                </div>
            </details>
        </fieldset>
    }
}
