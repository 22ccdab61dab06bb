//! The MUT token, and what transactions cost in it.

use super::primitives::Balance;
use frame_support::parameter_types;
use sp_runtime::{traits::One, FixedU128};

/// One MUT: the token has 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a MUT.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a MUT.
pub const MICRO_UNIT: Balance = 1_000_000;
/// The token's symbol.
pub const TOKEN_SYMBOL: &str = "MUT";
/// The token's decimals.
pub const TOKEN_DECIMALS: u8 = 12;
/// The existential deposit: 1 milli-MUT.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

parameter_types! {
	/// The transaction fee multiplier of both runtimes, constant at one: with `IdentityFee` for
	/// weight and length, a transaction costs 1 planck per unit of ref time and per byte, on
	/// either chain (`pallet_transaction_payment::Multiplier` is `FixedU128`).
	pub FeeMultiplier: FixedU128 = FixedU128::one();
}
