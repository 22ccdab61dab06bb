//! The foreign assets (`ForeignAssets`, keyed by XCM `Location`, as Asset Hub's) and the kind of
//! asset a pool holds: MUT or a foreign asset, under one `fungibles` (`fungible::UnionOf`), as
//! `pallet-asset-conversion` setups have it. Only Root registers an asset (`force_create`) or
//! forces anything on one; no account creates assets for a deposit (docs/assets.md).

use frame_support::{
	parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, NeverEnsureOrigin,
	},
};
use frame_system::EnsureRoot;
use xcm::v5::Location;

use crate::{AccountId, Balance, Balances, ForeignAssets, Runtime, RuntimeEvent};
use mutual_pool_runtime_common::assets::{
	ApprovalDeposit, AssetAccountDeposit, AssetDeposit, AssetsStringLimit, MetadataDepositBase,
	MetadataDepositPerByte, RemoveItemsLimit,
};

/// The instance of `pallet-assets` that holds the foreign assets.
pub type ForeignAssetsInstance = pallet_assets::Instance1;

/// The kind of asset a pool holds: MUT (`Native`) or a foreign asset, by its location.
pub type PoolAssetKind = NativeOrWithId<Location>;

/// MUT and every foreign asset, as one `fungibles` over `PoolAssetKind`.
pub type PoolAssets = UnionOf<Balances, ForeignAssets, NativeFromLeft, PoolAssetKind, AccountId>;

/// DOT's decimals.
pub const DOT_DECIMALS: u8 = 10;
/// One DOT, in planck.
pub const DOT: Balance = 10_000_000_000;
/// The smallest balance of DOT here, as in the presets: 0.01 DOT (Asset Hub's existential
/// deposit of DOT).
pub const DOT_MIN_BALANCE: Balance = DOT / 100;

parameter_types! {
	/// MUT's kind.
	pub const NativeAsset: PoolAssetKind = NativeOrWithId::Native;
}

impl pallet_assets::Config<ForeignAssetsInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type AssetId = Location;
	type AssetIdParameter = Location;
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
	type BenchmarkHelper = LocationBenchmarkHelper;
}

/// The locations of `pallet-assets`' own benchmarks: sibling parachain `id`.
#[cfg(feature = "runtime-benchmarks")]
pub struct LocationBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_assets::BenchmarkHelper<Location, ()> for LocationBenchmarkHelper {
	fn create_asset_id_parameter(id: u32) -> Location {
		Location::new(1, [xcm::v5::Junction::Parachain(id)])
	}
	fn create_reserve_id_parameter(_: u32) {}
}

/// Registers the asset of the mutual pool's benchmarks: a sufficient foreign asset, the dearer
/// side of `PoolAssets`.
#[cfg(feature = "runtime-benchmarks")]
pub struct PoolAssetsBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_mutual_pool::BenchmarkHelper<PoolAssetKind> for PoolAssetsBenchmarkHelper {
	fn create_asset() -> PoolAssetKind {
		use frame_support::traits::fungibles::{Create, Inspect};
		// A sibling's asset, as deep a location as Asset Hub's USDT.
		let id = Location::new(
			1,
			[
				xcm::v5::Junction::Parachain(1000),
				xcm::v5::Junction::PalletInstance(50),
				xcm::v5::Junction::GeneralIndex(1_000_001),
			],
		);
		if !ForeignAssets::asset_exists(id.clone()) {
			let owner = mutual_pool_runtime_common::mutual_pool::treasury_account();
			let minimum = mutual_pool_runtime_common::currency::EXISTENTIAL_DEPOSIT;
			// Cannot fail on an id not in use, with a minimum above zero.
			let _ = <ForeignAssets as Create<AccountId>>::create(id.clone(), owner, true, minimum);
		}
		NativeOrWithId::WithId(id)
	}
}
