//! The genesis presets of the runtime: `development` (one validator, Alice) and `local_testnet`
//! (Alice, Bob and Charlie), both with the dev genesis of the design brief (SPEC section 6): endowed
//! test accounts, Alice as sudo, a council of five, pool 0 with products 0 and 1 and Ferdie's
//! stake.

use crate::{
	configs::assets::DEV_USD_ID, AccountId, AssetsConfig, BalancesConfig, CouncilMembershipConfig,
	MutualPoolConfig, RuntimeGenesisConfig, SudoConfig,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use frame_support::traits::fungible::NativeOrWithId;
use mutual_pool_runtime_common::genesis;
use mutual_pool_runtime_common::{assets::USD_DECIMALS, mutual_pool::treasury_account};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

pub use mutual_pool_runtime_common::genesis::preset_names;

/// The genesis of a test chain with `initial_authorities` as validators.
fn testnet_genesis(initial_authorities: Vec<(AuraId, GrandpaId)>, root: AccountId) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: genesis::balances() },
		aura: pallet_aura::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		council_membership: CouncilMembershipConfig {
			members: genesis::council_members().try_into().expect("five members fit; qed"),
		},
		// The dev stablecoin: sufficient, owned by the treasury (no key controls it), endowed
		// to the test accounts.
		assets: AssetsConfig {
			assets: vec![(DEV_USD_ID, treasury_account(), true, genesis::USD_MIN_BALANCE)],
			metadata: vec![(
				DEV_USD_ID,
				b"Tether USD (dev)".to_vec(),
				b"USDT".to_vec(),
				USD_DECIMALS
			)],
			accounts: genesis::usd_accounts(DEV_USD_ID),
		},
		mutual_pool: MutualPoolConfig {
			pools: vec![
				genesis::pool_0(NativeOrWithId::Native),
				genesis::pool_1(NativeOrWithId::WithId(DEV_USD_ID)),
			],
			products: genesis::products::<
				<crate::Runtime as pallet_mutual_pool::Config>::MaxMetadataLen,
			>(),
			stakes: genesis::stakes(),
		},
	})
}

/// The validator keys of a keyring account: (Aura sr25519, GRANDPA ed25519).
fn authority_keys(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

/// The `development` preset: Alice validates alone.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The `local_testnet` preset: Alice, Bob and Charlie validate (scripts/network.sh runs them).
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority_keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority_keys(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of preset `id`, if the runtime has it.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	genesis::preset(id, development_config_genesis, local_config_genesis)
}
