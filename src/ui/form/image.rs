//! NixOS image: the release (or a custom AMI name pattern) and the architecture.

use yew::prelude::*;

use crate::model::document::ImageDoc;
use crate::ui::field::{Fields, Kind};

pub fn image(d: &ImageDoc, f: &Fields) -> Html {
    html! {
        <fieldset id="section-image">
            <legend>{ "NixOS image" }</legend>
            <div class="grid">
                { f.select("image.release", "Release", "The newest official AMI of this release is used.", &d.release, Kind::Select(&[("26.05", "NixOS 26.05"), ("25.11", "NixOS 25.11"), ("custom", "Custom AMI name pattern")])) }
                { f.select("image.architecture", "Architecture", "Must match the instance type (t4g, m7g, c7g are arm64).", &d.architecture, Kind::Select(&[("x86_64", "x86_64 (Intel, AMD)"), ("arm64", "arm64 (Graviton)")])) }
                if d.release == "custom" {
                    { f.text("image.custom_pattern", "AMI name pattern", "e.g. nixos/26.05*; * and ? are wildcards.", &d.custom_pattern) }
                }
            </div>
            <details>
                <summary>{ "Advanced: resource name" }</summary>
                <div class="grid">
                    { f.text("image.data_name", "AMI data source name", "Terraform name of the aws_ami lookup, e.g. nixos-x86_64.", &d.data_name) }
                </div>
            </details>
        </fieldset>
    }
}
