# Sourced by the scripts of this folder: the one place that fixes where and how the node is
# built, so that the dev chain, the tests, the benchmarks and the report share one build.
# shellcheck shell=bash

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mutual-pool/target}"
# One profile (release) and one feature set for every build, so nothing is compiled twice.
WORKSPACE_FEATURES="mutual-pool-node/runtime-benchmarks,mutual-pool-node/try-runtime"
NODE="$CARGO_TARGET_DIR/release/mutual-pool-node"
WASM="$CARGO_TARGET_DIR/release/wbuild/mutual-pool-runtime/mutual_pool_runtime.compact.compressed.wasm"

PARA_WASM="$CARGO_TARGET_DIR/release/wbuild/mutual-pool-runtime-para/mutual_pool_runtime_para.compact.compressed.wasm"

# The node's benchmarking commands (frame-benchmarking-cli, under runtime-benchmarks) embed a
# test runtime of their own, `frame-storage-access-test-runtime`, whose Wasm only
# `benchmark storage` uses, to validate a block of storage accesses. This project never runs
# `benchmark storage` (the runtimes use polkadot-sdk's `ParityDbWeight`), and that Wasm took six
# of the cold build's minutes (about 200 crates compiled for Wasm a second time). Its own skip
# variable (substrate-wasm-builder's `SKIP_<CRATE>_WASM_BUILD`) leaves it out; `benchmark
# storage` would then stop with "You need to build the WASM binaries".
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1

# substrate-wasm-builder compiles each runtime's Wasm in its own target dir,
# `wbuild/<crate>/target`: the parachain runtime's build would compile again every crate it
# shares with the solo runtime's (most of them). Pointing the parachain runtime's dir at the solo
# runtime's lets cargo reuse them; crates whose features differ are compiled once per feature
# set, as in any target dir, and the two builds take turns on the dir's lock. Idempotent; called
# by `build_node` before every build.
share_wasm_target() {
	local wbuild="$CARGO_TARGET_DIR/release/wbuild"
	mkdir -p "$wbuild/mutual-pool-runtime/target" "$wbuild/mutual-pool-runtime-para"
	if [ ! -L "$wbuild/mutual-pool-runtime-para/target" ]; then
		rm -rf "$wbuild/mutual-pool-runtime-para/target"
		ln -s ../mutual-pool-runtime/target "$wbuild/mutual-pool-runtime-para/target"
	fi
}

# CI's lint pass (scripts/test.sh): the workspace's own crates are compiled by clippy-driver, with
# `-D warnings`, as they are built for the node and the tests. That checks what
# `cargo clippy --workspace --all-targets -- -D warnings` checks (every lib, bin and test target of
# every member; nextest builds the test targets) without compiling every dependency a second time
# in check mode, which costs a cold CI about ten minutes. Dependencies are compiled by plain rustc
# (`RUSTC_WORKSPACE_WRAPPER` wraps members only), so their artifacts are the same as in any build.
# CLIPPY_ARGS is how cargo-clippy passes `-- <args>` to clippy-driver, split on
# `__CLIPPY_HACKERY__`. Both variables are part of cargo's fingerprint: a build without them
# compiles the workspace's crates again (dependencies are shared).
lint_while_building() {
	command -v clippy-driver >/dev/null || rustup component add clippy
	RUSTC_WORKSPACE_WRAPPER="$(command -v clippy-driver)"
	CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
	export RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS
}

# The one build: every crate of the workspace, the node binary ($NODE) and both runtimes' Wasm
# ($WASM, $PARA_WASM) among them. `--workspace` rather than `-p mutual-pool-node`: cargo hashes
# a crate's features, `default` included, into its artifacts, and the tests (`cargo nextest run
# --workspace`) select every member with its `default` feature, which a build of the node alone
# leaves off; built this way, the tests reuse the pallet and both runtimes instead of compiling
# them (and running their Wasm build scripts) a second time.
BUILD_ARGS=(--release --workspace --features "$WORKSPACE_FEATURES")

# Installs what is missing, then runs the one build.
build_node() {
	scripts/setup.sh && share_wasm_target && cargo build "${BUILD_ARGS[@]}"
}

# `benchmark pallet` on runtime Wasm $1 with the settings that every measurement here shares
# (development preset, compiled Wasm, $STEPS and $REPEAT), so that the weights and the
# performance report measure alike, written through template $2: a runtime's weights
# (scripts/runtime-weight-template.hbs), the pallet's reference weights
# (scripts/pallet-weight-template.hbs) or the CLI's analysis as JSON
# (scripts/benchmark-analysis.hbs). Pallets, extrinsics and output are the other arguments.
benchmark_pallet() {
	local wasm=$1 template=$2
	shift 2
	"$NODE" benchmark pallet \
		--runtime "$wasm" --genesis-builder runtime --genesis-builder-preset development \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" --wasm-execution compiled --heap-pages 4096 \
		--template "$template" "$@"
}

# The `*_among` benchmarks only show that calls do not depend on counts of stakers, covers and
# claims (scripts/performance.sh reports them); no call is charged by them, so the weights
# leave them out.
AMONG_BENCHMARKS=pallet_mutual_pool::stake_among,pallet_mutual_pool::withdraw_among,pallet_mutual_pool::approve_claim_among,pallet_mutual_pool::reject_claim_among

# The commit a measurement ran on, `+changes` appended when the work tree differed from it
# outside docs/ (so a figure never names a commit whose code it did not run).
revision() {
	echo "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':(exclude)docs' || echo '+changes')"
}

# Runs one end-to-end test file against the one build, the test writing its figures (a JSON
# object) to the file named by $E2E_REPORT, and writes them to docs/data/$1 with the command
# ($2), the time, the revision, the machine and the date of the run. `VAR=value` arguments after
# the test file go to the test's environment. Used by scripts/crash.sh and scripts/network.sh.
#   record_e2e crash.json scripts/crash.sh test/reliability-crash.test.mjs CRASH_KILLS=5
record_e2e() {
	local out=$1 command=$2 file=$3 report start
	shift 3
	lint_while_building
	build_node
	(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
	report=$(mktemp)
	start=$(date +%s)
	(cd e2e && env E2E_REPORT="$report" "$@" node --test --test-reporter=spec "$file") || {
		rm -f "$report"
		return 1
	}
	record_figures "$out" "$command" "$(cat "$report")" seconds=$(($(date +%s) - start))
	rm -f "$report"
}

# Writes the figures of a run (a JSON object, $3) to docs/data/$1, with the command ($2), the
# revision, the machine and the date of the run, and any `key=integer` arguments after them.
record_figures() {
	python3 - "$@" "$(revision)" "$(machine)" >"docs/data/$1" <<'PY'
import datetime, json, sys
out, command, figures, *extra, commit, machine = sys.argv[1:]
figures = json.loads(figures)
figures.update({key: int(value) for key, value in (item.split("=", 1) for item in extra)})
figures.update(commit=commit, machine=machine, date=datetime.date.today().isoformat(),
               command=command)
print(json.dumps(figures, indent=1))
PY
	echo "wrote docs/data/$1"
}

# This machine, as the measurements name it: cores, memory, CPU model.
machine() {
	echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
}

# Used memory of the whole machine (MemTotal - MemAvailable), in KiB.
used_kib() { awk '/MemTotal/ {t=$2} /MemAvailable/ {a=$2} END {print t-a}' /proc/meminfo; }

# Samples `used_kib` each second into file $1, one "<epoch seconds> <KiB>" line per sample, in
# the background; sets $sampler to the sampler's pid (kill it when done).
sample_memory() {
	(
		while sleep 1; do echo "$(date +%s) $(used_kib)"; done
	) >"$1" &
	sampler=$!
}

# The highest sample of a `sample_memory` file $1, within epoch seconds [$2, $3] if given.
peak_used_kib() {
	awk -v a="${2:-0}" -v b="${3:-9999999999}" '$1 >= a && $1 <= b && $2 > m { m = $2 } END { print m + 0 }' "$1"
}

# Writes docs/data/build-cost.json for a cold build of $BUILD_ARGS into target dir $8 (for the
# Wasm sizes). Arguments: the measuring command, a remark on the cargo command (may be empty),
# the commit, crates compiled, wall seconds, peak machine memory above the baseline (KiB), peak
# resident set of the largest process (KiB), the target dir.
write_build_cost() {
	local wasm_dir="$8/release/wbuild/mutual-pool-runtime"
	local para_wasm_dir="$8/release/wbuild/mutual-pool-runtime-para"
	cat >docs/data/build-cost.json <<EOF
{
  "command": "$1",
  "cargo_command": "cargo build ${BUILD_ARGS[*]}${2:+ $2}",
  "commit": "$3",
  "date": "$(date -u +%Y-%m-%d)",
  "machine": "$(machine)",
  "rustc": "$(rustc --version)",
  "crates_compiled": $4,
  "wall_seconds": $5,
  "peak_machine_memory_kib": $6,
  "peak_process_rss_kib": $7,
  "wasm_compact_bytes": $(stat -c %s "$wasm_dir/mutual_pool_runtime.compact.wasm"),
  "wasm_compact_compressed_bytes": $(stat -c %s "$wasm_dir/mutual_pool_runtime.compact.compressed.wasm"),
  "para_wasm_compact_bytes": $(stat -c %s "$para_wasm_dir/mutual_pool_runtime_para.compact.wasm"),
  "para_wasm_compact_compressed_bytes": $(stat -c %s "$para_wasm_dir/mutual_pool_runtime_para.compact.compressed.wasm")
}
EOF
}

# Fails if a weight file written by `benchmark pallet` holds a proof-size estimate above 5 MiB,
# or a call weighed at nothing. No call reads anywhere near 5 MiB: such a figure comes from a
# degenerate fit in the CLI (see docs/design.md, "Cover expiry") and would make the call unusable.
# A weight of zero time is a benchmark that did not run: one that returns
# `BenchmarkError::Weightless` (an origin the runtime cannot produce, say) is written as
# `Weight::from_parts(0, 0)` without an error, and would make the call free.
check_weights() {
	local bad
	bad=$(grep -En '^\s*Weight::from_parts\(0, [0-9_]+\)' "$@" || true)
	if [ -n "$bad" ]; then
		echo "error: calls weighed at zero time in $* (a benchmark returned Weightless):" >&2
		echo "$bad" >&2
		return 1
	fi
	bad=$(grep -Eo 'Weight::from_parts\([0-9_]+, [0-9]+\)' "$@" |
		awk -F'[(,) ]+' '$3 > 5 * 1024 * 1024 { print }')
	if [ -n "$bad" ]; then
		echo "error: proof-size estimates above 5 MiB in $*:" >&2
		echo "$bad" >&2
		echo "the benchmark CLI's fit went wrong; run the benchmarks again" >&2
		return 1
	fi
}
