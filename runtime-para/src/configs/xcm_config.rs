//! XCM: who may do what on this chain from elsewhere.
//!
//! - Sibling parachains and the relay chain (and their users, through `DescendOrigin`) may
//!   execute paid programs only: execution is bought with the native token (MUT, location
//!   `Here`), withdrawn from the origin's account on this chain ([`LocationToAccountId`]).
//!   `Transact` dispatches calls of `MutualPool` and `Utility` only ([`SafeCallFilter`]).
//! - A sibling's user `(1, [Parachain(p), AccountId32 { id }])` gets a deterministic local
//!   account: `HashedDescription<AccountId, DescribeFamily<DescribeAllTerminal>>`, i.e.
//!   `blake2_256((b"SiblingChain", Compact(p), inner).encode())` where `inner: Vec<u8>` is
//!   `(b"AccountId32", id).encode()` (so it gets a length prefix; staging-xcm-builder 31.0.0
//!   `location_conversion.rs`; the tests pin it). The runtime's `LocationToAccountApi` computes
//!   it. Fund that account with a plain transfer here, then the user can pay for its
//!   `Transact`s.
//! - No teleports, no reserve transfers, no foreign assets (only MUT is transacted).
//! - Only Root sends XCM; what the chain sends for a remote program pays a delivery fee that
//!   grows with the queue ([`PriceForParentDelivery`], [`PriceForSiblingDelivery`]).
//!
//! Based on the template's `configs/xcm_config.rs`, with the stable2609 `xcm_executor::Config`
//! (`XcmEventEmitter` new, `AssetClaims` gone: `AssetTrap` now claims too) and
//! `pallet_xcm::Config` (`AuthorizedAliasConsideration`), as in staging-xcm-builder 31.0.0's
//! own mock (`tests/mock/mod.rs`).

use crate::{
	AccountId, AllPalletsWithSystem, Balances, ParachainInfo, ParachainSystem, PolkadotXcm,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, XcmpQueue,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains, Disabled, Equals, Nothing},
	weights::{IdentityFee, Weight},
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
use pallet_xcm::XcmPassthrough;
use polkadot_parachain_primitives::primitives::Sibling;
use polkadot_runtime_common::impls::ToAuthor;
use xcm::latest::prelude::*;
use xcm_builder::{
	AccountId32Aliases, AllowKnownQueryResponses, AllowSubscriptionsFrom,
	AllowTopLevelPaidExecutionFrom, DenyRecursively, DenyReserveTransferToRelayChain, DenyThenTry,
	DescribeAllTerminal, DescribeFamily, EnsureXcmOrigin, FixedWeightBounds,
	FrameTransactionalProcessor, FungibleAdapter, HashedDescription, IsConcrete, ParentIsPreset,
	RelayChainAsNative, SiblingParachainAsNative, SiblingParachainConvertsVia,
	SignedAccountId32AsNative, SignedToAccountId32, SovereignSignedViaLocation, TakeWeightCredit,
	TrailingSetTopicAsId, UsingComponents, WithComputedOrigin, WithUniqueTopic,
	XcmFeeManagerFromComponents,
};
use xcm_executor::XcmExecutor;

parameter_types! {
	/// The relay chain, seen from here.
	pub const RelayLocation: Location = Location::parent();
	/// The native token, seen from here. Senders must express it relative to this chain
	/// (`Here`); pallet-xcm on their side reanchors `(1, [Parachain(2000)])` to it.
	pub const HereLocation: Location = Location::here();
	/// `None` as in the template. A deployment names its relay chain's `NetworkId` here and in
	/// `UniversalLocation` (`GlobalConsensus(..)`); that changes how local accounts appear in
	/// XCM (`AccountId32Aliases`, `SignedToAccountId32`), so it is decided before launch
	/// (docs/parachain.md).
	pub const RelayNetwork: Option<NetworkId> = None;
	pub RelayChainOrigin: RuntimeOrigin = cumulus_pallet_xcm::Origin::Relay.into();
	pub UniversalLocation: InteriorLocation = Parachain(ParachainInfo::parachain_id().into()).into();
}

/// How a `Location` becomes an `AccountId` here: for asset transactions (whose balance pays
/// the XCM fees) and for the `Signed` origin of a `Transact` (`SovereignSignedViaLocation`).
/// The first converter that matches wins.
pub type LocationToAccountId = (
	// The relay chain `(1, [])` -> the parent's sovereign account.
	ParentIsPreset<AccountId>,
	// A sibling chain `(1, [Parachain(p)])` -> its sovereign account `sibl` + p.
	SiblingParachainConvertsVia<Sibling, AccountId>,
	// A local account `(0, [AccountId32])` -> itself.
	AccountId32Aliases<RelayNetwork, AccountId>,
	// Anything else described by the family rules, e.g. a sibling's user
	// `(1, [Parachain(p), AccountId32])` or a relay user `(1, [AccountId32])` -> the hash of its
	// description. Required by the issue; the Polimec-style cross-chain tests assert it.
	HashedDescription<AccountId, DescribeFamily<DescribeAllTerminal>>,
);

/// Moves MUT in and out of accounts for XCM (fee payment, deposits of refunds).
pub type LocalAssetTransactor = FungibleAdapter<
	// Use this currency:
	Balances,
	// The native token, MUT, only. (The template matches the relay chain's token: its chain
	// pays in it. This chain's fees are in MUT.)
	IsConcrete<HereLocation>,
	// How accounts are found:
	LocationToAccountId,
	AccountId,
	// No teleports, so no checking account.
	(),
>;

/// How an XCM origin becomes a local origin for `Transact`.
pub type XcmOriginToTransactDispatchOrigin = (
	// `OriginKind::SovereignAccount`: `Signed(LocationToAccountId(origin))`. This is the one
	// the mutual pool's calls need (stake, buy cover, file a claim, ...).
	SovereignSignedViaLocation<LocationToAccountId, RuntimeOrigin>,
	// `OriginKind::Native` from the relay chain: `cumulus_pallet_xcm::Origin::Relay`.
	RelayChainAsNative<RelayChainOrigin, RuntimeOrigin>,
	// `OriginKind::Native` from a sibling: `cumulus_pallet_xcm::Origin::SiblingParachain(p)`.
	SiblingParachainAsNative<cumulus_pallet_xcm::Origin, RuntimeOrigin>,
	// `OriginKind::Native` from a local `AccountId32`: `Signed`.
	SignedAccountId32AsNative<RelayNetwork, RuntimeOrigin>,
	// `OriginKind::Xcm`: `pallet_xcm::Origin::Xcm(location)`.
	XcmPassthrough<RuntimeOrigin>,
	// No `ParentAsSuperuser`: the relay chain cannot dispatch as Root here.
);

parameter_types! {
	/// One XCM instruction weighs 1 ms of ref time and 64 KiB of proof (template; conservative).
	/// At the fee rate of 1 planck per unit of ref time, one instruction costs 0.001 MUT.
	pub UnitWeightCost: Weight = Weight::from_parts(1_000_000_000, 64 * 1024);
	pub const MaxInstructions: u32 = 100;
	pub const MaxAssetsIntoHolding: u32 = 64;
}

/// The relay chain and sibling parachains, and locations under them (their users, pallets,
/// bodies). This is what may execute paid XCM here (after `WithComputedOrigin` applied any
/// leading `DescendOrigin`/`AliasOrigin`).
pub struct ParentOrSiblingsAndTheirChildren;
impl Contains<Location> for ParentOrSiblingsAndTheirChildren {
	fn contains(location: &Location) -> bool {
		match location.unpack() {
			// The relay chain itself, or something on it (a user, a body, a pallet).
			(1, []) => true,
			(1, [first, ..]) => !matches!(first, GlobalConsensus(_)),
			_ => false,
		}
	}
}

/// The relay chain or a sibling chain itself (for version subscriptions).
pub struct ParentOrSiblings;
impl Contains<Location> for ParentOrSiblings {
	fn contains(location: &Location) -> bool {
		matches!(location.unpack(), (1, []) | (1, [Parachain(_)]))
	}
}

/// What may execute here at all.
///
/// The template also lets the relay chain and its Executive plurality execute unpaid
/// (`AllowExplicitUnpaidExecutionFrom<ParentOrParentsExecutivePlurality>`); here every execution
/// is paid in MUT, the relay's governance included.
pub type Barrier = TrailingSetTopicAsId<
	DenyThenTry<
		DenyRecursively<DenyReserveTransferToRelayChain>,
		(
			// Local execution (pallet-xcm's own calls) pays with its weight credit.
			TakeWeightCredit,
			// Responses to our queries and version subscriptions (version negotiation).
			AllowKnownQueryResponses<PolkadotXcm>,
			AllowSubscriptionsFrom<ParentOrSiblings>,
			WithComputedOrigin<
				// `WithdrawAsset(MUT) | ... , BuyExecution/PayFees, Transact ...` from the relay,
				// siblings and their users.
				AllowTopLevelPaidExecutionFrom<ParentOrSiblingsAndTheirChildren>,
				UniversalLocation,
				ConstU32<8>,
			>,
		),
	>,
>;

/// The deepest nesting of `Utility` batches a `Transact` may carry.
const MAX_SAFE_CALL_DEPTH: u32 = 4;

/// The calls an XCM `Transact` may dispatch: those of `MutualPool`, and `Utility` batches and
/// `if_else` whose inner calls are themselves allowed (checked recursively: the executor
/// checks `SafeCallFilter` on the outer call only, and a batch dispatches its inner calls with
/// the same origin). `dispatch_as`, `with_weight`, `dispatch_as_fallible` need Root and are
/// refused; `if_else` is allowed when both branches are.
pub struct SafeCallFilter;
impl SafeCallFilter {
	fn allowed(call: &RuntimeCall, depth: u32) -> bool {
		if depth > MAX_SAFE_CALL_DEPTH {
			return false;
		}
		match call {
			RuntimeCall::MutualPool(_) => true,
			RuntimeCall::Utility(pallet_utility::Call::batch { calls })
			| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
			| RuntimeCall::Utility(pallet_utility::Call::force_batch { calls }) => {
				calls.iter().all(|c| Self::allowed(c, depth + 1))
			},
			RuntimeCall::Utility(pallet_utility::Call::if_else { main, fallback }) => {
				Self::allowed(main, depth + 1) && Self::allowed(fallback, depth + 1)
			},
			_ => false,
		}
	}
}
impl Contains<RuntimeCall> for SafeCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		Self::allowed(call, 0)
	}
}

/// Weighs XCM programs (and `Transact` by the call's own dispatch weight).
pub type Weigher = FixedWeightBounds<UnitWeightCost, RuntimeCall, MaxInstructions>;

/// Buys execution with MUT at the transaction-payment rate; the fees go to the block author.
/// The same `WeightToFee` as `pallet_transaction_payment`: XCM execution costs what a transaction
/// of the same weight does.
pub type Trader = UsingComponents<
	IdentityFee<crate::Balance>,
	HereLocation,
	AccountId,
	Balances,
	ToAuthor<Runtime>,
>;

pub struct XcmConfig;
impl xcm_executor::Config for XcmConfig {
	type RuntimeCall = RuntimeCall;
	type XcmSender = XcmRouter;
	/// New since stable2506: where the executor emits its events.
	type XcmEventEmitter = PolkadotXcm;
	type AssetTransactor = LocalAssetTransactor;
	type OriginConverter = XcmOriginToTransactDispatchOrigin;
	/// No chain is trusted as a reserve: only MUT is transacted here (the template trusts every
	/// chain for its own token, which matters only with a multi-asset transactor).
	type IsReserve = ();
	/// Teleporting is disabled.
	type IsTeleporter = ();
	type UniversalLocation = UniversalLocation;
	type Barrier = Barrier;
	type Weigher = Weigher;
	type Trader = Trader;
	type ResponseHandler = PolkadotXcm;
	/// Traps leftover assets and, at 2609, also claims them (`AssetClaims` was merged into it).
	type AssetTrap = PolkadotXcm;
	type SubscriptionService = PolkadotXcm;
	type PalletInstancesInfo = AllPalletsWithSystem;
	type MaxAssetsIntoHolding = MaxAssetsIntoHolding;
	type AssetLocker = ();
	type AssetExchanger = ();
	/// Root's own messages (`Here`) pay no delivery fee; every other sender pays it, and it is
	/// burned.
	type FeeManager = XcmFeeManagerFromComponents<Equals<HereLocation>, ()>;
	type MessageExporter = ();
	type UniversalAliases = Nothing;
	type CallDispatcher = RuntimeCall;
	/// Only `MutualPool` and (recursively checked) `Utility` calls may be `Transact`ed.
	type SafeCallFilter = SafeCallFilter;
	type Aliasers = Nothing;
	type TransactionalProcessor = FrameTransactionalProcessor;
	type HrmpNewChannelOpenRequestHandler = ();
	type HrmpChannelAcceptedHandler = ();
	type HrmpChannelClosingHandler = ();
	type XcmRecorder = PolkadotXcm;
}

/// Local signed origins may send XCM as `(0, [AccountId32])` (template).
pub type LocalOriginToLocation = SignedToAccountId32<RuntimeOrigin, AccountId, RelayNetwork>;

parameter_types! {
	/// Delivery fees are paid in MUT.
	pub FeeAssetId: AssetId = AssetId(HereLocation::get());
	/// The base price of delivering a message: 0.003 MUT.
	pub const BaseDeliveryFee: u128 = 3 * crate::MILLI_UNIT;
	/// The price of each byte of a delivered message: 10 micro-MUT.
	pub const DeliveryByteFee: u128 = 10 * crate::MICRO_UNIT;
}

/// The price of a message to the relay chain: base plus bytes, times a factor that grows while
/// the upward queue is long (`ParachainSystem`'s fee tracker), as on the system parachains.
pub type PriceForParentDelivery = polkadot_runtime_common::xcm_sender::ExponentialPrice<
	FeeAssetId,
	BaseDeliveryFee,
	DeliveryByteFee,
	ParachainSystem,
>;

/// The price of a message to a sibling: the same, with the channel's factor (`XcmpQueue`).
pub type PriceForSiblingDelivery = polkadot_runtime_common::xcm_sender::ExponentialPrice<
	FeeAssetId,
	BaseDeliveryFee,
	DeliveryByteFee,
	XcmpQueue,
>;

/// How outbound XCM leaves: UMP to the relay chain, XCMP (HRMP) to siblings.
pub type XcmRouter = WithUniqueTopic<(
	// To the relay chain, in the version it speaks, for a delivery fee.
	cumulus_primitives_utility::ParentAsUmp<ParachainSystem, PolkadotXcm, PriceForParentDelivery>,
	XcmpQueue,
)>;

impl pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Only Root sends XCM, as this chain (`Here`). A user's `send` would put messages in the
	/// upward queue, which every block reads and rewrites whole, for the price of a transaction.
	type SendXcmOrigin = EnsureRootWithSuccess<AccountId, HereLocation>;
	type XcmRouter = XcmRouter;
	type ExecuteXcmOrigin = EnsureXcmOrigin<RuntimeOrigin, LocalOriginToLocation>;
	/// No `pallet_xcm::execute` by users (template).
	type XcmExecuteFilter = Nothing;
	type XcmExecutor = XcmExecutor<XcmConfig>;
	/// No teleports and no reserve transfers: this chain moves no MUT over XCM (and pallet-xcm's
	/// transfers carry only fixed test weights). The template allows teleports.
	type XcmTeleportFilter = Nothing;
	type XcmReserveTransferFilter = Nothing;
	type Weigher = Weigher;
	type UniversalLocation = UniversalLocation;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	const VERSION_DISCOVERY_QUEUE_SIZE: u32 = 100;
	type AdvertisedXcmVersion = pallet_xcm::CurrentXcmVersion;
	type Currency = Balances;
	type CurrencyMatcher = ();
	type TrustedLockers = ();
	type SovereignAccountOf = LocationToAccountId;
	type MaxLockers = ConstU32<8>;
	/// pallet-xcm's fixed weights, as in the template (pallet-xcm ships no benchmarked ones;
	/// its calls are not what users of this chain come for).
	type WeightInfo = pallet_xcm::TestWeightInfo;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxRemoteLockConsumers = ConstU32<0>;
	type RemoteLockConsumerIdentifier = ();
	/// Aliasing is disabled (`Aliasers = Nothing`), so no deposit for authorized aliases.
	type AuthorizedAliasConsideration = Disabled;
}

impl cumulus_pallet_xcm::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type XcmExecutor = XcmExecutor<XcmConfig>;
}
