#!/usr/bin/env bash
# A million random calls of the pallet: `a_million_random_calls` in
# pallets/mutual-pool/src/tests/properties/. The property test's generator (every call of the
# pallet, valid and invalid, from users, the council origins and root; amounts at zero, one,
# u128::MAX and one under, at and over every limit; pool and product parameters at, under and
# over every bound; block advances running the hooks) with every invariant of that file checked
# after each call (do_try_state, total issuance, the sum of all balances and thirteen more).
# CI runs the bounded form, `random_calls_keep_every_invariant` (about 50,000 calls, seconds).
#
#   scripts/fuzz.sh                                  1,000,000 calls from seed 11
#   FUZZ_CALLS=10000000 FUZZ_SEED=7 scripts/fuzz.sh  more, from another seed
#
# Batch b of 256 sequences is generated from (FUZZ_SEED, b): a run repeats exactly, and a
# violation fails with its batch and proptest's shortest failing sequence (docs/testing.md says
# how to keep it as a regression test). The figures go to docs/data/fuzz.json, which
# docs/reliability.md cites. Same profile, features and lint wrapper as scripts/test.sh: after
# CI's build, nothing compiles.
set -euo pipefail
source "$(dirname "$0")/common.sh"
scripts/setup.sh
lint_while_building

log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo nextest run "${BUILD_ARGS[@]}" --run-ignored only --no-capture \
	-E 'test(=tests::properties::a_million_random_calls)' 2>&1 | tee "$log"
record_figures fuzz.json scripts/fuzz.sh "$(grep -m1 '^{"calls"' "$log")"
