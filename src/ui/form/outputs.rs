//! Outputs: which values Terraform prints after applying.

use yew::prelude::*;

use super::SectionProps;
use crate::model::edit::Flag;
use crate::ui::components::checkbox::Checkbox;

#[component]
pub fn Outputs(props: &SectionProps) -> Html {
    let f = props.form.bind(&props.doc);
    html! {
        <fieldset id="section-outputs">
            <legend>{ "Outputs" }</legend>
            <div class="checks">
                <Checkbox bind={f.flag(Flag::OutputPublicIp)} help="The instance's public IPv4 address." />
                <Checkbox bind={f.flag(Flag::OutputPublicDns)} help="The instance's public host name." />
                <Checkbox bind={f.flag(Flag::OutputSshCommand)} help="A ready-to-paste ssh root@… line." />
            </div>
        </fieldset>
    }
}
