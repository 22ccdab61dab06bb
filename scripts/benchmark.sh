#!/usr/bin/env bash
# Benchmarks every call of pallet_mutual_pool on this machine and writes
# pallets/mutual-pool/src/weights.rs from the result (scripts/weight-template.hbs).
# Builds the node with `runtime-benchmarks`, as scripts/run-dev.sh does, so the build is shared.
# Run it on an otherwise idle machine: the numbers are wall-clock measurements.
# The `*_among` benchmarks only show that calls do not depend on counts of stakers, covers and
# claims (scripts/performance.sh reports them); no call is charged by them, so they stay out.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_node

benchmark_pallet \
	--pallet pallet_mutual_pool \
	--extrinsic '*' \
	--exclude-extrinsics pallet_mutual_pool::stake_among,pallet_mutual_pool::withdraw_among,pallet_mutual_pool::approve_claim_among,pallet_mutual_pool::reject_claim_among \
	--output pallets/mutual-pool/src/weights.rs
check_weights pallets/mutual-pool/src/weights.rs
echo "wrote pallets/mutual-pool/src/weights.rs"
