//! Integration tests of the parachain runtime, natively through the real `Runtime`: the genesis
//! presets, blocks built as a collator builds them, the mutual pool used over XCM by a sibling
//! parachain's user, USDT and DOT arriving from their reserves and going back, and every case of
//! `mutual-pool-runtime-test-utils` (the claims council, incidents, appeals decided by
//! referendum, the declared weights), which the solo runtime runs too, here on blocks built as a
//! collator builds them.

mod common;
mod genesis;
mod xcm;
mod xcm_assets;

mutual_pool_runtime_test_utils::run_every_case_on!(crate::common::Collator);
