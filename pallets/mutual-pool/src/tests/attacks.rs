//! The economic attacks of issue 9, one test each, with the numbers of the dev genesis scaled to
//! the mock (pool 0: capacity factor 2, fee 10%, unbonding 20 blocks; product 0: 50% share,
//! claim window 100 blocks; 10-block expiry buckets).
//!
//! Each test was first committed showing its attack working on the rules of the time (marked
//! ATTACK); the commit that closed the attack turned it around, so that it now shows the attack
//! failing and the property that the fix gives. docs/economics.md lists them with the rules.

use crate::{mock::*, pricing::Curve, *};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::{FixedPointNumber, FixedU128, Perbill};

/// Staker `who` asks to leave pool 0 with all its shares.
fn unstake_all(who: AccountId) {
	let shares = Stakers::<Test>::get(who, 0).expect("a staker").shares;
	assert_ok!(MutualPool::request_unstake(signed(who), 0, shares));
}

/// What `who` received from its last withdrawal from pool 0.
fn withdrawn(who: AccountId) -> Balance {
	events()
		.into_iter()
		.rev()
		.find_map(|event| match event {
			Event::Withdrawn { who: w, amount, .. } if w == who => Some(amount),
			_ => None,
		})
		.expect("a withdrawal")
}

/// Create product 2 on pool 0 with the whole of the pool's capacity.
fn full_capacity_product() -> ProductId {
	let params = product_params(2, 100);
	assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, params));
	NextProductId::<Test>::get() - 1
}

/// ATTACK 1: a cheap claim confiscated a withdrawal. Ferdie and Dave have 1M each; Dave's
/// unbonding has ended. Eve buys 2M of cover for the shortest period and claims all of it.
/// Dave's withdrawal used to pay at `(capital - pending) / shares`, next to nothing, and the
/// rejection handed what he left to Ferdie. Now Dave waits for the decision (at most
/// `ClaimDecisionPeriod`), the rejection costs neither staker anything, and the 2M claim held a
/// deposit that grows with the amount.
#[test]
fn attack_01_a_rejected_claim_costs_no_staker_anything() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			without_appeals();
			unstake_all(DAVE);
			run_to_block(21);
			let cover_id = buy(EVE, full_capacity_product(), 2 * MILLION, 10);
			let eve = native(EVE);
			let claim_id = claim(EVE, cover_id, 2 * MILLION);
			// The deposit grew with the amount, up to its bound.
			assert_eq!(eve - native(EVE), MAX_DEPOSIT);
			assert_eq!(deposit(2 * MILLION), MAX_DEPOSIT);
			assert_eq!(deposit(1_000), DEPOSIT + 1);

			let dave = MutualPool::position(0, &DAVE).unwrap().value;
			let ferdie = MutualPool::position(0, &FERDIE).unwrap().value;
			assert!(dave >= MILLION);
			// The claim counts against capacity beside the cover: Dave's capital backs both
			// until the decision.
			assert_noop!(
				MutualPool::withdraw(signed(DAVE), 0, 0),
				Error::<Test>::InsufficientFreeCapital
			);

			assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
			assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
			// Each staker is worth at least what it was before the claim: the rejected claim
			// took nothing. Dave's unbonding shares earn nothing, so the slashed deposit (and
			// the premium earned meanwhile) goes to Ferdie's bonded ones, earned by block 40 (the
			// end of the bucket after the next).
			assert_eq!(withdrawn(DAVE), dave);
			run_to_block(41);
			let ferdie_now = MutualPool::position(0, &FERDIE).unwrap().value;
			assert!(ferdie_now >= ferdie + in_pool(MAX_DEPOSIT), "{ferdie_now} of {ferdie}");
		});
}

/// ATTACK 2: a claim that was never decided locked capital for ever. Now every claim lapses
/// `ClaimDecisionPeriod` blocks after it was filed: it can no longer be decided, and anyone may
/// lapse it, which returns the deposit and unlocks the capital.
#[test]
fn attack_02_an_undecided_claim_lapses_after_the_decision_period() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, BOB, MILLION)
		.build_and_execute(|| {
			let cover_id = buy(EVE, 0, MILLION, 10);
			let eve = free(EVE);
			let claim_id = claim(EVE, cover_id, MILLION);
			let lapses_at = Claims::<Test>::get(claim_id).unwrap().lapses_at;
			assert_eq!(lapses_at, 1 + DECISION_PERIOD);
			unstake_all(BOB);

			run_to_block(lapses_at - 1);
			assert_noop!(
				MutualPool::lapse_claim(signed(ALICE), claim_id),
				Error::<Test>::ClaimNotLapsed
			);
			run_to_block(lapses_at);
			assert_noop!(
				MutualPool::approve_claim(signed(COUNCIL), claim_id, 1),
				Error::<Test>::ClaimLapsed
			);
			assert_noop!(
				MutualPool::reject_claim(signed(COUNCIL), claim_id),
				Error::<Test>::ClaimLapsed
			);
			// Anyone lapses it, free of fees.
			let info = MutualPool::lapse_claim(signed(ALICE), claim_id).unwrap();
			assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
			assert_eq!(events().last(), Some(&Event::ClaimLapsed { claim_id, cover_id }));
			assert_eq!(free(EVE), eve);
			assert_eq!(pool(0).pending_claims, 0);
			assert_eq!(Covers::<Test>::get(cover_id).unwrap().pending_claim, None);
			assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		});
}

/// ATTACK 2, re-filed: a claim re-filed after each lapse or rejection kept capital locked.
/// Claims may only be filed until the cover's `claim_until` and each lapses within the
/// decision period, so one cover locks capital at most until `claim_until +
/// ClaimDecisionPeriod`, however often it is re-filed.
#[test]
fn attack_02_refiling_locks_capital_no_longer_than_the_claim_window_and_one_period() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(EVE, 0, MILLION, 10);
		let claim_until = Covers::<Test>::get(cover_id).unwrap().claim_until;
		assert_eq!(claim_until, 11 + 100);
		let mut last_lapse = 0;
		loop {
			let now = System::block_number();
			if MutualPool::submit_claim(signed(EVE), cover_id, MILLION, evidence()).is_err() {
				break;
			}
			let claim_id = NextClaimId::<Test>::get() - 1;
			last_lapse = Claims::<Test>::get(claim_id).unwrap().lapses_at;
			run_to_block(now + DECISION_PERIOD);
			assert_ok!(MutualPool::lapse_claim(signed(ALICE), claim_id));
		}
		assert!(System::block_number() > claim_until);
		assert_noop!(
			MutualPool::submit_claim(signed(EVE), cover_id, MILLION, evidence()),
			Error::<Test>::OutsideClaimWindow
		);
		assert!(last_lapse <= claim_until + DECISION_PERIOD);
		assert_eq!(pool(0).pending_claims, 0);
	});
}

/// ATTACK 3: capital left before the claim window closed. A cover now holds capacity until its
/// `claim_until` (its bucket is booked there), so the staker cannot take the capital that backs
/// it (not even ask to leave with it), and the claim filed inside the window is paid in full.
#[test]
fn attack_03_capital_backs_cover_until_its_claim_window_closes() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(EVE, 0, MILLION, 10);
		// The cover ended at block 11; its claims close at 111, in bucket 12, due at 120.
		run_to_block(21);
		let shares = Stakers::<Test>::get(FERDIE, 0).unwrap().shares;
		assert_noop!(
			MutualPool::request_unstake(signed(FERDIE), 0, shares),
			Error::<Test>::InsufficientFreeCapital
		);
		run_to_block(50);
		let claim_id = claim(EVE, cover_id, MILLION);
		let eve = free(EVE);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_id, MILLION));
		assert_eq!(events().last(), Some(&Event::ClaimApproved { claim_id, payout: MILLION }));
		assert_eq!(free(EVE), eve + MILLION + in_pool(deposit(MILLION)));
	});
}

/// ATTACK 3, by governance: shortening a product's claim window shortened it for cover already
/// sold. The claim window is now fixed at sale (`Cover::claim_until`).
#[test]
fn attack_03_update_product_changes_no_cover_already_sold() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(EVE, 0, 500_000, 10);
		let params = ProductParams { claim_window: 0, ..product_params(2, 50) };
		assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), 0, params));
		run_to_block(111);
		assert_ok!(MutualPool::submit_claim(signed(EVE), cover_id, 500_000, evidence()));
		// A cover sold after the change has no claim window after its end.
		let later = buy(DAVE, 0, 1_000, 10);
		assert_eq!(Covers::<Test>::get(later).unwrap().claim_until, 121);
	});
}

/// ATTACK 6: the large-claim threshold was split into instalments. The threshold now applies to
/// everything paid on one cover, and to everything the pool paid within `LargeClaimWindow`, so
/// neither re-filing on one cover nor spreading the loss over several covers gets a large
/// payout through a simple majority.
#[test]
fn attack_06_instalments_need_the_large_claim_origin() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(EVE, 0, 900_000, YEAR);
		let threshold = Perbill::from_percent(20).mul_floor(pool(0).capital);
		let first = claim(EVE, cover_id, threshold);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), first, threshold));
		// The second instalment on the same cover needs the large-claim origin, however long
		// after the first.
		run_to_block(1 + LARGE_CLAIM_WINDOW);
		let second = claim(EVE, cover_id, 1_000);
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), second, 1_000),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), second, 1_000));
	});
}

/// ATTACK 6, over several covers: five covers of 20% each. Within one `LargeClaimWindow`, the
/// pool's payouts add up against the threshold.
#[test]
fn attack_06_several_covers_add_up_against_the_threshold() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let a = buy(EVE, 0, 150_000, YEAR);
		let b = buy(DAVE, 0, 150_000, YEAR);
		let c = buy(CHARLIE, 0, 150_000, YEAR);
		let (claim_a, claim_b) = (claim(EVE, a, 150_000), claim(DAVE, b, 150_000));
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_a, 150_000));
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), claim_b, 150_000),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_b, 150_000));
		// Once both payouts are out of the window, a simple majority may approve a claim up to
		// the threshold again.
		run_to_block(out_of_window(1));
		let claim_c = claim(CHARLIE, c, 120_000);
		assert!(120_000 <= Perbill::from_percent(20).mul_floor(pool(0).capital));
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_c, 120_000));
	});
}

/// ATTACK 7: cover was sold against capital that pending claims already take. Pending claims
/// now count against what a pool may sell and in its price, and `quote` says the same.
#[test]
fn attack_07_pending_claims_count_against_capacity_and_price() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let product = full_capacity_product();
		let cover_id = buy(EVE, 0, 900_000, YEAR);
		let quote_without_claim = MutualPool::quote(product, 100_000, YEAR).unwrap();
		claim(EVE, cover_id, 900_000);
		let quote_with_claim = MutualPool::quote(product, 100_000, YEAR).unwrap();
		assert!(quote_with_claim > quote_without_claim);
		assert_noop!(
			MutualPool::buy_cover(signed(DAVE), product, 1_100_000, YEAR, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		assert_eq!(
			MutualPool::quote(product, 1_100_000, YEAR),
			Err(Error::<Test>::InsufficientCapacity.into())
		);
		// What is left is capacity minus active cover minus pending claims.
		let pool = pool(0);
		let left = pool.capacity() - pool.active_cover - pool.pending_claims;
		assert_noop!(
			MutualPool::buy_cover(signed(DAVE), product, left + 1, YEAR, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		assert_ok!(MutualPool::buy_cover(signed(DAVE), product, left, YEAR, Balance::MAX));
	});
}

/// ATTACK 8: a short cover held capacity until its bucket rolled, long after what it paid for.
/// A cover is now charged for every block it may hold capacity: its activation delay, period
/// and claim window, and one expiry bucket.
#[test]
fn attack_08_a_cover_pays_for_every_block_it_holds_capacity() {
	const BIG: Balance = 100_000_000_000;
	ExtBuilder::default().stake(0, FERDIE, BIG).build_and_execute(|| {
		let before = free(EVE);
		let cover_id = buy(EVE, 0, BIG, 10);
		let paid = before - free(EVE);
		// Claims close at 111, in bucket 12, which rolls at block 120: held from 1 to 119.
		let cover = Covers::<Test>::get(cover_id).unwrap();
		assert_eq!(cover.claim_until, 111);
		run_to_block(119);
		assert_noop!(
			MutualPool::buy_cover(signed(DAVE), 0, 100_000, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		run_to_block(120);
		assert_ok!(MutualPool::roll_expiries(signed(DAVE), ExpiryOwner::Product(0)));
		assert_ok!(MutualPool::roll_expiries(signed(DAVE), ExpiryOwner::Pool(0)));
		assert_ok!(MutualPool::buy_cover(signed(DAVE), 0, 1_000, 10, Balance::MAX));

		// What 119 blocks of the same cover cost on the curve: Eve paid at least that.
		let curve = Curve {
			base_rate: Perbill::from_percent(2),
			kink: Perbill::from_percent(80),
			slope1: Perbill::from_percent(5),
			slope2: Perbill::from_percent(50),
		};
		let year = YEAR as u128;
		let held = curve.premium(2 * BIG, 0, BIG, 119, year).unwrap();
		assert!(paid >= held, "paid {paid} for {held} of capacity held");
		// Exactly the charge for the activation delay (0), the period, the claim window and one
		// bucket.
		let charged = curve.premium(2 * BIG, 0, BIG, 10 + 100 + BUCKET as u128, year).unwrap();
		assert_eq!(paid, charged);
	});
}

/// ATTACK 10: governance parameters had no bounds: an unbonding period of `u64::MAX` made every
/// `request_unstake` fail with `Overflow`, and a capacity factor of one billionth left the cover
/// already sold unbacked and blocked every withdrawal. Every parameter now has a bound (the
/// `bounds` module), and an update may not leave sold cover and pending claims above the new
/// capacity.
#[test]
fn attack_10_governance_cannot_brick_a_pool_or_unback_sold_cover() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			buy(EVE, full_capacity_product(), MILLION, YEAR);
			let params = PoolParams { unbonding_period: u64::MAX, ..pool_params() };
			assert_noop!(
				MutualPool::update_pool(RuntimeOrigin::root(), 0, params),
				Error::<Test>::ParameterOutOfBounds
			);
			let tiny = sp_arithmetic::FixedU128::from_inner(1_000_000_000);
			let params = PoolParams { capacity_factor: tiny, ..pool_params() };
			assert_noop!(
				MutualPool::update_pool(RuntimeOrigin::root(), 0, params),
				Error::<Test>::InvalidCapacityFactor
			);
			// Within the bounds, a factor of 0.4 would leave 800k of capacity under 1M of
			// cover: refused too.
			let params = PoolParams {
				capacity_factor: sp_arithmetic::FixedU128::from_rational(2, 5),
				..pool_params()
			};
			assert_noop!(
				MutualPool::update_pool(RuntimeOrigin::root(), 0, params),
				Error::<Test>::UpdateUnbacksCover
			);
			// A factor of 1 still backs it; Dave may leave with what the cover does not need.
			let params = PoolParams {
				capacity_factor: sp_arithmetic::FixedU128::from_u32(1),
				..pool_params()
			};
			assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params));
			assert_ok!(MutualPool::request_unstake(signed(DAVE), 0, 1_000));
			run_to_block(30);
			assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
		});
}

/// ATTACK 9: one share left behind inflated the share price. Bob, the only staker, left all but
/// one share, pumped the capital behind it for free with claims on a 1-unit cover that were
/// rejected (their deposits went to the capital, all his), and the next staker's 2_000 bought
/// one share, worth a quarter less. Now every staker holds no shares or at least the pool's
/// `min_stake` (1_000) in shares, so a pool never has a handful of shares; pumped the same way,
/// the price of 1_000 shares barely moves, and the next staker loses at most one share's worth
/// to rounding. Stakers also name the fewest shares they accept (`min_shares`) and leavers the
/// least amount (`min_amount`), so a front-run fails the call instead of taking the money.
#[test]
fn attack_09_no_pool_keeps_a_share_price_to_inflate() {
	// The price is pushed with slashed deposits, which only a native pool takes.
	ExtBuilder::default()
		.stake(0, BOB, MILLION)
		.native_only()
		.build_and_execute(|| {
			without_appeals();
			assert_noop!(
				MutualPool::request_unstake(signed(BOB), 0, MILLION - 1),
				Error::<Test>::SharesBelowMinimum
			);
			assert_ok!(MutualPool::request_unstake(signed(BOB), 0, MILLION - 1_000));
			run_to_block(21);
			assert_noop!(
				MutualPool::withdraw(signed(BOB), 0, MILLION),
				Error::<Test>::WithdrawalBelowMinimum
			);
			assert_ok!(MutualPool::withdraw(signed(BOB), 0, MILLION - 1_000));
			assert_eq!(pool(0).total_shares, 1_000);
			let cover_id = buy(BOB, 0, MIN_COVER, 10);
			for _ in 0..10 {
				let claim_id = claim(BOB, cover_id, MIN_COVER);
				assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
			}
			// The deposits are earned by block 40, the end of the bucket after the next.
			run_to_block(41);
			let capital = pool(0).capital;
			assert!(capital > 2_000 && capital < 2_100, "{capital}");

			// Dave names the shares he expects: had the price moved, his stake would fail.
			let expected = 3_000 * 1_000 / capital;
			assert_noop!(
				MutualPool::stake(signed(DAVE), 0, 3_000, expected + 1),
				Error::<Test>::TooFewShares
			);
			assert_ok!(MutualPool::stake(signed(DAVE), 0, 3_000, expected));
			let dave = MutualPool::position(0, &DAVE).unwrap().value;
			// At most one share's worth (about 2) lost to rounding, not a quarter.
			assert!(dave + capital / 1_000 + 1 >= 3_000, "Dave's 3_000 are worth {dave}");
		});
}

/// ATTACK 4: premiums were captured by stakers who bore no risk. Premiums joined the capital at
/// purchase: Dave staked 9M in front of Eve's one-year purchase, asked to leave in the same
/// block, and 20 blocks later walked off with 90% of a year's net premium. (A buyer could do the
/// same in front of their own purchase and get most of the premium back.) Now a premium is
/// earned block by block over the blocks its cover holds capacity, by the shares bonded in each
/// block: Dave's shares, unbonding from the block of purchase, earn nothing, while Ferdie, who
/// backs the cover, earns the premium as time passes.
#[test]
fn attack_04_premiums_are_earned_over_the_cover_by_bonded_stakers() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		stake(DAVE, 9 * MILLION);
		let eve = free(EVE);
		let cover_id = buy(EVE, 0, MILLION, YEAR);
		let premium = eve - free(EVE);
		let net = premium - Perbill::from_percent(10).mul_floor(premium);
		unstake_all(DAVE);
		run_to_block(21);
		assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
		assert_eq!(withdrawn(DAVE), 9 * MILLION);
		// The net premium is spread over the blocks from the purchase to the end of the cover's
		// expiry bucket; 10_000 of them pass, all earned by Ferdie's bonded shares.
		run_to_block(10_001);
		let claim_until = Covers::<Test>::get(cover_id).unwrap().claim_until;
		let earn_end = (claim_until / BUCKET + 1) * BUCKET;
		let rate = FixedU128::checked_from_rational(net, earn_end as u128 - 1).unwrap();
		let earned = rate.saturating_mul_int(10_000u128);
		assert!(earned > 0);
		assert_eq!(pool(0).capital, MILLION + earned);
		assert_eq!(MutualPool::position(0, &FERDIE).unwrap().value, MILLION + earned);
	});
}

/// ATTACK 4, over a cover's whole life: a cover earns exactly its net premium, from its purchase
/// to the end of the expiry bucket after its claim window, however the accrual is split into
/// calls; then the pool earns nothing more.
#[test]
fn attack_04_a_cover_earns_its_whole_net_premium_by_the_end_of_its_bucket() {
	const BIG: Balance = 100_000_000_000;
	ExtBuilder::default().stake(0, FERDIE, BIG).build_and_execute(|| {
		let eve = free(EVE);
		let cover_id = buy(EVE, 0, BIG, 1_000);
		let premium = eve - free(EVE);
		let net = premium - Perbill::from_percent(10).mul_floor(premium);
		// Claims close at 1_101, in bucket 111, which rolls at 1_110.
		assert_eq!(Covers::<Test>::get(cover_id).unwrap().claim_until, 1_101);
		run_to_block(555);
		let half = MutualPool::position(0, &FERDIE).unwrap().value - BIG;
		let rate = FixedU128::checked_from_rational(net, 1_109u128).unwrap();
		assert_eq!(half, rate.saturating_mul_int(554u128));
		run_to_block(1_111);
		assert_eq!(pool(0).earnings.rate, FixedU128::from_u32(0));
		assert_eq!(pool(0).earnings.unearned, 0);
		assert_eq!(pool(0).capital, BIG + net);
		run_to_block(1_200);
		assert_eq!(pool(0).capital, BIG + net);
	});
}

/// ATTACK 5: stakers left between an incident and the claim. Bob's unbonding had ended; Eve
/// held 2M of cover on product 0, its whole share (50%) of the pool's 4M capacity. The hack
/// became public and Bob withdrew before anyone filed, leaving product 0 with twice the cover
/// its share allows, all on Ferdie. Now a withdrawal must leave every product within the share
/// of the capacity it sells under (the limit `buy_cover` enforces).
#[test]
fn attack_05_a_withdrawal_keeps_every_product_within_its_capacity_share() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, BOB, MILLION)
		.build_and_execute(|| {
			buy(EVE, 0, 2 * MILLION, YEAR);
			// The pool as a whole would still back the cover without Bob; product 0 would not:
			// he may not even ask to leave.
			let shares = Stakers::<Test>::get(BOB, 0).unwrap().shares;
			assert_noop!(
				MutualPool::request_unstake(signed(BOB), 0, shares),
				Error::<Test>::InsufficientFreeCapital
			);
			// Governance cannot lower the product's share under its cover either.
			let params = product_params(2, 40);
			assert_noop!(
				MutualPool::update_product(RuntimeOrigin::root(), 0, params),
				Error::<Test>::UpdateUnbacksCover
			);
			// Once Dave stakes enough to keep product 0 within its share, Bob may leave.
			stake(DAVE, MILLION);
			unstake_all(BOB);
			run_to_block(21);
			assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
		});
}

/// ATTACK 5, the freeze: when an incident is reported, the claim-decision origin freezes the
/// pool's withdrawals for `FreezePeriod` blocks, time for the claims to be filed (pending claims
/// then hold withdrawals by themselves). The freeze ends by itself, and a new one needs as many
/// blocks without a freeze first, so no origin keeps stakers' money frozen.
#[test]
fn attack_05_an_incident_freezes_withdrawals_for_a_bounded_time() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, BOB, MILLION)
		.build_and_execute(|| {
			unstake_all(BOB);
			run_to_block(21);
			assert_noop!(
				MutualPool::freeze_pool(signed(ALICE), 0),
				sp_runtime::DispatchError::BadOrigin
			);
			assert_ok!(MutualPool::freeze_pool(signed(COUNCIL), 0));
			let until = 21 + FREEZE_PERIOD;
			assert_eq!(events().last(), Some(&Event::PoolFrozen { pool_id: 0, until }));
			assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::PoolFrozen);
			assert_noop!(
				MutualPool::freeze_pool(signed(COUNCIL), 0),
				Error::<Test>::FreezeNotAllowed
			);
			run_to_block(until - 1);
			assert_noop!(MutualPool::withdraw(signed(BOB), 0, 0), Error::<Test>::PoolFrozen);
			run_to_block(until);
			assert_noop!(
				MutualPool::freeze_pool(signed(COUNCIL), 0),
				Error::<Test>::FreezeNotAllowed
			);
			assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
			run_to_block(until + FREEZE_PERIOD);
			assert_ok!(MutualPool::freeze_pool(signed(COUNCIL), 0));
		});
}

/// ATTACK 11: state grew without bound, and a depleted pool came back to life. Now a purchase
/// buys at least `MinCover`, and anyone may remove a cover, free of fees, once its claim window
/// has closed and its expiry bucket is rolled.
#[test]
fn attack_11_ended_covers_are_reaped_and_covers_have_a_minimum() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		assert_noop!(
			MutualPool::buy_cover(signed(ALICE), 0, MIN_COVER - 1, 10, Balance::MAX),
			Error::<Test>::CoverBelowMinimum
		);
		let dust = buy(ALICE, 0, MIN_COVER, 10);
		let claimed = buy(EVE, 0, MIN_COVER, 10);
		// Claims close at 111, in bucket 12, due at 120 and rolled by that block's `on_idle`.
		assert_noop!(MutualPool::reap_cover(signed(BOB), dust), Error::<Test>::CoverNotExpired);
		run_to_block(111);
		claim(EVE, claimed, MIN_COVER);
		run_to_block(120);
		assert_noop!(MutualPool::reap_cover(signed(BOB), dust), Error::<Test>::CoverNotExpired);
		run_to_block(121);
		let info = MutualPool::reap_cover(signed(BOB), dust).unwrap();
		assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(events().last(), Some(&Event::CoverReaped { cover_id: dust }));
		assert!(!Covers::<Test>::contains_key(dust));
		assert_noop!(MutualPool::reap_cover(signed(BOB), dust), Error::<Test>::CoverNotFound);
		// A cover with a claim pending stays until the claim is decided.
		assert_noop!(
			MutualPool::reap_cover(signed(BOB), claimed),
			Error::<Test>::ClaimAlreadyPending
		);
	});
}

/// ATTACK 11, the depleted pool: a payout that empties a pool closes it to stakes and sales.
/// A rejected deposit (or a premium earned) gives it capital again, but no one may stake until
/// governance reopens it, and governance may only once every cover sold before has run off:
/// the unpaid part of the payout is written off, and no new stake backs the old covers.
#[test]
fn attack_11_a_depleted_pool_stays_closed_until_its_covers_have_run_off() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		without_appeals();
		let product = full_capacity_product();
		let small = buy(CHARLIE, 0, 1_000, 10);
		let left = pool(0).capacity() - pool(0).active_cover;
		let big = buy(EVE, product, left, 10);
		let claim_id = claim(EVE, big, left);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_id, left));
		assert_eq!(pool(0).capital, 0);
		assert!(pool(0).depleted);
		// Ferdie's shares were of the era the payout ended: a slashed deposit (and the premiums
		// still unearned) are earned by no bonded share, so they go to the treasury.
		assert_eq!(MutualPool::position(0, &FERDIE), None);
		let rejected = claim(CHARLIE, small, 1_000);
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), rejected));

		assert_noop!(MutualPool::stake(signed(DAVE), 0, MILLION, 0), Error::<Test>::PoolDepleted);
		assert_noop!(
			MutualPool::buy_cover(signed(DAVE), 0, 1_000, 10, Balance::MAX),
			Error::<Test>::PoolDepleted
		);
		assert_noop!(
			MutualPool::reopen_pool(signed(COUNCIL), 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			MutualPool::reopen_pool(RuntimeOrigin::root(), 0),
			Error::<Test>::CoverStillActive
		);
		// Eve's cover may still be claimed on; no new stake backs it.
		let remaining = Covers::<Test>::get(big).unwrap().remaining;
		assert!(remaining > 0);
		// Both covers' claim windows close at 111 (bucket 12, rolled at 120).
		run_to_block(121);
		assert_eq!(pool(0).active_cover, 0);
		assert_eq!(pool(0).capital, 0);
		assert!(pool(0).fees_owed >= in_pool(deposit(1_000)));
		assert_ok!(MutualPool::reopen_pool(RuntimeOrigin::root(), 0));
		assert_eq!(events().last(), Some(&Event::PoolReopened { pool_id: 0 }));
		assert_noop!(
			MutualPool::reopen_pool(RuntimeOrigin::root(), 0),
			Error::<Test>::PoolNotDepleted
		);
		assert_ok!(MutualPool::stake(signed(DAVE), 0, MILLION, 0));
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, MILLION);
		assert_noop!(
			MutualPool::submit_claim(signed(EVE), big, remaining, evidence()),
			Error::<Test>::OutsideClaimWindow
		);
	});
}

/// ATTACK 12 (a review of the fixes above found 12 to 17): unbonding capital sold cover. Bob
/// asked to leave at block 1; at block 21 Eve bought 3M of one-year cover against a capacity of
/// 4M that counted Bob's unbonding 1M. Bob could then not withdraw for a year: he bore his part
/// of every payout and earned nothing. Now new cover is sold against the bonded capital only:
/// a staker waits at most for the cover sold before it asked to leave.
#[test]
fn attack_12_unbonding_capital_sells_no_cover() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, BOB, MILLION)
		.build_and_execute(|| {
			unstake_all(BOB);
			run_to_block(21);
			let product = full_capacity_product();
			assert_eq!(pool(0).capacity(), 4 * MILLION);
			assert_eq!(pool(0).bonded_capacity(), 2 * MILLION);
			assert_noop!(
				MutualPool::buy_cover(signed(EVE), product, 3 * MILLION, YEAR, Balance::MAX),
				Error::<Test>::InsufficientCapacity
			);
			assert_eq!(
				MutualPool::quote(product, 2 * MILLION + 1, YEAR),
				Err(Error::<Test>::InsufficientCapacity.into())
			);
			buy(EVE, product, 2 * MILLION, YEAR);
			assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
			assert_eq!(withdrawn(BOB), MILLION);
		});
}

/// ATTACK 13: a slashed deposit joined the bonded capital at once. Dave saw the council's
/// motion to reject Eve's 1M claim (deposit 1_100), staked 9M in front of it and asked to leave
/// right after: 20 blocks later he took 90% of the deposit, having backed nothing. Now the
/// deposit is earned like a premium, block by block until the end of the next full expiry
/// bucket, by the shares bonded meanwhile.
#[test]
fn attack_13_a_slashed_deposit_is_earned_over_time() {
	// Only a native pool takes a slashed deposit: another sends it to the treasury.
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.native_only()
		.build_and_execute(|| {
			without_appeals();
			let cover_id = buy(EVE, 0, MILLION, 10);
			let claim_id = claim(EVE, cover_id, MILLION);
			stake(DAVE, 9 * MILLION);
			let ferdie = MutualPool::position(0, &FERDIE).unwrap().value;
			assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
			unstake_all(DAVE);
			run_to_block(21);
			assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
			assert_eq!(withdrawn(DAVE), 9 * MILLION);
			// Rejected at block 1: earned through block 20, the end of the bucket after the next.
			let ferdie_now = MutualPool::position(0, &FERDIE).unwrap().value;
			assert!(ferdie_now >= ferdie + deposit(MILLION), "Ferdie has {ferdie_now} of {ferdie}");
		});
}

/// ATTACK 14: a pool stayed open unless a payout left exactly nothing. Eve's claim of 999,999
/// left Ferdie's pool 1 unit of capital behind Charlie's 1M of cover; Dave's new stake then
/// paid Charlie's claim, for a loss that was the pool's before he came. Now a pool that cannot
/// back what it sold takes no stake (`PoolUnbacked`) until enough of its cover has run off.
#[test]
fn attack_14_no_stake_backs_a_pool_that_a_payout_left_unbacked() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let product = full_capacity_product();
		let first = buy(EVE, product, MILLION, 10);
		let second = buy(CHARLIE, product, MILLION, 10);
		let claim_id = claim(EVE, first, MILLION - 1);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_id, MILLION - 1));
		assert_eq!(pool(0).capital, 1);
		assert!(!pool(0).depleted);
		assert_noop!(MutualPool::stake(signed(DAVE), 0, MILLION, 0), Error::<Test>::PoolUnbacked);
		let claim_id = claim(CHARLIE, second, MILLION);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_id, MILLION));
		assert!(pool(0).depleted);
		assert_eq!(MutualPool::position(0, &DAVE), None);
		// Both covers' claim windows close at 111 (bucket 12, rolled at 120): then the pool is
		// backed again, governance reopens it, and Dave's stake is his.
		run_to_block(121);
		assert_ok!(MutualPool::reopen_pool(RuntimeOrigin::root(), 0));
		stake(DAVE, MILLION);
		assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, MILLION);
	});
}

/// ATTACK 14, partial loss: a pool that a payout left short of capacity (not empty) takes
/// stakes again by itself once the cover it sold has run off enough to be backed.
#[test]
fn attack_14_an_unbacked_pool_takes_stakes_once_its_cover_ran_off() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let product = full_capacity_product();
		let first = buy(EVE, product, MILLION, 10);
		buy(CHARLIE, product, MILLION, YEAR);
		let claim_id = claim(EVE, first, 500_000);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_id, 500_000));
		// 1.5M of cover on 1M of capacity.
		assert!(!pool(0).is_backed());
		assert_noop!(MutualPool::stake(signed(DAVE), 0, MILLION, 0), Error::<Test>::PoolUnbacked);
		// Eve's remaining 500_000 runs off at block 120; Charlie's 1M stays backed.
		run_to_block(121);
		assert!(pool(0).is_backed());
		stake(DAVE, MILLION);
	});
}

/// ATTACK 15: after a payout emptied a pool, the unbonding shares left in it (worth nothing)
/// made every `request_unstake` fail: Dave, who staked after governance reopened the pool,
/// could not leave until Bob, who had unbonded before the loss, withdrew his nothing. Now a
/// payout that leaves a share class without capital ends its era: its shares are worth nothing
/// and count in no total, and their holders' records read as empty.
#[test]
fn attack_15_a_depletion_leaves_no_shares_that_block_others() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, BOB, MILLION)
		.build_and_execute(|| {
			let product = full_capacity_product();
			unstake_all(BOB);
			let cover_id = buy(EVE, product, 2 * MILLION, 10);
			let claim_id = claim(EVE, cover_id, 2 * MILLION);
			assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_id, 2 * MILLION));
			assert!(pool(0).depleted);
			assert_eq!((pool(0).era, pool(0).unbonding_era), (1, 1));
			assert_eq!((pool(0).total_shares, pool(0).unbonding_shares), (0, 0));
			assert_eq!(MutualPool::position(0, &FERDIE), None);
			assert_eq!(MutualPool::position(0, &BOB), None);
			run_to_block(121);
			assert_ok!(MutualPool::reopen_pool(RuntimeOrigin::root(), 0));
			stake(DAVE, MILLION);
			assert_eq!(Stakers::<Test>::get(DAVE, 0).unwrap().shares, MILLION);
			unstake_all(DAVE);
			// Bob's record of the ended era is cleared for nothing; Ferdie's stays inert.
			assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
			assert_eq!(withdrawn(BOB), 0);
			assert!(!Stakers::<Test>::contains_key(BOB, 0));
			assert_noop!(
				MutualPool::request_unstake(signed(FERDIE), 0, 1),
				Error::<Test>::InsufficientShares
			);
			run_to_block(141);
			assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
			assert_eq!(withdrawn(DAVE), MILLION);
		});
}

/// ATTACK 16: an update was checked against the whole pool. After a payout left product 0
/// above its share of the smaller capacity, governance could not even disable product 1. Now an
/// update is checked only for what it makes worse: a lower capacity factor against the pool, a
/// lower share against its product.
#[test]
fn attack_16_an_update_is_checked_only_for_what_it_makes_worse() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		buy(EVE, 0, MILLION, YEAR);
		let cover_id = buy(CHARLIE, 1, 100_000, YEAR);
		let claim_id = claim(CHARLIE, cover_id, 100_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 100_000));
		// Product 0 holds 1M, above 50% of the 1.8M capacity left.
		assert!(book(0).active_cover > pool(0).capacity() / 2);
		let disabled = ProductParams { enabled: false, ..product_params(5, 30) };
		assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), 1, disabled));
		let params = PoolParams { fee: Perbill::from_percent(5), ..pool_params() };
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params));
		// What would make product 0's backing worse is still refused.
		assert_noop!(
			MutualPool::update_product(RuntimeOrigin::root(), 0, product_params(2, 40)),
			Error::<Test>::UpdateUnbacksCover
		);
		let lower = PoolParams {
			capacity_factor: sp_arithmetic::FixedU128::from_rational(19, 10),
			..pool_params()
		};
		assert_noop!(
			MutualPool::update_pool(RuntimeOrigin::root(), 0, lower),
			Error::<Test>::UpdateUnbacksCover
		);
	});
}

/// ATTACK 17: accrual multiplied the earning rate (in units of 10^-18) by the blocks in 128
/// bits: with an 18-decimal currency, a pool earning some 340 tokens an hour overflowed, and
/// every call that accrues (stake, unstake, purchase, decision) failed with `Overflow`. Now the
/// rate's whole units and its fraction are multiplied apart.
#[test]
fn attack_17_accrual_does_not_overflow_with_18_decimals() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		const TOKEN: u128 = 1_000_000_000_000_000_000;
		let mut pool = pool(0);
		// 1.5 tokens a block for 600 blocks, and half a unit carried.
		pool.earnings.rate = FixedU128::saturating_from_rational(3 * TOKEN, 2);
		pool.earnings.carry = FixedU128::from_rational(1, 2);
		pool.earnings.unearned = 1_000 * TOKEN;
		pool.earnings.accrued_through = 0;
		pool.expired_through = 100;
		let capital = pool.capital;
		assert_ok!(pool.accrue(600));
		assert_eq!(pool.capital, capital + 900 * TOKEN);
		assert_eq!(pool.earnings.unearned, 100 * TOKEN);
		assert_eq!(pool.earnings.carry, FixedU128::from_rational(1, 2));
		// A third of a unit a block, over three blocks: one unit, nothing carried.
		pool.earnings.rate = FixedU128::from_rational(1, 3);
		pool.earnings.carry = FixedU128::from_inner(1);
		assert_ok!(pool.accrue(603));
		assert_eq!(pool.capital, capital + 900 * TOKEN + 1);
		assert_eq!(pool.earnings.carry, FixedU128::from_u32(0));
	});
}

/// ATTACK 18 (a review of 12 to 17 found 18 to 20): a request to leave could still be locked
/// behind cover sold after it. Bob asked to leave; Eve bought 2M against Ferdie's bonded
/// capacity; Ferdie then asked to leave too and withdrew first, and Bob's capital was left
/// backing Eve's year of cover. Now a request to leave must keep the bonded capacity above the
/// active cover and pending claims: unbonding capital never backs what was sold (outside a
/// loss), so an unbonder waits only for its unbonding period, pending claims and freezes.
#[test]
fn attack_18_a_later_leaver_cannot_lock_an_earlier_one_behind_cover() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, BOB, MILLION)
		.build_and_execute(|| {
			unstake_all(BOB);
			let product = full_capacity_product();
			buy(EVE, product, 2 * MILLION, YEAR);
			// Ferdie's capital backs Eve's cover: he stays bonded, earning its premium.
			let shares = Stakers::<Test>::get(FERDIE, 0).unwrap().shares;
			assert_noop!(
				MutualPool::request_unstake(signed(FERDIE), 0, shares),
				Error::<Test>::InsufficientFreeCapital
			);
			run_to_block(21);
			assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
			assert_eq!(withdrawn(BOB), MILLION);
		});
}

/// ATTACK 19: a request to leave was free to take back. Dave (9M beside Ferdie's 1M) asked to
/// leave in front of Charlie's purchase, which then failed for capacity (or paid the price of a
/// pool a tenth the size), and rebonded in the next breath. Now a request holds for the
/// unbonding period: `rebond` only takes back unlocked shares, which earned nothing meanwhile.
#[test]
fn attack_19_a_request_to_leave_is_not_taken_back_before_it_unlocks() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, DAVE, 9 * MILLION)
		.build_and_execute(|| {
			let product = full_capacity_product();
			let quote = MutualPool::quote(product, 1_500_000, YEAR).unwrap();
			unstake_all(DAVE);
			let inflated = MutualPool::quote(product, 1_500_000, YEAR).unwrap();
			assert!(inflated > quote, "{inflated} <= {quote}");
			assert_noop!(
				MutualPool::buy_cover(signed(CHARLIE), product, 3 * MILLION, YEAR, Balance::MAX),
				Error::<Test>::InsufficientCapacity
			);
			assert_noop!(MutualPool::rebond(signed(DAVE), 0), Error::<Test>::StillUnbonding);
			run_to_block(20);
			assert_noop!(MutualPool::rebond(signed(DAVE), 0), Error::<Test>::StillUnbonding);
			run_to_block(21);
			assert_ok!(MutualPool::rebond(signed(DAVE), 0));
			assert_eq!(MutualPool::position(0, &DAVE).unwrap().value, 9 * MILLION);
		});
}

/// ATTACK 20: rounding could end the era of bonded shares that still had a claim on unearned
/// premiums. With capacity factor 10, Bob's 1M bonded beside Dave's 9M unbonding sold 10M of
/// cover; a payout of 9,999,999 took the unbonding loss rounded down, 8,999,999, leaving the
/// bonded shares 0 (their exact part was 0.1): their era ended, and the premium still to be
/// earned went to the treasury (the test of the attack used a thousandth of these amounts).
/// Now the unbonding part of a loss is rounded up: bonded capital stays above zero unless the
/// payout took everything, and only unbonding shares worth under a unit (which earn nothing)
/// can see their era end.
#[test]
fn attack_20_rounding_does_not_end_the_bonded_era() {
	ExtBuilder::default().build_and_execute(|| {
		let params = PoolParams { capacity_factor: FixedU128::from_u32(10), ..pool_params() };
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params));
		stake(BOB, MILLION);
		stake(DAVE, 9 * MILLION);
		unstake_all(DAVE);
		let product = full_capacity_product();
		let cover_id = buy(CHARLIE, product, 10 * MILLION, YEAR);
		let premium = last_premium();
		let claim_id = claim(CHARLIE, cover_id, 10 * MILLION - 1);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_id, 10 * MILLION - 1));
		assert_eq!((pool(0).era, pool(0).unbonding_era), (0, 1));
		assert_eq!(pool(0).unbonding_capital, 0);
		assert_eq!(MutualPool::position(0, &DAVE), None);
		assert_eq!(MutualPool::position(0, &BOB).unwrap().value, 1);
		// Bob's shares earn the premium of the cover they still back.
		run_to_block(1_001);
		assert!(MutualPool::position(0, &BOB).unwrap().value > 10);
		assert_eq!(pool(0).fees_owed, pool(0).params.fee.mul_floor(premium));
	});
}

// The attacks of the second audit (issue 22), numbered on from the threat model's rows (30 to
// 37, one per finding). Each test was committed first failing on the rules of the time, then the
// fix made it pass.

/// The large-claim threshold of pool 0 now: 20% of its capital, earnings accrued.
fn threshold_now() -> Balance {
	Perbill::from_percent(20).mul_floor(MutualPool::pool_status(0).unwrap().capital)
}

/// ATTACK 30 (finding 1, severe): several incidents passed the large-claim threshold. The
/// declaration checked its reserve against the window's *payouts*, which grow only as covers are
/// redeemed, so a simple majority declared four incidents of 20% in one batch before anyone
/// redeemed, and Dave redeemed 800_000 of Ferdie's 1M against a threshold of 200_000. Now what an
/// incident reserves counts against the threshold at its declaration, beside every payout of the
/// window: the second declaration needs the large-claim origin.
#[test]
fn attack_30_batched_incidents_count_against_the_threshold() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(DAVE, 0, MILLION, YEAR);
		run_to_block(3);
		assert_ok!(try_declare(signed(COUNCIL), 0, 2, 20));
		assert_eq!(pool(0).pending_claims, 200_000);
		for _ in 0..3 {
			assert_noop!(
				try_declare(signed(COUNCIL), 0, 2, 20),
				Error::<Test>::RequiresLargeClaimOrigin
			);
		}
		// What the simple majority declared is paid, and no more.
		let dave = free(DAVE);
		assert_ok!(MutualPool::redeem_cover(signed(DAVE), 0, cover_id));
		assert_eq!(free(DAVE) - dave, 200_000);
		// The large-claim origin may still declare a larger loss.
		assert_ok!(try_declare(signed(SUPERMAJORITY), 0, 2, 20));
	});
}

/// ATTACK 30, the window's boundary: the window had a fixed start (block 0, then the first
/// payout after each window), so a payout at a window's last block and another at the next block
/// paid nearly twice the threshold within two blocks. Now the window slides: a payout counts
/// against the threshold for at least `LargeClaimWindow` blocks after it, whenever it was made.
#[test]
fn attack_30_payouts_either_side_of_a_window_boundary_add_up() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let charlie = buy(CHARLIE, 0, 300_000, YEAR);
		let dave = buy(DAVE, 1, 300_000, YEAR);
		// At the last block of the old rules' first window, nearly the threshold.
		let last = LARGE_CLAIM_WINDOW - 1;
		run_to_block(last);
		let first = claim(CHARLIE, charlie, 190_000);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), first, 190_000));
		// One block later the old rules opened a new window; now the 190_000 paid within the
		// last `LargeClaimWindow` blocks still counts.
		run_to_block(last + 1);
		let second = claim(DAVE, dave, 150_000);
		assert!(150_000 <= threshold_now());
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), second, 150_000),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		// It counts until its slot leaves the window: at least `LargeClaimWindow` blocks, at
		// most a slot more.
		run_to_block(out_of_window(last) - 1);
		assert!(System::block_number() >= last + LARGE_CLAIM_WINDOW);
		assert_ok!(MutualPool::lapse_claim(signed(ALICE), second));
		let third = claim(DAVE, dave, 150_000);
		assert_noop!(
			MutualPool::approve_claim(signed(COUNCIL), third, 150_000),
			Error::<Test>::RequiresLargeClaimOrigin
		);
		// Once it is out of the window, the majority may approve again.
		run_to_block(out_of_window(last));
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), third, 150_000));
	});
}

/// ATTACK 32 (finding 3): a stake made for one purchase discounted it. The premium was priced
/// on the bonded capacity of the block of purchase, and the stake could ask to leave in the next
/// block: Eve staked 1M beside Ferdie's 1M and bought a year of cover in the same batch, paying
/// about a third less than the quote without her stake, and Ferdie carried the cover at the full
/// utilization for that price. Now a stake counts in the capacity that sells and prices cover
/// only after a warm-up (`StakeWarmup` blocks: from the start of the warm-up epoch after next),
/// and `quote` says so.
#[test]
fn attack_32_a_stake_counts_in_the_price_only_after_its_warm_up() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		StakeWarmup::set(10);
		let quote = MutualPool::quote(0, 800_000, YEAR).unwrap();
		stake(EVE, MILLION);
		// The quote does not move, and Eve pays it.
		assert_eq!(MutualPool::quote(0, 800_000, YEAR), Ok(quote));
		buy(EVE, 0, 800_000, YEAR);
		assert_eq!(last_premium(), quote);
		// Her request to leave in the next block has gained her nothing.
		run_to_block(2);
		unstake_all(EVE);
		// A stake counts once warmed up: Dave's 1M, staked in the epoch of blocks 0 to 9, from
		// block 20 on.
		stake(DAVE, MILLION);
		run_to_block(19);
		let before = MutualPool::quote(0, 100_000, YEAR).unwrap();
		run_to_block(20);
		let after = MutualPool::quote(0, 100_000, YEAR).unwrap();
		assert!(after * 10 < before * 9, "{after} is not well below {before}");
	});
}

/// ATTACK 34 (finding 5): a capacity cut locked unbonding stakers. `update_pool` and
/// `update_product` accepted a lower capacity factor or share as long as *all* the capital,
/// unbonding included, backed the cover: Dave, unbonded, could then not withdraw
/// (`InsufficientFreeCapital`) for the year of Eve's cover. Now an update that lowers the
/// capacity must leave the cover backed by the bonded capital, as `request_unstake` must.
#[test]
fn attack_34_a_capacity_cut_does_not_lock_unbonding_stakers() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			unstake_all(DAVE);
			// Eve's 600_000 on product 0 is within its half of Ferdie's bonded capacity of 2M.
			buy(EVE, 0, 600_000, YEAR);
			run_to_block(21);
			// Either cut would leave product 0 above its share of the capacity once Dave left.
			let mut halved = pool_params();
			halved.capacity_factor = FixedU128::from_u32(1);
			assert_noop!(
				MutualPool::update_pool(RuntimeOrigin::root(), 0, halved),
				Error::<Test>::UpdateUnbacksCover
			);
			assert_noop!(
				MutualPool::update_product(RuntimeOrigin::root(), 0, product_params(2, 25)),
				Error::<Test>::UpdateUnbacksCover
			);
			// A cut the bonded capital still backs is accepted, and Dave leaves.
			let mut lower = pool_params();
			lower.capacity_factor = FixedU128::saturating_from_rational(6, 5);
			assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, lower));
			assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
			assert_eq!(withdrawn(DAVE), MILLION);
		});
}

/// ATTACK 35 (finding 6): an incident's reserve was smaller than what it paid. The reserve is
/// `ratio` of what the covers have left; the payout was `ratio` of their amount (capped at what
/// is left). On two covers of 100_000 already paid 70_000 each, an incident of 40% reserved
/// 24_000 and paid 30_000 to the first redeemer: the reserve was gone, and Dave withdrew before
/// the second cover was redeemed, leaving it to Ferdie. Now a redemption pays `ratio` of what the
/// cover has left, so the reserve always holds what the incident can still pay, and stakers wait
/// for every redemption.
#[test]
fn attack_35_an_incident_reserves_everything_it_can_still_pay() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			unstake_all(DAVE);
			let (a, b) = (buy(CHARLIE, 0, 100_000, YEAR), buy(EVE, 0, 100_000, YEAR));
			for (who, cover_id) in [(CHARLIE, a), (EVE, b)] {
				let claim_id = claim(who, cover_id, 70_000);
				assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 70_000));
			}
			run_to_block(22);
			assert_ok!(try_declare(signed(COUNCIL), 0, 21, 40));
			let incident_id = NextIncidentId::<Test>::get() - 1;
			assert_eq!(Incidents::<Test>::get(incident_id).unwrap().reserved, 24_000);
			let charlie = free(CHARLIE);
			assert_ok!(MutualPool::redeem_cover(signed(CHARLIE), incident_id, a));
			assert_eq!(free(CHARLIE) - charlie, 12_000);
			// What Eve's cover can still be paid is reserved: Dave's withdrawal holds back his
			// share of it.
			assert_eq!(Incidents::<Test>::get(incident_id).unwrap().reserved, 12_000);
			let capital = MutualPool::pool_status(0).unwrap().capital;
			let value = MutualPool::position(0, &DAVE).unwrap().value;
			let share = (value * 12_000).div_ceil(capital);
			assert_ok!(MutualPool::withdraw(signed(DAVE), 0, 0));
			assert_eq!(withdrawn(DAVE), value - share);
			let eve = free(EVE);
			assert_ok!(MutualPool::redeem_cover(signed(EVE), incident_id, b));
			assert_eq!(free(EVE) - eve, 12_000);
			assert_eq!(Incidents::<Test>::get(incident_id).unwrap().reserved, 0);
			// Dave bears his share of Eve's redemption, all he held back.
			assert_eq!(release(DAVE), (share, 0));
		});
}

/// ATTACK 33 (finding 4): a dust claim held every withdrawal. Any pending amount blocked all
/// withdrawals of the pool (`ClaimsPending`), so a 1-unit claim with a `DEPOSIT` deposit, lapsed
/// or approved at 0 and re-filed in the same batch, kept Bob's money in the pool for as long as
/// Eve liked. Now a pending amount holds back no more of a withdrawal than the leaver's share of
/// it: Bob is paid the rest at once.
#[test]
fn attack_33_a_dust_claim_holds_back_only_the_leavers_share_of_it() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, BOB, MILLION)
		.build_and_execute(|| {
			unstake_all(BOB);
			let cover_id = buy(EVE, 0, MIN_COVER, YEAR);
			claim(EVE, cover_id, 1);
			run_to_block(21);
			let status = MutualPool::pool_status(0).unwrap();
			assert_eq!(status.pending_claims, 1);
			let value = MutualPool::position(0, &BOB).unwrap().value;
			// Bob owns about half the capital: his share of 1 unit, rounded up, is 1.
			let share = value.div_ceil(status.capital);
			assert_eq!(share, 1);
			let bob = free(BOB);
			assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
			assert_eq!(free(BOB) - bob, value - share);
			// Eve lets the claim lapse and re-files it in one batch, again and again: the share
			// is released at its due block all the same, untouched (nothing was paid).
			let due_at = Holds::<Test>::get(BOB, 0).unwrap().due_at;
			assert_eq!(due_at, 21 + MutualPool::hold_period());
			while System::block_number() < due_at {
				let lapses_at = Claims::<Test>::iter().next().unwrap().1.lapses_at;
				run_to_block(lapses_at.min(due_at));
				if System::block_number() == lapses_at {
					let claim_id = Claims::<Test>::iter().next().unwrap().0;
					assert_ok!(MutualPool::lapse_claim(signed(EVE), claim_id));
					claim(EVE, cover_id, 1);
				}
			}
			assert_eq!(pool(0).pending_claims, 1);
			assert_eq!(release(BOB), (0, share));
			assert_eq!(free(BOB) - bob, value);
		});
}

/// ATTACK 31 (finding 2): incidents froze withdrawals without bound. An incident of one part per
/// billion reserves at least one unit, which held every withdrawal until `close_incident`, and
/// the council could declare the next one before that, at no cost. Now the reserve, like a
/// pending claim, holds back only the leaver's share of it.
#[test]
fn attack_31_an_incident_of_dust_holds_back_only_the_leavers_share_of_it() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, BOB, MILLION)
		.build_and_execute(|| {
			unstake_all(BOB);
			buy(EVE, 0, 100_000, YEAR);
			run_to_block(21);
			assert_ok!(MutualPool::declare_incident(
				signed(COUNCIL),
				0,
				20,
				Perbill::from_parts(1),
				evidence(),
			));
			let status = MutualPool::pool_status(0).unwrap();
			assert_eq!(status.pending_claims, 1);
			let value = MutualPool::position(0, &BOB).unwrap().value;
			let share = value.div_ceil(status.capital);
			let bob = free(BOB);
			assert_ok!(MutualPool::withdraw(signed(BOB), 0, 0));
			assert_eq!(free(BOB) - bob, value - share);
			// A new incident before each closes keeps something reserved, but the hold is due
			// `hold_period` blocks after the withdrawal whatever is pending then.
			let due_at = Holds::<Test>::get(BOB, 0).unwrap().due_at;
			while System::block_number() + REDEMPTION_PERIOD < due_at {
				run_to_block(System::block_number() + REDEMPTION_PERIOD - 1);
				let now = System::block_number();
				assert_ok!(MutualPool::declare_incident(
					signed(COUNCIL),
					0,
					now - 1,
					Perbill::from_parts(1),
					evidence(),
				));
			}
			run_to_block(due_at - 1);
			assert_noop!(MutualPool::release_hold(signed(EVE), BOB, 0), Error::<Test>::HoldNotDue);
			run_to_block(due_at);
			assert!(pool(0).pending_claims > 0);
			assert_eq!(release(BOB), (0, share));
			assert_eq!(free(BOB) - bob, value);
		});
}

/// ATTACK 36 (finding 7): a short pool was paid first come, first served. With the products'
/// shares open, Dave and Eve each hold 1M of cover on product 0 against Ferdie's 1M, and the
/// large-claim origin declares a total loss: the incident reserves 2M, twice the capital. Dave
/// redeemed first and took all of it; Eve, hit by the same incident, got nothing. Now every
/// redemption of a short pool is paid the same fraction of what it is owed: what the pool can
/// pay over what its open incidents reserve.
#[test]
fn attack_36_a_short_pool_pays_every_redemption_the_same_fraction() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		open_product_shares();
		let (dave_cover, eve_cover) = (buy(DAVE, 0, MILLION, YEAR), buy(EVE, 0, MILLION, YEAR));
		run_to_block(3);
		assert_ok!(try_declare(signed(SUPERMAJORITY), 0, 2, 100));
		let incident_id = NextIncidentId::<Test>::get() - 1;
		assert_eq!(Incidents::<Test>::get(incident_id).unwrap().reserved, 2 * MILLION);
		let capital = MutualPool::pool_status(0).unwrap().capital;
		let (dave, eve) = (free(DAVE), free(EVE));
		assert_ok!(MutualPool::redeem_cover(signed(DAVE), incident_id, dave_cover));
		assert_ok!(MutualPool::redeem_cover(signed(EVE), incident_id, eve_cover));
		// Each is owed 1M; the pool pays each `capital / 2M` of it.
		let fair = MILLION * capital / (2 * MILLION);
		assert_eq!(free(DAVE) - dave, fair);
		assert_eq!(free(EVE) - eve, fair);
	});
}

/// ATTACK 37 (finding 8): appeals could be front-run and crowded out. Whoever submitted a
/// referendum on the appeal track chose the call: Eve's referendum `uphold_appeal(claim, 1)`,
/// passed before Charlie's, paid him 1 of the 40_000 he appealed for and ended his appeal; and an
/// appeal ended at a fixed block, so a genuine referendum kept waiting in the track's queue (by
/// junk referenda) past it was dismissed with both deposits slashed. Now `appeal_claim` submits
/// the appeal's own referendum, paying the amount appealed for, and the claim ends when that
/// referendum ends: no other referendum can uphold it, nor does time alone dismiss it.
#[test]
fn attack_37_only_the_appeals_own_referendum_decides_it() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(CHARLIE, 0, 100_000, YEAR);
		let claim_id = claim(CHARLIE, cover_id, 40_000);
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		assert_ok!(MutualPool::appeal_claim(signed(CHARLIE), claim_id));
		// Another referendum of the track, passed first, cannot uphold it: only the appeal's
		// own referendum decides it.
		assert_noop!(
			MutualPool::uphold_appeal(signed(REFERENDUM), claim_id),
			Error::<Test>::AppealNotApproved
		);
		// The appeal's referendum waits in the track's queue long after the old fixed period:
		// the claim is not dismissed meanwhile.
		run_to_block(1 + APPEAL_DECISION_PERIOD * 4);
		assert_noop!(
			MutualPool::close_claim(signed(EVE), claim_id),
			Error::<Test>::ClaimNotClosable
		);
		// Approved at last, its call pays everything appealed for.
		conclude_appeal(claim_id, true);
		let charlie = free(CHARLIE);
		assert_ok!(MutualPool::uphold_appeal(signed(REFERENDUM), claim_id));
		System::assert_last_event(Event::AppealUpheld { claim_id, payout: 40_000 }.into());
		assert!(free(CHARLIE) >= charlie + 40_000);
	});
}
