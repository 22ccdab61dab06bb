//! The claims council decides claims and governs pools and products through motions.

use crate::common::*;
use frame_support::{assert_noop, assert_ok};
use mutual_pool_runtime::{
	configs::{AppealPeriod, ClaimDeposit, CouncilInstance},
	CouncilMembership, MutualPool, Runtime, RuntimeCall, RuntimeOrigin, System,
};
use pallet_mutual_pool::{ClaimStatus, Claims, Error, NextProductId, ProductParams, Products};
use sp_arithmetic::Perbill;
use sp_runtime::DispatchError;

/// `MutualPool::approve_claim(claim_id, payout)` as a council proposal.
fn approve(claim_id: u64, payout: u128) -> RuntimeCall {
	RuntimeCall::MutualPool(pallet_mutual_pool::Call::approve_claim { claim_id, payout })
}

/// Whether the events so far include `ClaimApproved` for `claim_id` with `payout`.
fn approved(claim_id: u64, payout: u128) -> bool {
	emitted(pallet_mutual_pool::Event::ClaimApproved { claim_id, payout })
}

#[test]
fn a_motion_to_approve_a_claim_passes_with_three_of_five_and_pays() {
	dev_ext().execute_with(|| {
		// 100_000 MUT: below 20% of the pool's capital.
		let payout = mut_(100_000);
		let before = free(Charlie);
		let (_, claim_id) = cover_and_claim(0, mut_(500_000), payout);
		let after_premium_and_deposit = free(Charlie);
		// The deposit grows with the claim: 10 MUT + 0.1% of 100_000 MUT.
		let deposit = MutualPool::claim_deposit(payout);
		assert_eq!(deposit, ClaimDeposit::get() + mut_(100));
		assert!(after_premium_and_deposit < before - deposit);
		let capital = capital();

		let outcome = council_motion(approve(claim_id, payout), 3, &[Alice, Bob, Dave], &[]);

		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		assert!(approved(claim_id, payout));
		assert!(Claims::<Runtime>::get(claim_id).is_none());
		// Paid, and the deposit is back.
		assert_eq!(free(Charlie), after_premium_and_deposit + payout + deposit);
		assert_eq!(super::common::capital(), capital - payout);
	});
}

#[test]
fn a_large_payout_needs_four_of_five() {
	dev_ext().execute_with(|| {
		// 300_000 MUT: above 20% of the pool's capital.
		let payout = mut_(300_000);
		let (_, claim_id) = cover_and_claim(0, mut_(500_000), payout);
		let capital = capital();
		let charlie = free(Charlie);

		// A majority motion passes, but its origin (3 of 5) is not `LargeClaimOrigin`.
		let outcome = council_motion(approve(claim_id, payout), 3, &[Alice, Bob, Dave], &[]);
		assert_eq!(
			outcome,
			MotionOutcome::Executed(Err(Error::<Runtime>::RequiresLargeClaimOrigin.into()))
		);
		assert!(Claims::<Runtime>::get(claim_id).is_some(), "the claim is still pending");
		assert_eq!(free(Charlie), charlie);
		assert_eq!(super::common::capital(), capital);

		// With four ayes it pays.
		let outcome = council_motion(approve(claim_id, payout), 4, &[Alice, Bob, Dave, Eve], &[]);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		assert!(approved(claim_id, payout));
		assert_eq!(free(Charlie), charlie + payout + MutualPool::claim_deposit(payout));
		assert_eq!(super::common::capital(), capital - payout);
	});
}

#[test]
fn abstentions_count_as_nays_even_with_an_aye_voting_prime() {
	dev_ext().execute_with(|| {
		let payout = mut_(300_000);
		let (_, claim_id) = cover_and_claim(0, mut_(500_000), payout);
		// Alice is prime and votes aye; with `PrimeDefaultVote` the two abstentions would follow
		// her and the motion would pass 5 to 0.
		assert_ok!(CouncilMembership::set_prime(RuntimeOrigin::root(), account(Alice).into()));
		assert_eq!(
			pallet_collective::Prime::<Runtime, CouncilInstance>::get(),
			Some(account(Alice))
		);

		let outcome = council_motion(approve(claim_id, payout), 4, &[Alice, Bob, Charlie], &[]);

		assert_eq!(outcome, MotionOutcome::Disapproved);
		assert!(Claims::<Runtime>::get(claim_id).is_some(), "the claim is still pending");
	});
}

#[test]
fn a_motion_to_reject_holds_the_claim_for_its_appeal_window_then_close_slashes_the_deposit() {
	dev_ext().execute_with(|| {
		let (cover_id, claim_id) = cover_and_claim(1, mut_(100_000), mut_(50_000));
		let deposit = MutualPool::claim_deposit(mut_(50_000));
		let charlie = free(Charlie);
		let capital = capital();

		let outcome = council_motion(reject(claim_id), 3, &[Alice, Bob, Dave], &[Eve]);

		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		// The claimant may appeal for `AppealPeriod`: the claim stays, its deposit held and its
		// amount reserved, until then.
		let appeal_until = System::block_number() + AppealPeriod::get();
		assert!(emitted(pallet_mutual_pool::Event::ClaimRejected { claim_id, appeal_until }));
		assert_eq!(
			Claims::<Runtime>::get(claim_id).expect("rejected").status,
			ClaimStatus::Rejected { appeal_until }
		);
		assert_noop!(
			MutualPool::close_claim(signed(Bob), claim_id),
			Error::<Runtime>::ClaimNotClosable
		);

		// Unappealed, anyone closes it after the window: the deposit goes to the pool.
		run_to_block(appeal_until);
		let before = pallet_mutual_pool::Pools::<Runtime>::get(0).expect("pool 0 exists");
		assert_ok!(MutualPool::close_claim(signed(Bob), claim_id));
		assert!(Claims::<Runtime>::get(claim_id).is_none());
		assert_eq!(free(Charlie), charlie, "the deposit is not returned");
		// The deposit is in the pool, earned by the bonded stakers over the next full expiry
		// bucket (issue 9, finding 13): not capital, but unearned (what was earned until the
		// close joined the capital first).
		let pool = pallet_mutual_pool::Pools::<Runtime>::get(0).expect("pool 0 exists");
		assert!(pool.capital >= capital);
		assert_eq!(
			pool.capital + pool.earnings.unearned,
			before.capital + before.earnings.unearned + deposit
		);
		assert!(pool.earnings.unearned >= deposit);
		assert!(emitted(pallet_mutual_pool::Event::ClaimClosed {
			claim_id,
			cover_id,
			slashed: deposit
		}));
	});
}

#[test]
fn a_signed_account_cannot_decide_claims() {
	dev_ext().execute_with(|| {
		let (_, claim_id) = cover_and_claim(0, mut_(500_000), mut_(1_000));
		// Not even a council member, acting alone.
		assert_noop!(
			MutualPool::approve_claim(signed(Alice), claim_id, mut_(1_000)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			MutualPool::approve_claim(signed(Ferdie), claim_id, mut_(1_000)),
			DispatchError::BadOrigin
		);
		assert_noop!(MutualPool::reject_claim(signed(Bob), claim_id), DispatchError::BadOrigin);
		// Root can.
		assert_ok!(MutualPool::approve_claim(RuntimeOrigin::root(), claim_id, mut_(1_000)));
	});
}

#[test]
fn a_governance_motion_of_four_creates_a_product() {
	dev_ext().execute_with(|| {
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
		let create = RuntimeCall::MutualPool(pallet_mutual_pool::Call::create_product {
			pool_id: 0,
			params: params.clone(),
		});
		assert_eq!(NextProductId::<Runtime>::get(), 2);

		// A bare majority is not governance.
		let outcome = council_motion(create.clone(), 3, &[Alice, Bob, Charlie], &[]);
		assert_eq!(outcome, MotionOutcome::Executed(Err(DispatchError::BadOrigin)));
		assert_eq!(NextProductId::<Runtime>::get(), 2);
		// Nor is a signed account.
		assert_noop!(
			MutualPool::create_product(signed(Alice), 0, params.clone()),
			DispatchError::BadOrigin
		);

		let outcome = council_motion(create, 4, &[Alice, Bob, Charlie, Eve], &[]);
		assert_eq!(outcome, MotionOutcome::Executed(Ok(())));
		let product = Products::<Runtime>::get(2).expect("product 2 was created");
		assert_eq!(product.pool_id, 0);
		assert_eq!(product.params, params);
		assert!(emitted(pallet_mutual_pool::Event::ProductCreated { product_id: 2, pool_id: 0 }));
	});
}
