//! Provisioner: the systemd unit on the NixOS host that runs OpenTofu or Terraform.

pub const TEMPLATE: &str = r#"
<fieldset id="section-provisioner">
  <legend>Provisioner</legend>
  <p class="section-help">The NixOS host that applies this stack with a systemd unit (flake.nix, configuration.nix).</p>
  <div class="grid">
    {host_name|Host name|nixosConfigurations.<name> in flake.nix, e.g. myserver.}
    {host_system|Host system|The provisioning host's architecture.|select x86_64-linux=x86_64-linux;aarch64-linux=aarch64-linux}
    {tool|Tool|Which binary applies the configuration.|select opentofu=OpenTofu;terraform=Terraform}
    {unit_name|Unit name|systemd unit, without .service.}
    {state_directory|State directory|Below /var/lib; holds the Terraform state.}
  </div>
</fieldset>"#;
