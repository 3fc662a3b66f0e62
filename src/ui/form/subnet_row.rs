//! One subnet's row: its name, CIDR block and availability zone, and its remove button.

use yew::prelude::*;

use super::DocPart;
use crate::model::edit::{SubnetText, Text};
use crate::ui::components::text_field::{Kind, TextField};
use crate::ui::field::FormCtx;
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub index: usize,
    pub doc: DocPart,
    pub form: FormCtx,
}

#[component]
pub fn SubnetRow(props: &Props) -> Html {
    let Props { index, doc, form } = props;
    let (i, n) = (*index, index + 1);
    let f = form.bind(doc);
    let field = |field| f.text(Text::Subnet(i, field));
    html! {
        <div role="group" aria-label={format!("Subnet {n}")} class="row-card">
            <div class="grid three">
                <TextField bind={field(SubnetText::Name)} label="Name" help="Terraform name, e.g. nix-subnet." />
                <TextField bind={field(SubnetText::Cidr)} label="CIDR block" help="Inside the VPC, e.g. 10.10.0.0/25." />
                <TextField bind={field(SubnetText::AvailabilityZone)} label="Availability zone"
                    help="e.g. ap-southeast-2a, or automatic." kind={Kind::Suggest("zones")} />
            </div>
            <button type="button" aria-label={format!("Remove subnet {n}")} class="btn remove"
                onclick={form.on_click(Action::RemoveSubnet(i))}>{ "Remove" }</button>
        </div>
    }
}
