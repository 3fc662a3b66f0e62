# Sourced by build-web.sh and serve.sh (from the repository root): installs whatever is missing
# (seconds when everything is present), then sets up an offline Trunk with wasm-opt from npm.
bash scripts/install-tools.sh >&2
export TRUNK_OFFLINE=true
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --quiet
