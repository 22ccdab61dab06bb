//! `do_try_state` detects corruption: each test corrupts storage directly and expects the
//! invariant it breaks; and the `try_state` hook runs it.

use crate::{mock::*, *};
use frame_support::traits::fungible::{Inspect, InspectHold, MutateHold};
use sp_arithmetic::{FixedPointNumber, FixedU128};

/// The demo pool of the mock.
const POOL: PoolId = 0;

/// Bob stakes 1_000_000, Charlie and Dave buy cover on both products (one cover expires and is
/// rolled, its earning rate stopped), Charlie files a claim and Dave unbonds: every kind of
/// record exists, and two earning rates run. Then `corrupt` runs, and `do_try_state` must fail
/// with `expected`.
fn detects(expected: &'static str, corrupt: impl FnOnce()) {
	ExtBuilder::default().stake(POOL, BOB, 1_000_000).build().execute_with(|| {
		stake(DAVE, 500_000);
		buy(CHARLIE, 0, 100_000, YEAR);
		// Claims on Dave's first cover close at 121 (bucket 13, due at 130).
		buy(DAVE, 1, 50_000, 20);
		assert!(EarningEnds::<Test>::contains_key(POOL, 13));
		// on_idle rolls the pool and the products in every block, through bucket 14 by block 141.
		run_to_block(141);
		assert_eq!(pool(POOL).expired_through, 14);
		assert_eq!(book(1).expired_through, 14);
		assert!(!EarningEnds::<Test>::contains_key(POOL, 13));
		buy(DAVE, 1, 10_000, YEAR);
		claim(CHARLIE, 0, 40_000);
		frame_support::assert_ok!(MutualPool::request_unstake(signed(DAVE), POOL, 1_000));
		assert_eq!(EarningEnds::<Test>::iter_prefix(POOL).count(), 2);
		assert!(pool(POOL).earnings.unearned > 0);
		assert!(pool(POOL).unbonding_capital > 0);
		assert_eq!(MutualPool::do_try_state(), Ok(()), "the setup is consistent");
		corrupt();
		assert_eq!(MutualPool::do_try_state(), Err(expected.into()));
	});
}

/// What the earning rates booked in `EarningEnds` will still earn in pool 0 until they stop:
/// for each bucket, its rate times the blocks from `accrued_through` to the bucket's end,
/// rounded down.
fn still_to_earn() -> Balance {
	let accrued_through = pool(POOL).earnings.accrued_through;
	EarningEnds::<Test>::iter_prefix(POOL)
		.map(|(bucket, rate)| {
			let blocks = bucket * BUCKET - accrued_through;
			rate.saturating_mul_int(Balance::from(blocks))
		})
		.sum()
}

fn mutate_pool(f: impl FnOnce(&mut PoolOf<Test>)) {
	Pools::<Test>::mutate(POOL, |pool| f(pool.as_mut().expect("pool 0 exists")));
}

#[test]
fn try_state_detects_capital_above_the_pool_account() {
	let short =
		"the pool account holds less than capital, owed fees and its asset's minimum balance";
	detects(short, || mutate_pool(|pool| pool.capital += 1));
	// The fees the pool owes must be in the pool account too: owing one more than the account
	// holds beside capital, unearned premiums and the deposit is caught.
	detects(short, || {
		let held = <Balances as Inspect<_>>::balance(&MutualPool::pool_account(POOL));
		mutate_pool(|pool| pool.fees_owed = held - pool.capital - pool.earnings.unearned - ED + 1)
	});
	// So must the unearned premiums, which are not capital.
	detects(short, || mutate_pool(|pool| pool.earnings.unearned += 1));
}

#[test]
fn try_state_detects_capital_without_a_pool_account() {
	detects("an empty pool account holds capital, owed fees or held withdrawals", || {
		let account = MutualPool::pool_account(POOL);
		let balance = <Balances as Inspect<_>>::balance(&account);
		// Take everything out of the pool account, as if it had been reaped.
		frame_system::Account::<Test>::remove(account);
		pallet_balances::TotalIssuance::<Test>::mutate(|issuance| *issuance -= balance);
	});
}

#[test]
fn try_state_detects_wrong_total_shares() {
	detects("total shares differ", || mutate_pool(|pool| pool.total_shares += 1));
	detects("total shares differ", || mutate_pool(|pool| pool.total_shares -= 1));
}

#[test]
fn try_state_detects_a_missing_staker() {
	detects("total shares differ", || Stakers::<Test>::remove(DAVE, POOL));
}

#[test]
fn try_state_detects_a_staker_without_shares() {
	detects("a staker record holds no shares", || {
		Stakers::<Test>::insert(EVE, POOL, StakerInfoOf::<Test>::default())
	});
	// A record of unbonding shares alone is fine: Dave unbonds all his bonded shares.
	detects("a staker record holds no shares", || {
		let dave = Stakers::<Test>::get(DAVE, POOL).expect("Dave stakes");
		frame_support::assert_ok!(MutualPool::request_unstake(signed(DAVE), POOL, dave.shares));
		assert_eq!(MutualPool::do_try_state(), Ok(()));
		Stakers::<Test>::insert(EVE, POOL, StakerInfoOf::<Test>::default())
	});
}

#[test]
fn try_state_detects_a_staker_of_an_era_to_come() {
	detects("a staker record of an era to come", || {
		Stakers::<Test>::mutate(DAVE, POOL, |staker| staker.as_mut().expect("Dave stakes").era = 1)
	});
	detects("a staker record of an era to come", || {
		Stakers::<Test>::mutate(DAVE, POOL, |staker| {
			staker.as_mut().expect("Dave stakes").unbonding_era = 1
		})
	});
}

#[test]
fn try_state_detects_wrong_unbonding_shares() {
	detects("unbonding shares differ", || mutate_pool(|pool| pool.unbonding_shares += 1));
	detects("unbonding shares differ", || mutate_pool(|pool| pool.unbonding_shares -= 1));
	detects("unbonding shares differ", || {
		Stakers::<Test>::mutate(DAVE, POOL, |staker| staker.as_mut().unwrap().unbonding += 1)
	});
	// Shares moved from unbonding to bonded (or back) without their capital are caught too.
	detects("total shares differ", || {
		Stakers::<Test>::mutate(DAVE, POOL, |staker| {
			let staker = staker.as_mut().unwrap();
			staker.unbonding -= 1;
			staker.shares += 1;
		})
	});
}

#[test]
fn try_state_detects_wrong_unbonding_capital() {
	// All of the capital may be unbonding, not more, and not all of it while bonded shares
	// exist.
	detects("unbonding capital above capital", || {
		mutate_pool(|pool| pool.unbonding_capital = pool.capital - 1);
		assert_eq!(MutualPool::do_try_state(), Ok(()));
		mutate_pool(|pool| pool.unbonding_capital = pool.capital + 1);
	});
	detects("bonded shares without bonded capital", || {
		mutate_pool(|pool| pool.unbonding_capital = pool.capital);
	});
	detects("unbonding shares without unbonding capital", || {
		mutate_pool(|pool| pool.unbonding_capital = 0);
	});
	detects("shares in a depleted pool", || mutate_pool(|pool| pool.depleted = true));
	detects("unbonding capital without unbonding shares", || {
		Stakers::<Test>::mutate(DAVE, POOL, |staker| staker.as_mut().unwrap().unbonding = 0);
		mutate_pool(|pool| pool.unbonding_shares = 0);
	});
}

#[test]
fn try_state_detects_a_wrong_earning_rate() {
	let differs = "the earning rate differs from the rates booked to stop";
	let tiny = FixedU128::from_inner(1);
	detects(differs, || mutate_pool(|pool| pool.earnings.rate = pool.earnings.rate + tiny));
	detects(differs, || mutate_pool(|pool| pool.earnings.rate = pool.earnings.rate - tiny));
	// A cover's rate that will never stop, or that stops with no cover.
	let charlie = MutualPool::expiry_bucket(1 + YEAR + 100);
	detects(differs, || EarningEnds::<Test>::remove(POOL, charlie));
	detects(differs, || EarningEnds::<Test>::mutate(POOL, charlie + 1, |rate| *rate = tiny));
	detects("the earning rate of a rolled bucket remains", || {
		let rolled = pool(POOL).expired_through;
		EarningEnds::<Test>::insert(POOL, rolled, tiny);
		mutate_pool(|pool| pool.earnings.rate = pool.earnings.rate + tiny);
	});
	detects("a zero earning rate is stored", || {
		EarningEnds::<Test>::insert(POOL, charlie + 1, FixedU128::from_u32(0))
	});
	detects("an earning rate of a missing pool", || EarningEnds::<Test>::insert(1, 20, tiny));
}

#[test]
fn try_state_detects_unearned_premiums_below_what_the_rates_still_earn() {
	let short = "the rates would earn more than the unearned premiums";
	detects(short, || {
		// Exactly what the rates will still earn is enough; one unit less is not.
		let owed = still_to_earn();
		assert!(owed > 0 && owed <= pool(POOL).earnings.unearned);
		mutate_pool(|pool| pool.earnings.unearned = owed);
		assert_eq!(MutualPool::do_try_state(), Ok(()));
		mutate_pool(|pool| pool.earnings.unearned = owed - 1);
	});
}

#[test]
fn try_state_detects_earnings_accrued_beyond_the_block_or_an_unrolled_bucket() {
	let beyond = "earnings accrued beyond the block or the first unrolled bucket";
	detects(beyond, || {
		mutate_pool(|pool| pool.earnings.accrued_through = System::block_number() + 1)
	});
	// Pool 0's first unrolled bucket, 15, ends at block 150: by block 200 (on_idle not having
	// run since block 141) it may accrue up to 150, and not one block further.
	detects(beyond, || {
		System::set_block_number(200);
		assert_eq!(pool(POOL).accrual_limit(), 150);
		mutate_pool(|pool| pool.earnings.accrued_through = 150);
		assert_eq!(MutualPool::do_try_state(), Ok(()));
		mutate_pool(|pool| pool.earnings.accrued_through = 151);
	});
}

#[test]
fn try_state_detects_wrong_active_cover() {
	detects("active cover differs", || mutate_pool(|pool| pool.active_cover += 1));
	detects("active cover differs", || mutate_pool(|pool| pool.active_cover -= 1));
	detects("a product's active cover differs", || {
		mutate_pool(|pool| pool.products[1].active_cover += 1)
	});
}

#[test]
fn try_state_detects_wrong_expiry_books() {
	// Charlie's cover: claims close at 1 + YEAR + 100.
	let bucket = MutualPool::expiry_bucket(1 + YEAR + 100);
	detects("expiry books differ from active cover", || {
		Expiries::<Test>::mutate(ExpiryOwner::Pool(POOL), bucket, |booked| *booked += 1)
	});
	detects("a product's expiry books differ", || {
		Expiries::<Test>::remove(ExpiryOwner::Product(0), bucket)
	});
	detects("a rolled pool bucket remains", || {
		let rolled = pool(POOL).expired_through;
		Expiries::<Test>::insert(ExpiryOwner::Pool(POOL), rolled, 1);
	});
}

#[test]
fn try_state_detects_a_cover_paid_beyond_its_amount() {
	detects("a cover has more left than it insured", || {
		Covers::<Test>::mutate(0, |cover| cover.as_mut().unwrap().remaining += 1)
	});
}

#[test]
fn try_state_detects_wrong_pending_claims() {
	detects("pending claims differ", || mutate_pool(|pool| pool.pending_claims -= 1));
	detects("a cover's pending claim is gone", || Claims::<Test>::remove(0));
	detects("a claim of no cover", || {
		Covers::<Test>::mutate(0, |cover| cover.as_mut().unwrap().pending_claim = None)
	});
}

#[test]
fn try_state_detects_a_released_deposit() {
	detects("held claim deposits differ from the pending claims' deposits", || {
		frame_support::assert_ok!(<Balances as MutateHold<_>>::release(
			&HoldReason::ClaimDeposit.into(),
			&CHARLIE,
			deposit(40_000),
			frame_support::traits::tokens::Precision::Exact,
		));
		assert_eq!(
			<Balances as InspectHold<_>>::balance_on_hold(
				&HoldReason::ClaimDeposit.into(),
				&CHARLIE
			),
			0
		);
	});
}

/// The `try_state` hook runs `do_try_state`: it passes on a consistent state and fails on the
/// same corruption.
#[cfg(feature = "try-runtime")]
#[test]
fn try_state_hook_runs_the_invariants() {
	use frame_support::traits::Hooks;
	detects("total shares differ", || {
		assert_eq!(<MutualPool as Hooks<u64>>::try_state(100), Ok(()));
		mutate_pool(|pool| pool.total_shares += 1);
		assert_eq!(<MutualPool as Hooks<u64>>::try_state(100), Err("total shares differ".into()));
	});
}
