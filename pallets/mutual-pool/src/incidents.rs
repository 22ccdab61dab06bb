//! Incidents: one ruling pays every cover a product's incident hit. Declaring, redeeming,
//! topping up short-paid redemptions and closing an incident.

use crate::*;
use frame_support::{defensive, pallet_prelude::*, traits::DefensiveOption};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::{per_things::Rounding, Perbill};
use sp_runtime::traits::{CheckedAdd, CheckedSub, Saturating, Zero};

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
		pool.accrue(now)?;
		// Every cover the incident can pay holds capacity now: its claim window is open at the
		// declaration, so its expiry bucket is not rolled, and it was bought before this block.
		// The product's active cover is thus at least their remaining, and `ratio` of it at
		// least what they can be paid (`ratio` of what each has left, see `do_redeem_cover`).
		let reserved = ratio.mul_ceil(pool.book(product_id)?.active_cover);
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
		pool.reserve(reserved)?;

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
	pub(crate) fn hits(
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
		pool.accrue(now)?;
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
		pool.release_reserve(released)?;
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
		pool.accrue(Self::now())?;
		let due = Self::redemption_due(&pool, shortfall.owed)?.saturating_sub(shortfall.paid);
		// Nothing more is due at the rate: no need to draw (the pool may also pay less than
		// is due, when its capital and holds are gone: checked below).
		ensure!(!due.is_zero(), Error::<T>::NothingToTopUp);
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
		pool.release_reserve(incident.reserved)?;
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
