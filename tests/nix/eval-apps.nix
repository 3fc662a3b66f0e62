# Evaluates a generated flake.nix with the stand-ins of standins.nix (nixpkgs' nixosSystem
# returns its arguments) and lists, for every system, the flake apps: their scripts and the
# hash of the configuration each one runs, beside the hash of config.tf.json itself.
#
#   nix-instantiate --eval --strict --json tests/nix/eval-apps.nix --arg dir ./out --argstr unit aws-infra-provisioner
{ dir, unit }:
let
  s = import ./standins.nix;
  flake = import (dir + "/flake.nix");
  # Names its file after the configuration's hash: the apps say which configuration they run.
  terranix.lib.terranixConfiguration = args:
    let c = s.terranix.lib.terranixConfiguration args;
    in c // { __toString = _: s.store "${c.hash}-config.tf.json"; };
  nixpkgs = {
    outPath = ./nixpkgs-standin;
    lib = s.lib // { nixosSystem = args: args; };
    legacyPackages = s.lib.genAttrs [ "aarch64-darwin" "aarch64-linux" "x86_64-darwin" "x86_64-linux" ] s.pkgsFor;
  };
  outputs = flake.outputs { self = outputs; inherit nixpkgs terranix; };
  # What the host's unit applies (infra.nix as the host's module).
  host = import (dir + "/infra.nix") { inherit (s) lib; inherit terranix; pkgs = s.pkgsFor "x86_64-linux"; system = "x86_64-linux"; };
in
{
  hosts = builtins.attrNames outputs.nixosConfigurations;
  configHash = builtins.hashString "sha256" (builtins.toJSON (builtins.fromJSON (builtins.readFile (dir + "/config.tf.json"))));
  unitScript = host.config.systemd.services.${unit}.script;
  apps = builtins.mapAttrs (system: apps: builtins.mapAttrs (_: app: {
    inherit (app) type;
    inherit (app.program) name text;
  }) apps) outputs.apps;
}
