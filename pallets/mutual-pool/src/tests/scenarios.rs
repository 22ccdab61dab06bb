//! Economic scenarios: who bears a loss, who earns a premium, what happens when a pool runs dry,
//! and what capital may leave while it backs cover.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::{FixedPointNumber, FixedU128};

/// One million.
const MILLION: Balance = 1_000_000;

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

/// What `who`'s shares in pool 0 are worth now.
fn value(who: AccountId) -> Balance {
	MutualPool::position(0, &who).expect("a staker").value
}

/// Shares of `who` in pool 0, read from the staker record.
fn shares(who: AccountId) -> Balance {
	Stakers::<Test>::get(who, 0).map(|s| s.shares).unwrap_or_default()
}

#[test]
fn unstaking_after_a_claim_is_filed_still_bears_the_loss() {
	ExtBuilder::default()
		.stake(0, BOB, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			// 100_000 for a year at capacity 4_000_000: 2% * 100_000 + 5% * ceil(100_000² / 8e6)
			// = 2_000 + ceil(62.5) = 2_063 a year, charged for the year, the claim window and
			// one bucket: ceil(2_063 * (YEAR + 110) / YEAR) = 2_064; 1_858 of it joins capital.
			let cover = buy(CHARLIE, 0, 100_000, YEAR);
			assert_eq!(pool(0).capital, 2 * MILLION + 1_858);
			let claim_id = claim(CHARLIE, cover, 100_000);

			// Dave sees the claim and asks to leave with all his shares.
			run_to_block(2);
			request_unstake(DAVE, MILLION);
			assert_eq!(Stakers::<Test>::get(DAVE, 0).unwrap().unlock_at, 22);
			// His shares stay in the pool while they unbond.
			assert_eq!(pool(0).total_shares, 2 * MILLION);

			// The council pays the claim: capital falls to 1_901_858 and both stakers' shares,
			// Dave's unbonding ones included, lose the same.
			assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 100_000));
			assert_eq!(pool(0).capital, 1_901_858);
			assert_eq!(value(DAVE), 950_929);
			assert_eq!(value(BOB), 950_929);

			run_to_block(22);
			assert_eq!(withdraw(DAVE), 950_929);
			assert_eq!(
				events().last(),
				Some(&Event::Withdrawn { pool_id: 0, who: DAVE, shares: MILLION, amount: 950_929 })
			);
			assert_eq!(free(DAVE), ENDOWMENT - MILLION + 950_929);
			// Bob keeps the rest.
			assert_eq!(pool(0).capital, 950_929);
			assert_eq!(value(BOB), 950_929);
			assert_eq!(Stakers::<Test>::get(DAVE, 0), None);
		});
}

#[test]
fn withdrawing_before_the_claim_is_decided_waits_and_still_bears_the_loss() {
	ExtBuilder::default()
		.stake(0, BOB, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			let cover = buy(CHARLIE, 0, 100_000, YEAR);
			let claim_id = claim(CHARLIE, cover, 100_000);
			run_to_block(2);
			request_unstake(DAVE, MILLION);

			// The claim is still under assessment when Dave's shares unlock: he may not leave
			// before it is decided (it lapses at block 51 at the latest).
			run_to_block(22);
			assert_eq!(pool(0).pending_claims, 100_000);
			assert!(System::block_number() < Claims::<Test>::get(claim_id).unwrap().lapses_at);
			assert_noop!(MutualPool::withdraw(signed(DAVE), 0, 0), Error::<Test>::ClaimsPending);
			assert_eq!(pool(0).capital, 2 * MILLION + 1_858);
			assert_eq!(pool(0).total_shares, 2 * MILLION);

			// The claim is then paid in full, and Dave, still in the pool, bears half of it:
			// he is paid (2_001_858 - 100_000) / 2, exactly what Bob is left with.
			assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 100_000));
			assert_eq!(withdraw(DAVE), 950_929);
			assert_eq!(pool(0).capital, 950_929);
			assert_eq!(value(BOB), 950_929);
			assert_eq!(free(DAVE), ENDOWMENT - MILLION + 950_929);
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
			// YEAR + 110 blocks: ceil(8_500 * (YEAR + 110) / YEAR) = 8_501, 7_651 net of the fee.
			let cover = buy(CHARLIE, 0, 400_000, YEAR);
			assert_eq!(pool(0).capital, 4 * MILLION + 7_651);
			let claim_id = claim(CHARLIE, cover, 400_000);
			let charlie = free(CHARLIE);
			assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 400_000));
			assert_eq!(events().last(), Some(&Event::ClaimApproved { claim_id, payout: 400_000 }));
			assert_eq!(free(CHARLIE), charlie + 400_000 + deposit(400_000));
			assert_eq!(pool(0).capital, 3_607_651);

			// No staker record was touched: the loss is in the share price.
			assert_eq!((shares(BOB), shares(DAVE)), (3 * MILLION, MILLION));
			// 3/4 and 1/4 of 3_607_651, rounded down.
			assert_eq!(value(BOB), 2_705_738);
			assert_eq!(value(DAVE), 901_912);
			let bob_loss = 3 * MILLION - value(BOB);
			let dave_loss = MILLION - value(DAVE);
			assert_eq!((bob_loss, dave_loss), (294_262, 98_088));
			// Three to one, to within rounding: each value is rounded down by less than a unit,
			// and Dave's rounding counts three times.
			assert!(bob_loss.abs_diff(3 * dave_loss) <= 2);

			// They leave and take exactly that; the last one out takes the rounding dust.
			request_unstake(BOB, 3 * MILLION);
			request_unstake(DAVE, MILLION);
			run_to_block(21);
			assert_eq!(withdraw(BOB), 2_705_738);
			assert_eq!(withdraw(DAVE), 901_913);
			assert_eq!(pool(0).capital, 0);
			assert_eq!(pool(0).total_shares, 0);
		});
}

#[test]
fn premiums_raise_the_share_price() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		assert_eq!(MutualPool::pool_status(0).unwrap().share_price, FixedU128::from_u32(1));
		assert_eq!(value(BOB), MILLION);

		// Charlie pays 2_126 for 100_000 of cover for a year (2_125 a year, charged for the
		// year, the claim window and one bucket); 1_914 of it joins capital.
		buy(CHARLIE, 0, 100_000, YEAR);
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!(
			status.share_price,
			FixedU128::checked_from_rational(1_001_914, MILLION).unwrap()
		);
		assert!(status.share_price > FixedU128::from_u32(1));
		assert_eq!(value(BOB), 1_001_914);
		assert_eq!(shares(BOB), MILLION);

		// A new staker buys in at the higher price: 1_001_914 buys 1_000_000 shares.
		stake(DAVE, 1_001_914);
		assert_eq!(
			events().last(),
			Some(&Event::Staked { pool_id: 0, who: DAVE, amount: 1_001_914, shares: MILLION })
		);
		// The next premium is shared by both: 100_000 more at utilization 100_000 of 4_007_656
		// costs 2_000 + ceil(5% * ceil(100_000 * 300_000 / 8_015_312)) = 2_000 + 188 = 2_188 a
		// year, ceil(2_188 * (YEAR + 110) / YEAR) = 2_189 charged, 1_971 net; each holder of a
		// million shares gains 985 (rounded down).
		buy(EVE, 0, 100_000, YEAR);
		assert_eq!(pool(0).capital, 2 * 1_001_914 + 1_971);
		assert_eq!(value(BOB), 1_001_914 + 985);
		assert_eq!(value(DAVE), 1_001_914 + 985);

		// Bob leaves with his stake and both premiums' share.
		request_unstake(BOB, MILLION);
		run_to_block(21);
		assert_eq!(withdraw(BOB), MILLION + 1_914 + 985);
		// (Bob's first stake also paid the pool account's existential deposit.)
		assert_eq!(free(BOB), ENDOWMENT - ED + 1_914 + 985);
	});
}

#[test]
fn payout_beyond_capital_depletes_the_pool_and_stops_stakes() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// Charlie buys product 0's whole share, 1_000_000 at capacity 2_000_000:
		// 2% * 1e6 + 5% * 1e6² / 4e6 = 32_500 a year, charged for YEAR + 110 blocks:
		// ceil(32_500 * (YEAR + 110) / YEAR) = 32_501, 29_251 net.
		let first = buy(CHARLIE, 0, MILLION, YEAR);
		assert_eq!(pool(0).capital, MILLION + 29_251);
		// Dave buys 600_000 on product 1 (30% of 2_058_502 is 617_550): 5% * 600_000 +
		// 5% * ceil(600_000 * 2_600_000 / 4_117_004) = 30_000 + ceil(5% * 378_917) = 48_946 a
		// year, ceil(48_946 * (YEAR + 110) / YEAR) = 48_948 charged, 44_054 net.
		let second = buy(DAVE, 1, 600_000, YEAR);
		assert_eq!(pool(0).capital, 1_073_305);
		let first_claim = claim(CHARLIE, first, MILLION);
		let second_claim = claim(DAVE, second, 600_000);

		// The first payout is above 20% of capital: the simple council may not approve it.
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), first_claim, MILLION),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), first_claim, MILLION));
		assert_eq!(pool(0).capital, 73_305);

		// The second one is larger than what is left: the pool pays all it has.
		let dave = free(DAVE);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), second_claim, 600_000));
		let events = events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::ClaimApproved { claim_id: second_claim, payout: 73_305 },
				Event::PoolDepleted { pool_id: 0, shortfall: 526_695 },
			]
		);
		assert_eq!(free(DAVE), dave + 73_305 + deposit(600_000));
		assert_eq!(Covers::<Test>::get(second).unwrap().remaining, 526_695);
		assert_eq!(pool(0).capital, 0);
		assert_eq!(pool(0).total_shares, MILLION);
		// Only the fees owed to the treasury and the existential deposit are left in it.
		assert_eq!(free(MutualPool::pool_account(0)), pool(0).fees_owed + ED);
		assert_eq!(value(BOB), 0);
		let status = MutualPool::pool_status(0).unwrap();
		assert_eq!(status.share_price, FixedU128::from_u32(0));
		assert_eq!(status.capacity, 0);
		// Cover is still active with nothing behind it: utilization is unbounded, solvency nil.
		assert_eq!(status.active_cover, 526_695);
		assert_eq!(status.utilization, <FixedU128 as sp_runtime::traits::Bounded>::max_value());
		assert_eq!(status.solvency_ratio, Some(FixedU128::from_u32(0)));

		// Capital zero with shares in issue: nobody may stake into it, at any amount.
		assert_noop!(MutualPool::stake(signed(BOB), 0, 1_000, 0), Error::<Test>::PoolDepleted);
		assert_noop!(
			MutualPool::stake(signed(EVE), 0, 10 * MILLION, 0),
			Error::<Test>::PoolDepleted
		);
		// And it sells no cover.
		assert_noop!(
			MutualPool::buy_cover(signed(EVE), 0, 1, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
	});
}

#[test]
fn cover_beyond_capacity_fails() {
	ExtBuilder::default().stake(0, BOB, MILLION).build_and_execute(|| {
		// A product may use the pool's whole capacity of 2_000_000.
		assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, product_params(2, 100)));
		// Covers for 10 blocks, charged for 10 + 100 (claim window) + 10 (one bucket) blocks:
		// the premiums here are 1, 2 and 2, and 10% of each rounds to no fee, so the purchases
		// add 5 to capital and 10 to capacity.
		buy(CHARLIE, 0, MILLION, 10);
		buy(DAVE, 1, 600_000, 10);
		buy(EVE, 2, 400_000, 10);
		assert_eq!(pool(0).capital, MILLION + 5);
		assert_eq!(pool(0).active_cover, 2 * MILLION);
		assert_eq!(MutualPool::pool_status(0).unwrap().capacity, 2 * MILLION + 10);

		// The pool is full up to 10 units: 11 more is refused on every product (products 0 and
		// 1 have only 5 and 3 left of their own shares, product 2 all of the 10).
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
		assert!(MutualPool::quote(2, 10, 10).is_ok());
		assert_noop!(
			MutualPool::buy_cover(signed(FERDIE), 2, MILLION, YEAR, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);

		// Fresh capital makes room: 1_001 more stake (the 1_000 shares a staker holds at least,
		// at the current price), 2_002 more capacity.
		stake(FERDIE, 1_001);
		assert_noop!(
			MutualPool::buy_cover(signed(FERDIE), 2, 2_013, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		buy(FERDIE, 2, 2_012, 10);
		assert_eq!(pool(0).active_cover, 2 * MILLION + 2_012);
	});
}

#[test]
fn withdrawal_may_not_leave_active_cover_unbacked() {
	ExtBuilder::default()
		.stake(0, BOB, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			// Capacity 4_000_000. Product 0 sells 2_000_000 and product 1 1_200_000 of cover from
			// block 1 to 51, with claims until 151. The premiums, charged for 50 + 100 + 10
			// blocks, are 2 and 4, with no fee after rounding.
			buy(CHARLIE, 0, 2 * MILLION, 50);
			buy(EVE, 1, 1_200_000, 50);
			assert_eq!(pool(0).capital, 2 * MILLION + 6);
			assert_eq!(pool(0).active_cover, 3_200_000);

			request_unstake(BOB, MILLION);
			request_unstake(DAVE, 200_000);
			run_to_block(21);
			// Bob's 1_000_003 would leave capital 1_000_003, capacity 2_000_006, below the
			// 3_200_000 of active cover.
			assert_noop!(
				MutualPool::withdraw(signed(BOB), 0, 0),
				Error::<Test>::InsufficientFreeCapital
			);
			// Dave's floor(200_000 * 2_000_006 / 2_000_000) = 200_000 leaves 1_800_006, capacity
			// 3_600_012: enough.
			assert_eq!(withdraw(DAVE), 200_000);
			assert_eq!(pool(0).capital, 1_800_006);
			assert_eq!(pool(0).expired_through, 2);
			assert_noop!(
				MutualPool::withdraw(signed(BOB), 0, 0),
				Error::<Test>::InsufficientFreeCapital
			);

			// The covers end at 51, but they hold capacity until their claims close at 151
			// (bucket 16): after their end they still count.
			run_to_block(60);
			assert_noop!(
				MutualPool::withdraw(signed(BOB), 0, 0),
				Error::<Test>::InsufficientFreeCapital
			);
			// A withdrawal rolls at most 8 buckets: roll the pool through bucket 10 beforehand.
			run_to_block(100);
			assert_ok!(MutualPool::roll_expiries(signed(FERDIE), ExpiryOwner::Pool(0)));
			assert_eq!(pool(0).expired_through, 10);
			assert_eq!(pool(0).active_cover, 3_200_000);
			// Until block 160 they still count.
			run_to_block(159);
			assert_noop!(
				MutualPool::withdraw(signed(BOB), 0, 0),
				Error::<Test>::InsufficientFreeCapital
			);
			// At block 160 Bob's withdrawal rolls buckets 11 to 16 and the covers leave.
			run_to_block(160);
			// floor(1_000_000 * 1_800_006 / 1_800_000).
			assert_eq!(withdraw(BOB), 1_000_003);
			assert_eq!(
				events().last(),
				Some(&Event::Withdrawn {
					pool_id: 0,
					who: BOB,
					shares: MILLION,
					amount: 1_000_003
				})
			);
			// Bob's first stake also paid the pool account's existential deposit.
			assert_eq!(free(BOB), ENDOWMENT - ED + 3);
			assert_eq!(pool(0).expired_through, 16);
			assert_eq!(pool(0).active_cover, 0);
			assert_eq!(pool(0).capital, 800_003);
			assert_eq!(pool(0).total_shares, 800_000);
			assert_eq!(Stakers::<Test>::get(BOB, 0), None);
		});
}
