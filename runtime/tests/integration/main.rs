//! Runtime integration tests: the genesis presets and the claims council, natively through the
//! real `Runtime`.

mod common;
mod council;
mod genesis;
