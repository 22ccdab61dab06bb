//! Appeals on the parachain runtime: the appeal submits its own referendum on the claim-appeals
//! track, which alone decides the claim; token holders pass it, and in a later block the
//! scheduler dispatches `uphold_appeal`, which pays the amount claimed (issue 22, attack 37).

use crate::common::*;
use frame_support::{assert_noop, assert_ok};
use mutual_pool_runtime_common::{
	appeal_origin::Origin as AppealsOrigin,
	appeals::{SubmissionDeposit, CLAIM_APPEALS_TRACK, DECISION_DEPOSIT},
};
use mutual_pool_runtime_para::{
	Balance, Balances, ConvictionVoting, MutualPool, Runtime, RuntimeEvent, RuntimeOrigin,
};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use pallet_mutual_pool::{ClaimStatus, Claims, Error, Event, NextClaimId, NextCoverId};
use pallet_referenda::{ReferendumInfo, ReferendumInfoFor};

/// A signed origin.
fn signed(who: sp_keyring::Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(who))
}

/// The free balance of `who`.
fn free(who: sp_keyring::Sr25519Keyring) -> Balance {
	Balances::free_balance(account(who))
}

#[test]
fn an_appeal_submits_its_own_referendum_which_alone_upholds_it() {
	dev_ext().execute_with(|| {
		let mut collator = Collator::default();
		collator.build_blocks(1);
		let amount = mut_(500);
		assert_ok!(MutualPool::buy_cover(signed(Charlie), 0, mut_(1_000), 1_000, Balance::MAX));
		let cover_id = NextCoverId::<Runtime>::get() - 1;
		let evidence = b"ipfs://exploit-report".to_vec().try_into().expect("short");
		assert_ok!(MutualPool::submit_claim(signed(Charlie), cover_id, amount, evidence));
		let claim_id = NextClaimId::<Runtime>::get() - 1;
		assert_ok!(MutualPool::reject_claim(RuntimeOrigin::root(), claim_id));

		let charlie = free(Charlie);
		assert_ok!(MutualPool::appeal_claim(signed(Charlie), claim_id));
		let ClaimStatus::Appealed { deposit, referendum, .. } =
			Claims::<Runtime>::get(claim_id).expect("appealed").status
		else {
			panic!("the claim is appealed");
		};
		// The appeal's referendum, on the claim-appeals track, Charlie paying its deposits.
		let Some(ReferendumInfo::Ongoing(status)) = ReferendumInfoFor::<Runtime>::get(referendum)
		else {
			panic!("the appeal's referendum is ongoing");
		};
		assert_eq!(status.track, CLAIM_APPEALS_TRACK);
		assert_eq!(status.submission_deposit.who, account(Charlie));
		let referenda_deposits = SubmissionDeposit::get() + DECISION_DEPOSIT;
		assert_eq!(free(Charlie), charlie - deposit - referenda_deposits);
		// The origin of another passed referendum cannot uphold it.
		let appeals = RuntimeOrigin::from(AppealsOrigin::ClaimAppeals);
		assert_noop!(
			MutualPool::uphold_appeal(appeals, claim_id),
			Error::<Runtime>::AppealNotApproved
		);

		let vote = AccountVote::Standard {
			vote: Vote { aye: true, conviction: Conviction::Locked1x },
			balance: mut_(500_000),
		};
		assert_ok!(ConvictionVoting::vote(signed(Bob), referendum, vote));
		let upheld = RuntimeEvent::MutualPool(Event::AppealUpheld { claim_id, payout: amount });
		let mut blocks = 0;
		while !collator.build_block(vec![]).contains(&upheld) {
			blocks += 1;
			assert!(blocks < 100, "the appeal is upheld within 100 blocks");
		}
		assert!(matches!(
			ReferendumInfoFor::<Runtime>::get(referendum),
			Some(ReferendumInfo::Approved(..))
		));
		assert!(Claims::<Runtime>::get(claim_id).is_none());
		// Paid the amount claimed; the claim's and the appeal's deposits are back.
		let claim_deposit = MutualPool::claim_deposit(amount);
		assert_eq!(free(Charlie), charlie + amount + claim_deposit - referenda_deposits);
	});
}
