#!/usr/bin/env bash
# Build and serve the app on http://127.0.0.1:8080, offline (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/web-env.sh
source scripts/web-env.sh
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 --no-autoreload "$@"
