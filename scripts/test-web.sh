#!/usr/bin/env bash
# The browser tests, offline: (1) wasm-bindgen component tests in headless Chromium,
# (2) the release build into dist/, (3) the end-to-end tests (node --test + playwright-core)
# against dist/ served on 127.0.0.1. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

export TRUNK_OFFLINE=true
if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -x tests/e2e/node_modules/.bin/wasm-opt ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
export PATH="$PWD/tests/e2e/node_modules/.bin:$PATH"
cargo fetch --quiet

step() { printf '\n\033[1m[test-web]\033[0m %s\n' "$*"; }

step "1/3 component tests (wasm-bindgen-test, headless Chromium)"
wasm-pack test --headless --chrome --mode no-install -- --test web

step "2/3 release build"
bash scripts/build-web.sh

step "3/3 end-to-end tests"
cargo build --release --quiet --bin nixform
export NIXFORM_CLI="$PWD/target/release/nixform"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server --bind 127.0.0.1 --directory dist "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  sleep 0.1
done
export BASE_URL="http://127.0.0.1:$port/"

rm -rf tests/e2e/artifacts
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/
