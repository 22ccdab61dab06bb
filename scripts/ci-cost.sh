#!/usr/bin/env bash
# Measures what CI costs on a fresh machine: `.ci/run` on a clean clone of HEAD with an empty
# target dir (crates already downloaded to ~/.cargo are reused: "cold" means nothing compiled).
# Writes docs/data/ci-cold.json (the wall time of the whole run and of each step of
# scripts/test.sh) and rewrites docs/performance.md (scripts/performance_report.py).
# Run it on an otherwise idle machine; CI has 90 minutes, and the target is 70.
set -euo pipefail
source "$(dirname "$0")/common.sh"
scripts/setup.sh

mkdir -p "$HOME/.cache/mutual-pool"
COLD="$(mktemp -d "$HOME/.cache/mutual-pool/ci-cold.XXXXXX")"
trap 'rm -rf "$COLD"' EXIT
LOG="$COLD/ci.log"
git clone -q --no-hardlinks . "$COLD/src"

start=$(date +%s)
status=0
(cd "$COLD/src" && CARGO_TARGET_DIR="$COLD/target" .ci/run >"$LOG" 2>&1) || status=$?
end=$(date +%s)
tail -15 "$LOG"
if [ "$status" != 0 ]; then
	echo "CI failed (exit $status); nothing written" >&2
	exit "$status"
fi

# scripts/test.sh prints "== <step> (HH:MM:SS)" as each step starts.
steps=$(python3 - "$LOG" "$start" "$end" <<'PY'
import json, re, sys
from datetime import datetime
log, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
day = datetime.fromtimestamp(start)
marks = []
for line in open(log, errors="replace"):
    m = re.match(r"== (.*) \((\d\d):(\d\d):(\d\d)\)$", line.strip())
    if m:
        t = day.replace(hour=int(m[2]), minute=int(m[3]), second=int(m[4])).timestamp()
        if marks and t < marks[-1][1]:
            t += 86400
        marks.append((m[1], t))
marks.append(("end", end))
print(json.dumps([{"step": a[0], "seconds": int(b[1] - a[1])} for a, b in zip(marks, marks[1:])]))
PY
)

cat >docs/data/ci-cold.json <<EOF
{
  "command": "scripts/ci-cost.sh",
  "ci_command": ".ci/run (scripts/test.sh) in a clean clone, empty CARGO_TARGET_DIR",
  "commit": "$(git -C "$COLD/src" rev-parse --short HEAD)",
  "date": "$(date -u +%Y-%m-%d)",
  "machine": "$(machine)",
  "rustc": "$(rustc --version)",
  "wall_seconds": $((end - start)),
  "steps": $steps
}
EOF
cat docs/data/ci-cold.json
python3 scripts/performance_report.py >docs/performance.md
