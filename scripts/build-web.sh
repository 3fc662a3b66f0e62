#!/usr/bin/env bash
# Release build of the browser app into dist/, offline (see /work/shared/TOOLCHAIN.md).
# wasm-opt comes from npm binaryen@132 (tests/e2e); prints the gzip -9 size of what ships.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/web-env.sh
source scripts/web-env.sh
trunk build --release --offline "$@"

total=0
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html; do
  [ -e "$f" ] || continue
  size=$(gzip -9c "$f" | wc -c)
  total=$((total + size))
  printf '  %-48s %7d bytes gzip -9\n' "$f" "$size"
done
printf '  %-48s %7d bytes gzip -9 (budget 153600)\n' "total" "$total"
if [ "$total" -gt 153600 ]; then
  echo "build-web: WARNING: the shipped files are over the 150 KB gzip budget" >&2
  # NIXFORM_STRICT_SIZE=1 turns the warning into a failure.
  if [ "${NIXFORM_STRICT_SIZE:-0}" = 1 ]; then exit 1; fi
fi
