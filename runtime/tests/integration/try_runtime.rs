//! try-runtime checks on the state that the end-to-end scenario leaves behind (issue 11): the
//! scenario of `e2e/scenarios.mjs` replayed in Rust through the real runtime, then every
//! pallet's `try_state`, and `Executive::try_runtime_upgrade` with every check: the runtime's
//! migrations with each pallet's `pre_upgrade` and `post_upgrade`, the on-chain against the
//! in-code storage versions, the decoding of the entire state, and every `try_state` after.
//! Then the same upgrade on a chain left at storage version 5: the pallet's migration to 6 runs
//! once, through `Executive`, and passes its `pre_upgrade` and `post_upgrade`.
//! Compiled with the `try-runtime` feature (CI's feature set).

use crate::common::*;
use frame_support::{
	assert_ok,
	traits::{
		GetStorageVersion, OnRuntimeUpgrade, StorageVersion, TryState, TryStateSelect,
		UpgradeCheckSelect,
	},
};
use mutual_pool_runtime::{
	AllPalletsWithSystem, Executive, MutualPool, Runtime, RuntimeCall, System,
};
use mutual_pool_runtime_common::mutual_pool::{ClaimDepositRate, MinCover};
use pallet_mutual_pool::{
	migrations::v6::{v5, InnerMigrateV5ToV6, MigrateV5ToV6},
	ClaimStatus, Claims, NextPoolId, NextProductId, PoolId, PoolOf, Pools, Products, Stakers,
};

/// What the end-to-end scenarios do on the dev chain, in Rust: stakes, an unbonding staker who
/// withdraws, one still unbonding, covers, a claim approved and one rejected by council
/// motions (and closed after its appeal window), fees paid to the treasury. It leaves every
/// kind of record the pallet keeps.
fn e2e_scenario() {
	assert_ok!(MutualPool::stake(signed::<Solo>(Bob), 0, mut_(1_000), mut_(990)));
	assert_ok!(MutualPool::stake(signed::<Solo>(Dave), 0, mut_(100_000), 0));
	let shares = Stakers::<Runtime>::get(account(Dave), 0).expect("Dave staked").shares;
	assert_ok!(MutualPool::request_unstake(signed::<Solo>(Dave), 0, shares));

	let (_, approved) = cover_and_claim::<Solo>(0, mut_(50_000), mut_(20_000));
	let approve = RuntimeCall::MutualPool(pallet_mutual_pool::Call::approve_claim {
		claim_id: approved,
		payout: mut_(20_000),
	});
	assert_eq!(
		council_motion(&mut Solo, approve, 3, &[Alice, Bob, Dave], &[]),
		MotionOutcome::Executed(Ok(()))
	);
	let (_, rejected) = cover_and_claim::<Solo>(1, mut_(10_000), mut_(5_000));
	assert_eq!(
		council_motion(&mut Solo, reject::<Solo>(rejected), 3, &[Alice, Bob, Dave], &[]),
		MotionOutcome::Executed(Ok(()))
	);
	let ClaimStatus::Rejected { appeal_until } =
		Claims::<Runtime>::get(rejected).expect("in its appeal window").status
	else {
		panic!("the claim is rejected");
	};
	assert_ok!(MutualPool::pay_fees(signed::<Solo>(Eve), 0));

	// Dave's unbonding ends; the rejection's appeal window too, and anyone closes the claim, so
	// that no claim is pending and he leaves. Alice stakes and asks to leave part of it.
	let unlock_at = Stakers::<Runtime>::get(account(Dave), 0).expect("unbonding").unlock_at;
	Solo.run_to_block(unlock_at.max(appeal_until));
	assert_ok!(MutualPool::close_claim(signed::<Solo>(Eve), rejected));
	assert_ok!(MutualPool::withdraw(signed::<Solo>(Dave), 0, 0));
	assert_ok!(MutualPool::stake(signed::<Solo>(Alice), 0, mut_(5_000), 0));
	assert_ok!(MutualPool::request_unstake(signed::<Solo>(Alice), 0, mut_(1_000)));
}

#[test]
fn every_pallets_try_state_holds_after_the_e2e_scenario() {
	dev_ext().execute_with(|| {
		e2e_scenario();
		assert_ok!(<AllPalletsWithSystem as TryState<u32>>::try_state(
			System::block_number(),
			TryStateSelect::All
		));
	});
}

#[test]
fn a_runtime_upgrade_passes_every_try_runtime_check_after_the_e2e_scenario() {
	dev_ext().execute_with(|| {
		e2e_scenario();
		assert_ok!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All));
	});
}

#[test]
fn try_state_of_every_pallet_catches_a_corrupt_pool() {
	dev_ext().execute_with(|| {
		e2e_scenario();
		// One unit of capital that the pool account does not hold.
		Pools::<Runtime>::mutate(0, |pool| pool.as_mut().expect("pool 0").capital += 1);
		assert!(<AllPalletsWithSystem as TryState<u32>>::try_state(
			System::block_number(),
			TryStateSelect::All
		)
		.is_err());
		assert!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All).is_err());
	});
}

/// The migration of the runtime, and its inner migration.
type Migration = MigrateV5ToV6<Runtime, MinCover, ClaimDepositRate>;
type Inner = InnerMigrateV5ToV6<Runtime, MinCover, ClaimDepositRate>;

/// The e2e scenario and a claim left pending, as version 5 of the pallet stored them: pool 0
/// (in MUT, as every pool of version 5) without its asset, smallest cover and claim deposit
/// rate, and the storage version 5. Pool 1, in the dev stablecoin, which version 5 could not
/// have, is removed with its product and Ferdie's stake in it. Returns pool 0 as the current
/// version has it.
fn version_5_chain() -> Vec<(PoolId, PoolOf<Runtime>)> {
	e2e_scenario();
	cover_and_claim::<Solo>(0, mut_(1_000), mut_(400));
	Pools::<Runtime>::remove(1);
	Products::<Runtime>::remove(2);
	Stakers::<Runtime>::remove(account(Ferdie), 1);
	NextPoolId::<Runtime>::put(1);
	NextProductId::<Runtime>::put(2);
	let pools = Pools::<Runtime>::iter().collect::<Vec<_>>();
	assert_eq!(pools.len(), 1);
	for (pool_id, pool) in &pools {
		v5::Pools::<Runtime>::insert(pool_id, Inner::to_v5(pool.clone()));
	}
	StorageVersion::new(5).put::<MutualPool>();
	pools
}

#[test]
fn the_runtime_upgrade_migrates_a_version_5_chain_once_with_every_check() {
	dev_ext().execute_with(|| {
		let pools = version_5_chain();
		assert!(Pools::<Runtime>::iter().next().is_none(), "v5 pools do not decode as v6");

		// The runtime's migrations, each pallet's pre/post_upgrade (the migration's among them),
		// the storage versions, the whole state's decoding and every try_state.
		assert_ok!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All));
		assert_eq!(MutualPool::on_chain_storage_version(), 6);
		// Pool 0 is in MUT with the smallest cover and the claim deposit rate that version 5
		// charged every pool, which the dev genesis gives it: it is what it was.
		assert_eq!(Pools::<Runtime>::iter().collect::<Vec<_>>(), pools);
		assert!(Claims::<Runtime>::iter_values().all(|c| c.status == ClaimStatus::Pending));

		// Exactly once: another upgrade finds version 6 and changes nothing.
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		Executive::execute_on_runtime_upgrade();
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

#[test]
fn the_migration_weighs_two_reads_and_writes_per_pool_and_the_version() {
	dev_ext().execute_with(|| {
		version_5_chain();
		// A read and a write of each pool and of its account, and of the version.
		let pools = v5::Pools::<Runtime>::iter_keys().count() as u64;
		assert_eq!(
			Migration::on_runtime_upgrade(),
			<Runtime as frame_system::Config>::DbWeight::get()
				.reads_writes(2 * pools + 1, 2 * pools + 1)
		);
		// At version 6 it only reads the version.
		assert_eq!(
			Migration::on_runtime_upgrade(),
			<Runtime as frame_system::Config>::DbWeight::get().reads(1)
		);
	});
}

#[test]
fn the_runtime_upgrade_fails_its_checks_on_a_pool_that_does_not_decode() {
	dev_ext().execute_with(|| {
		version_5_chain();
		sp_io::storage::set(&Pools::<Runtime>::hashed_key_for(0), &[7; 5]);
		assert!(Executive::try_runtime_upgrade(UpgradeCheckSelect::PreAndPost).is_err());
	});
}
