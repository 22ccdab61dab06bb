//! Appeals: a claimant whose claim the council rejected appeals, which submits the appeal's own
//! referendum on the claim-appeals track (`Referenda` with `ConvictionVoting`); token holders
//! decide, and its passing dispatches `uphold_appeal` with the `ClaimAppeals` origin through the
//! `Scheduler`. No other referendum upholds the claim, and the claim ends when its referendum
//! does.

use crate::*;
use frame_support::{
	assert_noop, assert_ok,
	traits::{schedule::DispatchTime, Get, StorePreimage},
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
use sp_runtime::DispatchError;

type Referenda<C> = pallet_referenda::Pallet<RuntimeOf<C>>;
type PalletsOrigin<C> =
	<<RuntimeOf<C> as frame_system::Config>::RuntimeOrigin as OriginTrait>::PalletsOrigin;

/// The proposal origin of the claim-appeals track.
fn claim_appeals<C: Chain>() -> Box<PalletsOrigin<C>> {
	Box::new(AppealsOrigin::ClaimAppeals.into())
}

/// The referendum of appealed claim `claim_id`.
fn referendum_of<C: Chain>(claim_id: ClaimId) -> u32 {
	match Claims::<RuntimeOf<C>>::get(claim_id).expect("appealed").status {
		ClaimStatus::Appealed { referendum, .. } => referendum,
		status => panic!("appealed, not {status:?}"),
	}
}

/// Whether referendum `index` was approved.
fn approved<C: Chain>(index: u32) -> bool {
	matches!(ReferendumInfoFor::<RuntimeOf<C>>::get(index), Some(ReferendumInfo::Approved(..)))
}

/// `who` submits a referendum on the claim-appeals track of its own, to uphold `claim_id`,
/// enacted as soon as it may be, and places its decision deposit, as anyone may. Returns the
/// referendum's index.
fn submit_uphold<C: Chain>(who: Sr25519Keyring, claim_id: ClaimId) -> u32 {
	let call: CallOf<C> =
		pallet_mutual_pool::Call::<RuntimeOf<C>>::uphold_appeal { claim_id }.into();
	let proposal = <RuntimeOf<C> as pallet_referenda::Config>::Preimages::bound(call)
		.expect("a short call is inlined");
	assert!(!proposal.lookup_needed(), "inline: no preimage to note");
	let index = pallet_referenda::ReferendumCount::<RuntimeOf<C>>::get();
	assert_ok!(Referenda::<C>::submit(
		signed::<C>(who),
		claim_appeals::<C>(),
		proposal,
		DispatchTime::After(0),
	));
	assert_ok!(Referenda::<C>::place_decision_deposit(signed::<C>(who), index));
	index
}

/// `who` votes on referendum `index` with `balance` at `conviction`.
fn vote<C: Chain>(
	who: Sr25519Keyring,
	index: u32,
	aye: bool,
	conviction: Conviction,
	balance: Balance,
) {
	let vote = AccountVote::Standard { vote: Vote { aye, conviction }, balance };
	assert_ok!(pallet_conviction_voting::Pallet::<RuntimeOf<C>>::vote(
		signed::<C>(who),
		index,
		vote
	));
}

/// The balance of pool 0's account.
fn pool_balance<C: Chain>() -> Balance {
	pallet_balances::Pallet::<RuntimeOf<C>>::free_balance(MutualPool::<C>::pool_account(0))
}

/// Runs blocks until referendum `index` is no longer ongoing and its call (if it passed) is
/// dispatched, at most `limit` blocks; returns the block it ended at.
fn run_until_decided<C: Chain>(chain: &mut C, index: u32, limit: BlockNumber) -> BlockNumber {
	let end = block_number::<C>() + limit;
	while block_number::<C>() < end {
		chain.next_block();
		match ReferendumInfoFor::<RuntimeOf<C>>::get(index) {
			Some(ReferendumInfo::Ongoing(_)) => {},
			Some(ReferendumInfo::Approved(..)) => {
				// The call is dispatched `MIN_ENACTMENT_PERIOD` (1) block after approval.
				chain.next_block();
				return block_number::<C>();
			},
			_ => return block_number::<C>(),
		}
	}
	panic!("referendum {index} still ongoing after {limit} blocks");
}

/// The council rejects a claim, the claimant appeals (the appeal submits its own referendum,
/// the claimant paying its deposits), token holders pass it with conviction, and the scheduler's
/// dispatch of `uphold_appeal` pays the amount claimed and returns both deposits.
pub fn the_council_rejects_the_claimant_appeals_token_holders_pass_the_referendum_and_it_pays<
	C: Chain,
>() {
	on_dev_chain::<C>(|chain| {
		let payout = mut_(50_000);
		let (_, claim_id) = cover_and_claim::<C>(1, mut_(100_000), payout);
		let deposit = MutualPool::<C>::claim_deposit(&pool::<C>().params, payout);
		let outcome = council_motion(chain, reject::<C>(claim_id), 3, &[Alice, Bob, Dave], &[Eve]);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		let period: BlockNumber = <RuntimeOf<C> as pallet_mutual_pool::Config>::AppealPeriod::get();
		let appeal_until = block_number::<C>() + period;
		assert!(emitted::<C>(Event::ClaimRejected { claim_id, appeal_until }));

		let charlie = free::<C>(Charlie);
		let pool_account = pool_balance::<C>();
		let index = pallet_referenda::ReferendumCount::<RuntimeOf<C>>::get();
		assert_ok!(MutualPool::<C>::appeal_claim(signed::<C>(Charlie), claim_id));
		let multiplier: u32 =
			<RuntimeOf<C> as pallet_mutual_pool::Config>::AppealDepositMultiplier::get();
		let appeal_deposit = deposit * Balance::from(multiplier);
		// The appeal submits its own referendum, Charlie paying both its deposits.
		let referenda_deposits = SubmissionDeposit::get() + DECISION_DEPOSIT;
		assert_eq!(free::<C>(Charlie), charlie - appeal_deposit - referenda_deposits);
		assert_eq!(
			Claims::<RuntimeOf<C>>::get(claim_id).expect("appealed").status,
			ClaimStatus::Appealed {
				deposit: appeal_deposit,
				referendum: index,
				appealed_at: block_number::<C>()
			}
		);
		assert!(emitted::<C>(Event::ClaimAppealed {
			claim_id,
			deposit: appeal_deposit,
			referendum: index
		}));
		let Some(ReferendumInfo::Ongoing(status)) = ReferendumInfoFor::<RuntimeOf<C>>::get(index)
		else {
			panic!("the appeal's referendum is ongoing");
		};
		assert_eq!(status.track, CLAIM_APPEALS_TRACK);
		assert_eq!(status.submission_deposit.who, account(Charlie));
		assert_eq!(status.decision_deposit.map(|deposit| deposit.who), Some(account(Charlie)));
		// Conviction multiplies votes: Eve's 100_000 MUT locked 6x (600_000 votes) against
		// Alice's 400_000 locked 3x (1_200_000) and Dave's 100_000 at 1x: 68% ayes, passing only
		// once the approval curve has fallen from 100% that far; the ayes' 500_000 MUT are above
		// the 5% support of the active issuance (about 6.9 million MUT) from the start.
		vote::<C>(Alice, index, true, Conviction::Locked3x, mut_(400_000));
		vote::<C>(Dave, index, true, Conviction::Locked1x, mut_(100_000));
		vote::<C>(Eve, index, false, Conviction::Locked6x, mut_(100_000));
		let started = block_number::<C>();
		let ended = run_until_decided(chain, index, longest_referendum());

		assert!(approved::<C>(index));
		// 68.4% approval is reached 758 blocks into the 1_200-block decision period (100% - 50%
		// * t / 1_200), then it confirms for 5 blocks: without conviction (500_000 ayes against
		// 100_000 nays, 83%) it would have passed after 400.
		assert!(ended - started > 700, "passed after {} blocks", ended - started);
		// Approved at an alarm (an even block), enacted at an odd one, whose agenda no
		// referendum's alarm can fill.
		let alarm: BlockNumber = <RuntimeOf<C> as pallet_referenda::Config>::AlarmInterval::get();
		assert_eq!(alarm, 2);
		assert_eq!(ended % alarm, 1, "enacted at {ended}");
		// The amount claimed, which nobody but the claimant chose.
		assert!(emitted::<C>(Event::AppealUpheld { claim_id, payout }));
		assert!(Claims::<RuntimeOf<C>>::get(claim_id).is_none());
		// Paid, and both deposits are back; so are the referendum's, once refunded (anyone may).
		assert_ok!(Referenda::<C>::refund_submission_deposit(signed::<C>(Ferdie), index));
		assert_ok!(Referenda::<C>::refund_decision_deposit(signed::<C>(Ferdie), index));
		assert_eq!(free::<C>(Charlie), charlie + payout + deposit);
		// The payout left the pool's account (the capital meanwhile grew by the premiums earned
		// over the vote's blocks).
		assert_eq!(pool_balance::<C>(), pool_account - payout);
	});
}

/// An appeal whose referendum is voted down ends with it: anyone closes the claim, and both the
/// claim's and the appeal's deposits go to the pool.
pub fn an_appeal_whose_referendum_is_rejected_is_dismissed_and_both_deposits_go_to_the_pool<
	C: Chain,
>() {
	on_dev_chain::<C>(|chain| {
		let payout = mut_(50_000);
		let (cover_id, claim_id) = cover_and_claim::<C>(1, mut_(100_000), payout);
		let deposit = MutualPool::<C>::claim_deposit(&pool::<C>().params, payout);
		council_motion(chain, reject::<C>(claim_id), 3, &[Alice, Bob, Dave], &[]);
		assert_ok!(MutualPool::<C>::appeal_claim(signed::<C>(Charlie), claim_id));
		let multiplier: u32 =
			<RuntimeOf<C> as pallet_mutual_pool::Config>::AppealDepositMultiplier::get();
		let appeal_deposit = deposit * Balance::from(multiplier);
		let charlie = free::<C>(Charlie);

		// While the referendum runs, nobody can close the claim.
		let index = referendum_of::<C>(claim_id);
		assert_noop!(
			MutualPool::<C>::close_claim(signed::<C>(Bob), claim_id),
			Error::<RuntimeOf<C>>::ClaimNotClosable
		);
		// The referendum is voted down: Eve's nays outweigh Alice's ayes to the end.
		vote::<C>(Alice, index, true, Conviction::Locked1x, mut_(400_000));
		vote::<C>(Eve, index, false, Conviction::Locked1x, mut_(500_000));
		run_until_decided(chain, index, longest_referendum());
		assert!(matches!(
			ReferendumInfoFor::<RuntimeOf<C>>::get(index),
			Some(ReferendumInfo::Rejected(..))
		));

		// Its end ends the claim: anyone closes it at once.
		let before = pool::<C>();
		assert_ok!(MutualPool::<C>::close_claim(signed::<C>(Bob), claim_id));
		let slashed = deposit + appeal_deposit;
		assert!(emitted::<C>(Event::ClaimClosed { claim_id, cover_id, slashed }));
		assert_eq!(free::<C>(Charlie), charlie, "neither deposit comes back");
		// Both deposits went to the pool, to be earned by the bonded stakers like a premium (what
		// was earned until the close joined the capital first).
		let after = pool::<C>();
		assert_eq!(
			after.capital + after.earnings.unearned,
			before.capital + before.earnings.unearned + slashed
		);
		// Unearned now: the deposits and, on a chain whose idle hook has not yet rolled the
		// expiry bucket of Charlie's cover (the solo chain's test blocks run no `on_idle`), what
		// is left of its premium.
		assert!(after.earnings.unearned >= slashed);
	});
}

/// Only the `ClaimAppeals` origin has a track, its origin only upholds appeals, and it upholds
/// an appealed claim only once the appeal's own referendum is approved; the council cannot
/// cancel that referendum.
pub fn only_the_claim_appeals_origin_has_a_track_and_it_only_upholds_appeals<C: Chain>() {
	on_dev_chain::<C>(|chain| {
		let (_, claim_id) = cover_and_claim::<C>(1, mut_(100_000), mut_(50_000));
		let call: CallOf<C> = pallet_mutual_pool::Call::<RuntimeOf<C>>::approve_claim {
			claim_id,
			payout: mut_(50_000),
		}
		.into();
		let proposal =
			<RuntimeOf<C> as pallet_referenda::Config>::Preimages::bound(call).expect("inline");
		let council: PalletsOrigin<C> =
			pallet_collective::RawOrigin::<AccountId, CouncilInstance>::Members(5, 5).into();
		let root: PalletsOrigin<C> = frame_system::RawOrigin::<AccountId>::Root.into();
		for origin in [root, council] {
			assert_noop!(
				Referenda::<C>::submit(
					signed::<C>(Bob),
					Box::new(origin),
					proposal.clone(),
					DispatchTime::After(0),
				),
				pallet_referenda::Error::<RuntimeOf<C>>::NoTrack
			);
		}
		// The origin of a passed appeal referendum decides nothing but appeals.
		let appeals = || -> <RuntimeOf<C> as frame_system::Config>::RuntimeOrigin {
			AppealsOrigin::ClaimAppeals.into()
		};
		assert_noop!(
			MutualPool::<C>::approve_claim(appeals(), claim_id, mut_(50_000)),
			DispatchError::BadOrigin
		);
		assert_noop!(MutualPool::<C>::reject_claim(appeals(), claim_id), DispatchError::BadOrigin);
		// ...and upholds only an appealed claim.
		assert_noop!(
			MutualPool::<C>::uphold_appeal(appeals(), claim_id),
			Error::<RuntimeOf<C>>::ClaimNotAppealed
		);
		// The council cannot cancel a referendum (an appeal contests its own decision).
		council_motion(chain, reject::<C>(claim_id), 3, &[Alice, Bob, Dave], &[]);
		assert_ok!(MutualPool::<C>::appeal_claim(signed::<C>(Charlie), claim_id));
		// ...and upholds an appealed claim only once the appeal's own referendum is approved.
		assert_noop!(
			MutualPool::<C>::uphold_appeal(appeals(), claim_id),
			Error::<RuntimeOf<C>>::AppealNotApproved
		);
		let index = referendum_of::<C>(claim_id);
		let cancel: CallOf<C> = pallet_referenda::Call::<RuntimeOf<C>>::cancel { index }.into();
		assert_eq!(
			council_motion(chain, cancel, 5, &[Alice, Bob, Charlie, Dave, Eve], &[]),
			MotionOutcome::Executed(Err(DispatchError::BadOrigin))
		);
	});
}

/// `AppealDecisionPeriod` (what a withdrawal's hold waits for an appeal) outlasts the longest
/// referendum of the claim-appeals track, and enactments fall between alarms.
pub fn the_appeal_decision_period_outlasts_the_longest_referendum_on_the_track<C: Chain>() {
	type Tracks<C> = <RuntimeOf<C> as pallet_referenda::Config>::Tracks;
	let track = <Tracks<C> as TracksInfo<Balance, BlockNumber>>::info(CLAIM_APPEALS_TRACK)
		.expect("the claim-appeals track exists");
	let undeciding: BlockNumber =
		<RuntimeOf<C> as pallet_referenda::Config>::UndecidingTimeout::get();
	// Submitted at block 0, a referendum starts being decided at the latest when the prepare
	// period is over and the decision deposit placed (before `UndecidingTimeout`, or it times
	// out); the decision period may end with a confirmation just begun; then the enactment.
	// Each of the three alarms may be rounded up to the next multiple of `AlarmInterval`.
	let alarm: BlockNumber = <RuntimeOf<C> as pallet_referenda::Config>::AlarmInterval::get();
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
	let decision: BlockNumber =
		<RuntimeOf<C> as pallet_mutual_pool::Config>::AppealDecisionPeriod::get();
	assert!(
		decision > longest,
		"an appeal's {decision} blocks are shorter than a referendum of {longest}"
	);
	let period: BlockNumber = <RuntimeOf<C> as pallet_mutual_pool::Config>::AppealPeriod::get();
	assert!(period > 0, "rejections can be appealed");
	assert_eq!(
		<Tracks<C> as TracksInfo<Balance, BlockNumber>>::track_for(
			&AppealsOrigin::ClaimAppeals.into()
		),
		Ok(CLAIM_APPEALS_TRACK)
	);
}

/// Attack 37: a referendum other than the appeal's own cannot uphold it. Eve passes a referendum
/// of her own whose call is `uphold_appeal(claim)`: its dispatch fails (`AppealNotApproved`), and
/// the claim stays appealed until Charlie's own referendum passes and pays the amount claimed.
pub fn a_referendum_other_than_the_appeals_own_cannot_uphold_it<C: Chain>() {
	on_dev_chain::<C>(|chain| {
		let payout = mut_(50_000);
		let (_, claim_id) = cover_and_claim::<C>(1, mut_(100_000), payout);
		council_motion(chain, reject::<C>(claim_id), 3, &[Alice, Bob, Dave], &[]);
		assert_ok!(MutualPool::<C>::appeal_claim(signed::<C>(Charlie), claim_id));
		let own = referendum_of::<C>(claim_id);
		let charlie = free::<C>(Charlie);

		let other = submit_uphold::<C>(Eve, claim_id);
		vote::<C>(Eve, other, true, Conviction::Locked1x, mut_(500_000));
		// The events of every block until the other referendum's call is dispatched.
		let mut failed = false;
		let end = block_number::<C>() + longest_referendum();
		while !approved::<C>(other) || !failed {
			assert!(block_number::<C>() < end, "Eve's referendum passes and its call is run");
			chain.next_block();
			failed |= frame_system::Pallet::<RuntimeOf<C>>::events().into_iter().any(|record| {
				matches!(
					record.event.try_into(),
					Ok(pallet_scheduler::Event::<RuntimeOf<C>>::Dispatched {
						result: Err(error),
						..
					}) if error == Error::<RuntimeOf<C>>::AppealNotApproved.into()
				)
			});
		}
		assert_eq!(free::<C>(Charlie), charlie);
		assert_eq!(referendum_of::<C>(claim_id), own);

		vote::<C>(Alice, own, true, Conviction::Locked1x, mut_(500_000));
		run_until_decided(chain, own, longest_referendum());
		assert!(emitted::<C>(Event::AppealUpheld { claim_id, payout }));
		assert!(Claims::<RuntimeOf<C>>::get(claim_id).is_none());
	});
}

/// Attacks 28 and 37: junk referenda that fill the track do not dismiss an appeal. Eve keeps all
/// `MAX_DECIDING` deciding slots busy with referenda of her own when Charlie appeals: his
/// referendum waits in the queue, and is still being decided `AppealDecisionPeriod` after the
/// appeal, the fixed end at which the old rules dismissed it with both deposits slashed. The
/// claim stays open until its referendum ends: approved, it pays.
pub fn junk_referenda_that_fill_the_track_do_not_dismiss_an_appeal<C: Chain>() {
	on_dev_chain::<C>(|chain| {
		// Eve's junk referenda, a hundred a block (the scheduler takes 200 alarms a block), all
		// being decided once their prepare period is over.
		let remark: CallOf<C> =
			frame_system::Call::<RuntimeOf<C>>::remark { remark: vec![] }.into();
		let junk = <RuntimeOf<C> as pallet_referenda::Config>::Preimages::bound(remark)
			.expect("a short call is inlined");
		for _ in 0..MAX_DECIDING / 100 {
			for _ in 0..100 {
				let index = pallet_referenda::ReferendumCount::<RuntimeOf<C>>::get();
				assert_ok!(Referenda::<C>::submit(
					signed::<C>(Eve),
					claim_appeals::<C>(),
					junk.clone(),
					DispatchTime::After(0),
				));
				assert_ok!(Referenda::<C>::place_decision_deposit(signed::<C>(Eve), index));
			}
			chain.next_block();
		}
		chain.run_to_block(block_number::<C>() + 10);
		assert_eq!(
			pallet_referenda::DecidingCount::<RuntimeOf<C>>::get(CLAIM_APPEALS_TRACK),
			MAX_DECIDING
		);

		let payout = mut_(50_000);
		let (_, claim_id) = cover_and_claim::<C>(1, mut_(100_000), payout);
		council_motion(chain, reject::<C>(claim_id), 3, &[Alice, Bob, Dave], &[]);
		assert_ok!(MutualPool::<C>::appeal_claim(signed::<C>(Charlie), claim_id));
		let appealed_at = block_number::<C>();
		let own = referendum_of::<C>(claim_id);
		// Every slot is taken: the appeal's referendum is queued.
		chain.run_to_block(appealed_at + 20);
		let Some(ReferendumInfo::Ongoing(status)) = ReferendumInfoFor::<RuntimeOf<C>>::get(own)
		else {
			panic!("the appeal's referendum is ongoing");
		};
		assert!(status.in_queue, "queued behind the junk referenda");

		let decision: BlockNumber =
			<RuntimeOf<C> as pallet_mutual_pool::Config>::AppealDecisionPeriod::get();
		chain.run_to_block(appealed_at + decision + 1);
		assert!(matches!(
			ReferendumInfoFor::<RuntimeOf<C>>::get(own),
			Some(ReferendumInfo::Ongoing(_))
		));
		assert_noop!(
			MutualPool::<C>::close_claim(signed::<C>(Bob), claim_id),
			Error::<RuntimeOf<C>>::ClaimNotClosable
		);
		assert_eq!(referendum_of::<C>(claim_id), own);

		vote::<C>(Alice, own, true, Conviction::Locked1x, mut_(500_000));
		run_until_decided(chain, own, longest_referendum());
		assert!(emitted::<C>(Event::AppealUpheld { claim_id, payout }));
		assert!(Claims::<RuntimeOf<C>>::get(claim_id).is_none());
	});
}
