# configuration.nix: the host that provisions the AWS infrastructure.
# Keep your own settings here; nixform regenerates infra.nix.
{ ... }:
{
  imports = [
    # Create it on the host with: nixos-generate-config --show-hardware-config > hardware-configuration.nix
    ./hardware-configuration.nix
    ./infra.nix
  ];

  networking.hostName = "myserver";
  system.stateVersion = "26.05";
}
