//! Provider and credentials: the region, and where the provisioning host finds AWS
//! credentials (files and a profile: nixform never asks for keys).
//!
//! A view function, not a component: its few controls are components that skip their
//! re-render when unchanged, and a component type costs about 700 bytes of shipped gzip.

use yew::prelude::*;

use crate::model::edit::Text;
use crate::model::Document;
use crate::ui::components::select_field::{Choices, SelectField};
use crate::ui::components::text_field::TextField;
use crate::ui::field::FormCtx;

/// The section, drawn by the form on each of its renders (see the module docs).
pub fn provider(doc: &Document, form: &FormCtx) -> Html {
    let f = form.bind(doc);
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
