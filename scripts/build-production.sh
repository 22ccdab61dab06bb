#!/usr/bin/env bash
# Builds what operators deploy: both runtimes' Wasm WITHOUT `runtime-benchmarks` and
# `try-runtime`, in the `production` profile (fat LTO, one codegen unit, as polkadot-sdk's
# runtimes), and prints each blob's size and blake2-256 hash: the hash of the compressed blob that
# `system.setCode` and `system.authorizeUpgrade` take (`b2sum -l 256` is BLAKE2b with a 32-byte
# digest, as `sp_core::blake2_256` and polkadot.js' `blake2AsHex(_, 256)`).
#
#   scripts/build-production.sh          the solo and the parachain runtime's production Wasm
#   scripts/build-production.sh --node   and the production node binary (no benchmark or
#                                        try-runtime code, fat LTO): a second full native build,
#                                        about an hour cold on 2 cores
#   METADATA_HASH=1 scripts/build-production.sh
#                                        with the runtimes' `metadata-hash` feature, so that
#                                        CheckMetadataHash lets offline signers check metadata
#
# How: a runtime's build script builds its Wasm (substrate-wasm-builder) with the features enabled
# on the runtime crate minus `std` and `default` (none here), in the builder's own `production`
# profile when cargo's profile is `production`. cargo runs build scripts under `cargo check`, so a
# check of the runtimes yields the Wasm without compiling their native code. Everything goes to
# $CARGO_TARGET_DIR/production/; nothing of the dev build (release/) is touched or reused.
#
# It fails if a benchmark or try-runtime entry point reached a blob, or if the parachain's blob is
# above the relay chain's code limit (5 MiB). Writes docs/data/production-wasm.json, which
# docs/reliability.md and docs/performance.md cite. Run it on an otherwise idle machine: the time
# it records is part of the measurement.
set -euo pipefail
source "$(dirname "$0")/common.sh"
scripts/setup.sh

node=0
case "${1:-}" in
"") ;;
--node) node=1 ;;
*)
	echo "usage: $0 [--node]" >&2
	exit 2
	;;
esac
features=()
[ "${METADATA_HASH:-0}" = 1 ] && features=(--features mutual-pool-runtime/metadata-hash,mutual-pool-runtime-para/metadata-hash)

wbuild="$CARGO_TARGET_DIR/production/wbuild"
# As share_wasm_target does for the dev build: the parachain runtime's Wasm compiles in the solo
# runtime's Wasm target dir, so their common dependencies compile once.
mkdir -p "$wbuild/mutual-pool-runtime/target" "$wbuild/mutual-pool-runtime-para"
if [ ! -L "$wbuild/mutual-pool-runtime-para/target" ]; then
	rm -rf "$wbuild/mutual-pool-runtime-para/target"
	ln -s ../mutual-pool-runtime/target "$wbuild/mutual-pool-runtime-para/target"
fi

start=$(date +%s)
# No runtime-benchmarks, no try-runtime: the default features (std) only.
cargo check --locked --profile production -p mutual-pool-runtime -p mutual-pool-runtime-para "${features[@]}"
if [ "$node" = 1 ]; then
	cargo build --locked --profile production -p mutual-pool-node
fi
seconds=$(($(date +%s) - start))

MAX_CODE_SIZE=$((5 * 1024 * 1024))
entries=()
for crate in mutual-pool-runtime mutual-pool-runtime-para; do
	name=${crate//-/_}
	compact="$wbuild/$crate/$name.compact.wasm"
	wasm="$wbuild/$crate/$name.compact.compressed.wasm"
	# Runtime-API functions are Wasm exports, whose names are plain strings in the blob.
	if grep -aq -e 'Benchmark_dispatch_benchmark' -e 'TryRuntime_execute_block' "$compact"; then
		echo "error: $compact exports benchmark or try-runtime entry points" >&2
		exit 1
	fi
	size=$(stat -c %s "$wasm")
	hash="0x$(b2sum -l 256 "$wasm" | cut -d' ' -f1)"
	echo "$crate: $wasm"
	echo "  compact.compressed $size B, compact $(stat -c %s "$compact") B, blake2-256 $hash"
	if [ "$crate" = mutual-pool-runtime-para ] && [ "$size" -gt "$MAX_CODE_SIZE" ]; then
		echo "error: the parachain's Wasm is above the relay chain's MAX_CODE_SIZE ($MAX_CODE_SIZE B)" >&2
		exit 1
	fi
	entries+=("\"$crate\": {\"compact_bytes\": $(stat -c %s "$compact"), \"compact_compressed_bytes\": $size, \"blake2_256\": \"$hash\"}")
done
echo "built in $seconds s"

python3 - "$(revision)" "$(machine)" "$(rustc --version)" "$seconds" "$*" \
	"{$(IFS=,; echo "${entries[*]}")}" >docs/data/production-wasm.json <<'PY'
import datetime, json, sys
commit, machine, rustc, seconds, args, wasm = sys.argv[1:]
print(json.dumps({
    "command": ("scripts/build-production.sh " + args).strip(),
    "commit": commit, "machine": machine, "rustc": rustc,
    "date": datetime.date.today().isoformat(), "wall_seconds": int(seconds),
    "relay_max_code_size": 5 * 1024 * 1024, "wasm": json.loads(wasm),
}, indent=1))
PY
echo "wrote docs/data/production-wasm.json"
