#!/usr/bin/env bash
# Runs every test of the project: formatting and lint checks, then all unit, property and
# benchmark tests of the workspace (benchmarks run as tests through `impl_benchmark_test_suite!`,
# `try_state` hooks are compiled in). Prints the test runner's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mutual-pool/target}"
# One profile and one feature set for every build, so nothing is compiled twice.
FEATURES="pallet-mutual-pool/runtime-benchmarks,pallet-mutual-pool/try-runtime"

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --release --workspace --all-targets --features "$FEATURES" -- -D warnings

echo "== tests"
if cargo nextest --version >/dev/null 2>&1; then
	cargo nextest run --release --workspace --features "$FEATURES" --no-fail-fast
else
	cargo test --release --workspace --features "$FEATURES" --no-fail-fast
fi
