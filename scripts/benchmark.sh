#!/usr/bin/env bash
# Benchmarks every call of pallet_mutual_pool on this machine and writes
# pallets/mutual-pool/src/weights.rs from the result (scripts/weight-template.hbs).
# Builds the node with `runtime-benchmarks`, as scripts/run-dev.sh does, so the build is shared.
# Run it on an otherwise idle machine: the numbers are wall-clock measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mutual-pool/target}"
cargo build --release -p mutual-pool-node --features runtime-benchmarks,try-runtime

NODE="$CARGO_TARGET_DIR/release/mutual-pool-node"
WASM="$CARGO_TARGET_DIR/release/wbuild/mutual-pool-runtime/mutual_pool_runtime.compact.compressed.wasm"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"

"$NODE" benchmark pallet \
	--runtime "$WASM" \
	--genesis-builder runtime \
	--genesis-builder-preset development \
	--pallet pallet_mutual_pool \
	--extrinsic '*' \
	--steps "$STEPS" \
	--repeat "$REPEAT" \
	--wasm-execution compiled \
	--heap-pages 4096 \
	--template scripts/weight-template.hbs \
	--output pallets/mutual-pool/src/weights.rs
echo "wrote pallets/mutual-pool/src/weights.rs"
