//! Benchmarks of every call, each in its worst case (v2 syntax).
//!
//! The signer of a user call is the whitelisted caller, as in `pallet_balances`: its account is
//! read by the transaction's fee payment anyway, so its reads and writes are not charged twice.
//!
//! The `*_among(k)` benchmarks measure `stake`, `withdraw`, `approve_claim` and `reject_claim`
//! with `n = among_count(k)` other stakers, covers and pending claims in the same pool (and
//! `MAX_AMONG - n` in another pool, so that the state has the same size at every `n`; see
//! `populate`). The steps visit `n` in scrambled order (see `among_count`). No call's weight uses
//! them: they exist to show that the calls do not depend on those counts (a zero slope in `n`,
//! which `scripts/performance.sh` reports), and `scripts/benchmark.sh` leaves them out of
//! `weights.rs`.

use super::*;
use crate::Pallet as MutualPool;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::*,
	traits::{EnsureOrigin, UnfilteredDispatchable},
};
use frame_system::RawOrigin;
use sp_arithmetic::Perbill;
use sp_runtime::traits::{Bounded, One, Saturating};

mod setup;

use setup::*;

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_pool() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let pool_id = NextPoolId::<T>::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, pool_params::<T>());
		assert!(Pools::<T>::contains_key(pool_id));
		Ok(())
	}

	#[benchmark]
	fn update_pool() -> Result<(), BenchmarkError> {
		let (pool_id, ..) = setup_pool::<T>()?;
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut params = pool_params::<T>();
		params.fee = Perbill::from_percent(5);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, pool_id, params.clone());
		assert_eq!(Pools::<T>::get(pool_id).map(|p| p.params), Some(params));
		Ok(())
	}

	#[benchmark]
	fn create_product(m: Linear<0, { T::MaxMetadataLen::get() }>) -> Result<(), BenchmarkError> {
		let pool_id = MutualPool::<T>::do_create_pool(pool_params::<T>())?;
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let product_id = NextProductId::<T>::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, pool_id, product_params::<T>(m));
		assert_eq!(Products::<T>::get(product_id).map(|p| p.pool_id), Some(pool_id));
		Ok(())
	}

	#[benchmark]
	fn update_product(m: Linear<0, { T::MaxMetadataLen::get() }>) -> Result<(), BenchmarkError> {
		let (_, product_id, _) = setup_pool::<T>()?;
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut params = product_params::<T>(m);
		params.enabled = false;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, product_id, params);
		assert_eq!(Products::<T>::get(product_id).map(|p| p.params.enabled), Some(false));
		Ok(())
	}

	/// Worst case: the first stake into a pool, which also creates the pool account; the pool
	/// backs as many products as it may, each checked for its share of the capacity.
	#[benchmark]
	fn stake() -> Result<(), BenchmarkError> {
		let pool_id = MutualPool::<T>::do_create_pool(pool_params::<T>())?;
		for _ in 0..crate::bounds::MAX_PRODUCTS_PER_POOL {
			MutualPool::<T>::do_create_product(pool_id, product_params::<T>(0))?;
		}
		let staker = funded_caller::<T>();
		let amount = units::<T>(1_000);
		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), pool_id, amount, amount);
		assert_eq!(Stakers::<T>::get(&staker, pool_id).map(|s| s.shares), Some(amount));
		Ok(())
	}

	/// Worst case: the staker's stakes still warming up are cooled down and rewritten.
	#[benchmark]
	fn request_unstake() -> Result<(), BenchmarkError> {
		let (pool_id, _, staker) = setup_pool::<T>()?;
		MutualPool::<T>::do_stake(&staker, pool_id, units::<T>(500), Zero::zero(), true)?;
		let shares = units::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), pool_id, shares);
		assert_eq!(Stakers::<T>::get(&staker, pool_id).map(|s| s.unbonding), Some(shares));
		Ok(())
	}

	/// Worst case: `b` expiry buckets to roll, and at least one (`withdraw(0)` is weighed as
	/// `withdraw(1)`), a partial withdrawal (the record is rewritten), a claim pending (part of
	/// the withdrawal is held: a hold is written).
	///
	/// The bucket rolled at `b = 0` is for the proof estimate: the benchmark CLI fits each storage
	/// item's proof on its own and declares the largest base plus the largest slope. With the
	/// bucket's items (`Expiries`, `EarningEnds`) read only from `b = 1` on, their fit split
	/// their size between base and slope, and that slope was stacked on the largest base, the
	/// pool account's entry in the asset's registry (read twice by the transfer): 9,157 B on the
	/// parachain, whose registry is keyed by XCM `Location`, where that entry is 7,404 B. Read at
	/// every `b`, the bucket's items are a base of their own, and the call declares its largest
	/// item, as every other call does.
	#[benchmark]
	fn withdraw(b: Linear<0, { T::MaxExpiryBucketsPerCall::get() }>) -> Result<(), BenchmarkError> {
		let (pool_id, product_id, staker) = setup_pool::<T>()?;
		// Every product's share is checked: the pool backs as many as it may.
		for _ in 1..crate::bounds::MAX_PRODUCTS_PER_POOL {
			MutualPool::<T>::do_create_product(pool_id, product_params::<T>(0))?;
		}
		setup_claim::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		MutualPool::<T>::do_request_unstake(&staker, pool_id, units::<T>(100))?;
		let unlock_at = Stakers::<T>::get(&staker, pool_id).map(|s| s.unlock_at);
		frame_system::Pallet::<T>::set_block_number(unlock_at.ok_or(BenchmarkError::Weightless)?);
		lag_pool_expiries::<T>(pool_id, b.max(1))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), pool_id, Zero::zero());
		let pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		// What is left is the claimed cover, which runs for longer.
		assert_eq!(pool.active_cover, units::<T>(10));
		assert_eq!(Stakers::<T>::get(&staker, pool_id).map(|s| s.unbonding), Some(Zero::zero()));
		assert!(Holds::<T>::contains_key(&staker, pool_id));
		Ok(())
	}

	/// Worst case: the hold is charged for a payout, the charge is shared by bonded and
	/// unbonding shares, and the rest is paid to the leaver (a transfer).
	#[benchmark]
	fn release_hold() -> Result<(), BenchmarkError> {
		let (pool_id, product_id, _) = setup_pool::<T>()?;
		// Not the caller: anyone releases, and the leaver's account is read too.
		let staker = funded::<T>("leaver", 0);
		MutualPool::<T>::do_stake(&staker, pool_id, units::<T>(1_000), Zero::zero(), false)?;
		let claim_id = setup_claim::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		MutualPool::<T>::do_request_unstake(&staker, pool_id, units::<T>(100))?;
		let unlock_at = Stakers::<T>::get(&staker, pool_id).map(|s| s.unlock_at);
		frame_system::Pallet::<T>::set_block_number(unlock_at.ok_or(BenchmarkError::Weightless)?);
		MutualPool::<T>::do_withdraw(&staker, pool_id, Zero::zero())?;
		MutualPool::<T>::do_request_unstake(&staker, pool_id, units::<T>(100))?;
		// Nothing is pending once the claim is paid: the hold is due. A tenth of what it held
		// back pays the staker's share of the payout, the rest goes back to the staker.
		MutualPool::<T>::do_approve_claim(claim_id, units::<T>(1), true)?;
		let caller = funded::<T>("releaser", 0);
		let before = balance_in::<T>(asset::<T>(), &staker);
		let held = Pools::<T>::get(pool_id).map(|pool| pool.holding.value);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), staker.clone(), pool_id);
		assert!(!Holds::<T>::contains_key(&staker, pool_id));
		let paid = balance_in::<T>(asset::<T>(), &staker).saturating_sub(before);
		assert!(!paid.is_zero() && Some(paid) < held);
		Ok(())
	}

	/// Worst case: both expiry buckets of the new cover already hold cover (read and written),
	/// and the premium is not zero (a transfer).
	#[benchmark]
	fn buy_cover() -> Result<(), BenchmarkError> {
		let (pool_id, product_id, buyer) = setup_pool::<T>()?;
		setup_cover::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		let active = Pools::<T>::get(pool_id).map(|p| p.active_cover);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(buyer.clone()),
			product_id,
			units::<T>(10),
			1_000u32.into(),
			BalanceOf::<T>::max_value(),
		);
		let cover =
			Covers::<T>::get(NextCoverId::<T>::get() - 1).ok_or(BenchmarkError::Weightless)?;
		assert_eq!(cover.owner, buyer);
		let expected = active.map(|a| a.saturating_add(units::<T>(10)));
		assert_eq!(Pools::<T>::get(pool_id).map(|p| p.active_cover), expected);
		Ok(())
	}

	#[benchmark]
	fn transfer_cover() -> Result<(), BenchmarkError> {
		let (_, product_id, buyer) = setup_pool::<T>()?;
		let cover_id = setup_cover::<T>(&buyer, product_id, units::<T>(10))?;
		let to: T::AccountId = account("to", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), cover_id, to.clone());
		assert_eq!(Covers::<T>::get(cover_id).map(|c| c.owner), Some(to));
		Ok(())
	}

	#[benchmark]
	fn submit_claim(e: Linear<0, { T::MaxEvidenceLen::get() }>) -> Result<(), BenchmarkError> {
		let (_, product_id, buyer) = setup_pool::<T>()?;
		let cover_id = setup_cover::<T>(&buyer, product_id, units::<T>(10))?;
		let evidence = BoundedVec::truncate_from(vec![b'e'; e as usize]);
		let claim_id = NextClaimId::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), cover_id, units::<T>(10), evidence);
		assert!(Claims::<T>::contains_key(claim_id));
		Ok(())
	}

	/// Worst case: a large payout of an unexpired cover, taken off both expiry books.
	#[benchmark]
	fn approve_claim() -> Result<(), BenchmarkError> {
		let (pool_id, product_id, _) = setup_pool::<T>()?;
		let claim_id = setup_claim::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		let origin =
			T::LargeClaimOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let before = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, claim_id, units::<T>(10));
		assert!(!Claims::<T>::contains_key(claim_id));
		let after = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		// The payout left the capital; what was earned since the purchase joined it.
		let earned = before.earnings.unearned.saturating_sub(after.earnings.unearned);
		assert_eq!(
			before.capital.saturating_add(earned).saturating_sub(units::<T>(10)),
			after.capital
		);
		Ok(())
	}

	/// The runtime's own path: with an appeal period, the claim waits for an appeal; without
	/// one, the rejection is final at once and the deposit slashed (as `close_claim` does).
	#[benchmark]
	fn reject_claim() -> Result<(), BenchmarkError> {
		// Without an appeal period the deposit is slashed, dearest into a native pool.
		let (pool_id, product_id, _) = if T::AppealPeriod::get().is_zero() {
			setup_native_pool::<T>()?
		} else {
			setup_pool::<T>()?
		};
		let claim_id = setup_claim::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		let origin = T::ClaimDecisionOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let before = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		let deposit = MutualPool::<T>::claim_deposit(&before.params, units::<T>(10));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, claim_id);
		if T::AppealPeriod::get().is_zero() {
			assert!(!Claims::<T>::contains_key(claim_id));
			let after = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
			// The deposit joined the unearned premiums (earned over the next full bucket, one
			// more rate booked to stop), besides what was earned since the purchase.
			assert_eq!(
				before.capital.saturating_add(before.earnings.unearned).saturating_add(deposit),
				after.capital.saturating_add(after.earnings.unearned)
			);
			assert!(after.earnings.rate > before.earnings.rate);
		} else {
			let status = Claims::<T>::get(claim_id).map(|claim| claim.status);
			assert!(matches!(status, Some(ClaimStatus::Rejected { .. })));
		}
		Ok(())
	}

	/// A claim past its decision period, lapsed by the whitelisted caller.
	#[benchmark]
	fn lapse_claim() -> Result<(), BenchmarkError> {
		let (pool_id, product_id, caller) = setup_pool::<T>()?;
		let claim_id = setup_claim::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		let lapses_at = Claims::<T>::get(claim_id).map(|c| c.lapses_at);
		frame_system::Pallet::<T>::set_block_number(lapses_at.ok_or(BenchmarkError::Weightless)?);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), claim_id);
		assert!(!Claims::<T>::contains_key(claim_id));
		assert_eq!(Pools::<T>::get(pool_id).map(|p| p.pending_claims), Some(Zero::zero()));
		Ok(())
	}

	#[benchmark]
	fn freeze_pool() -> Result<(), BenchmarkError> {
		let (pool_id, ..) = setup_pool::<T>()?;
		let origin = T::ClaimDecisionOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, pool_id);
		let until =
			frame_system::Pallet::<T>::block_number().saturating_add(T::FreezePeriod::get());
		assert_eq!(Pools::<T>::get(pool_id).map(|p| p.frozen_until), Some(until));
		Ok(())
	}

	#[benchmark]
	fn reopen_pool() -> Result<(), BenchmarkError> {
		let (pool_id, ..) = setup_pool::<T>()?;
		Pools::<T>::mutate(pool_id, |pool| {
			if let Some(pool) = pool {
				pool.depleted = true;
			}
		});
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, pool_id);
		assert_eq!(Pools::<T>::get(pool_id).map(|p| p.depleted), Some(false));
		Ok(())
	}

	/// A cover whose claim window has closed and whose bucket both its pool and its product have
	/// rolled, redeemed in the most incidents open on its product, each of which it reads.
	#[benchmark]
	fn reap_cover() -> Result<(), BenchmarkError> {
		let (_, product_id, caller) = setup_pool::<T>()?;
		let cover_id = setup_cover::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		for incident_id in setup_incidents::<T>(product_id, bounds::MAX_OPEN_INCIDENTS)? {
			MutualPool::<T>::do_redeem_cover(incident_id, cover_id)?;
		}
		let claim_until = Covers::<T>::get(cover_id).ok_or(BenchmarkError::Weightless)?.claim_until;
		let due = MutualPool::<T>::expiry_bucket(claim_until)
			.saturating_mul(T::ExpiryBucketLength::get());
		frame_system::Pallet::<T>::set_block_number(due);
		let pool_id = Products::<T>::get(product_id).ok_or(BenchmarkError::Weightless)?.pool_id;
		for owner in [ExpiryOwner::Pool(pool_id), ExpiryOwner::Product(product_id)] {
			while MutualPool::<T>::do_roll_expiries(owner)?.buckets > 0 {}
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), cover_id);
		assert!(!Covers::<T>::contains_key(cover_id));
		assert!(!Redemptions::<T>::contains_key(cover_id));
		Ok(())
	}

	/// Worst case: the large-claim origin (tried first), the product's other open incidents at
	/// their most, `e` bytes of evidence.
	#[benchmark]
	fn declare_incident(e: Linear<0, { T::MaxEvidenceLen::get() }>) -> Result<(), BenchmarkError> {
		let (pool_id, product_id, _) = setup_pool::<T>()?;
		setup_cover::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		setup_incidents::<T>(product_id, bounds::MAX_OPEN_INCIDENTS - 1)?;
		let origin =
			T::LargeClaimOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let occurred_at = frame_system::Pallet::<T>::block_number().saturating_sub(One::one());
		let pending = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?.pending_claims;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, product_id, occurred_at, Perbill::one(), evidence::<T>(e));
		let after = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?.pending_claims;
		assert_eq!(after, pending.saturating_add(units::<T>(10)));
		assert_eq!(ProductIncidents::<T>::get(product_id).len() as u32, bounds::MAX_OPEN_INCIDENTS);
		Ok(())
	}

	/// Worst case: a cover redeemed in every other incident open on its product (the longest
	/// list of redemptions to prune and write), paid off both expiry books, in a short pool (a
	/// shortfall is booked).
	#[benchmark]
	fn redeem_cover() -> Result<(), BenchmarkError> {
		let (caller, cover_id, last) = setup_short_incident::<T>(bounds::MAX_OPEN_INCIDENTS - 1)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), last, cover_id);
		assert_eq!(Redemptions::<T>::get(cover_id).len() as u32, bounds::MAX_OPEN_INCIDENTS);
		assert!(Shortfalls::<T>::contains_key(last, cover_id));
		Ok(())
	}

	/// A short-paid redemption topped up in full once the incident closed with reserve unspent:
	/// paid from the pool by a third party, and its record removed.
	#[benchmark]
	fn top_up() -> Result<(), BenchmarkError> {
		let (_, cover_id, incident_id) = setup_short_incident::<T>(0)?;
		MutualPool::<T>::do_redeem_cover(incident_id, cover_id)?;
		let shortfall =
			Shortfalls::<T>::get(incident_id, cover_id).ok_or(BenchmarkError::Weightless)?;
		let closes_at = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::IncidentRedemptionPeriod::get());
		frame_system::Pallet::<T>::set_block_number(closes_at);
		MutualPool::<T>::do_close_incident(incident_id)?;
		let caller = funded::<T>("topper", 0);
		let before = balance_in::<T>(asset::<T>(), &shortfall.owner);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), incident_id, cover_id);
		assert!(!Shortfalls::<T>::contains_key(incident_id, cover_id));
		let paid = balance_in::<T>(asset::<T>(), &shortfall.owner).saturating_sub(before);
		assert_eq!(paid, shortfall.owed.saturating_sub(shortfall.paid));
		Ok(())
	}

	/// An incident past its deadline, among the most open on its product.
	#[benchmark]
	fn close_incident() -> Result<(), BenchmarkError> {
		let (pool_id, product_id, caller) = setup_pool::<T>()?;
		setup_cover::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		let incidents = setup_incidents::<T>(product_id, bounds::MAX_OPEN_INCIDENTS)?;
		let closes_at = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::IncidentRedemptionPeriod::get());
		frame_system::Pallet::<T>::set_block_number(closes_at);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), incidents[0]);
		assert!(!Incidents::<T>::contains_key(incidents[0]));
		// The other incidents still reserve 10% of the cover each.
		let pending = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?.pending_claims;
		let others = bounds::MAX_OPEN_INCIDENTS - 1;
		assert_eq!(
			pending,
			Perbill::from_percent(10).mul_ceil(units::<T>(10)).saturating_mul(others.into())
		);
		Ok(())
	}

	/// The appeal and its referendum, submitted through the runtime's `Config::Appeals` (both
	/// measured: the call is charged what the referenda charge for the submission).
	#[benchmark]
	fn appeal_claim() -> Result<(), BenchmarkError> {
		let (_, product_id, _) = setup_pool::<T>()?;
		let (buyer, claim_id) = setup_rejected_claim::<T>(product_id)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), claim_id);
		let status = Claims::<T>::get(claim_id).map(|claim| claim.status);
		let Some(ClaimStatus::Appealed { referendum, .. }) = status else {
			return Err(BenchmarkError::Stop("the claim is not appealed"));
		};
		assert_eq!(T::Appeals::status(referendum), AppealStatus::Ongoing);
		Ok(())
	}

	/// Worst case: a payout of an unexpired cover, taken off both expiry books.
	#[benchmark]
	fn uphold_appeal() -> Result<(), BenchmarkError> {
		let claim_id = setup_concluded_appeal::<T>(true)?;
		let origin =
			T::AppealOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, claim_id);
		assert!(!Claims::<T>::contains_key(claim_id));
		Ok(())
	}

	/// A dismissed appeal, both deposits slashed. An approved appeal's close pays it, as
	/// `uphold_appeal` does: the call is charged the dearer of the two.
	#[benchmark]
	fn close_claim() -> Result<(), BenchmarkError> {
		let claim_id = setup_concluded_appeal::<T>(false)?;
		let caller = funded::<T>("closer", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), claim_id);
		assert!(!Claims::<T>::contains_key(claim_id));
		Ok(())
	}

	/// Worst case: `b` non-empty buckets due. With none due (`b = 0`) the call fails with
	/// `NothingToRoll` after reading the pool, which is what such a call costs.
	#[benchmark]
	fn roll_expiries(
		b: Linear<0, { T::MaxExpiryBucketsPerCall::get() }>,
	) -> Result<(), BenchmarkError> {
		let (pool_id, ..) = setup_pool::<T>()?;
		lag_pool_expiries::<T>(pool_id, b)?;
		let caller: T::AccountId = whitelisted_caller();
		let call = Call::<T>::roll_expiries { owner: ExpiryOwner::Pool(pool_id) };
		#[block]
		{
			let result = call.dispatch_bypass_filter(RawOrigin::Signed(caller).into());
			assert_eq!(result.is_ok(), b > 0);
		}
		let pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		assert_eq!(pool.active_cover, Zero::zero());
		assert!(pool.earnings.rate.is_zero());
		Ok(())
	}

	/// `roll_expiries` of a product: `b` non-empty buckets due. A product's roll also reads the
	/// product (for its pool); the call is charged the larger of the two owners' weights.
	#[benchmark]
	fn roll_product_expiries(
		b: Linear<0, { T::MaxExpiryBucketsPerCall::get() }>,
	) -> Result<(), BenchmarkError> {
		let (pool_id, product_id, _) = setup_pool::<T>()?;
		let mut pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		let book = pool
			.products
			.iter_mut()
			.find(|book| book.product_id == product_id)
			.ok_or(BenchmarkError::Weightless)?;
		lag_expiries::<T>(
			ExpiryOwner::Product(product_id),
			&mut book.expired_through,
			b,
			&mut book.active_cover,
		);
		Pools::<T>::insert(pool_id, pool);
		let caller: T::AccountId = whitelisted_caller();
		let call = Call::<T>::roll_expiries { owner: ExpiryOwner::Product(product_id) };
		#[block]
		{
			let result = call.dispatch_bypass_filter(RawOrigin::Signed(caller).into());
			assert_eq!(result.is_ok(), b > 0);
		}
		let pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		assert!(pool.products.iter().all(|book| book.active_cover.is_zero()));
		Ok(())
	}

	/// Worst case: `b` expiry buckets to roll, some unbonding shares stay behind (the pool's
	/// unbonding capital is subtracted, not cleared), and the staker keeps bonded shares.
	#[benchmark]
	fn rebond(b: Linear<0, { T::MaxExpiryBucketsPerCall::get() }>) -> Result<(), BenchmarkError> {
		let (pool_id, _, staker) = setup_pool::<T>()?;
		let other = funded::<T>("other", 0);
		MutualPool::<T>::do_stake(&other, pool_id, units::<T>(1_000), Zero::zero(), false)?;
		MutualPool::<T>::do_request_unstake(&other, pool_id, units::<T>(100))?;
		MutualPool::<T>::do_request_unstake(&staker, pool_id, units::<T>(100))?;
		let unlock_at = Stakers::<T>::get(&staker, pool_id).map(|s| s.unlock_at);
		frame_system::Pallet::<T>::set_block_number(unlock_at.ok_or(BenchmarkError::Weightless)?);
		lag_pool_expiries::<T>(pool_id, b)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), pool_id);
		let record = Stakers::<T>::get(&staker, pool_id).ok_or(BenchmarkError::Weightless)?;
		assert_eq!(record.unbonding, Zero::zero());
		// The rolls earned premiums for the bonded shares: the 100 rebonded buy fewer shares.
		assert!(record.shares > units::<T>(900) && record.shares <= units::<T>(1_000));
		let pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		assert_eq!(pool.active_cover, Zero::zero());
		Ok(())
	}

	/// Worst case: the treasury account is read and written (it exists: genesis endows it).
	#[benchmark]
	fn pay_fees() -> Result<(), BenchmarkError> {
		let (pool_id, product_id, caller) = setup_pool::<T>()?;
		setup_cover::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		let owed = Pools::<T>::get(pool_id).map(|p| p.fees_owed).unwrap_or_default();
		assert!(!owed.is_zero());
		let treasury = T::TreasuryAccount::get();
		let before = balance_in::<T>(asset::<T>(), &treasury);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), pool_id);
		assert_eq!(balance_in::<T>(asset::<T>(), &treasury), before.saturating_add(owed));
		assert_eq!(Pools::<T>::get(pool_id).map(|p| p.fees_owed), Some(Zero::zero()));
		Ok(())
	}

	/// `stake` of a new staker with `among_count(k)` other stakers, covers and pending claims in
	/// the pool.
	#[benchmark]
	fn stake_among(k: Linear<0, MAX_AMONG>) -> Result<(), BenchmarkError> {
		let (pool_id, ..) = setup_among::<T>(k, true)?;
		let staker = funded::<T>("staker", 0);
		let amount = units::<T>(10);
		#[extrinsic_call]
		stake(RawOrigin::Signed(staker.clone()), pool_id, amount, Zero::zero());
		assert!(Stakers::<T>::contains_key(&staker, pool_id));
		Ok(())
	}

	/// `withdraw` with `among_count(k)` other stakers and covers in the pool.
	#[benchmark]
	fn withdraw_among(k: Linear<0, MAX_AMONG>) -> Result<(), BenchmarkError> {
		let (pool_id, _, staker) = setup_among::<T>(k, false)?;
		MutualPool::<T>::do_request_unstake(&staker, pool_id, units::<T>(100))?;
		let unlock_at = Stakers::<T>::get(&staker, pool_id).map(|s| s.unlock_at);
		frame_system::Pallet::<T>::set_block_number(unlock_at.ok_or(BenchmarkError::Weightless)?);
		#[extrinsic_call]
		withdraw(RawOrigin::Signed(staker.clone()), pool_id, Zero::zero());
		assert_eq!(Stakers::<T>::get(&staker, pool_id).map(|s| s.unbonding), Some(Zero::zero()));
		Ok(())
	}

	/// `approve_claim` with `among_count(k)` other stakers, covers and pending claims in the pool.
	#[benchmark]
	fn approve_claim_among(k: Linear<0, MAX_AMONG>) -> Result<(), BenchmarkError> {
		let (_, product_id, _) = setup_among::<T>(k, true)?;
		let claim_id = setup_claim::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		let origin =
			T::LargeClaimOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		approve_claim(origin as T::RuntimeOrigin, claim_id, units::<T>(10));
		assert!(!Claims::<T>::contains_key(claim_id));
		Ok(())
	}

	/// `reject_claim` with `among_count(k)` other stakers, covers and pending claims in the pool.
	#[benchmark]
	fn reject_claim_among(k: Linear<0, MAX_AMONG>) -> Result<(), BenchmarkError> {
		let (_, product_id, _) = setup_among::<T>(k, true)?;
		let claim_id = setup_claim::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		let origin = T::ClaimDecisionOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		reject_claim(origin as T::RuntimeOrigin, claim_id);
		let status = Claims::<T>::get(claim_id).map(|claim| claim.status);
		assert!(status.is_none() || matches!(status, Some(ClaimStatus::Rejected { .. })));
		Ok(())
	}

	impl_benchmark_test_suite!(
		MutualPool,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
