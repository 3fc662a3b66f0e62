//! Outputs: which values Terraform prints after applying.

use yew::prelude::*;

use crate::model::document::OutputsDoc;
use crate::ui::field::Fields;

pub fn outputs(d: &OutputsDoc, f: &Fields) -> Html {
    html! {
        <fieldset id="section-outputs">
            <legend>{ "Outputs" }</legend>
            <div class="checks">
                { f.check("outputs.public_ip", "Public IP", "The instance's public IPv4 address.", d.public_ip) }
                { f.check("outputs.public_dns", "Public DNS name", "The instance's public host name.", d.public_dns) }
                { f.check("outputs.ssh_command", "SSH command", "A ready-to-paste ssh root@… line.", d.ssh_command) }
            </div>
        </fieldset>
    }
}
