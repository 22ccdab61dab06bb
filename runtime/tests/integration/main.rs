//! Runtime integration tests: the genesis presets, the claims council, incidents, appeals decided
//! by referendum, the declared weights and the try-runtime checks, natively through the real
//! `Runtime`.

mod appeals;
mod common;
mod council;
mod genesis;
mod incidents;
#[cfg(feature = "try-runtime")]
mod try_runtime;
mod weights;
