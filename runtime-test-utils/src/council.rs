//! The claims council decides claims and governs pools and products through motions.

use crate::*;
use frame_support::{assert_noop, assert_ok, traits::Get};
use pallet_mutual_pool::{
	ClaimStatus, Claims, Error, Event, NextProductId, ProductParams, Products,
};
use sp_arithmetic::Perbill;
use sp_runtime::{traits::StaticLookup, DispatchError};

/// `MutualPool::approve_claim(claim_id, payout)` as a council proposal.
fn approve<C: Chain>(claim_id: ClaimId, payout: Balance) -> CallOf<C> {
	pallet_mutual_pool::Call::<RuntimeOf<C>>::approve_claim { claim_id, payout }.into()
}

/// Whether the events so far include `ClaimApproved` for `claim_id` with `payout`.
fn approved<C: Chain>(claim_id: ClaimId, payout: Balance) -> bool {
	emitted::<C>(Event::ClaimApproved { claim_id, payout })
}

/// A motion of three of the five members approves a claim below the large-claim threshold; the
/// claimant is paid and gets the claim's deposit back.
pub fn a_motion_to_approve_a_claim_passes_with_three_of_five_and_pays<C: Chain>() {
	on_dev_chain::<C>(|chain| {
		// 100_000 MUT: below 20% of the pool's capital.
		let payout = mut_(100_000);
		let before = free::<C>(Charlie);
		let (_, claim_id) = cover_and_claim::<C>(0, mut_(500_000), payout);
		let after_premium_and_deposit = free::<C>(Charlie);
		// The deposit grows with the claim: 10 MUT + 0.1% of 100_000 MUT.
		let deposit = MutualPool::<C>::claim_deposit(&pool::<C>().params, payout);
		let base: Balance = <RuntimeOf<C> as pallet_mutual_pool::Config>::ClaimDeposit::get();
		assert_eq!(deposit, base + mut_(100));
		assert!(after_premium_and_deposit < before - deposit);
		let capital = capital::<C>();

		let outcome =
			council_motion(chain, approve::<C>(claim_id, payout), 3, &[Alice, Bob, Dave], &[]);

		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		assert!(approved::<C>(claim_id, payout));
		assert!(Claims::<RuntimeOf<C>>::get(claim_id).is_none());
		// Paid, and the deposit is back.
		assert_eq!(free::<C>(Charlie), after_premium_and_deposit + payout + deposit);
		assert_eq!(crate::capital::<C>(), capital - payout);
	});
}

/// A payout above 20% of the capital needs the large-claim origin (four of five): a majority's
/// motion passes but its call fails.
pub fn a_large_payout_needs_four_of_five<C: Chain>() {
	on_dev_chain::<C>(|chain| {
		// 300_000 MUT: above 20% of the pool's capital.
		let payout = mut_(300_000);
		let (_, claim_id) = cover_and_claim::<C>(0, mut_(500_000), payout);
		let capital = capital::<C>();
		let charlie = free::<C>(Charlie);

		// A majority motion passes, but its origin (3 of 5) is not `LargeClaimOrigin`.
		let outcome =
			council_motion(chain, approve::<C>(claim_id, payout), 3, &[Alice, Bob, Dave], &[]);
		assert_eq!(
			outcome,
			MotionOutcome::Executed(Err(Error::<RuntimeOf<C>>::RequiresLargeClaimOrigin.into()))
		);
		assert!(Claims::<RuntimeOf<C>>::get(claim_id).is_some(), "the claim is still pending");
		assert_eq!(free::<C>(Charlie), charlie);
		assert_eq!(crate::capital::<C>(), capital);

		// With four ayes it pays.
		let outcome =
			council_motion(chain, approve::<C>(claim_id, payout), 4, &[Alice, Bob, Dave, Eve], &[]);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		assert!(approved::<C>(claim_id, payout));
		assert_eq!(
			free::<C>(Charlie),
			charlie + payout + MutualPool::<C>::claim_deposit(&pool::<C>().params, payout)
		);
		assert_eq!(crate::capital::<C>(), capital - payout);
	});
}

/// Members who do not vote count as nays, even when the prime voted aye.
pub fn abstentions_count_as_nays_even_with_an_aye_voting_prime<C: Chain>() {
	on_dev_chain::<C>(|chain| {
		let payout = mut_(300_000);
		let (_, claim_id) = cover_and_claim::<C>(0, mut_(500_000), payout);
		// Alice is prime and votes aye; with `PrimeDefaultVote` the two abstentions would follow
		// her and the motion would pass 5 to 0.
		assert_ok!(pallet_membership::Pallet::<RuntimeOf<C>, CouncilInstance>::set_prime(
			root::<C>(),
			<RuntimeOf<C> as frame_system::Config>::Lookup::unlookup(account(Alice))
		));
		assert_eq!(
			pallet_collective::Prime::<RuntimeOf<C>, CouncilInstance>::get(),
			Some(account(Alice))
		);

		let outcome =
			council_motion(chain, approve::<C>(claim_id, payout), 4, &[Alice, Bob, Charlie], &[]);

		assert_eq!(outcome, MotionOutcome::Disapproved);
		assert!(Claims::<RuntimeOf<C>>::get(claim_id).is_some(), "the claim is still pending");
	});
}

/// A rejected claim stays, its deposit held, for its appeal window; unappealed, anyone closes it
/// after the window and the deposit goes to the pool.
pub fn a_motion_to_reject_holds_the_claim_for_its_appeal_window_then_close_slashes_the_deposit<
	C: Chain,
>() {
	on_dev_chain::<C>(|chain| {
		let (cover_id, claim_id) = cover_and_claim::<C>(1, mut_(100_000), mut_(50_000));
		let deposit = MutualPool::<C>::claim_deposit(&pool::<C>().params, mut_(50_000));
		let charlie = free::<C>(Charlie);
		let capital = capital::<C>();

		let outcome = council_motion(chain, reject::<C>(claim_id), 3, &[Alice, Bob, Dave], &[Eve]);

		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		// The claimant may appeal for `AppealPeriod`: the claim stays, its deposit held and its
		// amount reserved, until then.
		let period: BlockNumber = <RuntimeOf<C> as pallet_mutual_pool::Config>::AppealPeriod::get();
		let appeal_until = block_number::<C>() + period;
		assert!(emitted::<C>(Event::ClaimRejected { claim_id, appeal_until }));
		assert_eq!(
			Claims::<RuntimeOf<C>>::get(claim_id).expect("rejected").status,
			ClaimStatus::Rejected { appeal_until }
		);
		assert_noop!(
			MutualPool::<C>::close_claim(signed::<C>(Bob), claim_id),
			Error::<RuntimeOf<C>>::ClaimNotClosable
		);

		// Unappealed, anyone closes it after the window: the deposit goes to the pool.
		chain.run_to_block(appeal_until);
		let before = pool::<C>();
		assert_ok!(MutualPool::<C>::close_claim(signed::<C>(Bob), claim_id));
		assert!(Claims::<RuntimeOf<C>>::get(claim_id).is_none());
		assert_eq!(free::<C>(Charlie), charlie, "the deposit is not returned");
		// The deposit is in the pool, earned by the bonded stakers over the next full expiry
		// bucket (issue 9, finding 13): not capital, but unearned (what was earned until the
		// close joined the capital first).
		let pool = pool::<C>();
		assert!(pool.capital >= capital);
		assert_eq!(
			pool.capital + pool.earnings.unearned,
			before.capital + before.earnings.unearned + deposit
		);
		assert!(pool.earnings.unearned >= deposit);
		assert!(emitted::<C>(Event::ClaimClosed { claim_id, cover_id, slashed: deposit }));
	});
}

/// No signed account decides claims, not even a council member acting alone; Root does.
pub fn a_signed_account_cannot_decide_claims<C: Chain>() {
	on_dev_chain::<C>(|_| {
		let (_, claim_id) = cover_and_claim::<C>(0, mut_(500_000), mut_(1_000));
		assert_noop!(
			MutualPool::<C>::approve_claim(signed::<C>(Alice), claim_id, mut_(1_000)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualPool::<C>::approve_claim(signed::<C>(Ferdie), claim_id, mut_(1_000)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualPool::<C>::reject_claim(signed::<C>(Bob), claim_id),
			DispatchError::BadOrigin
		);
		assert_ok!(MutualPool::<C>::approve_claim(root::<C>(), claim_id, mut_(1_000)));
	});
}

/// Governance (two thirds of the council) creates a product; a bare majority or a signed
/// account cannot.
pub fn a_governance_motion_of_four_creates_a_product<C: Chain>() {
	on_dev_chain::<C>(|chain| {
		let params = ProductParams {
			base_rate: Perbill::from_percent(3),
			max_capacity_share: Perbill::from_percent(20),
			min_period: 10,
			max_period: 5_256_000,
			claim_window: 100,
			activation_delay: 5,
			enabled: true,
			metadata: b"Stablecoin depeg".to_vec().try_into().expect("short"),
		};
		let create: CallOf<C> = pallet_mutual_pool::Call::<RuntimeOf<C>>::create_product {
			pool_id: 0,
			params: params.clone(),
		}
		.into();
		// The next id: 2 on a chain with products 0 and 1, 3 with the stablecoin pool's too.
		let next = NextProductId::<RuntimeOf<C>>::get();

		// A bare majority is not governance.
		let outcome = council_motion(chain, create.clone(), 3, &[Alice, Bob, Charlie], &[]);
		assert_eq!(outcome, MotionOutcome::Executed(Err(DispatchError::BadOrigin)));
		assert_eq!(NextProductId::<RuntimeOf<C>>::get(), next);
		// Nor is a signed account.
		assert_noop!(
			MutualPool::<C>::create_product(signed::<C>(Alice), 0, params.clone()),
			DispatchError::BadOrigin
		);

		let outcome = council_motion(chain, create, 4, &[Alice, Bob, Charlie, Eve], &[]);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		let product = Products::<RuntimeOf<C>>::get(next).expect("the product was created");
		assert_eq!(product.pool_id, 0);
		assert_eq!(product.params, params);
		assert!(emitted::<C>(Event::ProductCreated { product_id: next, pool_id: 0 }));
		assert_eq!(NextProductId::<RuntimeOf<C>>::get(), next + 1);
	});
}
