#!/usr/bin/env bash
# Benchmarks every pallet_mutual_pool call (the `*_among` scaling benchmarks included) together
# with pallet_balances (for transfer_keep_alive) in one run on this machine, keeps the result in
# docs/data/benchmarks/ and rewrites docs/performance.md (scripts/performance_report.py).
# Run it on an otherwise idle machine: the numbers are wall-clock measurements.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_node

OUT=docs/data/benchmarks
RAW=$(mktemp)
trap 'rm -f "$RAW"' EXIT
rm -rf "$OUT" && mkdir -p "$OUT"
benchmark_pallet --pallet pallet_mutual_pool,pallet_balances --extrinsic '*' \
	--output "$OUT" --json-file "$RAW"
check_weights "$OUT"/*.rs
# The raw timings of the `*_among` benchmarks, which the report fits against their counts.
python3 scripts/performance_report.py --extract-among "$RAW" >"$OUT/among.json"
cat >"$OUT/run.json" <<JSON
{
  "command": "scripts/performance.sh (STEPS=${STEPS:-50} REPEAT=${REPEAT:-20})",
  "date": "$(date -u +%Y-%m-%d)",
  "commit": "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- pallets runtime || echo '+changes')",
  "machine": "$(machine)"
}
JSON
python3 scripts/performance_report.py >docs/performance.md
echo "wrote $OUT and docs/performance.md"
