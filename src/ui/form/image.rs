//! NixOS image: the release (or a custom AMI name pattern) and the architecture, and (folded
//! away) the Terraform name of the AMI lookup.
//!
//! A view function, not a component: its few controls are components that skip their
//! re-render when unchanged, and a component type costs about 700 bytes of shipped gzip.

use yew::prelude::*;

use crate::model::edit::Text;
use crate::model::Document;
use crate::ui::components::select_field::{Choices, SelectField};
use crate::ui::components::text_field::TextField;
use crate::ui::field::FormCtx;

const RELEASES: &[(&str, &str)] = &[
    ("26.05", "NixOS 26.05"),
    ("25.11", "NixOS 25.11"),
    ("custom", "Custom AMI name pattern"),
];

const ARCHITECTURES: &[(&str, &str)] = &[("x86_64", "x86_64 (Intel, AMD)"), ("arm64", "arm64 (Graviton)")];

/// The section, drawn by the form on each of its renders (see the module docs).
pub fn image(doc: &Document, form: &FormCtx) -> Html {
    let f = form.bind(doc);
    let custom = doc.image.release == "custom";
    html! {
        <fieldset id="section-image">
            <legend>{ "NixOS image" }</legend>
            <div class="grid">
                <SelectField bind={f.text(Text::Release)}
                    help="The newest official AMI of this release is used." choices={Choices::Fixed(RELEASES)} />
                <SelectField bind={f.text(Text::Architecture)}
                    help="Must match the instance type (t4g, m7g, c7g are arm64)." choices={Choices::Fixed(ARCHITECTURES)} />
                if custom {
                    <TextField bind={f.text(Text::CustomPattern)}
                        help="e.g. nixos/26.05*; * and ? are wildcards." />
                }
            </div>
            <details>
                <summary>{ "Advanced: resource name" }</summary>
                <div class="grid">
                    <TextField bind={f.text(Text::AmiDataName)}
                        help="Terraform name of the aws_ami lookup, e.g. nixos-x86_64." />
                </div>
            </details>
        </fieldset>
    }
}
