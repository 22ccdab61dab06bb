//! Tests of what a pool's asset changes: which asset each call moves, where a rejected claim's
//! native deposits go, the per-pool minimums, an asset that is not sufficient, and when a pool's
//! asset may change. Each rule common to both kinds of pool is tested on both by
//! `build_and_execute`.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungibles::{Create, Inspect},
};
use sp_arithmetic::FixedU128;

/// The id of a second registered asset, `EUR`: not sufficient, minimum balance 100.
const EUR_ID: u32 = 8;

/// Register `EUR` (an asset that only an existing account may hold).
fn register_eur() -> AssetKind {
	assert_ok!(<Assets as Create<AccountId>>::create(EUR_ID, USD_OWNER, false, 100));
	NativeOrWithId::WithId(EUR_ID)
}

/// The supply of `USD`.
fn usd_issuance() -> Balance {
	Assets::total_issuance(USD_ID)
}

/// Create pool 1 in `USD` with product 2 on it (2%, half the capacity); returns the product.
fn usd_pool_with_product() -> ProductId {
	let params = PoolParams { asset: usd(), ..pool_params() };
	assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), params));
	assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 1, product_params(2, 50)));
	2
}

#[test]
fn a_usd_pool_moves_usd_and_holds_deposits_in_the_native_token() {
	ExtBuilder::default().native_only().build_and_execute(|| {
		let product = usd_pool_with_product();
		let (usd_before, native_supply) = (usd_issuance(), Balances::total_issuance());
		let bob = (Assets::balance(USD_ID, BOB), native(BOB));
		assert_ok!(MutualPool::stake(signed(BOB), 1, 1_000_000, 0));
		// The stake and the pool account's minimum balance are USD, not the native token.
		assert_eq!(Assets::balance(USD_ID, BOB), bob.0 - 1_000_000 - USD_MIN);
		assert_eq!(native(BOB), bob.1);
		assert_eq!(Assets::balance(USD_ID, MutualPool::pool_account(1)), 1_000_000 + USD_MIN);

		let charlie = (Assets::balance(USD_ID, CHARLIE), native(CHARLIE));
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), product, 100_000, YEAR, Balance::MAX));
		let premium = last_premium();
		assert_eq!(Assets::balance(USD_ID, CHARLIE), charlie.0 - premium);
		let claim_id = claim(CHARLIE, 0, 40_000);
		// The deposit is held in the native token, at the pool's rate of the USD claimed.
		assert_eq!(native(CHARLIE), charlie.1 - deposit(40_000));
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 40_000));
		assert_eq!(Assets::balance(USD_ID, CHARLIE), charlie.0 - premium + 40_000);
		assert_eq!(native(CHARLIE), charlie.1);

		// Fees go to the treasury in USD.
		let owed = pool(1).fees_owed;
		assert_ok!(MutualPool::pay_fees(signed(EVE), 1));
		assert_eq!(Assets::balance(USD_ID, TREASURY), owed);
		// Nothing was minted or burnt in either asset.
		assert_eq!((usd_issuance(), Balances::total_issuance()), (usd_before, native_supply));
		// Pool 0, in the native token, was not touched.
		assert_eq!(pool(0).capital, 0);
	});
}

#[test]
fn a_rejected_claims_deposits_go_to_the_treasury_from_a_usd_pool() {
	ExtBuilder::default().native_only().build_and_execute(|| {
		without_appeals();
		let product = usd_pool_with_product();
		assert_ok!(MutualPool::stake(signed(BOB), 1, 1_000_000, 0));
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), product, 100_000, 100, Balance::MAX));
		let claim_id = claim(CHARLIE, 0, 40_000);
		let (before, treasury) = (pool(1), native(TREASURY));
		let usd = Assets::balance(USD_ID, MutualPool::pool_account(1));
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		assert_last(Event::ClaimClosed { claim_id, cover_id: 0, slashed: deposit(40_000) });
		// The native deposit cannot be USD capital: the treasury has it, and the pool's books
		// and account only lose the claim's pending amount.
		assert_eq!(native(TREASURY), treasury + deposit(40_000));
		assert_eq!(claim_deposit_held(CHARLIE), 0);
		let after = pool(1);
		assert_eq!(after.earnings.unearned, before.earnings.unearned);
		assert_eq!(after.earnings.rate, before.earnings.rate);
		assert_eq!(after.pending_claims, before.pending_claims - 40_000);
		assert_eq!(Assets::balance(USD_ID, MutualPool::pool_account(1)), usd);
	});
}

#[test]
fn minimums_and_the_claim_deposit_rate_are_the_pools_own() {
	ExtBuilder::default().native_only().build_and_execute(|| {
		// A USD pool (6 decimals) whose smallest cover is 5 USD, and whose claims hold 0.1% of
		// their value at a token worth a dollar with 12 decimals: 1_000 native units per unit.
		let params = PoolParams {
			asset: usd(),
			min_cover: 5_000_000,
			claim_deposit_rate: FixedU128::from_u32(1_000),
			..pool_params()
		};
		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), params.clone()));
		assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 1, product_params(2, 50)));
		assert_ok!(MutualPool::stake(signed(BOB), 1, 100_000_000, 0));
		assert_noop!(
			MutualPool::buy_cover(signed(CHARLIE), 2, 4_999_999, 100, Balance::MAX),
			Error::<Test>::CoverBelowMinimum
		);
		// Pool 0 keeps its own smallest cover.
		stake(BOB, 1_000_000);
		buy(CHARLIE, 0, MIN_COVER, 100);
		assert_ok!(MutualPool::buy_cover(signed(CHARLIE), 2, 5_000_000, 100, Balance::MAX));
		// 1 USD claimed holds 1_000 * 1_000_000 units more than the smallest deposit, capped.
		assert_eq!(MutualPool::claim_deposit(&params, 1), DEPOSIT + 1_000);
		assert_eq!(MutualPool::claim_deposit(&params, 1_000_000), MAX_DEPOSIT);
		let claim_id = claim(CHARLIE, 1, 1);
		assert_eq!(Claims::<Test>::get(claim_id).unwrap().deposit, DEPOSIT + 1_000);
	});
}

#[test]
fn a_pool_needs_a_registered_asset_and_its_minimums() {
	ExtBuilder::default().native_only().build_and_execute(|| {
		let unknown = PoolParams { asset: NativeOrWithId::WithId(99), ..pool_params() };
		assert_noop!(
			MutualPool::create_pool(RuntimeOrigin::root(), unknown),
			Error::<Test>::UnknownAsset
		);
		let eur = register_eur();
		let below = PoolParams { asset: eur.clone(), min_stake: 99, ..pool_params() };
		assert_noop!(
			MutualPool::create_pool(RuntimeOrigin::root(), below),
			Error::<Test>::MinStakeBelowExistentialDeposit
		);
		let no_cover = PoolParams { min_cover: 0, ..pool_params() };
		assert_noop!(
			MutualPool::create_pool(RuntimeOrigin::root(), no_cover),
			Error::<Test>::ParameterOutOfBounds
		);
		assert_ok!(MutualPool::create_pool(
			RuntimeOrigin::root(),
			PoolParams { asset: eur, min_stake: 100, ..pool_params() }
		));
	});
}

#[test]
fn a_pool_in_an_asset_that_is_not_sufficient_keeps_its_account() {
	ExtBuilder::default().native_only().build_and_execute(|| {
		let eur = register_eur();
		let params = PoolParams { asset: eur, min_stake: 1_000, ..pool_params() };
		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), params));
		// The pallet's provider reference lets the pool account hold EUR without any native
		// balance.
		let account = MutualPool::pool_account(1);
		assert_eq!(native(account), 0);
		assert_eq!(System::providers(&account), 1);
		assert_ok!(Assets::mint(signed(USD_OWNER), EUR_ID, DAVE, 10_000));
		assert_ok!(MutualPool::stake(signed(DAVE), 1, 5_000, 0));
		assert_eq!(Assets::balance(EUR_ID, account), 5_000 + 100);
		// Everything can leave but the account's minimum, which keeps it.
		assert_ok!(MutualPool::request_unstake(signed(DAVE), 1, 5_000));
		run_to_block(21);
		assert_ok!(MutualPool::withdraw(signed(DAVE), 1, 0));
		assert_eq!(Assets::balance(EUR_ID, DAVE), 10_000 - 100);
		assert_eq!(Assets::balance(EUR_ID, account), 100);
		assert!(System::account_exists(&account));
	});
}

#[test]
fn a_pools_asset_changes_only_while_it_holds_nothing() {
	ExtBuilder::default().native_only().build_and_execute(|| {
		let in_usd = PoolParams { asset: usd(), ..pool_params() };
		// Pool 0 holds nothing yet: governance may still change its asset.
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, in_usd.clone()));
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, pool_params()));
		stake(BOB, 1_000_000);
		assert_noop!(
			MutualPool::update_pool(RuntimeOrigin::root(), 0, in_usd.clone()),
			Error::<Test>::AssetInUse
		);
		// Other parameters still change.
		let wider = PoolParams { min_cover: 2 * MIN_COVER, ..pool_params() };
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, wider));
	});
}
