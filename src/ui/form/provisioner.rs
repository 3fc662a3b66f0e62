//! Provisioner: the systemd unit on the NixOS host that runs OpenTofu or Terraform.

use yew::prelude::*;

use crate::model::document::ProvisionerDoc;
use crate::ui::field::{Fields, Kind};

pub fn provisioner(d: &ProvisionerDoc, f: &Fields) -> Html {
    html! {
        <fieldset id="section-provisioner">
            <legend>{ "Provisioner" }</legend>
            <p class="section-help">{ "The NixOS host that applies this stack with a systemd unit (flake.nix, configuration.nix)." }</p>
            <div class="grid">
                { f.text("provisioner.host_name", "Host name", "nixosConfigurations.<name> in flake.nix, e.g. myserver.", &d.host_name) }
                { f.select("provisioner.host_system", "Host system", "The provisioning host's architecture.", &d.host_system, Kind::Select(&[("x86_64-linux", "x86_64-linux"), ("aarch64-linux", "aarch64-linux")])) }
                { f.select("provisioner.tool", "Tool", "Which binary applies the configuration.", &d.tool, Kind::Select(&[("opentofu", "OpenTofu"), ("terraform", "Terraform")])) }
                { f.text("provisioner.unit_name", "Unit name", "systemd unit, without .service.", &d.unit_name) }
                { f.text("provisioner.state_directory", "State directory", "Below /var/lib; holds the Terraform state.", &d.state_directory) }
            </div>
        </fieldset>
    }
}
