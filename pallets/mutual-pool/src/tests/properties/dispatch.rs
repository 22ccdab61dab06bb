//! The property test's dispatcher: an `Action` resolved against the state and dispatched.

use super::*;

/// A call as dispatched.
pub(super) struct Dispatched {
	/// The call and its arguments, for the log.
	pub(super) call: String,
	pub(super) result: DispatchResult,
	/// What the runtime API said of it just before.
	pub(super) oracle: Option<Oracle>,
	/// The pool it staked into, unstaked from, bought cover of, or decided a claim or declared
	/// an incident of.
	pub(super) pool: Option<PoolId>,
}

impl Dispatched {
	pub(super) fn new(call: String, result: DispatchResult) -> Self {
		Self { call, result, oracle: None, pool: None }
	}
}

/// Dispatch `action`.
pub(super) fn dispatch(action: &Action) -> Dispatched {
	match *action {
		Action::Stake { who, pool, amount, min_shares } => {
			let pool = pick_pool(pool);
			let asset = Pools::<Test>::get(pool).map_or_else(PoolAsset::get, |p| p.params.asset);
			let spendable = <NativeAndAssets as frame_support::traits::fungibles::Inspect<_>>::reducible_balance(
				asset,
				&who,
				frame_support::traits::tokens::Preservation::Preserve,
				frame_support::traits::tokens::Fortitude::Polite,
			);
			let amount = amount.resolve(spendable);
			let shares = Pools::<Test>::get(pool)
				.and_then(|p| p.accrued().shares_for(amount).ok())
				.unwrap_or(0);
			let min_shares = min_shares.resolve(shares);
			Dispatched {
				pool: Some(pool),
				..Dispatched::new(
					format!("stake(signed({who}), {pool}, {amount}, {min_shares}) [buys {shares}]"),
					MutualPool::stake(signed(who), pool, amount, min_shares),
				)
			}
		},
		Action::RequestUnstake { who, pool, shares } => {
			let pool = pick_pool(pool);
			let bonded = Stakers::<Test>::get(who, pool).map_or(0, |staker| staker.shares);
			let shares = shares.resolve(bonded);
			Dispatched {
				pool: Some(pool),
				..Dispatched::new(
					format!("request_unstake(signed({who}), {pool}, {shares}) [bonded {bonded}]"),
					MutualPool::request_unstake(signed(who), pool, shares),
				)
			}
		},
		Action::Withdraw { who, pool, min_amount } => {
			let pool = pick_pool(pool);
			let value = MutualPool::position(pool, &who).map(|position| position.unbonding_value);
			let share = match (value, MutualPool::pool_status(pool)) {
				(Some(value), Some(status)) if status.capital > 0 => {
					(value * status.pending_claims).div_ceil(status.capital).min(value)
				},
				_ => 0,
			};
			let min_amount = min_amount.resolve(value.unwrap_or(0));
			Dispatched {
				oracle: Some(Oracle::Withdrawal(value, share)),
				..Dispatched::new(
					format!(
						"withdraw(signed({who}), {pool}, {min_amount}) [unbonding value {value:?}]"
					),
					MutualPool::withdraw(signed(who), pool, min_amount)
						.map(|_| ())
						.map_err(|e| e.error),
				)
			}
		},
		Action::Rebond { who, pool } => {
			let pool = pick_pool(pool);
			Dispatched::new(
				format!("rebond(signed({who}), {pool})"),
				MutualPool::rebond(signed(who), pool).map(|_| ()).map_err(|e| e.error),
			)
		},
		Action::BuyCover { who, product, amount, period, max } => {
			let product = pick_product(product);
			let amount = amount.resolve(free_capacity(product));
			let period = period.resolve(product);
			let quote = MutualPool::quote(product, amount, period);
			let max_premium = match (max, quote) {
				(MaxPremium::Unlimited, _) => Balance::MAX,
				(MaxPremium::Quote, Ok(premium)) => premium,
				(MaxPremium::BelowQuote, Ok(premium)) => premium.saturating_sub(1),
				(MaxPremium::Quote | MaxPremium::BelowQuote, Err(_)) => Balance::MAX,
				(MaxPremium::Raw(max_premium), _) => max_premium,
			};
			Dispatched {
				oracle: Some(Oracle::Purchase(Purchase { quote, max_premium })),
				pool: Products::<Test>::get(product).map(|product| product.pool_id),
				..Dispatched::new(
					format!(
						"buy_cover(signed({who}), {product}, {amount}, {period}, {max_premium}) \
						 [quote {quote:?}]"
					),
					MutualPool::buy_cover(signed(who), product, amount, period, max_premium),
				)
			}
		},
		Action::TransferCover { who, cover, to } => {
			let cover = cover_id(cover);
			let who = signer_of(who, cover);
			Dispatched::new(
				format!("transfer_cover(signed({who}), {cover}, {to})"),
				MutualPool::transfer_cover(signed(who), cover, to),
			)
		},
		Action::SubmitClaim { who, cover, amount } => {
			let cover = cover_id(cover);
			let who = signer_of(who, cover);
			let remaining = Covers::<Test>::get(cover).map_or(0, |cover| cover.remaining);
			let amount = amount.resolve(remaining);
			Dispatched::new(
				format!("submit_claim(signed({who}), {cover}, {amount}) [remaining {remaining}]"),
				MutualPool::submit_claim(signed(who), cover, amount, evidence()),
			)
		},
		Action::ApproveClaim { by, claim, payout } => {
			let claim = claim_id(claim);
			let claimed = Claims::<Test>::get(claim).map_or(0, |claim| claim.amount);
			let payout = payout.resolve(claimed);
			Dispatched {
				pool: claim_pool(claim),
				..Dispatched::new(
					format!("approve_claim({by:?}, {claim}, {payout}) [claimed {claimed}]"),
					MutualPool::approve_claim(by.origin(), claim, payout),
				)
			}
		},
		Action::RejectClaim { by, claim } => {
			let claim = claim_id(claim);
			Dispatched::new(
				format!("reject_claim({by:?}, {claim})"),
				MutualPool::reject_claim(by.origin(), claim),
			)
		},
		Action::AppealClaim { who, claim } => {
			let claim = claim_id(claim);
			let who = match who {
				Signer::Owner => Claims::<Test>::get(claim).map_or(ALICE, |claim| claim.claimant),
				Signer::Account(who) => who,
			};
			Dispatched::new(
				format!("appeal_claim(signed({who}), {claim})"),
				MutualPool::appeal_claim(signed(who), claim),
			)
		},
		Action::UpholdAppeal { referendum, claim } => {
			let claim = claim_id(claim);
			let by = if referendum { REFERENDUM } else { SUPERMAJORITY };
			Dispatched {
				pool: claim_pool(claim),
				..Dispatched::new(
					format!("uphold_appeal(signed({by}), {claim})"),
					MutualPool::uphold_appeal(signed(by), claim),
				)
			}
		},
		Action::ConcludeAppeal { claim, approved } => {
			let claim = claim_id(claim);
			let appealed = Claims::<Test>::get(claim)
				.is_some_and(|claim| matches!(claim.status, ClaimStatus::Appealed { .. }));
			if appealed {
				conclude_appeal(claim, approved);
			}
			Dispatched::new(format!("the referendum on claim {claim} ends: {approved}"), Ok(()))
		},
		Action::CloseClaim { who, claim } => {
			let claim = claim_id(claim);
			Dispatched::new(
				format!("close_claim(signed({who}), {claim})"),
				MutualPool::close_claim(signed(who), claim).map(|_| ()).map_err(|e| e.error),
			)
		},
		Action::DeclareIncident { by, product, back, ratio } => {
			let product = pick_product(product);
			let now = System::block_number();
			let at = back.map_or(now + 1, |back| now.saturating_sub(back));
			Dispatched {
				pool: Products::<Test>::get(product).map(|product| product.pool_id),
				..Dispatched::new(
					format!("declare_incident({by:?}, {product}, {at}, {ratio:?})"),
					MutualPool::declare_incident(by.origin(), product, at, ratio, evidence()),
				)
			}
		},
		Action::DeclareIncidents { by, product, back, ratio, count } => {
			let product = pick_product(product);
			let at = System::block_number().saturating_sub(back);
			let result = frame_support::storage::with_storage_layer(|| {
				(0..count).try_for_each(|_| {
					MutualPool::declare_incident(by.origin(), product, at, ratio, evidence())
				})
			});
			Dispatched {
				pool: Products::<Test>::get(product).map(|product| product.pool_id),
				..Dispatched::new(
					format!("batch_all([declare_incident({by:?}, {product}, {at}, {ratio:?}); {count}])"),
					result,
				)
			}
		},
		Action::RedeemCover { who, incident, cover } => {
			let incident = incident_id(incident);
			// An existing cover is one of the incident's product, which it may have hit.
			let cover = match (cover, Incidents::<Test>::get(incident)) {
				(Id::Existing(n), Some(incident)) => {
					let mut covers: Vec<CoverId> = Covers::<Test>::iter()
						.filter(|(_, cover)| cover.product_id == incident.product_id)
						.map(|(id, _)| id)
						.collect();
					covers.sort();
					covers.get((n % covers.len().max(1) as u64) as usize).copied().unwrap_or(0)
				},
				(cover, _) => cover_id(cover),
			};
			let (result, observed) = redeem(who, incident, cover);
			Dispatched {
				oracle: Some(Oracle::Redemptions(observed.into_iter().collect())),
				..Dispatched::new(
					format!("redeem_cover(signed({who}), {incident}, {cover})"),
					result,
				)
			}
		},
		Action::RedeemAll { who, reverse } => {
			// Every cover an open incident of the demo pool hit and did not pay yet.
			let mut hit: Vec<(IncidentId, CoverId)> = Incidents::<Test>::iter()
				.filter(|(_, incident)| incident.pool_id == POOL)
				.flat_map(|(incident_id, incident)| {
					Covers::<Test>::iter()
						.filter(move |(cover_id, cover)| {
							MutualPool::is_affected(&incident, cover)
								&& !Redemptions::<Test>::get(cover_id).contains(&incident_id)
						})
						.map(move |(cover_id, _)| (incident_id, cover_id))
				})
				.collect();
			hit.sort();
			if reverse {
				hit.reverse();
			}
			let observed = hit
				.iter()
				.filter_map(|&(incident, cover)| redeem(who, incident, cover).1)
				.collect();
			Dispatched {
				oracle: Some(Oracle::Redemptions(observed)),
				..Dispatched::new(format!("redeem_cover({who}, _) of {hit:?}"), Ok(()))
			}
		},
		Action::Fill { who } => {
			let result = frame_support::storage::with_storage_layer(|| {
				[0, 1].into_iter().try_for_each(|product| {
					let period = Period::Max(0).resolve(product);
					let amount = free_capacity(product);
					MutualPool::buy_cover(signed(who), product, amount, period, Balance::MAX)
				})
			});
			Dispatched {
				pool: Some(POOL),
				..Dispatched::new(format!("batch_all(buy_cover({who}, all free); 2)"), result)
			}
		},
		Action::TotalLoss { back } => {
			let now = System::block_number();
			let result = frame_support::storage::with_storage_layer(|| {
				[0, 1].into_iter().try_for_each(|product| {
					let at = Covers::<Test>::iter_values()
						.filter(|cover| cover.product_id == product && cover.start < now)
						.map(|cover| cover.start)
						.max()
						.unwrap_or(now.saturating_sub(back));
					let ratio = Perbill::one();
					MutualPool::declare_incident(
						RuntimeOrigin::root(),
						product,
						at,
						ratio,
						evidence(),
					)
				})
			});
			Dispatched {
				pool: Some(POOL),
				..Dispatched::new(
					"batch_all(declare_incident(root, _, _, 100%); 2)".to_string(),
					result,
				)
			}
		},
		Action::TopUp { who, shortfall } => {
			let (incident, cover) = match shortfall {
				Id::Existing(n) => {
					let mut booked: Vec<(IncidentId, CoverId)> =
						Shortfalls::<Test>::iter_keys().collect();
					booked.sort();
					booked.get((n % booked.len().max(1) as u64) as usize).copied().unwrap_or((0, 0))
				},
				Id::Raw(n) => (n as IncidentId, n),
			};
			let rate = Shortfalls::<Test>::get(incident, cover)
				.and_then(|booked| redemption(booked.pool_id, booked.owed, booked.paid));
			let result = MutualPool::top_up(signed(who), incident, cover);
			Dispatched {
				oracle: Some(Oracle::Redemptions(observe(rate, &result).into_iter().collect())),
				..Dispatched::new(format!("top_up(signed({who}), {incident}, {cover})"), result)
			}
		},
		Action::CloseIncident { who, incident } => {
			let incident = incident_id(incident);
			Dispatched::new(
				format!("close_incident(signed({who}), {incident})"),
				MutualPool::close_incident(signed(who), incident)
					.map(|_| ())
					.map_err(|e| e.error),
			)
		},
		Action::LapseClaim { who, claim } => {
			let claim = claim_id(claim);
			let origin = who.map_or_else(RuntimeOrigin::root, RuntimeOrigin::signed);
			Dispatched::new(
				format!("lapse_claim({who:?}, {claim})"),
				MutualPool::lapse_claim(origin, claim).map(|_| ()).map_err(|e| e.error),
			)
		},
		Action::RollExpiries { who, owner } => {
			let origin = who.map_or_else(RuntimeOrigin::root, RuntimeOrigin::signed);
			let owner = match owner {
				ExpiryOwner::Pool(pick) => ExpiryOwner::Pool(pick_pool(pick as u8)),
				ExpiryOwner::Product(pick) => ExpiryOwner::Product(pick_product(pick as u8)),
			};
			Dispatched::new(
				format!("roll_expiries({who:?}, {owner:?})"),
				MutualPool::roll_expiries(origin, owner).map(|_| ()).map_err(|e| e.error),
			)
		},
		Action::PayFees { who, pool } => {
			let pool = pick_pool(pool);
			Dispatched::new(
				format!("pay_fees({who}, {pool})"),
				MutualPool::pay_fees(RuntimeOrigin::signed(who), pool),
			)
		},
		Action::ReleaseHold { by, who, pool } => {
			let pool = pick_pool(pool);
			Dispatched::new(
				format!("release_hold(signed({by}), {who}, {pool})"),
				MutualPool::release_hold(signed(by), who, pool),
			)
		},
		Action::RefileDust { cover } => {
			let cover = cover_id(cover);
			let owner = Covers::<Test>::get(cover).map_or(ALICE, |cover| cover.owner);
			let pending = Covers::<Test>::get(cover).and_then(|cover| cover.pending_claim);
			let result = frame_support::storage::with_storage_layer(|| {
				if let Some(claim) = pending {
					MutualPool::lapse_claim(signed(owner), claim).map_err(|e| e.error)?;
				}
				MutualPool::submit_claim(signed(owner), cover, 1, evidence())
			});
			Dispatched::new(
				format!("batch_all(lapse_claim {pending:?} + submit_claim({owner}, {cover}, 1))"),
				result,
			)
		},
		Action::Idle(weight) => {
			let used = MutualPool::on_idle(System::block_number(), weight);
			Dispatched::new(format!("on_idle({weight:?}) used {used:?}"), Ok(()))
		},
		Action::BuyAndClaim { who, product, amount, period } => {
			let product = pick_product(product);
			let amount = amount.resolve(free_capacity(product));
			let period = period.resolve(product);
			let cover = NextCoverId::<Test>::get();
			let result = frame_support::storage::with_storage_layer(|| {
				MutualPool::buy_cover(signed(who), product, amount, period, Balance::MAX)?;
				MutualPool::submit_claim(signed(who), cover, amount, evidence())
			});
			Dispatched::new(
				format!(
					"batch_all(buy_cover + submit_claim)({who}, {product}, {amount}, {period})"
				),
				result,
			)
		},
		Action::CreatePool { by, ref edits } => {
			let mut params = pool_params();
			edits.iter().for_each(|edit| edit.apply(&mut params));
			Dispatched::new(
				format!("create_pool({by:?}, {edits:?})"),
				MutualPool::create_pool(by.origin(), params),
			)
		},
		Action::CreateProduct { by, pool, ref edits } => {
			let pool = pick_pool(pool);
			let mut params = product_params(2, 50);
			edits.iter().for_each(|edit| edit.apply(&mut params));
			Dispatched::new(
				format!("create_product({by:?}, {pool}, {edits:?})"),
				MutualPool::create_product(by.origin(), pool, params),
			)
		},
		Action::UpdatePool { by, pool, ref edits } => {
			let pool = pick_pool(pool);
			let result = match Pools::<Test>::get(pool) {
				Some(stored) => {
					let mut params = stored.params;
					edits.iter().for_each(|edit| edit.apply(&mut params));
					MutualPool::update_pool(by.origin(), pool, params)
				},
				// The parameters of a missing pool: the demo pool's.
				None => MutualPool::update_pool(by.origin(), pool, pool_params()),
			};
			Dispatched::new(format!("update_pool({by:?}, {pool}, {edits:?})"), result)
		},
		Action::UpdateProduct { by, product, ref edits } => {
			let product = pick_product(product);
			let mut params =
				Products::<Test>::get(product).map_or_else(|| product_params(2, 50), |p| p.params);
			edits.iter().for_each(|edit| edit.apply(&mut params));
			Dispatched::new(
				format!("update_product({by:?}, {product}, {edits:?})"),
				MutualPool::update_product(by.origin(), product, params),
			)
		},
		Action::FreezePool { by, pool } => {
			let pool = pick_pool(pool);
			Dispatched::new(
				format!("freeze_pool({by:?}, {pool})"),
				MutualPool::freeze_pool(by.origin(), pool),
			)
		},
		Action::ReopenPool { root, pool } => {
			let pool = pick_pool(pool);
			let origin = if root { RuntimeOrigin::root() } else { signed(COUNCIL) };
			Dispatched::new(
				format!("reopen_pool(root: {root}, {pool})"),
				MutualPool::reopen_pool(origin, pool),
			)
		},
		Action::ReapCover { who, cover } => {
			let cover = cover_id(cover);
			Dispatched::new(
				format!("reap_cover({who}, {cover})"),
				MutualPool::reap_cover(signed(who), cover).map(|_| ()).map_err(|e| e.error),
			)
		},
		Action::SetWarmup(blocks) => {
			StakeWarmup::set(blocks);
			Dispatched::new(format!("StakeWarmup = {blocks}"), Ok(()))
		},
		Action::AdvanceBlocks { blocks, idle } => {
			let to = System::block_number() + blocks;
			if idle {
				run_to_block(to);
			} else {
				// The blocks' hooks, but no on_idle: expiry buckets and accrual lag behind.
				System::run_to_block_with::<AllPalletsWithSystem>(
					to,
					frame_system::RunToBlockHooks::default(),
				);
			}
			Dispatched::new(format!("advance to block {to}, on_idle: {idle}"), Ok(()))
		},
	}
}
