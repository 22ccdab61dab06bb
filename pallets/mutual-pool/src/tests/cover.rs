//! Tests of cover and pricing: the rules of SPEC section 4 "Cover and pricing", and cover
//! transfer.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_arithmetic::{FixedPointNumber, FixedU128, Perbill};
use sp_runtime::DispatchError;

/// Replace product `id`'s parameters through governance.
fn set_product(id: ProductId, params: ProductParamsOf<Test>) {
	assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), id, params));
}

/// The pool's capacity as the runtime API reports it.
fn capacity() -> Balance {
	MutualPool::pool_status(0).unwrap().capacity
}

#[test]
fn period_must_lie_within_min_and_max_period() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// Product 0 sells periods 10 ..= YEAR.
		for period in [0, 9, YEAR + 1, u64::MAX] {
			assert_noop!(
				MutualPool::buy_cover(signed(CHARLIE), 0, 1_000, period, Balance::MAX),
				Error::<Test>::PeriodOutOfRange
			);
			assert_eq!(
				MutualPool::quote(0, 1_000, period),
				Err(Error::<Test>::PeriodOutOfRange.into())
			);
		}
		// Both ends of the range are inside it.
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 1_000, 10, Balance::MAX));
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 1_000, YEAR, Balance::MAX));

		// The range is the product's own: narrowing it makes 10 and YEAR fail.
		let mut params = product_params(2, 50);
		params.min_period = 100;
		params.max_period = 1_000;
		set_product(0, params);
		for period in [99, 1_001] {
			assert_noop!(
				MutualPool::buy_cover(signed(CHARLIE), 0, 1_000, period, Balance::MAX),
				Error::<Test>::PeriodOutOfRange
			);
		}
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 1_000, 100, Balance::MAX));
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 1_000, 1_000, Balance::MAX));
		assert_eq!(NextCoverId::<Test>::get(), 4);
	});
}

#[test]
fn disabled_product_sells_no_cover() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		let mut params = product_params(2, 50);
		params.enabled = false;
		set_product(0, params);
		assert_eq!(events().last(), Some(&Event::ProductUpdated { product_id: 0 }));

		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 0, 1_000, YEAR, Balance::MAX),
			Error::<Test>::ProductDisabled
		);
		assert_eq!(MutualPool::quote(0, 1_000, YEAR), Err(Error::<Test>::ProductDisabled.into()));
		// The other product of the same pool still sells.
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 1, 1_000, YEAR, Balance::MAX));

		// Enabled again, it sells again.
		set_product(0, product_params(2, 50));
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 1_000, YEAR, Balance::MAX));
		assert_eq!(Covers::<Test>::get(1).unwrap().product_id, 0);
	});
}

#[test]
fn unknown_product_fails_with_product_not_found() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 2, 1_000, YEAR, Balance::MAX),
			Error::<Test>::ProductNotFound
		);
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), ProductId::MAX, 1_000, YEAR, Balance::MAX),
			Error::<Test>::ProductNotFound
		);
		assert_eq!(MutualPool::quote(2, 1_000, YEAR), Err(Error::<Test>::ProductNotFound.into()));
	});
}

#[test]
fn zero_amount_fails() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 0, 0, YEAR, Balance::MAX),
			Error::<Test>::ZeroAmount
		);
		assert_eq!(MutualPool::quote(0, 0, YEAR), Err(Error::<Test>::ZeroAmount.into()));
	});
}

#[test]
fn pool_without_capital_has_no_capacity() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(capacity(), 0);
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 0, 1, YEAR, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
	});
}

#[test]
fn product_cannot_exceed_its_max_capacity_share() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// Capacity 2_000_000; product 0 may use 50% of it, product 1 30%.
		assert_eq!(capacity(), 2 * MILLION);
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 0, MILLION + 1, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 1, 600_001, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		// Exactly up to the limit works. Integral of the rate over [0, 1_000_000] of
		// 2_000_000: 2% * 1e6 + 5% * 1e6² / 4e6 = 32_500 a year; charged for the 10 blocks of
		// the period, the 100 of the claim window and one bucket of 10, that is
		// ceil(32_500 * 120 / YEAR) = 1, all of it net of the (rounded down) 10% fee.
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, MILLION, 10, Balance::MAX));
		assert_eq!(last_premium(), 1);
		assert_eq!(book(0).active_cover, MILLION);
		// The net premium is not capital yet (it is earned over the cover's life), so it raises
		// no capacity: product 0 is full, not even one more unit fits.
		assert_eq!(pool(0).capital, MILLION);
		assert_eq!(pool(0).earnings.unearned, 1);
		assert_eq!(capacity(), 2 * MILLION);
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 0, 1, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);

		// Product 1 has its own limit, 30% of capacity: 600_000, and it is still free.
		assert_noop!(
			MutualPool::buy_cover(signed(DAVE), 1, 600_001, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		assert_ok!(MutualPool::buy_cover(signed(DAVE), 1, 600_000, 10, Balance::MAX));
		assert_eq!(book(1).active_cover, 600_000);
		assert_eq!(pool(0).active_cover, MILLION + 600_000);
	});
}

#[test]
fn pool_cannot_exceed_capital_times_capacity_factor() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		let full = create_full_capacity_product();
		// A product allowed 100% of capacity is held back by the pool's capacity only.
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), full, 2 * MILLION + 1, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		// Integral over [0, 2e6] of 2e6 with the kink at 1.6e6:
		// 2% * 2e6 + 5% * (1.6e6² / 4e6 + 1.6e6 * 0.4e6 / 2e6) + 50% * 0.4e6² / 4e6
		// = 40_000 + 48_000 + 20_000 = 108_000 a year; charged for the 10 blocks of the
		// period, the 100 of the claim window and one bucket of 10, the premium is
		// ceil(108_000 * 120 / YEAR) = 3, all of it net (the 10% fee rounds down to 0).
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), full, 2 * MILLION, 10, Balance::MAX));
		assert_eq!(last_premium(), 3);
		assert_eq!(pool(0).active_cover, 2 * MILLION);
		// The premium is unearned, not capital: capacity is still 2 * 1_000_000, all of it sold.
		assert_eq!(pool(0).earnings.unearned, 3);
		assert_eq!(capacity(), 2 * MILLION);
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), full, 1, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		// No other product can sell beyond the pool's capacity either, though each is far
		// below its own share.
		for product in [0, 1] {
			assert_noop!(
				MutualPool::buy_cover(signed(DAVE), product, 1, 10, Balance::MAX),
				Error::<Test>::InsufficientCapacity
			);
		}
	});
}

#[test]
fn pool_capacity_binds_across_products() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		let full = create_full_capacity_product();
		// Product 0 fills its 50%, product 1 its 30%; their premiums are unearned, not capital,
		// so capacity stays 2_000_000.
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, MILLION, 10, Balance::MAX));
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 1, 600_000, 10, Balance::MAX));
		assert_eq!(pool(0).active_cover, 1_600_000);
		assert!(pool(0).earnings.unearned > 0);
		// What is left for the pool, while product 2 alone could hold all of it.
		let left = capacity() - 1_600_000;
		assert_eq!(left, 400_000);
		assert_noop!(
			MutualPool::buy_cover(signed(DAVE), full, left + 1, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		assert_ok!(MutualPool::buy_cover(signed(DAVE), full, left, 10, Balance::MAX));
		assert_eq!(pool(0).active_cover, 1_600_000 + left);
		assert_eq!(book(full).active_cover, left);
	});
}

#[test]
fn premium_above_max_premium_fails() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// 100_000 of a 2_000_000 capacity for a year:
		// 2% * 100_000 + 5% * ceil(100_000² / 4_000_000) = 2_000 + ceil(5% * 2_500) = 2_125 a
		// year, charged for the year, the claim window (100) and one bucket (10):
		// ceil(2_125 * (YEAR + 110) / YEAR) = 2_126.
		let quote = MutualPool::quote(0, 100_000, YEAR).unwrap();
		assert_eq!(quote, 2_126);
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 0, 100_000, YEAR, quote - 1),
			Error::<Test>::PremiumTooHigh
		);
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 0, 100_000, YEAR, 0),
			Error::<Test>::PremiumTooHigh
		);
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 100_000, YEAR, quote));
		assert_eq!(last_premium(), quote);
	});
}

#[test]
fn premium_charged_equals_quote() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// Several purchases at rising utilization, across both products and periods: each one
		// pays what `quote` said just before.
		let mut quotes = vec![];
		for (who, product, amount, period) in [
			(CHARLIE, 0, 100_000, YEAR),
			(DAVE, 1, 250_000, YEAR / 2),
			(CHARLIE, 0, 700_000, 1_000),
			(EVE, 1, 300_000, YEAR),
		] {
			let quote = MutualPool::quote(product, amount, period).unwrap();
			let before = free(who);
			assert_ok!(MutualPool::buy_cover(signed(who), product, amount, period, quote));
			assert_eq!(before - free(who), quote);
			assert_eq!(last_premium(), quote);
			quotes.push(quote);
		}
		// The first one, worked out by hand (see `premium_above_max_premium_fails`).
		assert_eq!(quotes[0], 2_126);
		assert!(quotes.iter().all(|q| *q > 0));
	});
}

#[test]
fn fee_is_owed_to_treasury_and_net_premium_is_earned_into_capital() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		let account = MutualPool::pool_account(0);
		// Bob's stake plus the pool account's existential deposit.
		assert_eq!(free(account), MILLION + ED);
		assert_eq!(free(TREASURY), in_pool(ED));
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 100_000, YEAR, 2_126));
		// 10% of 2_126 is 212.6, rounded down to 212 in favour of the pool. The whole premium
		// is in the pool account; the fee is owed and the net 1_914 unearned: neither is
		// capital yet.
		assert_eq!(free(CHARLIE), ENDOWMENT - 2_126);
		assert_eq!(free(TREASURY), in_pool(ED));
		assert_eq!(pool(0).capital, MILLION);
		assert_eq!(pool(0).earnings.unearned, 1_914);
		assert_eq!(pool(0).fees_owed, 212);
		assert_eq!(free(account), MILLION + ED + 2_126);
		// Neither raises capacity.
		assert_eq!(capacity(), 2 * MILLION);

		// With a 0% fee the whole premium is unearned; with 100% the whole premium is owed.
		let mut params = pool_params();
		params.fee = Perbill::zero();
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params.clone()));
		// 100_000 more at 100_000 to 200_000 of 2_000_000: 2% * 1e5 + 5% * (2e5² - 1e5²) / 4e6
		// = 2_375 a year, ceil(2_375 * (YEAR + 110) / YEAR) = 2_376.
		let quote = MutualPool::quote(0, 100_000, YEAR).unwrap();
		assert_eq!(quote, 2_376);
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 100_000, YEAR, quote));
		assert_eq!(pool(0).fees_owed, 212);
		assert_eq!(pool(0).earnings.unearned, 1_914 + quote);
		params.fee = Perbill::one();
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params));
		let quote2 = MutualPool::quote(0, 100_000, YEAR).unwrap();
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 100_000, YEAR, quote2));
		assert_eq!(pool(0).fees_owed, 212 + quote2);
		assert_eq!(pool(0).earnings.unearned, 1_914 + quote);
		assert_eq!(pool(0).capital, MILLION);
		assert_eq!(free(account), MILLION + ED + 2_126 + quote + quote2);

		// Anyone pays the fees to the treasury, exactly what is owed, once.
		assert_ok!(MutualPool::pay_fees(signed(EVE), 0));
		assert_eq!(free(TREASURY), in_pool(ED) + 212 + quote2);
		assert_eq!(pool(0).fees_owed, 0);
		assert_eq!(pool(0).earnings.unearned, 1_914 + quote);
		assert_eq!(free(account), MILLION + ED + 1_914 + quote);
		assert_eq!(events().last(), Some(&Event::FeesPaid { pool_id: 0, amount: 212 + quote2 }));
		assert_noop!(MutualPool::pay_fees(signed(EVE), 0), Error::<Test>::NoFeesOwed);

		// The net premiums join the capital as they are earned, the fees never do. Both covers
		// hold capacity from block 1 until their expiry bucket ends: claims until
		// 1 + YEAR + 100 = 5_256_101, bucket 525_611, which ends at block 5_256_110. So 10_000
		// blocks earn floor((1_914 + 2_376) * 10_000 / 5_256_109) = floor(8.16) = 8.
		run_to_block(10_001);
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!(status.capital, MILLION + 8);
		assert_eq!(status.unearned_premiums, 1_914 + quote - 8);
		assert_eq!(status.capacity, 2 * (MILLION + 8));
		// Earning moves nothing out of the pool account.
		assert_eq!(free(account), MILLION + ED + 1_914 + quote);
		assert_eq!(pool(0).fees_owed, 0);
	});
}

#[test]
fn pay_fees_rejects_bad_input() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		assert_noop!(MutualPool::pay_fees(signed(EVE), 7), Error::<Test>::PoolNotFound);
		assert_noop!(MutualPool::pay_fees(signed(EVE), 0), Error::<Test>::NoFeesOwed);
		assert_noop!(MutualPool::pay_fees(RuntimeOrigin::root(), 0), DispatchError::BadOrigin);
		assert_noop!(MutualPool::pay_fees(RuntimeOrigin::none(), 0), DispatchError::BadOrigin);
	});
}

#[test]
fn owed_fees_and_unearned_premiums_are_never_paid_out_or_withdrawn() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		let mut params = pool_params();
		params.fee = Perbill::from_percent(50);
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params));
		// 500_000 of 2_000_000 for a year: 2% * 5e5 + 5% * 5e5² / 4e6 = 13_125 a year,
		// ceil(13_125 * (YEAR + 110) / YEAR) = 13_126, half of it owed (6_563, rounded down)
		// and the other half unearned.
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 500_000, YEAR, Balance::MAX));
		assert_eq!(last_premium(), 13_126);
		let owed = pool(0).fees_owed;
		assert_eq!(owed, 6_563);
		assert_eq!(pool(0).earnings.unearned, 6_563);
		// A claim of the whole cover takes capital only: the owed fees and the unearned premium
		// stay.
		assert_ok!(MutualPool::submit_claim(signed(CHARLIE), 0, 500_000, evidence()));
		assert_ok!(MutualPool::approve_claim(RuntimeOrigin::root(), 0, 500_000));
		assert_eq!(pool(0).capital, MILLION - 500_000);
		assert_eq!(pool(0).fees_owed, owed);
		assert_eq!(pool(0).earnings.unearned, 6_563);
		// Bob leaves with all capital; the owed fees, the unearned premium and the existential
		// deposit remain. (The 29 blocks until the withdrawal earned
		// floor(29 * 6_563 / (5_256_110 - 1)) = 0 of the premium.)
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, MILLION));
		run_to_block(30);
		let before = free(BOB);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_eq!(free(BOB), before + 500_000);
		assert_eq!(pool(0).capital, 0);
		assert_eq!(pool(0).earnings.unearned, 6_563);
		assert_eq!(free(MutualPool::pool_account(0)), owed + 6_563 + ED);
		assert_ok!(MutualPool::pay_fees(signed(EVE), 0));
		assert_eq!(free(MutualPool::pool_account(0)), 6_563 + ED);
		assert_eq!(free(TREASURY), in_pool(ED) + owed);
	});
}

#[test]
fn cover_starts_after_activation_delay_and_ends_after_period() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// No delay: the cover starts at once.
		run_to_block(7);
		let quote = MutualPool::quote(0, 1_000, 50).unwrap();
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 1_000, 50, quote));
		assert_eq!(
			events().last(),
			Some(&Event::CoverBought {
				cover_id: 0,
				product_id: 0,
				owner: CHARLIE,
				amount: 1_000,
				premium: quote,
				start: 7,
				end: 57,
			})
		);

		// A delay of 25 blocks.
		let mut params = product_params(5, 30);
		params.activation_delay = 25;
		set_product(1, params);
		run_to_block(40);
		let quote = MutualPool::quote(1, 5_000, 300).unwrap();
		assert_ok!(MutualPool::buy_cover(signed(DAVE), 1, 5_000, 300, quote));
		assert_eq!(
			events().last(),
			Some(&Event::CoverBought {
				cover_id: 1,
				product_id: 1,
				owner: DAVE,
				amount: 5_000,
				premium: quote,
				start: 65,
				end: 365,
			})
		);
		assert_eq!(
			Covers::<Test>::get(1),
			Some(Cover {
				product_id: 1,
				owner: DAVE,
				amount: 5_000,
				remaining: 5_000,
				start: 65,
				end: 365,
				claim_until: 465,
				pending_claim: None,
			})
		);
		// Before its start the cover cannot be claimed on.
		run_to_block(64);
		assert_noop!(
			MutualPool::submit_claim(signed(DAVE), 1, 1_000, evidence()),
			Error::<Test>::OutsideClaimWindow
		);
		run_to_block(65);
		assert_ok!(MutualPool::submit_claim(signed(DAVE), 1, 1_000, evidence()));
	});
}

/// What Charlie pays in all for 180_000_000_000 of cover on a full-capacity product for a day,
/// bought in `slices` equal slices, with the pool's `fee`; and the pool at the end.
fn sliced_premium(slices: u32, fee: Perbill) -> (Balance, PoolOf<Test>) {
	const AMOUNT: Balance = 180_000_000_000;
	const DAY: u64 = 14_400;
	// Each kind of pool gives the same (the second run's is kept).
	let result = core::cell::RefCell::new(None);
	ExtBuilder::default().stake(0, BOB, 100_000_000_000).build_and_execute(|| {
		let full = create_full_capacity_product();
		let mut params = pool_params();
		params.fee = fee;
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params));
		let slice = AMOUNT / slices as Balance;
		let mut total = 0;
		for _ in 0..slices {
			assert_ok!(MutualPool::buy_cover(signed(CHARLIE), full, slice, DAY, Balance::MAX));
			total += last_premium();
		}
		assert_eq!(pool(0).active_cover, AMOUNT);
		assert_eq!(free(CHARLIE), ENDOWMENT - total);
		*result.borrow_mut() = Some((total, pool(0)));
	});
	result.into_inner().expect("the test ran")
}

#[test]
fn ten_slices_cost_the_same_as_one_purchase() {
	const STAKED: Balance = 100_000_000_000;
	// One purchase moves utilization from 0 to 90% of a 2e11 capacity, across the kink:
	// 2% * 1.8e11 + 5% * (1.6e11² / 4e11 + 1.6e11 * 0.2e11 / 2e11) + 50% * 0.2e11² / 4e11
	// = 8.1e9 a year, ceil(8.1e9 * 14_510 / YEAR) = 22_361_302 for a day, its claim window
	// (100 blocks) and one bucket (10). Its net premium is unearned: the capital stays what was
	// staked.
	let (whole, pool) = sliced_premium(1, Perbill::from_percent(10));
	assert_eq!(whole, 22_361_302);
	assert_eq!(pool.capital, STAKED);
	assert_eq!(pool.fees_owed, whole / 10);
	assert_eq!(pool.earnings.unearned, whole - whole / 10);

	// No premium joins the capital at purchase, so capital and capacity stay the same between
	// slices, and the slices integrate the same curve over the same interval: only rounding
	// differs. Each slice's integral is rounded up by a few units (< 6), which over a day is
	// < 0.02 of a unit of premium, plus < 1 unit for rounding the premium itself up; the whole
	// purchase is rounded up too. So ten slices cost between `whole - 1` and `whole + 10`.
	let (sliced, pool) = sliced_premium(10, Perbill::from_percent(10));
	assert!(
		sliced + 1 >= whole && sliced <= whole + 10,
		"ten slices {sliced} vs one purchase {whole}"
	);
	assert_eq!(pool.capital, STAKED);

	// Nor does the fee change the price of a slice (when net premiums joined the capital at
	// purchase, the smaller the fee, the cheaper the later slices): with the whole premium
	// owed to the treasury, ten slices cost exactly the same, and one purchase too.
	let (whole_all_fee, _) = sliced_premium(1, Perbill::one());
	let (sliced_all_fee, pool) = sliced_premium(10, Perbill::one());
	assert_eq!(whole_all_fee, whole);
	assert_eq!(sliced_all_fee, sliced);
	assert_eq!(pool.capital, STAKED);
	assert_eq!(pool.earnings.unearned, 0);
}

#[test]
fn quotes_rise_with_the_pools_utilization() {
	// A large pool and one-day covers. Their premiums are unearned, not capital, so utilization
	// is exactly what the purchases make it.
	ExtBuilder::default().stake(0, BOB, 100_000_000_000).build_and_execute(|| {
		const SLICE: Balance = 18_000_000_000;
		const DAY: u64 = 14_400;
		let full = create_full_capacity_product();
		// Buy ten slices of 9% of the 2e11 capacity each, up to 90%.
		let mut quotes = vec![];
		for _ in 0..10 {
			let quote = MutualPool::quote(full, SLICE, DAY).unwrap();
			assert_ok!(MutualPool::buy_cover(signed(CHARLIE), full, SLICE, DAY, quote));
			quotes.push(quote);
		}
		// The first slice, 0 to 9% of 2e11: 2% * 1.8e10 + 5% * 1.8e10² / 4e11 = 4.005e8 a
		// year, ceil(4.005e8 * 14_510 / YEAR) = 1_105_643 for a day, its claim window and one
		// bucket.
		assert_eq!(quotes[0], 1_105_643);
		for pair in quotes.windows(2) {
			assert!(pair[1] > pair[0], "premium did not rise: {quotes:?}");
		}
		// Below the kink the rate climbs by slope1 (5%) per unit of utilization, above it by
		// slope2 (50%). The second slice's average rate (midpoint 13.5%) is above the first's
		// (4.5%) by 5% * 9% = 0.45%; the last slice (81% to 90%, midpoint 85.5%) is above the
		// one before (72% to 81%, midpoint 76.5%, mostly below the kink) by about
		// 8.75% - 5.83% = 2.93%, six and a half times as much.
		let early_step = quotes[1] - quotes[0];
		let late_step = quotes[9] - quotes[8];
		assert!(late_step > 6 * early_step, "steps {early_step} and {late_step}: {quotes:?}");
		// From kink onwards each further slice costs more still: the steps grow.
		assert!(quotes[9] - quotes[8] > quotes[8] - quotes[7]);

		// A small purchase is charged the curve's rate at the current utilization u, exactly
		// 90%: 2% + 5% * min(u, 80%) + 50% * max(u - 80%, 0) = 11%, and a hair more since it
		// moves u up. Its integral over [1.8e11, 1.8e11 + 1e6] of 2e11 is 2% * 1e6 +
		// 5% * 1.6e11 * 1e6 / 2e11 + 50% * ceil(1e6 * ((2e10 + 1e6) + 2e10) / 4e11), that is
		// 20_000 + 40_000 + 50% * 100_003 (rounded up: 50_002) = 110_002 a year, charged for a
		// year and 110 blocks: ceil(110_002 * (YEAR + 110) / YEAR) = ceil(110_004.3) = 110_005.
		let u = MutualPool::pool_status(0).unwrap().utilization;
		assert_eq!(u, FixedU128::from_rational(9, 10));
		let curve = pricing::Curve {
			base_rate: Perbill::from_percent(2),
			kink: Perbill::from_percent(80),
			slope1: Perbill::from_percent(5),
			slope2: Perbill::from_percent(50),
		};
		let at_rate = curve.annual_rate(u).saturating_mul_int(1_000_000u128);
		let small = MutualPool::quote(full, 1_000_000, YEAR).unwrap();
		assert_eq!(at_rate, 110_000);
		assert!(small >= at_rate && small <= at_rate + 5, "{small} vs {at_rate}");
		assert_eq!(small, 110_005);
	});
}

#[test]
fn expired_cover_leaves_active_cover_and_frees_capacity() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// A cover of product 0's whole share from block 1 to 11, claims until 111: booked in
		// bucket 111 / BUCKET + 1 = 12, which rolls once now / BUCKET >= 12, at block 120.
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, MILLION, 10, Balance::MAX));
		assert_eq!(Covers::<Test>::get(0).unwrap().end, 11);
		assert_eq!(Covers::<Test>::get(0).unwrap().claim_until, 111);
		assert_eq!(Expiries::<Test>::get(ExpiryOwner::Pool(0), 12), MILLION);
		assert_eq!(Expiries::<Test>::get(ExpiryOwner::Product(0), 12), MILLION);
		// Its premium of 1 is earned from block 1 to the end of bucket 12, block 120, at
		// 1 / 119 a block (rounded down), and stops with the bucket's roll.
		assert_eq!(pool(0).capital, MILLION);
		assert_eq!(pool(0).earnings.unearned, 1);
		let rate = FixedU128::checked_from_rational(1u128, 119u128).unwrap(); // rounded down
		assert_eq!(EarningEnds::<Test>::get(0, 12), rate);
		assert_eq!(pool(0).earnings.rate, rate);

		// Past its end and its claim window, but its bucket is not due: still active, product 0
		// still full. (The 118 blocks since the purchase earned 118 / 119 of the premium: no
		// whole unit yet.)
		run_to_block(119);
		assert_eq!(MutualPool::pool_status(0).unwrap().active_cover, MILLION);
		assert_eq!(MutualPool::pool_status(0).unwrap().capital, MILLION);
		assert_noop!(
			MutualPool::buy_cover(signed(DAVE), 0, 1, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);

		// At block 120 the bucket is due, but `on_idle` of block 119 could not roll it, and a
		// purchase rolls nothing: until the bucket is rolled the cover still counts, and
		// product 0 is still full.
		run_to_block(120);
		assert_eq!(pool(0).expired_through, 11);
		assert_eq!(MutualPool::pool_status(0).unwrap().active_cover, MILLION);
		assert_noop!(
			MutualPool::buy_cover(signed(DAVE), 0, 1, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		// Rolling the pool's and the product's books frees the capacity.
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Product(0)));
		assert_eq!(pool(0).expired_through, 12);
		assert_eq!(book(0).expired_through, 12);
		assert!(!Expiries::<Test>::contains_key(ExpiryOwner::Pool(0), 12));
		assert!(!Expiries::<Test>::contains_key(ExpiryOwner::Product(0), 12));
		assert_eq!(MutualPool::pool_status(0).unwrap().active_cover, 0);
		// Its earning rate stopped with it, and with no rate left the premium's last unit (the
		// rate's rounding dust) was earned at once: the capital is 1_000_001.
		assert!(!EarningEnds::<Test>::contains_key(0, 12));
		assert_eq!(pool(0).earnings.rate, FixedU128::from_u32(0));
		assert_eq!(pool(0).earnings.unearned, 0);
		assert_eq!(pool(0).capital, MILLION + 1);
		// The whole share may be used again: 50% of 2 * 1_000_001.
		assert_ok!(MutualPool::buy_cover(signed(DAVE), 0, MILLION + 1, 10, Balance::MAX));
		assert_eq!(pool(0).active_cover, MILLION + 1);
		assert_eq!(book(0).active_cover, MILLION + 1);
		// The new cover ends at 130, its claims at 230, in bucket 24.
		assert_eq!(Expiries::<Test>::get(ExpiryOwner::Pool(0), 24), MILLION + 1);
	});
}

#[test]
fn buy_cover_rolls_no_expiry_and_prices_from_stored_active_cover() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// Cover of product 0 and cover of product 1, both ending at block 11 with claims until
		// 111: bucket 12, due at block 120.
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 0, 500_000, 10, Balance::MAX));
		assert_ok!(MutualPool::buy_cover(signed(DAVE), 1, 300_000, 10, Balance::MAX));
		assert_eq!(pool(0).active_cover, 800_000);

		// At block 120 both have ended and their bucket is due, but `on_idle` of block 119
		// rolled only up to bucket 11.
		run_to_block(120);
		assert_eq!(pool(0).expired_through, 11);
		let stale_quote = MutualPool::quote(0, 1_000, 10).unwrap();
		let stale_year = MutualPool::quote(0, 100_000, YEAR).unwrap();
		let declared = RuntimeCall::MutualPool(Call::buy_cover {
			product_id: 0,
			amount: 1_000,
			period: 10,
			max_premium: Balance::MAX,
		})
		.get_dispatch_info()
		.call_weight;
		// A purchase is charged one weight, with no component for expiry.
		assert_eq!(declared, <() as WeightInfo>::buy_cover());
		assert_ok!(MutualPool::buy_cover(signed(EVE), 0, 1_000, 10, Balance::MAX));
		// It rolled nothing and was priced from the stored active cover: the ended covers still
		// count.
		assert_eq!(last_premium(), stale_quote);
		assert_eq!(pool(0).expired_through, 11);
		assert_eq!(book(0).expired_through, 11);
		assert_eq!(pool(0).active_cover, 800_000 + 1_000);
		assert_eq!(book(1).active_cover, 300_000);

		// Once the pool's books are rolled, the ended covers leave and the same cover costs
		// less.
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		assert_eq!(pool(0).expired_through, 12);
		assert_eq!(pool(0).active_cover, 1_000);
		assert!(MutualPool::quote(0, 100_000, YEAR).unwrap() < stale_year);
		// Product 1's books are its own: still not rolled.
		assert_eq!(book(1).active_cover, 300_000);
	});
}

#[test]
fn transfer_cover_checks_owner_and_cover() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		let cover_id = buy(CHARLIE, 0, 100_000, YEAR);
		assert_noop!(
			MutualPool::transfer_cover(signed(DAVE), cover_id, DAVE),
			Error::<Test>::NotCoverOwner
		);
		assert_noop!(
			MutualPool::transfer_cover(signed(CHARLIE), cover_id + 1, DAVE),
			Error::<Test>::CoverNotFound
		);
		assert_noop!(
			MutualPool::transfer_cover(signed(CHARLIE), CoverId::MAX, DAVE),
			Error::<Test>::CoverNotFound
		);
	});
}

#[test]
fn transfer_cover_moves_ownership() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		let cover_id = buy(CHARLIE, 0, 100_000, YEAR);
		let before = Covers::<Test>::get(cover_id).unwrap();
		assert_ok!(MutualPool::transfer_cover(signed(CHARLIE), cover_id, DAVE));
		assert_eq!(
			events().last(),
			Some(&Event::CoverTransferred { cover_id, from: CHARLIE, to: DAVE })
		);
		// Only the owner changed.
		assert_eq!(Covers::<Test>::get(cover_id), Some(Cover { owner: DAVE, ..before }));
		// The former owner can neither transfer it again nor claim on it; the new owner can.
		assert_noop!(
			MutualPool::transfer_cover(signed(CHARLIE), cover_id, CHARLIE),
			Error::<Test>::NotCoverOwner
		);
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), cover_id, 1_000, evidence()),
			Error::<Test>::NotCoverOwner
		);
		assert_ok!(MutualPool::submit_claim(signed(DAVE), cover_id, 1_000, evidence()));
		// With a claim pending, it stays where it is.
		assert_noop!(
			MutualPool::transfer_cover(signed(DAVE), cover_id, EVE),
			Error::<Test>::ClaimAlreadyPending
		);
	});
}
