#!/usr/bin/env bash
# Measures what CI costs on a fresh machine: `.ci/run` on a clean clone of HEAD with an empty
# target dir (crates already downloaded to ~/.cargo are reused: "cold" means nothing compiled).
#
# Writes two files, then rewrites docs/performance.md (scripts/performance_report.py):
#   - docs/data/ci-cold.json: the wall time of the whole run and of each step of scripts/test.sh;
#   - docs/data/build-cost.json: the cold build of the node, as CI's step "build the node" did it
#     (the same fields as scripts/build-cost.sh writes: wall time, crates compiled, peak memory
#     of the machine during the step, both runtimes' Wasm sizes), so that one cold run of about
#     an hour measures both. The largest single process is GNU time's figure for the whole run,
#     in practice a rustc of that build.
# Run it on an otherwise idle machine; CI has 90 minutes, and the target is 70.
#
# On a fresh machine (no shared target dir yet) the run builds in the shared target dir
# ($CARGO_TARGET_DIR, common.sh) and leaves it there: the cold hour it costs is then also the
# first build of the work that follows, which recompiles only the workspace's own crates (they
# were built from the clone's path). Anywhere else it builds in a temporary dir, removed at the end.
set -euo pipefail
source "$(dirname "$0")/common.sh"
scripts/setup.sh

mkdir -p "$HOME/.cache/mutual-pool"
COLD="$(mktemp -d "$HOME/.cache/mutual-pool/ci-cold.XXXXXX")"
TARGET="$COLD/target"
[ -e "$CARGO_TARGET_DIR/release" ] || TARGET="$CARGO_TARGET_DIR"
sampler=
cleanup() {
	[ -z "$sampler" ] || kill "$sampler" 2>/dev/null || true
	rm -rf "$COLD"
}
trap cleanup EXIT
LOG="$COLD/ci.log"
git clone -q --no-hardlinks . "$COLD/src"

baseline=$(used_kib)
sample_memory "$COLD/memory.samples"

start=$(date +%s)
status=0
(cd "$COLD/src" && /usr/bin/time -v -o "$COLD/time.txt" \
	env CARGO_TARGET_DIR="$TARGET" .ci/run >"$LOG" 2>&1) || status=$?
end=$(date +%s)
kill "$sampler"
sampler=
tail -15 "$LOG"
if [ "$status" != 0 ]; then
	echo "CI failed (exit $status); nothing written" >&2
	exit "$status"
fi

# scripts/test.sh prints "== <step> (HH:MM:SS)" as each step starts. Prints the steps as JSON,
# then the build step's start and end (epoch seconds) and the crates it compiled.
python3 - "$LOG" "$start" "$end" >"$COLD/steps" <<'PY'
import json, re, sys
from datetime import datetime
log, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
day = datetime.fromtimestamp(start)
marks, crates, step = [], {}, None
for line in open(log, errors="replace"):
    m = re.match(r"== (.*) \((\d\d):(\d\d):(\d\d)\)$", line.strip())
    if m:
        t = day.replace(hour=int(m[2]), minute=int(m[3]), second=int(m[4])).timestamp()
        if marks and t < marks[-1][1]:
            t += 86400
        marks.append((m[1], t))
        step = m[1]
    elif step and re.match(r"^\s*Compiling ", line):
        crates[step] = crates.get(step, 0) + 1
marks.append(("end", end))
steps = [{"step": a[0], "seconds": int(b[1] - a[1])} for a, b in zip(marks, marks[1:])]
build = next(i for i, (name, _) in enumerate(marks) if name.startswith("build the node"))
print(json.dumps(steps))
print(int(marks[build][1]), int(marks[build + 1][1]), crates.get(marks[build][0], 0))
PY
steps=$(sed -n 1p "$COLD/steps")
read -r build_start build_end build_crates < <(sed -n 2p "$COLD/steps")
peak=$(peak_used_kib "$COLD/memory.samples" "$build_start" "$build_end")
max_rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$COLD/time.txt")
commit=$(git -C "$COLD/src" rev-parse --short HEAD)

cat >docs/data/ci-cold.json <<EOF
{
  "command": "scripts/ci-cost.sh",
  "ci_command": ".ci/run (scripts/test.sh) in a clean clone, empty CARGO_TARGET_DIR",
  "commit": "$commit",
  "date": "$(date -u +%Y-%m-%d)",
  "machine": "$(machine)",
  "rustc": "$(rustc --version)",
  "wall_seconds": $((end - start)),
  "steps": $steps
}
EOF
write_build_cost 'scripts/ci-cost.sh (the step \"build the node\" of a cold CI)' \
	"(the workspace's crates through clippy-driver)" "$commit" "$build_crates" \
	$((build_end - build_start)) $((peak - baseline)) "$max_rss" "$TARGET"
cat docs/data/ci-cold.json docs/data/build-cost.json
python3 scripts/performance_report.py >docs/performance.md
