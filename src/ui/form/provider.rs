//! Provider and credentials: the region, and where the provisioning host finds AWS
//! credentials (files and a profile: nixform never asks for keys).

use yew::prelude::*;

use super::SectionProps;
use crate::model::edit::Text;
use crate::ui::components::select_field::{Choices, SelectField};
use crate::ui::components::text_field::TextField;

#[component]
pub fn Provider(props: &SectionProps) -> Html {
    let f = props.form.bind(&props.doc);
    html! {
        <fieldset id="section-provider">
            <legend>{ "Provider and credentials" }</legend>
            <p class="section-help">
                { "The provisioning host reads credentials from files; nixform never asks for keys." }
            </p>
            <div class="grid">
                // Wide: the select shows the region's full name ("Asia Pacific (Sydney)").
                <div class="wide">
                    <SelectField bind={f.text(Text::Region)}
                        help="Where the VPC and instances are created." choices={Choices::Regions} />
                </div>
                <TextField bind={f.text(Text::Profile)}
                    help="Named profile in the credentials file; empty: default." />
                <TextField bind={f.text(Text::SharedCredentialsFile)}
                    help="Absolute path, e.g. /root/.aws/credentials." />
                <TextField bind={f.text(Text::SharedConfigFile)}
                    help="Absolute path, e.g. /root/.aws/config." />
            </div>
        </fieldset>
    }
}
