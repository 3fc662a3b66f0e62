//! Instances: one card per EC2 instance (add/remove), with its type, subnet, root volume,
//! hardening switches, tags (add/remove) and user data.

use std::rc::Rc;

use yew::prelude::*;

use super::{part, Ctx, Row, Which};
use crate::model::document::InstanceDoc;
use crate::model::Document;
use crate::ui::dom;
use crate::ui::field::Fields;

pub const TEMPLATE: &str = r#"
<fieldset id="section-instances">
  <legend>Instances</legend>
  {!instances}
  {=instances}
  <button type="button" {add-instance} class="btn add">Add instance</button>
</fieldset>"#;

/// One instance card; its title is the card's label.
const CARD: &str = r#"
<section {label} class="row-card instance">
  <h3 class="sub">{=title}</h3>
  <div class="grid">
    {name|Name|Terraform name, e.g. nixos_x86-64.}
    {instance_type|Instance type|family.size, e.g. t3.micro or t4g.small.|list instance-types}
    {subnet|Subnet|One of the subnets above.|subnets}
    {root_volume_size|Root volume size (GiB)|At least the image size, e.g. 30.|number}
    {root_volume_type|Root volume type|gp3 is the cheapest general-purpose SSD.|select gp3=gp3;gp2=gp2;io1=io1;io2=io2}
  </div>
  <div class="checks">
    {public_ip|Public IP address|Needed to reach the host over SSH without a VPN.|check}
    {root_volume_encrypted|Encrypt the root volume|With the account's default KMS key (CKV_AWS_8).|check}
    {imdsv2_required|Require IMDSv2|Metadata tokens only (CKV_AWS_79).|check}
    {monitoring|Detailed monitoring|1-minute CloudWatch metrics, billed (CKV_AWS_126).|check}
    {ebs_optimized|EBS-optimized|Dedicated disk bandwidth; not on t2 (CKV_AWS_135).|check}
    {iam_role|IAM role|An instance profile with short-lived credentials (CKV2_AWS_41).|check}
    {ignore_ami_changes|Ignore AMI changes|A newer NixOS AMI does not replace the running host.|check}
  </div>
  <h4 class="sub">Tags</h4>
  {=tags}
  <button type="button" {add-tag} class="btn add">Add tag</button>
  <div class="grid">
    <div class="wide">
      {user_data|User data|Optional: a configuration.nix (or #! script) applied at first boot; at most 16 KB.|area}
    </div>
  </div>
  <button type="button" {remove} class="btn remove">Remove instance</button>
</section>"#;

/// One tag's row.
const TAG: &str = r#"
<div role="group" {label} class="row-card tag">
  <div class="grid">
    {key|Key|e.g. Environment.}
    {value|Value|e.g. production.}
  </div>
  <button type="button" {remove} class="btn remove">Remove</button>
</div>"#;

/// `{=instances}`: the instance cards, each a [`super::Part`].
pub(super) fn cards(cx: &Ctx, out: &mut Vec<Html>) {
    out.extend((0..cx.doc.instances.len()).map(|i| part(cx.doc, Which::Instance(i), cx.f)));
}

/// `{=tags}`: the tag rows of the card's instance.
pub(super) fn tags(cx: &Ctx, out: &mut Vec<Html>) {
    let i = cx.index;
    let tags = cx.doc.instances.get(i).map(|d| d.tags.as_slice()).unwrap_or_default();
    out.extend(tags.iter().enumerate().map(|(j, t)| {
        let base = [&cx.base, ".tags[", &j.to_string(), "]"].concat();
        let label = ["Tag ", &(j + 1).to_string()].concat();
        cx.item(t, base, Row::Tag(i), j, label, TAG)
    }));
}

/// One instance card (a [`super::Part`] of its own: typing in one card re-renders only that
/// card).
pub fn instance(d: &InstanceDoc, i: usize, doc: &Rc<Document>, f: &Fields) -> Html {
    let mut cx = Ctx {
        d,
        base: ["instances[", &i.to_string(), "]"].concat(),
        row: Row::Instance,
        index: i,
        label: ["Instance ", &(i + 1).to_string(), ": ", &d.name].concat(),
        doc,
        f,
    };
    dom::template(CARD, &mut cx)
}
