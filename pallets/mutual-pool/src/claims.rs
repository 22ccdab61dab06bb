//! Claims: filing, deciding, lapsing, appealing and closing a claim, the large-claim window,
//! and the payout of a claim or a redemption from a pool.

use crate::*;
use frame_support::{
	defensive,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		fungibles::Mutate,
		tokens::{Fortitude, Precision, Preservation, Restriction},
		DefensiveOption,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, per_things::Rounding, FixedPointNumber,
	FixedU128,
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, One, Saturating, Zero},
	SaturatedConversion,
};

/// A claim being decided, with the records it touches.
pub(crate) struct ClaimInContext<T: Config> {
	pub claim: ClaimOf<T>,
	pub cover: CoverOf<T>,
	pub product: ProductOf<T>,
	pub pool: PoolOf<T>,
}

impl<T: Config> Pallet<T> {
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

		let deposit = Self::claim_deposit(&pool.params, amount);
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

	/// The deposit, in the native currency, that a claim of `amount` on a pool with `params`
	/// holds: `ClaimDeposit + params.claim_deposit_rate * amount` (rounded up), at most
	/// `MaxClaimDeposit` (and never less than `ClaimDeposit`).
	pub fn claim_deposit(params: &PoolParamsOf<T>, amount: BalanceOf<T>) -> BalanceOf<T> {
		let base = T::ClaimDeposit::get();
		let cap = T::MaxClaimDeposit::get().max(base);
		let rate = params.claim_deposit_rate.into_inner();
		// Above `cap` (or beyond `u128`) the deposit is the cap.
		let variable = multiply_by_rational_with_rounding(
			amount.saturated_into(),
			rate,
			FixedU128::DIV,
			Rounding::Up,
		)
		.and_then(|variable| BalanceOf::<T>::try_from(variable).ok())
		.unwrap_or(cap);
		base.saturating_add(variable).min(cap)
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
	pub(crate) fn commit_payout(pool: &mut PoolOf<T>, amount: BalanceOf<T>) {
		pool.payouts.committed[0] = pool.payouts.committed[0].saturating_add(amount);
	}

	/// Check that a decision committing `amount` of the pool (a payout, an incident's reserve)
	/// may be taken by an origin that `large_allowed` or not: everything the pool paid or
	/// committed within its large-claim window, with `amount`, must stay within the large-claim
	/// threshold, unless the origin is `LargeClaimOrigin`. The window is slid to now.
	pub(crate) fn ensure_within_threshold(
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
	pub(crate) fn draw(
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
		pool.end_empty_eras()?;
		Self::pay_from_pool(pool_id, &pool.params.asset, to, paid)?;
		Ok(paid)
	}

	/// Take `used` out of what `cover` has left, and out of the active cover of its pool and
	/// its product unless it has expired: it was paid, or owed by a short pool.
	pub(crate) fn use_cover(
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
		let book = pool.book_mut(cover.product_id)?;
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
	pub(crate) fn pay_from_pool(
		pool_id: PoolId,
		asset: &AssetKindOf<T>,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Assets::transfer(
				asset.clone(),
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
		pool.accrue(now)?;
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
		pool.accrue(now)?;
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
	/// deposits (the claim's, and the appeal's if it was appealed), and stop counting the
	/// claimed amount as pending. The deposits are native: into a pool in the native token,
	/// where the bonded shares earn them over the next full expiry bucket, like a premium, so
	/// that no one can stake in front of a rejection and take them; from a pool in any other
	/// asset, to `TreasuryAccount`, as they cannot be that pool's capital.
	fn settle_rejection(claim_id: ClaimId, claim: ClaimOf<T>) -> DispatchResult {
		let ClaimInContext { claim, cover, product, mut pool } =
			Self::claim_in_context(claim_id, claim)?;
		let now = Self::now();
		// What was earned until now joins the capital before the rate changes.
		pool.accrue(now)?;
		let native = pool.params.asset == T::NativeAsset::get();
		let to =
			if native { Self::pool_account(product.pool_id) } else { T::TreasuryAccount::get() };
		let slash = |reason: HoldReason, amount| {
			T::Currency::transfer_on_hold(
				&reason.into(),
				&claim.claimant,
				&to,
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
		if native {
			let bucket = Self::expiry_bucket(now.saturating_add(T::ExpiryBucketLength::get()));
			pool.earn_until(product.pool_id, slashed, bucket)?;
		}
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
