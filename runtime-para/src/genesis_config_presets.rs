//! The genesis presets of the parachain runtime: `development` (one collator, Alice) and
//! `local_testnet` (Alice and Bob), both with the solo chain's demo genesis (SPEC §6): endowed
//! test accounts, Alice as sudo, a council of five, pool 0 in MUT with products 0 and 1, pool 1
//! in USDT with product 2, and Ferdie's stakes. Para id 2000.
//!
//! The foreign assets USDT (Asset Hub's asset 1984) and DOT are registered in `ForeignAssets`
//! under their locations. The test accounts' USDT is minted at genesis: on a dev chain no Asset
//! Hub holds it in this chain's sovereign account, so it cannot be sent back there (on a real
//! chain every unit arrives as a reserve deposit). The treasury holds the minimum balance of
//! both, so that execution fees paid in them are kept (`xcm_config::FeesToTreasury`).
//!
//! Differences from the solo presets: no `aura`/`grandpa` authorities; collators are
//! `CollatorSelection` invulnerables with `Session` keys (Aura's authorities come from the
//! session at genesis), plus `ParachainInfo` and `PolkadotXcm`'s safe XCM version.

use crate::{
	configs::{
		assets::{DOT_DECIMALS, DOT_MIN_BALANCE},
		xcm_config::{DotLocation, UsdtLocation},
	},
	AccountId, AuraId, BalancesConfig, CollatorSelectionConfig, CouncilMembershipConfig,
	ForeignAssetsConfig, MutualPoolConfig, ParachainInfoConfig, PolkadotXcmConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, EXISTENTIAL_DEPOSIT,
	PARACHAIN_ID,
};
use alloc::{vec, vec::Vec};
use frame_support::{build_struct_json_patch, traits::fungible::NativeOrWithId};
use mutual_pool_runtime_common::{assets::USD_DECIMALS, genesis, mutual_pool::treasury_account};
use serde_json::Value;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;

pub use mutual_pool_runtime_common::genesis::preset_names;

/// The XCM version to assume for other chains until they advertise theirs.
const SAFE_XCM_VERSION: u32 = xcm::prelude::XCM_VERSION;

/// The session keys of a collator.
fn session_keys(aura: AuraId) -> SessionKeys {
	SessionKeys { aura }
}

/// The collator keys of a keyring account: (account, Aura sr25519).
fn collator(k: Sr25519Keyring) -> (AccountId, AuraId) {
	(k.to_account_id(), k.public().into())
}

/// The genesis of a test chain with `invulnerables` as collators.
fn testnet_genesis(invulnerables: Vec<(AccountId, AuraId)>, root: AccountId) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: genesis::balances() },
		parachain_info: ParachainInfoConfig { parachain_id: PARACHAIN_ID.into() },
		collator_selection: CollatorSelectionConfig {
			invulnerables: invulnerables.iter().map(|(acc, _)| acc.clone()).collect::<Vec<_>>(),
			// Template: 16 existential deposits.
			candidacy_bond: EXISTENTIAL_DEPOSIT * 16,
		},
		session: SessionConfig {
			keys: invulnerables
				.into_iter()
				.map(|(acc, aura)| (acc.clone(), acc, session_keys(aura)))
				.collect::<Vec<_>>(),
		},
		polkadot_xcm: PolkadotXcmConfig { safe_xcm_version: Some(SAFE_XCM_VERSION) },
		sudo: SudoConfig { key: Some(root) },
		council_membership: CouncilMembershipConfig {
			members: genesis::council_members().try_into().expect("five members fit; qed"),
		},
		// USDT and DOT, sufficient, owned by the treasury (no key controls them).
		foreign_assets: ForeignAssetsConfig {
			assets: vec![
				(UsdtLocation::get(), treasury_account(), true, genesis::USD_MIN_BALANCE),
				(DotLocation::get(), treasury_account(), true, DOT_MIN_BALANCE),
			],
			metadata: vec![
				(UsdtLocation::get(), b"Tether USD".to_vec(), b"USDT".to_vec(), USD_DECIMALS),
				(DotLocation::get(), b"Polkadot".to_vec(), b"DOT".to_vec(), DOT_DECIMALS),
			],
			accounts: genesis::usd_accounts(UsdtLocation::get())
				.into_iter()
				.chain([
					(UsdtLocation::get(), treasury_account(), genesis::USD_MIN_BALANCE),
					(DotLocation::get(), treasury_account(), DOT_MIN_BALANCE),
				])
				.collect::<Vec<_>>(),
		},
		// Pool 0 in MUT, pool 1 in USDT.
		mutual_pool: MutualPoolConfig {
			pools: vec![
				genesis::pool_0(NativeOrWithId::Native),
				genesis::pool_1(NativeOrWithId::WithId(UsdtLocation::get())),
			],
			products: genesis::products::<
				<crate::Runtime as pallet_mutual_pool::Config>::MaxMetadataLen,
			>(),
			stakes: genesis::stakes(),
		},
	})
}

/// The `development` preset: Alice collates alone (as on the solo chain's `--dev`).
/// (The template's has Alice and Bob; the dev node seals alone, as the solo `--dev` chain.)
pub fn development_config_genesis() -> Value {
	testnet_genesis(vec![collator(Sr25519Keyring::Alice)], Sr25519Keyring::Alice.to_account_id())
}

/// The `local_testnet` preset: Alice and Bob collate.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![collator(Sr25519Keyring::Alice), collator(Sr25519Keyring::Bob)],
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of preset `id`, if the runtime has it.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	genesis::preset(id, development_config_genesis, local_config_genesis)
}
