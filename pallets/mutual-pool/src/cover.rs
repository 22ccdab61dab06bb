//! Cover: the premium curve of a product, the quote, the purchase, transfer and reaping of
//! cover, and the fees a pool sends to the treasury.

use crate::{pricing::Curve, *};
use frame_support::{
	pallet_prelude::*,
	traits::{fungibles::Mutate, tokens::Preservation, DefensiveOption},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	SaturatedConversion,
};

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
		let capacity = pool.selling_capacity(now);
		let taken = pool
			.active_cover
			.checked_add(&pool.pending_claims)
			.ok_or(Error::<T>::InsufficientCapacity)?;
		let pool_active =
			pool.active_cover.checked_add(&amount).ok_or(Error::<T>::InsufficientCapacity)?;
		let product_active = pool
			.book(product_id)?
			.active_cover
			.checked_add(&amount)
			.ok_or(Error::<T>::InsufficientCapacity)?;
		ensure!(
			taken.checked_add(&amount).is_some_and(|after| after <= capacity)
				&& product_active <= product.params.max_capacity_share.mul_floor(capacity),
			Error::<T>::InsufficientCapacity
		);
		ensure!(amount >= pool.params.min_cover, Error::<T>::CoverBelowMinimum);
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

	/// Buy cover for `who` at the quote (at most `max_premium`): the premium goes to the pool
	/// account, its net part earned until the cover's expiry bucket rolls and its fee owed to the
	/// treasury, and the cover holds capacity in both expiry books until its claim window closes.
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
		pool.accrue(now)?;
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
		pool.earn_until(pool_id, net, Self::expiry_bucket(claim_until))?;
		pool.active_cover = quote.pool_active;
		pool.book_mut(product_id)?.active_cover = quote.product_active;
		if !quote.premium.is_zero() {
			T::Assets::transfer(
				pool.params.asset.clone(),
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
		Self::pay_from_pool(pool_id, &pool.params.asset, &T::TreasuryAccount::get(), amount)?;
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
				&& bucket <= pool.book(cover.product_id)?.expired_through,
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
