#!/usr/bin/env bash
# Builds the polkadot-sdk solochain template's runtime as a production Wasm against the
# stable2609 crates this repository pins, and writes its size beside ours
# (docs/data/template-wasm.json; ours: scripts/build-production.sh, docs/data/production-wasm.json).
#
#   git clone https://github.com/paritytech/polkadot-sdk-solochain-template /tmp/template
#   git -C /tmp/template checkout 2610f22b838f65bfeec9791ede17827b74e1ac50
#   TEMPLATE_SRC=/tmp/template scripts/template-wasm-size.sh
#
# 2610f22 is the template repository's last sync with polkadot-sdk's `templates/solochain`
# (stable2503). Its `runtime/` and `pallets/template/` are built in a scratch workspace with
# scripts/template-wasm/Cargo.toml (the template's root manifest, the template's `release` and
# `production` profiles, our stable2609 versions) and our Cargo.lock, after
# scripts/template-wasm/stable2609.patch, the only source change: the runtime API signatures that
# changed between stable2503 and stable2609 (`LazyBlock` in `execute_block` and
# `check_inherents`, `SessionKeys` version 2, no `NativeVersion`). Default features only: no
# `runtime-benchmarks`, `try-runtime` or `metadata-hash`, as our production build. About 35
# minutes cold on 2 cores. The blob embeds source paths, so its size moves by some tens of bytes
# with the directory it is built in; $CARGO_TARGET_DIR defaults to ~/.cache/mutual-pool/template-wasm.
set -euo pipefail
source "$(dirname "$0")/common.sh"
: "${TEMPLATE_SRC:?set TEMPLATE_SRC to a checkout of polkadot-sdk-solochain-template at 2610f22}"
export CARGO_TARGET_DIR="${TEMPLATE_TARGET_DIR:-$HOME/.cache/mutual-pool/template-wasm}"
REPO="$PWD"
WS="$(mktemp -d)"
trap 'rm -rf "$WS"' EXIT
mkdir -p "$WS/.cargo" "$WS/pallets"
cp -r "$TEMPLATE_SRC/runtime" "$WS/runtime"
cp -r "$TEMPLATE_SRC/pallets/template" "$WS/pallets/template"
cp scripts/template-wasm/Cargo.toml "$WS/Cargo.toml"
cp Cargo.lock "$WS/Cargo.lock"
# The Wasm builder's nested cargo finds the workspace (and its lock) through this hint.
printf '[env]\nWASM_BUILD_WORKSPACE_HINT = { value = "", relative = true }\n' >"$WS/.cargo/config.toml"
(cd "$WS" && patch -p1 --no-backup-if-mismatch <"$REPO/scripts/template-wasm/stable2609.patch")

(cd "$WS" && cargo build --profile production -p solochain-template-runtime)

# Cargo pruned our lock to the template's crates: no registry crate may resolve elsewhere.
python3 - Cargo.lock "$WS/Cargo.lock" <<'PY'
import sys, tomllib
def load(p):
    return {(x["name"], x["version"], x.get("source")) for x in tomllib.load(open(p, "rb"))["package"]}
extra = sorted(p for p in load(sys.argv[2]) - load(sys.argv[1]) if p[2] is not None)
if extra:
    sys.exit(f"error: versions not in our Cargo.lock: {extra}")
PY

dir="$CARGO_TARGET_DIR/production/wbuild/solochain-template-runtime"
compact="$dir/solochain_template_runtime.compact.wasm"
compressed="$dir/solochain_template_runtime.compact.compressed.wasm"
if grep -aq -e 'Benchmark_dispatch_benchmark' -e 'TryRuntime_execute_block' "$compact"; then
	echo "error: $compact exports benchmark or try-runtime entry points" >&2
	exit 1
fi
hash="0x$(b2sum -l 256 "$compressed" | cut -d' ' -f1)"
echo "solochain-template-runtime: compact.compressed $(stat -c %s "$compressed") B, compact $(stat -c %s "$compact") B, blake2-256 $hash"
record_figures template-wasm.json "scripts/template-wasm-size.sh" \
	"{\"template\": \"paritytech/polkadot-sdk-solochain-template@2610f22 + scripts/template-wasm/stable2609.patch\", \"rustc\": \"$(rustc --version)\", \"blake2_256\": \"$hash\"}" \
	"compact_compressed_bytes=$(stat -c %s "$compressed")" "compact_bytes=$(stat -c %s "$compact")"
