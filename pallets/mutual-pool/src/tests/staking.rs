//! Tests of staking: stake, request_unstake, rebond, withdraw, and held withdrawals
//! (`release_hold`).

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::{FixedPointNumber, FixedU128};

/// `a * b / c`, rounded down, in plain integers.
fn mul_div(a: Balance, b: Balance, c: Balance) -> Balance {
	a * b / c
}

/// One unit a block, as a `FixedU128` rate holds it.
const ONE: u128 = 1_000_000_000_000_000_000;

/// The block at which a cover whose claims close at `claim_until` stops earning: the end of its
/// expiry bucket, `(claim_until / BUCKET + 1) * BUCKET`.
fn earn_end(claim_until: u64) -> u64 {
	(claim_until / BUCKET + 1) * BUCKET
}

/// The earning rate (in `FixedU128` parts) of a net premium spread over `blocks`: rounded down.
fn rate(net: Balance, blocks: u64) -> u128 {
	net * ONE / blocks as u128
}

/// What `rate` earns over `blocks`, rounded down.
fn earned_by(rate: u128, blocks: u64) -> Balance {
	rate * blocks as u128 / ONE
}

/// At block 1, Charlie files a claim of 40_000 on `cover_id` and the council rejects it: the
/// bonded shares earn its deposit of 100 + 40 by block 20; returns the deposit at block 21.
fn slash_a_claim(cover_id: CoverId) -> Balance {
	assert_eq!(System::block_number(), 1);
	without_appeals();
	let claim_id = claim(CHARLIE, cover_id, 40_000);
	assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
	// The bonded shares earn the deposit by block 20, the end of the bucket after the next.
	run_to_block(21);
	assert_eq!(deposit(40_000), 140);
	140
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
		assert_eq!(
			staker(BOB),
			StakerInfo { shares: 1_234_567, unbonding: 0, unlock_at: 0, era: 0, unbonding_era: 0 }
		);
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
	// The share price is lifted by a slashed deposit, which only a native pool takes.
	ExtBuilder::default().native_only().build_and_execute(|| {
		stake(BOB, 1_000_000);
		// A slashed claim deposit lifts the share price above 1 (a premium would only after
		// blocks of earning). The premium: 2_126 (2% of 100_000 plus 5% of 100_000² / 4_000_000,
		// for a year and 110 blocks), 1_914 net of the fee.
		let (cover_id, premium) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		assert_eq!(net(premium), 1_914);
		let capital = 1_000_000 + slash_a_claim(cover_id);
		assert_eq!(pool(0).capital, capital);
		assert_eq!(pool(0).total_shares, 1_000_000);

		// Dave's 1_010 buys 1_010 * 1_000_000 / 1_000_140 = 1_009.86 shares, rounded down.
		let shares = mul_div(1_010, 1_000_000, capital);
		assert_eq!(shares, 1_009);
		// The division is not exact: rounding really happens here.
		assert!(shares * capital < 1_010 * 1_000_000);
		assert_ok!(MutualPool::stake(signed(DAVE), 0, 1_010, 0));
		assert_last(Event::Staked { pool_id: 0, who: DAVE, amount: 1_010, shares });
		assert_eq!(staker(DAVE).shares, shares);
		assert_eq!(pool(0).capital, capital + 1_010);
		assert_eq!(pool(0).total_shares, 1_000_000 + shares);

		// Redemption rounds down too: unbonding values Dave's shares at the bonded price,
		// 1_009 * 1_001_150 / 1_001_009 = 1_009.14, rounded down; he gets back less than he put
		// in.
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, shares));
		let paid = mul_div(shares, capital + 1_010, 1_000_000 + shares);
		assert_eq!(paid, 1_009);
		assert!(paid * (1_000_000 + shares) < shares * (capital + 1_010));
		assert_eq!(pool(0).unbonding_capital, paid);
		run_to_block(41);
		assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: DAVE, shares, amount: paid });
		assert_eq!(free(DAVE), ENDOWMENT - 1_010 + paid);
		// What rounding kept stays with the pool, and with Bob: besides what the premium has
		// earned (40 blocks of 1_914 a year: nothing yet), he owns one unit more than before.
		let premium_earned = net(premium) - pool(0).earnings.unearned;
		assert_eq!(premium_earned, 0);
		assert_eq!(pool(0).capital, capital + 1_010 - paid);
		assert_eq!(pool(0).total_shares, 1_000_000);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, capital + 1);
	});
}

#[test]
fn stake_too_small_for_one_share_fails() {
	// The share price is lifted by a slashed deposit, which only a native pool takes.
	ExtBuilder::default().native_only().build_and_execute(|| {
		let params = PoolParams { min_stake: ED, ..pool_params() };
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params));
		stake(BOB, 1_000_000);
		let (cover_id, _) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		slash_a_claim(cover_id);
		// A share now costs 1.00014 units: 1 unit buys no share.
		assert_eq!((pool(0).capital, pool(0).total_shares), (1_000_140, 1_000_000));
		assert_noop!(MutualPool::stake(signed(DAVE), 0, 1, 0), Error::<Test>::ZeroShares);
	});
}

#[test]
fn stake_into_depleted_pool_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		// Cover of 1_600_000 on a capital of 1_000_000; then both covers are paid in full.
		let (a, premium_a) = buy_quoted(CHARLIE, 0, 1_000_000, YEAR);
		let (b, premium_b) = buy_quoted(CHARLIE, 1, 600_000, YEAR);
		let claim_a = claim(CHARLIE, a, 1_000_000);
		let claim_b = claim(CHARLIE, b, 600_000);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_a, 1_000_000));
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_b, 600_000));
		// The premiums, not earned yet, are not capital: they pay nothing of the second claim.
		assert_last(Event::PoolDepleted { pool_id: 0, shortfall: 600_000 });
		assert_eq!(pool(0).capital, 0);
		assert_eq!(pool(0).earnings.unearned, net(premium_a) + net(premium_b));
		// Bob's shares, worth nothing, are of the era the payout ended.
		assert_eq!((pool(0).total_shares, pool(0).era), (0, 1));
		assert_eq!(MutualPool::position(0, &BOB), None);

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
		// The 400_000 shares leave the bonded ones; their value at the bonded price (1) buys as
		// many unbonding shares (1:1, as there were none).
		assert_eq!(
			staker(BOB),
			StakerInfo {
				shares: 600_000,
				unbonding: 400_000,
				unlock_at: 25,
				era: 0,
				unbonding_era: 0
			}
		);
		assert_eq!(pool(0).total_shares, 600_000);
		assert_eq!((pool(0).unbonding_shares, pool(0).unbonding_capital), (400_000, 400_000));
		// Their capital stays in the pool, and backs cover, until the withdrawal.
		assert_eq!(pool(0).capital, 1_000_000);
		assert_eq!(MutualPool::pool_status(0).unwrap().capacity, 2_000_000);
		assert_eq!(free(BOB), ENDOWMENT - 1_000_000 - ED);
		assert_eq!(
			MutualPool::position(0, &BOB),
			Some(Position {
				asset: PoolAsset::get(),
				shares: 600_000,
				value: 1_000_000,
				unbonding_shares: 400_000,
				unbonding_value: 400_000,
				unlock_at: Some(25),
			})
		);
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
		// Shares already unbonding are not bonded shares any more: 400_000 are left.
		assert_eq!(staker(BOB).shares, 400_000);
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
			StakerInfo {
				shares: 850_000,
				unbonding: 150_000,
				unlock_at: 30,
				era: 0,
				unbonding_era: 0
			}
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
		assert_eq!(
			staker(BOB),
			StakerInfo { shares: 700_000, unbonding: 0, unlock_at: 21, era: 0, unbonding_era: 0 }
		);
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
fn the_share_price_rises_as_premiums_are_earned() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 100_000_000);
		// 50_000_000 of cover for 10 blocks, claims until 1 + 10 + 100 = 111: the premium is
		// charged for 120 blocks on 2% of 50_000_000 plus 5% of 50_000_000² / 400_000_000, that
		// is ceil(1_312_500 * 120 / YEAR) = 30, and 27 net of the fee of 3.
		let (_, premium) = buy_quoted(CHARLIE, 0, 50_000_000, 10);
		assert_eq!((premium, net(premium)), (30, 27));
		// The 27 are earned from block 1 to the end of bucket 12, block 120: 27 / 119 a block.
		assert_eq!(earn_end(111), 120);
		let rate = rate(27, 119);
		// Nothing is earned at purchase: the premium is not capital.
		assert_eq!(pool(0).capital, 100_000_000);
		assert_eq!(
			pool(0).earnings,
			Earnings {
				unearned: 27,
				rate: FixedU128::from_inner(rate),
				accrued_through: 1,
				carry: FixedU128::from_u32(0),
			}
		);
		assert_eq!(EarningEnds::<Test>::get(0, 12), FixedU128::from_inner(rate));
		assert_eq!(MutualPool::pool_status(0).unwrap().share_price, FixedU128::from_u32(1));

		// Sixty blocks on, run as a chain runs them, 27 * 60 / 119 = 13.6 is earned: 13.
		run_to_block(61);
		assert_eq!(earned_by(rate, 60), 13);
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!((status.capital, status.unearned_premiums), (100_000_013, 14));
		assert_eq!(
			status.share_price,
			FixedU128::checked_from_rational(100_000_013u128, 100_000_000u128).unwrap()
		);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, 100_000_013);

		// Dave buys in at today's price: what was earned before he came is not his.
		stake(DAVE, 10_000_000);
		let dave = mul_div(10_000_000, 100_000_000, 100_000_013);
		assert_eq!(dave, 9_999_998);
		assert_eq!(staker(DAVE).shares, dave);
		assert_eq!(pool(0).capital, 110_000_013);

		// Bucket 12 was rolled by on_idle of block 120: the rate has stopped, and the whole net
		// premium is earned, with the unit the rounded rate left over. The 14 earned since block
		// 61 went to Bob and Dave pro rata to their shares.
		run_to_block(121);
		assert_eq!(pool(0).earnings.rate, FixedU128::from_u32(0));
		assert_eq!(EarningEnds::<Test>::iter_prefix(0).count(), 0);
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!((status.capital, status.unearned_premiums), (110_000_027, 0));
		let shares = 100_000_000 + dave;
		assert_eq!(
			MutualPool::position(0, &BOB).unwrap().value,
			mul_div(100_000_000, 110_000_027, shares)
		);
		assert_eq!(
			MutualPool::position(0, &DAVE).unwrap().value,
			mul_div(dave, 110_000_027, shares)
		);
	});
}

#[test]
fn request_unstake_takes_along_the_premiums_earned_until_then() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 50_000_000);
		stake(DAVE, 50_000_000);
		// As in the test above: a net premium of 27, earned at 27 / 119 a block to block 120.
		let (_, premium) = buy_quoted(CHARLIE, 0, 50_000_000, 10);
		assert_eq!(net(premium), 27);
		let rate = rate(27, 119);
		// At block 61, 13 is earned: Bob's 50_000_000 shares are worth half of 100_000_013.
		run_to_block(61);
		assert_eq!(earned_by(rate, 60), 13);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 50_000_000));
		let bob = mul_div(50_000_000, 100_000_013, 100_000_000);
		assert_eq!(bob, 50_000_006);
		assert_eq!(pool(0).unbonding_capital, bob);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().unbonding_value, bob);
		// From then on Bob earns nothing: the other 14 of the premium are Dave's alone.
		run_to_block(121);
		assert_eq!(MutualPool::pool_status(0).unwrap().capital, 100_000_027);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, bob);
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 100_000_027 - bob);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: bob, amount: bob });
	});
}

#[test]
fn unbonding_shares_earn_no_premiums() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 50_000_000);
		stake(DAVE, 50_000_000);
		// A premium arrives, 27 net, earned until block 120 (see above); in the same block Bob
		// asks to leave.
		let (_, premium) = buy_quoted(CHARLIE, 0, 50_000_000, 10);
		assert_eq!(net(premium), 27);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 50_000_000));
		// Bob's unbonding capital still backs the cover sold: the capacity is 2 * 100_000_000.
		// It sells no more: the bonded capacity is Dave's 2 * 50_000_000.
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!((status.capacity, status.bonded_capacity), (200_000_000, 100_000_000));
		// Bob's unbonding shares earn none of it; Dave's bonded shares earn all of it.
		run_to_block(21);
		let earned = 27 - MutualPool::pool_status(0).unwrap().unearned_premiums;
		// 27 * 20 / 119 = 4.5, rounded down.
		assert_eq!(earned, earned_by(rate(27, 119), 20));
		assert_eq!(earned, 4);
		let position = MutualPool::position(0, &BOB).unwrap();
		assert_eq!((position.value, position.unbonding_value), (50_000_000, 50_000_000));
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 50_000_000 + earned);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn {
			pool_id: 0,
			who: BOB,
			shares: 50_000_000,
			amount: 50_000_000,
		});
		assert_eq!(free(BOB), ENDOWMENT - 50_000_000 - ED + 50_000_000);
		// Once the cover's bucket is rolled (block 120), all of the 27 is Dave's.
		run_to_block(121);
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 50_000_027);
		assert_eq!(MutualPool::pool_status(0).unwrap().capital, 50_000_027);
	});
}

#[test]
fn unbonding_shares_keep_bearing_losses() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 500_000);
		let (cover_id, premium) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		// Bob asks to leave before the claim is filed; the claim is paid while he unbonds.
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		// The loss is shared pro rata to capital: Bob's 1_000_000 of the 1_500_000 bear
		// 40_000 * 2 / 3 = 26_666.7, rounded up (the bonded shares, which earn, never lose to
		// rounding), and Dave's bonded 500_000 the other 13_333.
		assert_eq!(pool(0).capital, 1_460_000);
		assert_eq!(pool(0).unbonding_capital, 1_000_000 - 26_667);
		run_to_block(21);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 1_000_000, amount: 973_333 });
		assert_eq!(free(BOB), ENDOWMENT - 1_000_000 - ED + 973_333);
		// Dave keeps his 500_000 less his part of the loss, plus what the premium earned (which
		// unbonding shares do not share).
		let earned = net(premium) - pool(0).earnings.unearned;
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 486_667 + earned);
		assert_eq!(pool(0).capital, 486_667 + earned);
	});
}

#[test]
fn request_unstake_values_at_the_bonded_price_and_mints_at_the_unbonding_price() {
	// The share price is lifted by a slashed deposit, which only a native pool takes.
	ExtBuilder::default().native_only().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		let (cover_id, _) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 500_000));
		// A loss of 40_000 takes 10_000 from Bob's 500_000 of unbonding capital and 30_000 from
		// the 1_500_000 of bonded capital: both prices fall to 0.98.
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_eq!(pool(0).unbonding_capital, 490_000);
		// A slashed deposit lifts the bonded price alone: 1_470_140 / 1_500_000.
		slash_a_claim(cover_id);
		assert_eq!(pool(0).capital - pool(0).unbonding_capital, 1_470_140);
		assert_eq!(pool(0).unbonding_capital, 490_000);

		// Dave unbonds 300_001 shares, worth 300_001 * 1_470_140 / 1_500_000 = 294_028.98, rounded
		// down; at the unbonding price of 0.98 they buy 294_028 / 0.98 = 300_028.57 unbonding
		// shares, rounded down.
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, 300_001));
		let value = mul_div(300_001, 1_470_140, 1_500_000);
		let unbonding = mul_div(value, 500_000, 490_000);
		assert_eq!((value, unbonding), (294_028, 300_028));
		assert_eq!(
			staker(DAVE),
			StakerInfo { shares: 699_999, unbonding, unlock_at: 41, era: 0, unbonding_era: 0 }
		);
		let pool = pool(0);
		assert_eq!(pool.total_shares, 500_000 + 699_999);
		assert_eq!(pool.capital - pool.unbonding_capital, 1_470_140 - value);
		assert_eq!((pool.unbonding_shares, pool.unbonding_capital), (800_028, 490_000 + value));
		// Bob's unbonding shares lost nothing to Dave's coming: still worth 490_000.
		assert_eq!(MutualPool::position(0, &BOB).unwrap().unbonding_value, 490_000);
		assert_eq!(
			MutualPool::position(0, &DAVE).unwrap().unbonding_value,
			mul_div(unbonding, 490_000 + value, 800_028)
		);
	});
}

#[test]
fn withdraw_holds_back_the_share_of_pending_claims_until_their_outcome() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		let (cover_id, premium) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_eq!(pool(0).capital, 2_000_000);
		assert_eq!(pool(0).pending_claims, 40_000);
		run_to_block(21);
		// The premium (2_064 on a capacity of 4_000_000, 1_858 net, over a year) has earned
		// nothing in 20 blocks.
		assert_eq!(net(premium), 1_858);
		assert_eq!(MutualPool::pool_status(0).unwrap().capital, 2_000_000);
		// Bob's unbonding is over while the claim is under assessment: he is paid at once all
		// but his share of it, 40_000 * 1_000_000 / 2_000_000, held until it is decided.
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 1_000_000, amount: 980_000 });
		let due_at = 21 + MutualPool::hold_period();
		assert!(events().contains(&Event::WithdrawalHeld {
			pool_id: 0,
			who: BOB,
			held: 20_000,
			due_at
		}));
		assert_eq!(held_back(BOB), 20_000);
		assert_eq!(pool(0).capital, 1_000_000);
		assert_noop!(MutualPool::release_hold(signed(EVE), BOB, 0), Error::<Test>::HoldNotDue);
		// The claim is approved in full: Dave's capital pays it, and Bob's hold gives him back
		// Bob's half.
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_eq!(pool(0).capital, 960_000);
		assert_eq!(release(BOB), (20_000, 0));
		assert!(Holds::<Test>::get(BOB, 0).is_none());
		assert_eq!(free(BOB), ENDOWMENT - 1_000_000 - ED + 980_000);
		assert_eq!(pool(0).capital, 980_000);
		assert_eq!(pool(0).total_shares, 1_000_000);
		assert_eq!((pool(0).unbonding_shares, pool(0).unbonding_capital), (0, 0));
		// Dave, who stayed, bore the same loss as Bob.
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 980_000);
	});
}

#[test]
fn request_unstake_that_would_leave_cover_on_unbonding_capital_fails() {
	ExtBuilder::default().build_and_execute(|| {
		open_product_shares();
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		// Capacity 4_000_000; 3_200_000 of cover ending at block 51, claims until 151.
		let (_, premium_a) = buy_quoted(CHARLIE, 0, 2_000_000, 50);
		let (_, premium_b) = buy_quoted(CHARLIE, 1, 1_200_000, 50);
		assert_eq!(pool(0).active_cover, 3_200_000);
		// Without Bob's half, the bonded capacity would be about 2_000_000 < 3_200_000: he may
		// not even ask to leave, and stays bonded, earning, while his capital backs the cover.
		assert_noop!(
			MutualPool::request_unstake(signed(BOB), 0, 1_000_000),
			Error::<Test>::InsufficientFreeCapital
		);
		// Past the covers' end, their claim windows are still open: on_idle has rolled the
		// buckets through 15, and the covers' bucket 16 holds capacity.
		run_to_block(151);
		assert_eq!(pool(0).expired_through, 15);
		assert_eq!(pool(0).active_cover, 3_200_000);
		assert_noop!(
			MutualPool::request_unstake(signed(BOB), 0, 1_000_000),
			Error::<Test>::InsufficientFreeCapital
		);
		// Once their claim windows closed (bucket 16, due from block 160, rolled by on_idle at
		// the end of it), Bob can ask to leave; he earned half the premiums meanwhile.
		run_to_block(161);
		assert_eq!(pool(0).expired_through, 16);
		assert_eq!(pool(0).active_cover, 0);
		let earned = net(premium_a) + net(premium_b) - pool(0).earnings.unearned;
		assert_eq!(pool(0).capital, 2_000_000 + earned);
		let bob = MutualPool::position(0, &BOB).unwrap().value;
		assert_eq!(bob, (2_000_000 + earned) / 2);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
		run_to_block(181);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		// Its unbonding shares were minted one per unit (none were left in the pool).
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: bob, amount: bob });
	});
}

#[test]
fn withdraw_that_a_loss_left_needed_for_the_cover_fails() {
	ExtBuilder::default().build_and_execute(|| {
		open_product_shares();
		stake(BOB, 500_000);
		stake(DAVE, 1_000_000);
		// Bob asks to leave; Charlie then buys what Dave's bonded capacity backs, 2_000_000.
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 500_000));
		let cover_id = buy(CHARLIE, 0, 2_000_000, YEAR);
		// A payout of 100_000 falls on both, pro rata: Bob's part, 33_333.3, is rounded up, so
		// Bob keeps 466_666 and Dave 933_334, and the 1_900_000 of cover left needs some of
		// Bob's capital.
		let claim_id = claim(CHARLIE, cover_id, 100_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 100_000));
		assert_eq!(pool(0).unbonding_capital, 466_666);
		assert!(pool(0).bonded_capacity() < pool(0).active_cover);
		run_to_block(21);
		assert_noop!(
			MutualPool::withdraw(signed(BOB), 0, 0),
			Error::<Test>::InsufficientFreeCapital
		);
		// The pool as a whole still backs its cover, so it takes stakes: Ferdie's 100_000 lets
		// Bob go.
		stake(FERDIE, 100_000);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
	});
}

#[test]
fn withdraw_that_would_leave_pending_claims_unbacked_fails() {
	ExtBuilder::default().build_and_execute(|| {
		without_appeals();
		open_product_shares();
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
		// Capacity would fall to 3_000_000, under 2_900_000 of cover and 1_000_000 pending:
		// whatever is held back, Bob's withdrawal waits.
		assert_noop!(
			MutualPool::withdraw(signed(BOB), 0, 0),
			Error::<Test>::InsufficientFreeCapital
		);
		// Rejecting the claim frees the capital; the bonded shares, Dave's, earn its deposit by
		// block 40.
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		let capital = pool(0).capital;
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 500_000, amount: 500_000 });
		assert_eq!(pool(0).capital, capital - 500_000);
		assert_eq!(pool(0).active_cover, 2_900_000);
		run_to_block(41);
		let dave = MutualPool::position(0, &DAVE).unwrap().value;
		assert_eq!(dave, pool(0).capital);
		assert!(dave >= 1_500_000 + in_pool(deposit(1_000_000)), "Dave has {dave}");
	});
}

// ---------------------------------------------------------------------------------------------
// rebond
// ---------------------------------------------------------------------------------------------

#[test]
fn rebond_turns_unbonding_shares_back_into_bonded_ones_at_both_prices() {
	ExtBuilder::default().build_and_execute(|| {
		without_appeals();
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		let (cover_id, _) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 400_000));
		// A loss of 40_000 takes 8_000 of Bob's 400_000 unbonding: his unbonding shares are
		// worth 392_000; the bonded price falls to 1_568_000 / 1_600_000 = 0.98.
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_eq!(pool(0).unbonding_capital, 392_000);
		// A request to leave holds for the unbonding period.
		assert_noop!(MutualPool::rebond(signed(BOB), 0), Error::<Test>::StillUnbonding);
		run_to_block(21);
		let bob = MutualPool::position(0, &BOB).unwrap().value;

		assert_ok!(MutualPool::rebond(signed(BOB), 0));
		// 392_000 at the bonded price buys 392_000 / 0.98 = 400_000 shares.
		let shares = mul_div(392_000, 1_600_000, 1_568_000);
		assert_eq!(shares, 400_000);
		assert_last(Event::Rebonded {
			pool_id: 0,
			who: BOB,
			unbonding: 400_000,
			amount: 392_000,
			shares,
		});
		assert_eq!(staker(BOB).shares, 600_000 + shares);
		assert_eq!(staker(BOB).unbonding, 0);
		let pool = pool(0);
		assert_eq!((pool.unbonding_shares, pool.unbonding_capital), (0, 0));
		assert_eq!(pool.total_shares, 2_000_000);
		// Nobody's value moved, and Bob's rebonded capital sells cover again.
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, bob);
		assert_eq!(pool.bonded_capacity(), pool.capacity());
		assert_eq!(MutualPool::position(0, &BOB).unwrap().unlock_at, None);
		// Bob's shares earn again: the next slashed deposit is shared by both stakers.
		let dave = MutualPool::position(0, &DAVE).unwrap().value;
		assert_eq!(bob, dave);
		let claim_id = claim(CHARLIE, cover_id, 10_000);
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		run_to_block(41);
		let bob_now = MutualPool::position(0, &BOB).unwrap().value;
		let dave_now = MutualPool::position(0, &DAVE).unwrap().value;
		assert!(bob_now >= bob && bob_now.abs_diff(dave_now) <= 1, "{bob_now} and {dave_now}");
		// In a native pool, the deposit raised both.
		assert!(!native_pool() || bob_now > bob);
	});
}

#[test]
fn rebond_keeps_the_other_unbonders_price() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 300_000));
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, 200_000));
		run_to_block(21);
		assert_ok!(MutualPool::rebond(signed(BOB), 0));
		assert_eq!(staker(BOB), StakerInfo { unbonding: 0, ..staker(BOB) });
		assert_eq!((pool(0).unbonding_shares, pool(0).unbonding_capital), (200_000, 200_000));
		assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 200_000));
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::NothingUnbonding);
	});
}

#[test]
fn rebond_fails_without_unbonding_shares_or_below_the_minimum() {
	// The share price is lifted by a slashed deposit, which only a native pool takes.
	ExtBuilder::default().native_only().build_and_execute(|| {
		stake(BOB, 1_000_000);
		assert_noop!(MutualPool::rebond(signed(BOB), 1), Error::<Test>::PoolNotFound);
		assert_noop!(MutualPool::rebond(signed(DAVE), 0), Error::<Test>::NotStaker);
		assert_noop!(MutualPool::rebond(signed(BOB), 0), Error::<Test>::NothingUnbonding);
		// Dave unbonds all of his 1_000; then the bonded shares earn a slashed deposit: the
		// 1_000 of his unbonding shares buy 1_000 / 1.00014 = 999 bonded shares, fewer than the
		// pool's `min_stake`, which is all he would hold bonded.
		stake(DAVE, 1_000);
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, 1_000));
		assert_noop!(MutualPool::rebond(signed(DAVE), 0), Error::<Test>::StillUnbonding);
		let (cover_id, _) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
		// At block 21, when Dave's shares unlock.
		slash_a_claim(cover_id);
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 1_000);
		assert_noop!(MutualPool::rebond(signed(DAVE), 0), Error::<Test>::SharesBelowMinimum);
	});
}

// ---------------------------------------------------------------------------------------------
// governance: pools
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// governance: products
// ---------------------------------------------------------------------------------------------

#[test]
fn a_leaver_gets_its_share_of_a_rejected_claim_back_in_full() {
	ExtBuilder::default().build_and_execute(|| {
		without_appeals();
		// Bob and Dave stake; Charlie's claim of 40_000 is pending.
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		let cover_id = buy(CHARLIE, 0, 100_000, 10);
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, staker(BOB).shares));
		run_to_block(30);
		// Whoever leaves holds back its share of the pending claim until it is decided, so that
		// the claim's outcome is shared by exactly the stakers who were there when it was filed.
		let value = MutualPool::position(0, &BOB).unwrap().value;
		assert_eq!(value, 1_000_000);
		let before = free(BOB);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_eq!(free(BOB) - before, value - 20_000);
		// Once the claim is decided (here rejected), Bob gets the rest: all of the 1_000_000 he
		// unbonded (the slashed deposit is the bonded shares', Dave's).
		assert_ok!(MutualPool::reject_claim(RuntimeOrigin::root(), claim_id));
		assert_eq!(release(BOB), (0, 20_000));
		assert_eq!(free(BOB) - before, value);
		assert!(Stakers::<Test>::get(BOB, 0).is_none());
		assert_eq!(pool(0).total_shares, staker(DAVE).shares);
		// Dave's bonded shares earn the deposit by block 50 (at 7 a block), and the premium (1
		// unit: ceil(2_063 * 120 / YEAR), at 1 / 119 a block) less than a unit by then.
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 1_000_000);
		run_to_block(51);
		assert_eq!(
			MutualPool::position(0, &DAVE).unwrap().value,
			1_000_000 + in_pool(deposit(40_000))
		);
	});
}

#[test]
fn a_lapsed_claim_is_pending_until_it_is_lapsed() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		let cover_id = buy(CHARLIE, 0, 100_000, 10);
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, staker(BOB).shares));
		// Past the decision period the claim can no longer be decided, but it is pending until
		// someone lapses it (in the same batch as the withdrawal, say).
		run_to_block(1 + DECISION_PERIOD);
		assert_eq!(pool(0).pending_claims, 40_000);
		assert_ok!(MutualPool::lapse_claim(signed(BOB), claim_id));
		assert_eq!(pool(0).pending_claims, 0);
		// Dave is the last bonded staker: he may ask to leave once the cover's claim window
		// has closed and its bucket is rolled (claims close at 111, bucket 12, due at 120, when
		// on_idle of block 120 has not run yet).
		assert_noop!(
			MutualPool::request_unstake(signed(DAVE), 0, 1_000_000),
			Error::<Test>::InsufficientFreeCapital
		);
		run_to_block(120);
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Product(0)));
		assert_ok!(MutualPool::roll_expiries(signed(EVE), ExpiryOwner::Pool(0)));
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, 1_000_000));
		// The premium, 1 unit at 1 / 119 a block (ceil(2_063 * 120 / YEAR) = 1, no fee), is
		// earned whole once its rate stops, by the bonded shares, Dave's: Bob's unbonding shares
		// earn nothing.
		assert_eq!(pool(0).capital, 2_000_001);
		assert_eq!(pool(0).earnings.unearned, 0);
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 1_000_001);
		let before = free(BOB);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_eq!(free(BOB) - before, 1_000_000);
		assert_eq!(pool(0).total_shares, 0);
		assert_eq!(pool(0).unbonding_shares, staker(DAVE).unbonding);
		assert_eq!(pool(0).capital, 1_000_001);
	});
}

// ---------------------------------------------------------------------------------------------
// held withdrawals
// ---------------------------------------------------------------------------------------------

/// Bob and Dave stake 1_000_000 each, Bob unbonds it all; Charlie's claim of `amount` on a
/// 100_000 cover (a year) is pending when Bob withdraws at block 21. Returns the claim's id.
fn bob_leaves_with_a_claim_pending(amount: Balance) -> ClaimId {
	stake(BOB, 1_000_000);
	stake(DAVE, 1_000_000);
	let cover_id = buy(CHARLIE, 0, 100_000, YEAR);
	let claim_id = claim(CHARLIE, cover_id, amount);
	assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000_000));
	run_to_block(21);
	assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
	claim_id
}

#[test]
fn a_hold_is_charged_its_share_of_a_partial_payout_and_returns_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = bob_leaves_with_a_claim_pending(40_000);
		assert_eq!(held_back(BOB), 20_000);
		assert_eq!(pool(0).holding.value, 20_000);
		// The pool account holds the held value beside the capital.
		let account = free(pool_account());
		assert!(account >= pool(0).capital + pool(0).holding.value);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 10_000));
		// Bob's share of the 10_000 paid is 5_000: the stakers who bore it, Dave, get it back.
		let dave = MutualPool::position(0, &DAVE).unwrap().value;
		assert_eq!(release(BOB), (5_000, 15_000));
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, dave + 5_000);
		assert_eq!(pool(0).holding, Holding { paid_out: 10_000, ..Default::default() });
		assert_eq!(free(BOB), ENDOWMENT - ED - 5_000);
		assert_noop!(MutualPool::release_hold(signed(EVE), BOB, 0), Error::<Test>::HoldNotFound);
	});
}

#[test]
fn a_hold_charge_goes_to_bonded_and_unbonding_shares_pro_rata() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = bob_leaves_with_a_claim_pending(40_000);
		// Dave asks to leave half: his unbonding shares bear half of the payout, and get half of
		// Bob's charge back.
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, 500_000));
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_eq!(pool(0).unbonding_capital, 480_000);
		assert_eq!(release(BOB), (20_000, 0));
		assert_eq!(pool(0).unbonding_capital, 490_000);
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 980_000);
	});
}

#[test]
fn a_second_hold_waits_for_the_first_to_be_released() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		stake(DAVE, 1_000_000);
		let cover_id = buy(CHARLIE, 0, 100_000, YEAR);
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 500_000));
		run_to_block(21);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 500_000));
		run_to_block(41);
		assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::HoldOpen);
		// Once nothing is pending, nothing more is held back, and the first hold is due.
		run_to_block(1 + DECISION_PERIOD);
		assert_ok!(MutualPool::lapse_claim(signed(EVE), claim_id));
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		// Nothing held back: the last event is the whole withdrawal.
		assert_last(Event::Withdrawn { pool_id: 0, who: BOB, shares: 500_000, amount: 500_000 });
		let (charged, _) = release(BOB);
		assert_eq!(charged, 0);
		assert_eq!(free(BOB), ENDOWMENT - ED);
	});
}

#[test]
fn a_payout_beyond_the_capital_draws_on_the_holds_and_ends_their_era() {
	ExtBuilder::default().build_and_execute(|| {
		open_product_shares();
		let params = PoolParams { capacity_factor: FixedU128::from_u32(10), ..pool_params() };
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params));
		stake(BOB, 1_000_000);
		let cover_id = buy(CHARLIE, 0, 1_500_000, YEAR);
		let claim_id = claim(CHARLIE, cover_id, 1_500_000);
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 400_000));
		run_to_block(21);
		// Bob's 400_000 of a capital of 1_000_000 (and the premium earned) leaves with 1_500_000
		// pending: all of it is held back.
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		let held = held_back(BOB);
		assert_eq!(held, 400_000);
		let capital = pool(0).capital;
		// The capital cannot pay 1_500_000: the holds pay what it cannot, up to all they hold.
		let charlie = free(CHARLIE);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_id, 1_500_000));
		assert_eq!(free(CHARLIE) - charlie, capital + held + in_pool(deposit(1_500_000)));
		assert!(pool(0).depleted);
		assert_eq!(pool(0).holding, Holding { era: 1, paid_out: capital, ..Default::default() });
		// Bob's hold was drawn whole: it is worth nothing.
		assert_eq!(release(BOB), (0, 0));
	});
}

#[test]
fn releasing_a_hold_needs_it_due() {
	ExtBuilder::default().build_and_execute(|| {
		bob_leaves_with_a_claim_pending(40_000);
		assert_noop!(MutualPool::release_hold(signed(EVE), DAVE, 0), Error::<Test>::HoldNotFound);
		let due_at = Holds::<Test>::get(BOB, 0).unwrap().due_at;
		assert_eq!(due_at, 21 + DECISION_PERIOD + DEFAULT_APPEAL_PERIOD + APPEAL_DECISION_PERIOD);
		jump_to_block(due_at - 1);
		assert_noop!(MutualPool::release_hold(signed(EVE), BOB, 0), Error::<Test>::HoldNotDue);
		jump_to_block(due_at);
		// The claim lapsed unpaid, though nobody lapsed it: the whole share comes back.
		assert_eq!(pool(0).pending_claims, 40_000);
		assert_eq!(release(BOB), (0, 20_000));
	});
}
