//! Tests of cover expiry beyond one call's bound: `roll_expiries` and `on_idle`.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{Get, Hooks},
	weights::Weight,
};
use sp_arithmetic::{FixedPointNumber, FixedU128};

/// Pool 0 with 2_000_000 of capital and two covers of 100_000 ending at block 101, whose claim
/// windows close at block 201 (bucket 21). Each pays a premium of 1, all of it net (the 10% fee
/// rounds down to 0): 2% * 1e5 + 5% * 1e5² / 8e6 = 2_062.5 a year and
/// 5% * 1e5 + 5% * (2e5² - 1e5²) / 8e6 = 5_187.5 a year, charged for 210 blocks, are each less
/// than 1, rounded up. Both are earned from block 1 until the end of bucket 21, block 210, at
/// 1 / 209 a block each (rounded down).
fn claims_closing_at_block_201() {
	stake(BOB, 1_000_000);
	stake(DAVE, 1_000_000);
	buy(CHARLIE, 0, 100_000, 100);
	buy(CHARLIE, 1, 100_000, 100);
	assert_eq!(pool(0).active_cover, 200_000);
	assert_eq!(pool(0).earnings.unearned, 2);
	let rate = FixedU128::checked_from_rational(1u128, 209u128).unwrap();
	assert_eq!(pool(0).earnings.rate, rate + rate);
	assert_eq!(EarningEnds::<Test>::get(0, 21), rate + rate);
}

#[test]
fn roll_expiries_rolls_at_most_the_bound_and_reports_it() {
	ExtBuilder::default().build_and_execute(|| {
		claims_closing_at_block_201();
		// The blocks up to 400 were full: `on_idle` rolled nothing. Bucket 40 is due; the
		// pool's cursor is at 0.
		jump_to_block(400);
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		assert_eq!(pool(0).expired_through, MAX_ROLL as u64);
		assert_eq!(pool(0).active_cover, 200_000);
		// Earnings accrued only to the end of the first bucket not rolled, bucket 9: block 90,
		// where 89 blocks at 2 / 209 a block earned no whole unit yet.
		assert_eq!(pool(0).earnings.accrued_through, 90);
		assert_eq!(pool(0).earnings.unearned, 2);
		assert_eq!(pool(0).capital, 2_000_000);
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
		// Rolling bucket 21 stopped the covers' earning rates: by its end, block 210, they had
		// earned 1 (209 blocks at twice 1 / 209 rounded down make a hair less than 2), and the
		// unit of rounding dust left was earned at once, with no rate left. Earnings accrued to
		// the end of the first bucket not rolled, bucket 25: block 250.
		assert!(!EarningEnds::<Test>::contains_key(0, 21));
		assert_eq!(pool(0).earnings.rate, FixedU128::from_u32(0));
		assert_eq!(pool(0).earnings.unearned, 0);
		assert_eq!(pool(0).earnings.accrued_through, 250);
		assert_eq!(pool(0).capital, 2_000_002);
		System::assert_last_event(
			Event::<Test>::ExpiriesRolled {
				owner: ExpiryOwner::Pool(0),
				through: 3 * MAX_ROLL as u64,
				expired: 200_000,
			}
			.into(),
		);
		// Products roll on their own.
		assert_eq!(book(0).active_cover, 100_000);
		for _ in 0..3 {
			assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Product(0)));
		}
		assert_eq!(book(0).active_cover, 0);
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
		open_product_shares();
		// The pool is full: product 0 holds its 50% of the capacity of 4_000_000, product 1 its
		// 30%, both with claims until block 201 (bucket 21). Their premiums, 3 and 4, all net
		// (the 10% fee rounds down to 0): 2% * 2e6 + 5% * 2e6² / 8e6 = 65_000 a year and
		// 5% * 1.2e6 + 5% * (3.2e6² - 2e6²) / 8e6 = 99_000 a year, charged for 210 blocks.
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		buy(CHARLIE, 0, 2_000_000, 100);
		buy(CHARLIE, 1, 1_200_000, 100);
		assert_eq!(pool(0).earnings.unearned, 3 + 4);
		let shares = Stakers::<Test>::get(BOB, 0).unwrap().shares;
		// The blocks up to 400 were full: `on_idle` rolled nothing, and the ended cover still
		// counts: Bob may not ask to leave.
		jump_to_block(400);
		assert_noop!(
			MutualPool::request_unstake(signed(BOB), 0, shares),
			Error::<Test>::InsufficientFreeCapital
		);
		// One roll rolls only MAX_ROLL buckets; three reach bucket 21.
		for _ in 0..3 {
			assert_ok!(MutualPool::roll_expiries(signed(BOB), ExpiryOwner::Pool(0)));
		}
		// The rolls earned the whole premium, for the bonded shares, Bob's and Dave's.
		assert_eq!(pool(0).earnings.unearned, 0);
		assert_eq!(pool(0).capital, 2_000_000 + 7);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, shares));
		assert_eq!(pool(0).unbonding_capital, 1_000_003);
		// The blocks up to 420 are full too: the withdrawal rolls what is due itself.
		jump_to_block(420);
		let before = free(BOB);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_eq!(free(BOB), before + 1_000_003);
		assert_eq!(Stakers::<Test>::get(BOB, 0), None);
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 1_000_004);
	});
}

#[test]
fn on_idle_rolls_pools_and_products_round_robin_within_the_weight_given() {
	ExtBuilder::default().build_and_execute(|| {
		claims_closing_at_block_201();
		// The blocks up to 400 were full: `on_idle` had no weight and rolled nothing.
		jump_to_block(400);
		assert_eq!(NextIdleRoll::<Test>::get(), None);
		// What `on_idle` charges per owner: the dearer of a pool's and a product's roll.
		let step = <() as WeightInfo>::roll_expiries(MAX_ROLL)
			.max(<() as WeightInfo>::roll_product_expiries(MAX_ROLL));
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
		assert_eq!(book(0).expired_through, MAX_ROLL as u64);
		assert_eq!(book(1).expired_through, 0);
		assert_eq!(NextIdleRoll::<Test>::get(), Some(ExpiryOwner::Product(1)));
		// Plenty of weight: every owner is visited once per block, and the next blocks finish.
		for _ in 0..3 {
			MutualPool::on_idle(400, Weight::MAX);
		}
		assert_eq!(pool(0).active_cover, 0);
		assert_eq!(book(0).active_cover, 0);
		assert_eq!(book(1).active_cover, 0);
		assert!(Expiries::<Test>::iter().next().is_none());
		// Rolling the pool's buckets stopped the covers' earning rates and earned their
		// premiums.
		assert!(EarningEnds::<Test>::iter().next().is_none());
		assert_eq!(pool(0).earnings.unearned, 0);
		assert_eq!(pool(0).capital, 2_000_002);
	});
}
