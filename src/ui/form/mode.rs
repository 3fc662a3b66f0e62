//! How the stack is written, first in the form: as plain AWS resources (the default) or with
//! the terraform-aws-modules `vpc` and `ec2-instance` modules. Only the choice and what it
//! means; what each section shows differently in modules mode is in that section.
//!
//! A view function, not a component: its few controls are components that skip their
//! re-render when unchanged, and a component type costs about 700 bytes of shipped gzip.

use yew::prelude::*;

use crate::model::edit::Text;
use crate::model::Document;
use crate::ui::components::select_field::{Choices, SelectField};
use crate::ui::field::FormCtx;

const MODES: &[(&str, &str)] = &[
    ("resources", "Resources"),
    ("modules", "Modules (terraform-aws-modules)"),
];

/// The section, drawn by the form on each of its renders (see the module docs).
pub fn mode(doc: &Document, form: &FormCtx) -> Html {
    let f = form.bind(doc);
    html! {
        <fieldset id="section-mode" class="mode">
            <SelectField bind={f.text(Text::Mode)} choices={Choices::Fixed(MODES)}
                help="Modules: the VPC and the instances become the community modules vpc ~> 6.6 and ec2-instance ~> 6.4, which tofu init downloads (with git); the security group and the key pair stay resources." />
        </fieldset>
    }
}
