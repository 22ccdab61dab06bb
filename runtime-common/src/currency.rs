//! The MUT token.

use super::primitives::Balance;

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
