# Stand-ins for terranix, nixpkgs' lib and pkgs, shared by eval-infra.nix and eval-apps.nix.
# The terranix stand-in merges the modules and strips nulls, `_module` and `_ref` as the real
# terranixConfiguration does; its "file" is named after a hash of the configuration, so two
# evaluations name the same file exactly when they build the same configuration.
# `withPlugins` records the plugins it was given (only `hashicorp_aws` exists);
# `writeShellApplication` keeps its name and text, so the apps' scripts can be read.
let
  strip = v:
    if builtins.isAttrs v then
      builtins.mapAttrs (_: strip) (builtins.removeAttrs
        (builtins.listToAttrs (builtins.filter (a: a.value != null)
          (map (n: { name = n; value = v.${n}; }) (builtins.attrNames v))))
        [ "_module" "_ref" ])
    else if builtins.isList v then map strip v
    else v;
  store = name: "/nix/store/00000000000000000000000000000000-${name}";
  providers = { hashicorp_aws = "hashicorp_aws"; };
  tool = system: name: {
    __toString = _: store "${name}-${system}";
    withPlugins = f: {
      __toString = _: store "${name}-${system}-with-${builtins.concatStringsSep "-" (f providers)}";
    };
  };
in
rec {
  inherit store;
  terranix.lib.terranixConfiguration = { system, modules, ... }: rec {
    config = strip (builtins.foldl' (a: b: a // b) { } modules);
    inherit system;
    hash = builtins.hashString "sha256" (builtins.toJSON config);
    __toString = _: store "config.tf.json";
  };
  lib = {
    mkOption = option: option;
    types.raw = "raw";
    getExe = drv: drv;
    genAttrs = names: f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
    escapeShellArg = arg: "'${builtins.replaceStrings [ "'" ] [ "'\\''" ] (toString arg)}'";
  };
  pkgsFor = system: {
    inherit lib;
    git = store "git";
    opentofu = tool system "opentofu";
    terraform = tool system "terraform";
    writeShellApplication = { name, text, ... }: { inherit name text; };
  };
}
