//! Tests of the runtime API: `quote`, `pool_status`, `position` and `agenda`, against what the
//! calls do.

use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_arithmetic::{FixedPointNumber, FixedU128, Perbill};
use sp_runtime::DispatchError;

#[test]
fn runtime_api_answers_none_for_missing_pool_or_staker() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		assert_eq!(MutualPool::pool_status(1), None);
		assert_eq!(MutualPool::pool_status(PoolId::MAX), None);
		assert_eq!(MutualPool::position(1, &BOB), None);
		assert_eq!(MutualPool::position(0, &CHARLIE), None);
		assert!(MutualPool::position(0, &BOB).is_some());
		assert_eq!(
			MutualPool::quote(7, 1_000, YEAR),
			Err(DispatchError::from(Error::<Test>::ProductNotFound))
		);
	});
}

#[test]
fn runtime_api_of_an_empty_pool() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			MutualPool::pool_status(0),
			Some(PoolStatus {
				asset: PoolAsset::get(),
				capital: 0,
				total_shares: 0,
				share_price: FixedU128::from_u32(1),
				unearned_premiums: 0,
				active_cover: 0,
				capacity: 0,
				bonded_capacity: 0,
				utilization: FixedU128::from_u32(0),
				pending_claims: 0,
				solvency_ratio: None,
			})
		);
		assert_eq!(MutualPool::position(0, &BOB), None);
		assert_eq!(MutualPool::quote(0, 1, 10), Err(Error::<Test>::InsufficientCapacity.into()));
	});
}

#[test]
fn runtime_api_reports_pool_and_position_figures() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// Charlie pays 2_126 for 100_000 of cover (1_914 net), earned over the year to come.
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 100_000, YEAR, 2_126));
		// Nothing is earned yet: Dave stakes 500_000 at a price of 1.
		stake(DAVE, 500_000);
		assert_eq!(Stakers::<Test>::get(DAVE, 0).unwrap().shares, 500_000);
		let claim_id = claim(CHARLIE, 0, 40_000);
		assert_eq!(claim_id, 0);
		run_to_block(5);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 300_000));

		// Four blocks earned less than one unit of the 1_914 a year.
		let capital = MILLION + 500_000;
		let capacity = 2 * capital;
		let root = storage_root();
		assert_eq!(
			MutualPool::pool_status(0),
			Some(PoolStatus {
				asset: PoolAsset::get(),
				capital,
				total_shares: capital - 300_000,
				share_price: FixedU128::from_u32(1),
				unearned_premiums: 1_914,
				active_cover: 100_000,
				capacity,
				// Bob's 300_000 unbonding sells no cover.
				bonded_capacity: capacity - 600_000,
				// Pending claims take capacity as active cover does, priced on the bonded
				// capacity.
				utilization: FixedU128::checked_from_rational(140_000, capacity - 600_000).unwrap(),
				pending_claims: 40_000,
				solvency_ratio: FixedU128::checked_from_rational(capacity, 140_000),
			})
		);
		// In plain numbers: the pool can pay its cover and pending claims 21 times over.
		let solvency = MutualPool::pool_status(0).unwrap().solvency_ratio.unwrap();
		assert_eq!(solvency.into_inner() / FixedU128::DIV, 21);

		// Bob: 700_000 bonded shares and 300_000 unbonding until block 5 + 20.
		assert_eq!(
			MutualPool::position(0, &BOB),
			Some(Position {
				asset: PoolAsset::get(),
				shares: 700_000,
				value: MILLION,
				unbonding_shares: 300_000,
				unbonding_value: 300_000,
				unlock_at: Some(25),
			})
		);
		assert_eq!(
			MutualPool::position(0, &DAVE),
			Some(Position {
				asset: PoolAsset::get(),
				shares: 500_000,
				value: 500_000,
				unbonding_shares: 0,
				unbonding_value: 0,
				unlock_at: None
			})
		);
		// Reading figures wrote nothing.
		assert_eq!(storage_root(), root);

		// Earnings go to the bonded shares alone: at block 20_000 the cover has earned
		// floor(20_000 - 1 blocks * 1_914 / (5_256_110 - 1)) = 7 of its premium, Dave's 500_000
		// of the 1_200_000 bonded shares 5/12 of it, and Bob's unbonding shares nothing.
		run_to_block(20_000);
		assert_eq!(MutualPool::pool_status(0).unwrap().unearned_premiums, 1_914 - 7);
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 500_000 + 7 * 5 / 12);
		let bob = MutualPool::position(0, &BOB).unwrap();
		assert_eq!(bob.unbonding_value, 300_000);
		assert_eq!(bob.value, 300_000 + 700_000 + 7 * 7 / 12);
	});
}

#[test]
fn runtime_api_reads_stored_active_cover_like_buy_cover() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		let full = create_full_capacity_product();
		// 1_500_000 with claims until block 111 (bucket 12) and 100_000 with claims until block
		// 201 (bucket 21). Their premiums, all net (the 10% fee rounds down to 0):
		// 2% * 1.5e6 + 5% * 1.5e6² / 4e6 = 58_125 a year, ceil(58_125 * 120 / YEAR) = 2, and
		// 2% * 1e5 + 5% * (1.6e6² - 1.5e6²) / 4e6 = 5_875 a year, ceil(5_875 * 210 / YEAR) = 1.
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), full, 1_500_000, 10, Balance::MAX));
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 100_000, 100, Balance::MAX));
		let before = MutualPool::pool_status(0).unwrap();
		assert_eq!(before.capital, MILLION);
		assert_eq!(before.unearned_premiums, 3);
		assert_eq!(before.active_cover, 1_600_000);
		assert_eq!(
			before.utilization,
			FixedU128::checked_from_rational(1_600_000, 2 * MILLION).unwrap()
		);

		// Bucket 12 is due at block 120, but `on_idle` of block 119 rolled only up to bucket 11.
		// Until it is rolled, the API shows what `buy_cover` prices from: the stored active
		// cover, with the ended cover still in it, and the capital with the premiums earned
		// until now. From block 1 the premiums earn 2 / 119 and 1 / 209 a block, until the ends
		// of their buckets (blocks 120 and 210), so by block 120
		// floor(119 * (2 / 119 + 1 / 209)) = floor(2.57) = 2.
		run_to_block(120);
		assert_eq!(pool(0).expired_through, 11);
		let root = storage_root();
		let capital = MILLION + 2;
		let capacity = 2 * capital;
		assert_eq!(
			MutualPool::pool_status(0),
			Some(PoolStatus {
				asset: PoolAsset::get(),
				capital,
				total_shares: MILLION,
				share_price: FixedU128::checked_from_rational(capital, MILLION).unwrap(),
				unearned_premiums: 1,
				active_cover: 1_600_000,
				capacity,
				bonded_capacity: capacity,
				utilization: FixedU128::checked_from_rational(1_600_000, capacity).unwrap(),
				pending_claims: 0,
				solvency_ratio: FixedU128::checked_from_rational(capacity, 1_600_000),
			})
		);
		let busy_quote = MutualPool::quote(full, 100_000, YEAR).unwrap();
		assert_eq!(storage_root(), root);

		// Rolled, the 1_500_000 leaves the pool's and the product's active cover.
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Product(full)));
		let root = storage_root();
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!(status.active_cover, 100_000);
		assert_eq!(status.capacity, capacity);
		assert_eq!(
			status.utilization,
			FixedU128::checked_from_rational(100_000, capacity).unwrap()
		);
		assert_eq!(status.solvency_ratio, FixedU128::checked_from_rational(capacity, 100_000));
		// The quote is priced from the lower utilization, 5% instead of 80%.
		let quote = MutualPool::quote(full, 100_000, YEAR).unwrap();
		assert!(quote < busy_quote, "{quote} >= {busy_quote}");
		// And product 0's share is free again: 50% of capacity less its 100_000.
		let free_share = Perbill::from_percent(50).mul_floor(capacity) - 100_000;
		assert!(MutualPool::quote(0, free_share, 10).is_ok());
		assert_eq!(
			MutualPool::quote(0, free_share + 1, 10),
			Err(Error::<Test>::InsufficientCapacity.into())
		);
		assert!(MutualPool::position(0, &BOB).is_some());
		// Reading figures wrote nothing.
		assert_eq!(storage_root(), root);

		// Buying charges exactly what the quote said.
		assert_ok!(MutualPool::buy_cover(signed(DAVE), full, 100_000, YEAR, quote));
		assert_eq!(last_premium(), quote);
		assert_eq!(pool(0).active_cover, 200_000);
	});
}
