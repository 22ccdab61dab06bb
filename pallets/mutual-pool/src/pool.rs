//! A pool's accounts and its ledger maths: capacity, the bonded and the selling capacity, the
//! warm-up epochs, premium accrual and crediting, share eras and prices, product books and
//! the backing checks that every call keeps.

use crate::*;
use frame_support::{
	defensive,
	pallet_prelude::*,
	traits::{fungibles::Inspect, DefensiveOption},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, per_things::Rounding, FixedPointNumber,
	FixedU128,
};
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, One, Saturating, Zero},
	SaturatedConversion,
};

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

	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}
}

/// The pool's ledger maths: what its capital and shares are worth, what it may sell, and the
/// checks that every call keeps it backed.
impl<T: Config> Pool<T> {
	/// `capital * capacity_factor`, rounded down.
	pub(crate) fn capacity(&self) -> BalanceOf<T> {
		self.params.capacity_factor.saturating_mul_int(self.capital)
	}

	/// What the pool account must hold at least once the pool has capital: its capital, its
	/// unearned premiums, the fees it owes, its held withdrawals and its asset's minimum
	/// balance, so that paying out all capital can never reap it. `None` on overflow.
	pub(crate) fn account_floor(&self) -> Option<BalanceOf<T>> {
		self.capital
			.checked_add(&self.earnings.unearned)?
			.checked_add(&self.fees_owed)?
			.checked_add(&self.holding.value)?
			.checked_add(&T::Assets::minimum_balance(self.params.asset.clone()))
	}

	/// Whether the pool holds nothing of anyone's: no capital, shares, unearned premiums, owed
	/// fees, held withdrawals, cover or pending claims (which count its incidents' reserves and
	/// what short-paid redemptions are owed). Only then may its asset change.
	pub(crate) fn holds_nothing(&self) -> bool {
		self.capital.is_zero()
			&& self.total_shares.is_zero()
			&& self.unbonding_shares.is_zero()
			&& self.earnings.unearned.is_zero()
			&& self.fees_owed.is_zero()
			&& self.holding.units.is_zero()
			&& self.active_cover.is_zero()
			&& self.pending_claims.is_zero()
	}

	/// The capital of the bonded shares: what premiums are earned into.
	pub(crate) fn bonded_capital(&self) -> BalanceOf<T> {
		self.capital.saturating_sub(self.unbonding_capital)
	}

	/// `bonded capital * capacity_factor`, rounded down: what new cover is sold and priced
	/// against. Unbonding capital backs the cover sold before it asked to leave, and no more,
	/// so that no staker is locked behind cover sold after its `request_unstake`.
	pub(crate) fn bonded_capacity(&self) -> BalanceOf<T> {
		self.params.capacity_factor.saturating_mul_int(self.bonded_capital())
	}

	/// What of the pool's bonded capital still warms up at `now`.
	pub(crate) fn warming_at(&self, now: BlockNumberFor<T>) -> BalanceOf<T> {
		Pallet::<T>::warmup_epoch(now).map_or_else(Zero::zero, |epoch| {
			let mut warming = self.warming.clone();
			Pallet::<T>::slide_warming(&mut warming, epoch);
			warming.total()
		})
	}

	/// `(bonded capital - stakes still warming up) * capacity_factor`, rounded down: what new
	/// cover is sold and priced against at `now`. Capital that may still leave before it backed
	/// anything (unbonding, or staked in the last epochs) sells no cover, so that it neither
	/// locks a leaver behind cover sold after it asked to leave nor discounts a purchase it will
	/// not stay to back.
	pub(crate) fn selling_capacity(&self, now: BlockNumberFor<T>) -> BalanceOf<T> {
		let warm = self.bonded_capital().saturating_sub(self.warming_at(now));
		self.params.capacity_factor.saturating_mul_int(warm)
	}

	/// The first block that the pool cannot accrue past: the end of its first expiry bucket not
	/// yet rolled, where rates stop that only rolling the bucket takes out of the pool's rate.
	pub(crate) fn accrual_limit(&self) -> BlockNumberFor<T> {
		self.expired_through
			.saturating_add(One::one())
			.saturating_mul(T::ExpiryBucketLength::get())
	}

	/// Add what the pool earned since `accrued_through` to the capital of its bonded shares, up to
	/// `now` or the end of its first unrolled expiry bucket, whichever comes first. O(1): it
	/// reads no storage.
	pub(crate) fn accrue(&mut self, now: BlockNumberFor<T>) -> Result<(), Error<T>> {
		let to = now.min(self.accrual_limit());
		let earnings = &mut self.earnings;
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
		self.credit_bonded(earned)
	}

	/// Add `amount` (earned premium, a slashed deposit) to the capital of the bonded shares. With
	/// no bonded share in issue, nobody has earned it: it is owed to the treasury instead, so
	/// that the next staker does not take what it did not back.
	pub(crate) fn credit_bonded(&mut self, amount: BalanceOf<T>) -> Result<(), Error<T>> {
		if self.total_shares.is_zero() {
			self.fees_owed = self.fees_owed.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		} else {
			self.capital = self.capital.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		}
		Ok(())
	}

	/// Give `amount` back to the capital of the shares that bore the payouts it makes good (a
	/// hold's charge): the unbonding shares their part pro rata to their capital, rounded down,
	/// the bonded ones the rest (`credit_bonded`).
	pub(crate) fn credit_capital(&mut self, amount: BalanceOf<T>) -> Result<(), Error<T>> {
		let to_unbonding = if self.capital.is_zero() {
			Zero::zero()
		} else {
			Pallet::<T>::mul_div(amount, self.unbonding_capital, self.capital, Rounding::Down)?
		};
		self.unbonding_capital =
			self.unbonding_capital.checked_add(&to_unbonding).ok_or(Error::<T>::Overflow)?;
		self.capital = self.capital.checked_add(&to_unbonding).ok_or(Error::<T>::Overflow)?;
		self.credit_bonded(amount.saturating_sub(to_unbonding))
	}

	/// Add `amount` to the pool's unearned premiums, earned at a constant rate from
	/// `accrued_through` to the end of expiry bucket `bucket`, where rolling the bucket stops
	/// the rate (`EarningEnds`). `bucket` is after the pool's first unrolled bucket's start, so
	/// there is at least one block to earn over.
	pub(crate) fn earn_until(
		&mut self,
		pool_id: PoolId,
		amount: BalanceOf<T>,
		bucket: BlockNumberFor<T>,
	) -> Result<(), Error<T>> {
		let end = bucket.saturating_mul(T::ExpiryBucketLength::get());
		let blocks = end.saturating_sub(self.earnings.accrued_through);
		let rate = FixedU128::checked_from_rational(amount, blocks.saturated_into::<u128>())
			.ok_or(Error::<T>::Overflow)?;
		self.earnings.unearned =
			self.earnings.unearned.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		self.earnings.rate = self.earnings.rate.checked_add(&rate).ok_or(Error::<T>::Overflow)?;
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
	pub(crate) fn end_empty_eras(&mut self) -> Result<(), Error<T>> {
		if !self.total_shares.is_zero() && self.bonded_capital().is_zero() {
			self.era = self.era.checked_add(1).ok_or(Error::<T>::Overflow)?;
			self.total_shares = Zero::zero();
		}
		if !self.unbonding_shares.is_zero() && self.unbonding_capital.is_zero() {
			self.unbonding_era = self.unbonding_era.checked_add(1).ok_or(Error::<T>::Overflow)?;
			self.unbonding_shares = Zero::zero();
		}
		Ok(())
	}

	/// `staker` as it stands in the pool's eras: shares of an ended era are worth nothing.
	pub(crate) fn settled(&self, mut staker: StakerInfoOf<T>) -> StakerInfoOf<T> {
		if staker.era != self.era {
			staker.shares = Zero::zero();
			staker.era = self.era;
		}
		if staker.unbonding_era != self.unbonding_era {
			staker.unbonding = Zero::zero();
			staker.unbonding_era = self.unbonding_era;
		}
		staker
	}

	/// The pool as it stands now, its earnings accrued; for the read-only functions (and the
	/// invariant tests, which judge a pool as the calls do).
	pub(crate) fn accrued(mut self) -> Self {
		// Only an overflow of the capital fails, which the calls would report.
		let _ = self.accrue(Pallet::<T>::now());
		self
	}

	/// The book of `product_id` in the pool.
	pub(crate) fn book(&self, product_id: ProductId) -> Result<&ProductBookOf<T>, Error<T>> {
		self.products
			.iter()
			.find(|book| book.product_id == product_id)
			.defensive_ok_or(Error::<T>::Corrupt)
	}

	/// The book of `product_id` in the pool, to change.
	pub(crate) fn book_mut(
		&mut self,
		product_id: ProductId,
	) -> Result<&mut ProductBookOf<T>, Error<T>> {
		self.products
			.iter_mut()
			.find(|book| book.product_id == product_id)
			.defensive_ok_or(Error::<T>::Corrupt)
	}

	/// Bonded shares that `amount` buys in the pool, rounded down.
	pub(crate) fn shares_for(&self, amount: BalanceOf<T>) -> Result<BalanceOf<T>, Error<T>> {
		if self.total_shares.is_zero() {
			return Ok(amount);
		}
		let bonded = self.bonded_capital();
		// A payout that leaves bonded shares without capital ends their era (`end_empty_eras`):
		// bonded shares always have capital behind them.
		if bonded.is_zero() {
			defensive!("bonded shares without bonded capital");
			return Err(Error::<T>::Corrupt);
		}
		Pallet::<T>::mul_div(amount, self.total_shares, bonded, Rounding::Down)
	}

	/// What `shares` bonded shares are worth: their part of the bonded capital, rounded down.
	pub(crate) fn bonded_value(&self, shares: BalanceOf<T>) -> Result<BalanceOf<T>, Error<T>> {
		if self.total_shares.is_zero() {
			return Ok(Zero::zero());
		}
		Pallet::<T>::mul_div(shares, self.bonded_capital(), self.total_shares, Rounding::Down)
	}

	/// What `shares` unbonding shares are worth: their part of the unbonding capital, rounded
	/// down. A withdrawal pays this, and only while no claim is pending, so that the outcome of
	/// every claim is shared by exactly the stakers who were there when it was filed.
	pub(crate) fn withdrawal_value(&self, shares: BalanceOf<T>) -> Result<BalanceOf<T>, Error<T>> {
		if self.unbonding_shares.is_zero() {
			return Ok(Zero::zero());
		}
		Pallet::<T>::mul_div(shares, self.unbonding_capital, self.unbonding_shares, Rounding::Down)
	}

	/// Reserve `amount` for an incident's redemptions: it is pending (a leaver holds back its
	/// share of it) and in the incident book's reserves, which the redemption rate counts.
	pub(crate) fn reserve(&mut self, amount: BalanceOf<T>) -> Result<(), Error<T>> {
		self.pending_claims =
			self.pending_claims.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		self.incidents.reserved =
			self.incidents.reserved.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Ok(())
	}

	/// Release `amount` of what [`Self::reserve`] reserved: redeemed, or unspent when its
	/// incident closed.
	pub(crate) fn release_reserve(&mut self, amount: BalanceOf<T>) -> Result<(), Error<T>> {
		self.incidents.reserved = self
			.incidents
			.reserved
			.checked_sub(&amount)
			.defensive_ok_or(Error::<T>::Corrupt)?;
		self.pending_claims =
			self.pending_claims.checked_sub(&amount).defensive_ok_or(Error::<T>::Corrupt)?;
		Ok(())
	}

	/// Whether the capacity (`capital * capacity_factor`) covers active cover plus pending
	/// claims, and every product's active cover stays within its share of the capacity: the
	/// limits `buy_cover` sells under, which a withdrawal or an update must keep.
	pub(crate) fn is_backed(&self) -> bool {
		self.is_backed_by(self.capacity())
	}

	/// Whether the bonded capacity alone backs the active cover and pending claims, and every
	/// product's share of them: what a request to leave must keep, so that unbonding capital is
	/// never what backs the cover sold (it sells none), and no leaver waits for another.
	pub(crate) fn is_backed_by_bonded(&self) -> bool {
		self.is_backed_by(self.bonded_capacity())
	}

	/// `is_backed` against `capacity`.
	fn is_backed_by(&self, capacity: BalanceOf<T>) -> bool {
		capacity >= self.active_cover.saturating_add(self.pending_claims)
			&& self
				.products
				.iter()
				.all(|book| book.active_cover <= book.max_capacity_share.mul_floor(capacity))
	}
}
