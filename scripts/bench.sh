#!/usr/bin/env bash
# The one bench command. Runs the Criterion benchmarks (native validate + render), times
# nix-instantiate on the generated infra.nix, builds the release site and runs the browser
# benchmark in headless Chromium; prints the figures, and as its LAST line one JSON object:
#   keystroke_p50_ms keystroke_p95_ms keystroke_p95_ms_large shipped_gzip_bytes first_render_ms
#   native_render_us wasm_memory_bytes_after_1000_edits nix_eval_over_native
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "==> native: cargo bench --bench render" >&2
cargo bench --locked --bench render >&2

echo "==> nix-instantiate on the generated infra.nix" >&2
cargo build --locked --release --quiet --bin nixform
./target/release/nixform render --out "$out/default" 2>/dev/null

echo "==> browser benchmark (release build, headless Chromium)" >&2
bash scripts/build-web.sh > "$out/build.txt"
cat "$out/build.txt" >&2
node benches/browser.mjs > "$out/browser.json"
cat "$out/browser.json" >&2

python3 - "$out" <<'PY'
import json, pathlib, statistics, subprocess, sys, time
out = pathlib.Path(sys.argv[1])
def mean_ns(name):
    est = json.loads(pathlib.Path("target/criterion", name, "new/estimates.json").read_text())
    return est["mean"]["point_estimate"]
native_us = mean_ns("render_default") / 1000.0
runs = []
for _ in range(7):
    t = time.perf_counter()
    subprocess.run(["nix-instantiate", "--eval", "--strict", "--json", "tests/nix/eval-infra.nix",
                    "--arg", "infra", str(out / "default/infra.nix"), "--argstr", "unit", "aws-infra-provisioner"],
                   check=True, stdout=subprocess.DEVNULL)
    runs.append(time.perf_counter() - t)
nix_s = statistics.median(runs)
# The shipped size is build-web.sh's total: every file the page loads, each gzip -9.
totals = [line.split() for line in (out / "build.txt").read_text().splitlines() if line.split()[:1] == ["total"]]
shipped = int(totals[-1][1])
browser = json.loads((out / "browser.json").read_text())
for name in ["render_default", "validate_default", "validate+render_default", "validate+render_large", "highlight_infra.nix"]:
    try:
        print(f"  {name:<26} {mean_ns(name) / 1000:9.1f} us", file=sys.stderr)
    except FileNotFoundError:
        pass
print(f"  nix-instantiate (median of 7) {nix_s * 1000:.1f} ms", file=sys.stderr)
result = {
    "keystroke_p50_ms": browser["keystroke_p50_ms"],
    "keystroke_p95_ms": browser["keystroke_p95_ms"],
    "keystroke_p95_ms_large": browser["keystroke_p95_ms_large"],
    "shipped_gzip_bytes": shipped,
    "first_render_ms": browser["first_render_ms"],
    "native_render_us": round(native_us, 2),
    "wasm_memory_bytes_after_1000_edits": browser["wasm_memory_bytes_after_1000_edits"],
    "nix_eval_over_native": round(nix_s * 1e6 / native_us),
}
print(json.dumps(result))
PY
