//! Tests of staking: stake, request_unstake, withdraw, and the governance calls that create and
//! update pools and products.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::DispatchError;

/// Assert that `event` is the last event deposited.
fn assert_last(event: Event<Test>) {
	System::assert_last_event(event.into());
}

/// The account of pool 0.
fn pool_account() -> AccountId {
	MutualPool::pool_account(0)
}

/// The staker record of `who` in pool 0, which must exist.
fn staker(who: AccountId) -> StakerInfoOf<Test> {
	Stakers::<Test>::get(who, 0).expect("staker exists")
}

/// Buy `amount` of cover on `product_id` for `period` at the quoted premium; returns the cover
/// id and the premium.
fn buy_quoted(
	who: AccountId,
	product_id: ProductId,
	amount: Balance,
	period: u64,
) -> (CoverId, Balance) {
	let premium = MutualPool::quote(product_id, amount, period).unwrap();
	assert_ok!(MutualPool::buy_cover(signed(who), product_id, amount, period, premium));
	(NextCoverId::<Test>::get() - 1, premium)
}

/// What a premium adds to the pool's capital: the premium minus the 10% fee, rounded down.
fn net(premium: Balance) -> Balance {
	premium - premium / 10
}

/// `a * b / c`, rounded down, in plain integers.
fn mul_div(a: Balance, b: Balance, c: Balance) -> Balance {
	a * b / c
}

// ---------------------------------------------------------------------------------------------
// stake
// ---------------------------------------------------------------------------------------------

#[test]
fn stake_below_min_stake_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let min = pool(0).params.min_stake;
		assert_eq!(min, 1_000);
		assert_noop!(
			MutualPool::stake(signed(BOB), 0, min - 1, 0),
			Error::<Test>::StakeBelowMinimum
		);
		assert_noop!(MutualPool::stake(signed(BOB), 0, 0, 0), Error::<Test>::StakeBelowMinimum);
		// Exactly the minimum is accepted.
		assert_ok!(MutualPool::stake(signed(BOB), 0, min, 0));
		assert_eq!(staker(BOB).shares, min);
		// Later stakes must reach the minimum as well.
		assert_noop!(
			MutualPool::stake(signed(DAVE), 0, min - 1, 0),
			Error::<Test>::StakeBelowMinimum
		);
	});
}

#[test]
fn stake_into_missing_pool_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(MutualPool::stake(signed(BOB), 7, 1_000_000, 0), Error::<Test>::PoolNotFound);
		assert_noop!(MutualPool::request_unstake(signed(BOB), 7, 1), Error::<Test>::PoolNotFound);
		assert_noop!(MutualPool::withdraw(signed(BOB), 7, 0), Error::<Test>::PoolNotFound);
	});
}

#[test]
fn first_stake_mints_shares_equal_to_amount() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(pool(0).total_shares, 0);
		assert_ok!(MutualPool::stake(signed(BOB), 0, 1_234_567, 0));
		assert_last(Event::Staked { pool_id: 0, who: BOB, amount: 1_234_567, shares: 1_234_567 });
		assert_eq!(staker(BOB), StakerInfo { shares: 1_234_567, unbonding: 0, unlock_at: 0 });
		assert_eq!(pool(0).total_shares, 1_234_567);
		assert_eq!(pool(0).capital, 1_234_567);
		// At a share price of 1, a second staker also gets one share per unit.
		assert_ok!(MutualPool::stake(signed(DAVE), 0, 5_000, 0));
		assert_last(Event::Staked { pool_id: 0, who: DAVE, amount: 5_000, shares: 5_000 });
		assert_eq!(pool(0).total_shares, 1_239_567);
		assert_eq!(pool(0).capital, 1_239_567);
		// A staker who stakes again adds to the same record.
		assert_ok!(MutualPool::stake(signed(BOB), 0, 1_000, 0));
		assert_eq!(staker(BOB).shares, 1_235_567);
	});
}

#[test]
fn first_stake_pays_the_pool_account_existential_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(free(pool_account()), 0);
		assert_ok!(MutualPool::stake(signed(BOB), 0, 1_000_000, 0));
		// Bob paid the stake and the pool account's existential deposit, which is not capital.
		assert_eq!(free(BOB), ENDOWMENT - 1_000_000 - ED);
		assert_eq!(free(pool_account()), 1_000_000 + ED);
		assert_eq!(pool(0).capital, 1_000_000);
		assert_eq!(staker(BOB).shares, 1_000_000);
		// Later stakes pay only their amount.
		assert_ok!(MutualPool::stake(signed(DAVE), 0, 3_000, 0));
		assert_eq!(free(DAVE), ENDOWMENT - 3_000);
		assert_eq!(free(pool_account()), 1_003_000 + ED);
		assert_eq!(pool(0).capital, 1_003_000);
	});
}

#[test]
fn shares_minted_round_down_in_favour_of_the_pool() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		let (_, premium) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		let capital = 1_000_000 + net(premium);
		assert_eq!(pool(0).capital, capital);
		assert_eq!(pool(0).total_shares, 1_000_000);

		// Dave's 1_010 buys 1_010 * 1_000_000 / capital shares, rounded down.
		let shares = mul_div(1_010, 1_000_000, capital);
		// The division is not exact: rounding really happens here.
		assert!(shares * capital < 1_010 * 1_000_000);
		assert!(shares < 1_010);
		assert_ok!(MutualPool::stake(signed(DAVE), 0, 1_010, 0));
		assert_last(Event::Staked { pool_id: 0, who: DAVE, amount: 1_010, shares });
		assert_eq!(staker(DAVE).shares, shares);
		assert_eq!(pool(0).capital, capital + 1_010);
		assert_eq!(pool(0).total_shares, 1_000_000 + shares);

		// Redemption rounds down too: Dave gets back less than he put in.
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, shares));
		run_to_block(21);
		let paid = mul_div(shares, capital + 1_010, 1_000_000 + shares);
		assert!(paid * (1_000_000 + shares) < shares * (capital + 1_010));
		assert!(paid < 1_010);
		assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: DAVE, shares, amount: paid });
		assert_eq!(free(DAVE), ENDOWMENT - 1_010 + paid);
		// What rounding kept stays with the pool.
		assert_eq!(pool(0).capital, capital + 1_010 - paid);
		assert_eq!(pool(0).total_shares, 1_000_000);
	});
}

#[test]
fn stake_too_small_for_one_share_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let params = PoolParams { min_stake: ED, ..pool_params() };
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params));
		stake(BOB, 1_000_000);
		buy_quoted(CHARLIE, 0, 100_000, YEAR);
		// A share now costs more than 1 unit: 1 unit buys no share.
		assert!(pool(0).capital > pool(0).total_shares);
		assert_noop!(MutualPool::stake(signed(DAVE), 0, 1, 0), Error::<Test>::ZeroShares);
	});
}

#[test]
fn stake_into_depleted_pool_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		// Cover of 1_600_000 on a capital of about 1_000_000; then both covers are paid in full.
		let (a, premium_a) = buy_quoted(CHARLIE, 0, 1_000_000, YEAR);
		let (b, premium_b) = buy_quoted(CHARLIE, 1, 600_000, YEAR);
		let claim_a = claim(CHARLIE, a, 1_000_000);
		let claim_b = claim(CHARLIE, b, 600_000);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_a, 1_000_000));
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_b, 600_000));
		let left = net(premium_a) + net(premium_b);
		assert_last(Event::PoolDepleted { pool_id: 0, shortfall: 600_000 - left });
		assert_eq!(pool(0).capital, 0);
		assert_eq!(pool(0).total_shares, 1_000_000);

		assert_noop!(MutualPool::stake(signed(DAVE), 0, 1_000_000, 0), Error::<Test>::PoolDepleted);
		assert_noop!(MutualPool::stake(signed(BOB), 0, 1_000, 0), Error::<Test>::PoolDepleted);
	});
}

// ---------------------------------------------------------------------------------------------
// request_unstake
// ---------------------------------------------------------------------------------------------

#[test]
fn request_unstake_emits_event_and_starts_unbonding() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		run_to_block(5);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 400_000));
		// Unbonding period 20 from block 5.
		assert_last(Event::UnstakeRequested {
			pool_id: 0,
			who: BOB,
			shares: 400_000,
			unlock_at: 25,
		});
		assert_eq!(
			staker(BOB),
			StakerInfo { shares: 1_000_000, unbonding: 400_000, unlock_at: 25 }
		);
		// Unbonding shares stay in the pool.
		assert_eq!(pool(0).total_shares, 1_000_000);
		assert_eq!(pool(0).capital, 1_000_000);
		assert_eq!(free(BOB), ENDOWMENT - 1_000_000 - ED);
	});
}

#[test]
fn request_unstake_more_than_free_shares_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		assert_noop!(
			MutualPool::request_unstake(signed(BOB), 0, 1_000_001),
			Error::<Test>::InsufficientShares
		);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 600_000));
		// Shares already unbonding are not free.
		assert_noop!(
			MutualPool::request_unstake(signed(BOB), 0, 400_001),
			Error::<Test>::InsufficientShares
		);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 400_000));
		assert_eq!(staker(BOB).unbonding, 1_000_000);
		assert_noop!(
			MutualPool::request_unstake(signed(BOB), 0, 1),
			Error::<Test>::InsufficientShares
		);
	});
}

#[test]
fn request_unstake_again_adds_shares_and_restarts_the_period() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 100_000));
		assert_eq!(staker(BOB).unlock_at, 21);
		run_to_block(10);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 50_000));
		assert_last(Event::UnstakeRequested {
			pool_id: 0,
			who: BOB,
			shares: 50_000,
			unlock_at: 30,
		});
		assert_eq!(
			staker(BOB),
			StakerInfo { shares: 1_000_000, unbonding: 150_000, unlock_at: 30 }
		);
		run_to_block(21);
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::StillUnbonding);
		run_to_block(30);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 150_000, amount: 150_000 });
	});
}

#[test]
fn request_unstake_by_non_staker_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(MutualPool::request_unstake(signed(DAVE), 0, 1), Error::<Test>::NotStaker);
		stake(BOB, 1_000_000);
		assert_noop!(MutualPool::request_unstake(signed(DAVE), 0, 1), Error::<Test>::NotStaker);
		assert_noop!(MutualPool::withdraw(signed(DAVE), 0, 0), Error::<Test>::NotStaker);
	});
}

#[test]
fn request_unstake_of_zero_shares_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		assert_noop!(MutualPool::request_unstake(signed(BOB), 0, 0), Error::<Test>::ZeroAmount);
	});
}

// ---------------------------------------------------------------------------------------------
// withdraw
// ---------------------------------------------------------------------------------------------

#[test]
fn withdraw_with_nothing_unbonding_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		run_to_block(100);
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::NothingUnbonding);
		// Once withdrawn, nothing is unbonding any more.
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000));
		run_to_block(120);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::NothingUnbonding);
	});
}

#[test]
fn withdraw_before_unlock_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
		assert_eq!(staker(BOB).unlock_at, 21);
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::StillUnbonding);
		run_to_block(20);
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::StillUnbonding);
		run_to_block(21);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
	});
}

#[test]
fn withdraw_pays_unbonded_shares_and_emits_event() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 500_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 300_000));
		run_to_block(21);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 300_000, amount: 300_000 });
		assert_eq!(free(BOB), ENDOWMENT - 1_000_000 - ED + 300_000);
		assert_eq!(free(pool_account()), 1_200_000 + ED);
		assert_eq!(pool(0).capital, 1_200_000);
		assert_eq!(pool(0).total_shares, 1_200_000);
		// The record stays, with the rest of the shares and nothing unbonding.
		assert_eq!(staker(BOB), StakerInfo { shares: 700_000, unbonding: 0, unlock_at: 21 });
	});
}

#[test]
fn staker_record_removed_when_all_shares_withdrawn() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 2_000);
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, 2_000));
		run_to_block(21);
		assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: DAVE, shares: 2_000, amount: 2_000 });
		assert!(Stakers::<Test>::get(DAVE, 0).is_none());
		assert!(MutualPool::position(0, &DAVE).is_none());
		assert_eq!(free(DAVE), ENDOWMENT);
		assert_noop!(MutualPool::request_unstake(signed(DAVE), 0, 1), Error::<Test>::NotStaker);
		// The last staker can leave too; the pool account keeps its existential deposit.
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
		run_to_block(41);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert!(Stakers::<Test>::get(BOB, 0).is_none());
		assert_eq!(pool(0).total_shares, 0);
		assert_eq!(pool(0).capital, 0);
		assert_eq!(free(pool_account()), ED);
		assert_eq!(free(BOB), ENDOWMENT - ED);
	});
}

#[test]
fn unbonding_shares_keep_earning_premiums() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
		// A premium arrives while Bob unbonds.
		let (_, premium) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		let capital = 2_000_000 + net(premium);
		assert_eq!(pool(0).capital, capital);
		let value = mul_div(1_000_000, capital, 2_000_000);
		assert!(value > 1_000_000);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, value);
		run_to_block(21);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 1_000_000, amount: value });
		assert_eq!(free(BOB), ENDOWMENT - 1_000_000 - ED + value);
		assert_eq!(pool(0).capital, capital - value);
	});
}

#[test]
fn unbonding_shares_keep_bearing_losses() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		let (cover_id, premium) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		// Bob asks to leave before the claim is filed; the claim is paid while he unbonds.
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		let capital = 2_000_000 + net(premium) - 40_000;
		assert_eq!(pool(0).capital, capital);
		run_to_block(21);
		let value = mul_div(1_000_000, capital, 2_000_000);
		assert!(value < 1_000_000);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 1_000_000, amount: value });
		assert_eq!(free(BOB), ENDOWMENT - 1_000_000 - ED + value);
		// Bob and Dave shared the loss equally.
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, capital - value);
	});
}

#[test]
fn withdraw_waits_for_pending_claims_and_shares_their_outcome() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		let (cover_id, premium) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		let capital = 2_000_000 + net(premium);
		assert_eq!(pool(0).capital, capital);
		assert_eq!(pool(0).pending_claims, 40_000);
		run_to_block(21);
		// Bob's unbonding is over, but the claim is under assessment: he waits for it.
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::ClaimsPending);
		// The claim is approved in full: Bob and Dave bear half of it each.
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		let value = mul_div(1_000_000, capital - 40_000, 2_000_000);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 1_000_000, amount: value });
		assert_eq!(free(BOB), ENDOWMENT - 1_000_000 - ED + value);
		assert_eq!(pool(0).capital, capital - 40_000 - value);
		assert_eq!(pool(0).total_shares, 1_000_000);
		// Dave, who stayed, bears the same loss as Bob, to within the unit that rounding kept in
		// the pool.
		let dave = MutualPool::position(0, &DAVE).unwrap().value;
		assert_eq!(dave, capital - 40_000 - value);
		assert!(dave == value || dave == value + 1);
	});
}

#[test]
fn withdraw_that_would_leave_cover_unbacked_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		// Capacity 4_000_000; 3_200_000 of cover ending at block 51, claims until 151.
		buy_quoted(CHARLIE, 0, 2_000_000, 50);
		buy_quoted(CHARLIE, 1, 1_200_000, 50);
		assert_eq!(pool(0).active_cover, 3_200_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
		run_to_block(21);
		// Without Bob's half, capacity would be about 2_000_000 < 3_200_000.
		assert_noop!(
			MutualPool::withdraw(signed(BOB), 0, 0),
			Error::<Test>::InsufficientFreeCapital
		);
		// Past the covers' end, their claim windows are still open: they hold capacity.
		run_to_block(151);
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		assert_noop!(
			MutualPool::withdraw(signed(BOB), 0, 0),
			Error::<Test>::InsufficientFreeCapital
		);
		// Once their claim windows closed (bucket 16, rolled from block 160), Bob can leave.
		run_to_block(159);
		assert_noop!(
			MutualPool::withdraw(signed(BOB), 0, 0),
			Error::<Test>::InsufficientFreeCapital
		);
		run_to_block(160);
		let capital = pool(0).capital;
		let value = mul_div(1_000_000, capital, 2_000_000);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 1_000_000, amount: value });
		assert_eq!(pool(0).active_cover, 0);
		assert_eq!(pool(0).capital, capital - value);
	});
}

#[test]
fn withdraw_that_would_leave_pending_claims_unbacked_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 500_000);
		stake(DAVE, 1_500_000);
		// Capacity 4_000_000; 2_900_000 of cover ending at block 51.
		let (cover_id, _) = buy_quoted(CHARLIE, 0, 2_000_000, 50);
		buy_quoted(CHARLIE, 1, 900_000, 50);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 500_000));
		// Without a claim, Bob's quarter could leave: about 3_000_000 of capacity would remain.
		// A pending claim of 1_000_000 locks capital on top of the active cover.
		let claim_id = claim(CHARLIE, cover_id, 1_000_000);
		assert_eq!(pool(0).pending_claims, 1_000_000);
		run_to_block(21);
		// The claim holds every withdrawal until it is decided.
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::ClaimsPending);
		// Rejecting the claim frees the capital.
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		let capital = pool(0).capital;
		let value = mul_div(500_000, capital, 2_000_000);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 500_000, amount: value });
		assert_eq!(pool(0).capital, capital - value);
		assert_eq!(pool(0).active_cover, 2_900_000);
	});
}

// ---------------------------------------------------------------------------------------------
// governance: pools
// ---------------------------------------------------------------------------------------------

/// Pool parameters that differ from the demo pool's in every field.
fn other_pool_params() -> PoolParamsOf<Test> {
	PoolParams {
		capacity_factor: FixedU128::from_rational(3, 2),
		unbonding_period: 7,
		min_stake: 50,
		fee: Perbill::from_percent(5),
		kink: Perbill::from_percent(70),
		slope1: Perbill::from_percent(4),
		slope2: Perbill::from_percent(60),
		large_claim_threshold: Perbill::from_percent(10),
	}
}

#[test]
fn create_pool_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(NextPoolId::<Test>::get(), 1);
		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), other_pool_params()));
		assert_last(Event::PoolCreated { pool_id: 1 });
		let created = pool(1);
		assert_eq!(created.params, other_pool_params());
		assert_eq!(
			(created.capital, created.total_shares, created.active_cover, created.pending_claims),
			(0, 0, 0, 0)
		);
		assert_ok!(MutualPool::create_pool(signed(SUPERMAJORITY), pool_params()));
		assert_last(Event::PoolCreated { pool_id: 2 });
		assert_eq!(pool(2).params, pool_params());
		assert_eq!(NextPoolId::<Test>::get(), 3);
		// The new pool takes stakes of its own minimum, and its capital is its own.
		assert_ok!(MutualPool::stake(signed(BOB), 1, 50, 0));
		assert_eq!(pool(1).capital, 50);
		assert_eq!(pool(0).capital, 0);
	});
}

#[test]
fn create_pool_with_bad_origin_fails() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, COUNCIL] {
			assert_noop!(
				MutualPool::create_pool(signed(who), other_pool_params()),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			MutualPool::create_pool(RuntimeOrigin::none(), other_pool_params()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn create_pool_with_invalid_params_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let zero_factor = PoolParams { capacity_factor: FixedU128::from_u32(0), ..pool_params() };
		assert_noop!(
			MutualPool::create_pool(RuntimeOrigin::root(), zero_factor),
			Error::<Test>::InvalidCapacityFactor
		);
		let below_ed = PoolParams { min_stake: ED - 1, ..pool_params() };
		assert_noop!(
			MutualPool::create_pool(RuntimeOrigin::root(), below_ed),
			Error::<Test>::MinStakeBelowExistentialDeposit
		);
		// A factor below one and a minimum of exactly the existential deposit are fine.
		let edge = PoolParams {
			capacity_factor: FixedU128::from_rational(1, 2),
			min_stake: ED,
			..pool_params()
		};
		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), edge));
	});
}

#[test]
fn update_pool_works() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, other_pool_params()));
		assert_last(Event::PoolUpdated { pool_id: 0 });
		assert_eq!(pool(0).params, other_pool_params());
		// Only the parameters change.
		assert_eq!(pool(0).capital, 1_000_000);
		assert_eq!(pool(0).total_shares, 1_000_000);
		assert_ok!(MutualPool::update_pool(signed(SUPERMAJORITY), 0, pool_params()));
		assert_last(Event::PoolUpdated { pool_id: 0 });
		assert_eq!(pool(0).params, pool_params());
		// The new parameters apply: the unbonding period is now 7.
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, other_pool_params()));
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000));
		assert_eq!(staker(BOB).unlock_at, 8);
	});
}

#[test]
fn update_pool_fails_on_bad_origin_params_or_id() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, COUNCIL] {
			assert_noop!(
				MutualPool::update_pool(signed(who), 0, other_pool_params()),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			MutualPool::update_pool(RuntimeOrigin::root(), 1, other_pool_params()),
			Error::<Test>::PoolNotFound
		);
		let zero_factor = PoolParams { capacity_factor: FixedU128::from_u32(0), ..pool_params() };
		assert_noop!(
			MutualPool::update_pool(RuntimeOrigin::root(), 0, zero_factor),
			Error::<Test>::InvalidCapacityFactor
		);
		let below_ed = PoolParams { min_stake: 0, ..pool_params() };
		assert_noop!(
			MutualPool::update_pool(RuntimeOrigin::root(), 0, below_ed),
			Error::<Test>::MinStakeBelowExistentialDeposit
		);
	});
}

// ---------------------------------------------------------------------------------------------
// governance: products
// ---------------------------------------------------------------------------------------------

#[test]
fn create_product_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(NextProductId::<Test>::get(), 2);
		assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, product_params(3, 20)));
		assert_last(Event::ProductCreated { product_id: 2, pool_id: 0 });
		let product = Products::<Test>::get(2).unwrap();
		assert_eq!(product.pool_id, 0);
		assert_eq!(product.params, product_params(3, 20));
		assert_eq!(product.active_cover, 0);

		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), pool_params()));
		assert_ok!(MutualPool::create_product(signed(SUPERMAJORITY), 1, product_params(4, 10)));
		assert_last(Event::ProductCreated { product_id: 3, pool_id: 1 });
		assert_eq!(Products::<Test>::get(3).unwrap().pool_id, 1);
		assert_eq!(NextProductId::<Test>::get(), 4);
		// A period of exactly one block is a valid range.
		let one_block = ProductParams { min_period: 1, max_period: 1, ..product_params(2, 50) };
		assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, one_block));
	});
}

#[test]
fn create_product_fails_on_bad_origin_params_or_pool() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, COUNCIL] {
			assert_noop!(
				MutualPool::create_product(signed(who), 0, product_params(3, 20)),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			MutualPool::create_product(RuntimeOrigin::root(), 1, product_params(3, 20)),
			Error::<Test>::PoolNotFound
		);
		let zero_min = ProductParams { min_period: 0, ..product_params(3, 20) };
		assert_noop!(
			MutualPool::create_product(RuntimeOrigin::root(), 0, zero_min),
			Error::<Test>::InvalidPeriodRange
		);
		let inverted = ProductParams { min_period: 11, max_period: 10, ..product_params(3, 20) };
		assert_noop!(
			MutualPool::create_product(RuntimeOrigin::root(), 0, inverted),
			Error::<Test>::InvalidPeriodRange
		);
	});
}

#[test]
fn update_product_works() {
	ExtBuilder::default().build_and_execute(|| {
		let params = ProductParams {
			activation_delay: 5,
			claim_window: 3,
			enabled: false,
			..product_params(7, 40)
		};
		assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), 1, params.clone()));
		assert_last(Event::ProductUpdated { product_id: 1 });
		let product = Products::<Test>::get(1).unwrap();
		assert_eq!(product.params, params);
		assert_eq!(product.pool_id, 0);
		assert_ok!(MutualPool::update_product(signed(SUPERMAJORITY), 1, product_params(5, 30)));
		assert_last(Event::ProductUpdated { product_id: 1 });
		assert_eq!(Products::<Test>::get(1).unwrap().params, product_params(5, 30));
		// Product 0 was not touched.
		assert_eq!(Products::<Test>::get(0).unwrap().params, product_params(2, 50));
	});
}

#[test]
fn update_product_fails_on_bad_origin_params_or_id() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, COUNCIL] {
			assert_noop!(
				MutualPool::update_product(signed(who), 0, product_params(3, 20)),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			MutualPool::update_product(RuntimeOrigin::root(), 2, product_params(3, 20)),
			Error::<Test>::ProductNotFound
		);
		let zero_min = ProductParams { min_period: 0, ..product_params(3, 20) };
		assert_noop!(
			MutualPool::update_product(RuntimeOrigin::root(), 0, zero_min),
			Error::<Test>::InvalidPeriodRange
		);
		let inverted = ProductParams { min_period: 100, max_period: 99, ..product_params(3, 20) };
		assert_noop!(
			MutualPool::update_product(RuntimeOrigin::root(), 0, inverted),
			Error::<Test>::InvalidPeriodRange
		);
	});
}

#[test]
fn no_staker_leaves_while_claims_are_pending() {
	ExtBuilder::default().build_and_execute(|| {
		// Bob and Dave stake; Charlie's claim of 40_000 is pending.
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		let cover_id = buy(CHARLIE, 0, 100_000, 10);
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, staker(BOB).shares));
		run_to_block(30);
		// Whoever leaves waits for the decision: the claim's outcome is shared by exactly the
		// stakers who were there when it was filed.
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::ClaimsPending);
		// Once the claim is decided (here rejected), Bob leaves with his half of the capital.
		assert_ok!(MutualPool::reject_claim(RuntimeOrigin::root(), claim_id));
		let value = MutualPool::position(0, &BOB).unwrap().value;
		let before = free(BOB);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_eq!(free(BOB) - before, value);
		assert!(Stakers::<Test>::get(BOB, 0).is_none());
		assert_eq!(pool(0).total_shares, staker(DAVE).shares);
	});
}

#[test]
fn a_lapsed_claim_holds_withdrawals_until_it_is_lapsed() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		let cover_id = buy(CHARLIE, 0, 100_000, 10);
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, staker(BOB).shares));
		// Past the decision period the claim can no longer be decided, but it is pending until
		// someone lapses it (in the same batch as the withdrawal, say).
		run_to_block(1 + DECISION_PERIOD);
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::ClaimsPending);
		assert_ok!(MutualPool::lapse_claim(signed(BOB), claim_id));
		// Bob is the last staker: he leaves with all the capital, once the cover's claim
		// window has closed and its bucket is rolled (claims close at 111, bucket 12, due at
		// 120).
		assert_noop!(
			MutualPool::withdraw(signed(BOB), 0, 0),
			Error::<Test>::InsufficientFreeCapital
		);
		run_to_block(120);
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		let capital = pool(0).capital;
		let before = free(BOB);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_eq!(free(BOB) - before, capital);
		assert_eq!(pool(0).capital, 0);
		assert_eq!(pool(0).total_shares, 0);
	});
}

#[test]
fn parameters_outside_their_bounds_are_refused_on_create_and_update() {
	ExtBuilder::default().stake(0, BOB, 1_000_000).build_and_execute(|| {
		let out_of_bounds: DispatchError = Error::<Test>::ParameterOutOfBounds.into();
		let bad_factor: DispatchError = Error::<Test>::InvalidCapacityFactor.into();
		let pool_cases = [
			(
				PoolParams {
					capacity_factor: FixedU128::from_rational(99, 1_000),
					..pool_params()
				},
				bad_factor,
			),
			(
				PoolParams {
					capacity_factor: FixedU128::from_rational(10_001, 1_000),
					..pool_params()
				},
				bad_factor,
			),
			(PoolParams { kink: Perbill::zero(), ..pool_params() }, out_of_bounds),
			(PoolParams { kink: Perbill::one(), ..pool_params() }, out_of_bounds),
			(PoolParams { large_claim_threshold: Perbill::zero(), ..pool_params() }, out_of_bounds),
			(PoolParams { unbonding_period: YEAR / 4 + 1, ..pool_params() }, out_of_bounds),
		];
		for (params, error) in pool_cases {
			assert_noop!(MutualPool::create_pool(RuntimeOrigin::root(), params.clone()), error);
			assert_noop!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params), error);
		}
		// At the bounds themselves, accepted.
		let edge = PoolParams {
			capacity_factor: bounds::MAX_CAPACITY_FACTOR,
			fee: Perbill::one(),
			kink: bounds::MAX_KINK,
			large_claim_threshold: bounds::MIN_LARGE_CLAIM_THRESHOLD,
			unbonding_period: YEAR / 4,
			..pool_params()
		};
		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), edge.clone()));
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, edge));
		let low = PoolParams {
			capacity_factor: bounds::MIN_CAPACITY_FACTOR,
			kink: bounds::MIN_KINK,
			..pool_params()
		};
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, low));

		let product_cases = [
			ProductParams { max_period: 5 * YEAR + 1, ..product_params(2, 50) },
			ProductParams { claim_window: YEAR + 1, ..product_params(2, 50) },
			ProductParams { activation_delay: YEAR + 1, ..product_params(2, 50) },
			ProductParams { max_capacity_share: Perbill::zero(), ..product_params(2, 50) },
		];
		for params in product_cases {
			assert_noop!(
				MutualPool::create_product(RuntimeOrigin::root(), 0, params.clone()),
				out_of_bounds
			);
			assert_noop!(
				MutualPool::update_product(RuntimeOrigin::root(), 0, params),
				out_of_bounds
			);
		}
		let edge = ProductParams {
			max_period: 5 * YEAR,
			claim_window: YEAR,
			activation_delay: YEAR,
			max_capacity_share: bounds::MIN_CAPACITY_SHARE,
			..product_params(2, 50)
		};
		assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, edge.clone()));
		assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), 0, edge));
	});
}
