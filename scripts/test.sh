#!/usr/bin/env bash
# Runs every test of the project:
#   1. `cargo fmt --check`, and clippy with `-D warnings` on every target of every workspace
#      crate, applied as they are built (`lint_while_building` in common.sh);
#   2. every Rust test of the workspace: the pallet's unit, property and benchmark tests, and
#      both runtimes' integration tests (council motions through the solo runtime; blocks and
#      XCM messages through the parachain runtime);
#   3. a type-check of the workspace without runtime-benchmarks and try-runtime (the feature set
#      that ships), clippy linting our crates;
#   4. the end-to-end suite (e2e/): polkadot.js against a fresh `mutual-pool-node --dev` and,
#      beside it, `--chain para-dev` (the parachain runtime, with XCM delivered by RPC), the
#      crash test of a `--base-path` dev node and every call with bad input, built exactly as
#      scripts/run-dev.sh builds it; it runs while steps 2 and 3 run.
# Everything is built in the release profile with one feature set, so nothing compiles twice.
set -uo pipefail
source "$(dirname "$0")/common.sh"
FEATURES="$WORKSPACE_FEATURES"

step() { echo; echo "== $* ($(date +%H:%M:%S))"; }

step "cargo fmt --check"
cargo fmt --all -- --check || exit 1

# From here on the workspace's crates are compiled by clippy-driver with `-D warnings`: a lint
# fails the build of the node or of the tests.
lint_while_building

step "build the node (as scripts/run-dev.sh does; clippy lints the workspace's crates)"
build_node || exit 1

# The end-to-end suite waits on block times (6 s on --dev) far more than it computes, so it runs
# beside the Rust tests (whose build and property test keep the cores busy) instead of after
# them; its output is printed when it ends.
step "end-to-end suite started (e2e/, @polkadot/api against mutual-pool-node --dev and --chain para-dev)"
e2e_log=$(mktemp)
trap 'rm -f "$e2e_log"' EXIT
(cd e2e && npm ci --no-audit --no-fund --loglevel=error && npm test) >"$e2e_log" 2>&1 &
e2e_pid=$!

step "Rust tests (clippy lints the test targets as they are built)"
if cargo nextest --version >/dev/null 2>&1; then
	cargo nextest run --release --workspace --features "$FEATURES" --no-fail-fast
else
	cargo test --release --workspace --features "$FEATURES" --no-fail-fast
fi
rust=$?

# What operators deploy is built without runtime-benchmarks and try-runtime
# (scripts/build-production.sh): type-check every crate of the workspace in that feature set,
# clippy linting ours, so that no code behind a feature gate is left untested. A check, not a
# build (no code generation: about ten minutes cold against an hour), and no Wasm
# (SKIP_WASM_BUILD): the production Wasm is scripts/build-production.sh's. It runs while the
# end-to-end suite waits for blocks.
step "check the shipped feature set (no runtime-benchmarks, no try-runtime; clippy lints ours)"
SKIP_WASM_BUILD=1 cargo check --release --workspace --locked
shipped=$?

step "end-to-end suite: waiting for it to end"
wait "$e2e_pid"
e2e=$?
cat "$e2e_log"

step "summary"
echo "Rust tests:     $([ $rust = 0 ] && echo passed || echo FAILED)"
echo "shipped check:  $([ $shipped = 0 ] && echo passed || echo FAILED)"
echo "end-to-end:     $([ $e2e = 0 ] && echo passed || echo FAILED)"
[ $rust = 0 ] && [ $shipped = 0 ] && [ $e2e = 0 ]
