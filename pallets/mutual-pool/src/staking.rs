//! Staking: stake, request to leave, rebond, withdraw, and the held part of a withdrawal
//! (`hold_period`, `release_hold`).

use crate::*;
use frame_support::{
	defensive,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		DefensiveOption,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::per_things::Rounding;
use sp_runtime::traits::{CheckedAdd, CheckedSub, Saturating, Zero};

impl<T: Config> Pallet<T> {
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
		pool.accrue(Self::now())?;
		// A pool that a payout (or a claim filed) left unable to back what it sold and what is
		// claimed takes no stake until enough has run off or been decided: a new staker would
		// pay for a loss that came before it.
		ensure!(pool.is_backed(), Error::<T>::PoolUnbacked);
		// More than the staker can pay fails as the transfer would, before any sum is taken
		// (and so before any could overflow).
		ensure!(
			amount
				<= T::Assets::reducible_balance(
					pool.params.asset.clone(),
					who,
					Preservation::Preserve,
					Fortitude::Polite
				),
			sp_runtime::TokenError::FundsUnavailable
		);
		let shares = pool.shares_for(amount)?;
		ensure!(!shares.is_zero(), Error::<T>::ZeroShares);
		ensure!(shares >= min_shares, Error::<T>::TooFewShares);
		let mut staker = pool.settled(Stakers::<T>::get(who, pool_id).unwrap_or_default());
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
		let seed = pool
			.account_floor()
			.ok_or(Error::<T>::Overflow)?
			.saturating_sub(T::Assets::balance(pool.params.asset.clone(), &account))
			.saturating_sub(amount);
		let transfer = amount.checked_add(&seed).ok_or(Error::<T>::Overflow)?;
		T::Assets::transfer(
			pool.params.asset.clone(),
			who,
			&account,
			transfer,
			Preservation::Preserve,
		)?;

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
		let mut staker = pool.settled(staker);
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
		pool.accrue(Self::now())?;
		let value = pool.bonded_value(shares)?;
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
		ensure!(pool.is_backed_by_bonded(), Error::<T>::InsufficientFreeCapital);
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
		let mut staker = pool.settled(staker);
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
		let amount = pool.withdrawal_value(unbonding)?;
		let shares = pool.shares_for(amount)?;
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

	/// Withdraw the unbonded shares of `who`; returns the expiry buckets rolled.
	pub(crate) fn do_withdraw(
		who: &T::AccountId,
		pool_id: PoolId,
		min_amount: BalanceOf<T>,
	) -> Result<u32, DispatchError> {
		let mut pool = Pools::<T>::get(pool_id).ok_or(Error::<T>::PoolNotFound)?;
		let stored = Stakers::<T>::get(who, pool_id).ok_or(Error::<T>::NotStaker)?;
		let mut staker = pool.settled(stored.clone());
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
		let value = pool.withdrawal_value(shares)?;
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
		ensure!(value.is_zero() || pool.is_backed(), Error::<T>::InsufficientFreeCapital);
		staker.unbonding = Zero::zero();
		if !held.is_zero() {
			ensure!(!Holds::<T>::contains_key(who, pool_id), Error::<T>::HoldOpen);
			let due_at = now.checked_add(&Self::hold_period()).ok_or(Error::<T>::Overflow)?;
			let hold = Self::hold(&mut pool, held, value, capital, due_at)?;
			Holds::<T>::insert(who, pool_id, hold);
			Self::deposit_event(Event::WithdrawalHeld { pool_id, who: who.clone(), held, due_at });
		}

		Self::pay_from_pool(pool_id, &pool.params.asset, who, amount)?;
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
		pool.accrue(now)?;
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
		pool.credit_capital(charged.saturating_add(dust))?;
		let amount = worth.saturating_sub(charged);
		Self::pay_from_pool(pool_id, &pool.params.asset, who, amount)?;
		Holds::<T>::remove(who, pool_id);
		Pools::<T>::insert(pool_id, pool);
		Self::deposit_event(Event::HoldReleased { pool_id, who: who.clone(), charged, amount });
		Ok(())
	}
}
