//! Network: the VPC block, its subnets (add/remove), the VPC's guard rails, and (folded away)
//! the Terraform names of the VPC, gateway, route table and route.

use yew::prelude::*;

use super::button;
use crate::model::document::NetworkDoc;
use crate::ui::field::{escape_into, Fields};
use crate::ui::state::Action;

pub fn network(d: &NetworkDoc, region: &str, f: &Fields) -> Html {
    let mut zones = String::from("<option value=\"automatic\"></option>");
    for z in ["a", "b", "c", "d"] {
        zones.push_str("<option value=\"");
        escape_into(&mut zones, region);
        zones.push_str(z);
        zones.push_str("\"></option>");
    }
    let zones = html! { <datalist id="zones">{ Html::from_html_unchecked(AttrValue::from(zones)) }</datalist> };
    let subnets = subnet_rows(d, f);
    html! {
        <fieldset id="section-network">
            <legend>{ "Network" }</legend>
            <div class="grid">
                { f.text("network.vpc_cidr", "VPC CIDR block", "Between /16 and /28, e.g. 10.10.0.0/24.", &d.vpc_cidr) }
            </div>
            <h3 class="sub">{ "Subnets" }</h3>
            { f.list_message("network.subnets") }
            { subnets }
            { button("Add subnet", None, "add", f.on_edit.reform(|_| Action::AddSubnet)) }
            { zones }
            <div class="checks">
                { f.check("network.restrict_default_security_group", "Lock the VPC's default security group", "Manages it with no rules (CKV2_AWS_12).", d.restrict_default_security_group) }
                { f.check("network.flow_logs", "VPC flow logs", "Records connections in a CloudWatch log group (CKV2_AWS_11).", d.flow_logs) }
            </div>
            if d.flow_logs {
                <div class="grid">
                    { f.number("network.flow_log_retention_days", "Flow log retention (days)", "A CloudWatch value: 1, 7, 30, 90, 365, … (0: forever).", &d.flow_log_retention_days) }
                </div>
            }
            <details>
                <summary>{ "Advanced: resource names" }</summary>
                <div class="grid">
                    { f.text("network.vpc_name", "VPC name", "Terraform name of the aws_vpc.", &d.vpc_name) }
                    { f.text("network.gateway_name", "Internet gateway name", "Terraform name of the aws_internet_gateway.", &d.gateway_name) }
                    { f.text("network.route_table_name", "Route table name", "Terraform name of the aws_route_table.", &d.route_table_name) }
                    { f.text("network.route_name", "Route name", "Terraform name of the default aws_route.", &d.route_name) }
                </div>
            </details>
        </fieldset>
    }
}

fn subnet_rows(d: &NetworkDoc, f: &Fields) -> Html {
    html! {
        { for d.subnets.iter().enumerate().map(|(i, s)| {
            let n = (i + 1).to_string();
            let base = ["network.subnets[", &i.to_string(), "]"].concat();
            html! {
                <div class="row-card" role="group" aria-label={["Subnet ", &n].concat()}>
                    <div class="grid three">
                        { f.text(&[&base, ".name"].concat(), "Name", "Terraform name, e.g. nix-subnet.", &s.name) }
                        { f.text(&[&base, ".cidr"].concat(), "CIDR block", "Inside the VPC, e.g. 10.10.0.0/25.", &s.cidr) }
                        { f.suggest(&[&base, ".availability_zone"].concat(), "Availability zone", "e.g. ap-southeast-2a, or automatic.", &s.availability_zone, "zones") }
                    </div>
                    { button("Remove", Some(["Remove subnet ", &n].concat()), "remove", f.on_edit.reform(move |_| Action::RemoveSubnet(i))) }
                </div>
            }
        }) }
    }
}
