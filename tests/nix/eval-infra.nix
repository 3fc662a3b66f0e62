# Evaluates a generated infra.nix with the stand-ins of standins.nix, for the tests and the
# benchmark: the terranix configuration, the unit, the pinned tool and the apps.
#
#   nix-instantiate --eval --strict --json tests/nix/eval-infra.nix \
#     --arg infra ./infra.nix --argstr unit aws-infra-provisioner
{ infra, unit, system ? "x86_64-linux" }:
let
  s = import ./standins.nix;
  module = import infra { inherit (s) lib terranix; pkgs = s.pkgsFor system; inherit system; };
  config = module.config;
  service = config.systemd.services.${unit};
in
{
  config = (builtins.head service.restartTriggers).config;
  configurationSystem = (builtins.head service.restartTriggers).system;
  service = builtins.removeAttrs service [ "restartTriggers" ];
  unfree = config ? nixpkgs;
  option = builtins.attrNames module.options;
  nixform = {
    configuration = toString config.nixform.terraformConfiguration;
    apps = builtins.mapAttrs (_: app: { inherit (app) type; inherit (app.program) name text; }) config.nixform.apps;
  };
  systemPackages = map toString config.environment.systemPackages;
}
