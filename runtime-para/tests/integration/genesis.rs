//! Both genesis presets build and hold the solo chain's demo genesis, with the parachain's own
//! parts: para id 2000, the collators and their Aura keys, USDT and DOT registered under their
//! locations, pool 1 in USDT.

use crate::common::*;
use frame_support::traits::{
	fungible::{Inspect, NativeOrWithId},
	fungibles::{metadata::Inspect as _, Inspect as _},
};
use mutual_pool_runtime_common::genesis::{
	pool_0, pool_1, ENDOWMENT, FERDIE_STAKE, FERDIE_USD_STAKE, USD_ENDOWMENT, USD_MIN_BALANCE,
};
use mutual_pool_runtime_para::{
	configs::{
		assets::DOT_MIN_BALANCE,
		treasury_account,
		xcm_config::{DotLocation, UsdtLocation},
		CouncilInstance,
	},
	AuraId, Balances, ForeignAssets, MutualPool, ParachainInfo, Runtime, EXISTENTIAL_DEPOSIT,
	PARACHAIN_ID,
};
use pallet_mutual_pool::{Pools, Products};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

fn check_genesis(collators: &[sp_keyring::Sr25519Keyring]) {
	assert_eq!(u32::from(ParachainInfo::parachain_id()), PARACHAIN_ID);
	assert_eq!(PARACHAIN_ID, 2000);

	for who in [Alice, Bob, Charlie, Dave, Eve] {
		assert_eq!(Balances::balance(&account(who)), ENDOWMENT, "{who:?} is endowed");
	}
	assert_eq!(
		Balances::balance(&account(Ferdie)),
		ENDOWMENT - FERDIE_STAKE - EXISTENTIAL_DEPOSIT,
		"Ferdie's stake left his account"
	);
	assert_eq!(Balances::balance(&MutualPool::pool_account(0)), FERDIE_STAKE + EXISTENTIAL_DEPOSIT);
	assert_eq!(Balances::balance(&treasury_account()), EXISTENTIAL_DEPOSIT);
	assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Alice)));

	let mut council: Vec<_> = [Alice, Bob, Charlie, Dave, Eve].into_iter().map(account).collect();
	council.sort();
	assert_eq!(pallet_collective::Members::<Runtime, CouncilInstance>::get(), council);
	assert_eq!(pallet_membership::Members::<Runtime, CouncilInstance>::get().into_inner(), council);

	let pool = Pools::<Runtime>::get(0).expect("pool 0 exists");
	assert_eq!(pool.params, pool_0(NativeOrWithId::Native));
	assert_eq!(pool.capital, FERDIE_STAKE);
	assert_eq!(Products::<Runtime>::get(0).expect("product 0").pool_id, 0);
	assert_eq!(Products::<Runtime>::get(1).expect("product 1").pool_id, 0);

	// USDT (Asset Hub's asset 1984, 6 decimals) and DOT (10 decimals), sufficient, the treasury
	// their owner and holding the minimum of each; the test accounts hold USDT.
	let usdt = UsdtLocation::get();
	let dot = DotLocation::get();
	assert_eq!(
		usdt,
		xcm::latest::Location::new(
			1,
			[
				xcm::latest::Junction::Parachain(1000),
				xcm::latest::Junction::PalletInstance(50),
				xcm::latest::Junction::GeneralIndex(1984),
			]
		)
	);
	assert_eq!(dot, xcm::latest::Location::parent());
	for (asset, symbol, decimals, minimum) in
		[(&usdt, &b"USDT"[..], 6, USD_MIN_BALANCE), (&dot, &b"DOT"[..], 10, DOT_MIN_BALANCE)]
	{
		assert_eq!(ForeignAssets::symbol(asset.clone()), symbol.to_vec());
		assert_eq!(ForeignAssets::decimals(asset.clone()), decimals);
		assert_eq!(ForeignAssets::minimum_balance(asset.clone()), minimum);
		assert_eq!(
			pallet_assets::Asset::<Runtime, pallet_assets::Instance1>::get(asset)
				.map(|a| (a.is_sufficient, a.owner)),
			Some((true, treasury_account()))
		);
		assert_eq!(ForeignAssets::balance(asset.clone(), treasury_account()), minimum);
	}
	for who in [Alice, Bob, Charlie, Dave, Eve] {
		assert_eq!(ForeignAssets::balance(usdt.clone(), account(who)), USD_ENDOWMENT);
	}
	assert_eq!(
		ForeignAssets::balance(usdt.clone(), account(Ferdie)),
		USD_ENDOWMENT - FERDIE_USD_STAKE - USD_MIN_BALANCE,
		"Ferdie's stake and the pool account's seed left his account"
	);
	// Pool 1 in USDT, with product 2 and Ferdie's stake.
	let stable = Pools::<Runtime>::get(1).expect("pool 1 exists");
	assert_eq!(stable.params, pool_1(NativeOrWithId::WithId(usdt.clone())));
	assert_eq!(stable.capital, FERDIE_USD_STAKE);
	assert_eq!(
		ForeignAssets::balance(usdt, MutualPool::pool_account(1)),
		FERDIE_USD_STAKE + USD_MIN_BALANCE
	);
	assert_eq!(Products::<Runtime>::get(2).expect("product 2").pool_id, 1);
	assert!(Pools::<Runtime>::get(2).is_none());
	assert!(Products::<Runtime>::get(3).is_none());

	// The collators: invulnerables of `CollatorSelection`, with their Aura keys in `Session` and
	// hence as Aura's authorities.
	// The session orders them by account, as `CollatorSelection` does its invulnerables.
	let mut collators = collators.to_vec();
	collators.sort_by_key(|k| account(*k));
	let accounts: Vec<_> = collators.iter().map(|k| account(*k)).collect();
	assert_eq!(pallet_collator_selection::Invulnerables::<Runtime>::get().into_inner(), accounts);
	let aura: Vec<AuraId> = collators.iter().map(|k| k.public().into()).collect();
	assert_eq!(pallet_aura::Authorities::<Runtime>::get().into_inner(), aura);
	assert_eq!(pallet_session::Validators::<Runtime>::get(), accounts);
}

#[test]
fn the_development_preset_has_the_demo_pool_and_alice_collating() {
	dev_ext().execute_with(|| check_genesis(&[Alice]));
}

#[test]
fn the_local_testnet_preset_has_the_demo_pool_and_two_collators() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| check_genesis(&[Alice, Bob]));
}

#[test]
fn blocks_build_with_the_collator_arithmetic_and_the_state_stays_consistent() {
	dev_ext().execute_with(|| {
		let mut collator = Collator::default();
		// More blocks than the unincluded segment holds: each block's relay parent includes the
		// one before, as the relay chain would.
		collator.build_blocks(30);
		assert_eq!(mutual_pool_runtime_para::System::block_number(), 30);
		assert_eq!(pallet_aura::CurrentSlot::<Runtime>::get(), FIRST_RELAY_SLOT + 29);
		assert_eq!(
			pallet_timestamp::Now::<Runtime>::get(),
			(FIRST_RELAY_SLOT + 29)
				* u64::from(mutual_pool_runtime_para::RELAY_CHAIN_SLOT_DURATION_MILLIS)
		);
		assert_eq!(
			cumulus_pallet_parachain_system::LastRelayChainBlockNumber::<Runtime>::get(),
			(FIRST_RELAY_SLOT + 29) as u32
		);
		MutualPool::do_try_state().expect("the pool's totals hold");
	});
	let _ = DEV_RUNTIME_PRESET;
}
