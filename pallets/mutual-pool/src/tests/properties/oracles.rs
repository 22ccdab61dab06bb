//! The property test's oracles: what the state says a call must do, and the checks of the
//! invariants against what it did.

use super::*;

/// The cover id `id` stands for now.
pub(super) fn cover_id(id: Id) -> CoverId {
	match id {
		Id::Existing(n) => match NextCoverId::<Test>::get() {
			0 => 0,
			count => n % count,
		},
		Id::Raw(id) => id,
	}
}

/// The claim id `id` stands for now.
pub(super) fn claim_id(id: Id) -> ClaimId {
	match id {
		Id::Existing(n) => {
			let mut pending: Vec<ClaimId> = Claims::<Test>::iter_keys().collect();
			pending.sort();
			match pending.len() as u64 {
				0 => NextClaimId::<Test>::get(),
				count => pending[(n % count) as usize],
			}
		},
		Id::Raw(id) => id,
	}
}

/// The incident id `id` stands for now.
pub(super) fn incident_id(id: Id) -> IncidentId {
	match id {
		Id::Existing(n) => {
			let mut open: Vec<IncidentId> = Incidents::<Test>::iter_keys().collect();
			open.sort();
			match open.len() as u64 {
				0 => NextIncidentId::<Test>::get(),
				count => open[(n % count) as usize],
			}
		},
		Id::Raw(id) => id as IncidentId,
	}
}

/// The signer `signer` stands for on cover `cover_id` (the owner of a missing cover is Alice).
pub(super) fn signer_of(signer: Signer, cover_id: CoverId) -> AccountId {
	match signer {
		Signer::Owner => Covers::<Test>::get(cover_id).map_or(ALICE, |cover| cover.owner),
		Signer::Account(who) => who,
	}
}

/// What product `product_id` may still sell by the stored (possibly not yet rolled) figures.
pub(super) fn free_capacity(product_id: ProductId) -> Balance {
	let Some(product) = Products::<Test>::get(product_id) else {
		return 0;
	};
	let Some(pool) = Pools::<Test>::get(product.pool_id) else {
		return 0;
	};
	let capacity = pool.capacity();
	let product_limit = product.params.max_capacity_share.mul_floor(capacity);
	capacity
		.saturating_sub(pool.active_cover)
		.min(product_limit.saturating_sub(book(product_id).active_cover))
}

/// Every account that can ever hold funds in the property test.
pub(super) fn accounts() -> Vec<AccountId> {
	let mut accounts = USERS.to_vec();
	accounts.extend([OUTSIDER, TREASURY, COUNCIL, SUPERMAJORITY]);
	accounts.extend(Pools::<Test>::iter_keys().map(MutualPool::pool_account));
	accounts
}

/// Free plus held balance over [`accounts`], in the native token and in `USD`.
pub(super) fn total_balances() -> (Balance, Balance) {
	use frame_support::traits::fungibles::Inspect as _;
	accounts().into_iter().fold((0, 0), |(native, usd), who| {
		(
			native + <Balances as Inspect<_>>::total_balance(&who),
			usd + Assets::total_balance(USD_ID, &who),
		)
	})
}

/// The total issuance of the native token and of `USD`.
pub(super) fn issuances() -> (Balance, Balance) {
	use frame_support::traits::fungibles::Inspect as _;
	(Balances::total_issuance(), Assets::total_issuance(USD_ID))
}

/// The ids of all pools.
pub(super) fn pool_ids() -> Vec<PoolId> {
	(0..NextPoolId::<Test>::get()).collect()
}

/// Whether a pool, as it stands at this block (its premiums accrued), backs what it sold: what
/// `stake` checks.
pub(super) fn backed_now(pool_id: PoolId) -> bool {
	pool(pool_id).accrued().is_backed()
}

/// [`backed_now`] of every pool.
pub(super) fn pools_backed_now() -> Vec<bool> {
	pool_ids().into_iter().map(backed_now).collect()
}

/// The unbonding capital of every pool.
pub(super) fn unbonding_capital() -> Vec<Balance> {
	pool_ids().into_iter().map(|id| pool(id).unbonding_capital).collect()
}

/// Call every read-only runtime-API function; returns whether they left storage untouched.
pub(super) fn api_reads_nothing() -> bool {
	let before = storage_root();
	for pool_id in pool_ids() {
		let _ = MutualPool::pool_status(pool_id);
		for who in accounts() {
			let _ = MutualPool::position(pool_id, &who);
		}
	}
	storage_root() == before
}

/// Every user's position value (bonded and unbonding) in every pool, pool by pool.
pub(super) fn staker_values() -> Vec<Balance> {
	pool_ids()
		.into_iter()
		.flat_map(|pool_id| {
			USERS
				.iter()
				.map(move |who| MutualPool::position(pool_id, who).map_or(0, |p| p.value))
		})
		.collect()
}

/// Everything all stakers of a pool could claim (their positions' values) is at most its
/// capital.
pub(super) fn check_claimable() -> Result<(), String> {
	let mut claimable = vec![0; pool_ids().len()];
	for (who, pool_id, _) in Stakers::<Test>::iter() {
		claimable[pool_id as usize] += MutualPool::position(pool_id, &who).map_or(0, |p| p.value);
	}
	for (pool_id, claimable) in (0..).zip(claimable) {
		let capital = MutualPool::pool_status(pool_id).map_or(0, |status| status.capital);
		if claimable > capital {
			return Err(format!(
				"stakers of pool {pool_id} could claim {claimable} of a capital of {capital}"
			));
		}
	}
	Ok(())
}

/// An unbonded staker's wait stays within the bound: every hold is due within `hold_period`
/// blocks, and a due one is released; an unlocked staker of a pool not frozen, with no hold
/// open, may withdraw whatever is pending, unless its leaving would unback the pool. Both are
/// tried and rolled back.
pub(super) fn check_exits() -> Result<(), String> {
	use frame_support::storage::{with_transaction, TransactionOutcome};
	let now = System::block_number();
	let dry_run = |call: &dyn Fn() -> DispatchResult| {
		with_transaction(|| TransactionOutcome::Rollback(Ok::<_, DispatchError>(call())))
			.unwrap_or_else(Err)
	};
	for (who, pool_id, hold) in Holds::<Test>::iter() {
		if hold.due_at > now + MutualPool::hold_period() {
			return Err(format!("the hold of {who} in pool {pool_id} is due at {}", hold.due_at));
		}
		let due = now >= hold.due_at || pool(pool_id).pending_claims == 0;
		let result = dry_run(&|| MutualPool::release_hold(signed(EVE), who, pool_id));
		if due != result.is_ok() {
			return Err(format!("releasing the hold of {who} in pool {pool_id}: {result:?}"));
		}
	}
	for (who, pool_id, staker) in Stakers::<Test>::iter() {
		let pool = pool(pool_id);
		let staker = pool.settled(staker);
		if staker.unbonding == 0
			|| now < staker.unlock_at
			|| now < pool.frozen_until
			|| Holds::<Test>::contains_key(who, pool_id)
		{
			continue;
		}
		let result = dry_run(&|| {
			MutualPool::withdraw(signed(who), pool_id, 0).map(|_| ()).map_err(|e| e.error)
		});
		if result.is_err() && result != Err(Error::<Test>::InsufficientFreeCapital.into()) {
			return Err(format!("{who} could not leave pool {pool_id}: {result:?}"));
		}
	}
	Ok(())
}

/// Every cover whose claim window is open still counts as active cover: capital backs it.
pub(super) fn check_covers_in_window_backed() -> Result<(), String> {
	let now = System::block_number();
	for (cover_id, cover) in Covers::<Test>::iter() {
		let bucket = MutualPool::expiry_bucket(cover.claim_until);
		let pool = pool(Products::<Test>::get(cover.product_id).expect("covered product").pool_id);
		let book = pool.products.iter().find(|book| book.product_id == cover.product_id);
		let book_through = book.expect("a book").expired_through;
		if now <= cover.claim_until && (bucket <= pool.expired_through || bucket <= book_through) {
			return Err(format!("cover {cover_id} is open for claims but no longer active"));
		}
	}
	Ok(())
}

/// The pool of claim `claim_id`, if the claim exists.
pub(super) fn claim_pool(claim_id: ClaimId) -> Option<PoolId> {
	let cover = Covers::<Test>::get(Claims::<Test>::get(claim_id)?.cover_id)?;
	Some(Products::<Test>::get(cover.product_id)?.pool_id)
}

/// The large-claim threshold of every pool as the calls judge it at this block (its premiums
/// accrued).
pub(super) fn thresholds_now() -> Vec<Balance> {
	pool_ids()
		.into_iter()
		.map(|id| {
			let pool = pool(id).accrued();
			pool.params.large_claim_threshold.mul_floor(pool.capital)
		})
		.collect()
}

/// What the last call paid or committed of pool `pool_id`, by its events: approved payouts,
/// upheld appeals and the reserves of declared incidents (redemptions draw on the reserve, which
/// `check_incident_reserves` holds to what they can pay).
pub(super) fn committed_by_events(pool_id: PoolId) -> Balance {
	events()
		.into_iter()
		.map(|event| match event {
			Event::ClaimApproved { payout, .. } | Event::AppealUpheld { payout, .. } => payout,
			Event::IncidentDeclared { pool_id: id, reserved, .. } if id == pool_id => reserved,
			_ => 0,
		})
		.sum()
}

/// No open incident can pay more than it reserves: `ratio` of what each cover it hit and did not
/// yet redeem has left, summed, is at most its reserve.
pub(super) fn check_incident_reserves() -> Result<(), String> {
	for (incident_id, incident) in Incidents::<Test>::iter() {
		let owed: Balance = Covers::<Test>::iter()
			.filter(|(cover_id, cover)| {
				MutualPool::is_affected(&incident, cover)
					&& !Redemptions::<Test>::get(cover_id).contains(&incident_id)
			})
			.map(|(_, cover)| incident.ratio.mul_floor(cover.remaining))
			.sum();
		if owed > incident.reserved {
			return Err(format!(
				"incident {incident_id} can still pay {owed} but reserves {}",
				incident.reserved
			));
		}
	}
	Ok(())
}

/// Whether each pool's bonded capacity backs what it sold: what `request_unstake` keeps.
pub(super) fn pools_backed_by_bonded() -> Vec<bool> {
	pool_ids().into_iter().map(|id| pool(id).is_backed_by_bonded()).collect()
}

/// A `buy_cover` together with the `quote` taken just before it.
pub(super) struct Purchase {
	pub(super) quote: Result<Balance, DispatchError>,
	pub(super) max_premium: Balance,
}

/// What the runtime API said of a call just before it, to check the call against.
pub(super) enum Oracle {
	/// `quote` before a `buy_cover`.
	Purchase(Purchase),
	/// `position(..).unbonding_value` before a `withdraw` (`None` without a position), and the
	/// most it may hold back: the staker's share of what is pending, `value * pending_claims /
	/// capital` rounded up, with `pool_status` before the call (the call's roll only adds to the
	/// capital).
	Withdrawal(Option<Balance>, Balance),
	/// What each `redeem_cover` or `top_up` of the step did, against the pool's redemption rate
	/// before it.
	Redemptions(Vec<Observed>),
}

/// A pool's redemption rate, `assets / claims` (see `IncidentBook`), as the calls judge it: its
/// earnings accrued to this block.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Rate {
	pub(super) pool_id: PoolId,
	/// What the redemption was owed, and paid before.
	pub(super) owed: Balance,
	pub(super) paid: Balance,
	/// What the pool can pay with: its capital and held withdrawals.
	pub(super) available: Balance,
	/// `capital + held + incidents.paid`.
	pub(super) assets: Balance,
	/// `incidents.reserved + incidents.owed`.
	pub(super) claims: Balance,
}

/// The redemption rate of pool `pool_id` now, for a redemption owed `owed` and paid `paid`.
pub(super) fn redemption(pool_id: PoolId, owed: Balance, paid: Balance) -> Option<Rate> {
	let pool = Pools::<Test>::get(pool_id)?.accrued();
	let available = pool.capital + pool.holding.value;
	let (assets, claims) = rate_parts(&pool);
	Some(Rate { pool_id, owed, paid, available, assets, claims })
}

/// `who` redeems `cover` in `incident`: the result, and what it did against the rate before.
pub(super) fn redeem(
	who: AccountId,
	incident: IncidentId,
	cover: CoverId,
) -> (DispatchResult, Option<Observed>) {
	let rate = Incidents::<Test>::get(incident).zip(Covers::<Test>::get(cover)).and_then(
		|(incident, cover)| {
			redemption(incident.pool_id, incident.ratio.mul_floor(cover.remaining), 0)
		},
	);
	let result = MutualPool::redeem_cover(signed(who), incident, cover);
	let observed = observe(rate, &result);
	(result, observed)
}

/// A pool's redemption rate as a fraction: `(capital + held + incidents.paid, incidents.reserved
/// + incidents.owed)`.
pub(super) fn rate_parts(pool: &PoolOf<Test>) -> (Balance, Balance) {
	let book = &pool.incidents;
	(pool.capital + pool.holding.value + book.paid, book.reserved + book.owed)
}

/// A successful redemption or top-up: the rate before it, what it paid (`None` for a written-off
/// shortfall removed), and the pool's rate after it.
#[derive(Debug)]
pub(super) struct Observed {
	pub(super) rate: Rate,
	pub(super) paid: Option<Balance>,
	pub(super) after: Option<(Balance, Balance)>,
}

/// What a redemption or top-up that returned `result` did, against the `rate` before it.
pub(super) fn observe(rate: Option<Rate>, result: &DispatchResult) -> Option<Observed> {
	let rate = rate.filter(|_| result.is_ok())?;
	let paid = events().into_iter().rev().find_map(|event| match event {
		Event::CoverRedeemed { payout, .. } => Some(payout),
		Event::ShortfallToppedUp { amount, .. } => Some(amount),
		Event::ShortfallRemoved { .. } => Some(0),
		_ => None,
	});
	let after = Pools::<Test>::get(rate.pool_id).map(|pool| rate_parts(&pool));
	Some(Observed { rate, paid: paid.filter(|paid| *paid > 0), after })
}

/// Check that a successful redemption or top-up paid the pool's redemption rate of what it was
/// owed (less what it was paid before), unless the pool had less, and left a short pool's rate
/// as it was: whoever is paid first, every redemption of a short pool gets the same fraction.
pub(super) fn check_redemption(observed: &Observed) -> Result<(), String> {
	let Observed { rate, paid, after } = observed;
	// A written-off shortfall is removed and pays nothing.
	let Some(paid) = *paid else { return Ok(()) };
	let short = rate.assets < rate.claims;
	let due = if short {
		(U256::from(rate.owed) * U256::from(rate.assets) / U256::from(rate.claims)).as_u128()
	} else {
		rate.owed
	};
	let expected = due.saturating_sub(rate.paid).min(rate.available);
	if paid != expected {
		return Err(format!("paid {paid} at the redemption rate {rate:?}, expected {expected}"));
	}
	let before = (rate.assets, rate.claims);
	if short && expected < rate.available && after.is_some_and(|after| after != before) {
		return Err(format!(
			"a payment at the redemption rate moved it from {before:?} to {after:?}"
		));
	}
	Ok(())
}

/// The premium of the `CoverBought` event among the events so far, if any.
pub(super) fn premium_charged() -> Option<Balance> {
	events().into_iter().find_map(|event| match event {
		Event::CoverBought { premium, .. } => Some(premium),
		_ => None,
	})
}

/// Check that a successful `withdraw` paid what `position` said it would, less what it held
/// back, at most the staker's share of what was pending (and something if anything was).
pub(super) fn check_withdrawal(
	value: Option<Balance>,
	share: Balance,
	result: &DispatchResult,
) -> Result<(), String> {
	if result.is_err() {
		return Ok(());
	}
	let paid = events().into_iter().find_map(|event| match event {
		Event::Withdrawn { amount, .. } => Some(amount),
		_ => None,
	});
	let held = events()
		.into_iter()
		.find_map(|event| match event {
			Event::WithdrawalHeld { held, .. } => Some(held),
			_ => None,
		})
		.unwrap_or(0);
	if held > share || (share > 0 && held == 0) {
		return Err(format!("withdraw held back {held} of a share of {share} of what is pending"));
	}
	match (value, paid) {
		(Some(value), Some(paid)) if value == paid + held => Ok(()),
		// A record whose shares are all of ended eras: no position, withdrawn for nothing.
		(None, Some(0)) => Ok(()),
		_ => Err(format!("position said {value:?} but withdraw paid {paid:?}")),
	}
}

/// Check what the runtime API said of a call against what the call did.
pub(super) fn check_oracle(oracle: &Oracle, result: &DispatchResult) -> Result<(), String> {
	match oracle {
		Oracle::Purchase(purchase) => check_purchase(purchase, result),
		Oracle::Withdrawal(value, share) => check_withdrawal(*value, *share, result),
		Oracle::Redemptions(observed) => observed.iter().try_for_each(check_redemption),
	}
}

/// Check that `buy_cover` did what `quote` said it would.
pub(super) fn check_purchase(purchase: &Purchase, result: &DispatchResult) -> Result<(), String> {
	match (&purchase.quote, result) {
		(Err(quoted), Err(error)) if quoted != error => {
			Err(format!("quote failed with {quoted:?} but buy_cover with {error:?}"))
		},
		(Err(quoted), Ok(())) => {
			Err(format!("quote failed with {quoted:?} but buy_cover succeeded"))
		},
		(Ok(quoted), Ok(())) => match premium_charged() {
			Some(premium) if premium == *quoted => Ok(()),
			charged => Err(format!("quote said {quoted} but buy_cover charged {charged:?}")),
		},
		(Ok(quoted), Err(error))
			if *quoted > purchase.max_premium && *error != Error::<Test>::PremiumTooHigh.into() =>
		{
			Err(format!("premium {quoted} above max_premium but buy_cover failed with {error:?}"))
		},
		(Ok(quoted), Err(error))
			if *quoted <= purchase.max_premium
				&& *error == Error::<Test>::PremiumTooHigh.into() =>
		{
			Err(format!("premium {quoted} within max_premium but buy_cover says PremiumTooHigh"))
		},
		_ => Ok(()),
	}
}
