//! Runtime integration tests, natively through the real `Runtime`: the genesis presets and the
//! try-runtime checks, and every case of `mutual-pool-runtime-test-utils` (the claims council,
//! incidents, appeals decided by referendum, the declared weights), which the parachain runtime
//! runs too.

mod common;
mod genesis;
#[cfg(feature = "try-runtime")]
mod try_runtime;

mutual_pool_runtime_test_utils::run_every_case_on!(crate::common::Solo);
