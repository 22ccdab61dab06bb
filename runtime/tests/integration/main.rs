//! Runtime integration tests: the genesis presets, the claims council and the declared weights,
//! natively through the real `Runtime`.

mod common;
mod council;
mod genesis;
mod weights;
