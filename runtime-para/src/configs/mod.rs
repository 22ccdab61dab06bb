//! The configuration of every pallet of the parachain runtime, one `impl Config` each: the system,
//! consensus, collator and money pallets here (after the polkadot-sdk parachain template, with
//! the stable2609 API; docs/parachain.md lists where it departs from it), the claims council in
//! [`council`], the mutual pool in [`mutual_pool`], the referenda on appeals in [`governance`]
//! (the same files as the solo runtime's), the foreign assets in [`assets`] and XCM in
//! [`xcm_config`].

pub mod assets;
pub mod council;
pub mod governance;
pub mod mutual_pool;
pub mod xcm_config;

pub use assets::*;
pub use council::*;
pub use governance::*;
pub use mutual_pool::*;

use cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
use cumulus_primitives_core::{AggregateMessageOrigin, ParaId};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, TransformOrigin, VariantCountOf},
	weights::{
		constants::{BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight},
		IdentityFee, Weight,
	},
	PalletId,
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use mutual_pool_runtime_common::currency::FeeMultiplier;
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter};
use parachains_common::message_queue::{NarrowOriginToSibling, ParaIdToSibling};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, CollatorSelection, ConsensusHook, Hash,
	MessageQueue, Nonce, OriginCaller, PalletInfo, ParachainSystem, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask, Session,
	SessionKeys, System, XcmpQueue, AVERAGE_ON_INITIALIZE_RATIO, EXISTENTIAL_DEPOSIT, HOURS,
	MAXIMUM_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO, RELAY_PARENT_OFFSET, SLOT_DURATION, VERSION,
};
pub use xcm_config::PriceForSiblingDelivery;
use xcm_config::XcmOriginToTransactDispatchOrigin;

parameter_types! {
	/// The runtime version.
	pub const Version: RuntimeVersion = VERSION;

	/// At most 5 MiB per block, 75% of it for normal extrinsics (template and solo agree).
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();

	/// The template's block weights: 2 s of ref time and `MAX_POV_SIZE` of proof per block.
	/// Block and extrinsic base weights are frame-support's constants, as on the solo chain (the
	/// template copies the same figures into files of its own).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational transactions have some extra reserved space, so that they
			// are included even if block reached `MAXIMUM_BLOCK_WEIGHT`.
			weights.reserved = Some(
				MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT
			);
		})
		.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
		.build_or_panic();

	/// The generic Substrate SS58 prefix (as the solo chain).
	pub const SS58Prefix: u16 = 42;
}

/// Defaults from `ParaChainDefaultConfig`, overridden where the chain needs it.
#[derive_impl(frame_system::config_preludes::ParaChainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	/// The template's 4096 blocks of hashes.
	type BlockHashCount = polkadot_runtime_common::BlockHashCount;
	/// RocksDb's figures, as the template and the system parachains: collators choose their
	/// database, and RocksDb's are the higher (the safe) ones.
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	/// Runtime upgrades go through the relay chain (`ParachainSystem` schedules them).
	type OnSetCode = cumulus_pallet_parachain_system::ParachainSetCode<Self>;
	type MaxConsumers = ConstU32<16>;
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
}

/// The proof-size part of weight reclaim (the `StorageWeightReclaim` extension's pallet).
impl cumulus_pallet_weight_reclaim::Config for Runtime {
	/// The crate's benchmarked weights (it exports them as the `()` implementation).
	type WeightInfo = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// 0 as in the template since async backing: several blocks may share a slot.
	type MinimumPeriod = ConstU64<0>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = (CollatorSelection,);
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	/// 50, not the solo chain's 0: `CollatorSelection` reserves candidacy bonds (its `Currency`
	/// is still a `ReservableCurrency` at stable2609).
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// Fees as on the solo chain (1 planck per unit of ref time and per byte, a constant
/// multiplier), so that the economics docs and the end-to-end suite hold on both chains. The
/// template instead uses a polynomial `WeightToFee`, a byte fee of 10 micro-units and
/// `SlowAdjustingFeeUpdate`. `xcm_config::Trader` charges XCM execution at the same rate.
impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A quarter of a block for inbound XCMP (siblings) and DMP (relay) messages each.
	pub const ReservedXcmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	pub const ReservedDmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	/// The origin of downward (relay chain) messages in `MessageQueue`.
	pub const RelayOrigin: AggregateMessageOrigin = AggregateMessageOrigin::Parent;
}

impl cumulus_pallet_parachain_system::Config for Runtime {
	type WeightInfo = cumulus_pallet_parachain_system::weights::SubstrateWeight<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type OnSystemEvent = ();
	type SelfParaId = parachain_info::Pallet<Runtime>;
	type OutboundXcmpMessageSource = XcmpQueue;
	/// Downward messages go to `MessageQueue` under the `Parent` origin.
	type DmpQueue = frame_support::traits::EnqueueWithOrigin<MessageQueue, RelayOrigin>;
	type ReservedDmpWeight = ReservedDmpWeight;
	type XcmpMessageHandler = XcmpQueue;
	type ReservedXcmpWeight = ReservedXcmpWeight;
	/// The template's choice since async backing (equal relay parents allowed).
	type CheckAssociatedRelayNumber = RelayNumberMonotonicallyIncreases;
	type ConsensusHook = ConsensusHook;
	/// New at 2609 (with `SchedulingSignatureVerifier`); `SelectCore` is gone.
	type RelayParentOffset = ConstU32<RELAY_PARENT_OFFSET>;
	/// V3 candidate scheduling disabled (the 2609 docs: "for the moment this should be left as
	/// `()`"; enabling it wrongly stalls the chain).
	type SchedulingSignatureVerifier = ();
}

impl parachain_info::Config for Runtime {}

parameter_types! {
	/// `MessageQueue` may spend 35% of a block servicing messages (template).
	pub MessageQueueServiceWeight: Weight =
		Perbill::from_percent(35) * RuntimeBlockWeights::get().max_block;
}

impl pallet_message_queue::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_message_queue::weights::SubstrateWeight<Runtime>;
	/// The real XCM processor in EVERY build. The template switches to
	/// `pallet_message_queue::mock_helpers::NoopMessageProcessor` under `runtime-benchmarks`;
	/// this project builds everything with `runtime-benchmarks` (scripts/common.sh), so copying
	/// that would silently drop every inbound XCM message. Do not copy it.
	type MessageProcessor = xcm_builder::ProcessXcmMessage<
		AggregateMessageOrigin,
		xcm_executor::XcmExecutor<xcm_config::XcmConfig>,
		RuntimeCall,
	>;
	type Size = u32;
	// The XCMP queue pallet is only ever able to handle the `Sibling(ParaId)` origin:
	type QueueChangeHandler = NarrowOriginToSibling<XcmpQueue>;
	type QueuePausedQuery = NarrowOriginToSibling<XcmpQueue>;
	/// 103 KiB: above the 100 KiB HRMP message size most relay chains configure (template).
	type HeapSize = ConstU32<{ 103 * 1024 }>;
	type MaxStale = ConstU32<8>;
	type ServiceWeight = MessageQueueServiceWeight;
	/// None, as in the template: messages are serviced in `on_initialize` (the block after the
	/// one that brought them), and `MutualPool`'s expiry rolling keeps the idle weight.
	type IdleMaxServiceWeight = ();
}

impl cumulus_pallet_aura_ext::Config for Runtime {}

impl cumulus_pallet_xcmp_queue::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ChannelInfo = ParachainSystem;
	/// Outbound messages go in the latest XCM version (the template's choice; `PolkadotXcm`
	/// here would negotiate versions with each sibling).
	type VersionWrapper = ();
	// Enqueue XCMP messages from siblings for later processing.
	type XcmpQueue = TransformOrigin<MessageQueue, AggregateMessageOrigin, ParaId, ParaIdToSibling>;
	type MaxInboundSuspended = ConstU32<1_000>;
	type MaxActiveOutboundChannels = ConstU32<128>;
	/// 103 KiB, as `MessageQueue::HeapSize`: above the 100 KiB message size of most HRMP
	/// channels.
	type MaxPageSize = ConstU32<{ 103 * 1024 }>;
	type ControllerOrigin = EnsureRoot<AccountId>;
	type ControllerOriginConverter = XcmOriginToTransactDispatchOrigin;
	/// The crate's benchmarked weights, with this runtime's database weights.
	type WeightInfo = cumulus_pallet_xcmp_queue::weights::SubstrateWeight<Runtime>;
	/// Delivery to siblings is paid, at a price that grows with the channel's queue (the
	/// template's is free: a remote program could make this chain send for nothing).
	type PriceForSiblingDelivery = PriceForSiblingDelivery;
}

parameter_types! {
	/// Sessions last 6 hours (3600 blocks of 6 s): the collator set may change at their ends.
	pub const Period: u32 = 6 * HOURS;
	pub const Offset: u32 = 0;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = <Self as frame_system::Config>::AccountId;
	// We don't have stash and controller, thus we don't need the convert as well.
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ShouldEndSession = pallet_session::PeriodicSessions<Period, Offset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<Period, Offset>;
	type SessionManager = CollatorSelection;
	// Essentially just Aura, but let's be pedantic.
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// New since 2503: no validator disabling on a collator set.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	/// New at 2609 (pallet-session 50): a deposit held when setting keys. `()` = no deposit;
	/// `Currency` must still be a `fungible::hold::Mutate` whose `Reason` takes the session's
	/// `HoldReason` (`RuntimeHoldReason` gets it from the runtime macro).
	type Currency = Balances;
	type KeyDeposit = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<100_000>;
	/// `true` in the template since async backing (several blocks may share a slot; the
	/// consensus hook bounds them by the velocity). The solo runtime keeps `false`.
	type AllowMultipleBlocksPerSlot = ConstBool<true>;
	/// A constant in the template (6000 ms): with `MinimumPeriod = 0`,
	/// `MinimumPeriodTimesTwo` (the solo runtime's) would be 0.
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

parameter_types! {
	/// The pot of `CollatorSelection`: candidacy bonds of kicked candidates. (Transaction fees
	/// are burned here; XCM execution fees go to the block author.)
	pub const PotId: PalletId = PalletId(*b"PotStake");
}

/// Root changes the collator set. (The template also lets the relay chain's StakingAdmin do it
/// by XCM; here the call filter admits no `CollatorSelection` call, so that path is closed.)
pub type CollatorSelectionUpdateOrigin = EnsureRoot<AccountId>;

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type UpdateOrigin = CollatorSelectionUpdateOrigin;
	type PotId = PotId;
	type MaxCandidates = ConstU32<100>;
	type MinEligibleCollators = ConstU32<4>;
	type MaxInvulnerables = ConstU32<20>;
	// Should be a multiple of session or things will get inconsistent.
	type KickThreshold = Period;
	type ValidatorId = <Self as frame_system::Config>::AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ValidatorRegistration = Session;
	/// The crate's benchmarked weights, with this runtime's database weights.
	type WeightInfo = pallet_collator_selection::weights::SubstrateWeight<Runtime>;
}
