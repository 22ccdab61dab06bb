//! Economic scenarios: who bears a loss, who earns a premium, what happens when a pool runs dry,
//! and what capital may leave while it backs cover.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::{FixedPointNumber, FixedU128};

/// Request unstaking of `shares` of `who` in pool 0.
fn request_unstake(who: AccountId, shares: Balance) {
	assert_ok!(MutualPool::request_unstake(signed(who), 0, shares));
}

/// Withdraw the unbonded shares of `who` from pool 0; returns the amount paid.
fn withdraw(who: AccountId) -> Balance {
	let before = free(who);
	assert_ok!(MutualPool::withdraw(signed(who), 0, 0));
	free(who) - before
}

/// The position of `who` in pool 0, which must be a staker.
fn position(who: AccountId) -> PositionOf {
	MutualPool::position(0, &who).expect("a staker")
}

/// A position in the test runtime.
type PositionOf = Position<AssetKind, Balance, u64>;

/// What all of `who`'s shares in pool 0, bonded and unbonding, are worth now.
fn value(who: AccountId) -> Balance {
	position(who).value
}

/// Bonded shares of `who` in pool 0, read from the staker record.
fn shares(who: AccountId) -> Balance {
	Stakers::<Test>::get(who, 0).map(|s| s.shares).unwrap_or_default()
}

/// Unbonding shares of `who` in pool 0, read from the staker record.
fn unbonding(who: AccountId) -> Balance {
	Stakers::<Test>::get(who, 0).map(|s| s.unbonding).unwrap_or_default()
}

/// The share price of pool 0 (of its bonded shares), with its earnings accrued to now.
fn share_price() -> FixedU128 {
	MutualPool::pool_status(0).unwrap().share_price
}

#[test]
fn unstaking_after_a_claim_is_filed_still_bears_the_loss() {
	ExtBuilder::default()
		.stake(0, BOB, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			// 100_000 for a year at capacity 4_000_000: 2% * 100_000 + 5% * ceil(100_000² / 8e6)
			// = 2_000 + ceil(62.5) = 2_063 a year, charged for the year, the claim window and
			// one bucket: ceil(2_063 * (YEAR + 110) / YEAR) = 2_064. The 1_858 net of the fee
			// is not capital yet: it is earned over the year and more of cover, about 0.00035 a
			// block, so nothing of it within the 21 blocks of this test.
			let cover = buy(CHARLIE, 0, 100_000, YEAR);
			assert_eq!(pool(0).capital, 2 * MILLION);
			assert_eq!(pool(0).earnings.unearned, 1_858);
			let claim_id = claim(CHARLIE, cover, 100_000);

			// Dave sees the claim and asks to leave with all his shares.
			run_to_block(2);
			request_unstake(DAVE, MILLION);
			assert_eq!(Stakers::<Test>::get(DAVE, 0).unwrap().unlock_at, 22);
			// His shares become unbonding shares, 1:1 as the first ones, worth what they were
			// worth bonded; their capital stays in the pool while they unbond.
			assert_eq!((shares(DAVE), unbonding(DAVE)), (0, MILLION));
			assert_eq!(pool(0).total_shares, MILLION);
			assert_eq!(pool(0).unbonding_shares, MILLION);
			assert_eq!(pool(0).unbonding_capital, MILLION);
			assert_eq!(pool(0).capital, 2 * MILLION);

			// The council pays the claim: capital falls to 1_900_000, and the loss is shared
			// pro rata to capital: 100_000 * 1_000_000 / 2_000_000 = 50_000 falls on Dave's
			// unbonding shares, as much on Bob's bonded ones.
			assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 100_000));
			assert_eq!(pool(0).capital, 1_900_000);
			assert_eq!(pool(0).unbonding_capital, 950_000);
			assert_eq!(position(DAVE).unbonding_value, 950_000);
			assert_eq!(value(DAVE), 950_000);
			assert_eq!(value(BOB), 950_000);

			run_to_block(22);
			assert_eq!(withdraw(DAVE), 950_000);
			assert_eq!(
				events().last(),
				Some(&Event::Withdrawn { pool_id: 0, who: DAVE, shares: MILLION, amount: 950_000 })
			);
			assert_eq!(free(DAVE), ENDOWMENT - MILLION + 950_000);
			// Bob keeps the rest.
			assert_eq!(pool(0).capital, 950_000);
			assert_eq!(pool(0).unbonding_shares, 0);
			assert_eq!(value(BOB), 950_000);
			assert_eq!(Stakers::<Test>::get(DAVE, 0), None);
		});
}

#[test]
fn withdrawing_before_the_claim_is_decided_holds_back_and_still_bears_the_loss() {
	ExtBuilder::default()
		.stake(0, BOB, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			// The cover of the test above: 1_858 of net premium, none of it earned by block 22.
			let cover = buy(CHARLIE, 0, 100_000, YEAR);
			let claim_id = claim(CHARLIE, cover, 100_000);
			run_to_block(2);
			request_unstake(DAVE, MILLION);

			// The claim is still under assessment when Dave's shares unlock (it lapses at block
			// 51 at the latest): his withdrawal holds back his share of it, 100_000 * 1_000_000 /
			// 2_000_000, until it is decided.
			run_to_block(22);
			assert_eq!(pool(0).pending_claims, 100_000);
			assert!(System::block_number() < Claims::<Test>::get(claim_id).unwrap().lapses_at);
			assert_eq!(withdraw(DAVE), 950_000);
			assert_eq!(held_back(DAVE), 50_000);
			assert_eq!(pool(0).capital, MILLION);
			assert_eq!((pool(0).total_shares, pool(0).unbonding_shares), (MILLION, 0));

			// The claim is then paid in full out of Bob's capital, and Dave's hold pays back
			// half of it: Dave ends with 1_000_000 - 100_000 * 1_000_000 / 2_000_000, exactly
			// what Bob is left with.
			assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 100_000));
			assert_eq!(value(BOB), 900_000);
			assert_eq!(release(DAVE), (50_000, 0));
			assert_eq!(pool(0).capital, 950_000);
			assert_eq!(value(BOB), 950_000);
			assert_eq!(free(DAVE), ENDOWMENT - MILLION + 950_000);
		});
}

#[test]
fn two_stakers_share_a_payout_in_proportion_to_their_shares() {
	ExtBuilder::default()
		.stake(0, BOB, 3 * MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			assert_eq!((shares(BOB), shares(DAVE)), (3 * MILLION, MILLION));
			// 400_000 for a year at capacity 8_000_000:
			// 2% * 400_000 + 5% * 400_000² / 16e6 = 8_000 + 500 = 8_500 a year, charged for
			// YEAR + 110 blocks: ceil(8_500 * (YEAR + 110) / YEAR) = 8_501, 7_651 net of the fee,
			// which is earned over the cover's life, not added to the capital now.
			let cover = buy(CHARLIE, 0, 400_000, YEAR);
			assert_eq!(pool(0).capital, 4 * MILLION);
			assert_eq!(pool(0).earnings.unearned, 7_651);
			let claim_id = claim(CHARLIE, cover, 400_000);
			let charlie = free(CHARLIE);
			assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 400_000));
			assert_eq!(events().last(), Some(&Event::ClaimApproved { claim_id, payout: 400_000 }));
			assert_eq!(free(CHARLIE), charlie + 400_000 + in_pool(deposit(400_000)));
			assert_eq!(pool(0).capital, 3_600_000);

			// No staker record was touched: the loss is in the share price.
			assert_eq!((shares(BOB), shares(DAVE)), (3 * MILLION, MILLION));
			// 3/4 and 1/4 of 3_600_000.
			assert_eq!(value(BOB), 2_700_000);
			assert_eq!(value(DAVE), 900_000);
			let bob_loss = 3 * MILLION - value(BOB);
			let dave_loss = MILLION - value(DAVE);
			assert_eq!((bob_loss, dave_loss), (300_000, 100_000));
			// Exactly three to one.
			assert_eq!(bob_loss, 3 * dave_loss);

			// They leave and take exactly that: each unbonds at the bonded price, and the
			// unbonding shares keep their value (the premium, earned at 0.0015 a block, earns
			// nothing by block 21, and it would not be theirs once unbonding).
			request_unstake(BOB, 3 * MILLION);
			request_unstake(DAVE, MILLION);
			assert_eq!((unbonding(BOB), unbonding(DAVE)), (2_700_000, 900_000));
			assert_eq!(pool(0).unbonding_capital, 3_600_000);
			run_to_block(21);
			assert_eq!(withdraw(BOB), 2_700_000);
			assert_eq!(withdraw(DAVE), 900_000);
			assert_eq!(pool(0).capital, 0);
			assert_eq!(pool(0).total_shares, 0);
			assert_eq!(pool(0).unbonding_shares, 0);
		});
}

#[test]
fn premiums_are_earned_over_the_cover_and_raise_the_share_price() {
	ExtBuilder::default().stake(0, BOB, 2 * MILLION).build_and_execute(|| {
		assert_eq!(share_price(), FixedU128::from_u32(1));
		assert_eq!(value(BOB), 2 * MILLION);

		// At block 10 Charlie buys 1_200_000 on product 1 (its whole 30% of the capacity of
		// 4_000_000) for 4_890 blocks, with claims until 10 + 4_890 + 100 = 5_000 (bucket 501,
		// which ends at block 5_010). The premium is charged for 5_000 blocks (to 5_000, plus one
		// bucket): 5% * 1_200_000 + 5% * ceil(1_200_000² / 8e6) = 60_000 + 9_000 = 69_000 a
		// year, ceil(69_000 * 5_000 / YEAR) = 66, a fee of 6, 60 net.
		run_to_block(10);
		let cover = buy(CHARLIE, 1, 1_200_000, 4_890);
		assert_eq!(Covers::<Test>::get(cover).unwrap().claim_until, 5_000);
		// None of it is capital yet: a staker who comes in now gets no part of it for free, and
		// one who leaves now takes none of it.
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!(status.capital, 2 * MILLION);
		assert_eq!(status.unearned_premiums, 60);
		assert_eq!(status.share_price, FixedU128::from_u32(1));
		assert_eq!(value(BOB), 2 * MILLION);
		// It is earned at 60 / (5_010 - 10) = 0.012 a block until the end of block 5_010.
		assert_eq!(pool(0).earnings.rate, FixedU128::from_rational(12, 1_000));

		// 500 blocks on, 6 is earned, all Bob's.
		run_to_block(510);
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!((status.capital, status.unearned_premiums), (2 * MILLION + 6, 54));
		assert_eq!(
			status.share_price,
			FixedU128::checked_from_rational(2_000_006, 2 * MILLION).unwrap()
		);
		assert_eq!(value(BOB), 2 * MILLION + 6);

		// Halfway, 30 is earned: the share price has risen by 30 / 2_000_000.
		run_to_block(2_510);
		assert_eq!(
			share_price(),
			FixedU128::checked_from_rational(2_000_030, 2 * MILLION).unwrap()
		);
		assert!(share_price() > FixedU128::from_u32(1));
		assert_eq!(value(BOB), 2 * MILLION + 30);
		assert_eq!(shares(BOB), 2 * MILLION);

		// A new staker buys in at the higher price: 2_000_030 buys 2_000_000 shares.
		stake(DAVE, 2_000_030);
		assert_eq!(
			events().last(),
			Some(&Event::Staked { pool_id: 0, who: DAVE, amount: 2_000_030, shares: 2 * MILLION })
		);
		// The other half of the premium, earned while both back the cover, is shared by both:
		// 15 each once the whole 60 is earned at block 5_010.
		run_to_block(5_010);
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!((status.capital, status.unearned_premiums), (2 * 2_000_030 + 30, 0));
		assert_eq!(value(BOB), 2 * MILLION + 30 + 15);
		assert_eq!(value(DAVE), 2 * MILLION + 30 + 15);

		// Bob leaves with his stake, the first half of the premium and half of the second.
		request_unstake(BOB, 2 * MILLION);
		run_to_block(5_030);
		assert_eq!(withdraw(BOB), 2 * MILLION + 45);
		// (Bob's first stake also paid the pool account's existential deposit.)
		assert_eq!(free(BOB), ENDOWMENT - ED + 45);
		assert_eq!(value(DAVE), 2 * MILLION + 45);
	});
}

#[test]
fn unbonding_shares_bear_losses_but_earn_nothing() {
	ExtBuilder::default()
		.stake(0, BOB, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			open_product_shares();
			// The cover of the test above, on a pool of the same capital: at block 10 Charlie
			// buys 1_200_000 on product 1 for 4_890 blocks, 60 net of premium earned at 0.012 a
			// block until the end of block 5_010.
			run_to_block(10);
			let cover = buy(CHARLIE, 1, 1_200_000, 4_890);
			assert_eq!(pool(0).earnings.unearned, 60);
			// Dave asks to leave at once: his 1_000_000 shares, worth 1_000_000, unbond.
			request_unstake(DAVE, MILLION);
			assert_eq!(pool(0).unbonding_capital, MILLION);

			// Halfway, 30 is earned, all of it by Bob's bonded shares.
			run_to_block(2_510);
			assert_eq!(value(BOB), MILLION + 30);
			assert_eq!(
				position(DAVE),
				Position {
					asset: PoolAsset::get(),
					shares: 0,
					value: MILLION,
					unbonding_shares: MILLION,
					unbonding_value: MILLION,
					unlock_at: Some(30),
				}
			);
			// Dave's shares, though, still back the cover: they bear a loss pro rata to their
			// capital. Of a payout of 200_000, 200_000 * 1_000_000 / 2_000_030 = 99_998.5, rounded
			// up to 99_999, falls on them, the other 100_001 on Bob's 1_000_030.
			let claim_id = claim(CHARLIE, cover, 200_000);
			assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 200_000));
			assert_eq!(pool(0).capital, 2 * MILLION + 30 - 200_000);
			assert_eq!(pool(0).unbonding_capital, 900_001);
			assert_eq!(value(BOB), 900_029);
			assert_eq!(position(DAVE).unbonding_value, 900_001);

			// The second half of the premium, 30 more, is Bob's alone again.
			run_to_block(5_010);
			assert_eq!(MutualPool::pool_status(0).unwrap().unearned_premiums, 0);
			assert_eq!(value(BOB), 900_059);
			assert_eq!(value(DAVE), 900_001);
			// Dave takes his loss-bearing capital and nothing of the premium.
			assert_eq!(withdraw(DAVE), 900_001);
			assert_eq!(free(DAVE), ENDOWMENT - MILLION + 900_001);
			assert_eq!(pool(0).capital, 900_059);
			assert_eq!(value(BOB), 900_059);
		});
}

#[test]
fn payout_beyond_capital_depletes_the_pool_and_stops_stakes() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// Charlie buys product 0's whole share, 1_000_000 at capacity 2_000_000:
		// 2% * 1e6 + 5% * 1e6² / 4e6 = 32_500 a year, charged for YEAR + 110 blocks:
		// ceil(32_500 * (YEAR + 110) / YEAR) = 32_501, 29_251 net, not capital: the capacity
		// stays 2_000_000.
		let first = buy(CHARLIE, 0, MILLION, YEAR);
		assert_eq!(pool(0).capital, MILLION);
		// Dave buys product 1's whole share, 600_000 (30% of 2_000_000): 5% * 600_000 +
		// 5% * ceil(600_000 * 2_600_000 / 4_000_000) = 30_000 + 19_500 = 49_500 a year,
		// ceil(49_500 * (YEAR + 110) / YEAR) = 49_502 charged, 44_552 net.
		let second = buy(DAVE, 1, 600_000, YEAR);
		assert_eq!(pool(0).capital, MILLION);
		assert_eq!(pool(0).earnings.unearned, 29_251 + 44_552);
		let first_claim = claim(CHARLIE, first, 900_000);
		let second_claim = claim(DAVE, second, 600_000);

		// The first payout is above 20% of capital: the simple council may not approve it.
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), first_claim, 900_000),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), first_claim, 900_000));
		assert_eq!(pool(0).capital, 100_000);

		// The second one is larger than what is left: the pool pays all it has.
		let dave = free(DAVE);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), second_claim, 600_000));
		let events = events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::ClaimApproved { claim_id: second_claim, payout: 100_000 },
				Event::PoolDepleted { pool_id: 0, shortfall: 500_000 },
			]
		);
		assert_eq!(free(DAVE), dave + 100_000 + in_pool(deposit(600_000)));
		assert_eq!(Covers::<Test>::get(second).unwrap().remaining, 500_000);
		assert_eq!(pool(0).capital, 0);
		// The payout ended the era of Bob's shares, worth nothing: none is in issue now.
		assert_eq!((pool(0).total_shares, pool(0).era), (0, 1));
		// Only the fees owed to the treasury, the premiums not yet earned (no payout takes them)
		// and the existential deposit are left in it.
		assert_eq!(pool(0).fees_owed, 3_250 + 4_950);
		assert_eq!(pool(0).earnings.unearned, 29_251 + 44_552);
		assert_eq!(
			free(MutualPool::pool_account(0)),
			pool(0).fees_owed + pool(0).earnings.unearned + ED
		);
		assert_eq!(MutualPool::position(0, &BOB), None);
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!(status.share_price, FixedU128::from_u32(1));
		assert_eq!(status.capacity, 0);
		// Cover is still active with nothing behind it (100_000 left of Charlie's, 500_000 of
		// Dave's): utilization is unbounded, solvency nil.
		assert_eq!(status.active_cover, 600_000);
		assert_eq!(status.utilization, <FixedU128 as sp_runtime::traits::Bounded>::max_value());
		assert_eq!(status.solvency_ratio, Some(FixedU128::from_u32(0)));

		// The payout emptied the pool: it is depleted, nobody may stake into it, at any
		// amount, and it sells no cover, until governance reopens it.
		assert!(pool(0).depleted);
		assert_noop!(MutualPool::stake(signed(BOB), 0, 1_000, 0), Error::<Test>::PoolDepleted);
		assert_noop!(
			MutualPool::stake(signed(EVE), 0, 10 * MILLION, 0),
			Error::<Test>::PoolDepleted
		);
		assert_noop!(
			MutualPool::buy_cover(signed(EVE), 0, MIN_COVER, 10, Balance::MAX),
			Error::<Test>::PoolDepleted
		);
	});
}

#[test]
fn cover_beyond_capacity_fails() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// A product may use the pool's whole capacity of 2_000_000.
		assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, product_params(2, 100)));
		// Covers for 10 blocks, charged for 10 + 100 (claim window) + 10 (one bucket) blocks:
		// the premiums here are 1, 2 and 2, and 10% of each rounds to no fee. They are earned
		// over the covers' life: the purchases add nothing to capital nor to capacity.
		buy(CHARLIE, 0, MILLION, 10);
		buy(DAVE, 1, 600_000, 10);
		buy(EVE, 2, 399_990, 10);
		assert_eq!(pool(0).capital, MILLION);
		assert_eq!(pool(0).earnings.unearned, 5);
		assert_eq!(pool(0).active_cover, 2 * MILLION - 10);
		assert_eq!(MutualPool::pool_status(0).unwrap().capacity, 2 * MILLION);

		// The pool is full up to 10 units: 11 more is refused on every product (products 0 and
		// 1 have nothing left of their own shares, product 2 has the 10 left in the pool).
		for product in [0, 1, 2] {
			assert_noop!(
				MutualPool::buy_cover(signed(FERDIE), product, 11, 10, Balance::MAX),
				Error::<Test>::InsufficientCapacity
			);
			assert_eq!(
				MutualPool::quote(product, 11, 10),
				Err(Error::<Test>::InsufficientCapacity.into())
			);
		}
		assert_eq!(MutualPool::quote(0, 1, 10), Err(Error::<Test>::InsufficientCapacity.into()));
		assert!(MutualPool::quote(2, 10, 10).is_ok());
		assert_noop!(
			MutualPool::buy_cover(signed(FERDIE), 2, MILLION, YEAR, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);

		// Fresh capital makes room: 1_000 more stake (the 1_000 shares a staker holds at least,
		// at the price of 1 that no premium has raised yet), 2_000 more capacity.
		stake(FERDIE, 1_000);
		assert_eq!(shares(FERDIE), 1_000);
		assert_noop!(
			MutualPool::buy_cover(signed(FERDIE), 2, 2_011, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		buy(FERDIE, 2, 2_010, 10);
		assert_eq!(pool(0).active_cover, 2 * MILLION + 2_000);
	});
}

#[test]
fn a_request_to_leave_may_not_leave_active_cover_on_unbonding_capital() {
	ExtBuilder::default()
		.stake(0, BOB, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			open_product_shares();
			// Capacity 4_000_000. Product 0 sells 2_000_000 and product 1 1_200_000 of cover from
			// block 1 to 51, with claims until 151 (bucket 16). The premiums, charged for
			// 50 + 100 + 10 blocks, are 2 and 4, with no fee after rounding: 6 to be earned from
			// block 1 to the end of bucket 16, block 160.
			buy(CHARLIE, 0, 2 * MILLION, 50);
			buy(EVE, 1, 1_200_000, 50);
			assert_eq!(pool(0).capital, 2 * MILLION);
			assert_eq!(pool(0).earnings.unearned, 6);
			assert_eq!(pool(0).active_cover, 3_200_000);

			// Bob's 1_000_000 would leave a bonded capacity of 2_000_000, below the 3_200_000 of
			// active cover: the unbonding capital would back it. He may not even ask to leave;
			// he stays bonded, earning, while his capital backs the cover.
			assert_noop!(
				MutualPool::request_unstake(signed(BOB), 0, MILLION),
				Error::<Test>::InsufficientFreeCapital
			);
			// Dave's 200_000 leaves 1_800_000 bonded, a bonded capacity of 3_600_000: enough.
			request_unstake(DAVE, 200_000);
			run_to_block(21);
			assert_eq!(withdraw(DAVE), 200_000);
			assert_eq!(pool(0).capital, 1_800_000);

			// The covers end at 51, but they hold capacity until their claims close at 151
			// (bucket 16): after their end they still count.
			run_to_block(60);
			assert_noop!(
				MutualPool::request_unstake(signed(BOB), 0, MILLION),
				Error::<Test>::InsufficientFreeCapital
			);
			// `on_idle` rolls the pool as buckets fall due: through bucket 9 by the end of
			// block 99, and the covers are still active.
			run_to_block(100);
			assert_eq!(pool(0).expired_through, 9);
			assert_eq!(pool(0).active_cover, 3_200_000);
			// Until block 160 they still count. By block 159, 6 * 158 / 159 = 5.96 of the
			// premium is earned: 5, by the bonded shares, Bob's and Dave's.
			run_to_block(159);
			assert_eq!(pool(0).expired_through, 15);
			let status = MutualPool::pool_status(0).unwrap();
			assert_eq!((status.capital, status.unearned_premiums), (1_800_005, 1));
			assert_noop!(
				MutualPool::request_unstake(signed(BOB), 0, MILLION),
				Error::<Test>::InsufficientFreeCapital
			);
			// At block 160 bucket 16 is due, and `on_idle` has not rolled it yet: a request rolls
			// nothing, so Bob rolls the pool and the products' books first (in the same batch,
			// say).
			run_to_block(160);
			assert_eq!(pool(0).expired_through, 15);
			assert_noop!(
				MutualPool::request_unstake(signed(BOB), 0, MILLION),
				Error::<Test>::InsufficientFreeCapital
			);
			for owner in [ExpiryOwner::Pool(0), ExpiryOwner::Product(0), ExpiryOwner::Product(1)] {
				assert_ok!(MutualPool::roll_expiries(signed(BOB), owner));
			}
			assert_eq!(pool(0).expired_through, 16);
			assert_eq!(pool(0).active_cover, 0);
			// The covers' rates, floored to 18 decimals, earned 5 in the 159 blocks to 160, and
			// once the roll stopped them, their rounding dust, the last unit, is earned at once.
			assert_eq!(pool(0).capital, 1_800_006);
			assert_eq!(pool(0).earnings.unearned, 0);
			assert_eq!(pool(0).earnings.rate, FixedU128::from_u32(0));
			// Bob's 1_000_000 of the 1_800_000 shares are worth 1_000_003.3, rounded down.
			request_unstake(BOB, MILLION);
			run_to_block(180);
			assert_eq!(withdraw(BOB), 1_000_003);
			assert_eq!(
				events().last(),
				Some(&Event::Withdrawn {
					pool_id: 0,
					who: BOB,
					shares: 1_000_003,
					amount: 1_000_003
				})
			);
			assert_eq!(pool(0).total_shares, 800_000);
			assert_eq!(value(DAVE), 800_003);
			assert_eq!(Stakers::<Test>::get(BOB, 0), None);
		});
}
