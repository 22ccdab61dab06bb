#!/usr/bin/env bash
# Regenerates docs/performance.md: one benchmark run of every pallet_mutual_pool call together
# with pallet_balances (for transfer_keep_alive), on this machine, then the report.
# Run it on an otherwise idle machine.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_node

OUT="$CARGO_TARGET_DIR/performance-weights"
rm -rf "$OUT" && mkdir -p "$OUT"
CMD=("$NODE" benchmark pallet
	--runtime "$WASM" --genesis-builder runtime --genesis-builder-preset development
	--pallet pallet_mutual_pool,pallet_balances --extrinsic '*'
	--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" --wasm-execution compiled --heap-pages 4096
	--template scripts/weight-template.hbs --output "$OUT")
"${CMD[@]}"
python3 scripts/performance_report.py \
	--weights "$OUT" \
	--command "scripts/performance.sh (STEPS=${STEPS:-50} REPEAT=${REPEAT:-20})" \
	--machine "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
	> docs/performance.md
# The weight files stay in $OUT for inspection.
echo "wrote docs/performance.md"
