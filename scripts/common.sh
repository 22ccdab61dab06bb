# Sourced by the scripts of this folder: the one place that fixes where and how the node is
# built, so that the dev chain, the tests, the benchmarks and the report share one build.
# shellcheck shell=bash

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mutual-pool/target}"
# One profile (release) and one feature set for every build, so nothing is compiled twice.
NODE_FEATURES="runtime-benchmarks,try-runtime"
WORKSPACE_FEATURES="mutual-pool-node/runtime-benchmarks,mutual-pool-node/try-runtime"
NODE="$CARGO_TARGET_DIR/release/mutual-pool-node"
WASM="$CARGO_TARGET_DIR/release/wbuild/mutual-pool-runtime/mutual_pool_runtime.compact.compressed.wasm"

# Installs what is missing, then builds the node binary ($NODE) and the runtime Wasm ($WASM).
build_node() {
	scripts/setup.sh && cargo build --release -p mutual-pool-node --features "$NODE_FEATURES"
}

# `benchmark pallet` on the runtime Wasm with the settings that every measurement here shares
# (development preset, compiled Wasm, $STEPS and $REPEAT, the weight template), so that the
# weights and the performance report measure alike. Pallets, extrinsics and output are arguments.
benchmark_pallet() {
	"$NODE" benchmark pallet \
		--runtime "$WASM" --genesis-builder runtime --genesis-builder-preset development \
		--steps "${STEPS:-50}" --repeat "${REPEAT:-20}" --wasm-execution compiled --heap-pages 4096 \
		--template scripts/weight-template.hbs "$@"
}

# This machine, as the measurements name it: cores, memory, CPU model.
machine() {
	echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
}

# Fails if a weight file written by `benchmark pallet` holds a proof-size estimate above 5 MiB.
# No call reads anywhere near that: such a figure comes from a degenerate fit in the CLI (see
# docs/design.md, "Cover expiry") and would make the call unusable.
check_weights() {
	local bad
	bad=$(grep -Eo 'Weight::from_parts\([0-9_]+, [0-9]+\)' "$@" |
		awk -F'[(,) ]+' '$3 > 5 * 1024 * 1024 { print }')
	if [ -n "$bad" ]; then
		echo "error: proof-size estimates above 5 MiB in $*:" >&2
		echo "$bad" >&2
		echo "the benchmark CLI's fit went wrong; run the benchmarks again" >&2
		return 1
	fi
}
