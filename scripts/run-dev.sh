#!/usr/bin/env bash
# Builds the node and starts a one-node development chain (`--dev`, state in a temporary dir).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mutual-pool/target}"
# The same features as the tests (scripts/test.sh), so that the build is shared.
cargo build --release -p mutual-pool-node --features runtime-benchmarks,try-runtime
echo "Open https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:9944 once blocks are imported."
exec "$CARGO_TARGET_DIR/release/mutual-pool-node" --dev --tmp "$@"
