//! Provisioner: the systemd unit on the NixOS host that runs OpenTofu or Terraform.

use yew::prelude::*;

use crate::model::document::ProvisionerDoc;
use crate::ui::field::{options, Fields};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub doc: ProvisionerDoc,
    pub fields: Fields,
}

#[function_component]
pub fn Provisioner(props: &Props) -> Html {
    let tools = use_memo((), |_| options(&[("opentofu", "OpenTofu"), ("terraform", "Terraform")]));
    let systems = use_memo((), |_| {
        options(&[("x86_64-linux", "x86_64-linux"), ("aarch64-linux", "aarch64-linux")])
    });
    let (d, f) = (&props.doc, &props.fields);
    html! {
        <fieldset id="section-provisioner">
            <legend>{ "Provisioner" }</legend>
            <p class="section-help">{ "The NixOS host that applies this stack with a systemd unit (flake.nix, configuration.nix)." }</p>
            <div class="grid">
                { f.text("provisioner.host_name", "Host name", "nixosConfigurations.<name> in flake.nix, e.g. myserver.", &d.host_name) }
                { f.select("provisioner.host_system", "Host system", "The provisioning host's architecture.", &d.host_system, &systems) }
                { f.select("provisioner.tool", "Tool", "Which binary applies the configuration.", &d.tool, &tools) }
                { f.text("provisioner.unit_name", "Unit name", "systemd unit, without .service.", &d.unit_name) }
                { f.text("provisioner.state_directory", "State directory", "Below /var/lib; holds the Terraform state.", &d.state_directory) }
            </div>
        </fieldset>
    }
}
