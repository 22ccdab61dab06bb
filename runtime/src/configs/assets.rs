//! The asset registry (`Assets`, keyed by `u32`) and the kind of asset a pool holds: MUT or a
//! registered asset, under one `fungibles` (`fungible::UnionOf`), as `pallet-asset-conversion`
//! setups have it. Only Root registers an asset (`force_create`) or forces anything on one;
//! no account creates assets for a deposit (docs/assets.md).

use frame_support::{
	parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, NeverEnsureOrigin,
	},
};
use frame_system::EnsureRoot;

use crate::{AccountId, Assets, Balance, Balances, Runtime, RuntimeEvent};
use mutual_pool_runtime_common::assets::{
	ApprovalDeposit, AssetAccountDeposit, AssetDeposit, AssetsStringLimit, MetadataDepositBase,
	MetadataDepositPerByte, RemoveItemsLimit,
};

/// The id of an asset of the registry.
pub type AssetId = u32;

/// The kind of asset a pool holds: MUT (`Native`) or an asset of `Assets`.
pub type PoolAssetKind = NativeOrWithId<AssetId>;

/// MUT and every registered asset, as one `fungibles` over `PoolAssetKind`.
pub type PoolAssets = UnionOf<Balances, Assets, NativeFromLeft, PoolAssetKind, AccountId>;

/// The dev stablecoin's id: 1984, as USDT's on Asset Hub.
pub const DEV_USD_ID: AssetId = 1984;

parameter_types! {
	/// MUT's kind.
	pub const NativeAsset: PoolAssetKind = NativeOrWithId::Native;
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = AssetId;
	type ReserveData = ();
	type Currency = Balances;
	/// No account creates an asset: Root registers them (`force_create`).
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = AssetsStringLimit;
	type Holder = ();
	type Freezer = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type RemoveItemsLimit = RemoveItemsLimit;
	/// The crate's weights, measured on Parity's reference machine and runtime.
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// Registers the asset of the mutual pool's benchmarks: a sufficient asset of the registry,
/// the dearer side of `PoolAssets`.
#[cfg(feature = "runtime-benchmarks")]
pub struct PoolAssetsBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_mutual_pool::BenchmarkHelper<PoolAssetKind> for PoolAssetsBenchmarkHelper {
	fn create_asset() -> PoolAssetKind {
		use frame_support::traits::fungibles::{Create, Inspect};
		const ID: AssetId = 1_000_001;
		if !Assets::asset_exists(ID) {
			let owner = mutual_pool_runtime_common::mutual_pool::treasury_account();
			let minimum = mutual_pool_runtime_common::currency::EXISTENTIAL_DEPOSIT;
			// Cannot fail on an id not in use, with a minimum above zero.
			let _ = <Assets as Create<AccountId>>::create(ID, owner, true, minimum);
		}
		NativeOrWithId::WithId(ID)
	}
}
