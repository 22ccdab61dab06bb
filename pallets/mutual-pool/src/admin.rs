//! Pool and product administration: creating and updating pools and products against the
//! parameter bounds, and freezing and reopening a pool.

use crate::*;
use frame_support::{
	pallet_prelude::*,
	traits::{fungibles::Inspect, DefensiveOption},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::FixedU128;
use sp_runtime::traits::{CheckedAdd, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// `years` years of blocks.
	fn years(years: u32) -> BlockNumberFor<T> {
		T::BlocksPerYear::get().saturating_mul(years.into())
	}

	/// Check pool parameters against [`bounds`](crate::bounds).
	fn ensure_valid_pool_params(params: &PoolParamsOf<T>) -> DispatchResult {
		use crate::bounds::*;
		ensure!(
			params.capacity_factor >= MIN_CAPACITY_FACTOR
				&& params.capacity_factor <= MAX_CAPACITY_FACTOR,
			Error::<T>::InvalidCapacityFactor
		);
		ensure!(T::Assets::asset_exists(params.asset.clone()), Error::<T>::UnknownAsset);
		ensure!(
			params.min_stake >= T::Assets::minimum_balance(params.asset.clone()),
			Error::<T>::MinStakeBelowExistentialDeposit
		);
		ensure!(
			!params.min_cover.is_zero()
				&& params.kink >= MIN_KINK
				&& params.kink <= MAX_KINK
				&& params.large_claim_threshold >= MIN_LARGE_CLAIM_THRESHOLD
				&& params.unbonding_period
					<= T::BlocksPerYear::get() / UNBONDING_PERIODS_PER_YEAR.into(),
			Error::<T>::ParameterOutOfBounds
		);
		Ok(())
	}

	/// Check product parameters against [`bounds`](crate::bounds).
	fn ensure_valid_product_params(params: &ProductParamsOf<T>) -> DispatchResult {
		use crate::bounds::*;
		ensure!(
			!params.min_period.is_zero() && params.min_period <= params.max_period,
			Error::<T>::InvalidPeriodRange
		);
		ensure!(
			params.max_period <= Self::years(MAX_PERIOD_YEARS)
				&& params.claim_window <= Self::years(MAX_WINDOW_YEARS)
				&& params.activation_delay <= Self::years(MAX_WINDOW_YEARS)
				&& params.max_capacity_share >= MIN_CAPACITY_SHARE,
			Error::<T>::ParameterOutOfBounds
		);
		Ok(())
	}

	/// Create a pool; returns its id.
	pub(crate) fn do_create_pool(params: PoolParamsOf<T>) -> Result<PoolId, DispatchError> {
		Self::ensure_valid_pool_params(&params)?;
		let pool_id = NextPoolId::<T>::get();
		let next = pool_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let pool = Pool {
			params,
			capital: Zero::zero(),
			total_shares: Zero::zero(),
			active_cover: Zero::zero(),
			pending_claims: Zero::zero(),
			expired_through: Self::current_bucket(Self::now()),
			fees_owed: Zero::zero(),
			payouts: Default::default(),
			unbonding_capital: Zero::zero(),
			unbonding_shares: Zero::zero(),
			earnings: Earnings {
				unearned: Zero::zero(),
				rate: FixedU128::zero(),
				accrued_through: Self::now(),
				carry: FixedU128::zero(),
			},
			products: Default::default(),
			frozen_until: Zero::zero(),
			depleted: false,
			era: 0,
			unbonding_era: 0,
			warming: Default::default(),
			holding: Default::default(),
			incidents: Default::default(),
		};
		// The pallet keeps the pool account alive whatever its asset: an asset that is not
		// sufficient can only be held by an account that exists.
		frame_system::Pallet::<T>::inc_providers(&Self::pool_account(pool_id));
		Pools::<T>::insert(pool_id, pool);
		NextPoolId::<T>::put(next);
		Self::deposit_event(Event::PoolCreated { pool_id });
		Ok(pool_id)
	}

	/// Replace a pool's parameters.
	pub(crate) fn do_update_pool(pool_id: PoolId, params: PoolParamsOf<T>) -> DispatchResult {
		Self::ensure_valid_pool_params(&params)?;
		Pools::<T>::try_mutate(pool_id, |pool| {
			let pool = pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			let before = pool.capacity();
			ensure!(
				params.asset == pool.params.asset || pool.holds_nothing(),
				Error::<T>::AssetInUse
			);
			pool.params = params;
			// Cover already sold and claims already filed stay backed by the bonded capital, as
			// a request to leave must keep them: a lower capacity factor may not put them on
			// unbonding capital, which would then be locked until they ran off. Only what the
			// update makes worse is checked: after a payout left a product above its share,
			// other parameters can still change.
			ensure!(
				pool.capacity() >= before || pool.is_backed_by_bonded(),
				Error::<T>::UpdateUnbacksCover
			);
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::PoolUpdated { pool_id });
		Ok(())
	}

	/// Create a product on a pool; returns its id.
	pub(crate) fn do_create_product(
		pool_id: PoolId,
		params: ProductParamsOf<T>,
	) -> Result<ProductId, DispatchError> {
		let mut pool = Pools::<T>::get(pool_id).ok_or(Error::<T>::PoolNotFound)?;
		Self::ensure_valid_product_params(&params)?;
		let product_id = NextProductId::<T>::get();
		let next = product_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let book = ProductBook {
			product_id,
			active_cover: Zero::zero(),
			expired_through: Self::current_bucket(Self::now()),
			max_capacity_share: params.max_capacity_share,
		};
		pool.products.try_push(book).map_err(|_| Error::<T>::TooManyProducts)?;
		Products::<T>::insert(product_id, Product { pool_id, params });
		Pools::<T>::insert(pool_id, pool);
		NextProductId::<T>::put(next);
		Self::deposit_event(Event::ProductCreated { product_id, pool_id });
		Ok(product_id)
	}

	/// Replace a product's parameters. A lower capacity share may not leave the product's
	/// active cover above it, in the bonded capacity (`UpdateUnbacksCover`).
	pub(crate) fn do_update_product(
		product_id: ProductId,
		params: ProductParamsOf<T>,
	) -> DispatchResult {
		Self::ensure_valid_product_params(&params)?;
		let mut product = Products::<T>::get(product_id).ok_or(Error::<T>::ProductNotFound)?;
		let mut pool = Pools::<T>::get(product.pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		let capacity = pool.bonded_capacity();
		let book = pool.book_mut(product_id)?;
		// A lower share must still hold the product's cover within the bonded capacity, as a
		// request to leave must, so that no unbonding staker is locked behind it. Only what the
		// update makes worse is checked: a share that does not fall changes no backing,
		// whatever the rest of the pool owes.
		ensure!(
			params.max_capacity_share >= book.max_capacity_share
				|| book.active_cover <= params.max_capacity_share.mul_floor(capacity),
			Error::<T>::UpdateUnbacksCover
		);
		book.max_capacity_share = params.max_capacity_share;
		product.params = params;
		Pools::<T>::insert(product.pool_id, pool);
		Products::<T>::insert(product_id, product);
		Self::deposit_event(Event::ProductUpdated { product_id });
		Ok(())
	}

	/// Freeze a pool's withdrawals for `FreezePeriod` blocks. Not while a freeze is in force or
	/// within `FreezePeriod` blocks after one ended, so that withdrawals are open at least half
	/// the time whatever the origin does.
	pub(crate) fn do_freeze_pool(pool_id: PoolId) -> DispatchResult {
		let now = Self::now();
		let period = T::FreezePeriod::get();
		let until = Pools::<T>::try_mutate(pool_id, |pool| {
			let pool = pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			ensure!(
				pool.frozen_until.is_zero() || now >= pool.frozen_until.saturating_add(period),
				Error::<T>::FreezeNotAllowed
			);
			pool.frozen_until = now.checked_add(&period).ok_or(Error::<T>::Overflow)?;
			Ok::<_, DispatchError>(pool.frozen_until)
		})?;
		Self::deposit_event(Event::PoolFrozen { pool_id, until });
		Ok(())
	}

	/// Reopen a depleted pool to stakes and sales, once every cover sold before has run off
	/// and no claim is pending, so that no new stake backs what the pool left unpaid.
	pub(crate) fn do_reopen_pool(pool_id: PoolId) -> DispatchResult {
		let outstanding = Pools::<T>::try_mutate(pool_id, |pool| {
			let pool = pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			ensure!(pool.depleted, Error::<T>::PoolNotDepleted);
			// What short-paid redemptions are still owed is all that may be pending: it is
			// written off, so that no new stake pays it.
			let outstanding = pool.incidents.outstanding();
			ensure!(
				pool.active_cover.is_zero() && pool.pending_claims == outstanding,
				Error::<T>::CoverStillActive
			);
			pool.pending_claims = Zero::zero();
			let book = &mut pool.incidents;
			book.owed = Zero::zero();
			book.paid = Zero::zero();
			book.era = book.era.checked_add(1).ok_or(Error::<T>::Overflow)?;
			pool.depleted = false;
			Ok::<_, DispatchError>(outstanding)
		})?;
		if !outstanding.is_zero() {
			Self::deposit_event(Event::ShortfallsWrittenOff { pool_id, outstanding });
		}
		Self::deposit_event(Event::PoolReopened { pool_id });
		Ok(())
	}
}
