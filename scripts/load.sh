#!/usr/bin/env bash
# Measures block throughput on a fresh `--dev` node: 20 000 `mutual_pool::buy_cover` and then
# 20 000 `balances::transfer_keep_alive` (pre-signed from 300 funded accounts, submitted at once),
# followed block by block until all are included; compares what the blocks held (ext/block,
# ext/s) with the capacity computed from the runtime's weights and length limit, and checks the
# target "buy_cover throughput at least half of transfers" (e2e/load.mjs). Writes
# docs/data/load.json and rewrites docs/performance.md (scripts/performance_report.py).
# Options go to e2e/load.mjs: --accounts N, --count N.
# Run it on an otherwise idle machine: the node, the signer and the script share the cores.
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_node
[[ -d e2e/node_modules ]] || (cd e2e && npm ci --no-audit --no-fund)
MUTUAL_POOL_NODE="$NODE" node e2e/load.mjs --out docs/data/load.json "$@"
python3 scripts/performance_report.py >docs/performance.md
echo "wrote docs/data/load.json and docs/performance.md"
