//! The mutual pool: its origins, accounts and limits.

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::{traits::AccountIdConversion, Perbill};

use super::council::{RootOrCouncilMajority, RootOrCouncilTwoThirds};
use crate::{
	AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeHoldReason, DAYS, HOURS, UNIT, YEARS,
};

parameter_types! {
	/// Derives the pool accounts.
	pub const MutualPoolPalletId: PalletId = PalletId(*b"mut/pool");
	/// Derives the treasury account.
	pub const TreasuryPalletId: PalletId = PalletId(*b"mut/trsy");
	/// Receives the fee share of every premium.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
	/// Held from every claimant until the claim is decided: at least 10 MUT...
	pub const ClaimDeposit: Balance = 10 * UNIT;
	/// ...plus 0.1% of the amount claimed...
	pub const ClaimDepositRate: Perbill = Perbill::from_parts(1_000_000);
	/// ...and at most 10,000 MUT.
	pub const MaxClaimDeposit: Balance = 10_000 * UNIT;
	/// The council has an hour (600 blocks, twelve motion durations) to decide a claim, after
	/// which it lapses. Short, for a chain that is tried in minutes; a chain holding real money
	/// gives its council days.
	pub const ClaimDecisionPeriod: BlockNumber = HOURS;
	/// Payouts are summed over a day against a pool's large-claim threshold.
	pub const LargeClaimWindow: BlockNumber = DAYS;
	/// The smallest cover one purchase buys: 10 MUT, so that covers (which stay in storage until
	/// their claim window has closed and anyone reaps them) are not free to multiply.
	pub const MinCover: Balance = 10 * UNIT;
	/// An incident freezes a pool's withdrawals for an hour (600 blocks), time for its claims to
	/// be filed; a new freeze needs as long without one first.
	pub const FreezePeriod: BlockNumber = HOURS;
	/// 6 s blocks: 5_256_000 per year.
	pub const BlocksPerYear: BlockNumber = YEARS;
	/// One cover-expiry bucket per hour.
	pub const ExpiryBucketLength: BlockNumber = 600;
}

/// The treasury account: the account of `PalletId(*b"mut/trsy")`.
pub fn treasury_account() -> AccountId {
	TreasuryAccount::get()
}

impl pallet_mutual_pool::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = RootOrCouncilTwoThirds;
	type ClaimDecisionOrigin = RootOrCouncilMajority;
	type LargeClaimOrigin = RootOrCouncilTwoThirds;
	type PalletId = MutualPoolPalletId;
	type TreasuryAccount = TreasuryAccount;
	type ClaimDeposit = ClaimDeposit;
	type ClaimDepositRate = ClaimDepositRate;
	type MaxClaimDeposit = MaxClaimDeposit;
	type ClaimDecisionPeriod = ClaimDecisionPeriod;
	type LargeClaimWindow = LargeClaimWindow;
	type MinCover = MinCover;
	type FreezePeriod = FreezePeriod;
	type BlocksPerYear = BlocksPerYear;
	type ExpiryBucketLength = ExpiryBucketLength;
	/// One bucket per owner and call: `on_idle` rolls each pool and product by one bucket per
	/// block in spare weight (a bucket is `ExpiryBucketLength` = 600 blocks, so it keeps up by
	/// far), and anyone may call `roll_expiries`. This keeps `withdraw` cheap (`buy_cover` rolls
	/// nothing).
	type MaxExpiryBucketsPerCall = ConstU32<1>;
	type MaxEvidenceLen = ConstU32<1024>;
	type MaxMetadataLen = ConstU32<256>;
	type WeightInfo = pallet_mutual_pool::weights::SubstrateWeight<Runtime>;
}
