//! The assets a pool may hold besides MUT: the deposits of the runtimes' `pallet-assets`
//! registries, and the units of the stablecoins (docs/assets.md).
//!
//! A pool's asset is a `NativeOrWithId` of the runtime's registry (the solo chain's `Assets`,
//! keyed by `u32`; the parachain's `ForeignAssets`, keyed by XCM `Location`), and the pallet
//! moves it through `fungible::UnionOf` of `Balances` and that registry. Only Root registers an
//! asset (`force_create`: no one creates assets for a deposit), and the council's two thirds
//! create pools in registered assets.

use super::{
	currency::{EXISTENTIAL_DEPOSIT, MILLI_UNIT, UNIT},
	primitives::Balance,
};
use frame_support::parameter_types;

/// The decimals of USDT and USDC (and of the solo chain's dev stablecoin).
pub const USD_DECIMALS: u8 = 6;
/// One unit of a 6-decimal stablecoin.
pub const USD: Balance = 1_000_000;

parameter_types! {
	/// Reserved by an asset's creator. Unused while only Root creates assets (`force_create`
	/// reserves nothing), kept at the figure a permissionless registry would charge.
	pub const AssetDeposit: Balance = 10 * UNIT;
	/// Reserved for an account of an asset that is not sufficient, when its holder opens it
	/// (`touch`): the existential deposit.
	pub const AssetAccountDeposit: Balance = EXISTENTIAL_DEPOSIT;
	/// Reserved for an asset's metadata: 1 MUT...
	pub const MetadataDepositBase: Balance = UNIT;
	/// ...and 10 mMUT a byte.
	pub const MetadataDepositPerByte: Balance = 10 * MILLI_UNIT;
	/// Reserved for an approval to spend someone's asset.
	pub const ApprovalDeposit: Balance = EXISTENTIAL_DEPOSIT;
	/// The longest name or symbol of an asset, in bytes.
	pub const AssetsStringLimit: u32 = 50;
	/// The most accounts or approvals one `destroy_accounts` / `destroy_approvals` removes.
	pub const RemoveItemsLimit: u32 = 1_000;
}
