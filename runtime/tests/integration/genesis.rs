//! Each genesis preset builds and holds the dev genesis of SPEC section 6.

use crate::common::*;
use frame_support::traits::{
	fungible::{Inspect, NativeOrWithId},
	fungibles::{metadata::Inspect as _, Inspect as _},
};
use mutual_pool_runtime::{
	configs::{treasury_account, CouncilInstance, DEV_USD_ID},
	genesis_config_presets, Assets, Balances, MutualPool, Runtime, EXISTENTIAL_DEPOSIT, UNIT,
};
use mutual_pool_runtime_common::genesis::{
	pool_0, pool_1, ENDOWMENT, FERDIE_STAKE, FERDIE_USD_STAKE, USD_ENDOWMENT, USD_MIN_BALANCE,
};
use pallet_mutual_pool::{Pools, Products, Stakers};
use sp_arithmetic::{FixedU128, Perbill};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// The checks common to both presets.
fn check_dev_genesis(validators: usize) {
	// Accounts and sudo.
	for who in [Alice, Bob, Charlie, Dave, Eve] {
		assert_eq!(free::<Solo>(who), ENDOWMENT, "{who:?} is endowed");
	}
	// The first stake into a pool also pays the pool account's existential deposit.
	assert_eq!(
		free::<Solo>(Ferdie),
		ENDOWMENT - FERDIE_STAKE - EXISTENTIAL_DEPOSIT,
		"Ferdie's stake left his account"
	);
	assert_eq!(Balances::balance(&MutualPool::pool_account(0)), FERDIE_STAKE + EXISTENTIAL_DEPOSIT);
	assert_eq!(Balances::balance(&treasury_account()), EXISTENTIAL_DEPOSIT);
	assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Alice)));

	// The council of five, in the collective and in the membership pallet.
	let mut expected: Vec<_> = [Alice, Bob, Charlie, Dave, Eve].into_iter().map(account).collect();
	expected.sort();
	assert_eq!(pallet_collective::Members::<Runtime, CouncilInstance>::get(), expected);
	assert_eq!(
		pallet_membership::Members::<Runtime, CouncilInstance>::get().into_inner(),
		expected
	);
	assert_eq!(pallet_collective::Prime::<Runtime, CouncilInstance>::get(), None);

	// Validators.
	assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), validators);
	assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), validators);

	// Pool 0.
	let pool = Pools::<Runtime>::get(0).expect("pool 0 exists");
	assert_eq!(pool.params, pool_0(NativeOrWithId::Native));
	assert_eq!(pool.params.capacity_factor, FixedU128::from_u32(2));
	assert_eq!(pool.params.unbonding_period, 20);
	assert_eq!(pool.params.min_stake, UNIT);
	assert_eq!(pool.params.fee, Perbill::from_percent(10));
	assert_eq!(pool.params.large_claim_threshold, Perbill::from_percent(20));
	assert_eq!(pool.capital, FERDIE_STAKE);
	assert_eq!(pool.total_shares, FERDIE_STAKE);
	assert_eq!(pool.active_cover, 0);

	// The dev stablecoin (6 decimals, sufficient, the treasury its owner), and pool 1 in it
	// with Ferdie's stake; the test accounts hold 10 million each.
	assert_eq!(Assets::decimals(DEV_USD_ID), 6);
	assert_eq!(Assets::symbol(DEV_USD_ID), b"USDT".to_vec());
	assert_eq!(Assets::minimum_balance(DEV_USD_ID), USD_MIN_BALANCE);
	assert_eq!(
		pallet_assets::Asset::<Runtime>::get(DEV_USD_ID).map(|a| (a.is_sufficient, a.owner)),
		Some((true, treasury_account()))
	);
	for who in [Alice, Bob, Charlie, Dave, Eve] {
		assert_eq!(Assets::balance(DEV_USD_ID, account(who)), USD_ENDOWMENT);
	}
	assert_eq!(
		Assets::balance(DEV_USD_ID, account(Ferdie)),
		USD_ENDOWMENT - FERDIE_USD_STAKE - USD_MIN_BALANCE
	);
	let stable = Pools::<Runtime>::get(1).expect("pool 1 exists");
	assert_eq!(stable.params, pool_1(NativeOrWithId::WithId(DEV_USD_ID)));
	assert_eq!(stable.capital, FERDIE_USD_STAKE);
	assert_eq!(
		Assets::balance(DEV_USD_ID, MutualPool::pool_account(1)),
		FERDIE_USD_STAKE + USD_MIN_BALANCE
	);
	assert!(Pools::<Runtime>::get(2).is_none());

	// Products 0 and 1 on pool 0.
	let product_0 = Products::<Runtime>::get(0).expect("product 0 exists");
	assert_eq!(product_0.pool_id, 0);
	assert_eq!(product_0.params.base_rate, Perbill::from_percent(2));
	assert_eq!(product_0.params.max_capacity_share, Perbill::from_percent(50));
	assert_eq!((product_0.params.min_period, product_0.params.max_period), (10, 5_256_000));
	assert_eq!(product_0.params.claim_window, 100);
	assert_eq!(product_0.params.activation_delay, 0);
	assert!(product_0.params.enabled);
	assert_eq!(product_0.params.metadata.as_slice(), b"DEX smart-contract exploit");
	let product_1 = Products::<Runtime>::get(1).expect("product 1 exists");
	assert_eq!(product_1.pool_id, 0);
	assert_eq!(product_1.params.base_rate, Perbill::from_percent(5));
	assert_eq!(product_1.params.max_capacity_share, Perbill::from_percent(30));
	assert_eq!((product_1.params.min_period, product_1.params.max_period), (10, 5_256_000));
	assert!(product_1.params.enabled);
	assert_eq!(product_1.params.metadata.as_slice(), b"Bridge hack");
	let product_2 = Products::<Runtime>::get(2).expect("product 2 exists");
	assert_eq!(product_2.pool_id, 1);
	assert_eq!(product_2.params.metadata.as_slice(), b"Stablecoin lending exploit");
	assert!(Products::<Runtime>::get(3).is_none());

	// Ferdie's stake, also as the runtime API shows it.
	let ferdie = Stakers::<Runtime>::get(account(Ferdie), 0).expect("Ferdie staked");
	assert_eq!(ferdie.shares, FERDIE_STAKE);
	let position = MutualPool::position(0, &account(Ferdie)).expect("Ferdie has a position");
	assert_eq!(position.value, FERDIE_STAKE);
	let status = MutualPool::pool_status(0).expect("pool 0 has a status");
	assert_eq!(status.capacity, 2 * FERDIE_STAKE);

	// Every invariant of the pallet holds.
	#[cfg(any(feature = "try-runtime", feature = "runtime-benchmarks"))]
	MutualPool::do_try_state().expect("the genesis is consistent");
}

#[test]
fn presets_are_listed() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(names.len(), 2);
	for name in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		assert!(names.iter().any(|n| n.as_ref() as &str == name), "{name} is listed");
	}
	assert!(genesis_config_presets::get_preset(&"unknown".into()).is_none());
}

#[test]
fn development_preset_has_the_dev_genesis() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| check_dev_genesis(1));
}

#[test]
fn local_testnet_preset_has_the_dev_genesis_and_three_validators() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| check_dev_genesis(3));
}
