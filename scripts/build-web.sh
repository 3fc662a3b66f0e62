#!/usr/bin/env bash
# Release build of the browser app into dist/, offline (scripts/web-env.sh sets up the tools).
# wasm-opt comes from npm binaryen@132 (tests/e2e); prints the gzip -9 size of what ships.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/web-env.sh
source scripts/web-env.sh
trunk build --release --offline "$@"

# What ships: every file the page loads (wasm, js, css, html, the icon), each gzip -9.
total=0
for f in dist/*; do
  [ -f "$f" ] || continue
  size=$(gzip -9c "$f" | wc -c)
  total=$((total + size))
  printf '  %-48s %7d bytes gzip -9\n' "$f" "$size"
done
printf '  %-48s %7d bytes gzip -9 (ceiling 300000)\n' "total" "$total"
if [ "$total" -gt 300000 ]; then
  echo "build-web: WARNING: the shipped files are over the 300,000-byte gzip ceiling" >&2
  # NIXFORM_STRICT_SIZE=1 turns the warning into a failure.
  if [ "${NIXFORM_STRICT_SIZE:-0}" = 1 ]; then exit 1; fi
fi
