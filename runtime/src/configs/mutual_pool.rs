//! The mutual pool: its origins, accounts and limits, configured in
//! `mutual-pool-runtime-common` (shared with the parachain runtime); the `impl Config` block is
//! expanded in [`super`] by its `impl_council_and_mutual_pool!`.

pub use mutual_pool_runtime_common::mutual_pool::{
	treasury_account, AppealDecisionPeriod, AppealDepositMultiplier, AppealOrigin, AppealPeriod,
	BlocksPerYear, ClaimDecisionPeriod, ClaimDeposit, ClaimDepositRate, ExpiryBucketLength,
	FreezePeriod, IncidentRedemptionPeriod, LargeClaimWindow, MaxClaimDeposit, MinCover,
	MutualPoolPalletId, TreasuryAccount, TreasuryPalletId,
};
