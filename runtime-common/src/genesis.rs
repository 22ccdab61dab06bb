//! The demo genesis of the `development` and `local_testnet` presets (the design brief's dev
//! genesis): accounts, council, pool 0 in MUT and its products, pool 1 in a stablecoin and its
//! product; and the presets' plumbing, the same in both runtimes (their names, and a preset's
//! JSON from the runtime's own patches).

use super::{
	assets::USD,
	currency::{EXISTENTIAL_DEPOSIT, UNIT},
	mutual_pool::{treasury_account, ClaimDepositRate, MinCover},
	primitives::{AccountId, Balance, BlockNumber},
	time::YEARS,
};
use alloc::{vec, vec::Vec};
use frame_support::traits::Get;
use pallet_mutual_pool::{PoolId, PoolParams, ProductParams};
use serde_json::Value;
use sp_arithmetic::{FixedU128, Perbill};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

/// What every test account starts with: 1 << 60 units (about 1.15 million MUT).
pub const ENDOWMENT: Balance = 1 << 60;
/// What Ferdie stakes into pool 0 at genesis: 1_000_000 MUT.
pub const FERDIE_STAKE: Balance = 1_000_000 * UNIT;
/// What every test account holds of the stablecoin of pool 1 at genesis: 10 million.
pub const USD_ENDOWMENT: Balance = 10_000_000 * USD;
/// What Ferdie stakes into pool 1 at genesis: 1 million of its stablecoin.
pub const FERDIE_USD_STAKE: Balance = 1_000_000 * USD;
/// The smallest balance of the dev stablecoin: 0.01.
pub const USD_MIN_BALANCE: Balance = USD / 100;

/// The endowed test accounts: Alice, Bob, Charlie, Dave, Eve and Ferdie.
pub fn endowed_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// The balances at genesis: every endowed account's `ENDOWMENT`, and the treasury's existential
/// deposit (fees paid to it are then never below it).
pub fn balances() -> Vec<(AccountId, Balance)> {
	endowed_accounts()
		.into_iter()
		.map(|who| (who, ENDOWMENT))
		.chain([(treasury_account(), EXISTENTIAL_DEPOSIT)])
		.collect()
}

/// The stakes at genesis: Ferdie's `FERDIE_STAKE` in pool 0 and his `FERDIE_USD_STAKE` in
/// pool 1.
pub fn stakes() -> Vec<(PoolId, AccountId, Balance)> {
	let ferdie = Sr25519Keyring::Ferdie.to_account_id();
	vec![(0, ferdie.clone(), FERDIE_STAKE), (1, ferdie, FERDIE_USD_STAKE)]
}

/// What the endowed accounts hold of the stablecoin `asset` at genesis: `USD_ENDOWMENT` each,
/// as `pallet-assets`' genesis `accounts`.
pub fn usd_accounts<A: Clone>(asset: A) -> Vec<(A, AccountId, Balance)> {
	endowed_accounts()
		.into_iter()
		.map(|who| (asset.clone(), who, USD_ENDOWMENT))
		.collect()
}

/// The council members: Alice, Bob, Charlie, Dave and Eve.
pub fn council_members() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// Pool 0, in MUT (`native`, the runtime's kind of the native token): capacity factor 2, 20
/// blocks (2 minutes at 6 s) unbonding, min stake 1 MUT, min cover 10 MUT, claim deposits 0.1%
/// of the claim, fee 10%, kink 80%, slopes 5% and 50%, large claims above 20% of the capital.
pub fn pool_0<A>(native: A) -> PoolParams<A, Balance, BlockNumber> {
	PoolParams {
		asset: native,
		capacity_factor: FixedU128::from_u32(2),
		unbonding_period: 20,
		min_stake: UNIT,
		min_cover: MinCover::get(),
		claim_deposit_rate: ClaimDepositRate::get(),
		fee: Perbill::from_percent(10),
		kink: Perbill::from_percent(80),
		slope1: Perbill::from_percent(5),
		slope2: Perbill::from_percent(50),
		large_claim_threshold: Perbill::from_percent(20),
	}
}

/// Pool 1, in the 6-decimal stablecoin `usd`: pool 0's curve and terms, in its units: min stake
/// 1, min cover 10, and claim deposits of 0.1% of the claim at a MUT worth a dollar (a MUT has
/// 12 decimals: 0.001 * 10^12 / 10^6 = 1_000 MUT units per unit claimed).
pub fn pool_1<A>(usd: A) -> PoolParams<A, Balance, BlockNumber> {
	PoolParams {
		min_stake: USD,
		min_cover: 10 * USD,
		claim_deposit_rate: FixedU128::from_u32(1_000),
		..pool_0(usd)
	}
}

/// A product of the dev chain: periods 10 blocks to a year (`YEARS` blocks of 6 s), claim
/// window 100 blocks, no activation delay, enabled.
pub fn product<M: Get<u32>>(
	base_rate: u32,
	max_capacity_share: u32,
	metadata: &[u8],
) -> ProductParams<BlockNumber, M> {
	ProductParams {
		base_rate: Perbill::from_percent(base_rate),
		max_capacity_share: Perbill::from_percent(max_capacity_share),
		min_period: 10,
		max_period: YEARS,
		claim_window: 100,
		activation_delay: 0,
		enabled: true,
		metadata: metadata.to_vec().try_into().expect("the dev metadata is short; qed"),
	}
}

/// Products 0 ("DEX smart-contract exploit") and 1 ("Bridge hack"), both on pool 0, and product
/// 2 ("Stablecoin lending exploit") on pool 1.
pub fn products<M: Get<u32>>() -> Vec<(PoolId, ProductParams<BlockNumber, M>)> {
	vec![
		(0, product::<M>(2, 50, b"DEX smart-contract exploit")),
		(0, product::<M>(5, 30, b"Bridge hack")),
		(1, product::<M>(2, 50, b"Stablecoin lending exploit")),
	]
}

/// The names of the presets of both runtimes: `development` and `local_testnet`.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}

/// The JSON patch of preset `id`, made by the runtime's `development` or `local_testnet`
/// function; `None` for a preset the runtimes do not have.
pub fn preset(
	id: &PresetId,
	development: impl FnOnce() -> Value,
	local_testnet: impl FnOnce() -> Value,
) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	Some(serde_json::to_vec(&patch).expect("a JSON value serializes; qed"))
}

// The pallet's `GenesisConfig` itself is built in each runtime's preset (where `Runtime` is
// concrete): `MutualPoolConfig { pools: vec![pool_0(native), pool_1(usd)], products:
// products::<MaxMetadataLen>(), stakes: stakes() }`. A generic helper here would need where-clauses on
// `BalanceOf<T>`/`BlockNumberFor<T>` for no gain.
