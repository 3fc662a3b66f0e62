//! One instance's card: its type, subnet, root volume, hardening switches, tags (rows in
//! `tag_row`), its NixOS configuration (`host`), user data, and its remove button. Its title names it, as does its label.

use std::rc::Rc;

use yew::prelude::*;

use super::host::host_section;
use super::tag_row::tag_row;
use super::DocPart;
use crate::model::edit::{Flag, InstanceFlag as F, InstanceText as T, Text};
use crate::ui::components::checkbox::Checkbox;
use crate::ui::components::select_field::{Choices, SelectField};
use crate::ui::components::text_field::{Kind, TextField};
use crate::ui::field::FormCtx;
use crate::ui::state::Action;

const VOLUME_TYPES: &[(&str, &str)] = &[("gp3", "gp3"), ("gp2", "gp2"), ("io1", "io1"), ("io2", "io2")];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub index: usize,
    pub doc: DocPart,
    pub form: FormCtx,
    /// The ids of the instance's tags.
    pub tag_keys: Vec<u64>,
    /// The subnets' names, for the subnet field.
    pub subnets: Rc<[AttrValue]>,
}

#[component]
pub fn InstanceCard(props: &Props) -> Html {
    let Props {
        index,
        doc,
        form,
        tag_keys,
        subnets,
    } = props;
    let (i, n) = (*index, index + 1);
    let f = form.bind(doc);
    let text = |field| f.text(Text::Instance(i, field));
    let flag = |field| f.flag(Flag::Instance(i, field));
    let name = doc.instances.get(i).map(|d| d.name.as_str()).unwrap_or_default();
    let title = format!("Instance {n}: {name}");
    // The rows, keyed, in a list of their own: Yew diffs by key only a list that is all keyed.
    let tags: Html = tag_keys
        .iter()
        .enumerate()
        .map(|(tag, &key)| tag_row(key, i, tag, doc, form))
        .collect();
    html! {
        <section aria-label={title.clone()} class="row-card instance">
            <h3 class="sub">{ title }</h3>
            <div class="grid">
                <TextField bind={text(T::Name)} help="Terraform name, e.g. nixos_x86-64." />
                <TextField bind={text(T::InstanceType)}
                    help="family.size, e.g. t3.micro or t4g.small." kind={Kind::Suggest("instance-types")} />
                <SelectField bind={text(T::Subnet)} help="One of the subnets above."
                    choices={Choices::Names(subnets.clone())} />
                <TextField bind={text(T::RootVolumeSize)}
                    help="At least the image size, e.g. 30." kind={Kind::Number} />
                <SelectField bind={text(T::RootVolumeType)}
                    help="gp3 is the cheapest general-purpose SSD." choices={Choices::Fixed(VOLUME_TYPES)} />
            </div>
            <div class="checks">
                <Checkbox bind={flag(F::PublicIp)}
                    help="Needed to reach the host over SSH without a VPN." />
                <Checkbox bind={flag(F::RootVolumeEncrypted)}
                    help="With the account's default KMS key (CKV_AWS_8)." />
                <Checkbox bind={flag(F::Imdsv2Required)} help="Metadata tokens only (CKV_AWS_79)." />
                <Checkbox bind={flag(F::Monitoring)}
                    help="1-minute CloudWatch metrics, billed (CKV_AWS_126)." />
                <Checkbox bind={flag(F::EbsOptimized)}
                    help="Dedicated disk bandwidth; not on t2 (CKV_AWS_135)." />
                <Checkbox bind={flag(F::IamRole)}
                    help="An instance profile with short-lived credentials (CKV2_AWS_41)." />
                <Checkbox bind={flag(F::IgnoreAmiChanges)}
                    help="A newer NixOS AMI does not replace the running host." />
            </div>
            <h4 class="sub">{ "Tags" }</h4>
            { tags }
            <button type="button" aria-label={format!("Add a tag to instance {n}")} class="btn add"
                onclick={form.on_click(Action::AddTag(i))}>{ "Add tag" }</button>
            <h4 class="sub">{ "NixOS configuration" }</h4>
            { host_section(i, doc, form) }
            <div class="grid">
                <div class="wide">
                    <TextField bind={text(T::UserData)}
                        help="Optional, without a NixOS configuration: a configuration.nix (or #! script) applied at boot; at most 16 KB."
                        kind={Kind::Area} />
                </div>
            </div>
            <button type="button" aria-label={format!("Remove instance {n}")} class="btn remove"
                onclick={form.on_click(Action::RemoveInstance(i))}>{ "Remove instance" }</button>
        </section>
    }
}
