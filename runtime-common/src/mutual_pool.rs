//! The mutual pool's constants and accounts.

use super::{
	currency::UNIT,
	primitives::{AccountId, Balance, BlockNumber},
	time::{DAYS, HOURS, MINUTES, YEARS},
};
use frame_support::{parameter_types, PalletId};
use sp_arithmetic::FixedU128;
use sp_runtime::traits::AccountIdConversion;

parameter_types! {
	/// Derives the pool accounts.
	pub const MutualPoolPalletId: PalletId = PalletId(*b"mut/pool");
	/// Derives the treasury account.
	pub const TreasuryPalletId: PalletId = PalletId(*b"mut/trsy");
	/// Receives the fee share of every premium.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
	/// Held from every claimant until the claim is decided: at least 10 MUT...
	pub const ClaimDeposit: Balance = 10 * UNIT;
	/// ...plus a pool's `claim_deposit_rate` of the amount claimed: 0.1% for the MUT pools
	/// (0.001 MUT per MUT; every pool's rate until storage version 6, given to them by
	/// `MigrateV5ToV6`)...
	pub ClaimDepositRate: FixedU128 = FixedU128::from_rational(1, 1_000);
	/// ...and at most 10,000 MUT.
	pub const MaxClaimDeposit: Balance = 10_000 * UNIT;
	/// The council has an hour (600 blocks of 6 s) to decide a claim.
	pub const ClaimDecisionPeriod: BlockNumber = HOURS;
	/// Payouts, upheld appeals and incidents' reserves are summed over a sliding day (14_400
	/// blocks) against a pool's large-claim threshold.
	pub const LargeClaimWindow: BlockNumber = DAYS;
	/// The smallest cover one purchase buys in a MUT pool: 10 MUT (every pool's until storage
	/// version 6, given to them by `MigrateV5ToV6`).
	pub const MinCover: Balance = 10 * UNIT;
	/// A stake sells and prices cover after 10 to 20 minutes (warm-up epochs of 100 blocks):
	/// time enough that a stake made for one purchase cannot discount it and leave. A dev
	/// chain's warm-up; a chain holding real money sets days (docs/runtime.md).
	pub const StakeWarmup: BlockNumber = 10 * MINUTES;
	/// An incident freezes a pool's withdrawals for an hour (600 blocks).
	pub const FreezePeriod: BlockNumber = HOURS;
	/// 6 s blocks: 5_256_000 per year. Premiums are annualised with this: it must match the
	/// runtime's real block time (see [`crate::time`]).
	pub const BlocksPerYear: BlockNumber = YEARS;
	/// One cover-expiry bucket per hour.
	pub const ExpiryBucketLength: BlockNumber = 600;
	/// The covers an incident hit may be redeemed for an hour (600 blocks) after its
	/// declaration, as long as the council has to decide a claim; a leaver's share of the
	/// reserve is held back until then.
	pub const IncidentRedemptionPeriod: BlockNumber = HOURS;
	/// A rejected claimant has 2 minutes (20 blocks) to appeal: the claim's amount stays
	/// reserved (a leaver's share of it held back) and its deposit held until then. A dev
	/// chain's window, as short as pool 0's unbonding period; a chain holding real money
	/// gives days (docs/runtime.md).
	pub const AppealPeriod: BlockNumber = 2 * MINUTES;
	/// An appeal holds three times the claim's deposit.
	pub const AppealDepositMultiplier: u32 = 3;
	/// Three hours (1_800 blocks): at least the longest an appeal's referendum on the
	/// claim-appeals track takes from its submission (with the appeal) to its enactment when
	/// the track takes it at once ([`crate::appeals::longest_referendum`], 1_509 blocks). A
	/// withdrawal's hold waits this long for an appeal; the appeal itself ends when its
	/// referendum does.
	pub const AppealDecisionPeriod: BlockNumber = 3 * HOURS;
}

/// The treasury account: the account of `PalletId(*b"mut/trsy")`.
pub fn treasury_account() -> AccountId {
	TreasuryAccount::get()
}
