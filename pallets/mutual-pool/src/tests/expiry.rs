//! Tests of cover expiry beyond one call's bound: `roll_expiries` and `on_idle`.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{Get, Hooks},
	weights::Weight,
};

/// Pool 0 with 2_000_000 of capital and two covers of 100_000 ending at block 101, whose claim
/// windows close at block 201 (bucket 21).
fn claims_closing_at_block_201() {
	stake(BOB, 1_000_000);
	stake(DAVE, 1_000_000);
	buy(CHARLIE, 0, 100_000, 100);
	buy(CHARLIE, 1, 100_000, 100);
	assert_eq!(pool(0).active_cover, 200_000);
}

#[test]
fn roll_expiries_rolls_at_most_the_bound_and_reports_it() {
	ExtBuilder::default().build_and_execute(|| {
		claims_closing_at_block_201();
		run_to_block(400); // bucket 40 is due; the pool's cursor is at 0
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		assert_eq!(pool(0).expired_through, MAX_ROLL as u64);
		assert_eq!(pool(0).active_cover, 200_000);
		System::assert_last_event(
			Event::<Test>::ExpiriesRolled {
				owner: ExpiryOwner::Pool(0),
				through: MAX_ROLL as u64,
				expired: 0,
			}
			.into(),
		);
		// Two more calls reach bucket 24, past the covers' bucket 21.
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		assert_eq!(pool(0).expired_through, 3 * MAX_ROLL as u64);
		assert_eq!(pool(0).active_cover, 0);
		System::assert_last_event(
			Event::<Test>::ExpiriesRolled {
				owner: ExpiryOwner::Pool(0),
				through: 3 * MAX_ROLL as u64,
				expired: 200_000,
			}
			.into(),
		);
		// Products roll on their own.
		assert_eq!(Products::<Test>::get(0).unwrap().active_cover, 100_000);
		for _ in 0..3 {
			assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Product(0)));
		}
		assert_eq!(Products::<Test>::get(0).unwrap().active_cover, 0);
	});
}

#[test]
fn roll_expiries_rejects_bad_input() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(7)),
			Error::<Test>::PoolNotFound
		);
		assert_noop!(
			MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Product(7)),
			Error::<Test>::ProductNotFound
		);
		// Nothing is due in the first bucket.
		assert_noop!(
			MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)),
			Error::<Test>::NothingToRoll
		);
		assert_noop!(
			MutualPool::roll_expiries(RuntimeOrigin::none(), ExpiryOwner::Pool(0)),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_full_pool_idle_for_long_lets_stakers_leave_after_rolling() {
	ExtBuilder::default().build_and_execute(|| {
		// The pool is full: no purchase can succeed to roll its buckets.
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		buy(CHARLIE, 0, 2_000_000, 100);
		buy(CHARLIE, 1, 1_200_000, 100);
		assert_ok!(MutualPool::request_unstake(
			signed(BOB),
			0,
			Stakers::<Test>::get(BOB, 0).unwrap().shares
		));
		run_to_block(400);
		// One withdraw rolls only MAX_ROLL buckets, not enough, and keeps no progress.
		assert_noop!(
			MutualPool::withdraw(signed(BOB), 0, 0),
			Error::<Test>::InsufficientFreeCapital
		);
		for _ in 0..3 {
			assert_ok!(MutualPool::roll_expiries(signed(BOB), ExpiryOwner::Pool(0)));
		}
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
	});
}

#[test]
fn on_idle_rolls_pools_and_products_round_robin_within_the_weight_given() {
	ExtBuilder::default().build_and_execute(|| {
		claims_closing_at_block_201();
		run_to_block(400);
		let step = <() as WeightInfo>::roll_expiries(MAX_ROLL);
		let overhead = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads_writes(3, 1);
		// Too little weight: nothing happens.
		assert_eq!(
			MutualPool::on_idle(400, overhead + step - Weight::from_parts(1, 0)),
			Weight::zero()
		);
		assert_eq!(pool(0).expired_through, 0);
		// Weight for exactly two owners: pool 0, then product 0.
		let used = MutualPool::on_idle(400, overhead + step * 2);
		assert_eq!(used, overhead + step * 2);
		assert_eq!(pool(0).expired_through, MAX_ROLL as u64);
		assert_eq!(Products::<Test>::get(0).unwrap().expired_through, MAX_ROLL as u64);
		assert_eq!(Products::<Test>::get(1).unwrap().expired_through, 0);
		assert_eq!(NextIdleRoll::<Test>::get(), Some(ExpiryOwner::Product(1)));
		// Plenty of weight: every owner is visited once per block, and the next blocks finish.
		for _ in 0..3 {
			MutualPool::on_idle(400, Weight::MAX);
		}
		assert_eq!(pool(0).active_cover, 0);
		assert_eq!(Products::<Test>::get(0).unwrap().active_cover, 0);
		assert_eq!(Products::<Test>::get(1).unwrap().active_cover, 0);
		assert!(Expiries::<Test>::iter().next().is_none());
	});
}
