//! Network: the VPC block, its subnets (add/remove), the VPC's guard rails, and (folded away)
//! the Terraform names of the VPC, gateway, route table and route.

use yew::prelude::*;

use super::{Ctx, Row};
use crate::ui::dom;
use crate::ui::field::option_into;

pub const TEMPLATE: &str = r#"
<fieldset id="section-network">
  <legend>Network</legend>
  <div class="grid">
    {vpc_cidr|VPC CIDR block|Between /16 and /28, e.g. 10.10.0.0/24.}
  </div>
  <h3 class="sub">Subnets</h3>
  {!subnets}
  {=subnets}
  <button type="button" {add-subnet} class="btn add">Add subnet</button>
  <datalist id="zones">{=zones}</datalist>
  <div class="checks">
    {restrict_default_security_group|Lock the VPC's default security group|Manages it with no rules (CKV2_AWS_12).|check}
    {flow_logs|VPC flow logs|Records connections in a CloudWatch log group (CKV2_AWS_11).|check}
  </div>
  {?flow_logs}
    <div class="grid">
      {flow_log_retention_days|Flow log retention (days)|A CloudWatch value: 1, 7, 30, 90, 365, … (0: forever).|number}
    </div>
  {/}
  <details>
    <summary>Advanced: resource names</summary>
    <div class="grid">
      {vpc_name|VPC name|Terraform name of the aws_vpc.}
      {gateway_name|Internet gateway name|Terraform name of the aws_internet_gateway.}
      {route_table_name|Route table name|Terraform name of the aws_route_table.}
      {route_name|Route name|Terraform name of the default aws_route.}
    </div>
  </details>
</fieldset>"#;

/// One subnet's row.
const SUBNET: &str = r#"
<div role="group" {label} class="row-card">
  <div class="grid three">
    {name|Name|Terraform name, e.g. nix-subnet.}
    {cidr|CIDR block|Inside the VPC, e.g. 10.10.0.0/25.}
    {availability_zone|Availability zone|e.g. ap-southeast-2a, or automatic.|list zones}
  </div>
  <button type="button" {remove} class="btn remove">Remove</button>
</div>"#;

/// `{=subnets}`: the subnet rows.
pub(super) fn subnets(cx: &Ctx, out: &mut Vec<Html>) {
    let rows = cx.doc.network.subnets.iter().enumerate().map(|(i, s)| {
        let base = ["network.subnets[", &i.to_string(), "]"].concat();
        let label = ["Subnet ", &(i + 1).to_string()].concat();
        cx.item(s, base, Row::Subnet, i, label, SUBNET)
    });
    out.push(dom::fragment(rows.collect()));
}

/// `{=zones}`: the zone suggestions of the region, as the datalist's HTML.
pub(super) fn zones(cx: &Ctx, out: &mut Vec<Html>) {
    let mut zones = String::new();
    option_into(&mut zones, "automatic", &[], false);
    for z in ["a", "b", "c", "d"] {
        option_into(&mut zones, &[&cx.doc.provider.region, z].concat(), &[], false);
    }
    out.push(Html::from_html_unchecked(AttrValue::from(zones)));
}
