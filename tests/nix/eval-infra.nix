# Evaluates a generated infra.nix with stand-ins for terranix and pkgs, for the tests and the
# benchmark. The terranix stand-in merges the modules and strips nulls, `_module` and `_ref` as
# the real terranixConfiguration does, and returns the configuration instead of a JSON file.
#
#   nix-instantiate --eval --strict --json tests/nix/eval-infra.nix \
#     --arg infra ./infra.nix --argstr unit aws-infra-provisioner
{ infra, unit }:
let
  strip = v:
    if builtins.isAttrs v then
      builtins.mapAttrs (_: strip) (builtins.removeAttrs
        (builtins.listToAttrs (builtins.filter (a: a.value != null)
          (map (n: { name = n; value = v.${n}; }) (builtins.attrNames v))))
        [ "_module" "_ref" ])
    else if builtins.isList v then map strip v
    else v;
  terranix = {
    lib.terranixConfiguration = { system, modules, ... }: {
      config = strip (builtins.foldl' (a: b: a // b) { } modules);
      __toString = _: "/nix/store/00000000000000000000000000000000-config.tf.json";
    };
  };
  pkgs = {
    git = "/nix/store/00000000000000000000000000000000-git";
    opentofu = "/nix/store/00000000000000000000000000000000-opentofu";
    terraform = "/nix/store/00000000000000000000000000000000-terraform";
  };
  module = import infra { inherit pkgs terranix; system = "x86_64-linux"; };
  service = module.systemd.services.${unit};
in
{
  config = (builtins.head service.restartTriggers).config;
  service = builtins.removeAttrs service [ "restartTriggers" ];
  unfree = module ? nixpkgs;
}
