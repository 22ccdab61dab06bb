//! The invariants: every running total recomputed from its parts (`do_try_state`, run by the
//! `try_state` hook and after every test).

use crate::*;
use frame_support::{pallet_prelude::*, traits::fungibles::Inspect};
use sp_arithmetic::{FixedPointNumber, FixedU128};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	SaturatedConversion,
};

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
			let staker = pool.settled(stored);
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
			let book = pool.book(cover.product_id).map_err(|_| "a product without a book")?;
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
					let book = pool.book(id).map_err(|_| "a product without a book")?;
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
				pool.total_shares.is_zero() || !pool.bonded_capital().is_zero(),
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
					&& pool.earnings.accrued_through <= pool.accrual_limit(),
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
			let balance =
				T::Assets::balance(pool.params.asset.clone(), &Self::pool_account(pool_id));
			if balance.is_zero() {
				ensure!(
					pool.capital.is_zero()
						&& pool.fees_owed.is_zero()
						&& pool.holding.value.is_zero(),
					"an empty pool account holds capital, owed fees or held withdrawals"
				);
			} else {
				ensure!(
					pool.account_floor().is_some_and(|floor| balance >= floor),
					"the pool account holds less than capital, owed fees and its asset's minimum balance"
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
