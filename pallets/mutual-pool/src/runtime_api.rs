//! The functions behind the `MutualPoolApi` runtime API. They read state and never write it.

use crate::*;
use frame_support::{pallet_prelude::*, traits::DefensiveOption};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::{FixedPointNumber, FixedU128};
use sp_runtime::traits::{One, Saturating, Zero};

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
		let pool = pool.accrued();
		Self::quote_cover(&pool, product_id, &product, amount, period, Self::now())
			.map(|quote| quote.premium)
	}

	/// The figures of a pool, as stored: the ones `buy_cover` prices from. Cover whose expiry
	/// bucket is due but not yet rolled still counts as active until `on_idle` or
	/// `roll_expiries` rolls it.
	pub fn pool_status(pool_id: PoolId) -> Option<PoolStatusOf<T>> {
		let pool = Pools::<T>::get(pool_id)?.accrued();
		let capacity = pool.capacity();
		let bonded_capacity = pool.selling_capacity(Self::now());
		let owed = pool.active_cover.saturating_add(pool.pending_claims);
		Some(PoolStatus {
			asset: pool.params.asset.clone(),
			capital: pool.capital,
			total_shares: pool.total_shares,
			share_price: FixedU128::checked_from_rational(pool.bonded_capital(), pool.total_shares)
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
		let pool = Pools::<T>::get(pool_id)?;
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
		Some(Agenda { asset: pool.params.asset, claims, incidents })
	}

	/// A staker's position in a pool, valued at the current share prices of bonded and
	/// unbonding shares, with the premiums earned until now.
	pub fn position(pool_id: PoolId, who: &T::AccountId) -> Option<PositionOf<T>> {
		let pool = Pools::<T>::get(pool_id)?.accrued();
		let staker = pool.settled(Stakers::<T>::get(who, pool_id)?);
		if staker.shares.is_zero() && staker.unbonding.is_zero() {
			return None;
		}
		let bonded = pool.bonded_value(staker.shares).unwrap_or_default();
		let unbonding_value = pool.withdrawal_value(staker.unbonding).unwrap_or_default();
		Some(Position {
			asset: pool.params.asset.clone(),
			shares: staker.shares,
			value: bonded.saturating_add(unbonding_value),
			unbonding_shares: staker.unbonding,
			unbonding_value,
			unlock_at: (!staker.unbonding.is_zero()).then_some(staker.unlock_at),
		})
	}
}
