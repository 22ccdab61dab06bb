//! The mutual pool (`MutualPool`): its origins, accounts and limits, from
//! `mutual-pool-runtime-common` (shared with the other runtime of the chain), and the weights
//! measured on this runtime.

use frame_support::traits::ConstU32;

use super::assets::{NativeAsset, PoolAssetKind, PoolAssets};
use crate::{Balances, Runtime, RuntimeHoldReason};
use mutual_pool_runtime_common::{
	appeals::{ClaimAppealReferenda, RootOrClaimAppeals},
	council::{RootOrCouncilMajority, RootOrCouncilTwoThirds},
};

pub use mutual_pool_runtime_common::mutual_pool::{
	treasury_account, AppealDecisionPeriod, AppealDepositMultiplier, AppealPeriod, BlocksPerYear,
	ClaimDecisionPeriod, ClaimDeposit, ClaimDepositRate, ExpiryBucketLength, FreezePeriod,
	IncidentRedemptionPeriod, LargeClaimWindow, MaxClaimDeposit, MinCover, MutualPoolPalletId,
	StakeWarmup, TreasuryAccount, TreasuryPalletId,
};

impl pallet_mutual_pool::Config for Runtime {
	type Currency = Balances;
	/// MUT or an asset of the registry (`configs/assets.rs`).
	type AssetKind = PoolAssetKind;
	type Assets = PoolAssets;
	type NativeAsset = NativeAsset;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = RootOrCouncilTwoThirds;
	type ClaimDecisionOrigin = RootOrCouncilMajority;
	type LargeClaimOrigin = RootOrCouncilTwoThirds;
	/// A referendum on the claim-appeals track (or Root).
	type AppealOrigin = RootOrClaimAppeals;
	/// An appeal's own referendum on the claim-appeals track (`pallet-referenda`).
	type Appeals = ClaimAppealReferenda<Runtime>;
	type PalletId = MutualPoolPalletId;
	type TreasuryAccount = TreasuryAccount;
	type ClaimDeposit = ClaimDeposit;
	type MaxClaimDeposit = MaxClaimDeposit;
	type ClaimDecisionPeriod = ClaimDecisionPeriod;
	type AppealPeriod = AppealPeriod;
	type AppealDepositMultiplier = AppealDepositMultiplier;
	type AppealDecisionPeriod = AppealDecisionPeriod;
	type IncidentRedemptionPeriod = IncidentRedemptionPeriod;
	type LargeClaimWindow = LargeClaimWindow;
	type StakeWarmup = StakeWarmup;
	type FreezePeriod = FreezePeriod;
	type BlocksPerYear = BlocksPerYear;
	type ExpiryBucketLength = ExpiryBucketLength;
	/// One bucket per owner and call: `on_idle` rolls each pool and product by one bucket per
	/// block in spare weight (a bucket is 600 blocks, so it keeps up by far), and anyone may
	/// call `roll_expiries`. This keeps `withdraw` cheap.
	type MaxExpiryBucketsPerCall = ConstU32<1>;
	type MaxEvidenceLen = ConstU32<1024>;
	type MaxMetadataLen = ConstU32<256>;
	type WeightInfo = crate::weights::pallet_mutual_pool::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::assets::PoolAssetsBenchmarkHelper;
}
