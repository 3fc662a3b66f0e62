#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already present
# at the right version. Safe to run again: on a machine that has everything it takes seconds.
# Only package registries are used (Debian, crates.io, npm): nothing downloads a prebuilt binary.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[install]\033[0m %s\n' "$*"; }

# --- Debian packages: nix-instantiate, chromium + chromedriver -------------
need_apt=()
command -v nix-instantiate >/dev/null 2>&1 || need_apt+=(nix-bin)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=120 update -qq
  apt-get -o DPkg::Lock::Timeout=120 install -y -qq "${need_apt[@]}" >/dev/null
fi

# --- Rust: the wasm target and the cargo-installed tools --------------------
rustup target list --installed | grep -qx wasm32-unknown-unknown || {
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
}

# wasm-bindgen-cli must match Cargo.lock's wasm-bindgen exactly.
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock 2>/dev/null || true)
wb_version=${wb_version:-0.2.130}

have_version() { # tool, wanted version
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

if ! have_version trunk 0.22.1; then
  log "cargo install trunk 0.22.1 (about 10 minutes on 2 cores)"
  env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version 0.22.1 --locked --ignore-rust-version --quiet
fi
if ! have_version wasm-bindgen "$wb_version"; then
  log "cargo install wasm-bindgen-cli $wb_version"
  # Not --locked: the locked webpki-roots is not on the registry reachable here.
  env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$wb_version" --force --quiet
fi
if ! have_version wasm-pack 0.15.1; then
  log "cargo install wasm-pack 0.15.1"
  env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-pack --version 0.15.1 --locked --quiet
fi

# --- PyPI: checkov, for the lint agreement test (its own venv, pinned) -----------
CHECKOV_VERSION=3.3.30
CHECKOV_VENV=${CHECKOV_VENV:-/opt/checkov-venv}
if ! "$CHECKOV_VENV/bin/checkov" --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"; then
  log "pip install checkov==$CHECKOV_VERSION (into $CHECKOV_VENV)"
  python3 -m venv "$CHECKOV_VENV"
  "$CHECKOV_VENV/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
fi

# --- npm: wasm-opt (binaryen on node) and playwright-core, pinned by package-lock
if [ -f tests/e2e/package.json ]; then
  if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    log "npm ci (tests/e2e)"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
log "tools ready"
