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
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, UnfilteredDispatchable,
	},
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::traits::{Bounded, One, Saturating};

const SEED: u32 = 0;

/// `n` units, a unit being a million times the existential deposit.
fn units<T: Config>(n: u32) -> BalanceOf<T> {
	T::Currency::minimum_balance()
		.max(1u32.into())
		.saturating_mul(1_000_000u32.into())
		.saturating_mul(n.into())
}

/// The most `n` of the `*_among` benchmarks. `MAX_AMONG + 1` must be the prime 257 (see
/// `among_count`).
const MAX_AMONG: u32 = 256;

/// A generator of the multiplicative group modulo 257 (see `among_count`).
const AMONG_GENERATOR: u32 = 151;

/// The number `n` of other stakers, covers and claims at step `k` (`0..=MAX_AMONG`) of an
/// `*_among` benchmark: 0 at `k = 0`, else `151^(k - 1) mod 257`. As 151 generates the
/// multiplicative group modulo 257, this is a permutation of `0..=MAX_AMONG`.
///
/// The CLI runs the steps in ascending `k`. If `n` were the component, any drift in the
/// machine's speed during the minute a benchmark runs would show up as a slope in `n`. In this
/// order `n` is uncorrelated with the run (correlation 0.006 over the 50 steps of
/// `scripts/performance.sh`), and `scripts/performance_report.py` fits the time against `n` and
/// `k` together, from the raw results.
fn among_count(k: u32) -> u32 {
	if k == 0 {
		return 0;
	}
	(1..k).fold(1, |x, _| x * AMONG_GENERATOR % (MAX_AMONG + 1))
}

/// An account with plenty of funds.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, units::<T>(1_000_000));
	who
}

/// The whitelisted caller, with plenty of funds.
fn funded_caller<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	T::Currency::set_balance(&who, units::<T>(1_000_000));
	who
}

fn pool_params<T: Config>() -> PoolParamsOf<T> {
	PoolParams {
		capacity_factor: FixedU128::from_u32(2),
		unbonding_period: 10u32.into(),
		min_stake: T::Currency::minimum_balance(),
		fee: Perbill::from_percent(10),
		kink: Perbill::from_percent(80),
		slope1: Perbill::from_percent(5),
		slope2: Perbill::from_percent(50),
		large_claim_threshold: Perbill::from_percent(20),
	}
}

fn product_params<T: Config>(metadata_len: u32) -> ProductParamsOf<T> {
	ProductParams {
		base_rate: Perbill::from_percent(2),
		max_capacity_share: Perbill::from_percent(100),
		min_period: 1u32.into(),
		max_period: T::BlocksPerYear::get(),
		claim_window: 100u32.into(),
		activation_delay: 0u32.into(),
		enabled: true,
		metadata: BoundedVec::truncate_from(vec![b'x'; metadata_len as usize]),
	}
}

/// Pool 0 with product 0 on it, the whitelisted caller staking `units(1_000)`, and a funded
/// treasury.
fn setup_pool<T: Config>() -> Result<(PoolId, ProductId, T::AccountId), BenchmarkError> {
	let pool_id = MutualPool::<T>::do_create_pool(pool_params::<T>())?;
	let product_id =
		MutualPool::<T>::do_create_product(pool_id, product_params::<T>(T::MaxMetadataLen::get()))?;
	let staker = funded_caller::<T>();
	MutualPool::<T>::do_stake(&staker, pool_id, units::<T>(1_000), Zero::zero(), false)?;
	let treasury = T::TreasuryAccount::get();
	if T::Currency::balance(&treasury) < T::Currency::minimum_balance() {
		T::Currency::set_balance(&treasury, T::Currency::minimum_balance());
	}
	Ok((pool_id, product_id, staker))
}

/// A cover of `amount` bought by `buyer`; returns its id.
fn setup_cover<T: Config>(
	buyer: &T::AccountId,
	product_id: ProductId,
	amount: BalanceOf<T>,
) -> Result<CoverId, BenchmarkError> {
	MutualPool::<T>::do_buy_cover(
		buyer,
		product_id,
		amount,
		1_000u32.into(),
		BalanceOf::<T>::max_value(),
	)?;
	Ok(NextCoverId::<T>::get() - 1)
}

/// A pending claim of the whole of a cover of `amount` bought by `buyer`; returns the claim id.
fn setup_claim<T: Config>(
	buyer: &T::AccountId,
	product_id: ProductId,
	amount: BalanceOf<T>,
) -> Result<ClaimId, BenchmarkError> {
	let cover_id = setup_cover::<T>(buyer, product_id, amount)?;
	let evidence = evidence::<T>(T::MaxEvidenceLen::get());
	MutualPool::<T>::do_submit_claim(buyer, cover_id, amount, evidence)?;
	Ok(NextClaimId::<T>::get() - 1)
}

/// Evidence of `len` bytes.
fn evidence<T: Config>(len: u32) -> EvidenceOf<T> {
	BoundedVec::truncate_from(vec![b'e'; len as usize])
}

/// `n` incidents that happened at this block, declared at the next (to which it moves), each
/// paying 10% of every cover in force; returns their ids.
fn setup_incidents<T: Config>(
	product_id: ProductId,
	n: u32,
) -> Result<alloc::vec::Vec<IncidentId>, BenchmarkError> {
	let occurred_at = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(occurred_at.saturating_add(One::one()));
	(0..n)
		.map(|_| {
			MutualPool::<T>::do_declare_incident(
				product_id,
				occurred_at,
				Perbill::from_percent(10),
				evidence::<T>(T::MaxEvidenceLen::get()),
				true,
			)
			.map_err(Into::into)
		})
		.collect()
}

/// A short pool and a redemption to come in it: on pool 0 (`units(1_000)` of capital), a cover of
/// `units(10)` and another buyer's of `units(1_500)`, the cover redeemed in `others` incidents of
/// 10%, then an incident of 100% declared, which reserves more than the capital. Returns the
/// pool's staker (the whitelisted caller), the cover and the last incident.
fn setup_short_incident<T: Config>(
	others: u32,
) -> Result<(T::AccountId, CoverId, IncidentId), BenchmarkError> {
	let (_, product_id, caller) = setup_pool::<T>()?;
	let cover_id = setup_cover::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
	setup_cover::<T>(&funded::<T>("buyer", 1), product_id, units::<T>(1_500))?;
	// The block after the covers' (the incidents' block is before their declaration).
	for incident_id in setup_incidents::<T>(product_id, others)? {
		MutualPool::<T>::do_redeem_cover(incident_id, cover_id)?;
	}
	let occurred_at = frame_system::Pallet::<T>::block_number().saturating_sub(One::one());
	let incident_id = MutualPool::<T>::do_declare_incident(
		product_id,
		occurred_at,
		Perbill::one(),
		evidence::<T>(T::MaxEvidenceLen::get()),
		true,
	)?;
	Ok((caller, cover_id, incident_id))
}

/// A claim of `units(10)` by a funded buyer, rejected by the council and in its appeal window;
/// returns the buyer and the claim's id. The rejection is written directly (what `reject_claim`
/// writes when the runtime has an appeal period), so that the appeal calls are measured on
/// their real path whatever the runtime's `AppealPeriod`: without one, no claim ever reaches
/// them, but the calls must still be charged what they would cost.
fn setup_rejected_claim<T: Config>(
	product_id: ProductId,
) -> Result<(T::AccountId, ClaimId), BenchmarkError> {
	let buyer = funded::<T>("buyer", 0);
	let claim_id = setup_claim::<T>(&buyer, product_id, units::<T>(10))?;
	// The window never closes here: the CLI may run the call at a later block than the setup.
	let appeal_until = BlockNumberFor::<T>::max_value();
	Claims::<T>::mutate(claim_id, |claim| {
		if let Some(claim) = claim {
			claim.status = ClaimStatus::Rejected { appeal_until };
		}
	});
	Ok((buyer, claim_id))
}

/// An appealed claim of `units(10)`, its referendum ended `approved` or not; returns the
/// claim's id.
fn setup_concluded_appeal<T: Config>(approved: bool) -> Result<ClaimId, BenchmarkError> {
	let (_, product_id, _) = setup_pool::<T>()?;
	let (buyer, claim_id) = setup_rejected_claim::<T>(product_id)?;
	MutualPool::<T>::do_appeal_claim(&buyer, claim_id)?;
	let status = Claims::<T>::get(claim_id).map(|claim| claim.status);
	let Some(ClaimStatus::Appealed { referendum, .. }) = status else {
		return Err(BenchmarkError::Stop("the claim is not appealed"));
	};
	T::Appeals::conclude(referendum, approved);
	Ok(claim_id)
}

/// `n` more stakers of `units(1)` in the pool, and `n` more covers of `units(1)` on the product,
/// each with a pending claim of all of it if `claims`, all of different accounts; and
/// `MAX_AMONG - n` of each in a second pool, so that the state holds as many records at every
/// `n`.
///
/// The second pool keeps the trie the same size: a trie read costs more as the trie grows,
/// whatever the records are, and that cost is charged per read through `DbWeight`. With the
/// size fixed, a slope in `n` is what the pool's own counts cost.
fn populate<T: Config>(
	pool_id: PoolId,
	product_id: ProductId,
	n: u32,
	claims: bool,
) -> Result<(), BenchmarkError> {
	let other_pool = MutualPool::<T>::do_create_pool(pool_params::<T>())?;
	let other_product = MutualPool::<T>::do_create_product(other_pool, product_params::<T>(0))?;
	MutualPool::<T>::do_stake(
		&funded::<T>("other pool staker", 0),
		other_pool,
		units::<T>(1_000),
		Zero::zero(),
		false,
	)?;
	for i in 0..MAX_AMONG {
		let (pool_id, product_id) =
			if i < n { (pool_id, product_id) } else { (other_pool, other_product) };
		MutualPool::<T>::do_stake(
			&funded::<T>("other staker", i),
			pool_id,
			units::<T>(1),
			Zero::zero(),
			false,
		)?;
		let buyer = funded::<T>("other buyer", i);
		if claims {
			setup_claim::<T>(&buyer, product_id, units::<T>(1))?;
		} else {
			setup_cover::<T>(&buyer, product_id, units::<T>(1))?;
		}
	}
	// Events last one block. Left in place, the setup's thousands of events would be read back
	// by the measured call's first event (an append to the committed `System::Events`), a cost
	// that no real block has.
	frame_system::Pallet::<T>::reset_events();
	Ok(())
}

/// `setup_pool` with `among_count(k)` other stakers, covers and (if `claims`) pending claims in
/// pool 0 (`populate`): the state of step `k` of an `*_among` benchmark.
fn setup_among<T: Config>(
	k: u32,
	claims: bool,
) -> Result<(PoolId, ProductId, T::AccountId), BenchmarkError> {
	let (pool_id, product_id, staker) = setup_pool::<T>()?;
	populate::<T>(pool_id, product_id, among_count(k), claims)?;
	Ok((pool_id, product_id, staker))
}

/// Book `buckets` non-empty expiry buckets after the current one for `owner` (each holding
/// `units(1)` of active cover, added to `active`), set `cursor` to the current bucket, and move
/// the chain to the first block at which all are due.
fn lag_expiries<T: Config>(
	owner: ExpiryOwner,
	cursor: &mut BlockNumberFor<T>,
	buckets: u32,
	active: &mut BalanceOf<T>,
) {
	let now = frame_system::Pallet::<T>::block_number();
	*cursor = MutualPool::<T>::current_bucket(now);
	for k in 1..=buckets {
		Expiries::<T>::insert(owner, cursor.saturating_add(k.into()), units::<T>(1));
		active.saturating_accrue(units::<T>(1));
	}
	let due = cursor
		.saturating_add(buckets.into())
		.saturating_mul(T::ExpiryBucketLength::get());
	frame_system::Pallet::<T>::set_block_number(due.max(now));
}

/// `lag_expiries` for pool `pool_id`, each bucket also stopping an earning rate of one unit
/// per block (`EarningEnds`), with the unearned premiums (in the pool account) to pay for it.
fn lag_pool_expiries<T: Config>(pool_id: PoolId, buckets: u32) -> Result<(), BenchmarkError> {
	let mut pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
	lag_expiries::<T>(
		ExpiryOwner::Pool(pool_id),
		&mut pool.expired_through,
		buckets,
		&mut pool.active_cover,
	);
	for k in 1..=buckets {
		EarningEnds::<T>::insert(
			pool_id,
			pool.expired_through.saturating_add(k.into()),
			FixedU128::one(),
		);
	}
	pool.earnings.rate = FixedU128::from_u32(buckets);
	pool.earnings.accrued_through =
		pool.expired_through.saturating_mul(T::ExpiryBucketLength::get());
	let unearned = units::<T>(1);
	pool.earnings.unearned.saturating_accrue(unearned);
	let account = MutualPool::<T>::pool_account(pool_id);
	T::Currency::set_balance(&account, T::Currency::balance(&account).saturating_add(unearned));
	Pools::<T>::insert(pool_id, pool);
	Ok(())
}

#[test]
fn among_count_is_a_permutation_of_the_counts() {
	let mut counts: alloc::vec::Vec<u32> = (0..=MAX_AMONG).map(among_count).collect();
	assert_eq!(&counts[..4], &[0, 1, AMONG_GENERATOR, AMONG_GENERATOR * AMONG_GENERATOR % 257]);
	counts.sort();
	assert_eq!(counts, (0..=MAX_AMONG).collect::<alloc::vec::Vec<_>>());
}

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

	/// Worst case: `b` expiry buckets to roll, a partial withdrawal (the record is rewritten), a
	/// claim pending (part of the withdrawal is held: a hold is written).
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
		lag_pool_expiries::<T>(pool_id, b)?;
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
		let before = T::Currency::balance(&staker);
		let held = Pools::<T>::get(pool_id).map(|pool| pool.holding.value);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), staker.clone(), pool_id);
		assert!(!Holds::<T>::contains_key(&staker, pool_id));
		let paid = T::Currency::balance(&staker).saturating_sub(before);
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
		let (pool_id, product_id, _) = setup_pool::<T>()?;
		let claim_id = setup_claim::<T>(&funded::<T>("buyer", 0), product_id, units::<T>(10))?;
		let origin = T::ClaimDecisionOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let before = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		let deposit = MutualPool::<T>::claim_deposit(units::<T>(10));
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
		let before = T::Currency::balance(&shortfall.owner);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), incident_id, cover_id);
		assert!(!Shortfalls::<T>::contains_key(incident_id, cover_id));
		let paid = T::Currency::balance(&shortfall.owner).saturating_sub(before);
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
		let before = T::Currency::balance(&treasury);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), pool_id);
		assert_eq!(T::Currency::balance(&treasury), before.saturating_add(owed));
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
