#!/usr/bin/env bash
# Benchmarks every pallet_mutual_pool call (the `*_among` scaling benchmarks included) together
# with pallet_balances (for transfer_keep_alive) in one run on the solo runtime, and every
# pallet_mutual_pool call once more on the parachain runtime (for its proof sizes against the
# PoV limit); keeps the benchmark CLI's results as JSON in docs/data/benchmarks/ and rewrites
# docs/performance.md (scripts/performance_report.py).
#
# The CLI writes its analysis (base weights, slopes, reads, writes, proof sizes; the same
# figures a weight file holds) through scripts/benchmark-analysis.hbs as JSON, one file per
# pallet: solo/pallet_mutual_pool.json, solo/pallet_balances.json, para/pallet_mutual_pool.json.
# Its raw results (`--json-file`) give among.json: the `*_among` timings, which the report fits
# against their counts.
# Run it on an otherwise idle machine: the numbers are wall-clock measurements.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_node

OUT=docs/data/benchmarks
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
rm -rf "$OUT" && mkdir -p "$OUT/solo" "$OUT/para" "$TMP/solo" "$TMP/para"
benchmark_pallet "$WASM" scripts/benchmark-analysis.hbs \
	--pallet pallet_mutual_pool,pallet_balances --extrinsic '*' \
	--output "$TMP/solo" --json-file "$TMP/raw.json"
benchmark_pallet "$PARA_WASM" scripts/benchmark-analysis.hbs \
	--pallet pallet_mutual_pool --extrinsic '*' --exclude-extrinsics "$AMONG_BENCHMARKS" \
	--output "$TMP/para"
# The CLI names each pallet's file `<pallet>.rs`, whatever the template writes.
for file in "$TMP"/solo/*.rs "$TMP"/para/*.rs; do
	runtime=$(basename "$(dirname "$file")")
	mv "$file" "$OUT/$runtime/$(basename "$file" .rs).json"
done
python3 scripts/performance_report.py --check "$OUT"/solo/*.json "$OUT"/para/*.json
python3 scripts/performance_report.py --extract-among "$TMP/raw.json" >"$OUT/among.json"
cat >"$OUT/run.json" <<JSON
{
  "command": "scripts/performance.sh (STEPS=${STEPS:-50} REPEAT=${REPEAT:-20})",
  "date": "$(date -u +%Y-%m-%d)",
  "commit": "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- pallets runtime runtime-para runtime-common || echo '+changes')",
  "machine": "$(machine)"
}
JSON
python3 scripts/performance_report.py >docs/performance.md
echo "wrote $OUT and docs/performance.md"
