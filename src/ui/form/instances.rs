//! Instances: one card per EC2 instance (add/remove), with its type, subnet, root volume,
//! hardening switches, tags (add/remove) and user data.

use std::rc::Rc;

use yew::prelude::*;

use super::{button, part, Which};
use crate::model::document::{InstanceDoc, SubnetDoc};
use crate::model::Document;
use crate::ui::field::{Fields, Kind};
use crate::ui::state::Action;

pub fn instances(doc: &Rc<Document>, f: &Fields) -> Html {
    html! {
        <fieldset id="section-instances">
            <legend>{ "Instances" }</legend>
            { f.list_message("instances") }
            { for (0..doc.instances.len()).map(|i| part(doc, Which::Instance(i), f)) }
            { button("Add instance", None, "add", f.on_edit.reform(|_| Action::AddInstance)) }
        </fieldset>
    }
}

/// One instance card (a [`super::Part`] of its own: typing in one card re-renders only that
/// card).
pub fn instance(d: &InstanceDoc, i: usize, subnets: &[SubnetDoc], f: &Fields) -> Html {
    let n = (i + 1).to_string();
    let base = ["instances[", &i.to_string(), "]"].concat();
    let p = |field: &str| [&base, ".", field].concat();
    let title = ["Instance ", &n, ": ", &d.name].concat();
    html! {
        <section class="row-card instance" aria-label={title.clone()}>
            <h3 class="sub">{ title }</h3>
            <div class="grid">
                { f.text(&p("name"), "Name", "Terraform name, e.g. nixos_x86-64.", &d.name) }
                { f.suggest(&p("instance_type"), "Instance type", "family.size, e.g. t3.micro or t4g.small.", &d.instance_type, "instance-types") }
                { f.select(&p("subnet"), "Subnet", "One of the subnets above.", &d.subnet, Kind::Subnets(subnets)) }
                { f.number(&p("root_volume_size"), "Root volume size (GiB)", "At least the image size, e.g. 30.", &d.root_volume_size) }
                { f.select(&p("root_volume_type"), "Root volume type", "gp3 is the cheapest general-purpose SSD.", &d.root_volume_type, Kind::Select(&[("gp3", "gp3"), ("gp2", "gp2"), ("io1", "io1"), ("io2", "io2")])) }
            </div>
            <div class="checks">
                { f.check(&p("public_ip"), "Public IP address", "Needed to reach the host over SSH without a VPN.", d.public_ip) }
                { f.check(&p("root_volume_encrypted"), "Encrypt the root volume", "With the account's default KMS key (CKV_AWS_8).", d.root_volume_encrypted) }
                { f.check(&p("imdsv2_required"), "Require IMDSv2", "Metadata tokens only (CKV_AWS_79).", d.imdsv2_required) }
                { f.check(&p("monitoring"), "Detailed monitoring", "1-minute CloudWatch metrics, billed (CKV_AWS_126).", d.monitoring) }
                { f.check(&p("ebs_optimized"), "EBS-optimized", "Dedicated disk bandwidth; not on t2 (CKV_AWS_135).", d.ebs_optimized) }
                { f.check(&p("iam_role"), "IAM role", "An instance profile with short-lived credentials (CKV2_AWS_41).", d.iam_role) }
                { f.check(&p("ignore_ami_changes"), "Ignore AMI changes", "A newer NixOS AMI does not replace the running host.", d.ignore_ami_changes) }
            </div>
            <h4 class="sub">{ "Tags" }</h4>
            { for d.tags.iter().enumerate().map(|(j, t)| html! {
                <div class="row-card tag" role="group" aria-label={["Tag ", &(j + 1).to_string()].concat()}>
                    <div class="grid">
                        { f.text(&[&base, ".tags[", &j.to_string(), "].key"].concat(), "Key", "e.g. Environment.", &t.key) }
                        { f.text(&[&base, ".tags[", &j.to_string(), "].value"].concat(), "Value", "e.g. production.", &t.value) }
                    </div>
                    { button("Remove", Some(["Remove tag ", &(j + 1).to_string(), " of instance ", &n].concat()), "remove",
                        f.on_edit.reform(move |_| Action::RemoveTag(i, j))) }
                </div>
            }) }
            { button("Add tag", Some(["Add a tag to instance ", &n].concat()), "add", f.on_edit.reform(move |_| Action::AddTag(i))) }
            <div class="grid">
                <div class="wide">
                    { f.area(&p("user_data"), "User data", "Optional: a configuration.nix (or #! script) applied at first boot; at most 16 KB.", &d.user_data) }
                </div>
            </div>
            { button("Remove instance", Some(["Remove instance ", &n].concat()), "remove", f.on_edit.reform(move |_| Action::RemoveInstance(i))) }
        </section>
    }
}
