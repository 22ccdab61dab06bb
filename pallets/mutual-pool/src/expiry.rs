//! Cover expiry bookkeeping.
//!
//! A cover ending at block `end` is booked in bucket `end / ExpiryBucketLength + 1`, under both
//! its pool and its product ([`ExpiryOwner`]). Each pool and product keeps a cursor,
//! `expired_through`: the buckets up to it have left its active cover. Bucket `b` may be rolled
//! once `now / ExpiryBucketLength >= b`, that is once every cover in it has ended; a cover thus
//! counts as active from its purchase until its bucket is rolled: never less than until its end,
//! and, when rolling keeps up, at most one bucket length after it.
//!
//! Rolling is lazy and bounded: `on_idle` rolls pools and products round robin in spare block
//! weight, anyone may call `roll_expiries`, and `withdraw` rolls its pool's buckets before it
//! checks what the pool must keep. Each rolls at most `MaxExpiryBucketsPerCall` buckets per
//! owner and is charged for the buckets it actually rolled. `buy_cover` and the runtime API roll
//! nothing: they use the stored active cover. A cursor that lags behind only overstates active
//! cover, which errs on the side of solvency: until the roll, the pool sells less cover, at a
//! higher price, than it could.
//!
//! No call or hook ever loops over covers.

use crate::{pallet::*, ExpiryOwner, WeightInfo};
use core::fmt::Debug;
use frame_support::{
	defensive, pallet_prelude::*, storage::with_storage_layer, traits::DefensiveOption,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedSub, One, Saturating, Zero},
	DispatchError,
};

/// What rolling an owner's expiry buckets forward would do.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Roll<Balance, BlockNumber> {
	/// The cursor before the roll.
	pub from: BlockNumber,
	/// The cursor after the roll.
	pub to: BlockNumber,
	/// The cover that expires over the rolled buckets.
	pub expired: Balance,
	/// How many buckets the roll reads.
	pub buckets: u32,
}

/// A roll for the pallet's configuration.
pub type RollOf<T> = Roll<BalanceOf<T>, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// The bucket whose covers have all ended by block `now`.
	pub fn current_bucket(now: BlockNumberFor<T>) -> BlockNumberFor<T> {
		let length = T::ExpiryBucketLength::get();
		if length.is_zero() {
			defensive!("ExpiryBucketLength is zero");
			return now;
		}
		now / length
	}

	/// The bucket in which a cover ending at `end` is booked.
	pub fn expiry_bucket(end: BlockNumberFor<T>) -> BlockNumberFor<T> {
		Self::current_bucket(end).saturating_add(One::one())
	}

	/// The roll of `owner`'s buckets after `cursor` that are due by `now`, read-only.
	fn pending_roll(
		owner: ExpiryOwner,
		cursor: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> RollOf<T> {
		let due = Self::current_bucket(now);
		let mut roll: RollOf<T> =
			Roll { from: cursor, to: cursor, expired: Zero::zero(), buckets: 0u32 };
		while roll.to < due && roll.buckets < T::MaxExpiryBucketsPerCall::get() {
			roll.to.saturating_inc();
			roll.buckets.saturating_inc();
			roll.expired.saturating_accrue(Expiries::<T>::get(owner, roll.to));
		}
		roll
	}

	/// Remove the buckets that `roll` read from storage.
	pub(crate) fn apply_roll(owner: ExpiryOwner, roll: &RollOf<T>) {
		let mut bucket = roll.from;
		while bucket < roll.to {
			bucket.saturating_inc();
			Expiries::<T>::remove(owner, bucket);
		}
	}

	/// Roll `owner`'s due buckets (at most `MaxExpiryBucketsPerCall`) out of its `active`
	/// cover, advance its `cursor` and remove the rolled buckets. A shortfall of `active` means
	/// the books are corrupt.
	fn roll(
		owner: ExpiryOwner,
		active: &mut BalanceOf<T>,
		cursor: &mut BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) -> Result<RollOf<T>, Error<T>> {
		let roll = Self::pending_roll(owner, *cursor, now);
		*active = active.checked_sub(&roll.expired).ok_or_else(|| {
			defensive!("expiring more cover than is active");
			Error::<T>::Corrupt
		})?;
		*cursor = roll.to;
		Self::apply_roll(owner, &roll);
		Ok(roll)
	}

	/// Roll a pool's due expiry buckets (at most `MaxExpiryBucketsPerCall`): for each bucket,
	/// accrue the pool's earnings to the bucket's end, stop the earning rates of its covers and
	/// take its cover out of the active cover; then accrue to `now`, or to the end of the first
	/// bucket still due.
	pub(crate) fn roll_pool(
		pool_id: crate::PoolId,
		pool: &mut PoolOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<RollOf<T>, Error<T>> {
		let owner = ExpiryOwner::Pool(pool_id);
		let roll = Self::pending_roll(owner, pool.expired_through, now);
		while pool.expired_through < roll.to {
			// Accrual stops at the end of the first unrolled bucket: this one.
			pool.accrue(now)?;
			pool.expired_through.saturating_inc();
			let ending = EarningEnds::<T>::take(pool_id, pool.expired_through);
			pool.earnings.rate = pool.earnings.rate.checked_sub(&ending).ok_or_else(|| {
				defensive!("stopping a larger earning rate than the pool has");
				Error::<T>::Corrupt
			})?;
		}
		pool.active_cover = pool.active_cover.checked_sub(&roll.expired).ok_or_else(|| {
			defensive!("expiring more cover than is active");
			Error::<T>::Corrupt
		})?;
		Self::apply_roll(owner, &roll);
		pool.accrue(now)?;
		Ok(roll)
	}

	/// Roll `owner`'s due expiry buckets (at most `MaxExpiryBucketsPerCall`) and store it.
	pub(crate) fn do_roll_expiries(owner: ExpiryOwner) -> Result<RollOf<T>, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let roll = match owner {
			ExpiryOwner::Pool(pool_id) => Pools::<T>::try_mutate(pool_id, |pool| {
				let pool = pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
				Self::roll_pool(pool_id, pool, now)
			}),
			ExpiryOwner::Product(product_id) => {
				let product = Products::<T>::get(product_id).ok_or(Error::<T>::ProductNotFound)?;
				Pools::<T>::try_mutate(product.pool_id, |pool| {
					let pool = pool.as_mut().defensive_ok_or(Error::<T>::Corrupt)?;
					let book = pool.book_mut(product_id)?;
					Self::roll(owner, &mut book.active_cover, &mut book.expired_through, now)
				})
			},
		}?;
		Ok(roll)
	}

	/// The owner after `owner` in `on_idle`'s round robin: pools, then products, then again.
	fn next_idle_owner(owner: ExpiryOwner) -> ExpiryOwner {
		let first_product_or_pool = if NextProductId::<T>::get() > 0 {
			ExpiryOwner::Product(0)
		} else {
			ExpiryOwner::Pool(0)
		};
		match owner {
			ExpiryOwner::Pool(id) if id.saturating_add(1) < NextPoolId::<T>::get() => {
				ExpiryOwner::Pool(id.saturating_add(1))
			},
			ExpiryOwner::Pool(_) => first_product_or_pool,
			ExpiryOwner::Product(id) if id.saturating_add(1) < NextProductId::<T>::get() => {
				ExpiryOwner::Product(id.saturating_add(1))
			},
			ExpiryOwner::Product(_) => ExpiryOwner::Pool(0),
		}
	}

	/// The weight of rolling `buckets` expiry buckets of `owner`: a product's roll also reads
	/// the product, for its pool.
	pub(crate) fn roll_weight(owner: ExpiryOwner, buckets: u32) -> Weight {
		match owner {
			ExpiryOwner::Pool(_) => T::WeightInfo::roll_expiries(buckets),
			ExpiryOwner::Product(_) => T::WeightInfo::roll_product_expiries(buckets),
		}
	}

	/// `on_idle`: roll pools and products round robin while `remaining` weight allows, each
	/// owner at most once per block. Returns the weight used.
	pub(crate) fn idle_roll(remaining: Weight) -> Weight {
		let max = T::MaxExpiryBucketsPerCall::get();
		let step = T::WeightInfo::roll_expiries(max).max(T::WeightInfo::roll_product_expiries(max));
		let mut used = T::DbWeight::get().reads_writes(3, 1);
		if remaining.any_lt(used.saturating_add(step)) || NextPoolId::<T>::get() == 0 {
			return Weight::zero();
		}
		let owners = NextPoolId::<T>::get().saturating_add(NextProductId::<T>::get());
		let mut owner = NextIdleRoll::<T>::get().unwrap_or(ExpiryOwner::Pool(0));
		for _ in 0..owners {
			if remaining.any_lt(used.saturating_add(step)) {
				break;
			}
			// A missing pool or product has nothing to roll. Each roll is all or nothing: a
			// failure midway (which only a corrupt state could cause) undoes its writes.
			let _ = with_storage_layer(|| Self::do_roll_expiries(owner));
			used.saturating_accrue(step);
			owner = Self::next_idle_owner(owner);
		}
		NextIdleRoll::<T>::put(owner);
		used
	}

	/// Book `amount` of cover ending at `end` under `owner`.
	pub(crate) fn book_expiry(
		owner: ExpiryOwner,
		end: BlockNumberFor<T>,
		amount: BalanceOf<T>,
	) -> Result<(), Error<T>> {
		Expiries::<T>::try_mutate(owner, Self::expiry_bucket(end), |booked| {
			*booked = booked.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// Take `amount` paid on a cover ending at `end` out of `owner`'s books, if its bucket has
	/// not been rolled yet (past `cursor`). Returns whether it was still active.
	pub(crate) fn unbook_expiry(
		owner: ExpiryOwner,
		cursor: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
		amount: BalanceOf<T>,
	) -> Result<bool, Error<T>> {
		let bucket = Self::expiry_bucket(end);
		if bucket <= cursor {
			return Ok(false);
		}
		Expiries::<T>::try_mutate_exists(owner, bucket, |booked| {
			let left = booked.unwrap_or_default().checked_sub(&amount).ok_or_else(|| {
				defensive!("paying more than the cover booked in its expiry bucket");
				Error::<T>::Corrupt
			})?;
			*booked = if left.is_zero() { None } else { Some(left) };
			Ok(true)
		})
	}
}
