//! Benchmarks of every call, each in its worst case (v2 syntax).

use super::*;
use crate::Pallet as MutualPool;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin,
	},
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::traits::{Bounded, Saturating};

const SEED: u32 = 0;

/// `n` units, a unit being a million times the existential deposit.
fn units<T: Config>(n: u32) -> BalanceOf<T> {
	T::Currency::minimum_balance()
		.max(1u32.into())
		.saturating_mul(1_000_000u32.into())
		.saturating_mul(n.into())
}

/// An account with plenty of funds.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
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
		max_period: BlockNumberFor::<T>::max_value(),
		claim_window: 100u32.into(),
		activation_delay: 0u32.into(),
		enabled: true,
		metadata: BoundedVec::truncate_from(vec![b'x'; metadata_len as usize]),
	}
}

/// Pool 0 with product 0 on it, a staker holding `units(1_000)`, and a funded treasury.
fn setup_pool<T: Config>() -> Result<(PoolId, ProductId, T::AccountId), BenchmarkError> {
	let pool_id = MutualPool::<T>::do_create_pool(pool_params::<T>())?;
	let product_id =
		MutualPool::<T>::do_create_product(pool_id, product_params::<T>(T::MaxMetadataLen::get()))?;
	let staker = funded::<T>("staker", 0);
	MutualPool::<T>::do_stake(&staker, pool_id, units::<T>(1_000))?;
	let treasury = T::TreasuryAccount::get();
	if T::Currency::balance(&treasury) < T::Currency::minimum_balance() {
		T::Currency::set_balance(&treasury, T::Currency::minimum_balance());
	}
	Ok((pool_id, product_id, staker))
}

/// A cover of `units(10)` bought by a fresh account; returns it and its id.
fn setup_cover<T: Config>(
	product_id: ProductId,
) -> Result<(T::AccountId, CoverId), BenchmarkError> {
	let buyer = funded::<T>("buyer", 0);
	MutualPool::<T>::do_buy_cover(
		&buyer,
		product_id,
		units::<T>(10),
		1_000u32.into(),
		BalanceOf::<T>::max_value(),
	)?;
	Ok((buyer, NextCoverId::<T>::get() - 1))
}

/// A pending claim of the whole cover; returns the claim id.
fn setup_claim<T: Config>(product_id: ProductId) -> Result<ClaimId, BenchmarkError> {
	let (buyer, cover_id) = setup_cover::<T>(product_id)?;
	let evidence = BoundedVec::truncate_from(vec![b'e'; T::MaxEvidenceLen::get() as usize]);
	MutualPool::<T>::do_submit_claim(&buyer, cover_id, units::<T>(10), evidence)?;
	Ok(NextClaimId::<T>::get() - 1)
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

	/// Worst case: the first stake into a pool, which also creates the pool account.
	#[benchmark]
	fn stake() -> Result<(), BenchmarkError> {
		let pool_id = MutualPool::<T>::do_create_pool(pool_params::<T>())?;
		let staker = funded::<T>("staker", 0);
		let amount = units::<T>(1_000);
		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), pool_id, amount);
		assert_eq!(Stakers::<T>::get(pool_id, &staker).map(|s| s.shares), Some(amount));
		Ok(())
	}

	#[benchmark]
	fn request_unstake() -> Result<(), BenchmarkError> {
		let (pool_id, _, staker) = setup_pool::<T>()?;
		let shares = units::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), pool_id, shares);
		assert_eq!(Stakers::<T>::get(pool_id, &staker).map(|s| s.unbonding), Some(shares));
		Ok(())
	}

	/// Worst case: `b` expiry buckets to roll, a partial withdrawal (the record is rewritten).
	#[benchmark]
	fn withdraw(b: Linear<0, { T::MaxExpiryBucketsPerCall::get() }>) -> Result<(), BenchmarkError> {
		let (pool_id, _, staker) = setup_pool::<T>()?;
		MutualPool::<T>::do_request_unstake(&staker, pool_id, units::<T>(100))?;
		let unlock_at = Stakers::<T>::get(pool_id, &staker).map(|s| s.unlock_at);
		frame_system::Pallet::<T>::set_block_number(unlock_at.ok_or(BenchmarkError::Weightless)?);
		let mut pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		lag_expiries::<T>(
			ExpiryOwner::Pool(pool_id),
			&mut pool.expired_through,
			b,
			&mut pool.active_cover,
		);
		Pools::<T>::insert(pool_id, pool);
		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), pool_id);
		let pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		assert_eq!(pool.active_cover, Zero::zero());
		assert_eq!(Stakers::<T>::get(pool_id, &staker).map(|s| s.unbonding), Some(Zero::zero()));
		Ok(())
	}

	/// Worst case: `b` expiry buckets to roll for the pool and `b` for the product.
	#[benchmark]
	fn buy_cover(
		b: Linear<0, { T::MaxExpiryBucketsPerCall::get() }>,
	) -> Result<(), BenchmarkError> {
		let (pool_id, product_id, _) = setup_pool::<T>()?;
		let mut pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		let mut product = Products::<T>::get(product_id).ok_or(BenchmarkError::Weightless)?;
		lag_expiries::<T>(
			ExpiryOwner::Pool(pool_id),
			&mut pool.expired_through,
			b,
			&mut pool.active_cover,
		);
		lag_expiries::<T>(
			ExpiryOwner::Product(product_id),
			&mut product.expired_through,
			b,
			&mut product.active_cover,
		);
		Pools::<T>::insert(pool_id, pool);
		Products::<T>::insert(product_id, product);
		let buyer = funded::<T>("buyer", 0);
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
		assert_eq!(Pools::<T>::get(pool_id).map(|p| p.active_cover), Some(units::<T>(10)));
		Ok(())
	}

	#[benchmark]
	fn transfer_cover() -> Result<(), BenchmarkError> {
		let (_, product_id, _) = setup_pool::<T>()?;
		let (buyer, cover_id) = setup_cover::<T>(product_id)?;
		let to: T::AccountId = account("to", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), cover_id, to.clone());
		assert_eq!(Covers::<T>::get(cover_id).map(|c| c.owner), Some(to));
		Ok(())
	}

	#[benchmark]
	fn submit_claim(e: Linear<0, { T::MaxEvidenceLen::get() }>) -> Result<(), BenchmarkError> {
		let (_, product_id, _) = setup_pool::<T>()?;
		let (buyer, cover_id) = setup_cover::<T>(product_id)?;
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
		let claim_id = setup_claim::<T>(product_id)?;
		let origin =
			T::LargeClaimOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let capital_before = Pools::<T>::get(pool_id).map(|p| p.capital);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, claim_id, units::<T>(10));
		assert!(!Claims::<T>::contains_key(claim_id));
		let capital_after = Pools::<T>::get(pool_id).map(|p| p.capital);
		assert_eq!(capital_before.map(|c| c.saturating_sub(units::<T>(10))), capital_after);
		Ok(())
	}

	#[benchmark]
	fn reject_claim() -> Result<(), BenchmarkError> {
		let (pool_id, product_id, _) = setup_pool::<T>()?;
		let claim_id = setup_claim::<T>(product_id)?;
		let origin = T::ClaimDecisionOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let capital_before = Pools::<T>::get(pool_id).map(|p| p.capital);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, claim_id);
		assert!(!Claims::<T>::contains_key(claim_id));
		let capital_after = Pools::<T>::get(pool_id).map(|p| p.capital);
		assert_eq!(capital_before.map(|c| c.saturating_add(T::ClaimDeposit::get())), capital_after);
		Ok(())
	}

	/// Worst case: `b` non-empty buckets due.
	#[benchmark]
	fn roll_expiries(
		b: Linear<1, { T::MaxExpiryBucketsPerCall::get() }>,
	) -> Result<(), BenchmarkError> {
		let (pool_id, ..) = setup_pool::<T>()?;
		let mut pool = Pools::<T>::get(pool_id).ok_or(BenchmarkError::Weightless)?;
		lag_expiries::<T>(
			ExpiryOwner::Pool(pool_id),
			&mut pool.expired_through,
			b,
			&mut pool.active_cover,
		);
		Pools::<T>::insert(pool_id, pool);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), ExpiryOwner::Pool(pool_id));
		assert_eq!(Pools::<T>::get(pool_id).map(|p| p.active_cover), Some(Zero::zero()));
		Ok(())
	}

	impl_benchmark_test_suite!(
		MutualPool,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
