#!/usr/bin/env bash
# Benchmarks every call of pallet_mutual_pool on this machine, in each runtime, and writes the
# weights from the results: pallets/mutual-pool/src/weights.rs (the solo runtime's, which the
# pallet ships; scripts/weight-template.hbs) and runtime-para/src/weights/pallet_mutual_pool.rs
# (the parachain runtime's own; scripts/runtime-weight-template.hbs). Run it twice after a change
# that moves the parachain runtime's weights a lot: its Wasm is built with the weights of the
# run before.
# Builds the node with `runtime-benchmarks`, as scripts/run-dev.sh does, so the build is shared.
# Run it on an otherwise idle machine: the numbers are wall-clock measurements.
# The `*_among` benchmarks only show that calls do not depend on counts of stakers, covers and
# claims (scripts/performance.sh reports them); no call is charged by them, so they stay out.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_node

EXCLUDED=pallet_mutual_pool::stake_among,pallet_mutual_pool::withdraw_among,pallet_mutual_pool::approve_claim_among,pallet_mutual_pool::reject_claim_among

benchmark_pallet \
	--pallet pallet_mutual_pool \
	--extrinsic '*' \
	--exclude-extrinsics "$EXCLUDED" \
	--output pallets/mutual-pool/src/weights.rs
check_weights pallets/mutual-pool/src/weights.rs
echo "wrote pallets/mutual-pool/src/weights.rs"

RUNTIME_WASM="$PARA_WASM" WEIGHT_TEMPLATE=scripts/runtime-weight-template.hbs benchmark_pallet \
	--pallet pallet_mutual_pool \
	--extrinsic '*' \
	--exclude-extrinsics "$EXCLUDED" \
	--output runtime-para/src/weights/pallet_mutual_pool.rs
check_weights runtime-para/src/weights/pallet_mutual_pool.rs
echo "wrote runtime-para/src/weights/pallet_mutual_pool.rs"
