//! One subnet's row: its name, CIDR block and availability zone, and its remove button (which
//! asks first when instances are in the subnet: they move to the first remaining one).

use gloo::dialogs::confirm;
use yew::prelude::*;

use super::DocPart;
use crate::model::edit::{SubnetText, Text};
use crate::model::fixups::instances_in_subnet;
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
    let on_remove = {
        let (doc, dispatch) = (doc.clone(), form.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let users = instances_in_subnet(&doc, i).len();
            let asked = users == 0
                || confirm(&format!(
                    "Remove subnet {n}? {users} instance{} in it move{} to the first remaining subnet.",
                    if users == 1 { "" } else { "s" },
                    if users == 1 { "s" } else { "" }
                ));
            if asked {
                dispatch.emit(Action::RemoveSubnet(i));
            }
        })
    };
    html! {
        <div role="group" aria-label={format!("Subnet {n}")} class="row-card">
            <div class="grid three">
                <TextField bind={field(SubnetText::Name)} help="Terraform name, e.g. nix-subnet." />
                <TextField bind={field(SubnetText::Cidr)} help="Inside the VPC, e.g. 10.10.0.0/25." />
                <TextField bind={field(SubnetText::AvailabilityZone)}
                    help="e.g. ap-southeast-2a, or automatic." kind={Kind::Suggest("zones")} />
            </div>
            <button type="button" aria-label={format!("Remove subnet {n}")} class="btn remove"
                onclick={on_remove}>{ "Remove" }</button>
        </div>
    }
}
