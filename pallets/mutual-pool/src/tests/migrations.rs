//! Tests of the storage migration: a version 5 chain's pools become version 6 pools in the
//! native token, exactly once, and nothing else changes.

use crate::{
	migrations::v6::{v5, InnerMigrateV5ToV6, MigrateV5ToV6},
	mock::*,
	*,
};
use codec::Encode;
use frame_support::{
	assert_ok, parameter_types,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use sp_arithmetic::FixedU128;

parameter_types! {
	/// What the runtime charged every pool under version 5: its `MinCover`...
	pub const OldMinCover: Balance = 25;
	/// ...and its `ClaimDepositRate`, 0.2%.
	pub OldRate: FixedU128 = FixedU128::from_rational(2, 1_000);
}

type Migration = MigrateV5ToV6<Test, OldMinCover, OldRate>;
type Inner = InnerMigrateV5ToV6<Test, OldMinCover, OldRate>;

/// Put pool 0 back as version 5 stored it, with some of everything in it, and the pallet at
/// version 5; returns the pool as version 6 had it.
fn store_pool_as_v5() -> PoolOf<Test> {
	stake(ALICE, 1_000_000);
	let cover_id = buy(BOB, 0, 100_000, 100);
	claim(BOB, cover_id, 1_500);
	let pool = pool(0);
	v5::Pools::<Test>::insert(0, Inner::to_v5(pool.clone()));
	StorageVersion::new(5).put::<MutualPool>();
	pool
}

/// The provider references of pool 0's account.
fn providers() -> u32 {
	System::providers(&pool_account())
}

#[test]
fn genesis_is_at_the_in_code_version() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(MutualPool::on_chain_storage_version(), 6);
		assert_eq!(MutualPool::in_code_storage_version(), 6);
	});
}

#[test]
fn a_version_5_pool_becomes_a_native_pool_with_the_runtimes_minimums() {
	// Version 5 had native pools only.
	ExtBuilder::default().native_only().build_and_execute(|| {
		let before = store_pool_as_v5();
		let references = providers();
		Migration::on_runtime_upgrade();
		assert_eq!(MutualPool::on_chain_storage_version(), 6);
		let after = pool(0);
		assert_eq!(after.params.asset, NativeOrWithId::Native);
		assert_eq!(after.params.min_cover, 25);
		assert_eq!(after.params.claim_deposit_rate, FixedU128::from_rational(2, 1_000));
		// Everything else as it was.
		let mut expected = before;
		expected.params.min_cover = 25;
		expected.params.claim_deposit_rate = FixedU128::from_rational(2, 1_000);
		assert_eq!(after, expected);
		assert_eq!(providers(), references + 1);
		// And the pool works under version 6: a claim's deposit follows its new rate.
		let cover_id = buy(CHARLIE, 0, 10_000, 100);
		assert_ok!(MutualPool::submit_claim(signed(CHARLIE), cover_id, 5_000, evidence()));
		assert_eq!(claim_deposit_held(CHARLIE), DEPOSIT + 10);
	});
}

#[test]
fn a_chain_at_another_version_is_left_alone() {
	ExtBuilder::default().native_only().build_and_execute(|| {
		stake(ALICE, 1_000_000);
		let storage = storage_root();
		Migration::on_runtime_upgrade();
		assert_eq!(storage_root(), storage);
		assert_eq!(MutualPool::on_chain_storage_version(), 6);
		// Run twice on version 5, it migrates once.
		store_pool_as_v5();
		Migration::on_runtime_upgrade();
		let once = (pool(0), providers());
		Migration::on_runtime_upgrade();
		assert_eq!((pool(0), providers()), once);
	});
}

#[cfg(feature = "try-runtime")]
mod try_runtime {
	use super::*;
	use frame_support::traits::UncheckedOnRuntimeUpgrade;
	use sp_runtime::TryRuntimeError;

	#[test]
	fn pre_and_post_upgrade_pass_on_a_version_5_chain_and_notice_a_changed_pool() {
		ExtBuilder::default().native_only().build_and_execute(|| {
			store_pool_as_v5();
			assert_eq!(Migration::try_on_runtime_upgrade(true).map(|_| ()), Ok(()));
			let migrated = pool(0);

			v5::Pools::<Test>::insert(0, Inner::to_v5(migrated.clone()));
			let state = Inner::pre_upgrade().unwrap();
			Inner::on_runtime_upgrade();
			Pools::<Test>::mutate(0, |p| p.as_mut().unwrap().capital += 1);
			assert_eq!(
				Inner::post_upgrade(state.clone()),
				Err(TryRuntimeError::Other("a pool changed beyond its parameters"))
			);
			Pools::<Test>::insert(0, migrated);
			System::dec_providers(&pool_account()).unwrap();
			assert_eq!(
				Inner::post_upgrade(state),
				Err(TryRuntimeError::Other("a pool account did not get its provider reference"))
			);
			System::inc_providers(&pool_account());
		});
	}

	#[test]
	fn pre_upgrade_refuses_a_pool_that_does_not_decode() {
		ExtBuilder::default().native_only().build_and_execute(|| {
			let pool = store_pool_as_v5();
			sp_io::storage::set(&Pools::<Test>::hashed_key_for(0), &[1, 2, 3]);
			assert_eq!(
				Inner::pre_upgrade(),
				Err(TryRuntimeError::Other("a version 5 pool does not decode"))
			);
			Pools::<Test>::insert(0, pool);
			StorageVersion::new(6).put::<MutualPool>();
		});
	}
}

/// `Pool` became generic over the runtime (issue 23) with its storage layout unchanged: its
/// encoding is its fields', in the order of version 6, and decodes back to the same pool. A
/// reordered or retyped field fails here before it reaches a chain's storage.
#[test]
fn a_pool_is_stored_as_its_fields_in_the_order_of_version_6() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 1_000_000);
		let cover_id = buy(BOB, 0, 100_000, 100);
		run_to_block(50);
		assert_ok!(MutualPool::request_unstake(signed(ALICE), 0, 1_000));
		// A payout after the request lowers both classes' capital, not their shares.
		let claim_id = claim(BOB, cover_id, 1_500);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 1_500));
		claim(BOB, cover_id, 500);
		let p = pool(0);
		// Distinct values, so that two fields of one type swapped would show.
		assert_ne!(p.capital, p.total_shares);
		assert_ne!(p.unbonding_capital, p.unbonding_shares);
		let fields = (
			(
				&p.params,
				p.capital,
				p.total_shares,
				p.unbonding_capital,
				p.unbonding_shares,
				p.active_cover,
				p.pending_claims,
				p.expired_through,
				p.fees_owed,
				&p.payouts,
			),
			(
				&p.earnings,
				&p.products,
				p.frozen_until,
				p.depleted,
				p.era,
				p.unbonding_era,
				&p.warming,
				&p.holding,
				&p.incidents,
			),
		);
		assert_eq!(p.encode(), fields.encode());
		let stored = Pools::<Test>::hashed_key_for(0);
		let raw = frame_support::storage::unhashed::get_raw(&stored).expect("pool 0 is stored");
		assert_eq!(raw, fields.encode());
		assert_eq!(<PoolOf<Test> as codec::Decode>::decode(&mut &raw[..]).unwrap(), p);
	});
}
