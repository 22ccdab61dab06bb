#!/usr/bin/env bash
# Crash safety of one node, repeated: e2e/test/reliability-crash.test.mjs (which CI runs with one kill) with
# $CRASH_KILLS kills (default 5), each in the middle of a burst of $CRASH_BURST (default 6,000)
# `buy_cover` transactions. The figures go to docs/data/crash.json (docs/reliability.md).
set -euo pipefail
source "$(dirname "$0")/common.sh"
record_e2e crash.json scripts/crash.sh test/reliability-crash.test.mjs \
	CRASH_KILLS="${CRASH_KILLS:-5}" CRASH_BURST="${CRASH_BURST:-6000}" E2E_CHAINS=dev
