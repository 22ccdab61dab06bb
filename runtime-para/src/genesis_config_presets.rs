//! The genesis presets of the parachain runtime: `development` (one collator, Alice) and
//! `local_testnet` (Alice and Bob), both with the solo chain's demo genesis (SPEC §6): endowed
//! test accounts, Alice as sudo, a council of five, pool 0 with products 0 and 1 and Ferdie's
//! stake. Para id 2000.
//!
//! Differences from the solo presets: no `aura`/`grandpa` authorities; collators are
//! `CollatorSelection` invulnerables with `Session` keys (Aura's authorities come from the
//! session at genesis), plus `ParachainInfo` and `PolkadotXcm`'s safe XCM version.

use crate::{
	AccountId, AuraId, BalancesConfig, CollatorSelectionConfig, CouncilMembershipConfig,
	MutualPoolConfig, ParachainInfoConfig, PolkadotXcmConfig, RuntimeGenesisConfig, SessionConfig,
	SessionKeys, SudoConfig, EXISTENTIAL_DEPOSIT, PARACHAIN_ID,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use mutual_pool_runtime_common::genesis;
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
		// Pool 0 in MUT. (The USDT pool comes with the foreign assets' XCM, issue 24.)
		mutual_pool: MutualPoolConfig {
			pools: vec![genesis::pool_0(frame_support::traits::fungible::NativeOrWithId::Native)],
			products: genesis::products::<
				<crate::Runtime as pallet_mutual_pool::Config>::MaxMetadataLen,
			>(false),
			stakes: genesis::stakes(false),
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
