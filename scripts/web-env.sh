# Sourced by build-web.sh and serve.sh (from the repository root): installs whatever is missing
# (seconds when everything is present), then sets up an offline Trunk with wasm-opt from npm.
bash scripts/install-tools.sh >&2
export TRUNK_OFFLINE=true
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --quiet
# The app's wasm holds the source paths of its panic locations. Written relative (`serde-1.0.x/src/...`,
# `src/ui/...`), they name no directory of the machine that built it, and the build reads the same
# on every machine.
registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
prefixes=""
for index in "$registry"/*/; do
  [ -d "$index" ] && prefixes="$prefixes --remap-path-prefix=$index="
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${prefixes# } --remap-path-prefix=$PWD/="
unset registry prefixes index
