//! try-runtime checks on the state that the end-to-end scenario leaves behind (issue 11): the
//! scenario of `e2e/scenarios.mjs` replayed in Rust through the real runtime, then every
//! pallet's `try_state`, and `Executive::try_runtime_upgrade` with every check: the runtime's
//! migrations with each pallet's `pre_upgrade` and `post_upgrade`, the on-chain against the
//! in-code storage versions, the decoding of the entire state, and every `try_state` after.
//! Then the same upgrade on a chain left at storage version 3: the pallet's migrations to 4 and
//! 5 run once, through `Executive`, and pass their `pre_upgrade` and `post_upgrade`.
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
use pallet_mutual_pool::{
	migrations::{
		v4::{v3, MigrateV3ToV4},
		v5::{v4, InnerMigrateV4ToV5, MigrateV4ToV5},
	},
	ClaimId, ClaimOf, ClaimStatus, Claims, Holds, PoolId, PoolOf, Pools, Stakers, Warmups,
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

/// Claims as the current version stores them, for `version_3_chain`.
type Claims3 = Vec<(ClaimId, ClaimOf<Runtime>)>;
/// Pools as the current version stores them, for `version_3_chain`.
type Pools4 = Vec<(PoolId, PoolOf<Runtime>)>;

/// The e2e scenario and two claims left pending, as version 3 of the pallet stored them: the
/// claims without their status, the pools with the fixed large-claim window of versions 1 to 4
/// (opened at this block) and no warm-ups, the storage version 3. Returns the claims and the pools as the
/// current version has them.
fn version_3_chain() -> (Claims3, Pools4) {
	e2e_scenario();
	cover_and_claim::<Solo>(0, mut_(1_000), mut_(400));
	cover_and_claim::<Solo>(1, mut_(2_000), mut_(900));
	let claims = Claims::<Runtime>::iter().collect::<Vec<_>>();
	assert_eq!(claims.len(), 2);
	for (claim_id, claim) in &claims {
		v3::Claims::<Runtime>::insert(claim_id, v3::ClaimV3::from_v4(claim.clone()));
	}
	let pools = Pools::<Runtime>::iter().collect::<Vec<_>>();
	let now = System::block_number();
	for (pool_id, pool) in &pools {
		v4::Pools::<Runtime>::insert(
			pool_id,
			InnerMigrateV4ToV5::<Runtime>::to_v4(pool.clone(), now),
		);
	}
	// Version 4 kept no warm-ups: the scenario's stakes count at once after the upgrade. Nor
	// did it hold withdrawals back.
	let _ = Warmups::<Runtime>::clear(u32::MAX, None);
	let _ = Holds::<Runtime>::clear(u32::MAX, None);
	StorageVersion::new(3).put::<MutualPool>();
	(claims, pools)
}

#[test]
fn the_runtime_upgrade_migrates_a_version_3_chain_once_with_every_check() {
	dev_ext().execute_with(|| {
		let (claims, pools) = version_3_chain();
		assert!(Claims::<Runtime>::iter().next().is_none(), "v3 claims do not decode as v4");
		assert!(Pools::<Runtime>::iter().next().is_none(), "v4 pools do not decode as v5");

		// The runtime's migrations, each pallet's pre/post_upgrade (the migration's among them),
		// the storage versions, the whole state's decoding and every try_state.
		assert_ok!(Executive::try_runtime_upgrade(UpgradeCheckSelect::All));
		assert_eq!(MutualPool::on_chain_storage_version(), 5);
		assert_eq!(Claims::<Runtime>::iter().collect::<Vec<_>>(), claims);
		assert!(Claims::<Runtime>::iter_values().all(|c| c.status == ClaimStatus::Pending));
		// Each pool's window, open at the upgrade, holds what it paid in the upgrade's slot;
		// nothing else of the pool changed.
		for (pool_id, pool) in pools {
			let migrated = Pools::<Runtime>::get(pool_id).expect("the pool decodes");
			assert_eq!(migrated.payouts.total(), pool.payouts.total());
			assert_eq!(migrated.payouts.committed[0], pool.payouts.total());
			assert_eq!(migrated.warming, Default::default());
			// Nothing held, and the payouts count from the upgrade.
			assert_eq!(migrated.holding, Default::default());
			assert_eq!(
				pallet_mutual_pool::Pool {
					payouts: pool.payouts.clone(),
					warming: pool.warming.clone(),
					holding: pool.holding.clone(),
					..migrated
				},
				pool
			);
		}

		// Exactly once: another upgrade finds version 4 and changes nothing.
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		Executive::execute_on_runtime_upgrade();
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

#[test]
fn the_migrations_weigh_a_read_and_a_write_per_record_and_the_version() {
	dev_ext().execute_with(|| {
		version_3_chain();
		assert_eq!(
			MigrateV3ToV4::<Runtime>::on_runtime_upgrade(),
			<Runtime as frame_system::Config>::DbWeight::get().reads_writes(3, 3)
		);
		// At version 4 it only reads the version.
		assert_eq!(
			MigrateV3ToV4::<Runtime>::on_runtime_upgrade(),
			<Runtime as frame_system::Config>::DbWeight::get().reads(1)
		);
		// The migration to 5: a read and a write per pool, per claim and the version (no
		// incident is open, and no claim appealed).
		let pools = v4::Pools::<Runtime>::iter_keys().count() as u64;
		let claims = v4::Claims::<Runtime>::iter_keys().count() as u64;
		assert!(pools > 0 && claims > 0);
		let records = pools + claims + 1;
		assert_eq!(
			MigrateV4ToV5::<Runtime>::on_runtime_upgrade(),
			<Runtime as frame_system::Config>::DbWeight::get().reads_writes(records, records)
		);
	});
}

#[test]
fn the_runtime_upgrade_fails_its_checks_on_a_claim_that_does_not_decode() {
	dev_ext().execute_with(|| {
		let (claims, _) = version_3_chain();
		let key = Claims::<Runtime>::hashed_key_for(claims[0].0);
		sp_io::storage::set(&key, &[7; 5]);
		assert!(Executive::try_runtime_upgrade(UpgradeCheckSelect::PreAndPost).is_err());
	});
}
