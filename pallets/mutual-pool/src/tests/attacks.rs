//! The economic attacks of issue 9, one test each, with the numbers of the dev genesis scaled to
//! the mock (pool 0: capacity factor 2, fee 10%, unbonding 20 blocks; product 0: 50% share,
//! claim window 100 blocks; 10-block expiry buckets).
//!
//! ATTACK: each test below shows the attack working on the rules as they stand. The commit
//! that fixes an attack turns its test around, so that it shows the attack failing.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_arithmetic::Perbill;

const MILLION: Balance = 1_000_000;

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

/// ATTACK 1: a cheap claim confiscates a withdrawal. Ferdie and Dave have 1M each; Dave's
/// unbonding has ended. Eve buys 2M of cover for the shortest period and claims all of it;
/// Dave's withdrawal pays at `(capital - pending) / shares`, next to nothing. The council
/// rejects the claim, and what Dave left behind goes to Ferdie. Eve paid one deposit.
#[test]
fn attack_01_a_rejected_claim_confiscates_a_withdrawal() {
	ExtBuilder::default()
		.stake(0, FERDIE, MILLION)
		.stake(0, DAVE, MILLION)
		.build_and_execute(|| {
			unstake_all(DAVE);
			run_to_block(21);
			let cover_id = buy(EVE, 0, 2 * MILLION, 10);
			let claim_id = claim(EVE, cover_id, 2 * MILLION);

			assert_ok!(MutualPool::withdraw(signed(DAVE), 0));
			let dave_got = withdrawn(DAVE);
			assert!(dave_got < 1_000, "Dave got {dave_got} of his 1M");

			assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
			let ferdie = MutualPool::position(0, &FERDIE).unwrap().value;
			assert!(ferdie > 2 * MILLION - 1_000, "Ferdie holds {ferdie}");
		});
}

/// ATTACK 2: claims that are never decided freeze capital for ever, and re-filing after each
/// rejection keeps it frozen for the whole claim window, one deposit a time.
#[test]
fn attack_02_an_undecided_claim_locks_capital_for_ever() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(EVE, 0, MILLION, 10);
		let claim_id = claim(EVE, cover_id, MILLION);
		unstake_all(FERDIE);
		run_to_block(100_000);
		// A hundred thousand blocks later the claim still locks the capital: Ferdie's
		// withdrawal is valued at (capital - pending) / shares, next to nothing.
		assert!(Claims::<Test>::contains_key(claim_id));
		assert_eq!(pool(0).pending_claims, MILLION);
		assert!(MutualPool::withdrawal_value(&pool(0), MILLION).unwrap() < MILLION / 100);
	});
}

/// ATTACK 2, re-filed: each rejection is followed by a new claim on the same cover until its
/// claim window closes; the capital stays locked the whole time.
#[test]
fn attack_02_refiling_keeps_capital_locked_through_the_claim_window() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(EVE, 0, MILLION, 10);
		let end = Covers::<Test>::get(cover_id).unwrap().end;
		let mut block = 1;
		while block + 20 <= end + 100 {
			let claim_id = claim(EVE, cover_id, MILLION);
			run_to_block(block + 20);
			block += 20;
			assert_eq!(pool(0).pending_claims, MILLION);
			assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		}
		assert!(block > end + 60);
	});
}

/// ATTACK 3: cover stops being backed before its claim window closes. The bucket of a cover
/// that has ended is rolled, the staker withdraws everything, and the claim filed inside the
/// claim window is approved with nothing to pay it. `update_product` can also shorten the
/// claim window of cover already sold.
#[test]
fn attack_03_capital_leaves_before_the_claim_window_closes() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(EVE, 0, MILLION, 10);
		unstake_all(FERDIE);
		// The cover ended at block 11; its bucket rolls at block 20; Ferdie may leave at 21.
		run_to_block(21);
		assert_ok!(MutualPool::withdraw(signed(FERDIE), 0));
		assert_eq!(pool(0).capital, 0);
		// Eve's claim is still inside the claim window (11 + 100), but nothing backs it.
		run_to_block(50);
		let claim_id = claim(EVE, cover_id, MILLION);
		assert_ok!(MutualPool::approve_claim(signed(SUPERMAJORITY), claim_id, MILLION));
		assert_eq!(events().last(), Some(&Event::PoolDepleted { pool_id: 0, shortfall: MILLION }));
	});
}

/// ATTACK 3, by governance: shortening a product's claim window shortens it for cover already
/// sold.
#[test]
fn attack_03_update_product_changes_cover_already_sold() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(EVE, 0, MILLION, 10);
		let params = ProductParams { claim_window: 0, ..product_params(2, 50) };
		assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), 0, params));
		run_to_block(20);
		assert_noop!(
			MutualPool::submit_claim(signed(EVE), cover_id, MILLION, evidence()),
			Error::<Test>::OutsideClaimWindow
		);
	});
}

/// ATTACK 6: the large-claim threshold is split into instalments. A simple majority approves
/// just under 20% of the capital, the claimant re-files on the rest, and a simple majority
/// approves again.
#[test]
fn attack_06_the_large_claim_threshold_is_paid_in_instalments() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let cover_id = buy(EVE, 0, MILLION, YEAR);
		let mut paid = 0;
		for _ in 0..2 {
			let threshold = Perbill::from_percent(20).mul_floor(pool(0).capital);
			let claim_id = claim(EVE, cover_id, threshold);
			assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, threshold));
			paid += threshold;
		}
		// Two simple-majority approvals paid 36% of the pool on one cover.
		assert!(paid > 350_000, "paid {paid}");
	});
}

/// ATTACK 7: cover is sold against capital that pending claims already take. With 900k
/// claimed on a 1M pool, `buy_cover` still sells up to its whole capacity, at the price of the
/// utilization of active cover alone.
#[test]
fn attack_07_cover_is_sold_against_capital_pending_claims_take() {
	ExtBuilder::default().stake(0, FERDIE, MILLION).build_and_execute(|| {
		let product = full_capacity_product();
		let cover_id = buy(EVE, 0, 900_000, YEAR);
		claim(EVE, cover_id, 900_000);
		let quote_with_claim = MutualPool::quote(product, 100_000, YEAR).unwrap();
		assert_ok!(MutualPool::buy_cover(signed(DAVE), product, 1_100_000, YEAR, Balance::MAX));
		let pool = pool(0);
		// Active plus pending cover is far above what the capital can carry.
		assert!(pool.active_cover + pool.pending_claims > MutualPool::capacity(&pool) + 700_000);
		// And the claim did not move the price.
		ExtBuilder::default().stake(0, FERDIE, MILLION).build().execute_with(|| {
			let product = full_capacity_product();
			buy(EVE, 0, 900_000, YEAR);
			assert_eq!(MutualPool::quote(product, 100_000, YEAR).unwrap(), quote_with_claim);
		});
	});
}

/// ATTACK 8: a short cover holds capacity until its bucket rolls, long after what it paid for.
/// A 10-block cover of product 0's whole share costs what 10 blocks cost and still blocks the
/// product after it ended.
#[test]
fn attack_08_a_short_cover_holds_capacity_it_did_not_pay_for() {
	const BIG: Balance = 100_000_000_000;
	ExtBuilder::default().stake(0, FERDIE, BIG).build_and_execute(|| {
		// The cover's bucket rolls at block 20: it holds the capacity for 19 blocks.
		let ten_blocks = MutualPool::quote(0, BIG, 10).unwrap();
		let nineteen_blocks = MutualPool::quote(0, BIG, 19).unwrap();
		let before = Balances::balance(&EVE);
		buy(EVE, 0, BIG, 10);
		let paid = before - Balances::balance(&EVE);
		assert_eq!(paid, ten_blocks);
		// Past its end (block 11) the product is still full.
		run_to_block(19);
		assert_noop!(
			MutualPool::buy_cover(signed(DAVE), 0, 100_000, 10, Balance::MAX),
			Error::<Test>::InsufficientCapacity
		);
		// It paid for 10 of the 19 blocks it held.
		assert!(paid * 18 < nineteen_blocks * 10, "paid {paid} of {nineteen_blocks}");
	});
}
