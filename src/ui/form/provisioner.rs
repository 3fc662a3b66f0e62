//! Provisioner: the NixOS host that applies this stack, and its systemd unit running OpenTofu
//! or Terraform (flake.nix, configuration.nix).

use yew::prelude::*;

use super::SectionProps;
use crate::model::edit::Text;
use crate::ui::components::select_field::{Choices, SelectField};
use crate::ui::components::text_field::TextField;

const SYSTEMS: &[(&str, &str)] = &[("x86_64-linux", "x86_64-linux"), ("aarch64-linux", "aarch64-linux")];

const TOOLS: &[(&str, &str)] = &[("opentofu", "OpenTofu"), ("terraform", "Terraform")];

#[component]
pub fn Provisioner(props: &SectionProps) -> Html {
    let f = props.form.bind(&props.doc);
    html! {
        <fieldset id="section-provisioner">
            <legend>{ "Provisioner" }</legend>
            <p class="section-help">
                { "The NixOS host that applies this stack with a systemd unit (flake.nix, configuration.nix)." }
            </p>
            <div class="grid">
                <TextField bind={f.text(Text::HostName)}
                    help="nixosConfigurations.<name> in flake.nix, e.g. myserver." />
                <SelectField bind={f.text(Text::HostSystem)}
                    help="The provisioning host's architecture." choices={Choices::Fixed(SYSTEMS)} />
                <SelectField bind={f.text(Text::Tool)}
                    help="Which binary applies the configuration." choices={Choices::Fixed(TOOLS)} />
                <TextField bind={f.text(Text::UnitName)} help="systemd unit, without .service." />
                <TextField bind={f.text(Text::StateDirectory)}
                    help="Below /var/lib; holds the Terraform state." />
            </div>
        </fieldset>
    }
}
