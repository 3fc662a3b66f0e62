//! Outputs: which values Terraform prints after applying.
//!
//! A view function, not a component: its few controls are components that skip their
//! re-render when unchanged, and a component type costs about 700 bytes of shipped gzip.

use yew::prelude::*;

use crate::model::edit::Flag;
use crate::model::Document;
use crate::ui::components::checkbox::Checkbox;
use crate::ui::field::FormCtx;

/// The section, drawn by the form on each of its renders (see the module docs).
pub fn outputs(doc: &Document, form: &FormCtx) -> Html {
    let f = form.bind(doc);
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
