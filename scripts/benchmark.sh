#!/usr/bin/env bash
# Benchmarks every call of pallet_mutual_pool on this machine and writes the weights from the
# results: each runtime's own, measured on its Wasm and written through one template
# (scripts/runtime-weight-template.hbs): runtime/src/weights/pallet_mutual_pool.rs and
# runtime-para/src/weights/pallet_mutual_pool.rs; and the pallet's reference weights, measured on
# the solo runtime (pallets/mutual-pool/src/weights.rs: the `WeightInfo` trait, `SubstrateWeight`
# and `()`; scripts/pallet-weight-template.hbs). Run it twice after a change that moves the
# weights a lot: each Wasm is built with the weights of the run before.
# Builds the node with `runtime-benchmarks`, as scripts/run-dev.sh does, so the build is shared.
# Run it on an otherwise idle machine: the numbers are wall-clock measurements.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_node

# Each runtime's weights, and the pallet's reference.
runs=(
	"$WASM scripts/runtime-weight-template.hbs runtime/src/weights/pallet_mutual_pool.rs"
	"$PARA_WASM scripts/runtime-weight-template.hbs runtime-para/src/weights/pallet_mutual_pool.rs"
	"$WASM scripts/pallet-weight-template.hbs pallets/mutual-pool/src/weights.rs"
)
for run in "${runs[@]}"; do
	read -r wasm template output <<<"$run"
	benchmark_pallet "$wasm" "$template" \
		--pallet pallet_mutual_pool \
		--extrinsic '*' \
		--exclude-extrinsics "$AMONG_BENCHMARKS" \
		--output "$output"
	check_weights "$output"
	echo "wrote $output"
done
