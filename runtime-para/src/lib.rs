//! # Mutual Pool parachain runtime
//!
//! The mutual pool as a Cumulus parachain (para id 2000): the polkadot-sdk parachain template's
//! pallets at stable2609 (System, ParachainSystem, Timestamp, ParachainInfo, WeightReclaim,
//! Balances, TransactionPayment, Sudo, Authorship, CollatorSelection, Session, Aura, AuraExt,
//! XcmpQueue, PolkadotXcm, CumulusXcm, MessageQueue) plus Utility, the claims council
//! (`Council`, `CouncilMembership`), `MutualPool` and the referenda that decide appeals
//! (`Preimage`, `Scheduler`, `Referenda`, `ConvictionVoting`, `AppealOrigin`), configured as in the
//! solo runtime with the types and constants of `mutual-pool-runtime-common`.
//!
//! It follows the polkadot-sdk parachain template (`templates/parachain/runtime`), with every
//! stable2609 API checked against the crates.io sources of the 2609.2.0 crates; where it departs
//! from the template, the item's documentation says why (docs/parachain.md lists them).
//!
//! - [`configs`] holds one `impl Config` per pallet, in the same files as the solo runtime's,
//!   and [`configs::xcm_config`] the XCM setup.
//! - [`apis`] implements the template's runtime APIs plus `MutualPoolApi` and `GetParachainInfo`.
//! - [`genesis_config_presets`] builds `development` and `local_testnet`.

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` recurses deeply.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

extern crate alloc;

use alloc::vec::Vec;

use frame_support::weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight};
use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256, Perbill};
use sp_version::RuntimeVersion;

pub use mutual_pool_runtime_common::{
	currency::{EXISTENTIAL_DEPOSIT, MICRO_UNIT, MILLI_UNIT, TOKEN_DECIMALS, TOKEN_SYMBOL, UNIT},
	primitives::{AccountId, Address, Balance, BlockNumber, Hash, Header, Nonce, Signature},
	time::{DAYS, HOURS, MILLI_SECS_PER_BLOCK, MINUTES, SLOT_DURATION, YEARS},
};
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
pub use sp_consensus_aura::sr25519::AuthorityId as AuraId;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// The para id of this chain on its relay chain. Also the `development`/`local_testnet`
/// presets' `ParachainInfo::parachain_id`.
pub const PARACHAIN_ID: u32 = 2000;

/// Opaque types: what the node needs to know of blocks without knowing the runtime's extrinsics.
/// Identical to the solo runtime's, so the node's CLI code can serve both.
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
	/// The session keys of a collator: Aura only.
	pub struct SessionKeys {
		/// The Aura (block production) key.
		pub aura: Aura,
	}
}

/// The runtime's version.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	// Not the solo chain's "mutual-pool": `set_code` refuses a Wasm whose spec name differs, so
	// neither chain can be upgraded to the other's runtime by mistake.
	spec_name: alloc::borrow::Cow::Borrowed("mutual-pool-para"),
	impl_name: alloc::borrow::Cow::Borrowed("mutual-pool-para"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// We assume that ~5% of the block weight is consumed by `on_initialize` handlers.
pub(crate) const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(5);

/// Normal extrinsics may fill 75% of a block, the rest is for operational ones (as solo).
pub(crate) const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// 2 s of compute in a 6 s block (template), and the relay chain's PoV limit as proof size.
pub(crate) const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(
	WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2),
	cumulus_primitives_core::relay_chain::MAX_POV_SIZE as u64,
);

/// Async backing parameters (template, stable2609).
mod async_backing_params {
	/// Blocks the runtime accepts simultaneously that the relay chain has not included yet.
	pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
	/// Parachain blocks the relay chain processes per relay parent.
	pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
	/// Relay chain slot duration, in milliseconds.
	pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
	/// How many relay blocks behind the tip collators build on. 0: the relay parent is the tip,
	/// `set_validation_data` carries no descendants (stable2609 `RelayParentOffset`).
	pub const RELAY_PARENT_OFFSET: u32 = 0;
}
pub use async_backing_params::*;

/// The Aura consensus hook of `ParachainSystem`: checks that the Aura slot of the block matches
/// the relay-chain slot of its relay parent (`para_slot == relay_slot * 6000 / SLOT_DURATION`)
/// and that at most `velocity + 1` blocks share a slot. A relay-less dev node must reproduce
/// that arithmetic (`node/src/service/para_dev.rs`).
pub type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

/// The block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// A block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions. As in the template since stable2506: the whole pipeline is
/// wrapped in `cumulus_pallet_weight_reclaim::StorageWeightReclaim`, which reclaims both the
/// unused ref time (what the solo runtime's trailing `frame_system::WeightReclaim` does — so it
/// must NOT be added here too) and the unused proof size (measured with the
/// `storage_proof_size` host function during block building).
///
/// The inner tuple is the solo runtime's, in its order. The stable2609 system parachains also
/// start with `frame_system::AuthorizeCall<Runtime>`; no pallet here has an authorized call, so
/// it is left out, as on the solo chain.
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<
	Runtime,
	(
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
		frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	),
>;

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

/// The runtime, composed of its pallets. Indices 0..=33 are the template's; the
/// collator-support indices 20..=24 must keep this order. Ours follow from 40.
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

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	/// Named `ParachainSystem`: polkadot-omni-node and `MockXcmConfig` look the pallet up by name.
	#[runtime::pallet_index(1)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type ParachainInfo = parachain_info;
	#[runtime::pallet_index(4)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;

	// Monetary.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	/// Assets whose reserve is another chain, keyed by their XCM location (as Asset Hub's
	/// `ForeignAssets`): what pools may hold besides MUT. Its index is below `MutualPool`'s:
	/// genesis is built in the order of the indices, and the pool's genesis needs the assets
	/// first.
	#[runtime::pallet_index(12)]
	pub type ForeignAssets = pallet_assets<Instance1>;

	// Governance.
	#[runtime::pallet_index(15)]
	pub type Sudo = pallet_sudo;

	// Collator support. The order of these 5 is important and shall not change.
	#[runtime::pallet_index(20)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(21)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(22)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(23)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(24)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	// XCM helpers.
	#[runtime::pallet_index(30)]
	pub type XcmpQueue = cumulus_pallet_xcmp_queue;
	#[runtime::pallet_index(31)]
	pub type PolkadotXcm = pallet_xcm;
	#[runtime::pallet_index(32)]
	pub type CumulusXcm = cumulus_pallet_xcm;
	#[runtime::pallet_index(33)]
	pub type MessageQueue = pallet_message_queue;

	// The mutual pool and its council, after the template's pallets (whose indices 7..=10 of
	// the solo chain are taken). Siblings encode these indices in their `Transact` calls: they
	// are part of the chain's public interface (docs/parachain.md) and do not change.
	#[runtime::pallet_index(40)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(41)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(42)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(50)]
	pub type MutualPool = pallet_mutual_pool;

	// Token-holder referenda on appeals of rejected claims, as in the solo runtime.
	#[runtime::pallet_index(51)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(52)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(53)]
	pub type Referenda = pallet_referenda;
	#[runtime::pallet_index(54)]
	pub type ConvictionVoting = pallet_conviction_voting;
	#[runtime::pallet_index(55)]
	pub type AppealOrigin = mutual_pool_runtime_common::appeal_origin;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
