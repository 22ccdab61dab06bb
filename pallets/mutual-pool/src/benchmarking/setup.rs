//! The benchmarks' setups: funded accounts, a pool with a product and a stake, covers, claims,
//! incidents, appeals, lagging expiry buckets, and the other stakers, covers and claims of the
//! `*_among` benchmarks.

use super::*;
use crate::Pallet as MutualPool;
use alloc::vec;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	fungibles,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::traits::{Bounded, One, Saturating};

pub(super) const SEED: u32 = 0;

/// `n` units, a unit being a million times the existential deposit.
pub(super) fn units<T: Config>(n: u32) -> BalanceOf<T> {
	T::Currency::minimum_balance()
		.max(1u32.into())
		.saturating_mul(1_000_000u32.into())
		.saturating_mul(n.into())
}

/// The most `n` of the `*_among` benchmarks. `MAX_AMONG + 1` must be the prime 257 (see
/// `among_count`).
pub(super) const MAX_AMONG: u32 = 256;

/// A generator of the multiplicative group modulo 257 (see `among_count`).
pub(super) const AMONG_GENERATOR: u32 = 151;

/// The number `n` of other stakers, covers and claims at step `k` (`0..=MAX_AMONG`) of an
/// `*_among` benchmark: 0 at `k = 0`, else `151^(k - 1) mod 257`. As 151 generates the
/// multiplicative group modulo 257, this is a permutation of `0..=MAX_AMONG`.
///
/// The CLI runs the steps in ascending `k`. If `n` were the component, any drift in the
/// machine's speed during the minute a benchmark runs would show up as a slope in `n`. In this
/// order `n` is uncorrelated with the run (correlation 0.006 over the 50 steps of
/// `scripts/performance.sh`), and `scripts/performance_report.py` fits the time against `n` and
/// `k` together, from the raw results.
pub(super) fn among_count(k: u32) -> u32 {
	if k == 0 {
		return 0;
	}
	(1..k).fold(1, |x, _| x * AMONG_GENERATOR % (MAX_AMONG + 1))
}

/// The asset of the benchmarks' pools: one of the runtime's registry, whose transfers cost
/// more than the native token's (the worst case of the union).
pub(super) fn asset<T: Config>() -> AssetKindOf<T> {
	T::BenchmarkHelper::create_asset()
}

/// `who`'s balance in `asset`.
pub(super) fn balance_in<T: Config>(asset: AssetKindOf<T>, who: &T::AccountId) -> BalanceOf<T> {
	<T::Assets as fungibles::Inspect<_>>::balance(asset, who)
}

/// Give `who` plenty of the native token (for deposits) and of the benchmarks' asset.
fn fund<T: Config>(who: &T::AccountId) {
	T::Currency::set_balance(who, units::<T>(1_000_000));
	// Setting a balance cannot fail on an asset that exists (`create_asset`).
	let _ =
		<T::Assets as fungibles::Mutate<_>>::set_balance(asset::<T>(), who, units::<T>(1_000_000));
}

/// An account with plenty of funds.
pub(super) fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	fund::<T>(&who);
	who
}

/// The whitelisted caller, with plenty of funds.
pub(super) fn funded_caller<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	fund::<T>(&who);
	who
}

/// The parameters of a pool in `asset`.
pub(super) fn pool_params_in<T: Config>(asset: AssetKindOf<T>) -> PoolParamsOf<T> {
	let minimum = <T::Assets as fungibles::Inspect<_>>::minimum_balance(asset.clone());
	PoolParams {
		asset,
		capacity_factor: FixedU128::from_u32(2),
		unbonding_period: 10u32.into(),
		min_stake: minimum,
		min_cover: minimum.max(One::one()),
		claim_deposit_rate: FixedU128::from_rational(1, 1_000),
		fee: Perbill::from_percent(10),
		kink: Perbill::from_percent(80),
		slope1: Perbill::from_percent(5),
		slope2: Perbill::from_percent(50),
		large_claim_threshold: Perbill::from_percent(20),
	}
}

pub(super) fn product_params<T: Config>(metadata_len: u32) -> ProductParamsOf<T> {
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

/// The parameters of a pool in the benchmarks' asset.
pub(super) fn pool_params<T: Config>() -> PoolParamsOf<T> {
	pool_params_in::<T>(asset::<T>())
}

/// Pool 0 in the benchmarks' asset (see [`setup_pool_in`]).
pub(super) fn setup_pool<T: Config>() -> Result<(PoolId, ProductId, T::AccountId), BenchmarkError> {
	setup_pool_in::<T>(asset::<T>())
}

/// Pool 0 in the native token: where a rejection's slashed deposits join the pool, booked to
/// be earned like a premium, which costs more than sending them to the treasury as a pool in
/// another asset does.
pub(super) fn setup_native_pool<T: Config>(
) -> Result<(PoolId, ProductId, T::AccountId), BenchmarkError> {
	setup_pool_in::<T>(T::NativeAsset::get())
}

/// Pool 0 in `asset` with product 0 on it, the whitelisted caller staking `units(1_000)`, and
/// a funded treasury.
pub(super) fn setup_pool_in<T: Config>(
	asset: AssetKindOf<T>,
) -> Result<(PoolId, ProductId, T::AccountId), BenchmarkError> {
	let pool_id = MutualPool::<T>::do_create_pool(pool_params_in::<T>(asset))?;
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
pub(super) fn setup_cover<T: Config>(
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
pub(super) fn setup_claim<T: Config>(
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
pub(super) fn evidence<T: Config>(len: u32) -> EvidenceOf<T> {
	BoundedVec::truncate_from(vec![b'e'; len as usize])
}

/// `n` incidents that happened at this block, declared at the next (to which it moves), each
/// paying 10% of every cover in force; returns their ids.
pub(super) fn setup_incidents<T: Config>(
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
pub(super) fn setup_short_incident<T: Config>(
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
pub(super) fn setup_rejected_claim<T: Config>(
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
/// claim's id. An approved appeal is paid from a pool in the benchmarks' asset, a dismissed
/// one's deposits are slashed into a native pool (the dearer case of each).
pub(super) fn setup_concluded_appeal<T: Config>(approved: bool) -> Result<ClaimId, BenchmarkError> {
	let (_, product_id, _) = if approved { setup_pool::<T>()? } else { setup_native_pool::<T>()? };
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
pub(super) fn populate<T: Config>(
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
pub(super) fn setup_among<T: Config>(
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
pub(super) fn lag_expiries<T: Config>(
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
pub(super) fn lag_pool_expiries<T: Config>(
	pool_id: PoolId,
	buckets: u32,
) -> Result<(), BenchmarkError> {
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
	let asset = pool.params.asset.clone();
	let balance = balance_in::<T>(asset.clone(), &account).saturating_add(unearned);
	let _ = <T::Assets as fungibles::Mutate<_>>::set_balance(asset, &account, balance);
	Pools::<T>::insert(pool_id, pool);
	Ok(())
}

#[test]
pub(super) fn among_count_is_a_permutation_of_the_counts() {
	let mut counts: alloc::vec::Vec<u32> = (0..=MAX_AMONG).map(among_count).collect();
	assert_eq!(&counts[..4], &[0, 1, AMONG_GENERATOR, AMONG_GENERATOR * AMONG_GENERATOR % 257]);
	counts.sort();
	assert_eq!(counts, (0..=MAX_AMONG).collect::<alloc::vec::Vec<_>>());
}
