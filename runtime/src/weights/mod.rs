//! This runtime's own weights, measured on its Wasm by `scripts/benchmark.sh`.

pub mod pallet_mutual_pool;
