#!/usr/bin/env bash
# Installs what a fresh Debian machine with rustup lacks for building and testing the chain:
# protobuf-compiler, clang and libclang-dev (apt, when root), the `wasm32v1-none` target and the
# `rust-src` component. Idempotent, and fast when everything is there.
set -euo pipefail

log() { echo "[setup] $*" >&2; }

missing_debs=()
command -v protoc >/dev/null 2>&1 || missing_debs+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || missing_debs+=(clang)
if ! ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 &&
	! ls /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1; then
	missing_debs+=(libclang-dev)
fi
if [ ${#missing_debs[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		log "installing ${missing_debs[*]} with apt-get"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends "${missing_debs[@]}" >/dev/null
	else
		log "missing ${missing_debs[*]}: install them with your package manager (not root, or no apt-get)"
	fi
fi

if command -v rustup >/dev/null 2>&1; then
	installed_targets=$(rustup target list --installed)
	if ! grep -qx wasm32v1-none <<<"$installed_targets"; then
		log "adding the wasm32v1-none target"
		rustup target add wasm32v1-none
	fi
	if ! rustup component list --installed | grep -q '^rust-src'; then
		log "adding the rust-src component"
		rustup component add rust-src
	fi
else
	log "rustup not found: make sure the wasm32v1-none target and rust-src are installed"
fi
log "ready"
