#!/usr/bin/env bash
# Builds the node and starts a one-node development chain (`--dev`, state in a temporary dir).
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_node
echo "Open https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:9944 once blocks are imported."
exec "$NODE" --dev --tmp "$@"
