//! Tests of claims: filing, approval, rejection, origins and deposits.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_arithmetic::Perbill;
use sp_runtime::DispatchError;

/// Bob stakes 1_000_000 and Charlie buys 100_000 of cover on product 0 for a year: cover 0.
/// Returns the pool's capital: the stake alone, as the net premium is not earned yet (and
/// nothing of it is within the block, nor within the few blocks a test here runs).
fn setup() -> Balance {
	stake(BOB, 1_000_000);
	let (cover_id, premium) = buy_quoted(CHARLIE, 0, 100_000, YEAR);
	assert_eq!(cover_id, 0);
	assert_eq!(pool(0).earnings.unearned, net(premium));
	let capital = 1_000_000;
	assert_eq!(pool(0).capital, capital);
	capital
}

/// Roll every expiry bucket of `owner` that is due, however many calls that takes.
fn roll_all(owner: ExpiryOwner) {
	loop {
		match MutualPool::roll_expiries(signed(EVE), owner) {
			Ok(_) => {},
			Err(e) => {
				assert_eq!(e.error, Error::<Test>::NothingToRoll.into());
				break;
			},
		}
	}
}

/// Set the activation delay of product 0.
fn set_activation_delay(delay: u64) {
	let params = ProductParams { activation_delay: delay, ..product_params(2, 50) };
	assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), 0, params));
}

#[test]
fn cover_life_cycle_example() {
	ExtBuilder::default().build_and_execute(|| {
		// Bob stakes 1_000_000 into pool 0; capacity is twice that.
		assert_ok!(MutualPool::stake(RuntimeOrigin::signed(BOB), 0, 1_000_000, 0));
		// Charlie quotes 100_000 of cover on product 0 for a year and buys it.
		let premium = MutualPool::quote(0, 100_000, YEAR).unwrap();
		assert_ok!(MutualPool::buy_cover(
			RuntimeOrigin::signed(CHARLIE),
			0,
			100_000,
			YEAR,
			premium
		));
		// The exploit happens: Charlie claims 40_000 on cover 0, holding the claim deposit.
		let evidence = b"ipfs://exploit-report".to_vec().try_into().unwrap();
		assert_ok!(MutualPool::submit_claim(RuntimeOrigin::signed(CHARLIE), 0, 40_000, evidence));
		// The council approves; Charlie is paid and gets the deposit back.
		let before = free(CHARLIE);
		assert_ok!(MutualPool::approve_claim(RuntimeOrigin::signed(COUNCIL), 0, 40_000));
		assert_eq!(free(CHARLIE), before + 40_000 + in_pool(deposit(40_000)));
		// Bob's shares lost value: he bears the loss.
		let position = MutualPool::position(0, &BOB).unwrap();
		assert_eq!(position.value, 1_000_000 - 40_000);
		// The premium, net of the fee, is his only as it is earned, over the year of cover.
		let fee = premium / 10;
		assert_eq!(MutualPool::pool_status(0).unwrap().unearned_premiums, premium - fee);
		assert_noop!(
			MutualPool::approve_claim(RuntimeOrigin::signed(COUNCIL), 0, 1),
			Error::<Test>::ClaimNotFound
		);
	});
}

// ---------------------------------------------------------------------------------------------
// submit_claim
// ---------------------------------------------------------------------------------------------

#[test]
fn submit_claim_holds_deposit_and_counts_as_pending() {
	ExtBuilder::default().build_and_execute(|| {
		let capital = setup();
		let before = free(CHARLIE);
		assert_eq!(claim_deposit_held(CHARLIE), 0);
		assert_ok!(MutualPool::submit_claim(signed(CHARLIE), 0, 40_000, evidence()));
		// The deposit grows with the amount claimed: 100 + 0.1% of 40_000.
		let deposit = deposit(40_000);
		assert_eq!(deposit, 140);
		assert_last(Event::ClaimSubmitted {
			claim_id: 0,
			cover_id: 0,
			claimant: CHARLIE,
			amount: 40_000,
			deposit,
			lapses_at: 1 + DECISION_PERIOD,
		});
		// The deposit is held with `HoldReason::ClaimDeposit`, not taken.
		assert_eq!(claim_deposit_held(CHARLIE), deposit);
		assert_eq!(free(CHARLIE), before - in_pool(deposit));
		assert_eq!(Balances::total_balance(&CHARLIE), native(CHARLIE) + deposit);
		// The claim is recorded and locks capital; nothing is paid yet.
		let record = Claims::<Test>::get(0).unwrap();
		assert_eq!(
			record,
			Claim {
				cover_id: 0,
				claimant: CHARLIE,
				amount: 40_000,
				deposit,
				lapses_at: 1 + DECISION_PERIOD,
				evidence: evidence(),
				status: ClaimStatus::Pending,
			}
		);
		assert_eq!(cover(0).pending_claim, Some(0));
		assert_eq!(cover(0).remaining, 100_000);
		assert_eq!(pool(0).pending_claims, 40_000);
		assert_eq!(pool(0).capital, capital);
		assert_eq!(pool(0).active_cover, 100_000);
		assert_eq!(NextClaimId::<Test>::get(), 1);

		// Claims on two covers add up in the pool, and each holds its own deposit.
		let (second, _) = buy_quoted(DAVE, 1, 50_000, YEAR);
		assert_eq!(claim(DAVE, second, 50_000), 1);
		assert_eq!(pool(0).pending_claims, 90_000);
		assert_eq!(claim_deposit_held(DAVE), 150);
		assert_eq!(claim_deposit_held(CHARLIE), deposit);
	});
}

#[test]
fn submit_claim_by_non_owner_fails() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		for who in [BOB, DAVE, COUNCIL, SUPERMAJORITY] {
			assert_noop!(
				MutualPool::submit_claim(signed(who), 0, 40_000, evidence()),
				Error::<Test>::NotCoverOwner
			);
		}
	});
}

#[test]
fn submit_claim_on_missing_cover_fails() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), 1, 40_000, evidence()),
			Error::<Test>::CoverNotFound
		);
		assert_noop!(
			MutualPool::transfer_cover(signed(CHARLIE), 1, DAVE),
			Error::<Test>::CoverNotFound
		);
	});
}

#[test]
fn submit_claim_before_cover_start_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		set_activation_delay(10);
		let (cover_id, _) = buy_quoted(CHARLIE, 0, 100_000, 10);
		assert_eq!((cover(cover_id).start, cover(cover_id).end), (11, 21));
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), cover_id, 40_000, evidence()),
			Error::<Test>::OutsideClaimWindow
		);
		run_to_block(10);
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), cover_id, 40_000, evidence()),
			Error::<Test>::OutsideClaimWindow
		);
		run_to_block(11);
		assert_ok!(MutualPool::submit_claim(signed(CHARLIE), cover_id, 40_000, evidence()));
	});
}

#[test]
fn submit_claim_after_claim_window_fails() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		set_activation_delay(10);
		// Two covers from block 11 to block 21; the claim window of 100 blocks ends at 121.
		let (a, _) = buy_quoted(CHARLIE, 0, 100_000, 10);
		let (b, _) = buy_quoted(CHARLIE, 0, 100_000, 10);
		assert_eq!((cover(b).start, cover(b).end), (11, 21));
		// After the end, within the window, a claim is accepted.
		run_to_block(121);
		assert_ok!(MutualPool::submit_claim(signed(CHARLIE), a, 40_000, evidence()));
		run_to_block(122);
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), b, 40_000, evidence()),
			Error::<Test>::OutsideClaimWindow
		);
		// The claim filed in time can still be decided.
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), 0, 40_000));
		assert_eq!(cover(a).remaining, 60_000);
	});
}

#[test]
fn submit_claim_of_zero_fails() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), 0, 0, evidence()),
			Error::<Test>::ZeroAmount
		);
	});
}

#[test]
fn submit_claim_above_remaining_fails() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), 0, 100_001, evidence()),
			Error::<Test>::ClaimExceedsRemaining
		);
		// The whole cover may be claimed, and a payout lowers what is left to claim.
		let claim_id = claim(CHARLIE, 0, 100_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_eq!(cover(0).remaining, 60_000);
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), 0, 60_001, evidence()),
			Error::<Test>::ClaimExceedsRemaining
		);
		let claim_id = claim(CHARLIE, 0, 60_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 60_000));
		assert_eq!(cover(0).remaining, 0);
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), 0, 1, evidence()),
			Error::<Test>::ClaimExceedsRemaining
		);
	});
}

#[test]
fn second_claim_while_one_is_pending_fails() {
	ExtBuilder::default().build_and_execute(|| {
		without_appeals();
		setup();
		let first = claim(CHARLIE, 0, 40_000);
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), 0, 10_000, evidence()),
			Error::<Test>::ClaimAlreadyPending
		);
		// Once the first is decided, the cover can be claimed on again.
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), first));
		assert_eq!(claim(CHARLIE, 0, 10_000), 1);
		assert_eq!(pool(0).pending_claims, 10_000);
	});
}

#[test]
fn transfer_cover_while_claim_pending_fails() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let claim_id = claim(CHARLIE, 0, 40_000);
		assert_noop!(
			MutualPool::transfer_cover(signed(CHARLIE), 0, DAVE),
			Error::<Test>::ClaimAlreadyPending
		);
		// After the decision the cover can move again.
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_ok!(MutualPool::transfer_cover(signed(CHARLIE), 0, DAVE));
		assert_eq!(cover(0).owner, DAVE);
	});
}

// ---------------------------------------------------------------------------------------------
// approve_claim
// ---------------------------------------------------------------------------------------------

#[test]
fn approve_claim_pays_the_cover_owner_and_bears_the_loss() {
	ExtBuilder::default().build_and_execute(|| {
		let capital = setup();
		let claim_id = claim(CHARLIE, 0, 40_000);
		let charlie = free(CHARLIE);
		let account = free(pool_account());
		// Capital, the unearned premium, the fees owed to the treasury and the existential
		// deposit.
		let unearned = pool(0).earnings.unearned;
		assert_eq!(account, capital + unearned + pool(0).fees_owed + ED);

		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_last(Event::ClaimApproved { claim_id, payout: 40_000 });
		// Charlie is paid from the pool account and gets his deposit back.
		assert_eq!(free(CHARLIE), charlie + 40_000 + in_pool(deposit(40_000)));
		assert_eq!(claim_deposit_held(CHARLIE), 0);
		assert_eq!(free(pool_account()), account - 40_000);
		// The pool's capital, the cover's remaining and both active covers fall by the payout.
		assert_eq!(pool(0).capital, capital - 40_000);
		// The unearned premium is not capital: the payout leaves it alone.
		assert_eq!(pool(0).earnings.unearned, unearned);
		assert_eq!(pool(0).pending_claims, 0);
		assert_eq!(pool(0).active_cover, 60_000);
		assert_eq!(book(0).active_cover, 60_000);
		assert_eq!(cover(0).remaining, 60_000);
		assert_eq!(cover(0).amount, 100_000);
		assert_eq!(cover(0).pending_claim, None);
		assert!(Claims::<Test>::get(claim_id).is_none());
		// Bob, the only staker, bears the loss; his shares are unchanged.
		assert_eq!(pool(0).total_shares, 1_000_000);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, capital - 40_000);
		// A decided claim cannot be decided again.
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000),
			Error::<Test>::ClaimNotFound
		);
		assert_noop!(
			MutualPool::reject_claim(signed(COUNCIL), claim_id),
			Error::<Test>::ClaimNotFound
		);
	});
}

#[test]
fn approve_claim_with_partial_payout() {
	ExtBuilder::default().build_and_execute(|| {
		let capital = setup();
		let claim_id = claim(CHARLIE, 0, 40_000);
		let charlie = free(CHARLIE);
		assert_ok!(MutualPool::approve_claim(RuntimeOrigin::root(), claim_id, 15_000));
		assert_last(Event::ClaimApproved { claim_id, payout: 15_000 });
		// The deposit held was that of the claimed 40_000, not of the payout.
		assert_eq!(free(CHARLIE), charlie + 15_000 + in_pool(deposit(40_000)));
		// The whole claim leaves pending claims; only the payout leaves the cover.
		assert_eq!(pool(0).pending_claims, 0);
		assert_eq!(pool(0).capital, capital - 15_000);
		assert_eq!(cover(0).remaining, 85_000);
		assert_eq!(pool(0).active_cover, 85_000);
		assert_eq!(book(0).active_cover, 85_000);
	});
}

#[test]
fn approve_payout_above_claim_fails() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let claim_id = claim(CHARLIE, 0, 40_000);
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_001),
			Error::<Test>::PayoutExceedsClaim
		);
		assert_noop!(
			MutualPool::approve_claim(RuntimeOrigin::root(), claim_id, 40_001),
			Error::<Test>::PayoutExceedsClaim
		);
	});
}

#[test]
fn approve_or_reject_missing_claim_fails() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), 0, 1),
			Error::<Test>::ClaimNotFound
		);
		assert_noop!(MutualPool::reject_claim(signed(COUNCIL), 0), Error::<Test>::ClaimNotFound);
		claim(CHARLIE, 0, 40_000);
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), 1, 1),
			Error::<Test>::ClaimNotFound
		);
		assert_noop!(MutualPool::reject_claim(signed(COUNCIL), 1), Error::<Test>::ClaimNotFound);
	});
}

#[test]
fn approve_or_reject_by_normal_account_fails() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let claim_id = claim(CHARLIE, 0, 40_000);
		for who in [ALICE, BOB, CHARLIE] {
			assert_noop!(
				MutualPool::approve_claim(signed(who), claim_id, 40_000),
				DispatchError::BadOrigin
			);
			assert_noop!(MutualPool::reject_claim(signed(who), claim_id), DispatchError::BadOrigin);
		}
		assert_noop!(
			MutualPool::approve_claim(RuntimeOrigin::none(), claim_id, 40_000),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualPool::reject_claim(RuntimeOrigin::none(), claim_id),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn large_payout_requires_large_claim_origin() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		let (cover_id, premium) = buy_quoted(CHARLIE, 0, 500_000, YEAR);
		// The premium is not capital before it is earned.
		let capital = 1_000_000;
		assert_eq!(pool(0).capital, capital);
		assert_eq!(pool(0).earnings.unearned, net(premium));
		let claim_id = claim(CHARLIE, cover_id, 300_000);
		// 20% of the capital, rounded down.
		let threshold = Perbill::from_percent(20).mul_floor(capital);
		assert_eq!(threshold, 200_000);
		assert!(threshold < 300_000);
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), claim_id, 300_000),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), claim_id, threshold + 1),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		// Up to the threshold, the council's simple majority suffices.
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, threshold));
		assert_last(Event::ClaimApproved { claim_id, payout: threshold });
		assert_eq!(pool(0).capital, capital - threshold);
		assert_eq!(cover(cover_id).remaining, 500_000 - threshold);
	});
}

#[test]
fn large_payout_approved_by_supermajority_or_root() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		let (cover_id, _) = buy_quoted(CHARLIE, 0, 500_000, YEAR);
		// The premium is not capital before it is earned.
		let capital = 1_000_000;
		assert_eq!(pool(0).capital, capital);
		let charlie = free(CHARLIE);

		let first = claim(CHARLIE, cover_id, 300_000);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), first, 300_000));
		assert_last(Event::ClaimApproved { claim_id: first, payout: 300_000 });
		let capital = capital - 300_000;
		assert_eq!(pool(0).capital, capital);

		// The threshold follows the capital that is left: 20% of 700_000.
		let second = claim(CHARLIE, cover_id, 200_000);
		assert_eq!(Perbill::from_percent(20).mul_floor(capital), 140_000);
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), second, 200_000),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		assert_ok!(MutualPool::approve_claim(RuntimeOrigin::root(), second, 200_000));
		assert_last(Event::ClaimApproved { claim_id: second, payout: 200_000 });
		assert_eq!(pool(0).capital, capital - 200_000);
		assert_eq!(cover(cover_id).remaining, 0);
		assert_eq!(pool(0).active_cover, 0);
		assert_eq!(book(0).active_cover, 0);
		assert_eq!(free(CHARLIE), charlie + 500_000);
		assert_eq!(claim_deposit_held(CHARLIE), 0);
	});
}

#[test]
fn payout_above_capital_pays_what_is_there_and_depletes_pool() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_100_000);
		// 1_600_000 of cover on 1_100_000 of capital (capacity 2_200_000); the premiums are
		// not capital before they are earned.
		let (a, premium_a) = buy_quoted(CHARLIE, 0, 1_000_000, YEAR);
		let (b, premium_b) = buy_quoted(DAVE, 1, 600_000, YEAR);
		let capital = 1_100_000;
		assert_eq!(pool(0).capital, capital);
		let unearned = net(premium_a) + net(premium_b);
		assert_eq!(pool(0).earnings.unearned, unearned);
		let claim_a = claim(CHARLIE, a, 1_000_000);
		let claim_b = claim(DAVE, b, 600_000);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_a, 1_000_000));
		let left = capital - 1_000_000;
		assert_eq!(pool(0).capital, left);
		assert_eq!(left, 100_000);

		// Dave's claim is approved in full, but only what is left can be paid.
		let dave = free(DAVE);
		let count = events().len();
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_b, 600_000));
		assert_eq!(
			events()[count..],
			[
				Event::ClaimApproved { claim_id: claim_b, payout: left },
				Event::PoolDepleted { pool_id: 0, shortfall: 600_000 - left },
			]
		);
		assert_eq!(free(DAVE), dave + left + in_pool(deposit(600_000)));
		assert_eq!(claim_deposit_held(DAVE), 0);
		assert_eq!(pool(0).capital, 0);
		assert_eq!(pool(0).pending_claims, 0);
		// The pool account keeps only the fees it owes, the premiums not yet earned (no payout
		// takes them) and its existential deposit.
		assert_eq!(pool(0).earnings.unearned, unearned);
		assert_eq!(free(pool_account()), pool(0).fees_owed + unearned + ED);
		// Only what was paid leaves the cover.
		assert_eq!(cover(b).remaining, 600_000 - left);
		assert_eq!(pool(0).active_cover, 600_000 - left);
		assert_eq!(book(1).active_cover, 600_000 - left);
		// The payout ended the era of the shares, worth nothing: none is left in issue, and the
		// pool takes no stake until it is reopened.
		assert_eq!((pool(0).total_shares, pool(0).era), (0, 1));
		assert_eq!(MutualPool::position(0, &BOB), None);
		assert_noop!(MutualPool::stake(signed(EVE), 0, 1_000_000, 0), Error::<Test>::PoolDepleted);
	});
}

#[test]
fn approve_after_cover_expired_leaves_active_cover_alone() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		// Charlie's cover ends at block 11; it holds capacity until its claims close at 111
		// (bucket 12, rolled from block 120). Its premium, 2_125 a year charged for 120 blocks,
		// is ceil(2_125 * 120 / YEAR) = 1, with no fee: earned until the end of block 120.
		let (expired, premium) = buy_quoted(CHARLIE, 0, 100_000, 10);
		assert_eq!((premium, net(premium)), (1, 1));
		assert_eq!(cover(expired).claim_until, 111);
		// On the last block of the claim window, Charlie claims on it. The claim may be decided
		// until block 161, after the cover has expired.
		run_to_block(111);
		let claim_id = claim(CHARLIE, expired, 40_000);
		assert_eq!(Claims::<Test>::get(claim_id).unwrap().lapses_at, 161);
		// `on_idle` rolled the pool through bucket 11 at the end of block 119; bucket 12 is due
		// from block 120, and rolled here, before `on_idle` of block 120 would.
		run_to_block(120);
		assert_eq!(pool(0).expired_through, 11);
		assert_eq!(pool(0).active_cover, 100_000);
		roll_all(ExpiryOwner::Pool(0));
		roll_all(ExpiryOwner::Product(0));
		assert_eq!(pool(0).expired_through, 12);
		assert_eq!(pool(0).active_cover, 0);
		// The expired cover's premium is earned in full: its rate, 1 / 119 floored to 18
		// decimals, earned nothing in the 119 blocks to 120 (119 * rate < 1), and once the roll
		// stopped it, with no rate left, the whole unit was earned at once.
		let capital = 1_000_000 + net(premium);
		assert_eq!(pool(0).capital, capital);
		assert_eq!(pool(0).earnings.unearned, 0);
		// Once rolled, only Dave's cover is active; its premium is not capital yet.
		let (_, premium_dave) = buy_quoted(DAVE, 0, 50_000, YEAR);
		assert_eq!(pool(0).active_cover, 50_000);
		assert_eq!(book(0).active_cover, 50_000);
		assert_eq!(pool(0).capital, capital);
		assert_eq!(pool(0).earnings.unearned, net(premium_dave));

		// The claim on the expired cover, filed within its claim window, is paid.
		let charlie = free(CHARLIE);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_last(Event::ClaimApproved { claim_id, payout: 40_000 });
		assert_eq!(free(CHARLIE), charlie + 40_000 + in_pool(deposit(40_000)));
		assert_eq!(pool(0).capital, capital - 40_000);
		assert_eq!(cover(expired).remaining, 60_000);
		// The expired cover had already left active cover: it is not taken off again.
		assert_eq!(pool(0).active_cover, 50_000);
		assert_eq!(book(0).active_cover, 50_000);
	});
}

#[test]
fn approve_on_ended_cover_not_yet_rolled_lowers_active_cover() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		// The cover ends at block 11, but it holds capacity until its claims close at 111: its
		// bucket (12) is not due before block 120.
		let (ended, _) = buy_quoted(CHARLIE, 0, 100_000, 10);
		run_to_block(30);
		// `on_idle` rolled the pool and the product through bucket 2 at the end of block 29;
		// rolling bucket 3, due from block 30, leaves the cover active.
		assert_eq!((pool(0).expired_through, book(0).expired_through), (2, 2));
		roll_all(ExpiryOwner::Pool(0));
		roll_all(ExpiryOwner::Product(0));
		assert_eq!((pool(0).expired_through, book(0).expired_through), (3, 3));
		assert_eq!(pool(0).active_cover, 100_000);
		assert_eq!(book(0).active_cover, 100_000);
		let claim_id = claim(CHARLIE, ended, 40_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_eq!(pool(0).active_cover, 60_000);
		assert_eq!(book(0).active_cover, 60_000);
		// Up to block 119 the cover still counts, though `on_idle` rolled every bucket due...
		run_to_block(119);
		assert_eq!((pool(0).expired_through, book(0).expired_through), (11, 11));
		assert_eq!(pool(0).active_cover, 60_000);
		assert_eq!(book(0).active_cover, 60_000);
		// ...and from block 120 rolling takes out what is left of it, and no more. Bucket 12 is
		// due, and `on_idle` of block 120 has not run yet: the cover still counts until rolled.
		run_to_block(120);
		assert_eq!((pool(0).expired_through, book(0).expired_through), (11, 11));
		assert_eq!(pool(0).active_cover, 60_000);
		roll_all(ExpiryOwner::Pool(0));
		roll_all(ExpiryOwner::Product(0));
		assert_eq!((pool(0).expired_through, book(0).expired_through), (12, 12));
		assert_eq!(pool(0).active_cover, 0);
		assert_eq!(book(0).active_cover, 0);
	});
}

// ---------------------------------------------------------------------------------------------
// reject_claim
// ---------------------------------------------------------------------------------------------

#[test]
fn reject_claim_slashes_deposit_into_capital() {
	// A pool in another asset sends the deposit to the treasury (tests::assets).
	ExtBuilder::default().native_only().build_and_execute(|| {
		without_appeals();
		let capital = setup();
		let charlie = free(CHARLIE);
		let claim_id = claim(CHARLIE, 0, 40_000);
		let account = free(pool_account());
		// The deposit of a 40_000 claim: 100 + 0.1% of 40_000.
		let deposit = deposit(40_000);
		assert_eq!(deposit, 140);
		let unearned = pool(0).earnings.unearned;
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		assert_eq!(
			events()[events().len() - 2..],
			[
				Event::ClaimRejected { claim_id, appeal_until: 1 },
				Event::ClaimClosed { claim_id, cover_id: 0, slashed: deposit },
			]
		);
		// Charlie loses the deposit; the pool account gains it, and the bonded shares earn it
		// like a premium, by block 20 (the end of the bucket after the next): 140 / 19 a block.
		assert_eq!(claim_deposit_held(CHARLIE), 0);
		assert_eq!(free(CHARLIE), charlie - deposit);
		assert_eq!(free(pool_account()), account + deposit);
		assert_eq!(pool(0).capital, capital);
		assert_eq!(pool(0).earnings.unearned, unearned + deposit);
		assert_eq!(
			EarningEnds::<Test>::get(0, 2),
			sp_arithmetic::FixedU128::from_rational(140, 19)
		);
		// `on_idle` of block 10 accrued 9 blocks of it (and under a unit of the premium).
		run_to_block(11);
		assert_eq!(pool(0).capital, capital + 140 * 9 / 19);
		run_to_block(21);
		assert_eq!(pool(0).capital, capital + deposit);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, capital + deposit);
		// Nothing is paid and the claim no longer locks capital.
		assert_eq!(pool(0).pending_claims, 0);
		assert_eq!(pool(0).active_cover, 100_000);
		assert_eq!(cover(0).remaining, 100_000);
		assert_eq!(cover(0).pending_claim, None);
		assert!(Claims::<Test>::get(claim_id).is_none());
	});
}

#[test]
fn slashed_deposit_joins_the_bonded_capital_only() {
	// A pool in another asset sends the deposit to the treasury (tests::assets).
	ExtBuilder::default().native_only().build_and_execute(|| {
		without_appeals();
		let capital = setup();
		// Dave stakes 1_000_000 at a price of 1 (nothing is earned yet) and unbonds it all.
		stake(DAVE, 1_000_000);
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, 1_000_000));
		assert_eq!(pool(0).unbonding_capital, 1_000_000);
		let claim_id = claim(CHARLIE, 0, 40_000);
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		assert_last(Event::ClaimClosed { claim_id, cover_id: 0, slashed: deposit(40_000) });
		// The deposit is earned by the bonded shares, Bob's, by block 20: Dave's unbonding
		// shares gain nothing.
		run_to_block(21);
		assert_eq!(pool(0).capital, capital + 1_000_000 + deposit(40_000));
		assert_eq!(pool(0).unbonding_capital, 1_000_000);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, capital + deposit(40_000));
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 1_000_000);
		// Dave leaves with what he unbonded (the premium, 1_914 over a year, earns nothing by
		// block 21, and nothing of it would be his).
		let dave = free(DAVE);
		assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
		assert_eq!(free(DAVE), dave + 1_000_000);
		assert_eq!(pool(0).capital, capital + deposit(40_000));
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, capital + deposit(40_000));
	});
}

#[test]
fn reject_claim_by_root_works() {
	ExtBuilder::default().build_and_execute(|| {
		without_appeals();
		let capital = setup();
		let claim_id = claim(CHARLIE, 0, 40_000);
		assert_ok!(MutualPool::reject_claim(RuntimeOrigin::root(), claim_id));
		assert_last(Event::ClaimClosed { claim_id, cover_id: 0, slashed: deposit(40_000) });
		run_to_block(21);
		assert_eq!(pool(0).capital, capital + in_pool(deposit(40_000)));
	});
}

// ---------------------------------------------------------------------------------------------
// transfer_cover
// ---------------------------------------------------------------------------------------------

#[test]
fn a_transferred_cover_is_claimed_on_and_paid_to_its_new_owner() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_ok!(MutualPool::transfer_cover(signed(CHARLIE), 0, DAVE));
		assert_last(Event::CoverTransferred { cover_id: 0, from: CHARLIE, to: DAVE });
		assert_eq!(cover(0).owner, DAVE);
		// The old owner can neither claim nor transfer any more.
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), 0, 40_000, evidence()),
			Error::<Test>::NotCoverOwner
		);
		assert_noop!(
			MutualPool::transfer_cover(signed(CHARLIE), 0, CHARLIE),
			Error::<Test>::NotCoverOwner
		);
		// The new owner claims, holds the deposit and is paid.
		let charlie = free(CHARLIE);
		let dave = free(DAVE);
		let claim_id = claim(DAVE, 0, 40_000);
		assert_eq!(claim_deposit_held(DAVE), deposit(40_000));
		assert_eq!(claim_deposit_held(CHARLIE), 0);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_eq!(free(DAVE), dave + 40_000);
		assert_eq!(free(CHARLIE), charlie);
		assert_eq!(claim_deposit_held(DAVE), 0);
	});
}

#[test]
fn transfer_cover_by_non_owner_fails() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_noop!(
			MutualPool::transfer_cover(signed(DAVE), 0, DAVE),
			Error::<Test>::NotCoverOwner
		);
		assert_noop!(
			MutualPool::transfer_cover(RuntimeOrigin::root(), 0, DAVE),
			DispatchError::BadOrigin
		);
	});
}
