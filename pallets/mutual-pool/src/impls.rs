//! The logic behind each call, the functions behind the runtime API, and the invariants.
//!
//! Every `do_*` function checks all its inputs before it moves money or writes storage, and
//! dispatchables run in a storage transaction, so a failed call changes nothing.
//!
//! A path that only broken storage can reach fails with `Corrupt` defensively
//! (`defensive_ok_or`, `defensive!`): it is logged, and it panics under debug assertions, so the
//! tests (and the property test, which also fails on any `Corrupt`) cannot miss it.

use crate::{pricing::Curve, *};
use frame_support::{
	defensive,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		DefensiveOption,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, per_things::Rounding, FixedPointNumber,
	FixedU128, Perbill,
};
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, CheckedSub, One, Saturating, Zero},
	SaturatedConversion,
};

/// A claim being decided, with the records it touches.
pub(crate) struct ClaimInContext<T: Config> {
	pub claim: ClaimOf<T>,
	pub cover: CoverOf<T>,
	pub product: ProductOf<T>,
	pub pool: PoolOf<T>,
}

/// What a purchase of cover costs and does, computed before anything is written.
pub(crate) struct CoverQuote<T: Config> {
	/// The premium to pay.
	pub premium: BalanceOf<T>,
	/// First block of cover: now plus the product's activation delay.
	pub start: BlockNumberFor<T>,
	/// Last block of cover: `start + period`.
	pub end: BlockNumberFor<T>,
	/// Last block to file a claim: `end` plus the product's claim window.
	pub claim_until: BlockNumberFor<T>,
	/// The pool's active cover after the purchase.
	pub pool_active: BalanceOf<T>,
	/// The product's active cover after the purchase.
	pub product_active: BalanceOf<T>,
}

impl<T: Config> Pallet<T> {
	/// The account that holds a pool's funds.
	pub fn pool_account(pool_id: PoolId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(pool_id)
	}

	/// `a * b / c` in balance units with the given rounding.
	pub(crate) fn mul_div(
		a: BalanceOf<T>,
		b: BalanceOf<T>,
		c: BalanceOf<T>,
		rounding: Rounding,
	) -> Result<BalanceOf<T>, Error<T>> {
		let result = multiply_by_rational_with_rounding(
			a.saturated_into(),
			b.saturated_into(),
			c.saturated_into(),
			rounding,
		)
		.ok_or(Error::<T>::Overflow)?;
		result.try_into().map_err(|_| Error::<T>::Overflow)
	}

	/// `capital * capacity_factor`, rounded down.
	pub(crate) fn capacity(pool: &PoolOf<T>) -> BalanceOf<T> {
		pool.params.capacity_factor.saturating_mul_int(pool.capital)
	}

	/// What the pool account must hold at least once the pool has capital: its capital, its
	/// unearned premiums, the fees it owes, its held withdrawals and the existential deposit, so
	/// that paying out all capital can never reap it. `None` on overflow.
	pub(crate) fn account_floor(pool: &PoolOf<T>) -> Option<BalanceOf<T>> {
		pool.capital
			.checked_add(&pool.earnings.unearned)?
			.checked_add(&pool.fees_owed)?
			.checked_add(&pool.holding.value)?
			.checked_add(&T::Currency::minimum_balance())
	}

	/// The capital of the bonded shares: what premiums are earned into.
	pub(crate) fn bonded_capital(pool: &PoolOf<T>) -> BalanceOf<T> {
		pool.capital.saturating_sub(pool.unbonding_capital)
	}

	/// `bonded capital * capacity_factor`, rounded down: what new cover is sold and priced
	/// against. Unbonding capital backs the cover sold before it asked to leave, and no more,
	/// so that no staker is locked behind cover sold after its `request_unstake`.
	pub(crate) fn bonded_capacity(pool: &PoolOf<T>) -> BalanceOf<T> {
		pool.params.capacity_factor.saturating_mul_int(Self::bonded_capital(pool))
	}

	/// The warm-up epoch of block `now`, or `None` when stakes count at once (`StakeWarmup`
	/// zero).
	pub(crate) fn warmup_epoch(now: BlockNumberFor<T>) -> Option<BlockNumberFor<T>> {
		let length = T::StakeWarmup::get();
		(!length.is_zero()).then(|| now / length)
	}

	/// Slide `warming` forward to warm-up epoch `epoch`: stakes of epochs before `epoch - 1`
	/// have warmed up and leave it. An earlier epoch changes nothing: after a runtime upgrade
	/// that lengthened `StakeWarmup`, the epochs recorded before it may lie ahead of the new
	/// numbering, and their stakes warm up once it has passed them.
	pub(crate) fn slide_warming(warming: &mut WarmingOf<T>, epoch: BlockNumberFor<T>) {
		if epoch > warming.epoch {
			let next = warming.epoch.saturating_add(One::one()) == epoch;
			warming.staked = [Zero::zero(), if next { warming.staked[0] } else { Zero::zero() }];
			warming.epoch = epoch;
		}
	}

	/// What of `pool`'s bonded capital still warms up at `now`.
	pub(crate) fn warming(pool: &PoolOf<T>, now: BlockNumberFor<T>) -> BalanceOf<T> {
		Self::warmup_epoch(now).map_or_else(Zero::zero, |epoch| {
			let mut warming = pool.warming.clone();
			Self::slide_warming(&mut warming, epoch);
			warming.total()
		})
	}

	/// `(bonded capital - stakes still warming up) * capacity_factor`, rounded down: what new
	/// cover is sold and priced against at `now`. Capital that may still leave before it backed
	/// anything (unbonding, or staked in the last epochs) sells no cover, so that it neither
	/// locks a leaver behind cover sold after it asked to leave nor discounts a purchase it will
	/// not stay to back.
	pub(crate) fn selling_capacity(pool: &PoolOf<T>, now: BlockNumberFor<T>) -> BalanceOf<T> {
		let warm = Self::bonded_capital(pool).saturating_sub(Self::warming(pool, now));
		pool.params.capacity_factor.saturating_mul_int(warm)
	}

	/// Put `amount`, bonded by `who` in `pool` now, to warm up: counted in the pool's and the
	/// staker's `warming` for this epoch. Nothing when stakes count at once.
	fn warm_up(
		who: &T::AccountId,
		pool_id: PoolId,
		pool: &mut PoolOf<T>,
		amount: BalanceOf<T>,
	) -> Result<(), Error<T>> {
		let Some(epoch) = Self::warmup_epoch(Self::now()) else { return Ok(()) };
		let mut mine = Warmups::<T>::get(who, pool_id).unwrap_or_default();
		// The staker's record follows its pool's epoch, which is never behind it.
		Self::slide_warming(&mut pool.warming, epoch);
		Self::slide_warming(&mut mine, pool.warming.epoch);
		for warming in [&mut pool.warming, &mut mine] {
			warming.staked[0] =
				warming.staked[0].checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		}
		Warmups::<T>::insert(who, pool_id, mine);
		Ok(())
	}

	/// Take up to `amount` of `who`'s stakes still warming up in `pool` out of the pool's and the
	/// staker's `warming`, the latest first (it leaves the bonded class, by a request to leave);
	/// all of it with `amount` `None` (the staker's record goes).
	fn cool_down(
		who: &T::AccountId,
		pool_id: PoolId,
		pool: &mut PoolOf<T>,
		amount: Option<BalanceOf<T>>,
	) {
		let Some(mut mine) = Warmups::<T>::get(who, pool_id) else { return };
		let mut left = amount;
		if let Some(epoch) = Self::warmup_epoch(Self::now()) {
			Self::slide_warming(&mut pool.warming, epoch);
			Self::slide_warming(&mut mine, pool.warming.epoch);
			for (staked, pooled) in mine.staked.iter_mut().zip(pool.warming.staked.iter_mut()) {
				let take = left.map_or(*staked, |left| left.min(*staked));
				*staked = staked.saturating_sub(take);
				if *pooled < take {
					defensive!("a staker warms up more than its pool");
				}
				*pooled = pooled.saturating_sub(take);
				left = left.map(|left| left.saturating_sub(take));
			}
		}
		if mine.total().is_zero() || amount.is_none() {
			Warmups::<T>::remove(who, pool_id);
		} else {
			Warmups::<T>::insert(who, pool_id, mine);
		}
	}

	/// The first block that `pool` cannot accrue past: the end of its first expiry bucket not
	/// yet rolled, where rates stop that only rolling the bucket takes out of the pool's rate.
	pub(crate) fn accrual_limit(pool: &PoolOf<T>) -> BlockNumberFor<T> {
		pool.expired_through
			.saturating_add(One::one())
			.saturating_mul(T::ExpiryBucketLength::get())
	}

	/// Add what `pool` earned since `accrued_through` to the capital of its bonded shares, up to
	/// `now` or the end of its first unrolled expiry bucket, whichever comes first. O(1): it
	/// reads no storage.
	pub(crate) fn accrue(pool: &mut PoolOf<T>, now: BlockNumberFor<T>) -> Result<(), Error<T>> {
		let to = now.min(Self::accrual_limit(pool));
		let earnings = &mut pool.earnings;
		let earned = if earnings.rate.is_zero() {
			// Every rate has stopped: what is left is rounding dust of the rates, earned now.
			earnings.carry = FixedU128::zero();
			earnings.unearned
		} else if to > earnings.accrued_through {
			let blocks: u128 = to.saturating_sub(earnings.accrued_through).saturated_into();
			// The rate's whole units and its fraction (in units of 10^-18) apart, so that no
			// product passes 128 bits before the sum does: `rate * blocks + carry`.
			let rate = earnings.rate.into_inner();
			let (whole, fraction) = (rate / FixedU128::DIV, rate % FixedU128::DIV);
			let fraction = fraction
				.checked_mul(blocks)
				.and_then(|f| f.checked_add(earnings.carry.into_inner()))
				.ok_or(Error::<T>::Overflow)?;
			earnings.carry = FixedU128::from_inner(fraction % FixedU128::DIV);
			let due = whole
				.checked_mul(blocks)
				.and_then(|due| due.checked_add(fraction / FixedU128::DIV))
				.ok_or(Error::<T>::Overflow)?;
			let due: BalanceOf<T> = due.try_into().map_err(|_| Error::<T>::Overflow)?;
			if due > earnings.unearned {
				defensive!("earning more premium than was sold");
				earnings.unearned
			} else {
				due
			}
		} else {
			return Ok(());
		};
		earnings.unearned = earnings.unearned.saturating_sub(earned);
		earnings.accrued_through = earnings.accrued_through.max(to);
		Self::credit_bonded(pool, earned)
	}

	/// Add `amount` (earned premium, a slashed deposit) to the capital of the bonded shares. With
	/// no bonded share in issue, nobody has earned it: it is owed to the treasury instead, so
	/// that the next staker does not take what it did not back.
	pub(crate) fn credit_bonded(
		pool: &mut PoolOf<T>,
		amount: BalanceOf<T>,
	) -> Result<(), Error<T>> {
		if pool.total_shares.is_zero() {
			pool.fees_owed = pool.fees_owed.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		} else {
			pool.capital = pool.capital.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		}
		Ok(())
	}

	/// Give `amount` back to the capital of the shares that bore the payouts it makes good (a
	/// hold's charge): the unbonding shares their part pro rata to their capital, rounded down,
	/// the bonded ones the rest (`credit_bonded`).
	pub(crate) fn credit_capital(
		pool: &mut PoolOf<T>,
		amount: BalanceOf<T>,
	) -> Result<(), Error<T>> {
		let to_unbonding = if pool.capital.is_zero() {
			Zero::zero()
		} else {
			Self::mul_div(amount, pool.unbonding_capital, pool.capital, Rounding::Down)?
		};
		pool.unbonding_capital =
			pool.unbonding_capital.checked_add(&to_unbonding).ok_or(Error::<T>::Overflow)?;
		pool.capital = pool.capital.checked_add(&to_unbonding).ok_or(Error::<T>::Overflow)?;
		Self::credit_bonded(pool, amount.saturating_sub(to_unbonding))
	}

	/// Add `amount` to the pool's unearned premiums, earned at a constant rate from
	/// `accrued_through` to the end of expiry bucket `bucket`, where rolling the bucket stops
	/// the rate (`EarningEnds`). `bucket` is after the pool's first unrolled bucket's start, so
	/// there is at least one block to earn over.
	pub(crate) fn earn_until(
		pool_id: PoolId,
		pool: &mut PoolOf<T>,
		amount: BalanceOf<T>,
		bucket: BlockNumberFor<T>,
	) -> Result<(), Error<T>> {
		let end = bucket.saturating_mul(T::ExpiryBucketLength::get());
		let blocks = end.saturating_sub(pool.earnings.accrued_through);
		let rate = FixedU128::checked_from_rational(amount, blocks.saturated_into::<u128>())
			.ok_or(Error::<T>::Overflow)?;
		pool.earnings.unearned =
			pool.earnings.unearned.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		pool.earnings.rate = pool.earnings.rate.checked_add(&rate).ok_or(Error::<T>::Overflow)?;
		if !rate.is_zero() {
			EarningEnds::<T>::try_mutate(pool_id, bucket, |ending| {
				*ending = ending.checked_add(&rate).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(())
			})?;
		}
		Ok(())
	}

	/// End the era of a share class whose capital a payout left at zero: its shares are worth
	/// nothing, and keeping them would price the next shares of the class against nothing.
	pub(crate) fn end_empty_eras(pool: &mut PoolOf<T>) -> Result<(), Error<T>> {
		if !pool.total_shares.is_zero() && Self::bonded_capital(pool).is_zero() {
			pool.era = pool.era.checked_add(1).ok_or(Error::<T>::Overflow)?;
			pool.total_shares = Zero::zero();
		}
		if !pool.unbonding_shares.is_zero() && pool.unbonding_capital.is_zero() {
			pool.unbonding_era = pool.unbonding_era.checked_add(1).ok_or(Error::<T>::Overflow)?;
			pool.unbonding_shares = Zero::zero();
		}
		Ok(())
	}

	/// `staker` as it stands in `pool`'s eras: shares of an ended era are worth nothing.
	pub(crate) fn settled(pool: &PoolOf<T>, mut staker: StakerInfoOf<T>) -> StakerInfoOf<T> {
		if staker.era != pool.era {
			staker.shares = Zero::zero();
			staker.era = pool.era;
		}
		if staker.unbonding_era != pool.unbonding_era {
			staker.unbonding = Zero::zero();
			staker.unbonding_era = pool.unbonding_era;
		}
		staker
	}

	/// `pool` as it stands at `now`, its earnings accrued; for the read-only functions (and the
	/// invariant tests, which judge a pool as the calls do).
	pub(crate) fn accrued(mut pool: PoolOf<T>) -> PoolOf<T> {
		// Only an overflow of the capital fails, which the calls would report.
		let _ = Self::accrue(&mut pool, Self::now());
		pool
	}

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
		ensure!(
			params.min_stake >= T::Currency::minimum_balance(),
			Error::<T>::MinStakeBelowExistentialDeposit
		);
		ensure!(
			params.kink >= MIN_KINK
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

	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Check that `origin` decides claims: `Ok(true)` for `LargeClaimOrigin` (tried first), which
	/// may pass the large-claim threshold, `Ok(false)` for `ClaimDecisionOrigin`, `BadOrigin`
	/// for any other.
	pub(crate) fn ensure_claim_decider(
		origin: frame_system::pallet_prelude::OriginFor<T>,
	) -> Result<bool, DispatchError> {
		match T::LargeClaimOrigin::try_origin(origin) {
			Ok(_) => Ok(true),
			Err(origin) => {
				T::ClaimDecisionOrigin::ensure_origin(origin).map(|_| false).map_err(Into::into)
			},
		}
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
			let before = Self::capacity(pool);
			pool.params = params;
			// Cover already sold and claims already filed stay backed by the bonded capital, as
			// a request to leave must keep them: a lower capacity factor may not put them on
			// unbonding capital, which would then be locked until they ran off. Only what the
			// update makes worse is checked: after a payout left a product above its share,
			// other parameters can still change.
			ensure!(
				Self::capacity(pool) >= before || Self::is_backed_by_bonded(pool),
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
		let capacity = Self::bonded_capacity(&pool);
		let book = Self::book_mut(&mut pool, product_id)?;
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

	/// The book of `product_id` in `pool`.
	pub(crate) fn book(
		pool: &PoolOf<T>,
		product_id: ProductId,
	) -> Result<&ProductBookOf<T>, Error<T>> {
		pool.products
			.iter()
			.find(|book| book.product_id == product_id)
			.defensive_ok_or(Error::<T>::Corrupt)
	}

	/// The book of `product_id` in `pool`, to change.
	pub(crate) fn book_mut(
		pool: &mut PoolOf<T>,
		product_id: ProductId,
	) -> Result<&mut ProductBookOf<T>, Error<T>> {
		pool.products
			.iter_mut()
			.find(|book| book.product_id == product_id)
			.defensive_ok_or(Error::<T>::Corrupt)
	}

	/// Bonded shares that `amount` buys in `pool`, rounded down.
	pub(crate) fn shares_for(
		pool: &PoolOf<T>,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, Error<T>> {
		if pool.total_shares.is_zero() {
			return Ok(amount);
		}
		let bonded = Self::bonded_capital(pool);
		// A payout that leaves bonded shares without capital ends their era (`end_empty_eras`):
		// bonded shares always have capital behind them.
		if bonded.is_zero() {
			defensive!("bonded shares without bonded capital");
			return Err(Error::<T>::Corrupt);
		}
		Self::mul_div(amount, pool.total_shares, bonded, Rounding::Down)
	}

	/// Stake `amount` from `who` into a pool; with `warm_up`, the stake sells and prices cover
	/// only once warmed up (every stake but the genesis ones).
	pub(crate) fn do_stake(
		who: &T::AccountId,
		pool_id: PoolId,
		amount: BalanceOf<T>,
		min_shares: BalanceOf<T>,
		warm_up: bool,
	) -> DispatchResult {
		let mut pool = Pools::<T>::get(pool_id).ok_or(Error::<T>::PoolNotFound)?;
		ensure!(!pool.depleted, Error::<T>::PoolDepleted);
		ensure!(amount >= pool.params.min_stake, Error::<T>::StakeBelowMinimum);
		// The premiums earned so far belong to the stakers who backed the cover until now.
		Self::accrue(&mut pool, Self::now())?;
		// A pool that a payout (or a claim filed) left unable to back what it sold and what is
		// claimed takes no stake until enough has run off or been decided: a new staker would
		// pay for a loss that came before it.
		ensure!(Self::is_backed(&pool), Error::<T>::PoolUnbacked);
		// More than the staker can pay fails as the transfer would, before any sum is taken
		// (and so before any could overflow).
		ensure!(
			amount
				<= T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite),
			sp_runtime::TokenError::FundsUnavailable
		);
		let shares = Self::shares_for(&pool, amount)?;
		ensure!(!shares.is_zero(), Error::<T>::ZeroShares);
		ensure!(shares >= min_shares, Error::<T>::TooFewShares);
		let mut staker = Self::settled(&pool, Stakers::<T>::get(who, pool_id).unwrap_or_default());
		staker.shares = staker.shares.checked_add(&shares).ok_or(Error::<T>::Overflow)?;
		// Every staker holds at least `min_stake` in shares, so a pool's shares are either none
		// or at least that many: a handful of shares whose price could be inflated never exists.
		ensure!(staker.shares >= pool.params.min_stake, Error::<T>::SharesBelowMinimum);
		pool.total_shares = pool.total_shares.checked_add(&shares).ok_or(Error::<T>::Overflow)?;
		pool.capital = pool.capital.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		if warm_up {
			Self::warm_up(who, pool_id, &mut pool, amount)?;
		}

		// The first stake tops up the pool account to its floor (`account_floor`).
		let account = Self::pool_account(pool_id);
		let seed = Self::account_floor(&pool)
			.ok_or(Error::<T>::Overflow)?
			.saturating_sub(T::Currency::balance(&account))
			.saturating_sub(amount);
		let transfer = amount.checked_add(&seed).ok_or(Error::<T>::Overflow)?;
		T::Currency::transfer(who, &account, transfer, Preservation::Preserve)?;

		Pools::<T>::insert(pool_id, pool);
		Stakers::<T>::insert(who, pool_id, staker);
		Self::deposit_event(Event::Staked { pool_id, who: who.clone(), amount, shares });
		Ok(())
	}

	/// Start unbonding `shares` of `who` in a pool: their value at the bonded share price moves
	/// to the unbonding shares, which bear losses but earn nothing.
	pub(crate) fn do_request_unstake(
		who: &T::AccountId,
		pool_id: PoolId,
		shares: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!shares.is_zero(), Error::<T>::ZeroAmount);
		let mut pool = Pools::<T>::get(pool_id).ok_or(Error::<T>::PoolNotFound)?;
		let staker = Stakers::<T>::get(who, pool_id).ok_or(Error::<T>::NotStaker)?;
		let mut staker = Self::settled(&pool, staker);
		ensure!(shares <= staker.shares, Error::<T>::InsufficientShares);
		let staying = staker.shares.saturating_sub(shares);
		ensure!(
			staying.is_zero() || staying >= pool.params.min_stake,
			Error::<T>::SharesBelowMinimum
		);
		let unlock_at = Self::now()
			.checked_add(&pool.params.unbonding_period)
			.ok_or(Error::<T>::Overflow)?;
		// The shares earn up to this block, and nothing from it.
		Self::accrue(&mut pool, Self::now())?;
		let value = Self::bonded_value(&pool, shares)?;
		let unbonding = if pool.unbonding_shares.is_zero() {
			// What rounding left behind with the last unbonding shares goes back to the bonded
			// ones (it is in `capital` already).
			pool.unbonding_capital = Zero::zero();
			value
		} else {
			// A payout that leaves the unbonding capital at zero ends the unbonding era
			// (`end_empty_eras`), and a withdrawal never takes the whole of it while shares
			// remain: unbonding shares always have capital behind them.
			if pool.unbonding_capital.is_zero() {
				defensive!("unbonding shares without unbonding capital");
				return Err(Error::<T>::Corrupt.into());
			}
			Self::mul_div(value, pool.unbonding_shares, pool.unbonding_capital, Rounding::Down)?
		};
		pool.total_shares =
			pool.total_shares.checked_sub(&shares).defensive_ok_or(Error::<T>::Corrupt)?;
		pool.unbonding_capital =
			pool.unbonding_capital.checked_add(&value).ok_or(Error::<T>::Overflow)?;
		// What leaves the bonded class leaves its warm-up first: it no longer sells cover
		// either way, and must not be taken out of the selling capacity twice.
		Self::cool_down(who, pool_id, &mut pool, Some(value));
		pool.unbonding_shares =
			pool.unbonding_shares.checked_add(&unbonding).ok_or(Error::<T>::Overflow)?;
		// The capital that leaves the bonded class may not be what backs the cover sold: the
		// staker waits, bonded and earning, until enough of it has run off.
		ensure!(Self::is_backed_by_bonded(&pool), Error::<T>::InsufficientFreeCapital);
		staker.shares = staying;
		staker.unbonding = staker.unbonding.checked_add(&unbonding).ok_or(Error::<T>::Overflow)?;
		staker.unlock_at = unlock_at;
		let gone = staker.shares.is_zero() && staker.unbonding.is_zero();
		if gone {
			Self::cool_down(who, pool_id, &mut pool, None);
		}
		Pools::<T>::insert(pool_id, pool);
		if gone {
			// Shares worth nothing became no unbonding shares: nothing is left to withdraw.
			Stakers::<T>::remove(who, pool_id);
		} else {
			Stakers::<T>::insert(who, pool_id, staker);
		}
		Self::deposit_event(Event::UnstakeRequested {
			pool_id,
			who: who.clone(),
			shares,
			unlock_at,
		});
		Ok(())
	}

	/// Turn every unbonding share of `who` in a pool back into bonded shares, at the value of
	/// both classes now, once they are unlocked: the staker stays and earns again from this
	/// block. Returns the expiry buckets rolled.
	pub(crate) fn do_rebond(who: &T::AccountId, pool_id: PoolId) -> Result<u32, DispatchError> {
		let mut pool = Pools::<T>::get(pool_id).ok_or(Error::<T>::PoolNotFound)?;
		let staker = Stakers::<T>::get(who, pool_id).ok_or(Error::<T>::NotStaker)?;
		let mut staker = Self::settled(&pool, staker);
		// Unbonding shares always have capital behind them (`end_empty_eras`), so a depleted
		// pool, whose payout ended the unbonding era, has none to rebond.
		ensure!(!staker.unbonding.is_zero(), Error::<T>::NothingUnbonding);
		// A request to leave holds for the unbonding period: taken back at once, it would move
		// the bonded capacity, and so the price and what may be sold, for free.
		let now = Self::now();
		ensure!(now >= staker.unlock_at, Error::<T>::StillUnbonding);
		// The bonded shares earn up to this block at their old number, every due bucket rolled
		// first so that no lagging accrual reaches the rebonded shares.
		let rolled = Self::roll_pool(pool_id, &mut pool, now)?.buckets;
		let unbonding = staker.unbonding;
		let amount = Self::withdrawal_value(&pool, unbonding)?;
		let shares = Self::shares_for(&pool, amount)?;
		ensure!(!shares.is_zero(), Error::<T>::ZeroShares);
		staker.shares = staker.shares.checked_add(&shares).ok_or(Error::<T>::Overflow)?;
		ensure!(staker.shares >= pool.params.min_stake, Error::<T>::SharesBelowMinimum);
		staker.unbonding = Zero::zero();
		Self::burn_unbonding(&mut pool, unbonding, amount)?;
		pool.total_shares = pool.total_shares.checked_add(&shares).ok_or(Error::<T>::Overflow)?;
		// Capital back in the bonded class sells cover once warmed up, as a new stake does.
		Self::warm_up(who, pool_id, &mut pool, amount)?;
		Pools::<T>::insert(pool_id, pool);
		Stakers::<T>::insert(who, pool_id, staker);
		Self::deposit_event(Event::Rebonded {
			pool_id,
			who: who.clone(),
			unbonding,
			amount,
			shares,
		});
		Ok(rolled)
	}

	/// Take `shares` unbonding shares, worth `amount`, and their value out of the unbonding
	/// class (`withdraw` pays the value out, `rebond` moves it to the bonded class). The last
	/// unbonding shares leave the class's rounding dust to the bonded ones (it is in `capital`).
	fn burn_unbonding(
		pool: &mut PoolOf<T>,
		shares: BalanceOf<T>,
		amount: BalanceOf<T>,
	) -> Result<(), Error<T>> {
		pool.unbonding_capital = pool
			.unbonding_capital
			.checked_sub(&amount)
			.defensive_ok_or(Error::<T>::Corrupt)?;
		pool.unbonding_shares = pool
			.unbonding_shares
			.checked_sub(&shares)
			.defensive_ok_or(Error::<T>::Corrupt)?;
		if pool.unbonding_shares.is_zero() {
			pool.unbonding_capital = Zero::zero();
		}
		Ok(())
	}

	/// What `shares` bonded shares are worth: their part of the bonded capital, rounded down.
	pub(crate) fn bonded_value(
		pool: &PoolOf<T>,
		shares: BalanceOf<T>,
	) -> Result<BalanceOf<T>, Error<T>> {
		if pool.total_shares.is_zero() {
			return Ok(Zero::zero());
		}
		Self::mul_div(shares, Self::bonded_capital(pool), pool.total_shares, Rounding::Down)
	}

	/// What `shares` unbonding shares are worth: their part of the unbonding capital, rounded
	/// down. A withdrawal pays this, and only while no claim is pending, so that the outcome of
	/// every claim is shared by exactly the stakers who were there when it was filed.
	pub(crate) fn withdrawal_value(
		pool: &PoolOf<T>,
		shares: BalanceOf<T>,
	) -> Result<BalanceOf<T>, Error<T>> {
		if pool.unbonding_shares.is_zero() {
			return Ok(Zero::zero());
		}
		Self::mul_div(shares, pool.unbonding_capital, pool.unbonding_shares, Rounding::Down)
	}

	/// Whether the capacity (`capital * capacity_factor`) covers active cover plus pending
	/// claims, and every product's active cover stays within its share of the capacity: the
	/// limits `buy_cover` sells under, which a withdrawal or an update must keep.
	pub(crate) fn is_backed(pool: &PoolOf<T>) -> bool {
		Self::is_backed_by(pool, Self::capacity(pool))
	}

	/// Whether the bonded capacity alone backs the active cover and pending claims, and every
	/// product's share of them: what a request to leave must keep, so that unbonding capital is
	/// never what backs the cover sold (it sells none), and no leaver waits for another.
	pub(crate) fn is_backed_by_bonded(pool: &PoolOf<T>) -> bool {
		Self::is_backed_by(pool, Self::bonded_capacity(pool))
	}

	/// `is_backed` against `capacity`.
	fn is_backed_by(pool: &PoolOf<T>, capacity: BalanceOf<T>) -> bool {
		capacity >= pool.active_cover.saturating_add(pool.pending_claims)
			&& pool
				.products
				.iter()
				.all(|book| book.active_cover <= book.max_capacity_share.mul_floor(capacity))
	}

	/// Withdraw the unbonded shares of `who`; returns the expiry buckets rolled.
	pub(crate) fn do_withdraw(
		who: &T::AccountId,
		pool_id: PoolId,
		min_amount: BalanceOf<T>,
	) -> Result<u32, DispatchError> {
		let mut pool = Pools::<T>::get(pool_id).ok_or(Error::<T>::PoolNotFound)?;
		let stored = Stakers::<T>::get(who, pool_id).ok_or(Error::<T>::NotStaker)?;
		let mut staker = Self::settled(&pool, stored.clone());
		if staker.shares.is_zero() && staker.unbonding.is_zero() {
			// Every share of the record is of an ended era, worth nothing: the record goes.
			let amount = Zero::zero();
			ensure!(amount >= min_amount, Error::<T>::WithdrawalBelowMinimum);
			if Warmups::<T>::contains_key(who, pool_id) {
				Self::cool_down(who, pool_id, &mut pool, None);
				Pools::<T>::insert(pool_id, &pool);
			}
			Stakers::<T>::remove(who, pool_id);
			let shares = stored.shares.saturating_add(stored.unbonding);
			Self::deposit_event(Event::Withdrawn { pool_id, who: who.clone(), shares, amount });
			return Ok(0);
		}
		ensure!(!staker.unbonding.is_zero(), Error::<T>::NothingUnbonding);
		let now = Self::now();
		ensure!(now >= staker.unlock_at, Error::<T>::StillUnbonding);
		ensure!(now >= pool.frozen_until, Error::<T>::PoolFrozen);
		let rolled = Self::roll_pool(pool_id, &mut pool, now)?.buckets;

		let shares = staker.unbonding;
		let value = Self::withdrawal_value(&pool, shares)?;
		// The staker's share of what is pending (claims, incidents' reserves) is held back, to
		// bear the staker's share of what they pay; the rest is paid now.
		let held = if pool.pending_claims.is_zero() || value.is_zero() {
			Zero::zero()
		} else {
			Self::mul_div(value, pool.pending_claims, pool.capital, Rounding::Up)?.min(value)
		};
		let amount = value.saturating_sub(held);
		ensure!(amount >= min_amount, Error::<T>::WithdrawalBelowMinimum);
		let capital = pool.capital;
		pool.capital = pool.capital.checked_sub(&value).defensive_ok_or(Error::<T>::Corrupt)?;
		Self::burn_unbonding(&mut pool, shares, value)?;
		// Withdrawing nothing unbacks nothing: shares that a payout made worthless can always
		// be cleared.
		ensure!(value.is_zero() || Self::is_backed(&pool), Error::<T>::InsufficientFreeCapital);
		staker.unbonding = Zero::zero();
		if !held.is_zero() {
			ensure!(!Holds::<T>::contains_key(who, pool_id), Error::<T>::HoldOpen);
			let due_at = now.checked_add(&Self::hold_period()).ok_or(Error::<T>::Overflow)?;
			let hold = Self::hold(&mut pool, held, value, capital, due_at)?;
			Holds::<T>::insert(who, pool_id, hold);
			Self::deposit_event(Event::WithdrawalHeld { pool_id, who: who.clone(), held, due_at });
		}

		Self::pay_from_pool(pool_id, who, amount)?;
		if staker.shares.is_zero() {
			Self::cool_down(who, pool_id, &mut pool, None);
		}
		Pools::<T>::insert(pool_id, pool);
		if staker.shares.is_zero() {
			// Its unbonding shares were just withdrawn: nothing is left.
			Stakers::<T>::remove(who, pool_id);
		} else {
			Stakers::<T>::insert(who, pool_id, staker);
		}
		Self::deposit_event(Event::Withdrawn { pool_id, who: who.clone(), shares, amount });
		Ok(rolled)
	}

	/// The longest any amount pending at a block can still be paid after it:
	/// `max(ClaimDecisionPeriod + AppealPeriod + AppealDecisionPeriod,
	/// IncidentRedemptionPeriod)`. A claim filed by then is decided, lapses or has its appeal
	/// decided within the first; an incident declared by then closes its redemptions within the
	/// second. A hold is due this many blocks after its withdrawal.
	pub fn hold_period() -> BlockNumberFor<T> {
		T::ClaimDecisionPeriod::get()
			.saturating_add(T::AppealPeriod::get())
			.saturating_add(T::AppealDecisionPeriod::get())
			.max(T::IncidentRedemptionPeriod::get())
	}

	/// Put `held` of a withdrawal of `exposure`, out of `capital`, into `pool`'s holding (it
	/// left the capital already); returns the hold, due at `due_at`.
	fn hold(
		pool: &mut PoolOf<T>,
		held: BalanceOf<T>,
		exposure: BalanceOf<T>,
		capital: BalanceOf<T>,
		due_at: BlockNumberFor<T>,
	) -> Result<HoldOf<T>, Error<T>> {
		let holding = &mut pool.holding;
		// A unit is worth `value / units`, at most one balance unit: a payout that draws the
		// value to zero ends the era and the units with it.
		let units = if holding.units.is_zero() {
			held
		} else if holding.value.is_zero() {
			defensive!("held units without held value");
			return Err(Error::<T>::Corrupt);
		} else {
			Self::mul_div(held, holding.units, holding.value, Rounding::Down)?
		};
		holding.value = holding.value.checked_add(&held).ok_or(Error::<T>::Overflow)?;
		holding.units = holding.units.checked_add(&units).ok_or(Error::<T>::Overflow)?;
		Ok(Hold { units, era: holding.era, exposure, capital, paid_out: holding.paid_out, due_at })
	}

	/// Release the hold of `who` in a pool, once due (see [`Hold`]).
	pub(crate) fn do_release_hold(who: &T::AccountId, pool_id: PoolId) -> DispatchResult {
		let hold = Holds::<T>::get(who, pool_id).ok_or(Error::<T>::HoldNotFound)?;
		let mut pool = Pools::<T>::get(pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		let now = Self::now();
		// Nothing pending means nothing pending at the withdrawal can pay any more.
		ensure!(now >= hold.due_at || pool.pending_claims.is_zero(), Error::<T>::HoldNotDue);
		// What was earned until now belongs to the stakers before the capital changes.
		Self::accrue(&mut pool, now)?;
		let holding = &mut pool.holding;
		let worth = if hold.era == holding.era {
			let worth = if holding.units.is_zero() {
				defensive!("a hold of no held units");
				Zero::zero()
			} else {
				Self::mul_div(hold.units, holding.value, holding.units, Rounding::Down)?
			};
			holding.units =
				holding.units.checked_sub(&hold.units).defensive_ok_or(Error::<T>::Corrupt)?;
			holding.value =
				holding.value.checked_sub(&worth).defensive_ok_or(Error::<T>::Corrupt)?;
			worth
		} else {
			// A payout drew every held unit of its era: the hold is worth nothing.
			Zero::zero()
		};
		// Rounding dust left with the last units belongs to nobody held: the stakers take it.
		let dust = if holding.units.is_zero() {
			core::mem::take(&mut holding.value)
		} else {
			Zero::zero()
		};
		// The leaver's share of what the capital paid out meanwhile, rounded up.
		let paid_since = holding.paid_out.saturating_sub(hold.paid_out);
		let charged = if hold.capital.is_zero() {
			Zero::zero()
		} else {
			Self::mul_div(paid_since, hold.exposure, hold.capital, Rounding::Up)?.min(worth)
		};
		Self::credit_capital(&mut pool, charged.saturating_add(dust))?;
		let amount = worth.saturating_sub(charged);
		Self::pay_from_pool(pool_id, who, amount)?;
		Holds::<T>::remove(who, pool_id);
		Pools::<T>::insert(pool_id, pool);
		Self::deposit_event(Event::HoldReleased { pool_id, who: who.clone(), charged, amount });
		Ok(())
	}

	/// The premium curve of a product on its pool.
	pub(crate) fn curve(pool: &PoolOf<T>, product: &ProductOf<T>) -> Curve {
		Curve {
			base_rate: product.params.base_rate,
			kink: pool.params.kink,
			slope1: pool.params.slope1,
			slope2: pool.params.slope2,
		}
	}

	/// Check a purchase made `now` against the product's terms and both capacity limits, and
	/// price it.
	///
	/// Capacity already taken is the active cover *plus the pending claims*: both must be
	/// backed, so both limit what may be sold and set the utilization the premium is priced at.
	/// Both limits are shares of the selling capacity (`selling_capacity`): unbonding capital,
	/// and stakes still warming up, sell no cover.
	/// The premium is charged for every block the cover may hold capacity, not for its period
	/// alone: the activation delay, the period, the claim window and one expiry bucket (a
	/// cover's bucket is due at most `ExpiryBucketLength` blocks after its `claim_until`). The
	/// charge does not depend on the block, so a quote holds until the pool's figures change.
	pub(crate) fn quote_cover(
		pool: &PoolOf<T>,
		product_id: ProductId,
		product: &ProductOf<T>,
		amount: BalanceOf<T>,
		period: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> Result<CoverQuote<T>, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(!pool.depleted, Error::<T>::PoolDepleted);
		ensure!(product.params.enabled, Error::<T>::ProductDisabled);
		ensure!(
			period >= product.params.min_period && period <= product.params.max_period,
			Error::<T>::PeriodOutOfRange
		);
		let start =
			now.checked_add(&product.params.activation_delay).ok_or(Error::<T>::Overflow)?;
		let end = start.checked_add(&period).ok_or(Error::<T>::Overflow)?;
		let claim_until =
			end.checked_add(&product.params.claim_window).ok_or(Error::<T>::Overflow)?;
		let held = claim_until
			.saturating_sub(now)
			.checked_add(&T::ExpiryBucketLength::get())
			.ok_or(Error::<T>::Overflow)?;

		// New cover is sold against the bonded capital that has warmed up only
		// (`selling_capacity`).
		let capacity = Self::selling_capacity(pool, now);
		let taken = pool
			.active_cover
			.checked_add(&pool.pending_claims)
			.ok_or(Error::<T>::InsufficientCapacity)?;
		let pool_active =
			pool.active_cover.checked_add(&amount).ok_or(Error::<T>::InsufficientCapacity)?;
		let product_active = Self::book(pool, product_id)?
			.active_cover
			.checked_add(&amount)
			.ok_or(Error::<T>::InsufficientCapacity)?;
		ensure!(
			taken.checked_add(&amount).is_some_and(|after| after <= capacity)
				&& product_active <= product.params.max_capacity_share.mul_floor(capacity),
			Error::<T>::InsufficientCapacity
		);
		ensure!(amount >= T::MinCover::get(), Error::<T>::CoverBelowMinimum);
		let premium = Self::curve(pool, product)
			.premium(
				capacity.saturated_into(),
				taken.saturated_into(),
				amount.saturated_into(),
				held.saturated_into(),
				T::BlocksPerYear::get().saturated_into(),
			)
			.ok_or(Error::<T>::Overflow)?
			.try_into()
			.map_err(|_| Error::<T>::Overflow)?;
		Ok(CoverQuote { premium, start, end, claim_until, pool_active, product_active })
	}

	/// Buy cover for `who`; returns the most expiry buckets rolled for the pool or the product.
	pub(crate) fn do_buy_cover(
		who: &T::AccountId,
		product_id: ProductId,
		amount: BalanceOf<T>,
		period: BlockNumberFor<T>,
		max_premium: BalanceOf<T>,
	) -> DispatchResult {
		let product = Products::<T>::get(product_id).ok_or(Error::<T>::ProductNotFound)?;
		let pool_id = product.pool_id;
		let mut pool = Pools::<T>::get(pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		let now = Self::now();
		// What was earned until now at the old rate joins the capital before the rate changes.
		Self::accrue(&mut pool, now)?;
		// A purchase rolls no expiry bucket (`on_idle` and `roll_expiries` do): it is priced and
		// bounded by the stored active cover, which a lagging cursor only overstates.
		let quote = Self::quote_cover(&pool, product_id, &product, amount, period, now)?;
		ensure!(quote.premium <= max_premium, Error::<T>::PremiumTooHigh);
		let CoverQuote { start, end, claim_until, .. } = quote;
		let cover_id = NextCoverId::<T>::get();
		let next_cover_id = cover_id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		// The fee is rounded down: rounding favours the pool. The whole premium goes to the pool
		// account in one transfer; the fee is owed to the treasury until `pay_fees`.
		let fee = pool.params.fee.mul_floor(quote.premium);
		let net = quote.premium.saturating_sub(fee);
		pool.fees_owed = pool.fees_owed.checked_add(&fee).ok_or(Error::<T>::Overflow)?;
		// The net premium is earned at a constant rate until the cover's expiry bucket rolls
		// (from `accrued_through`, which is `now` unless accrual lags behind).
		Self::earn_until(pool_id, &mut pool, net, Self::expiry_bucket(claim_until))?;
		pool.active_cover = quote.pool_active;
		Self::book_mut(&mut pool, product_id)?.active_cover = quote.product_active;
		if !quote.premium.is_zero() {
			T::Currency::transfer(
				who,
				&Self::pool_account(pool_id),
				quote.premium,
				Preservation::Preserve,
			)?;
		}
		// The cover holds capacity until its claim window closes.
		Self::book_expiry(ExpiryOwner::Pool(pool_id), claim_until, amount)?;
		Self::book_expiry(ExpiryOwner::Product(product_id), claim_until, amount)?;

		let cover = Cover {
			product_id,
			owner: who.clone(),
			amount,
			remaining: amount,
			start,
			end,
			claim_until,
			pending_claim: None,
		};
		Covers::<T>::insert(cover_id, cover);
		NextCoverId::<T>::put(next_cover_id);
		Pools::<T>::insert(pool_id, pool);
		Self::deposit_event(Event::CoverBought {
			cover_id,
			product_id,
			owner: who.clone(),
			amount,
			premium: quote.premium,
			start,
			end,
		});
		Ok(())
	}

	/// Send the fees a pool owes to the treasury.
	pub(crate) fn do_pay_fees(pool_id: PoolId) -> DispatchResult {
		let mut pool = Pools::<T>::get(pool_id).ok_or(Error::<T>::PoolNotFound)?;
		let amount = pool.fees_owed;
		ensure!(!amount.is_zero(), Error::<T>::NoFeesOwed);
		pool.fees_owed = Zero::zero();
		T::Currency::transfer(
			&Self::pool_account(pool_id),
			&T::TreasuryAccount::get(),
			amount,
			Preservation::Preserve,
		)?;
		Pools::<T>::insert(pool_id, pool);
		Self::deposit_event(Event::FeesPaid { pool_id, amount });
		Ok(())
	}

	/// Give cover `cover_id` of `who` to `to`.
	pub(crate) fn do_transfer_cover(
		who: &T::AccountId,
		cover_id: CoverId,
		to: T::AccountId,
	) -> DispatchResult {
		Covers::<T>::try_mutate(cover_id, |cover| {
			let cover = cover.as_mut().ok_or(Error::<T>::CoverNotFound)?;
			ensure!(&cover.owner == who, Error::<T>::NotCoverOwner);
			ensure!(cover.pending_claim.is_none(), Error::<T>::ClaimAlreadyPending);
			cover.owner = to.clone();
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::CoverTransferred { cover_id, from: who.clone(), to });
		Ok(())
	}

	/// File a claim of `amount` on cover `cover_id` for `who`.
	pub(crate) fn do_submit_claim(
		who: &T::AccountId,
		cover_id: CoverId,
		amount: BalanceOf<T>,
		evidence: EvidenceOf<T>,
	) -> DispatchResult {
		let mut cover = Covers::<T>::get(cover_id).ok_or(Error::<T>::CoverNotFound)?;
		ensure!(&cover.owner == who, Error::<T>::NotCoverOwner);
		ensure!(cover.pending_claim.is_none(), Error::<T>::ClaimAlreadyPending);
		let product = Products::<T>::get(cover.product_id).defensive_ok_or(Error::<T>::Corrupt)?;
		let now = Self::now();
		// The claim window is the one the cover was sold with: `update_product` changes no
		// cover already sold.
		ensure!(now >= cover.start && now <= cover.claim_until, Error::<T>::OutsideClaimWindow);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount <= cover.remaining, Error::<T>::ClaimExceedsRemaining);
		let mut pool = Pools::<T>::get(product.pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		pool.pending_claims =
			pool.pending_claims.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let claim_id = NextClaimId::<T>::get();
		let next_claim_id = claim_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let lapses_at =
			now.checked_add(&T::ClaimDecisionPeriod::get()).ok_or(Error::<T>::Overflow)?;

		let deposit = Self::claim_deposit(amount);
		T::Currency::hold(&HoldReason::ClaimDeposit.into(), who, deposit)?;

		cover.pending_claim = Some(claim_id);
		Covers::<T>::insert(cover_id, cover);
		Pools::<T>::insert(product.pool_id, pool);
		Claims::<T>::insert(
			claim_id,
			Claim {
				cover_id,
				claimant: who.clone(),
				amount,
				deposit,
				lapses_at,
				evidence,
				status: ClaimStatus::Pending,
			},
		);
		NextClaimId::<T>::put(next_claim_id);
		Self::deposit_event(Event::ClaimSubmitted {
			claim_id,
			cover_id,
			claimant: who.clone(),
			amount,
			deposit,
			lapses_at,
		});
		Ok(())
	}

	/// The deposit a claim of `amount` holds: `ClaimDeposit + ClaimDepositRate * amount`, at
	/// most `MaxClaimDeposit` (and never less than `ClaimDeposit`).
	pub fn claim_deposit(amount: BalanceOf<T>) -> BalanceOf<T> {
		let base = T::ClaimDeposit::get();
		base.saturating_add(T::ClaimDepositRate::get().mul_ceil(amount))
			.min(T::MaxClaimDeposit::get().max(base))
	}

	/// Read a claim with its cover, product and pool, the claim taken off the books of the cover
	/// and the pool in memory. The caller checks the claim's stage, writes the records and
	/// removes the claim.
	fn take_claim(claim_id: ClaimId) -> Result<ClaimInContext<T>, DispatchError> {
		let claim = Claims::<T>::get(claim_id).ok_or(Error::<T>::ClaimNotFound)?;
		Self::claim_in_context(claim_id, claim)
	}

	/// `take_claim` for claim `claim_id` already read (`claim`), so that a caller that checked
	/// it first does not read it twice.
	fn claim_in_context(
		claim_id: ClaimId,
		claim: ClaimOf<T>,
	) -> Result<ClaimInContext<T>, DispatchError> {
		let mut cover = Covers::<T>::get(claim.cover_id).defensive_ok_or(Error::<T>::Corrupt)?;
		let product = Products::<T>::get(cover.product_id).defensive_ok_or(Error::<T>::Corrupt)?;
		let pool = Pools::<T>::get(product.pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		if cover.pending_claim != Some(claim_id) {
			defensive!("a claim is not the pending claim of its cover");
			return Err(Error::<T>::Corrupt.into());
		}
		cover.pending_claim = None;
		let mut pool: PoolOf<T> = pool;
		pool.pending_claims = pool
			.pending_claims
			.checked_sub(&claim.amount)
			.defensive_ok_or(Error::<T>::Corrupt)?;
		Ok(ClaimInContext { claim, cover, product, pool })
	}

	/// Check that `claim` awaits the council: pending, and before its `lapses_at` to be decided
	/// (`lapsed == false`), or from it to lapse (`lapsed == true`).
	fn ensure_pending(claim: &ClaimOf<T>, lapsed: bool) -> DispatchResult {
		ensure!(claim.status == ClaimStatus::Pending, Error::<T>::ClaimNotPending);
		if lapsed {
			ensure!(Self::now() >= claim.lapses_at, Error::<T>::ClaimNotLapsed);
		} else {
			ensure!(Self::now() < claim.lapses_at, Error::<T>::ClaimLapsed);
		}
		Ok(())
	}

	/// The length in blocks of a slot of the large-claim window: `ceil(LargeClaimWindow /
	/// (PAYOUT_SLOTS - 1))`, so that the slots kept always reach back `LargeClaimWindow` blocks.
	pub(crate) fn payout_slot_length() -> BlockNumberFor<T> {
		let window = T::LargeClaimWindow::get();
		let slots: BlockNumberFor<T> = (PAYOUT_SLOTS as u32 - 1).into();
		window
			.saturating_add(slots.saturating_sub(One::one()))
			.checked_div(&slots)
			.map_or_else(One::one, |length| length.max(One::one()))
	}

	/// Slide the pool's large-claim window to `now`: slots older than the window drop out.
	pub(crate) fn slide_payout_window(pool: &mut PoolOf<T>, now: BlockNumberFor<T>) {
		let slot = now / Self::payout_slot_length();
		if slot > pool.payouts.slot {
			let shift: usize = slot.saturating_sub(pool.payouts.slot).saturated_into();
			pool.payouts.shift(shift);
			pool.payouts.slot = slot;
		}
	}

	/// Record `amount` as paid or committed by the pool now, in the window slid to now.
	fn commit_payout(pool: &mut PoolOf<T>, amount: BalanceOf<T>) {
		pool.payouts.committed[0] = pool.payouts.committed[0].saturating_add(amount);
	}

	/// Check that a decision committing `amount` of the pool (a payout, an incident's reserve)
	/// may be taken by an origin that `large_allowed` or not: everything the pool paid or
	/// committed within its large-claim window, with `amount`, must stay within the large-claim
	/// threshold, unless the origin is `LargeClaimOrigin`. The window is slid to now.
	fn ensure_within_threshold(
		pool: &PoolOf<T>,
		amount: BalanceOf<T>,
		large_allowed: bool,
	) -> DispatchResult {
		ensure!(
			large_allowed
				|| pool.payouts.total().saturating_add(amount) <= Self::large_claim_threshold(pool),
			Error::<T>::RequiresLargeClaimOrigin
		);
		Ok(())
	}

	/// The pool's large-claim threshold: `large_claim_threshold * capital`.
	fn large_claim_threshold(pool: &PoolOf<T>) -> BalanceOf<T> {
		pool.params.large_claim_threshold.mul_floor(pool.capital)
	}

	/// Pay `payout` on `cover` from the pool to the cover's owner, as much of it as the capital
	/// and the held withdrawals allow (see `draw`); what is paid leaves the cover's remaining
	/// and the active cover of the pool and the product. Returns what was paid; the caller
	/// writes the records and reports a shortfall (`report_shortfall`). `payout` is at most the
	/// cover's remaining, and the pool's earnings are accrued to this block.
	fn pay_out(
		pool_id: PoolId,
		pool: &mut PoolOf<T>,
		cover: &mut CoverOf<T>,
		payout: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let paid = Self::draw(pool_id, pool, &cover.owner, payout)?;
		Self::use_cover(pool_id, pool, cover, paid)?;
		Ok(paid)
	}

	/// Pay `payout` from the pool to `to`, as much of it as the capital allows and, past it, the
	/// held withdrawals: the loss is shared pro rata by every share of the pool in O(1). A
	/// payout that takes all the capital depletes the pool. Returns what was paid. The pool's
	/// earnings are accrued to this block.
	fn draw(
		pool_id: PoolId,
		pool: &mut PoolOf<T>,
		to: &T::AccountId,
		payout: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let from_capital = payout.min(pool.capital);
		// Held withdrawals pay only what the capital cannot: they held back their share of
		// what was pending, which a short pool needs.
		let drawn = payout.saturating_sub(from_capital).min(pool.holding.value);
		let paid = from_capital.saturating_add(drawn);

		// Bonded and unbonding shares bear the loss pro rata to their capital. The unbonding
		// part is rounded up: the bonded capital then stays above zero unless the payout took
		// everything, so rounding never ends the era of bonded shares (which still earn), only
		// at worst that of unbonding shares worth less than a unit (which earn nothing).
		if !from_capital.is_zero() {
			let unbonding_loss =
				Self::mul_div(from_capital, pool.unbonding_capital, pool.capital, Rounding::Up)?
					.min(pool.unbonding_capital);
			pool.unbonding_capital = pool.unbonding_capital.saturating_sub(unbonding_loss);
		}
		pool.capital = pool.capital.saturating_sub(from_capital);
		// Every hold bears its leaver's share of this when released.
		pool.holding.paid_out = pool.holding.paid_out.saturating_add(from_capital);
		if !drawn.is_zero() {
			pool.holding.value = pool.holding.value.saturating_sub(drawn);
			if pool.holding.value.is_zero() {
				// The holds in issue are worth nothing: their era ends.
				pool.holding.units = Zero::zero();
				pool.holding.era = pool.holding.era.checked_add(1).ok_or(Error::<T>::Overflow)?;
			}
		}
		if !payout.is_zero() && pool.capital.is_zero() {
			// The payout emptied the pool: it stays closed to stakes and sales until governance
			// reopens it, once every cover sold before has run off (`reopen_pool`).
			pool.depleted = true;
		}
		Self::end_empty_eras(pool)?;
		Self::pay_from_pool(pool_id, to, paid)?;
		Ok(paid)
	}

	/// Take `used` out of what `cover` has left, and out of the active cover of its pool and
	/// its product unless it has expired: it was paid, or owed by a short pool.
	fn use_cover(
		pool_id: PoolId,
		pool: &mut PoolOf<T>,
		cover: &mut CoverOf<T>,
		used: BalanceOf<T>,
	) -> DispatchResult {
		cover.remaining =
			cover.remaining.checked_sub(&used).defensive_ok_or(Error::<T>::Corrupt)?;
		if Self::unbook_expiry(
			ExpiryOwner::Pool(pool_id),
			pool.expired_through,
			cover.claim_until,
			used,
		)? {
			pool.active_cover =
				pool.active_cover.checked_sub(&used).defensive_ok_or(Error::<T>::Corrupt)?;
		}
		let book = Self::book_mut(pool, cover.product_id)?;
		if Self::unbook_expiry(
			ExpiryOwner::Product(cover.product_id),
			book.expired_through,
			cover.claim_until,
			used,
		)? {
			book.active_cover =
				book.active_cover.checked_sub(&used).defensive_ok_or(Error::<T>::Corrupt)?;
		}
		Ok(())
	}

	/// Transfer `amount` from pool `pool_id`'s account to `to`, if it is not zero.
	fn pay_from_pool(pool_id: PoolId, to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::transfer(
				&Self::pool_account(pool_id),
				to,
				amount,
				Preservation::Preserve,
			)?;
		}
		Ok(())
	}

	/// Report what a payout of `payout` left unpaid, if anything (`PoolDepleted`).
	fn report_shortfall(pool_id: PoolId, payout: BalanceOf<T>, paid: BalanceOf<T>) {
		let shortfall = payout.saturating_sub(paid);
		if !shortfall.is_zero() {
			Self::deposit_event(Event::PoolDepleted { pool_id, shortfall });
		}
	}

	/// Approve claim `claim_id` with `payout`; `large_allowed` if the origin may approve
	/// payouts above the pool's large-claim threshold.
	pub(crate) fn do_approve_claim(
		claim_id: ClaimId,
		payout: BalanceOf<T>,
		large_allowed: bool,
	) -> DispatchResult {
		let ClaimInContext { claim, mut cover, product, mut pool } = Self::take_claim(claim_id)?;
		Self::ensure_pending(&claim, false)?;
		ensure!(payout <= claim.amount, Error::<T>::PayoutExceedsClaim);
		// The threshold applies to everything paid on the cover, and to everything the pool
		// paid or committed in its window: a large loss cannot be approved in instalments, on
		// one cover or on several, nor beside incidents.
		let now = Self::now();
		Self::slide_payout_window(&mut pool, now);
		// What was earned until now belongs to the stakers before the loss is shared, and
		// counts in the threshold.
		Self::accrue(&mut pool, now)?;
		let paid_on_cover = cover.amount.saturating_sub(cover.remaining);
		ensure!(
			large_allowed
				|| paid_on_cover.saturating_add(payout) <= Self::large_claim_threshold(&pool),
			Error::<T>::RequiresLargeClaimOrigin
		);
		Self::ensure_within_threshold(&pool, payout, large_allowed)?;
		let pool_id = product.pool_id;
		let paid = Self::pay_out(pool_id, &mut pool, &mut cover, payout)?;
		Self::commit_payout(&mut pool, paid);
		Self::release_deposit(&claim)?;

		Claims::<T>::remove(claim_id);
		Covers::<T>::insert(claim.cover_id, cover);
		Pools::<T>::insert(pool_id, pool);
		Self::deposit_event(Event::ClaimApproved { claim_id, payout: paid });
		Self::report_shortfall(pool_id, payout, paid);
		Ok(())
	}

	/// Reject claim `claim_id`: it waits `AppealPeriod` blocks for an appeal, still counted as
	/// pending and its deposit held; with no appeal period the rejection is final at once.
	pub(crate) fn do_reject_claim(claim_id: ClaimId) -> DispatchResult {
		let mut claim = Claims::<T>::get(claim_id).ok_or(Error::<T>::ClaimNotFound)?;
		Self::ensure_pending(&claim, false)?;
		let now = Self::now();
		let appeal_until = now.checked_add(&T::AppealPeriod::get()).ok_or(Error::<T>::Overflow)?;
		Self::deposit_event(Event::ClaimRejected { claim_id, appeal_until });
		if appeal_until == now {
			return Self::settle_rejection(claim_id, claim);
		}
		claim.status = ClaimStatus::Rejected { appeal_until };
		Claims::<T>::insert(claim_id, claim);
		Ok(())
	}

	/// Appeal the rejection of claim `claim_id` for its claimant `who`, holding the appeal
	/// deposit.
	pub(crate) fn do_appeal_claim(who: &T::AccountId, claim_id: ClaimId) -> DispatchResult {
		let mut claim = Claims::<T>::get(claim_id).ok_or(Error::<T>::ClaimNotFound)?;
		ensure!(&claim.claimant == who, Error::<T>::NotClaimant);
		let ClaimStatus::Rejected { appeal_until } = claim.status else {
			return Err(Error::<T>::ClaimNotRejected.into());
		};
		let now = Self::now();
		ensure!(now < appeal_until, Error::<T>::AppealWindowClosed);
		let deposit = Self::appeal_deposit(claim.deposit);
		T::Currency::hold(&HoldReason::AppealDeposit.into(), who, deposit)?;
		// The appeal's own referendum, paying the amount claimed: nobody else chooses its call.
		let referendum = T::Appeals::submit(who, claim_id)?;
		claim.status = ClaimStatus::Appealed { deposit, referendum, appealed_at: now };
		Claims::<T>::insert(claim_id, claim);
		Self::deposit_event(Event::ClaimAppealed { claim_id, deposit, referendum });
		Ok(())
	}

	/// The deposit an appeal against the rejection of a claim holding `claim_deposit` holds:
	/// `AppealDepositMultiplier` times it.
	pub fn appeal_deposit(claim_deposit: BalanceOf<T>) -> BalanceOf<T> {
		claim_deposit.saturating_mul(T::AppealDepositMultiplier::get().into())
	}

	/// Uphold the appeal of claim `claim_id`, once its own referendum is approved: pay the
	/// amount claimed as an approval would (no large-claim threshold: the token holders
	/// decided) and release both deposits.
	pub(crate) fn do_uphold_appeal(claim_id: ClaimId) -> DispatchResult {
		let claim = Claims::<T>::get(claim_id).ok_or(Error::<T>::ClaimNotFound)?;
		let ClaimStatus::Appealed { referendum, .. } = claim.status else {
			return Err(Error::<T>::ClaimNotAppealed.into());
		};
		ensure!(
			T::Appeals::status(referendum) == AppealStatus::Approved,
			Error::<T>::AppealNotApproved
		);
		Self::pay_appeal(claim_id, claim)
	}

	/// Pay appealed claim `claim_id` (`claim`, as read by the caller), its referendum approved.
	fn pay_appeal(claim_id: ClaimId, claim: ClaimOf<T>) -> DispatchResult {
		let ClaimInContext { claim, mut cover, product, mut pool } =
			Self::claim_in_context(claim_id, claim)?;
		let ClaimStatus::Appealed { deposit, .. } = claim.status else {
			defensive!("an appeal paid that is not appealed");
			return Err(Error::<T>::Corrupt.into());
		};
		let payout = claim.amount;
		let now = Self::now();
		Self::slide_payout_window(&mut pool, now);
		Self::accrue(&mut pool, now)?;
		let pool_id = product.pool_id;
		let paid = Self::pay_out(pool_id, &mut pool, &mut cover, payout)?;
		// No threshold applies, but the payout counts against the next decisions'.
		Self::commit_payout(&mut pool, paid);
		Self::release_deposit(&claim)?;
		T::Currency::release(
			&HoldReason::AppealDeposit.into(),
			&claim.claimant,
			deposit,
			Precision::BestEffort,
		)?;

		Claims::<T>::remove(claim_id);
		Covers::<T>::insert(claim.cover_id, cover);
		Pools::<T>::insert(pool_id, pool);
		Self::deposit_event(Event::AppealUpheld { claim_id, payout: paid });
		Self::report_shortfall(pool_id, payout, paid);
		Ok(())
	}

	/// Close claim `claim_id`, rejected and past its appeal window, or appealed and its
	/// referendum ended: approved (its call did not run), the appeal is upheld; otherwise the
	/// rejection is final.
	pub(crate) fn do_close_claim(claim_id: ClaimId) -> DispatchResult {
		let claim = Claims::<T>::get(claim_id).ok_or(Error::<T>::ClaimNotFound)?;
		match claim.status {
			ClaimStatus::Pending => Err(Error::<T>::ClaimNotClosable.into()),
			ClaimStatus::Rejected { appeal_until } => {
				ensure!(Self::now() >= appeal_until, Error::<T>::ClaimNotClosable);
				Self::settle_rejection(claim_id, claim)
			},
			ClaimStatus::Appealed { referendum, .. } => match T::Appeals::status(referendum) {
				AppealStatus::Ongoing => Err(Error::<T>::ClaimNotClosable.into()),
				AppealStatus::Approved => Self::pay_appeal(claim_id, claim),
				AppealStatus::Ended => Self::settle_rejection(claim_id, claim),
			},
		}
	}

	/// Make the rejection of claim `claim_id` (`claim`, as read by the caller) final: slash its
	/// deposits (the claim's, and the appeal's if it was appealed) into the pool, where the
	/// bonded shares earn them over the next full expiry bucket, like a premium, so that no one
	/// can stake in front of a rejection and take them; and stop counting the claimed amount as
	/// pending.
	fn settle_rejection(claim_id: ClaimId, claim: ClaimOf<T>) -> DispatchResult {
		let ClaimInContext { claim, cover, product, mut pool } =
			Self::claim_in_context(claim_id, claim)?;
		let now = Self::now();
		// What was earned until now joins the capital before the rate changes.
		Self::accrue(&mut pool, now)?;
		let account = Self::pool_account(product.pool_id);
		let slash = |reason: HoldReason, amount| {
			T::Currency::transfer_on_hold(
				&reason.into(),
				&claim.claimant,
				&account,
				amount,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)
		};
		let mut slashed = slash(HoldReason::ClaimDeposit, claim.deposit)?;
		if let ClaimStatus::Appealed { deposit, .. } = claim.status {
			let appeal = slash(HoldReason::AppealDeposit, deposit)?;
			slashed = slashed.checked_add(&appeal).ok_or(Error::<T>::Overflow)?;
		}
		let bucket = Self::expiry_bucket(now.saturating_add(T::ExpiryBucketLength::get()));
		Self::earn_until(product.pool_id, &mut pool, slashed, bucket)?;
		Claims::<T>::remove(claim_id);
		Covers::<T>::insert(claim.cover_id, cover);
		Pools::<T>::insert(product.pool_id, pool);
		Self::deposit_event(Event::ClaimClosed { claim_id, cover_id: claim.cover_id, slashed });
		Ok(())
	}

	/// Give a claim's deposit back to the claimant (on approval, an upheld appeal or a lapse).
	fn release_deposit(claim: &ClaimOf<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::ClaimDeposit.into(),
			&claim.claimant,
			claim.deposit,
			Precision::BestEffort,
		)
		.map(|_| ())
	}

	/// Lapse claim `claim_id`, past its `lapses_at`: release its deposit and unlock what it
	/// claimed.
	pub(crate) fn do_lapse_claim(claim_id: ClaimId) -> DispatchResult {
		let ClaimInContext { claim, cover, product, pool } = Self::take_claim(claim_id)?;
		Self::ensure_pending(&claim, true)?;
		Self::release_deposit(&claim)?;
		Claims::<T>::remove(claim_id);
		Covers::<T>::insert(claim.cover_id, cover);
		Pools::<T>::insert(product.pool_id, pool);
		Self::deposit_event(Event::ClaimLapsed { claim_id, cover_id: claim.cover_id });
		Ok(())
	}
}

/// Incidents, depleted pools and ended covers.
impl<T: Config> Pallet<T> {
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

	/// Remove a cover whose claim window has closed, with no claim pending, once its expiry
	/// bucket is rolled for its pool and its product (it no longer counts as active anywhere).
	pub(crate) fn do_reap_cover(cover_id: CoverId) -> DispatchResult {
		let cover = Covers::<T>::get(cover_id).ok_or(Error::<T>::CoverNotFound)?;
		ensure!(cover.pending_claim.is_none(), Error::<T>::ClaimAlreadyPending);
		let product = Products::<T>::get(cover.product_id).defensive_ok_or(Error::<T>::Corrupt)?;
		let pool = Pools::<T>::get(product.pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		let bucket = Self::expiry_bucket(cover.claim_until);
		let now = Self::now();
		ensure!(
			now > cover.claim_until
				&& bucket <= pool.expired_through
				&& bucket <= Self::book(&pool, cover.product_id)?.expired_through,
			Error::<T>::CoverNotExpired
		);
		// A cover that an open incident could still pay stays until the incident closes: its
		// owner has until then to redeem it.
		let redeemed = Redemptions::<T>::get(cover_id);
		for open in ProductIncidents::<T>::get(cover.product_id) {
			ensure!(
				now >= open.closes_at
					|| !Self::hits(open.occurred_at, open.declared_at, &cover)
					|| redeemed.contains(&open.incident_id),
				Error::<T>::CoverRedeemable
			);
		}
		Covers::<T>::remove(cover_id);
		Redemptions::<T>::remove(cover_id);
		Self::deposit_event(Event::CoverReaped { cover_id });
		Ok(())
	}
}

/// Incidents: one ruling pays every cover a product's incident hit.
impl<T: Config> Pallet<T> {
	/// Declare an incident on `product_id`; returns its id. `large_allowed` if the origin may
	/// reserve more than the pool's large-claim threshold.
	pub(crate) fn do_declare_incident(
		product_id: ProductId,
		occurred_at: BlockNumberFor<T>,
		ratio: Perbill,
		evidence: EvidenceOf<T>,
		large_allowed: bool,
	) -> Result<IncidentId, DispatchError> {
		let product = Products::<T>::get(product_id).ok_or(Error::<T>::ProductNotFound)?;
		let now = Self::now();
		// Before this block: a cover bought in this block, after the declaration, starts no
		// earlier than this block, so it cannot have been in force at the incident's block and
		// missing from the reserve.
		ensure!(occurred_at < now, Error::<T>::IncidentInFuture);
		ensure!(!ratio.is_zero(), Error::<T>::ZeroRatio);
		let pool_id = product.pool_id;
		let mut pool = Pools::<T>::get(pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		Self::slide_payout_window(&mut pool, now);
		Self::accrue(&mut pool, now)?;
		// Every cover the incident can pay holds capacity now: its claim window is open at the
		// declaration, so its expiry bucket is not rolled, and it was bought before this block.
		// The product's active cover is thus at least their remaining, and `ratio` of it at
		// least what they can be paid (`ratio` of what each has left, see `do_redeem_cover`).
		let reserved = ratio.mul_ceil(Self::book(&pool, product_id)?.active_cover);
		// The whole reserve is committed now, before anyone redeems: several incidents of one
		// simple majority add up as its payouts would.
		Self::ensure_within_threshold(&pool, reserved, large_allowed)?;
		Self::commit_payout(&mut pool, reserved);
		let incident_id = NextIncidentId::<T>::get();
		let next = incident_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut open = ProductIncidents::<T>::get(product_id);
		let closes_at = now
			.checked_add(&T::IncidentRedemptionPeriod::get())
			.ok_or(Error::<T>::Overflow)?;
		open.try_push(OpenIncident { incident_id, occurred_at, declared_at: now, closes_at })
			.map_err(|_| Error::<T>::TooManyIncidents)?;
		pool.pending_claims =
			pool.pending_claims.checked_add(&reserved).ok_or(Error::<T>::Overflow)?;
		pool.incidents.reserved =
			pool.incidents.reserved.checked_add(&reserved).ok_or(Error::<T>::Overflow)?;

		Incidents::<T>::insert(
			incident_id,
			Incident {
				product_id,
				pool_id,
				occurred_at,
				ratio,
				declared_at: now,
				closes_at,
				reserved,
				paid: Zero::zero(),
				redeemed: 0,
				evidence,
			},
		);
		ProductIncidents::<T>::insert(product_id, open);
		Pools::<T>::insert(pool_id, pool);
		NextIncidentId::<T>::put(next);
		Self::deposit_event(Event::IncidentDeclared {
			incident_id,
			product_id,
			pool_id,
			occurred_at,
			ratio,
			reserved,
			closes_at,
		});
		Ok(incident_id)
	}

	/// Whether `incident` hit `cover`: a cover of its product, in force at the incident's block,
	/// whose claim window was open at the declaration.
	pub(crate) fn is_affected(incident: &IncidentOf<T>, cover: &CoverOf<T>) -> bool {
		cover.product_id == incident.product_id
			&& Self::hits(incident.occurred_at, incident.declared_at, cover)
	}

	/// Whether an incident of the cover's product that happened at `occurred_at` and was
	/// declared at `declared_at` hit `cover`: in force at that block, its claim window open at
	/// the declaration.
	fn hits(
		occurred_at: BlockNumberFor<T>,
		declared_at: BlockNumberFor<T>,
		cover: &CoverOf<T>,
	) -> bool {
		cover.start <= occurred_at && occurred_at <= cover.end && cover.claim_until >= declared_at
	}

	/// What a redemption owed `owed` is due in `pool` now: `owed` times the pool's redemption
	/// rate, `min(1, (capital + held + paid) / (reserved + owed))` of its `incidents` book,
	/// rounded down. Every redemption and top-up at the rate leaves the rate as it was: each
	/// moves what it pays from the capital (or the holds) to the book's `paid`, and what it is
	/// owed from an incident's reserve to the book's `owed` or, paid in full, out of both.
	pub(crate) fn redemption_due(
		pool: &PoolOf<T>,
		owed: BalanceOf<T>,
	) -> Result<BalanceOf<T>, Error<T>> {
		let book = &pool.incidents;
		let assets = pool.capital.saturating_add(pool.holding.value).saturating_add(book.paid);
		let claims = book.reserved.saturating_add(book.owed);
		if assets >= claims {
			Ok(owed)
		} else {
			Self::mul_div(owed, assets, claims, Rounding::Down)
		}
	}

	/// Pay cover `cover_id` in incident `incident_id`.
	pub(crate) fn do_redeem_cover(incident_id: IncidentId, cover_id: CoverId) -> DispatchResult {
		let mut incident = Incidents::<T>::get(incident_id).ok_or(Error::<T>::IncidentNotFound)?;
		let now = Self::now();
		ensure!(now < incident.closes_at, Error::<T>::RedemptionClosed);
		let mut cover = Covers::<T>::get(cover_id).ok_or(Error::<T>::CoverNotFound)?;
		ensure!(Self::is_affected(&incident, &cover), Error::<T>::CoverNotAffected);
		let mut redeemed = Redemptions::<T>::get(cover_id);
		ensure!(!redeemed.contains(&incident_id), Error::<T>::AlreadyRedeemed);
		ensure!(cover.pending_claim.is_none(), Error::<T>::ClaimAlreadyPending);
		// `ratio` of what the cover has left (its amount less what earlier claims and incidents
		// paid or owe on it): never more than the declaration reserved for it.
		let owed = incident.ratio.mul_floor(cover.remaining);
		ensure!(!owed.is_zero(), Error::<T>::NothingToRedeem);
		// Only the product's open incidents are kept, this one among them: the list fits.
		let open = ProductIncidents::<T>::get(cover.product_id);
		redeemed.retain(|id| open.iter().any(|open| open.incident_id == *id));
		redeemed.try_push(incident_id).map_err(|_| {
			defensive!("a cover redeemed in more incidents than its product has open");
			Error::<T>::Corrupt
		})?;

		let pool_id = incident.pool_id;
		let mut pool = Pools::<T>::get(pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		Self::slide_payout_window(&mut pool, now);
		Self::accrue(&mut pool, now)?;
		// At the pool's redemption rate, which counts what this redemption is owed in the
		// reserves.
		let due = Self::redemption_due(&pool, owed)?;
		// What is owed comes out of the reserve, which holds `ratio` of what every cover it can
		// pay had left at the declaration (and covers only ever have less left since).
		if owed > incident.reserved {
			defensive!("an incident owes more than it reserved");
		}
		let released = owed.min(incident.reserved);
		incident.reserved = incident.reserved.saturating_sub(released);
		pool.incidents.reserved = pool
			.incidents
			.reserved
			.checked_sub(&released)
			.defensive_ok_or(Error::<T>::Corrupt)?;
		pool.pending_claims = pool
			.pending_claims
			.checked_sub(&released)
			.defensive_ok_or(Error::<T>::Corrupt)?;
		let paid = Self::draw(pool_id, &mut pool, &cover.owner, due)?;
		// Everything owed leaves the cover: what is not paid now is the shortfall's.
		Self::use_cover(pool_id, &mut pool, &mut cover, owed)?;
		// The reserve was committed at the declaration; only what it did not hold adds now.
		Self::commit_payout(&mut pool, paid.saturating_sub(released));
		incident.paid = incident.paid.checked_add(&paid).ok_or(Error::<T>::Overflow)?;
		incident.redeemed = incident.redeemed.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let short = owed.saturating_sub(paid);
		if !short.is_zero() {
			// Still owed, and pending: a leaver holds back its share of it.
			pool.pending_claims =
				pool.pending_claims.checked_add(&short).ok_or(Error::<T>::Overflow)?;
			let book = &mut pool.incidents;
			book.owed = book.owed.checked_add(&owed).ok_or(Error::<T>::Overflow)?;
			book.paid = book.paid.checked_add(&paid).ok_or(Error::<T>::Overflow)?;
			let shortfall =
				Shortfall { pool_id, owner: cover.owner.clone(), owed, paid, era: book.era };
			Shortfalls::<T>::insert(incident_id, cover_id, shortfall);
		}

		let owner = cover.owner.clone();
		Incidents::<T>::insert(incident_id, incident);
		Redemptions::<T>::insert(cover_id, redeemed);
		Covers::<T>::insert(cover_id, cover);
		Pools::<T>::insert(pool_id, pool);
		Self::deposit_event(Event::CoverRedeemed { incident_id, cover_id, owner, payout: paid });
		if !short.is_zero() {
			Self::deposit_event(Event::RedemptionShortPaid { incident_id, cover_id, owed, paid });
		}
		Ok(())
	}

	/// Pay the short-paid redemption of `cover_id` in `incident_id` up to its pool's redemption
	/// rate now, or remove it if it was written off.
	pub(crate) fn do_top_up(incident_id: IncidentId, cover_id: CoverId) -> DispatchResult {
		let mut shortfall =
			Shortfalls::<T>::get(incident_id, cover_id).ok_or(Error::<T>::NoShortfall)?;
		let pool_id = shortfall.pool_id;
		let mut pool = Pools::<T>::get(pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		if shortfall.era != pool.incidents.era {
			// Written off when the pool was reopened: nothing is owed on it any more.
			Shortfalls::<T>::remove(incident_id, cover_id);
			Self::deposit_event(Event::ShortfallRemoved { incident_id, cover_id });
			return Ok(());
		}
		// What was earned until now belongs to the stakers before the capital changes, and
		// raises the rate.
		Self::accrue(&mut pool, Self::now())?;
		let due = Self::redemption_due(&pool, shortfall.owed)?.saturating_sub(shortfall.paid);
		// The reserve it was owed from was committed to the large-claim window at the
		// declaration: the top-up commits nothing more.
		let paid = Self::draw(pool_id, &mut pool, &shortfall.owner, due)?;
		ensure!(!paid.is_zero(), Error::<T>::NothingToTopUp);
		pool.pending_claims =
			pool.pending_claims.checked_sub(&paid).defensive_ok_or(Error::<T>::Corrupt)?;
		shortfall.paid = shortfall.paid.checked_add(&paid).ok_or(Error::<T>::Overflow)?;
		let book = &mut pool.incidents;
		book.paid = book.paid.checked_add(&paid).ok_or(Error::<T>::Overflow)?;
		let outstanding = shortfall.owed.saturating_sub(shortfall.paid);
		if outstanding.is_zero() {
			// Paid in full: out of the book.
			book.owed =
				book.owed.checked_sub(&shortfall.owed).defensive_ok_or(Error::<T>::Corrupt)?;
			book.paid =
				book.paid.checked_sub(&shortfall.owed).defensive_ok_or(Error::<T>::Corrupt)?;
			Shortfalls::<T>::remove(incident_id, cover_id);
		} else {
			Shortfalls::<T>::insert(incident_id, cover_id, &shortfall);
		}
		Pools::<T>::insert(pool_id, pool);
		Self::deposit_event(Event::ShortfallToppedUp {
			incident_id,
			cover_id,
			owner: shortfall.owner,
			amount: paid,
			outstanding,
		});
		Ok(())
	}

	/// Close incident `incident_id` after its redemption period: free what it still reserves.
	pub(crate) fn do_close_incident(incident_id: IncidentId) -> DispatchResult {
		let incident = Incidents::<T>::get(incident_id).ok_or(Error::<T>::IncidentNotFound)?;
		ensure!(Self::now() >= incident.closes_at, Error::<T>::RedemptionOpen);
		let mut pool = Pools::<T>::get(incident.pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		pool.pending_claims = pool
			.pending_claims
			.checked_sub(&incident.reserved)
			.defensive_ok_or(Error::<T>::Corrupt)?;
		pool.incidents.reserved = pool
			.incidents
			.reserved
			.checked_sub(&incident.reserved)
			.defensive_ok_or(Error::<T>::Corrupt)?;
		let mut open = ProductIncidents::<T>::get(incident.product_id);
		open.retain(|open| open.incident_id != incident_id);
		if open.is_empty() {
			ProductIncidents::<T>::remove(incident.product_id);
		} else {
			ProductIncidents::<T>::insert(incident.product_id, open);
		}
		Incidents::<T>::remove(incident_id);
		Pools::<T>::insert(incident.pool_id, pool);
		Self::deposit_event(Event::IncidentClosed { incident_id, released: incident.reserved });
		Ok(())
	}
}

/// The functions behind the `MutualPoolApi` runtime API. They read state and never write it.
impl<T: Config> Pallet<T> {
	/// The premium `buy_cover(product_id, amount, period, _)` would charge now, or the error
	/// it would fail with. Like `buy_cover`, it prices from the stored active cover, so a
	/// purchase in the same block charges exactly the quote.
	pub fn quote(
		product_id: ProductId,
		amount: BalanceOf<T>,
		period: BlockNumberFor<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let product = Products::<T>::get(product_id).ok_or(Error::<T>::ProductNotFound)?;
		let pool = Pools::<T>::get(product.pool_id).defensive_ok_or(Error::<T>::Corrupt)?;
		let pool = Self::accrued(pool);
		Self::quote_cover(&pool, product_id, &product, amount, period, Self::now())
			.map(|quote| quote.premium)
	}

	/// The figures of a pool, as stored: the ones `buy_cover` prices from. Cover whose expiry
	/// bucket is due but not yet rolled still counts as active until `on_idle` or
	/// `roll_expiries` rolls it.
	pub fn pool_status(pool_id: PoolId) -> Option<PoolStatus<BalanceOf<T>>> {
		let pool = Self::accrued(Pools::<T>::get(pool_id)?);
		let capacity = Self::capacity(&pool);
		let bonded_capacity = Self::selling_capacity(&pool, Self::now());
		let owed = pool.active_cover.saturating_add(pool.pending_claims);
		Some(PoolStatus {
			capital: pool.capital,
			total_shares: pool.total_shares,
			share_price: FixedU128::checked_from_rational(
				Self::bonded_capital(&pool),
				pool.total_shares,
			)
			.unwrap_or_else(FixedU128::one),
			unearned_premiums: pool.earnings.unearned,
			active_cover: pool.active_cover,
			capacity,
			bonded_capacity,
			// Cover without any capacity behind it is infinitely utilized.
			utilization: FixedU128::checked_from_rational(owed, bonded_capacity).unwrap_or_else(
				|| {
					if owed.is_zero() {
						FixedU128::zero()
					} else {
						<FixedU128 as sp_runtime::traits::Bounded>::max_value()
					}
				},
			),
			pending_claims: pool.pending_claims,
			solvency_ratio: FixedU128::checked_from_rational(capacity, owed),
		})
	}

	/// What is open in a pool: every claim still in storage (pending, rejected in its appeal
	/// window, or appealed) and every incident not yet closed, each with its deadline, in id
	/// order; `None` if there is no such pool. It reads every claim and incident of the chain:
	/// for clients, never for calls.
	pub fn agenda(pool_id: PoolId) -> Option<AgendaOf<T>> {
		if !Pools::<T>::contains_key(pool_id) {
			return None;
		}
		let mut claims: alloc::vec::Vec<_> = Claims::<T>::iter()
			.filter_map(|(claim_id, claim)| {
				let product_id = Covers::<T>::get(claim.cover_id)?.product_id;
				(Products::<T>::get(product_id)?.pool_id == pool_id).then(|| ClaimAgenda {
					claim_id,
					cover_id: claim.cover_id,
					product_id,
					deadline: claim.deadline(T::AppealDecisionPeriod::get()),
					claimant: claim.claimant,
					amount: claim.amount,
					deposit: claim.deposit,
					status: claim.status,
				})
			})
			.collect();
		claims.sort_by_key(|claim| claim.claim_id);
		let mut incidents: alloc::vec::Vec<_> = Incidents::<T>::iter()
			.filter(|(_, incident)| incident.pool_id == pool_id)
			.map(|(incident_id, incident)| IncidentAgenda {
				incident_id,
				product_id: incident.product_id,
				occurred_at: incident.occurred_at,
				ratio: incident.ratio,
				reserved: incident.reserved,
				paid: incident.paid,
				redeemed: incident.redeemed,
				closes_at: incident.closes_at,
			})
			.collect();
		incidents.sort_by_key(|incident| incident.incident_id);
		Some(Agenda { claims, incidents })
	}

	/// A staker's position in a pool, valued at the current share prices of bonded and
	/// unbonding shares, with the premiums earned until now.
	pub fn position(
		pool_id: PoolId,
		who: &T::AccountId,
	) -> Option<Position<BalanceOf<T>, BlockNumberFor<T>>> {
		let pool = Self::accrued(Pools::<T>::get(pool_id)?);
		let staker = Self::settled(&pool, Stakers::<T>::get(who, pool_id)?);
		if staker.shares.is_zero() && staker.unbonding.is_zero() {
			return None;
		}
		let bonded = Self::bonded_value(&pool, staker.shares).unwrap_or_default();
		let unbonding_value = Self::withdrawal_value(&pool, staker.unbonding).unwrap_or_default();
		Some(Position {
			shares: staker.shares,
			value: bonded.saturating_add(unbonding_value),
			unbonding_shares: staker.unbonding,
			unbonding_value,
			unlock_at: (!staker.unbonding.is_zero()).then_some(staker.unlock_at),
		})
	}
}

/// The invariants: every running total recomputed from its parts.
#[cfg(any(feature = "try-runtime", feature = "runtime-benchmarks", test))]
impl<T: Config> Pallet<T> {
	/// Check every running total the pallet keeps against the records it sums.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		type Sums<K, B> = BTreeMap<K, B>;
		let add = |sum: &mut BalanceOf<T>, x: BalanceOf<T>| -> Result<(), &'static str> {
			*sum = sum.checked_add(&x).ok_or("a running total overflows")?;
			Ok(())
		};

		// Bonded and unbonding shares per pool, from the staker records.
		let mut shares: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		let mut unbonding: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		for (_, pool_id, stored) in Stakers::<T>::iter() {
			ensure!(
				!stored.shares.is_zero() || !stored.unbonding.is_zero(),
				"a staker record holds no shares"
			);
			let pool = Pools::<T>::get(pool_id).ok_or("a staker of a missing pool")?;
			ensure!(
				stored.era <= pool.era && stored.unbonding_era <= pool.unbonding_era,
				"a staker record of an era to come"
			);
			// Shares of ended eras are worth nothing and count in no total.
			let staker = Self::settled(&pool, stored);
			add(shares.entry(pool_id).or_default(), staker.shares)?;
			add(unbonding.entry(pool_id).or_default(), staker.unbonding)?;
		}

		// Stakes still warming up per pool and epoch, from the stakers' records, each slid to
		// its pool's epoch now: each staker warms up only what it bonded, and the pool's record
		// is their sum.
		let now = frame_system::Pallet::<T>::block_number();
		let target = |pool: &PoolOf<T>| {
			Self::warmup_epoch(now)
				.map_or(pool.warming.epoch, |epoch| epoch.max(pool.warming.epoch))
		};
		let mut warming: Sums<PoolId, [BalanceOf<T>; 2]> = BTreeMap::new();
		for (who, pool_id, mut mine) in Warmups::<T>::iter() {
			ensure!(Stakers::<T>::contains_key(&who, pool_id), "a warm-up record of no staker");
			let pool = Pools::<T>::get(pool_id).ok_or("a warm-up in a missing pool")?;
			Self::slide_warming(&mut mine, target(&pool));
			let sum = warming.entry(pool_id).or_default();
			for (sum, staked) in sum.iter_mut().zip(mine.staked) {
				add(sum, staked)?;
			}
		}

		// Held units per pool, from the holds of each pool's current era.
		let mut hold_units: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		for (_, pool_id, hold) in Holds::<T>::iter() {
			let pool = Pools::<T>::get(pool_id).ok_or("a hold in a missing pool")?;
			ensure!(hold.era <= pool.holding.era, "a hold of an era to come");
			ensure!(hold.exposure <= hold.capital, "a hold exposed beyond its pool's capital");
			ensure!(hold.paid_out <= pool.holding.paid_out, "a hold of payouts to come");
			if hold.era == pool.holding.era {
				ensure!(!hold.units.is_zero(), "a hold of no units");
				add(hold_units.entry(pool_id).or_default(), hold.units)?;
			}
		}

		// Earning rates per pool, from the rates booked to stop with each bucket, and the
		// premium they will still earn: the unearned premiums must pay for all of it.
		let mut rates: Sums<PoolId, FixedU128> = BTreeMap::new();
		let mut to_earn: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		for (pool_id, bucket, rate) in EarningEnds::<T>::iter() {
			let pool = Pools::<T>::get(pool_id).ok_or("an earning rate of a missing pool")?;
			ensure!(!rate.is_zero(), "a zero earning rate is stored");
			ensure!(bucket > pool.expired_through, "the earning rate of a rolled bucket remains");
			let sum = rates.entry(pool_id).or_default();
			*sum = sum.checked_add(&rate).ok_or("earning rates overflow")?;
			let end = bucket.saturating_mul(T::ExpiryBucketLength::get());
			let blocks: BalanceOf<T> = end
				.saturating_sub(pool.earnings.accrued_through)
				.saturated_into::<u128>()
				.saturated_into();
			add(to_earn.entry(pool_id).or_default(), rate.saturating_mul_int(blocks))?;
		}

		// Active cover per pool and product, from the covers whose bucket is not rolled; and
		// pending claims per pool and held deposits per claimant, from the claims.
		let mut pool_active: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		let mut product_active: Sums<ProductId, BalanceOf<T>> = BTreeMap::new();
		let mut pending: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		let mut held: Sums<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut appeals_held: Sums<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut pending_covers = 0usize;
		for (cover_id, cover) in Covers::<T>::iter() {
			ensure!(cover_id < NextCoverId::<T>::get(), "a cover id was never given out");
			ensure!(cover.remaining <= cover.amount, "a cover has more left than it insured");
			let product = Products::<T>::get(cover.product_id).ok_or("a cover of no product")?;
			let pool = Pools::<T>::get(product.pool_id).ok_or("a product of no pool")?;
			ensure!(cover.claim_until >= cover.end, "a cover's claims close before it ends");
			let bucket = Self::expiry_bucket(cover.claim_until);
			if bucket > pool.expired_through {
				add(pool_active.entry(product.pool_id).or_default(), cover.remaining)?;
			}
			let book =
				Self::book(&pool, cover.product_id).map_err(|_| "a product without a book")?;
			if bucket > book.expired_through {
				add(product_active.entry(cover.product_id).or_default(), cover.remaining)?;
			}
			if let Some(claim_id) = cover.pending_claim {
				let claim = Claims::<T>::get(claim_id).ok_or("a cover's pending claim is gone")?;
				ensure!(claim.cover_id == cover_id, "a claim points at another cover");
				ensure!(claim.claimant == cover.owner, "a pending claim of a former owner");
				ensure!(claim.amount <= cover.remaining, "a claim above the cover's remaining");
				add(pending.entry(product.pool_id).or_default(), claim.amount)?;
				if let ClaimStatus::Appealed { deposit, .. } = claim.status {
					add(appeals_held.entry(claim.claimant.clone()).or_default(), deposit)?;
				}
				add(held.entry(claim.claimant).or_default(), claim.deposit)?;
				pending_covers += 1;
			}
		}
		ensure!(Claims::<T>::iter().count() == pending_covers, "a claim of no cover");
		for (claim_id, _) in Claims::<T>::iter() {
			ensure!(claim_id < NextClaimId::<T>::get(), "a claim id was never given out");
		}
		for (who, deposits) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ClaimDeposit.into(), &who) == deposits,
				"held claim deposits differ from the pending claims' deposits"
			);
		}
		for (who, deposits) in appeals_held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::AppealDeposit.into(), &who) == deposits,
				"held appeal deposits differ from the appealed claims' deposits"
			);
		}

		// Incidents: each open one is listed once among its product's open incidents, and what
		// it reserves counts in its pool's pending claims and incident reserves.
		let mut reserves: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		let mut listed = 0usize;
		for (product_id, open) in ProductIncidents::<T>::iter() {
			ensure!(!open.is_empty(), "an empty list of open incidents is stored");
			for (i, listed_open) in open.iter().enumerate() {
				let incident_id = listed_open.incident_id;
				ensure!(
					open[..i].iter().all(|other| other.incident_id != incident_id),
					"an incident listed twice"
				);
				let incident =
					Incidents::<T>::get(incident_id).ok_or("a closed incident is listed open")?;
				ensure!(incident.product_id == product_id, "an incident listed on another product");
				ensure!(
					(listed_open.occurred_at, listed_open.declared_at, listed_open.closes_at)
						== (incident.occurred_at, incident.declared_at, incident.closes_at),
					"an open incident's blocks differ from its product's list"
				);
				listed += 1;
			}
		}
		ensure!(Incidents::<T>::iter().count() == listed, "an open incident is not listed");
		for (incident_id, incident) in Incidents::<T>::iter() {
			ensure!(incident_id < NextIncidentId::<T>::get(), "an incident id was never given out");
			let product =
				Products::<T>::get(incident.product_id).ok_or("an incident of no product")?;
			ensure!(product.pool_id == incident.pool_id, "an incident of another pool");
			ensure!(
				incident.occurred_at <= incident.declared_at
					&& incident.declared_at < incident.closes_at,
				"an incident's blocks are out of order"
			);
			ensure!(!incident.ratio.is_zero(), "an incident pays nothing");
			add(pending.entry(incident.pool_id).or_default(), incident.reserved)?;
			add(reserves.entry(incident.pool_id).or_default(), incident.reserved)?;
		}
		// Short-paid redemptions of each pool's current era: what they were owed and paid, and
		// what they are still owed, which is pending. Those of earlier eras are written off.
		let mut owed: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		let mut short_paid: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		for (incident_id, _, shortfall) in Shortfalls::<T>::iter() {
			ensure!(incident_id < NextIncidentId::<T>::get(), "a shortfall of no incident");
			let pool = Pools::<T>::get(shortfall.pool_id).ok_or("a shortfall of a missing pool")?;
			ensure!(shortfall.era <= pool.incidents.era, "a shortfall of an era to come");
			if shortfall.era == pool.incidents.era {
				ensure!(shortfall.paid < shortfall.owed, "a shortfall paid in full remains");
				add(owed.entry(shortfall.pool_id).or_default(), shortfall.owed)?;
				add(short_paid.entry(shortfall.pool_id).or_default(), shortfall.paid)?;
				add(
					pending.entry(shortfall.pool_id).or_default(),
					shortfall.owed.saturating_sub(shortfall.paid),
				)?;
			}
		}
		// Redemptions: of an existing cover, each incident once, only incidents given out.
		for (cover_id, redeemed) in Redemptions::<T>::iter() {
			let cover = Covers::<T>::get(cover_id).ok_or("redemptions of a reaped cover")?;
			ensure!(!redeemed.is_empty(), "an empty list of redemptions is stored");
			for (i, incident_id) in redeemed.iter().enumerate() {
				ensure!(!redeemed[..i].contains(incident_id), "a cover redeemed twice");
				ensure!(
					*incident_id < NextIncidentId::<T>::get(),
					"a redemption in an incident never declared"
				);
				if let Some(incident) = Incidents::<T>::get(incident_id) {
					ensure!(
						Self::is_affected(&incident, &cover),
						"a cover redeemed in an incident that did not hit it"
					);
				}
			}
		}

		// Expiry books: no bucket at or before its owner's cursor, and the unrolled buckets sum
		// to the owner's active cover.
		let mut booked_pool: Sums<PoolId, BalanceOf<T>> = BTreeMap::new();
		let mut booked_product: Sums<ProductId, BalanceOf<T>> = BTreeMap::new();
		for (owner, bucket, amount) in Expiries::<T>::iter() {
			ensure!(!amount.is_zero(), "an empty expiry bucket is stored");
			match owner {
				ExpiryOwner::Pool(id) => {
					let pool = Pools::<T>::get(id).ok_or("a bucket of a missing pool")?;
					ensure!(bucket > pool.expired_through, "a rolled pool bucket remains");
					add(booked_pool.entry(id).or_default(), amount)?;
				},
				ExpiryOwner::Product(id) => {
					let product = Products::<T>::get(id).ok_or("a bucket of a missing product")?;
					let pool = Pools::<T>::get(product.pool_id).ok_or("a product of no pool")?;
					let book = Self::book(&pool, id).map_err(|_| "a product without a book")?;
					ensure!(bucket > book.expired_through, "a rolled product bucket remains");
					add(booked_product.entry(id).or_default(), amount)?;
				},
			}
		}

		for (pool_id, pool) in Pools::<T>::iter() {
			ensure!(pool_id < NextPoolId::<T>::get(), "a pool id was never given out");
			let get = |sums: &Sums<PoolId, BalanceOf<T>>| sums.get(&pool_id).copied();
			let zero = BalanceOf::<T>::zero();
			ensure!(get(&shares).unwrap_or(zero) == pool.total_shares, "total shares differ");
			ensure!(
				get(&unbonding).unwrap_or(zero) == pool.unbonding_shares,
				"unbonding shares differ"
			);
			ensure!(pool.unbonding_capital <= pool.capital, "unbonding capital above capital");
			ensure!(
				!pool.unbonding_shares.is_zero() || pool.unbonding_capital.is_zero(),
				"unbonding capital without unbonding shares"
			);
			ensure!(
				pool.unbonding_shares.is_zero() || !pool.unbonding_capital.is_zero(),
				"unbonding shares without unbonding capital"
			);
			ensure!(
				pool.total_shares.is_zero() || !Self::bonded_capital(&pool).is_zero(),
				"bonded shares without bonded capital"
			);
			ensure!(
				!pool.depleted || (pool.total_shares.is_zero() && pool.unbonding_shares.is_zero()),
				"shares in a depleted pool"
			);
			ensure!(
				rates.get(&pool_id).copied().unwrap_or_default() == pool.earnings.rate,
				"the earning rate differs from the rates booked to stop"
			);
			ensure!(
				get(&to_earn).unwrap_or(zero) <= pool.earnings.unearned,
				"the rates would earn more than the unearned premiums"
			);
			ensure!(
				pool.earnings.accrued_through <= frame_system::Pallet::<T>::block_number()
					&& pool.earnings.accrued_through <= Self::accrual_limit(&pool),
				"earnings accrued beyond the block or the first unrolled bucket"
			);
			ensure!(get(&pool_active).unwrap_or(zero) == pool.active_cover, "active cover differs");
			ensure!(
				get(&booked_pool).unwrap_or(zero) == pool.active_cover,
				"expiry books differ from active cover"
			);
			ensure!(get(&pending).unwrap_or(zero) == pool.pending_claims, "pending claims differ");
			ensure!(
				get(&reserves).unwrap_or(zero) == pool.incidents.reserved,
				"incident reserves differ from the open incidents'"
			);
			ensure!(
				get(&owed).unwrap_or(zero) == pool.incidents.owed
					&& get(&short_paid).unwrap_or(zero) == pool.incidents.paid,
				"what short-paid redemptions were owed or paid differs from the shortfalls'"
			);
			let mut pool_warming = pool.warming.clone();
			Self::slide_warming(&mut pool_warming, target(&pool));
			ensure!(
				warming.get(&pool_id).copied().unwrap_or_default() == pool_warming.staked,
				"stakes warming up differ from the stakers' warm-ups"
			);
			ensure!(
				get(&hold_units).unwrap_or(zero) == pool.holding.units,
				"held units differ from the holds'"
			);
			ensure!(
				pool.holding.units.is_zero() == pool.holding.value.is_zero(),
				"held value without held units, or units without value"
			);
			ensure!(pool.holding.value <= pool.holding.units, "a held unit worth more than one");
			let balance = T::Currency::balance(&Self::pool_account(pool_id));
			if balance.is_zero() {
				ensure!(
					pool.capital.is_zero()
						&& pool.fees_owed.is_zero()
						&& pool.holding.value.is_zero(),
					"an empty pool account holds capital, owed fees or held withdrawals"
				);
			} else {
				ensure!(
					Self::account_floor(&pool).is_some_and(|floor| balance >= floor),
					"the pool account holds less than capital, owed fees and its existential deposit"
				);
			}
		}
		// Product books: one per product, in the product's pool, with the product's share.
		let mut books = 0usize;
		for (pool_id, pool) in Pools::<T>::iter() {
			for book in &pool.products {
				let product = Products::<T>::get(book.product_id).ok_or("a book of no product")?;
				ensure!(product.pool_id == pool_id, "a product's book in another pool");
				ensure!(
					book.max_capacity_share == product.params.max_capacity_share,
					"a book's capacity share differs from its product's"
				);
				let zero = BalanceOf::<T>::zero();
				let active = product_active.get(&book.product_id).copied().unwrap_or(zero);
				let booked = booked_product.get(&book.product_id).copied().unwrap_or(zero);
				ensure!(active == book.active_cover, "a product's active cover differs");
				ensure!(booked == book.active_cover, "a product's expiry books differ");
				books += 1;
			}
		}
		for (product_id, _) in Products::<T>::iter() {
			ensure!(product_id < NextProductId::<T>::get(), "a product id was never given out");
		}
		ensure!(Products::<T>::iter().count() == books, "a product without a book, or two");
		Ok(())
	}
}
