//! XCM: who may do what on this chain from elsewhere.
//!
//! - Sibling parachains and the relay chain (and their users, through `DescendOrigin`) may
//!   execute paid programs only: execution is bought with MUT (location `Here`, at the
//!   transaction-payment rate), USDT or DOT (at the fixed rates [`UsdtPerSecond`],
//!   [`DotPerSecond`]), withdrawn from the origin's account on this chain
//!   ([`LocationToAccountId`]) or deposited by the message itself. `Transact` dispatches calls of
//!   `MutualPool` and `Utility` only ([`SafeCallFilter`]).
//! - A sibling's user `(1, [Parachain(p), AccountId32 { id }])` gets a deterministic local
//!   account: `HashedDescription<AccountId, DescribeFamily<DescribeAllTerminal>>`, i.e.
//!   `blake2_256((b"SiblingChain", Compact(p), inner).encode())` where `inner: Vec<u8>` is
//!   `(b"AccountId32", id).encode()` (so it gets a length prefix; staging-xcm-builder 31.0.0
//!   `location_conversion.rs`; the tests pin it). The runtime's `LocationToAccountApi` computes
//!   it.
//! - Foreign assets: USDT `(1, [Parachain(1000), PalletInstance(50), GeneralIndex(1984)])`
//!   arrives as a reserve asset from Asset Hub, DOT `(1, Here)` from the relay chain; no other
//!   reserve is trusted for anything ([`IsReserve`]), and only those two locations are
//!   transacted ([`ForeignAssetsTransactor`], over `ForeignAssets`, where they must also be
//!   registered). Their owners send them back to their reserve with pallet-xcm's transfers
//!   (a reserve withdrawal); no other transfer leaves this chain: no teleports, no transfer of
//!   MUT, no transfer of a foreign asset anywhere but to its reserve
//!   ([`DenyLocalTransfersExceptReserveWithdrawals`], [`OnlyForeignAssets`]).
//! - Only Root sends XCM; what the chain sends for a remote program pays a delivery fee that
//!   grows with the queue ([`PriceForParentDelivery`], [`PriceForSiblingDelivery`]).
//!
//! Based on the template's `configs/xcm_config.rs`, with the stable2609 `xcm_executor::Config`
//! (`XcmEventEmitter` new, `AssetClaims` gone: `AssetTrap` now claims too) and
//! `pallet_xcm::Config` (`AuthorizedAliasConsideration`), as in staging-xcm-builder 31.0.0's
//! own mock (`tests/mock/mod.rs`).

use crate::{
	AccountId, AllPalletsWithSystem, Balance, Balances, ForeignAssets, ParachainInfo,
	ParachainSystem, PolkadotXcm, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, XcmpQueue,
};
use alloc::vec::Vec;
use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains, Disabled, Equals, Nothing, ProcessMessageError},
	weights::{IdentityFee, Weight},
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess};
use pallet_xcm::XcmPassthrough;
use polkadot_parachain_primitives::primitives::Sibling;
use polkadot_runtime_common::impls::ToAuthor;
use sp_runtime::traits::TryConvertInto;
use xcm::latest::{prelude::*, AssetTransferFilter};
use xcm_builder::{
	deposit_or_burn_fee, AccountId32Aliases, AllowKnownQueryResponses, AllowSubscriptionsFrom,
	AllowTopLevelPaidExecutionFrom, Case, DenyRecursively, DenyThenTry, DescribeAllTerminal,
	DescribeFamily, EnsureXcmOrigin, FixedRateOfFungible, FixedWeightBounds,
	FrameTransactionalProcessor, FungibleAdapter, FungiblesAdapter, HashedDescription, IsConcrete,
	MatchedConvertedConcreteId, NoChecking, ParentIsPreset, RelayChainAsNative,
	SiblingParachainAsNative, SiblingParachainConvertsVia, SignedAccountId32AsNative,
	SignedToAccountId32, SovereignSignedViaLocation, TakeRevenue, TakeWeightCredit,
	TrailingSetTopicAsId, UsingComponents, WithComputedOrigin, WithLatestLocationConverter,
	WithUniqueTopic, XcmFeeManagerFromComponents,
};
use xcm_executor::{
	traits::{DenyExecution, Properties},
	AssetsInHolding, XcmExecutor,
};

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

parameter_types! {
	/// Asset Hub, seen from here.
	pub AssetHubLocation: Location = Location::new(1, [Parachain(1000)]);
	/// USDT: asset 1984 of Asset Hub's `Assets` (pallet index 50), whose reserve is Asset Hub.
	pub UsdtLocation: Location =
		Location::new(1, [Parachain(1000), PalletInstance(50), GeneralIndex(1984)]);
	/// DOT, the relay chain's token, whose reserve is the relay chain.
	pub DotLocation: Location = Location::parent();
	/// USDT is accepted as a reserve asset from Asset Hub only...
	pub UsdtFromAssetHub: (AssetFilter, Location) = (
		Wild(AllOf { id: AssetId(UsdtLocation::get()), fun: WildFungible }),
		AssetHubLocation::get(),
	);
	/// ...and DOT from the relay chain only.
	pub DotFromRelay: (AssetFilter, Location) = (
		Wild(AllOf { id: AssetId(DotLocation::get()), fun: WildFungible }),
		DotLocation::get(),
	);
	/// Unused: no teleports, so nothing is checked in or out.
	pub CheckingAccount: AccountId = PolkadotXcm::check_account();
}

/// The reserves this chain trusts: exactly USDT from Asset Hub and DOT from the relay chain.
/// A `ReserveAssetDeposited` of anything else, or of these from anywhere else, fails with
/// `UntrustedReserveLocation` before anything is credited.
pub type IsReserve = (Case<UsdtFromAssetHub>, Case<DotFromRelay>);

/// Moves the foreign assets this chain accepts, USDT and DOT exactly, in and out of accounts:
/// `ForeignAssets`, keyed by the assets' locations (which must be registered there: Root's
/// `force_create`, or the genesis presets).
pub type ForeignAssetsTransactor = FungiblesAdapter<
	ForeignAssets,
	MatchedConvertedConcreteId<
		Location,
		Balance,
		(Equals<DotLocation>, Equals<UsdtLocation>),
		WithLatestLocationConverter<Location>,
		TryConvertInto,
	>,
	LocationToAccountId,
	AccountId,
	NoChecking,
	CheckingAccount,
>;

/// MUT first, then the foreign assets.
pub type AssetTransactors = (LocalAssetTransactor, ForeignAssetsTransactor);

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
		(
			DenyRecursively<DenyReserveDepositsToRelayChain>,
			DenyRecursively<DenyLocalTransfersExceptReserveWithdrawals>,
		),
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

/// Stops every local program (origin `(0, _)`: pallet-xcm's transfers, run for a local account)
/// that moves assets off this chain other than by a reserve withdrawal. pallet-xcm runs a
/// withdrawal of an asset to its reserve (`TransferType::DestinationReserve`) here as
/// `WithdrawAsset, BurnAsset` and sends the reserve `WithdrawAsset, ClearOrigin, BuyExecution,
/// DepositAsset` itself; every other kind of transfer needs one of the instructions refused here:
/// `TransferAsset` to the destination's sovereign account (this chain as the reserve: of MUT,
/// or of USDT or DOT, which it is not the reserve of), `InitiateReserveWithdraw` (through a
/// third chain), `InitiateTeleport`, `InitiateTransfer`, `DepositReserveAsset`,
/// `TransferReserveAsset`, `ExportMessage`. Remote programs (origins with `parents > 0`) are not
/// affected here: they only act on what their origin holds here.
pub struct DenyLocalTransfersExceptReserveWithdrawals;
impl DenyExecution for DenyLocalTransfersExceptReserveWithdrawals {
	fn deny_execution<Call>(
		origin: &Location,
		instructions: &mut [Instruction<Call>],
		_max_weight: Weight,
		_properties: &mut Properties,
	) -> Result<(), ProcessMessageError> {
		if origin.parents > 0 {
			return Ok(());
		}
		let moves_off_chain = |instruction: &Instruction<Call>| {
			matches!(
				instruction,
				TransferAsset { .. }
					| TransferReserveAsset { .. }
					| DepositReserveAsset { .. }
					| InitiateReserveWithdraw { .. }
					| InitiateTeleport { .. }
					| InitiateTransfer { .. }
					| ExportMessage { .. }
			)
		};
		if instructions.iter().any(moves_off_chain) {
			return Err(ProcessMessageError::Unsupported);
		}
		Ok(())
	}
}

/// Stops every program that would deposit assets to the relay chain as if this chain were their
/// reserve (`DepositReserveAsset`, `TransferReserveAsset`, or `InitiateTransfer` with a
/// `ReserveDeposit` of assets or fees, to `(1, Here)`): the relay chain would not honour them, and
/// they would stay in its sovereign account here. It lets a program withdraw DOT from its reserve,
/// the relay chain (`InitiateReserveWithdraw { reserve: (1, Here) }`), which is how a remote user
/// of this chain, whose account here has no key for pallet-xcm, sends DOT back. The SDK's
/// `DenyReserveTransferToRelayChain` refuses that withdrawal too: it is written for chains that
/// teleport the relay chain's token.
pub struct DenyReserveDepositsToRelayChain;
impl DenyExecution for DenyReserveDepositsToRelayChain {
	fn deny_execution<Call>(
		_origin: &Location,
		instructions: &mut [Instruction<Call>],
		_max_weight: Weight,
		_properties: &mut Properties,
	) -> Result<(), ProcessMessageError> {
		let relay = Location::parent();
		let deposits_to_relay = |instruction: &Instruction<Call>| match instruction {
			DepositReserveAsset { dest, .. } | TransferReserveAsset { dest, .. } => *dest == relay,
			InitiateTransfer { destination, remote_fees, assets, .. } => {
				*destination == relay
					&& (matches!(remote_fees, Some(AssetTransferFilter::ReserveDeposit(_)))
						|| assets
							.iter()
							.any(|filter| matches!(filter, AssetTransferFilter::ReserveDeposit(_))))
			},
			_ => false,
		};
		if instructions.iter().any(deposits_to_relay) {
			return Err(ProcessMessageError::Unsupported);
		}
		Ok(())
	}
}

/// What pallet-xcm's reserve transfers may carry: the foreign assets only (USDT, DOT); never
/// MUT, which this chain is the reserve of and does not send anywhere.
pub struct OnlyForeignAssets;
impl Contains<(Location, Vec<Asset>)> for OnlyForeignAssets {
	fn contains((_origin, assets): &(Location, Vec<Asset>)) -> bool {
		assets
			.iter()
			.all(|asset| asset.id.0 == UsdtLocation::get() || asset.id.0 == DotLocation::get())
	}
}

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

/// Buys execution with MUT at the transaction-payment rate (the fees go to the block author: the
/// same `WeightToFee` as `pallet_transaction_payment`, so XCM execution costs what a transaction
/// of the same weight does), or with USDT or DOT at a fixed rate (the fees go to the treasury,
/// [`FeesToTreasury`]). The first that the payment offered can pay is used.
pub type Trader = (
	UsingComponents<
		IdentityFee<crate::Balance>,
		HereLocation,
		AccountId,
		Balances,
		ToAuthor<Runtime>,
	>,
	FixedRateOfFungible<UsdtPerSecond, FeesToTreasury>,
	FixedRateOfFungible<DotPerSecond, FeesToTreasury>,
);

parameter_types! {
	/// Execution paid in USDT: 1 USDT (10^6 units) per second of ref time, MUT's rate (1 MUT a
	/// second) at a MUT worth a dollar; proof size is not charged, as in MUT. A governance
	/// upgrade changes it.
	pub UsdtPerSecond: (AssetId, u128, u128) = (AssetId(UsdtLocation::get()), 1_000_000, 0);
	/// Execution paid in DOT: 0.2 DOT (2 * 10^9 planck, DOT has 10 decimals) per second of ref
	/// time, MUT's rate at a DOT worth 5 MUT.
	pub DotPerSecond: (AssetId, u128, u128) = (AssetId(DotLocation::get()), 2_000_000_000, 0);
	/// The treasury's account as an XCM location here.
	pub TreasuryLocation: Location = Location::new(
		0,
		[AccountId32 {
			network: None,
			id: mutual_pool_runtime_common::mutual_pool::treasury_account().into(),
		}],
	);
}

/// Where execution paid in USDT or DOT goes: the treasury's account, in the asset
/// (`deposit_or_burn_fee`, the SDK's own fee deposit). A deposit the asset refuses (below its
/// minimum balance on an account that holds none of it) is burned: the genesis presets give the
/// treasury the minimum of each fee asset, and a chain registering another fee asset does too.
pub struct FeesToTreasury;
impl TakeRevenue for FeesToTreasury {
	fn take_revenue(revenue: AssetsInHolding) {
		deposit_or_burn_fee::<AssetTransactors>(revenue, None, TreasuryLocation::get());
	}
}

pub struct XcmConfig;
impl xcm_executor::Config for XcmConfig {
	type RuntimeCall = RuntimeCall;
	type XcmSender = XcmRouter;
	/// New since stable2506: where the executor emits its events.
	type XcmEventEmitter = PolkadotXcm;
	type AssetTransactor = AssetTransactors;
	type OriginConverter = XcmOriginToTransactDispatchOrigin;
	/// Exactly two pairs are trusted: USDT from Asset Hub, DOT from the relay chain.
	type IsReserve = IsReserve;
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
	/// No teleports (the template allows them). Reserve transfers of the foreign assets only,
	/// and of those only the withdrawal to their own reserve passes the barrier
	/// ([`DenyLocalTransfersExceptReserveWithdrawals`]). pallet-xcm's transfers are weighed by
	/// its test weights plus [`Weigher`]'s 1 ms and 64 KiB per instruction of its heaviest local
	/// program, far above what they use.
	type XcmTeleportFilter = Nothing;
	type XcmReserveTransferFilter = OnlyForeignAssets;
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
