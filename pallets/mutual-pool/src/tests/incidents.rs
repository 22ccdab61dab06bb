//! Tests of incidents: declaration, redemption of every cover hit, the reserve, the deadline.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, dispatch::Pays};
use sp_arithmetic::Perbill;
use sp_runtime::DispatchError;

/// Incident `id`, which must be open.
fn incident(id: IncidentId) -> IncidentOf<Test> {
	Incidents::<Test>::get(id).expect("incident is open")
}

/// Pool 0's capital with its earnings accrued to this block: what a payout now is taken from.
fn capital_now() -> Balance {
	MutualPool::pool_status(0).unwrap().capital
}

/// Bob stakes 1M into pool 0 (capacity 2M, product 0 up to 1M, large-claim threshold 200_000);
/// at block 1 Charlie buys 100_000 and Dave 50_000 of cover on product 0 for a year (covers 0
/// and 1); at block 6 the incident happens, declared at block 8 for half of each cover.
/// Returns the incident's id.
fn half_loss_on_two_covers() -> IncidentId {
	stake(BOB, MILLION);
	assert_eq!(buy(CHARLIE, 0, 100_000, YEAR), 0);
	assert_eq!(buy(DAVE, 0, 50_000, YEAR), 1);
	run_to_block(8);
	declare(signed(COUNCIL), 0, 6, 50)
}

#[test]
fn an_incident_reserves_its_exposure_and_pays_every_cover_it_hit_once() {
	ExtBuilder::default().build_and_execute(|| {
		let incident_id = half_loss_on_two_covers();
		// Half of the product's 150_000 of active cover is reserved: it counts as pending.
		System::assert_last_event(
			Event::IncidentDeclared {
				incident_id,
				product_id: 0,
				pool_id: 0,
				occurred_at: 6,
				ratio: Perbill::from_percent(50),
				reserved: 75_000,
				closes_at: 8 + REDEMPTION_PERIOD,
			}
			.into(),
		);
		assert_eq!(pool(0).pending_claims, 75_000);
		assert_eq!(
			ProductIncidents::<Test>::get(0).into_inner(),
			vec![OpenIncident {
				incident_id,
				occurred_at: 6,
				declared_at: 8,
				closes_at: 8 + REDEMPTION_PERIOD
			}]
		);

		// Anyone redeems Charlie's cover for him: half of its amount, from the pool.
		let (charlie, before) = (free(CHARLIE), capital_now());
		assert_ok!(MutualPool::redeem_cover(signed(EVE), incident_id, 0));
		System::assert_last_event(
			Event::CoverRedeemed { incident_id, cover_id: 0, owner: CHARLIE, payout: 50_000 }
				.into(),
		);
		assert_eq!(free(CHARLIE), charlie + 50_000);
		assert_eq!(pool(0).capital, before - 50_000);
		assert_eq!(cover(0).remaining, 50_000);
		assert_eq!(pool(0).active_cover, 100_000);
		assert_eq!(book(0).active_cover, 100_000);
		let open = incident(incident_id);
		assert_eq!((open.reserved, open.paid, open.redeemed), (25_000, 50_000, 1));
		assert_eq!(pool(0).pending_claims, 25_000);
		// The whole reserve counts in the large-claim window from the declaration; redemptions
		// add nothing to it.
		assert_eq!(pool(0).payouts.total(), 75_000);

		// Once per incident.
		assert_noop!(
			MutualPool::redeem_cover(signed(CHARLIE), incident_id, 0),
			Error::<Test>::AlreadyRedeemed
		);
		assert_ok!(MutualPool::redeem_cover(signed(DAVE), incident_id, 1));
		let open = incident(incident_id);
		assert_eq!((open.reserved, open.paid, open.redeemed), (0, 75_000, 2));
		assert_eq!(pool(0).pending_claims, 0);
		// Bob, the only staker, bore the whole loss.
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, capital_now());
	});
}

#[test]
fn cover_bought_after_the_incident_or_active_later_is_not_paid() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		let before = buy(CHARLIE, 0, 100_000, YEAR);
		let other_product = buy(CHARLIE, 1, 100_000, YEAR);
		// Bought at block 1, but starting at block 11 after an activation delay of 10.
		let params = ProductParams { activation_delay: 10, ..product_params(2, 50) };
		assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), 0, params));
		let delayed = buy(DAVE, 0, 100_000, YEAR);
		assert_eq!(cover(delayed).start, 11);
		run_to_block(6);
		// Bought after the exploit became public: it starts after the incident's block.
		let after = buy(EVE, 0, 100_000, YEAR);
		let incident_id = declare(signed(SUPERMAJORITY), 0, 5, 100);
		for cover_id in [other_product, delayed, after] {
			assert_noop!(
				MutualPool::redeem_cover(signed(EVE), incident_id, cover_id),
				Error::<Test>::CoverNotAffected
			);
		}
		assert_ok!(MutualPool::redeem_cover(signed(EVE), incident_id, before));
		assert_eq!(cover(before).remaining, 0);
		// The reserve counted every cover of the product (300_000); what was not paid stays
		// reserved until the incident closes.
		assert_eq!(incident(incident_id).reserved, 200_000);
		assert_noop!(
			MutualPool::redeem_cover(signed(EVE), incident_id, 99),
			Error::<Test>::CoverNotFound
		);
		assert_noop!(
			MutualPool::redeem_cover(signed(EVE), 7, before),
			Error::<Test>::IncidentNotFound
		);
	});
}

#[test]
fn a_cover_whose_claim_window_closed_before_the_declaration_is_not_paid() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		// Ends at block 11; claims until 111 (a claim window of 100).
		let short = buy(CHARLIE, 0, 100_000, 10);
		let long = buy(DAVE, 0, 100_000, YEAR);
		assert_eq!(cover(short).claim_until, 111);
		jump_to_block(112);
		let incident_id = declare(signed(SUPERMAJORITY), 0, 5, 100);
		assert_noop!(
			MutualPool::redeem_cover(signed(EVE), incident_id, short),
			Error::<Test>::CoverNotAffected
		);
		assert_ok!(MutualPool::redeem_cover(signed(EVE), incident_id, long));
	});
}

#[test]
fn the_ratio_pays_part_of_what_the_cover_has_left() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		let cover_id = buy(CHARLIE, 0, 100_000, YEAR);
		// A first claim took 70_000 of it: 30_000 is left.
		let claim_id = claim(CHARLIE, cover_id, 70_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 70_000));
		run_to_block(2);
		let depeg = declare(signed(COUNCIL), 0, 1, 40);
		// 40% of the 30_000 left is reserved, and 40% of it is paid: the reserve holds exactly
		// what the incident pays.
		assert_eq!(incident(depeg).reserved, 12_000);
		let charlie = free(CHARLIE);
		assert_ok!(MutualPool::redeem_cover(signed(CHARLIE), depeg, cover_id));
		assert_eq!(free(CHARLIE), charlie + 12_000);
		assert_eq!(cover(cover_id).remaining, 18_000);
		assert_eq!(incident(depeg).reserved, 0);
		assert_eq!(pool(0).pending_claims, 0);
		assert_noop!(
			MutualPool::redeem_cover(signed(CHARLIE), depeg, cover_id),
			Error::<Test>::AlreadyRedeemed
		);
		// A second incident pays its ratio of the 18_000 left.
		let again = declare(signed(COUNCIL), 0, 1, 10);
		assert_ok!(MutualPool::redeem_cover(signed(CHARLIE), again, cover_id));
		assert_eq!(cover(cover_id).remaining, 16_200);
		// A ratio that pays less than a unit of what is left pays nothing.
		let dust =
			MutualPool::declare_incident(signed(COUNCIL), 0, 1, Perbill::from_parts(1), evidence());
		assert_ok!(dust);
		assert_noop!(
			MutualPool::redeem_cover(signed(CHARLIE), NextIncidentId::<Test>::get() - 1, cover_id),
			Error::<Test>::NothingToRedeem
		);
	});
}

#[test]
fn a_cover_with_a_pending_claim_is_redeemed_after_the_decision() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		let cover_id = buy(CHARLIE, 0, 100_000, YEAR);
		let claim_id = claim(CHARLIE, cover_id, 100_000);
		run_to_block(2);
		let incident_id = declare(signed(COUNCIL), 0, 1, 50);
		assert_noop!(
			MutualPool::redeem_cover(signed(CHARLIE), incident_id, cover_id),
			Error::<Test>::ClaimAlreadyPending
		);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 20_000));
		assert_ok!(MutualPool::redeem_cover(signed(CHARLIE), incident_id, cover_id));
		// Half of the 80_000 the approval left.
		assert_eq!(cover(cover_id).remaining, 40_000);
	});
}

#[test]
fn who_may_declare_an_incident_and_how_large() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		buy(CHARLIE, 0, 300_000, YEAR);
		run_to_block(2);
		let declare_as = |origin| {
			MutualPool::declare_incident(origin, 0, 1, Perbill::from_percent(50), evidence())
		};
		for who in [ALICE, REFERENDUM] {
			assert_noop!(declare_as(signed(who)), DispatchError::BadOrigin);
		}
		assert_noop!(declare_as(RuntimeOrigin::none()), DispatchError::BadOrigin);
		// Half of 300_000 is within the threshold, 20% of the capital: the council declares it.
		assert_ok!(declare_as(signed(COUNCIL)));
		// A total loss (300_000) is above it: only the large-claim origin declares it.
		let total = |origin| MutualPool::declare_incident(origin, 0, 1, Perbill::one(), evidence());
		assert_noop!(total(signed(COUNCIL)), Error::<Test>::RequiresLargeClaimOrigin);
		assert_ok!(total(signed(SUPERMAJORITY)));
		assert_ok!(total(RuntimeOrigin::root()));
	});
}

#[test]
fn the_payouts_of_the_window_count_against_the_declaration() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		let big = buy(CHARLIE, 0, 180_000, YEAR);
		buy(DAVE, 1, 100_000, YEAR);
		run_to_block(2);
		let claim_id = claim(CHARLIE, big, 180_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 180_000));
		// 180_000 paid in this window: 30% of product 1's 100_000 would pass 20% of the capital.
		assert_noop!(
			MutualPool::declare_incident(
				signed(COUNCIL),
				1,
				1,
				Perbill::from_percent(30),
				evidence()
			),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		// Once the payout is out of the window the council may.
		jump_to_block(out_of_window(2));
		let incident_id = declare(signed(COUNCIL), 1, 1, 30);
		// The reserve counts in the window from the declaration, so the council's next
		// decisions see it; the redemption it pays adds nothing.
		assert_eq!(pool(0).payouts.total(), 30_000);
		assert_ok!(MutualPool::redeem_cover(signed(DAVE), incident_id, 1));
		assert_eq!(pool(0).payouts.total(), 30_000);
	});
}

#[test]
fn bad_declarations_fail() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		run_to_block(5);
		let declare_with = |product_id, occurred_at, ratio| {
			MutualPool::declare_incident(
				signed(COUNCIL),
				product_id,
				occurred_at,
				ratio,
				evidence(),
			)
		};
		let half = Perbill::from_percent(50);
		assert_noop!(declare_with(9, 4, half), Error::<Test>::ProductNotFound);
		assert_noop!(declare_with(0, 6, half), Error::<Test>::IncidentInFuture);
		// Nor at the declaring block: a cover bought in it after the declaration would start
		// there, in force at the incident but missing from the reserve.
		assert_noop!(declare_with(0, 5, half), Error::<Test>::IncidentInFuture);
		assert_noop!(declare_with(0, 4, Perbill::zero()), Error::<Test>::ZeroRatio);
		// A product without cover: nothing to reserve, and nothing holds withdrawals.
		assert_ok!(declare_with(0, 4, half));
		assert_eq!(incident(0).reserved, 0);
		assert_eq!(pool(0).pending_claims, 0);
		for _ in 1..bounds::MAX_OPEN_INCIDENTS {
			assert_ok!(declare_with(0, 4, half));
		}
		assert_noop!(declare_with(0, 4, half), Error::<Test>::TooManyIncidents);
		// Another product has its own.
		assert_ok!(declare_with(1, 4, half));
		// Closing one makes room.
		jump_to_block(5 + REDEMPTION_PERIOD);
		assert_ok!(MutualPool::close_incident(signed(EVE), 0));
		assert_ok!(declare_with(0, 4, half));
	});
}

#[test]
fn redemptions_end_at_the_deadline_and_closing_releases_the_reserve() {
	ExtBuilder::default().build_and_execute(|| {
		let incident_id = half_loss_on_two_covers();
		let closes_at = incident(incident_id).closes_at;
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 500_000));
		run_to_block(closes_at - 1);
		// The reserve holds back Bob's share of it from his withdrawal (his unbonding period of
		// 20 is over).
		let (capital, bob) = (MutualPool::pool_status(0).unwrap().capital, free(BOB));
		let value = MutualPool::position(0, &BOB).unwrap().unbonding_value;
		let share = (value * 75_000).div_ceil(capital);
		assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		assert_eq!(free(BOB) - bob, value - share);
		assert_noop!(
			MutualPool::close_incident(signed(EVE), incident_id),
			Error::<Test>::RedemptionOpen
		);
		assert_ok!(MutualPool::redeem_cover(signed(CHARLIE), incident_id, 0));
		assert_noop!(MutualPool::release_hold(signed(EVE), BOB, 0), Error::<Test>::HoldNotDue);
		run_to_block(closes_at);
		assert_noop!(
			MutualPool::redeem_cover(signed(DAVE), incident_id, 1),
			Error::<Test>::RedemptionClosed
		);
		// Anyone closes it, free of fees: Dave's unredeemed 25_000 is released.
		let info = MutualPool::close_incident(signed(EVE), incident_id).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		System::assert_last_event(Event::IncidentClosed { incident_id, released: 25_000 }.into());
		assert_eq!(pool(0).pending_claims, 0);
		assert!(Incidents::<Test>::get(incident_id).is_none());
		assert!(!ProductIncidents::<Test>::contains_key(0));
		// Bob's hold bears his share of Charlie's 50_000, and gives back the rest.
		let charged = (50_000 * value).div_ceil(capital);
		assert_eq!(release(BOB), (charged, share - charged));
		assert_noop!(
			MutualPool::close_incident(signed(EVE), incident_id),
			Error::<Test>::IncidentNotFound
		);
		assert_noop!(
			MutualPool::redeem_cover(signed(DAVE), incident_id, 1),
			Error::<Test>::IncidentNotFound
		);
	});
}

#[test]
fn a_cover_an_open_incident_could_pay_is_not_reaped() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		// Claims close at block 111; the incident is declared at 100, open until 130.
		let paid = buy(CHARLIE, 0, 100_000, 10);
		let unpaid = buy(DAVE, 0, 100_000, 10);
		run_to_block(100);
		let incident_id = declare(signed(COUNCIL), 0, 5, 50);
		assert_ok!(MutualPool::redeem_cover(signed(CHARLIE), incident_id, paid));
		assert_eq!(Redemptions::<Test>::get(paid).into_inner(), vec![incident_id]);
		run_to_block(125);
		// Both covers' claim windows closed and their buckets rolled: the redeemed one goes, the
		// other waits for its owner until the incident closes.
		assert_ok!(MutualPool::reap_cover(signed(EVE), paid));
		assert!(!Redemptions::<Test>::contains_key(paid));
		assert_noop!(MutualPool::reap_cover(signed(EVE), unpaid), Error::<Test>::CoverRedeemable);
		assert_ok!(MutualPool::redeem_cover(signed(EVE), incident_id, unpaid));
		assert_ok!(MutualPool::reap_cover(signed(EVE), unpaid));
	});
}

#[test]
fn an_unredeemed_cover_is_reaped_once_the_incident_is_over() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		let cover_id = buy(DAVE, 0, 100_000, 10);
		run_to_block(100);
		let incident_id = declare(signed(COUNCIL), 0, 5, 50);
		run_to_block(130);
		// The deadline passed: nobody can redeem it any more, even before the incident closes.
		assert_ok!(MutualPool::reap_cover(signed(EVE), cover_id));
		assert_ok!(MutualPool::close_incident(signed(EVE), incident_id));
	});
}

#[test]
fn redemptions_are_shared_by_bonded_and_unbonding_shares() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		stake(FERDIE, MILLION);
		assert_ok!(MutualPool::request_unstake(signed(FERDIE), 0, MILLION));
		buy(CHARLIE, 0, 200_000, YEAR);
		run_to_block(2);
		let incident_id = declare(signed(SUPERMAJORITY), 0, 1, 100);
		let (bob, ferdie) = (
			MutualPool::position(0, &BOB).unwrap().value,
			MutualPool::position(0, &FERDIE).unwrap().value,
		);
		assert_ok!(MutualPool::redeem_cover(signed(CHARLIE), incident_id, 0));
		// Ferdie's unbonding half bears half the loss, rounded up.
		assert_eq!(MutualPool::position(0, &FERDIE).unwrap().value, ferdie - 100_000);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, bob - 100_000);
	});
}

#[test]
fn a_redemption_above_the_capital_depletes_the_pool_and_books_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, MILLION);
		open_product_shares();
		buy(CHARLIE, 0, 1_500_000, YEAR);
		run_to_block(2);
		let incident_id = declare(signed(SUPERMAJORITY), 0, 1, 100);
		let capital = capital_now();
		let charlie = free(CHARLIE);
		assert_ok!(MutualPool::redeem_cover(signed(CHARLIE), incident_id, 0));
		assert_eq!(free(CHARLIE), charlie + capital);
		System::assert_last_event(
			Event::RedemptionShortPaid { incident_id, cover_id: 0, owed: 1_500_000, paid: capital }
				.into(),
		);
		assert!(pool(0).depleted);
		assert_eq!(pool(0).capital, 0);
		// Everything owed left the cover; what was not paid is booked, and pending.
		assert_eq!(cover(0).remaining, 0);
		assert_eq!(pool(0).active_cover, 0);
		let shortfall = Shortfalls::<Test>::get(incident_id, 0).unwrap();
		assert_eq!(
			(shortfall.owner, shortfall.owed, shortfall.paid),
			(CHARLIE, 1_500_000, capital)
		);
		assert_eq!(pool(0).pending_claims, 1_500_000 - capital);
		// Nothing is left to pay it with.
		assert_noop!(
			MutualPool::top_up(signed(EVE), incident_id, 0),
			Error::<Test>::NothingToTopUp
		);
		// Reopening the pool writes it off: no new stake pays it.
		assert_ok!(MutualPool::reopen_pool(RuntimeOrigin::root(), 0));
		assert!(events().contains(&Event::ShortfallsWrittenOff {
			pool_id: 0,
			outstanding: 1_500_000 - capital
		}));
		assert_eq!(pool(0).pending_claims, 0);
		assert_ok!(MutualPool::top_up(signed(EVE), incident_id, 0));
		System::assert_last_event(Event::ShortfallRemoved { incident_id, cover_id: 0 }.into());
		assert!(Shortfalls::<Test>::get(incident_id, 0).is_none());
		assert_noop!(MutualPool::top_up(signed(EVE), incident_id, 0), Error::<Test>::NoShortfall);
	});
}

#[test]
fn the_agenda_lists_a_pools_claims_and_incidents_with_their_deadlines() {
	ExtBuilder::default().build_and_execute(|| {
		let incident_id = half_loss_on_two_covers();
		let pending = claim(CHARLIE, 0, 10_000);
		let rejected = claim(DAVE, 1, 20_000);
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), rejected));
		let agenda = MutualPool::agenda(0).unwrap();
		// Its amounts are in the pool's asset.
		assert_eq!(agenda.asset, PoolAsset::get());
		assert_eq!(
			agenda.claims,
			vec![
				ClaimAgenda {
					claim_id: pending,
					cover_id: 0,
					product_id: 0,
					claimant: CHARLIE,
					amount: 10_000,
					deposit: deposit(10_000),
					status: ClaimStatus::Pending,
					deadline: 8 + DECISION_PERIOD,
				},
				ClaimAgenda {
					claim_id: rejected,
					cover_id: 1,
					product_id: 0,
					claimant: DAVE,
					amount: 20_000,
					deposit: deposit(20_000),
					status: ClaimStatus::Rejected { appeal_until: 8 + DEFAULT_APPEAL_PERIOD },
					deadline: 8 + DEFAULT_APPEAL_PERIOD,
				},
			]
		);
		assert_eq!(
			agenda.incidents,
			vec![IncidentAgenda {
				incident_id,
				product_id: 0,
				occurred_at: 6,
				ratio: Perbill::from_percent(50),
				reserved: 75_000,
				paid: 0,
				redeemed: 0,
				closes_at: 8 + REDEMPTION_PERIOD,
			}]
		);
		assert_eq!(MutualPool::agenda(1), None);
	});
}

/// What the last `ShortfallToppedUp` event paid, and what it left owed.
fn topped_up() -> (Balance, Balance) {
	events()
		.into_iter()
		.rev()
		.find_map(|event| match event {
			Event::ShortfallToppedUp { amount, outstanding, .. } => Some((amount, outstanding)),
			_ => None,
		})
		.expect("a top-up")
}

/// A reserve counts cover that the incident does not pay (Eve's, bought after it happened): the
/// short pool pays Dave half at first, and once the incident closes with Eve's part of the
/// reserve unspent, the rest, to whoever owned the cover at the redemption.
#[test]
fn a_short_paid_redemption_is_topped_up_once_the_reserve_it_shared_is_freed() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		open_product_shares();
		let dave_cover = buy(DAVE, 0, MILLION, YEAR);
		run_to_block(3);
		buy(EVE, 0, MILLION, YEAR);
		run_to_block(4);
		let incident_id = declare(signed(SUPERMAJORITY), 0, 2, 100);
		assert_eq!(incident(incident_id).reserved, 2 * MILLION);
		let capital = capital_now();
		let dave = free(DAVE);
		assert_ok!(MutualPool::redeem_cover(signed(DAVE), incident_id, dave_cover));
		let first = MILLION * capital / (2 * MILLION);
		assert_eq!(free(DAVE) - dave, first);
		assert_eq!(pool(0).pending_claims, MILLION + MILLION - first);
		// The rate stays until the reserve is freed: nothing to top up.
		assert_noop!(
			MutualPool::top_up(signed(ALICE), incident_id, dave_cover),
			Error::<Test>::NothingToTopUp
		);
		// Dave sells his cover; what the pool owes him stays his.
		assert_ok!(MutualPool::transfer_cover(signed(DAVE), dave_cover, CHARLIE));
		run_to_block(4 + REDEMPTION_PERIOD);
		assert_ok!(MutualPool::close_incident(signed(ALICE), incident_id));
		assert_ok!(MutualPool::top_up(signed(ALICE), incident_id, dave_cover));
		assert_eq!(topped_up(), (MILLION - first, 0));
		assert_eq!(free(DAVE) - dave, MILLION);
		assert!(Shortfalls::<Test>::get(incident_id, dave_cover).is_none());
		assert_eq!(pool(0).pending_claims, 0);
		assert_eq!(pool(0).incidents, IncidentBook::default());
	});
}

/// Two incidents on a short pool: Dave's and Charlie's redemptions are paid the same fraction,
/// and once Eve's unredeemed part of the first reserve is freed, topping them up in either order
/// pays each the same higher fraction.
#[test]
fn short_paid_redemptions_are_topped_up_to_one_fraction_in_any_order() {
	for dave_first in [true, false] {
		ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
			open_product_shares();
			let dave_cover = buy(DAVE, 0, 800_000, YEAR);
			buy(EVE, 0, 800_000, YEAR);
			let charlie_cover = buy(CHARLIE, 1, 400_000, YEAR);
			run_to_block(3);
			let on_0 = declare(signed(SUPERMAJORITY), 0, 2, 100);
			let on_1 = declare(signed(SUPERMAJORITY), 1, 2, 100);
			let capital = capital_now();
			let (dave, charlie) = (free(DAVE), free(CHARLIE));
			assert_ok!(MutualPool::redeem_cover(signed(DAVE), on_0, dave_cover));
			assert_ok!(MutualPool::redeem_cover(signed(CHARLIE), on_1, charlie_cover));
			// Each is paid capital / 2M of what it is owed.
			assert_eq!(free(DAVE) - dave, 800_000 * capital / (2 * MILLION));
			assert_eq!(free(CHARLIE) - charlie, 400_000 * capital / (2 * MILLION));
			// Eve never redeems: at the close, her 800_000 of the reserve is freed.
			run_to_block(3 + REDEMPTION_PERIOD);
			assert_ok!(MutualPool::close_incident(signed(ALICE), on_0));
			let rate_claims = 1_200_000;
			let capital = MutualPool::pool_status(0).unwrap().capital
				+ (free(DAVE) - dave)
				+ (free(CHARLIE) - charlie);
			let order = if dave_first {
				[(on_0, dave_cover), (on_1, charlie_cover)]
			} else {
				[(on_1, charlie_cover), (on_0, dave_cover)]
			};
			for (incident_id, cover_id) in order {
				assert_ok!(MutualPool::top_up(signed(ALICE), incident_id, cover_id));
			}
			// `capital / 1.2M` of what each was owed, whichever was topped up first.
			assert_eq!(free(DAVE) - dave, 800_000 * capital / rate_claims);
			assert_eq!(free(CHARLIE) - charlie, 400_000 * capital / rate_claims);
		});
	}
}

/// A reaped cover's shortfall is still topped up, to the owner at the redemption.
#[test]
fn a_shortfall_outlives_its_cover() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		open_product_shares();
		let dave_cover = buy(DAVE, 0, MILLION, 10);
		buy(EVE, 0, MILLION, YEAR);
		run_to_block(3);
		let incident_id = declare(signed(SUPERMAJORITY), 0, 2, 100);
		assert_ok!(MutualPool::redeem_cover(signed(DAVE), incident_id, dave_cover));
		let owed = Shortfalls::<Test>::get(incident_id, dave_cover).unwrap();
		run_to_block(3 + REDEMPTION_PERIOD.max(200));
		assert_ok!(MutualPool::close_incident(signed(ALICE), incident_id));
		assert_ok!(MutualPool::reap_cover(signed(ALICE), dave_cover));
		let dave = free(DAVE);
		assert_ok!(MutualPool::top_up(signed(ALICE), incident_id, dave_cover));
		assert_eq!(free(DAVE) - dave, owed.owed - owed.paid);
	});
}
