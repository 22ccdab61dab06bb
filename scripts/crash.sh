#!/usr/bin/env bash
# Crash safety of one node, repeated: e2e/test/crash.test.mjs (which CI runs with one kill) with
# $CRASH_KILLS kills (default 5), each in the middle of a burst of $CRASH_BURST (default 4,800)
# `buy_cover` transactions. The figures go to docs/data/crash.json (docs/reliability.md).
set -euo pipefail
source "$(dirname "$0")/common.sh"
lint_while_building
build_node
cd e2e
npm ci --no-audit --no-fund --loglevel=error
report=$(mktemp)
trap 'rm -f "$report"' EXIT
start=$(date +%s)
CRASH_KILLS="${CRASH_KILLS:-5}" CRASH_REPORT="$report" E2E_CHAINS=dev \
	node --test --test-reporter=spec test/crash.test.mjs
cd ..
python3 - "$report" "$(( $(date +%s) - start ))" "$(revision)" "$(machine)" >docs/data/crash.json <<'PY'
import datetime, json, sys
figures = json.load(open(sys.argv[1]))
figures.update(seconds=int(sys.argv[2]), commit=sys.argv[3], machine=sys.argv[4],
               date=datetime.date.today().isoformat(), command="scripts/crash.sh")
print(json.dumps(figures, indent=1))
PY
echo "wrote docs/data/crash.json"
