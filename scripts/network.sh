#!/usr/bin/env bash
# A three-validator network of this node on loopback: `--chain local` (the `local_testnet` preset,
# Alice, Bob and Charlie as Aura and GRANDPA authorities), each with its own base path and p2p
# node key (e2e/network/network.test.mjs says what it checks; docs/reliability.md has the last run).
#
#   scripts/network.sh          stakes, covers, claims and a council approval through different
#                               nodes; one validator SIGKILLed under load and restarted; two of
#                               three stopped and restarted; the same finalized head and state
#                               root on all three after each (about 6 minutes)
#   scripts/network.sh --full   300 covers per load, three kill cycles on validators picked by
#                               NETWORK_SEED, 2-minute outages (about 25 minutes)
#
# The figures go to docs/data/network.json. Not in CI (docs/testing.md says why).
set -euo pipefail
source "$(dirname "$0")/common.sh"
mode=short
[ "${1:-}" = "--full" ] && mode=full
record_e2e network.json "scripts/network.sh$([ $mode = full ] && echo ' --full')" \
	network/network.test.mjs NETWORK_MODE=$mode
