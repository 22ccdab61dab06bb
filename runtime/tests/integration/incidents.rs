//! Incidents through the real runtime: declared by council motion, redeemed without a vote.

use crate::common::*;
use frame_support::{assert_noop, assert_ok};
use mutual_pool_runtime::{configs::IncidentRedemptionPeriod, MutualPool, Runtime, RuntimeCall};
use pallet_mutual_pool::{Error, Event, Incidents, NextCoverId, NextIncidentId, Pools};
use sp_arithmetic::Perbill;
use sp_keyring::Sr25519Keyring;
use sp_runtime::DispatchError;

/// `MutualPool::declare_incident(product_id, occurred_at, ratio, evidence)` as a council proposal.
fn declare(product_id: u32, occurred_at: u32, ratio: Perbill) -> RuntimeCall {
	let evidence = b"ipfs://bridge-postmortem".to_vec().try_into().expect("short");
	RuntimeCall::MutualPool(pallet_mutual_pool::Call::declare_incident {
		product_id,
		occurred_at,
		ratio,
		evidence,
	})
}

/// `who` buys `amount` of cover on product 1 (the bridge) for 1000 blocks; returns its id.
fn bridge_cover(who: Sr25519Keyring, amount: u128) -> u64 {
	assert_ok!(MutualPool::buy_cover(signed(who), 1, amount, 1000, u128::MAX));
	NextCoverId::<Runtime>::get() - 1
}

#[test]
fn a_council_motion_declares_an_incident_and_three_covers_are_redeemed_one_refused() {
	dev_ext().execute_with(|| {
		// Charlie, Dave and Eve hold bridge cover when the bridge is hacked at block 5; Alice
		// buys hers at block 6, once the hack is public.
		let covers = [(Charlie, 1_000), (Dave, 2_000), (Eve, 4_000)]
			.map(|(who, amount)| (who, bridge_cover(who, mut_(amount)), mut_(amount)));
		run_to_block(6);
		let late = bridge_cover(Alice, mut_(8_000));
		run_to_block(8);

		// A simple majority declares a total loss. The reserve is the product's whole active
		// cover, Alice's included (15_000 MUT, far below 20% of the capital).
		let outcome = council_motion(declare(1, 5, Perbill::one()), 3, &[Alice, Bob, Dave], &[]);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		let incident_id = NextIncidentId::<Runtime>::get() - 1;
		let incident = Incidents::<Runtime>::get(incident_id).expect("declared");
		assert_eq!(incident.reserved, mut_(15_000));
		assert_eq!(incident.closes_at, 8 + IncidentRedemptionPeriod::get());
		assert_eq!(Pools::<Runtime>::get(0).expect("pool 0").pending_claims, mut_(15_000));

		// Anyone redeems each cover for its owner; no vote.
		for (owner, cover_id, amount) in covers {
			let before = free(owner);
			assert_ok!(MutualPool::redeem_cover(signed(Ferdie), incident_id, cover_id));
			assert_eq!(free(owner), before + amount);
			assert!(emitted(Event::CoverRedeemed {
				incident_id,
				cover_id,
				owner: account(owner),
				payout: amount,
			}));
		}
		// Alice's cover, bought after the hack, is refused.
		assert_noop!(
			MutualPool::redeem_cover(signed(Alice), incident_id, late),
			Error::<Runtime>::CoverNotAffected
		);
		// What the incident reserved for Alice's cover stays until it closes, then is released.
		assert_eq!(Incidents::<Runtime>::get(incident_id).expect("open").reserved, mut_(8_000));
		run_to_block(8 + IncidentRedemptionPeriod::get());
		assert_ok!(MutualPool::close_incident(signed(Ferdie), incident_id));
		assert_eq!(Pools::<Runtime>::get(0).expect("pool 0").pending_claims, 0);
		MutualPool::do_try_state().expect("the pool's books hold");
	});
}

#[test]
fn a_large_incident_needs_four_of_five_and_no_signed_account_declares_one() {
	dev_ext().execute_with(|| {
		// 300_000 MUT of bridge cover: a total loss is above 20% of the 1_000_000 MUT capital.
		// The hack happens at block 1; the motions are decided at block 2.
		bridge_cover(Charlie, mut_(300_000));
		run_to_block(2);
		assert_noop!(
			MutualPool::declare_incident(
				signed(Alice),
				1,
				1,
				Perbill::one(),
				b"x".to_vec().try_into().expect("short")
			),
			DispatchError::BadOrigin
		);
		let outcome = council_motion(declare(1, 1, Perbill::one()), 3, &[Alice, Bob, Dave], &[]);
		assert_eq!(
			outcome,
			MotionOutcome::Executed(Err(Error::<Runtime>::RequiresLargeClaimOrigin.into()))
		);
		let outcome =
			council_motion(declare(1, 1, Perbill::one()), 4, &[Alice, Bob, Charlie, Dave], &[]);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
	});
}
