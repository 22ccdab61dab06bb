//! # Mutual Pool runtime
//!
//! The solo-chain runtime of the mutual insurance chain: Aura block production, GRANDPA
//! finality, balances with transaction fees, sudo, a claims council (`Council`, whose members
//! `CouncilMembership` manages), the mutual pool (`MutualPool`) and token-holder referenda on
//! appeals of rejected claims (`Referenda`, `ConvictionVoting`, `Scheduler`, `Preimage` and the
//! `ClaimAppeals` origin of `AppealOrigin`).
//!
//! - [`configs`] holds one `impl Config` per pallet.
//! - [`apis`] implements the runtime APIs, [`pallet_mutual_pool_runtime_api::MutualPoolApi`]
//!   among them.
//! - [`genesis_config_presets`] builds the `development` and `local_testnet` genesis.
//! - [`weights`] holds the weights measured on this runtime (`scripts/benchmark.sh`).

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// The same runtime with `spec_version` one above (feature `increment-spec-version`), built with
/// the `try-runtime` feature only: the upgrade tests `set_code` it on a running chain.
#[cfg(all(feature = "std", feature = "try-runtime"))]
pub mod upgrade_test {
	include!(concat!(env!("OUT_DIR"), "/wasm_binary_upgrade_test.rs"));
}

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

extern crate alloc;

use alloc::vec::Vec;
use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of blocks without knowing the runtime's extrinsics.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: Aura and GRANDPA.
	pub struct SessionKeys {
		/// The Aura (block production) key.
		pub aura: Aura,
		/// The GRANDPA (finality) key.
		pub grandpa: Grandpa,
	}
}

/// The runtime's version.
#[cfg(not(feature = "increment-spec-version"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("mutual-pool"),
	impl_name: alloc::borrow::Cow::Borrowed("mutual-pool"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The runtime's version in the Wasm built for the upgrade tests (`WASM_BINARY_UPGRADE_TEST`):
/// `spec_version` one above, nothing else changed. `runtime_version` reads the literal
/// declaration, so the two cannot share a constant.
#[cfg(feature = "increment-spec-version")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("mutual-pool"),
	impl_name: alloc::borrow::Cow::Borrowed("mutual-pool"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

pub use mutual_pool_runtime_common::{
	currency::{EXISTENTIAL_DEPOSIT, MICRO_UNIT, MILLI_UNIT, TOKEN_DECIMALS, TOKEN_SYMBOL, UNIT},
	primitives::{AccountId, Address, Balance, BlockNumber, Hash, Header, Nonce, Signature},
	time::{DAYS, HOURS, MILLI_SECS_PER_BLOCK, MINUTES, SLOT_DURATION, YEARS},
};

/// The block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// A block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions: the checks every signed transaction passes.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as the runtime receives it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload that a transaction's signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// The storage migrations a runtime upgrade runs, in order, before any block of the new code.
/// Each is versioned: it runs only on the storage version it migrates from, so a chain already
/// there (every chain started from this runtime's genesis) skips it for one read.
type Migrations = (
	pallet_mutual_pool::migrations::v6::MigrateV5ToV6<
		Runtime,
		mutual_pool_runtime_common::mutual_pool::MinCover,
		mutual_pool_runtime_common::mutual_pool::ClaimDepositRate,
	>,
);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The runtime, composed of its pallets. The indices fix the pallets' positions in calls and
/// events; do not change them on a live chain.
#[frame_support::runtime]
mod runtime {
	/// The runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks and events.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block timestamp.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Block production.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// The MUT token.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Transaction fees.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// The sudo key (dev and test chains).
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	/// The registered assets that pools may hold besides MUT (the dev stablecoin). Its index is
	/// below `MutualPool`'s: genesis is built in the order of the indices, and the pool's genesis
	/// pools and stakes need the assets first (issue 24 gave it `Utility`'s index, 7).
	#[runtime::pallet_index(7)]
	pub type Assets = pallet_assets;

	/// The claims council: votes on claims and on pools and products.
	#[runtime::pallet_index(8)]
	pub type Council = pallet_collective<Instance1>;

	/// Manages the members of the claims council.
	#[runtime::pallet_index(9)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	/// Stakes, cover, claims and payouts.
	#[runtime::pallet_index(10)]
	pub type MutualPool = pallet_mutual_pool;

	/// Stores the proposals of referenda too large to be inlined.
	#[runtime::pallet_index(11)]
	pub type Preimage = pallet_preimage;

	/// Dispatches the calls of passed referenda, and wakes referenda up.
	#[runtime::pallet_index(12)]
	pub type Scheduler = pallet_scheduler;

	/// Token-holder referenda on the claim-appeals track.
	#[runtime::pallet_index(13)]
	pub type Referenda = pallet_referenda;

	/// Votes with conviction on referenda.
	#[runtime::pallet_index(14)]
	pub type ConvictionVoting = pallet_conviction_voting;

	/// The `ClaimAppeals` origin of a passed referendum.
	#[runtime::pallet_index(15)]
	pub type AppealOrigin = mutual_pool_runtime_common::appeal_origin;

	/// Batches and dispatch helpers (index 7 until issue 24).
	#[runtime::pallet_index(16)]
	pub type Utility = pallet_utility;
}
