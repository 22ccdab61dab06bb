//! Incidents: declared by council motion, redeemed without a vote.

use crate::*;
use frame_support::{assert_noop, assert_ok, traits::Get};
use pallet_mutual_pool::{Error, Event, Incidents, NextIncidentId};
use sp_arithmetic::Perbill;
use sp_runtime::DispatchError;

/// `MutualPool::declare_incident(product_id, occurred_at, ratio, evidence)` as a proposal.
fn declare<C: Chain>(product_id: ProductId, occurred_at: BlockNumber, ratio: Perbill) -> CallOf<C> {
	let evidence = b"ipfs://bridge-postmortem".to_vec().try_into().expect("short");
	pallet_mutual_pool::Call::<RuntimeOf<C>>::declare_incident {
		product_id,
		occurred_at,
		ratio,
		evidence,
	}
	.into()
}

/// `who` buys `amount` of cover on product 1 (the bridge) for 1000 blocks; returns its id.
fn bridge_cover<C: Chain>(who: Sr25519Keyring, amount: Balance) -> CoverId {
	assert_ok!(MutualPool::<C>::buy_cover(signed::<C>(who), 1, amount, 1000, Balance::MAX));
	NextCoverId::<RuntimeOf<C>>::get() - 1
}

/// Three covers held when the bridge was hacked are redeemed in full for their owners by anyone;
/// a cover bought after the hack is refused, and what it reserved is released at the close.
pub fn a_council_motion_declares_an_incident_and_three_covers_are_redeemed_one_refused<C: Chain>() {
	on_dev_chain::<C>(|chain| {
		// Charlie, Dave and Eve hold bridge cover when the bridge is hacked; Alice buys hers one
		// block later, once the hack is public.
		let hacked_at = block_number::<C>() + 4;
		let covers = [(Charlie, 1_000), (Dave, 2_000), (Eve, 4_000)]
			.map(|(who, amount)| (who, bridge_cover::<C>(who, mut_(amount)), mut_(amount)));
		chain.run_to_block(hacked_at + 1);
		let late = bridge_cover::<C>(Alice, mut_(8_000));
		chain.run_to_block(hacked_at + 3);
		let declared_at = block_number::<C>();

		// A simple majority declares a total loss. The reserve is the product's whole active
		// cover, Alice's included (15_000 MUT, far below 20% of the capital).
		let outcome = council_motion(
			chain,
			declare::<C>(1, hacked_at, Perbill::one()),
			3,
			&[Alice, Bob, Dave],
			&[],
		);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		let period: BlockNumber =
			<RuntimeOf<C> as pallet_mutual_pool::Config>::IncidentRedemptionPeriod::get();
		let incident_id = NextIncidentId::<RuntimeOf<C>>::get() - 1;
		let incident = Incidents::<RuntimeOf<C>>::get(incident_id).expect("declared");
		assert_eq!(incident.reserved, mut_(15_000));
		assert_eq!(incident.closes_at, declared_at + period);
		assert_eq!(pool::<C>().pending_claims, mut_(15_000));

		// Anyone redeems each cover for its owner; no vote.
		for (owner, cover_id, amount) in covers {
			let before = free::<C>(owner);
			assert_ok!(MutualPool::<C>::redeem_cover(signed::<C>(Ferdie), incident_id, cover_id));
			assert_eq!(free::<C>(owner), before + amount);
			assert!(emitted::<C>(Event::CoverRedeemed {
				incident_id,
				cover_id,
				owner: account(owner),
				payout: amount,
			}));
		}
		// Alice's cover, bought after the hack, is refused.
		assert_noop!(
			MutualPool::<C>::redeem_cover(signed::<C>(Alice), incident_id, late),
			Error::<RuntimeOf<C>>::CoverNotAffected
		);
		// What the incident reserved for Alice's cover stays until it closes, then is released.
		assert_eq!(
			Incidents::<RuntimeOf<C>>::get(incident_id).expect("open").reserved,
			mut_(8_000)
		);
		chain.run_to_block(declared_at + period);
		assert_ok!(MutualPool::<C>::close_incident(signed::<C>(Ferdie), incident_id));
		assert_eq!(pool::<C>().pending_claims, 0);
	});
}

/// A total loss above 20% of the capital needs four of five; no signed account declares one.
pub fn a_large_incident_needs_four_of_five_and_no_signed_account_declares_one<C: Chain>() {
	on_dev_chain::<C>(|chain| {
		// 300_000 MUT of bridge cover: a total loss is above 20% of the 1_000_000 MUT capital.
		// The hack happens at once; the motions are decided a block later.
		let hacked_at = block_number::<C>();
		bridge_cover::<C>(Charlie, mut_(300_000));
		chain.next_block();
		assert_noop!(
			MutualPool::<C>::declare_incident(
				signed::<C>(Alice),
				1,
				hacked_at,
				Perbill::one(),
				b"x".to_vec().try_into().expect("short")
			),
			DispatchError::BadOrigin
		);
		let outcome = council_motion(
			chain,
			declare::<C>(1, hacked_at, Perbill::one()),
			3,
			&[Alice, Bob, Dave],
			&[],
		);
		assert_eq!(
			outcome,
			MotionOutcome::Executed(Err(Error::<RuntimeOf<C>>::RequiresLargeClaimOrigin.into()))
		);
		let outcome = council_motion(
			chain,
			declare::<C>(1, hacked_at, Perbill::one()),
			4,
			&[Alice, Bob, Charlie, Dave],
			&[],
		);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
	});
}
