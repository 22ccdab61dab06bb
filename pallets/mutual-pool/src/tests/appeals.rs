//! Tests of appeals: the window after a rejection, the appeal deposit, an upheld and a dismissed
//! appeal, and closing a rejection.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, dispatch::Pays};
use sp_runtime::DispatchError;

/// The claim deposit of a claim of 40_000: 100 + 0.1% of it.
const CLAIM_DEPOSIT: Balance = 140;
/// The appeal deposit against its rejection: three claim deposits.
const APPEAL_DEPOSIT: Balance = 3 * CLAIM_DEPOSIT;

/// The status of claim `id`, which must exist.
fn status(id: ClaimId) -> ClaimStatusOf<Test> {
	Claims::<Test>::get(id).expect("claim exists").status
}

/// Bob stakes 1M; Charlie buys 100_000 of cover on product 0 for a year (cover 0), claims
/// 40_000 on it and the council rejects the claim, all at block 1. Returns the claim's id.
fn rejected_claim() -> ClaimId {
	stake(BOB, MILLION);
	assert_eq!(buy(CHARLIE, 0, 100_000, YEAR), 0);
	let claim_id = claim(CHARLIE, 0, 40_000);
	assert_eq!(deposit(40_000), CLAIM_DEPOSIT);
	assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
	claim_id
}

/// The rejected claim of [`rejected_claim`], appealed by Charlie at block 5. Returns its id.
fn appealed_claim() -> ClaimId {
	let claim_id = rejected_claim();
	run_to_block(5);
	assert_ok!(MutualPool::appeal_claim(signed(CHARLIE), claim_id));
	claim_id
}

#[test]
fn a_rejection_opens_an_appeal_window_that_keeps_the_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = rejected_claim();
		let appeal_until = 1 + DEFAULT_APPEAL_PERIOD;
		System::assert_last_event(Event::ClaimRejected { claim_id, appeal_until }.into());
		assert_eq!(status(claim_id), ClaimStatus::Rejected { appeal_until });
		// Nothing is slashed yet, and the claimed amount stays pending.
		assert_eq!(held(HoldReason::ClaimDeposit, CHARLIE), CLAIM_DEPOSIT);
		assert_eq!(pool(0).pending_claims, 40_000);
		assert_eq!(Covers::<Test>::get(0).unwrap().pending_claim, Some(claim_id));
		// The council has decided: no second decision, and no lapse.
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), claim_id, 1),
			Error::<Test>::ClaimNotPending
		);
		assert_noop!(
			MutualPool::reject_claim(signed(COUNCIL), claim_id),
			Error::<Test>::ClaimNotPending
		);
		assert_noop!(
			MutualPool::submit_claim(signed(CHARLIE), 0, 1_000, evidence()),
			Error::<Test>::ClaimAlreadyPending
		);
		assert_noop!(
			MutualPool::transfer_cover(signed(CHARLIE), 0, DAVE),
			Error::<Test>::ClaimAlreadyPending
		);
		assert_noop!(
			MutualPool::close_claim(signed(EVE), claim_id),
			Error::<Test>::ClaimNotClosable
		);
		jump_to_block(1 + DECISION_PERIOD);
		assert_noop!(
			MutualPool::lapse_claim(signed(EVE), claim_id),
			Error::<Test>::ClaimNotPending
		);
	});
}

#[test]
fn an_unappealed_rejection_is_closed_after_the_window() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = rejected_claim();
		run_to_block(1 + DEFAULT_APPEAL_PERIOD);
		assert_noop!(
			MutualPool::appeal_claim(signed(CHARLIE), claim_id),
			Error::<Test>::AppealWindowClosed
		);
		let (charlie, unearned) = (free(CHARLIE), pool(0).earnings.unearned);
		// Anyone closes it, free of fees: the deposit goes to the pool, earned like a premium.
		let info = MutualPool::close_claim(signed(EVE), claim_id).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		System::assert_last_event(
			Event::ClaimClosed { claim_id, cover_id: 0, slashed: CLAIM_DEPOSIT }.into(),
		);
		assert_eq!(free(CHARLIE), charlie);
		assert_eq!(held(HoldReason::ClaimDeposit, CHARLIE), 0);
		assert_eq!(pool(0).earnings.unearned, unearned + in_pool(CLAIM_DEPOSIT));
		assert_eq!(pool(0).pending_claims, 0);
		assert!(Claims::<Test>::get(claim_id).is_none());
		assert_eq!(Covers::<Test>::get(0).unwrap().pending_claim, None);
		assert_noop!(MutualPool::close_claim(signed(EVE), claim_id), Error::<Test>::ClaimNotFound);
		// The cover may be claimed on again.
		claim(CHARLIE, 0, 1_000);
	});
}

#[test]
fn only_the_claimant_appeals_once_within_the_window_holding_a_larger_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = rejected_claim();
		let pending = claim(DAVE, buy(DAVE, 0, 10_000, YEAR), 10_000);
		run_to_block(5);
		assert_noop!(MutualPool::appeal_claim(signed(DAVE), claim_id), Error::<Test>::NotClaimant);
		assert_noop!(
			MutualPool::appeal_claim(signed(DAVE), pending),
			Error::<Test>::ClaimNotRejected
		);
		assert_noop!(MutualPool::appeal_claim(signed(DAVE), 9), Error::<Test>::ClaimNotFound);
		assert_eq!(MutualPool::appeal_deposit(CLAIM_DEPOSIT), APPEAL_DEPOSIT);
		let charlie = free(CHARLIE);
		assert_ok!(MutualPool::appeal_claim(signed(CHARLIE), claim_id));
		// The appeal's own referendum is submitted with it.
		System::assert_last_event(
			Event::ClaimAppealed { claim_id, deposit: APPEAL_DEPOSIT, referendum: 0 }.into(),
		);
		assert_eq!(MockReferenda::get(0), Some((claim_id, AppealStatus::Ongoing)));
		assert_eq!(
			status(claim_id),
			ClaimStatus::Appealed { deposit: APPEAL_DEPOSIT, referendum: 0, appealed_at: 5 }
		);
		assert_eq!(free(CHARLIE), charlie - in_pool(APPEAL_DEPOSIT));
		assert_eq!(held(HoldReason::AppealDeposit, CHARLIE), APPEAL_DEPOSIT);
		assert_eq!(held(HoldReason::ClaimDeposit, CHARLIE), CLAIM_DEPOSIT);
		assert_noop!(
			MutualPool::appeal_claim(signed(CHARLIE), claim_id),
			Error::<Test>::ClaimNotRejected
		);
		// The appeal runs past the window: the claim cannot be closed until its referendum ends,
		// however long that takes.
		run_to_block(5 + 10 * APPEAL_DECISION_PERIOD);
		assert_noop!(
			MutualPool::close_claim(signed(EVE), claim_id),
			Error::<Test>::ClaimNotClosable
		);
		assert_eq!(pool(0).pending_claims, 40_000 + 10_000);
	});
}

#[test]
fn an_appeal_that_cannot_pay_its_deposit_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = rejected_claim();
		let keep = native(CHARLIE) - APPEAL_DEPOSIT + 1;
		assert_ok!(Balances::transfer_allow_death(signed(CHARLIE), FERDIE, keep));
		assert!(MutualPool::appeal_claim(signed(CHARLIE), claim_id).is_err());
		assert_eq!(
			status(claim_id),
			ClaimStatus::Rejected { appeal_until: 1 + DEFAULT_APPEAL_PERIOD }
		);
	});
}

#[test]
fn an_upheld_appeal_pays_the_claim_and_returns_both_deposits() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = appealed_claim();
		// Not before its own referendum is approved.
		assert_noop!(
			MutualPool::uphold_appeal(signed(REFERENDUM), claim_id),
			Error::<Test>::AppealNotApproved
		);
		conclude_appeal(claim_id, true);
		for origin in
			[signed(COUNCIL), signed(SUPERMAJORITY), signed(CHARLIE), RuntimeOrigin::root()]
		{
			assert_noop!(MutualPool::uphold_appeal(origin, claim_id), DispatchError::BadOrigin);
		}
		let (charlie, capital) = (free(CHARLIE), MutualPool::pool_status(0).unwrap().capital);
		// The referendum's call pays the amount claimed.
		assert_ok!(MutualPool::uphold_appeal(signed(REFERENDUM), claim_id));
		System::assert_last_event(Event::AppealUpheld { claim_id, payout: 40_000 }.into());
		assert_eq!(free(CHARLIE), charlie + 40_000 + in_pool(CLAIM_DEPOSIT + APPEAL_DEPOSIT));
		assert_eq!(held(HoldReason::ClaimDeposit, CHARLIE), 0);
		assert_eq!(held(HoldReason::AppealDeposit, CHARLIE), 0);
		assert_eq!(pool(0).capital, capital - 40_000);
		assert_eq!(pool(0).pending_claims, 0);
		assert_eq!(pool(0).payouts.total(), 40_000);
		assert_eq!(Covers::<Test>::get(0).unwrap().remaining, 60_000);
		assert!(Claims::<Test>::get(claim_id).is_none());
		assert_noop!(
			MutualPool::uphold_appeal(signed(REFERENDUM), claim_id),
			Error::<Test>::ClaimNotFound
		);
	});
}

#[test]
fn an_approved_appeal_whose_call_did_not_run_is_paid_by_close_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = appealed_claim();
		conclude_appeal(claim_id, true);
		let charlie = free(CHARLIE);
		let info = MutualPool::close_claim(signed(EVE), claim_id).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		System::assert_last_event(Event::AppealUpheld { claim_id, payout: 40_000 }.into());
		assert_eq!(free(CHARLIE), charlie + 40_000 + in_pool(CLAIM_DEPOSIT + APPEAL_DEPOSIT));
		assert!(Claims::<Test>::get(claim_id).is_none());
		assert_eq!(pool(0).pending_claims, 0);
	});
}

#[test]
fn only_an_appealed_claim_is_upheld() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = rejected_claim();
		assert_noop!(
			MutualPool::uphold_appeal(signed(REFERENDUM), claim_id),
			Error::<Test>::ClaimNotAppealed
		);
		let pending = claim(DAVE, buy(DAVE, 0, 10_000, YEAR), 10_000);
		assert_noop!(
			MutualPool::uphold_appeal(signed(REFERENDUM), pending),
			Error::<Test>::ClaimNotAppealed
		);
	});
}

#[test]
fn an_upheld_appeal_is_not_bound_by_the_large_claim_threshold() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		let cover_id = buy(CHARLIE, 0, 300_000, YEAR);
		let claim_id = claim(CHARLIE, cover_id, 300_000);
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		assert_ok!(MutualPool::appeal_claim(signed(CHARLIE), claim_id));
		// 300_000 is above 20% of the capital; the token holders' referendum pays it.
		conclude_appeal(claim_id, true);
		assert_ok!(MutualPool::uphold_appeal(signed(REFERENDUM), claim_id));
		assert_eq!(pool(0).payouts.total(), 300_000);
	});
}

#[test]
fn an_appeal_whose_referendum_fails_is_dismissed_and_both_deposits_are_slashed() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = appealed_claim();
		assert_noop!(
			MutualPool::close_claim(signed(EVE), claim_id),
			Error::<Test>::ClaimNotClosable
		);
		// Rejected, timed out, cancelled or killed: it ends without approval.
		conclude_appeal(claim_id, false);
		assert_noop!(
			MutualPool::uphold_appeal(signed(REFERENDUM), claim_id),
			Error::<Test>::AppealNotApproved
		);
		let (charlie, unearned) = (free(CHARLIE), pool(0).earnings.unearned);
		let treasury = native(TREASURY);
		assert_ok!(MutualPool::close_claim(signed(EVE), claim_id));
		let slashed = CLAIM_DEPOSIT + APPEAL_DEPOSIT;
		System::assert_last_event(Event::ClaimClosed { claim_id, cover_id: 0, slashed }.into());
		assert_eq!(free(CHARLIE), charlie);
		assert_eq!(held(HoldReason::ClaimDeposit, CHARLIE), 0);
		assert_eq!(held(HoldReason::AppealDeposit, CHARLIE), 0);
		// Into a native pool, earned like a premium; from a pool in another asset, to the
		// treasury.
		assert_eq!(pool(0).earnings.unearned, unearned + in_pool(slashed));
		assert_eq!(native(TREASURY), treasury + slashed - in_pool(slashed));
		assert_eq!(pool(0).pending_claims, 0);
	});
}

#[test]
fn a_leavers_share_of_an_appealed_claim_is_held_until_the_appeal_ends() {
	ExtBuilder::default().build_and_execute(|| {
		let claim_id = rejected_claim();
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 500_000));
		run_to_block(1 + DEFAULT_APPEAL_PERIOD - 1);
		assert_ok!(MutualPool::appeal_claim(signed(CHARLIE), claim_id));
		run_to_block(1 + DEFAULT_APPEAL_PERIOD + APPEAL_DECISION_PERIOD - 2);
		// The claim's outcome is still open: whoever leaves holds back its share of it.
		let (bob, pending) = (free(BOB), pool(0).pending_claims);
		let share = (500_000 * pending).div_ceil(MutualPool::pool_status(0).unwrap().capital);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_eq!(free(BOB) - bob, 500_000 - share);
		assert_eq!(held_back(BOB), share);
		assert_noop!(MutualPool::release_hold(signed(EVE), BOB, 0), Error::<Test>::HoldNotDue);
		conclude_appeal(claim_id, false);
		assert_ok!(MutualPool::close_claim(signed(BOB), claim_id));
		// Dismissed: nothing was paid, the whole share comes back.
		assert_eq!(release(BOB), (0, share));
		assert_eq!(free(BOB) - bob, 500_000);
	});
}

#[test]
fn without_an_appeal_period_a_rejection_is_final_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		without_appeals();
		let claim_id = rejected_claim();
		assert_eq!(
			events()[events().len() - 2..],
			[
				Event::ClaimRejected { claim_id, appeal_until: 1 },
				Event::ClaimClosed { claim_id, cover_id: 0, slashed: CLAIM_DEPOSIT },
			]
		);
		assert_eq!(pool(0).pending_claims, 0);
		assert_noop!(
			MutualPool::appeal_claim(signed(CHARLIE), claim_id),
			Error::<Test>::ClaimNotFound
		);
	});
}
