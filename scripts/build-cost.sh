#!/usr/bin/env bash
# Measures what building the node costs: a cold `build_node` (scripts/common.sh: the workspace with
# the feature set every build of the project uses, the node and both runtimes), into a fresh, empty target
# dir, from a clean clone of HEAD (so work in the tree meanwhile cannot change it). Crates already
# downloaded to ~/.cargo are reused: "cold" means nothing compiled.
#
# Writes docs/data/build-cost.json and rewrites docs/performance.md (scripts/performance_report.py):
#   - wall time of the build;
#   - peak memory of the whole machine while it ran (MemTotal - MemAvailable sampled each second,
#     minus the same figure just before the build), and the peak resident set of the largest
#     single process (GNU time's "Maximum resident set size", usually one rustc);
#   - the size of both runtimes' Wasm (compact and compact.compressed).
# Run it on an otherwise idle machine; it takes about an hour on 2 cores (docs/performance.md;
# scripts/ci-cost.sh measures the same build as CI's first step).
set -euo pipefail
source "$(dirname "$0")/common.sh"
scripts/setup.sh

mkdir -p "$HOME/.cache/mutual-pool"
COLD="$(mktemp -d "$HOME/.cache/mutual-pool/cold.XXXXXX")"
trap 'rm -rf "$COLD"' EXIT
LOG="$COLD/build.log"
git clone -q --no-hardlinks . "$COLD/src"

baseline=$(used_kib)
sample_memory "$COLD/memory.samples"

# As build_node does: the parachain runtime's Wasm build shares the solo runtime's target dir.
CARGO_TARGET_DIR="$COLD/target" share_wasm_target

start=$(date +%s)
(cd "$COLD/src" && /usr/bin/time -v -o "$COLD/time.txt" \
	env CARGO_TARGET_DIR="$COLD/target" \
	cargo build "${BUILD_ARGS[@]}" >"$LOG" 2>&1) || {
	kill "$sampler"
	tail -40 "$LOG"
	exit 1
}
end=$(date +%s)
kill "$sampler"

max_rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$COLD/time.txt")
write_build_cost scripts/build-cost.sh "" "$(git -C "$COLD/src" rev-parse --short HEAD)" \
	"$(grep -c '^ *Compiling ' "$LOG" || true)" $((end - start)) \
	$(($(peak_used_kib "$COLD/memory.samples") - baseline)) "$max_rss" "$COLD/target"
cat docs/data/build-cost.json
python3 scripts/performance_report.py >docs/performance.md
