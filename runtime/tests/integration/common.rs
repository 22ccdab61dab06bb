//! Shared helpers of the runtime integration tests: externalities built from a genesis preset,
//! and this runtime as a [`Chain`] of `mutual-pool-runtime-test-utils` (whose helpers, council
//! motions among them, the tests use).

#![allow(dead_code)]

use frame_support::traits::Hooks;
use mutual_pool_runtime::{
	genesis_config_presets, BuildStorage, Council, MutualPool, Runtime, RuntimeGenesisConfig,
	Scheduler, System,
};

pub use mutual_pool_runtime_test_utils::{
	account, council_motion, cover_and_claim, free, mut_, reject, signed, Alice, Bob, Chain,
	Charlie, Dave, Eve, Ferdie, MotionOutcome,
};

/// The full genesis config of preset `name`, built as the node builds a chain spec from it.
pub fn preset_config(name: &str) -> RuntimeGenesisConfig {
	mutual_pool_runtime_test_utils::preset_config(genesis_config_presets::get_preset, name)
}

/// Externalities with the genesis of preset `name`, at block 1.
pub fn ext_from_preset(name: &str) -> sp_io::TestExternalities {
	let storage = preset_config(name).build_storage().expect("the genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Externalities with the `development` genesis, at block 1.
pub fn dev_ext() -> sp_io::TestExternalities {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET)
}

/// The solo chain in tests: its blocks advance by running the hooks of the council, the pool
/// and the scheduler (which services referenda and dispatches the calls of passed ones).
pub struct Solo;

impl Chain for Solo {
	type Runtime = Runtime;

	fn dev_ext() -> sp_io::TestExternalities {
		dev_ext()
	}

	fn start() -> Self {
		Solo
	}

	fn check_books() {
		#[cfg(any(feature = "try-runtime", feature = "runtime-benchmarks"))]
		MutualPool::do_try_state().expect("the pool's books hold");
	}

	fn next_block(&mut self) {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Council::on_initialize(next);
		MutualPool::on_initialize(next);
		Scheduler::on_initialize(next);
	}
}
