#!/usr/bin/env bash
# Build and serve the app on http://127.0.0.1:8080, offline (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."

export TRUNK_OFFLINE=true
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
export PATH="$PWD/tests/e2e/node_modules/.bin:$PATH"

cargo fetch --quiet
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 --no-autoreload "$@"
