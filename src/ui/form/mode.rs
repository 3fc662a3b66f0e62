//! How the stack is written, first in the form: as plain AWS resources (the default) or with
//! the terraform-aws-modules `vpc` and `ec2-instance` modules. Only the choice and what it
//! means; what each section shows differently in modules mode is in that section.

use yew::prelude::*;

use super::SectionProps;
use crate::model::edit::Text;
use crate::ui::components::select_field::{Choices, SelectField};

const MODES: &[(&str, &str)] = &[
    ("resources", "Resources"),
    ("modules", "Modules (terraform-aws-modules)"),
];

#[component]
pub fn Mode(props: &SectionProps) -> Html {
    let f = props.form.bind(&props.doc);
    html! {
        <fieldset id="section-mode" class="mode">
            <SelectField bind={f.text(Text::Mode)} choices={Choices::Fixed(MODES)}
                help="Modules: the VPC and the instances become the community modules vpc ~> 6.6 and ec2-instance ~> 6.4, which tofu init downloads (with git); the security group and the key pair stay resources." />
        </fieldset>
    }
}
