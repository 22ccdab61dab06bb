//! Appeals: a claimant whose claim the council rejected appeals, which submits the appeal's own
//! referendum on the claim-appeals track (`Referenda` with `ConvictionVoting`); token holders
//! decide, and its passing dispatches `uphold_appeal` with the `ClaimAppeals` origin through the
//! `Scheduler`. No other referendum upholds the claim, and the claim ends when its referendum
//! does.

use crate::common::*;
use frame_support::{assert_noop, assert_ok, traits::StorePreimage};
use mutual_pool_runtime::{
	configs::{AppealDecisionPeriod, AppealDepositMultiplier, AppealPeriod, CouncilInstance},
	ConvictionVoting, MutualPool, OriginCaller, Preimage, Referenda, Runtime, RuntimeCall,
	RuntimeOrigin, System,
};
use mutual_pool_runtime_common::{
	appeal_origin::Origin as AppealsOrigin,
	appeals::{
		longest_referendum, SubmissionDeposit, CLAIM_APPEALS_TRACK, DECISION_DEPOSIT, MAX_DECIDING,
	},
};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use pallet_mutual_pool::{ClaimStatus, Claims, Error, Event};
use pallet_referenda::{ReferendumInfo, ReferendumInfoFor, TracksInfo};
use sp_keyring::Sr25519Keyring;
use sp_runtime::DispatchError;

/// The proposal origin of the claim-appeals track.
fn claim_appeals() -> Box<OriginCaller> {
	Box::new(OriginCaller::AppealOrigin(AppealsOrigin::ClaimAppeals))
}

/// The referendum of appealed claim `claim_id`.
fn referendum_of(claim_id: u64) -> u32 {
	match Claims::<Runtime>::get(claim_id).expect("appealed").status {
		ClaimStatus::Appealed { referendum, .. } => referendum,
		status => panic!("appealed, not {status:?}"),
	}
}

/// `who` submits a referendum on the claim-appeals track of its own, to uphold `claim_id`,
/// enacted as soon as it may be, and places its decision deposit, as anyone may. Returns the
/// referendum's index.
fn submit_uphold(who: Sr25519Keyring, claim_id: u64) -> u32 {
	let call = RuntimeCall::MutualPool(pallet_mutual_pool::Call::uphold_appeal { claim_id });
	let proposal = Preimage::bound(call).expect("a short call is inlined");
	assert!(!proposal.lookup_needed(), "inline: no preimage to note");
	let index = pallet_referenda::ReferendumCount::<Runtime>::get();
	assert_ok!(Referenda::submit(
		signed(who),
		claim_appeals(),
		proposal,
		frame_support::traits::schedule::DispatchTime::After(0),
	));
	assert_ok!(Referenda::place_decision_deposit(signed(who), index));
	index
}

/// `who` votes on referendum `index` with `balance` at `conviction`.
fn vote(who: Sr25519Keyring, index: u32, aye: bool, conviction: Conviction, balance: u128) {
	let vote = AccountVote::Standard { vote: Vote { aye, conviction }, balance };
	assert_ok!(ConvictionVoting::vote(signed(who), index, vote));
}

/// The balance of pool 0's account.
fn pool_balance() -> u128 {
	pallet_balances::Pallet::<Runtime>::free_balance(MutualPool::pool_account(0))
}

/// Runs blocks until referendum `index` is no longer ongoing and its call (if it passed) is
/// dispatched, at most `limit` blocks; returns the block it ended at.
fn run_until_decided(index: u32, limit: u32) -> u32 {
	let end = System::block_number() + limit;
	while System::block_number() < end {
		run_to_block(System::block_number() + 1);
		match ReferendumInfoFor::<Runtime>::get(index) {
			Some(ReferendumInfo::Ongoing(_)) => {},
			Some(ReferendumInfo::Approved(..)) => {
				// The call is dispatched `MIN_ENACTMENT_PERIOD` (1) block after approval.
				run_to_block(System::block_number() + 1);
				return System::block_number();
			},
			_ => return System::block_number(),
		}
	}
	panic!("referendum {index} still ongoing after {limit} blocks");
}

#[test]
fn the_council_rejects_the_claimant_appeals_token_holders_pass_the_referendum_and_it_pays() {
	dev_ext().execute_with(|| {
		let payout = mut_(50_000);
		let (_, claim_id) = cover_and_claim(1, mut_(100_000), payout);
		let deposit = MutualPool::claim_deposit(payout);
		let outcome = council_motion(reject(claim_id), 3, &[Alice, Bob, Dave], &[Eve]);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		let appeal_until = System::block_number() + AppealPeriod::get();
		assert!(emitted(Event::ClaimRejected { claim_id, appeal_until }));

		let charlie = free(Charlie);
		let pool_account = pool_balance();
		let index = pallet_referenda::ReferendumCount::<Runtime>::get();
		assert_ok!(MutualPool::appeal_claim(signed(Charlie), claim_id));
		let appeal_deposit = deposit * u128::from(AppealDepositMultiplier::get());
		// The appeal submits its own referendum, Charlie paying both its deposits.
		let referenda_deposits = SubmissionDeposit::get() + DECISION_DEPOSIT;
		assert_eq!(free(Charlie), charlie - appeal_deposit - referenda_deposits);
		assert_eq!(
			Claims::<Runtime>::get(claim_id).expect("appealed").status,
			ClaimStatus::Appealed {
				deposit: appeal_deposit,
				referendum: index,
				appealed_at: System::block_number()
			}
		);
		assert!(emitted(Event::ClaimAppealed {
			claim_id,
			deposit: appeal_deposit,
			referendum: index
		}));
		let Some(ReferendumInfo::Ongoing(status)) = ReferendumInfoFor::<Runtime>::get(index) else {
			panic!("the appeal's referendum is ongoing");
		};
		assert_eq!(status.track, CLAIM_APPEALS_TRACK);
		assert_eq!(status.submission_deposit.who, account(Charlie));
		assert_eq!(status.decision_deposit.map(|deposit| deposit.who), Some(account(Charlie)));
		// Conviction multiplies votes: Eve's 100_000 MUT locked 6x (600_000 votes) against
		// Alice's 400_000 locked 3x (1_200_000) and Dave's 100_000 at 1x: 68% ayes, passing only
		// once the approval curve has fallen from 100% that far; the ayes' 500_000 MUT are above
		// the 5% support of the active issuance (about 6.9 million MUT) from the start.
		vote(Alice, index, true, Conviction::Locked3x, mut_(400_000));
		vote(Dave, index, true, Conviction::Locked1x, mut_(100_000));
		vote(Eve, index, false, Conviction::Locked6x, mut_(100_000));
		let started = System::block_number();
		let ended = run_until_decided(index, longest_referendum());

		assert!(matches!(
			ReferendumInfoFor::<Runtime>::get(index),
			Some(ReferendumInfo::Approved(..))
		));
		// 68.4% approval is reached 758 blocks into the 1_200-block decision period (100% - 50%
		// * t / 1_200), then it confirms for 5 blocks: without conviction (500_000 ayes against
		// 100_000 nays, 83%) it would have passed after 400.
		assert!(ended - started > 700, "passed after {} blocks", ended - started);
		// Approved at an alarm (an even block), enacted at an odd one, whose agenda no
		// referendum's alarm can fill.
		let alarm: u32 = <Runtime as pallet_referenda::Config>::AlarmInterval::get();
		assert_eq!(alarm, 2);
		assert_eq!(ended % alarm, 1, "enacted at {ended}");
		// The amount claimed, which nobody but the claimant chose.
		assert!(emitted(Event::AppealUpheld { claim_id, payout }));
		assert!(Claims::<Runtime>::get(claim_id).is_none());
		// Paid, and both deposits are back; so are the referendum's, once refunded (anyone may).
		assert_ok!(Referenda::refund_submission_deposit(signed(Ferdie), index));
		assert_ok!(Referenda::refund_decision_deposit(signed(Ferdie), index));
		assert_eq!(free(Charlie), charlie + payout + deposit);
		// The payout left the pool's account (the capital meanwhile grew by the premiums earned
		// over the vote's blocks).
		assert_eq!(pool_balance(), pool_account - payout);
	});
}

#[test]
fn an_appeal_whose_referendum_is_rejected_is_dismissed_and_both_deposits_go_to_the_pool() {
	dev_ext().execute_with(|| {
		let payout = mut_(50_000);
		let (cover_id, claim_id) = cover_and_claim(1, mut_(100_000), payout);
		let deposit = MutualPool::claim_deposit(payout);
		council_motion(reject(claim_id), 3, &[Alice, Bob, Dave], &[]);
		assert_ok!(MutualPool::appeal_claim(signed(Charlie), claim_id));
		let appeal_deposit = deposit * u128::from(AppealDepositMultiplier::get());
		let charlie = free(Charlie);

		// While the referendum runs, nobody can close the claim.
		let index = referendum_of(claim_id);
		assert_noop!(
			MutualPool::close_claim(signed(Bob), claim_id),
			Error::<Runtime>::ClaimNotClosable
		);
		// The referendum is voted down: Eve's nays outweigh Alice's ayes to the end.
		vote(Alice, index, true, Conviction::Locked1x, mut_(400_000));
		vote(Eve, index, false, Conviction::Locked1x, mut_(500_000));
		run_until_decided(index, longest_referendum());
		assert!(matches!(
			ReferendumInfoFor::<Runtime>::get(index),
			Some(ReferendumInfo::Rejected(..))
		));

		// Its end ends the claim: anyone closes it at once.
		let before = pallet_mutual_pool::Pools::<Runtime>::get(0).expect("pool 0");
		assert_ok!(MutualPool::close_claim(signed(Bob), claim_id));
		let slashed = deposit + appeal_deposit;
		assert!(emitted(Event::ClaimClosed { claim_id, cover_id, slashed }));
		assert_eq!(free(Charlie), charlie, "neither deposit comes back");
		// Both deposits went to the pool, to be earned by the bonded stakers like a premium (what
		// was earned until the close joined the capital first).
		let after = pallet_mutual_pool::Pools::<Runtime>::get(0).expect("pool 0");
		assert_eq!(
			after.capital + after.earnings.unearned,
			before.capital + before.earnings.unearned + slashed
		);
		assert!(after.earnings.unearned > slashed);
	});
}

#[test]
fn only_the_claim_appeals_origin_has_a_track_and_it_only_upholds_appeals() {
	dev_ext().execute_with(|| {
		let (_, claim_id) = cover_and_claim(1, mut_(100_000), mut_(50_000));
		let call = RuntimeCall::MutualPool(pallet_mutual_pool::Call::approve_claim {
			claim_id,
			payout: mut_(50_000),
		});
		let proposal = Preimage::bound(call).expect("inline");
		let council = OriginCaller::Council(
			pallet_collective::RawOrigin::<_, CouncilInstance>::Members(5, 5),
		);
		for origin in [OriginCaller::system(frame_system::RawOrigin::Root), council] {
			assert_noop!(
				Referenda::submit(
					signed(Bob),
					Box::new(origin),
					proposal.clone(),
					frame_support::traits::schedule::DispatchTime::After(0),
				),
				pallet_referenda::Error::<Runtime>::NoTrack
			);
		}
		// The origin of a passed appeal referendum decides nothing but appeals.
		let appeals = RuntimeOrigin::from(AppealsOrigin::ClaimAppeals);
		assert_noop!(
			MutualPool::approve_claim(appeals.clone(), claim_id, mut_(50_000)),
			DispatchError::BadOrigin
		);
		assert_noop!(MutualPool::reject_claim(appeals.clone(), claim_id), DispatchError::BadOrigin);
		// ...and upholds only an appealed claim.
		assert_noop!(
			MutualPool::uphold_appeal(appeals.clone(), claim_id),
			Error::<Runtime>::ClaimNotAppealed
		);
		// The council cannot cancel a referendum (an appeal contests its own decision).
		council_motion(reject(claim_id), 3, &[Alice, Bob, Dave], &[]);
		assert_ok!(MutualPool::appeal_claim(signed(Charlie), claim_id));
		// ...and upholds an appealed claim only once the appeal's own referendum is approved.
		assert_noop!(
			MutualPool::uphold_appeal(appeals, claim_id),
			Error::<Runtime>::AppealNotApproved
		);
		let index = referendum_of(claim_id);
		let cancel = RuntimeCall::Referenda(pallet_referenda::Call::cancel { index });
		assert_eq!(
			council_motion(cancel, 5, &[Alice, Bob, Charlie, Dave, Eve], &[]),
			MotionOutcome::Executed(Err(DispatchError::BadOrigin))
		);
	});
}

#[test]
fn the_appeal_decision_period_outlasts_the_longest_referendum_on_the_track() {
	let track = <<Runtime as pallet_referenda::Config>::Tracks as TracksInfo<_, _>>::info(
		CLAIM_APPEALS_TRACK,
	)
	.expect("the claim-appeals track exists");
	let undeciding: u32 = <Runtime as pallet_referenda::Config>::UndecidingTimeout::get();
	// Submitted at block 0, a referendum starts being decided at the latest when the prepare
	// period is over and the decision deposit placed (before `UndecidingTimeout`, or it times
	// out); the decision period may end with a confirmation just begun; then the enactment.
	// Each of the three alarms may be rounded up to the next multiple of `AlarmInterval`.
	let alarm: u32 = <Runtime as pallet_referenda::Config>::AlarmInterval::get();
	let longest = track.prepare_period.max(undeciding)
		+ track.decision_period
		+ track.confirm_period
		+ track.min_enactment_period
		+ 3 * (alarm - 1);
	assert_eq!(longest, longest_referendum());
	// Enactments fall between alarms (docs/design.md, "Enactments never share a block with
	// alarms"): approvals happen at multiples of the alarm interval.
	assert_ne!(track.min_enactment_period % alarm, 0, "enactments would share alarm blocks");
	// What a withdrawal's hold waits for an appeal covers its referendum taken at once.
	assert!(
		AppealDecisionPeriod::get() > longest,
		"an appeal's {} blocks are shorter than a referendum of {longest}",
		AppealDecisionPeriod::get()
	);
	assert!(AppealPeriod::get() > 0, "rejections can be appealed");
	assert_eq!(
		<Runtime as pallet_referenda::Config>::Tracks::track_for(&OriginCaller::AppealOrigin(
			AppealsOrigin::ClaimAppeals
		)),
		Ok(CLAIM_APPEALS_TRACK)
	);
}

/// Attack 37: a referendum other than the appeal's own cannot uphold it. Eve passes a referendum
/// of her own whose call is `uphold_appeal(claim)`: its dispatch fails (`AppealNotApproved`), and
/// the claim stays appealed until Charlie's own referendum passes and pays the amount claimed.
#[test]
fn a_referendum_other_than_the_appeals_own_cannot_uphold_it() {
	dev_ext().execute_with(|| {
		let payout = mut_(50_000);
		let (_, claim_id) = cover_and_claim(1, mut_(100_000), payout);
		council_motion(reject(claim_id), 3, &[Alice, Bob, Dave], &[]);
		assert_ok!(MutualPool::appeal_claim(signed(Charlie), claim_id));
		let own = referendum_of(claim_id);
		let charlie = free(Charlie);

		let other = submit_uphold(Eve, claim_id);
		vote(Eve, other, true, Conviction::Locked1x, mut_(500_000));
		run_until_decided(other, longest_referendum());
		assert!(matches!(
			ReferendumInfoFor::<Runtime>::get(other),
			Some(ReferendumInfo::Approved(..))
		));
		let failed = System::events().iter().any(|record| {
			matches!(
				&record.event,
				mutual_pool_runtime::RuntimeEvent::Scheduler(pallet_scheduler::Event::Dispatched {
					result: Err(error),
					..
				}) if *error == Error::<Runtime>::AppealNotApproved.into()
			)
		});
		assert!(failed, "Eve's referendum's call failed");
		assert_eq!(free(Charlie), charlie);
		assert_eq!(referendum_of(claim_id), own);

		vote(Alice, own, true, Conviction::Locked1x, mut_(500_000));
		run_until_decided(own, longest_referendum());
		assert!(emitted(Event::AppealUpheld { claim_id, payout }));
		assert!(Claims::<Runtime>::get(claim_id).is_none());
	});
}

/// Attacks 28 and 37: junk referenda that fill the track do not dismiss an appeal. Eve keeps all
/// `MAX_DECIDING` deciding slots busy with referenda of her own when Charlie appeals: his
/// referendum waits in the queue, and is still being decided `AppealDecisionPeriod` after the
/// appeal, the fixed end at which the old rules dismissed it with both deposits slashed. The
/// claim stays open until its referendum ends: approved, it pays.
#[test]
fn junk_referenda_that_fill_the_track_do_not_dismiss_an_appeal() {
	dev_ext().execute_with(|| {
		// Eve's junk referenda, a hundred a block (the scheduler takes 200 alarms a block), all
		// being decided once their prepare period is over.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let junk = Preimage::bound(remark).expect("a short call is inlined");
		for _ in 0..MAX_DECIDING / 100 {
			for _ in 0..100 {
				let index = pallet_referenda::ReferendumCount::<Runtime>::get();
				assert_ok!(Referenda::submit(
					signed(Eve),
					claim_appeals(),
					junk.clone(),
					frame_support::traits::schedule::DispatchTime::After(0),
				));
				assert_ok!(Referenda::place_decision_deposit(signed(Eve), index));
			}
			run_to_block(System::block_number() + 1);
		}
		run_to_block(System::block_number() + 10);
		assert_eq!(
			pallet_referenda::DecidingCount::<Runtime>::get(CLAIM_APPEALS_TRACK),
			MAX_DECIDING
		);

		let payout = mut_(50_000);
		let (_, claim_id) = cover_and_claim(1, mut_(100_000), payout);
		council_motion(reject(claim_id), 3, &[Alice, Bob, Dave], &[]);
		assert_ok!(MutualPool::appeal_claim(signed(Charlie), claim_id));
		let appealed_at = System::block_number();
		let own = referendum_of(claim_id);
		// Every slot is taken: the appeal's referendum is queued.
		run_to_block(appealed_at + 20);
		let Some(ReferendumInfo::Ongoing(status)) = ReferendumInfoFor::<Runtime>::get(own) else {
			panic!("the appeal's referendum is ongoing");
		};
		assert!(status.in_queue, "queued behind the junk referenda");

		run_to_block(appealed_at + AppealDecisionPeriod::get() + 1);
		assert!(matches!(ReferendumInfoFor::<Runtime>::get(own), Some(ReferendumInfo::Ongoing(_))));
		assert_noop!(
			MutualPool::close_claim(signed(Bob), claim_id),
			Error::<Runtime>::ClaimNotClosable
		);
		assert_eq!(referendum_of(claim_id), own);

		vote(Alice, own, true, Conviction::Locked1x, mut_(500_000));
		run_until_decided(own, longest_referendum());
		assert!(emitted(Event::AppealUpheld { claim_id, payout }));
		assert!(Claims::<Runtime>::get(claim_id).is_none());
	});
}
