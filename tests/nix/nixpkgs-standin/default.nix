# `import nixpkgs { system; config; }` for eval-apps.nix: the stand-in packages of that system.
{ system, ... }: (import ../standins.nix).pkgsFor system
