#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

// The pallet's logic, one module per area, each adding to `Pallet<T>` the functions behind its
// calls. Every `do_*` function checks all its inputs before it moves money or writes storage,
// and dispatchables run in a storage transaction, so a failed call changes nothing. A path that
// only broken storage can reach fails with `Corrupt` defensively (`defensive_ok_or`,
// `defensive!`): it is logged, and it panics under debug assertions, so the tests (and the
// property test, which also fails on any `Corrupt`) cannot miss it.
mod admin;
mod claims;
mod cover;
mod incidents;
mod pool;
mod runtime_api;
mod staking;
#[cfg(any(feature = "try-runtime", feature = "runtime-benchmarks", test))]
mod try_state;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod expiry;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod pricing;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::mutual-pool";

/// The pallet. The whole life of a cover is the test `tests::claims::cover_life_cycle_example`.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			fungibles, EnsureOrigin,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_arithmetic::{traits::Zero, FixedU128, Perbill};

	/// The balance type of the pallet's currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A pool as stored.
	pub type PoolOf<T> = Pool<T>;
	/// The kind of asset a pool of runtime `T` holds (`Config::AssetKind`).
	pub type AssetKindOf<T> = <T as Config>::AssetKind;
	/// Pool parameters of this runtime.
	pub type PoolParamsOf<T> = PoolParams<AssetKindOf<T>, BalanceOf<T>, BlockNumberFor<T>>;
	/// A product as stored.
	pub type ProductOf<T> = Product<BlockNumberFor<T>, <T as Config>::MaxMetadataLen>;
	/// A product's book in its pool.
	pub type ProductBookOf<T> = ProductBook<BalanceOf<T>, BlockNumberFor<T>>;
	/// Product parameters of this runtime.
	pub type ProductParamsOf<T> = ProductParams<BlockNumberFor<T>, <T as Config>::MaxMetadataLen>;
	/// Stakes still warming up, in this runtime's types.
	pub type WarmingOf<T> = Warming<BalanceOf<T>, BlockNumberFor<T>>;
	/// A held withdrawal of runtime `T`.
	pub type HoldOf<T> = Hold<BalanceOf<T>, BlockNumberFor<T>>;
	/// A [`Shortfall`] of runtime `T`.
	pub type ShortfallOf<T> = Shortfall<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A staker's record as stored.
	pub type StakerInfoOf<T> = StakerInfo<BalanceOf<T>, BlockNumberFor<T>>;
	/// A cover as stored.
	pub type CoverOf<T> =
		Cover<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// A claim as stored.
	pub type ClaimOf<T> = Claim<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxEvidenceLen,
	>;
	/// Claim evidence of this runtime.
	pub type EvidenceOf<T> = BoundedVec<u8, <T as Config>::MaxEvidenceLen>;
	/// Where a claim stands, in this runtime's types.
	pub type ClaimStatusOf<T> = ClaimStatus<BalanceOf<T>, BlockNumberFor<T>>;
	/// An incident as stored.
	pub type IncidentOf<T> =
		Incident<BalanceOf<T>, BlockNumberFor<T>, <T as Config>::MaxEvidenceLen>;
	/// The answer of the `agenda` runtime API in this runtime's types.
	pub type AgendaOf<T> = Agenda<
		<T as frame_system::Config>::AccountId,
		AssetKindOf<T>,
		BalanceOf<T>,
		BlockNumberFor<T>,
	>;
	/// The answer of the `pool_status` runtime API in this runtime's types.
	pub type PoolStatusOf<T> = PoolStatus<AssetKindOf<T>, BalanceOf<T>>;
	/// The answer of the `position` runtime API in this runtime's types.
	pub type PositionOf<T> = Position<AssetKindOf<T>, BalanceOf<T>, BlockNumberFor<T>>;

	/// The in-code storage version. Version 1 (issue 9): covers keep their claim window
	/// (`claim_until`), claims their deadline (`lapses_at`), pools their large-claim window
	/// (`payouts`). Version 2: pools keep their earnings, unbonding shares, product books, freeze
	/// and depletion; products lose their active cover to the books; `EarningEnds`. Version 3:
	/// pools and staker records keep share eras (`era`, `unbonding_era`). No chain ran an
	/// earlier version, so there is no migration to 3 (docs/design.md). Version 4: claims keep
	/// their stage (`status`). Version 5: pools' large-claim windows
	/// slide ([`PayoutWindow`]). Version 6: pools gain their asset, smallest cover and claim
	/// deposit rate ([`PoolParams`]); [`crate::migrations::v6::MigrateV5ToV6`] migrates a
	/// version 5 chain (the migrations to 4 and 5 are gone, see [`crate::migrations`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(6);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration trait.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native currency: claim and appeal deposits are held in it (they pay the chain,
		/// not a pool), and it is the money of the pools whose asset is `NativeAsset`.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The kind of asset a pool is denominated in (`PoolParams::asset`): in the runtimes of
		/// this repository `NativeOrWithId` of the asset registry's ids, the native token or a
		/// registered asset.
		type AssetKind: Parameter + Member + MaxEncodedLen + MaybeSerializeDeserialize;

		/// The pools' money, every kind of asset under one `fungibles` (in the runtimes,
		/// `fungible::UnionOf` of the native currency and `pallet-assets`): stakes, premiums,
		/// fees, payouts and redemptions move the pool's asset through it.
		type Assets: fungibles::Mutate<
			Self::AccountId,
			AssetId = Self::AssetKind,
			Balance = BalanceOf<Self>,
		>;

		/// The native token's kind. A rejected claim's deposits, held in the native currency,
		/// join the capital of a pool in this asset and go to `TreasuryAccount` from a pool in
		/// any other.
		type NativeAsset: Get<Self::AssetKind>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Creates and updates pools and products.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Approves claims up to a pool's `large_claim_threshold`, and rejects claims.
		type ClaimDecisionOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Approves claims of any size, and declares incidents of any size.
		type LargeClaimOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Upholds appealed claims (`uphold_appeal`), of any size, once the appeal's own
		/// referendum is approved: in the runtimes of this repository, the `ClaimAppeals` origin
		/// of the referendum's enacted call (or Root). Never asked when `AppealPeriod` is zero.
		type AppealOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The referenda that decide appeals: `appeal_claim` submits the appeal's referendum
		/// through it, the claimant paying its deposits, and only that referendum decides the
		/// claim (see [`AppealReferenda`]).
		type Appeals: AppealReferenda<Self::AccountId>;

		/// Derives the pool accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Receives the `fee` share of every premium, through `pay_fees`.
		#[pallet::constant]
		type TreasuryAccount: Get<Self::AccountId>;

		/// The smallest claim deposit, in the native currency. A claim of `amount` holds
		/// `min(ClaimDeposit + pool.claim_deposit_rate * amount, MaxClaimDeposit)` from the
		/// claimant until it is decided (the rate is the pool's, as it converts the pool's asset
		/// into native units); a rejection slashes it (see `NativeAsset`).
		#[pallet::constant]
		type ClaimDeposit: Get<BalanceOf<Self>>;

		/// The largest claim deposit (at least `ClaimDeposit` is always held).
		#[pallet::constant]
		type MaxClaimDeposit: Get<BalanceOf<Self>>;

		/// Blocks the claim-decision origins have to decide a claim. A claim not decided by then
		/// lapses: anyone may call `lapse_claim`, which returns the deposit and unlocks the
		/// capital.
		#[pallet::constant]
		type ClaimDecisionPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks after a rejection during which the claimant may appeal (`appeal_claim`); the
		/// claim keeps its amount counted in the pending claims and its deposit held until then,
		/// and `close_claim` ends it after. Zero: a rejection is final at once (the deposit is
		/// slashed by `reject_claim` itself), for runtimes without an appeal track.
		#[pallet::constant]
		type AppealPeriod: Get<BlockNumberFor<Self>>;

		/// The appeal deposit is this many times the claim's deposit (at least 2: an appeal asks
		/// token holders to overrule the council, and costs more than the claim).
		#[pallet::constant]
		type AppealDepositMultiplier: Get<u32>;

		/// The longest an appeal's referendum takes to be decided and enacted when the track
		/// takes it at once: what a withdrawal's hold waits for an appeal (`hold_period`), and the
		/// agenda's deadline of an appealed claim. Not a deadline of the appeal itself, which ends
		/// when its referendum does.
		#[pallet::constant]
		type AppealDecisionPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks after the declaration of an incident during which the covers it hit may be
		/// redeemed; after them anyone may `close_incident`, which frees what it reserved.
		#[pallet::constant]
		type IncidentRedemptionPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks over which what a pool paid and committed (approved payouts, incidents'
		/// reserves at their declaration, upheld appeals) is summed against its
		/// `large_claim_threshold`: once the sum would pass the threshold, approving a claim or
		/// declaring an incident needs `LargeClaimOrigin`. The window slides (see
		/// [`PayoutWindow`]): a decision counts for at least this many blocks, and at most a
		/// seventh more. At least `IncidentRedemptionPeriod`, so that an incident's reserve
		/// counts for as long as it can be paid.
		#[pallet::constant]
		type LargeClaimWindow: Get<BlockNumberFor<Self>>;

		/// The length in blocks of a stake's warm-up epoch. A stake (or a `rebond`) made in epoch
		/// `k` (its block divided by this) is bonded at once, earns and bears losses, but counts
		/// in the capacity that sells and prices cover only from the start of epoch `k + 2`:
		/// after between one and two epochs. A request to leave takes the staker's own stakes
		/// still warming up out first. Zero: stakes count at once. Genesis stakes count at once.
		#[pallet::constant]
		type StakeWarmup: Get<BlockNumberFor<Self>>;

		/// Blocks a `freeze_pool` holds a pool's withdrawals; a new freeze needs as many
		/// blocks without one first.
		#[pallet::constant]
		type FreezePeriod: Get<BlockNumberFor<Self>>;

		/// Blocks per year: annual rates are charged per `period / BlocksPerYear`.
		#[pallet::constant]
		type BlocksPerYear: Get<BlockNumberFor<Self>>;

		/// Length in blocks of one cover-expiry bucket.
		#[pallet::constant]
		type ExpiryBucketLength: Get<BlockNumberFor<Self>>;

		/// The most expiry buckets one call rolls forward.
		#[pallet::constant]
		type MaxExpiryBucketsPerCall: Get<u32>;

		/// The longest claim evidence, in bytes.
		#[pallet::constant]
		type MaxEvidenceLen: Get<u32>;

		/// The longest product metadata, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;

		/// Creates the asset of the benchmarks' pools.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AssetKind>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a claim under assessment.
		ClaimDeposit,
		/// The deposit of an appeal against a rejection.
		AppealDeposit,
	}

	/// The id the next pool will get.
	#[pallet::storage]
	pub type NextPoolId<T> = StorageValue<_, PoolId, ValueQuery>;

	/// Pools by id.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Twox64Concat, PoolId, PoolOf<T>>;

	/// The id the next product will get.
	#[pallet::storage]
	pub type NextProductId<T> = StorageValue<_, ProductId, ValueQuery>;

	/// Products by id.
	#[pallet::storage]
	pub type Products<T: Config> = StorageMap<_, Twox64Concat, ProductId, ProductOf<T>>;

	/// Stakers' shares, by staker and pool: `entries(who)` lists one account's stakes in every
	/// pool. Keyed by account first, a staker's record sits at the same depth of the trie
	/// however many stakers its pool has, so no call's cost depends on that number.
	#[pallet::storage]
	pub type Stakers<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, PoolId, StakerInfoOf<T>>;

	/// Each staker's stakes still warming up, by staker and pool (see [`Warming`]): what its
	/// request to leave takes out of its pool's `warming` first. Removed once nothing warms.
	#[pallet::storage]
	pub type Warmups<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, PoolId, WarmingOf<T>>;

	/// Withdrawals held back while amounts were pending, by staker and pool (see [`Hold`]): at
	/// most one each, removed by `release_hold`.
	#[pallet::storage]
	pub type Holds<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, PoolId, HoldOf<T>>;

	/// Redemptions a short pool paid less than they were owed, by incident and cover (see
	/// [`IncidentBook`]): `top_up` pays them up to the pool's redemption rate and removes them once
	/// paid in full or written off.
	#[pallet::storage]
	pub type Shortfalls<T: Config> =
		StorageDoubleMap<_, Twox64Concat, IncidentId, Twox64Concat, CoverId, ShortfallOf<T>>;

	/// The id the next cover will get.
	#[pallet::storage]
	pub type NextCoverId<T> = StorageValue<_, CoverId, ValueQuery>;

	/// Covers by id.
	#[pallet::storage]
	pub type Covers<T: Config> = StorageMap<_, Twox64Concat, CoverId, CoverOf<T>>;

	/// The id the next claim will get.
	#[pallet::storage]
	pub type NextClaimId<T> = StorageValue<_, ClaimId, ValueQuery>;

	/// Claims by id, from filing until approved, upheld on appeal, lapsed or closed (see
	/// [`ClaimStatus`]).
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<_, Twox64Concat, ClaimId, ClaimOf<T>>;

	/// The id the next incident will get.
	#[pallet::storage]
	pub type NextIncidentId<T> = StorageValue<_, IncidentId, ValueQuery>;

	/// Incidents by id, from declaration until `close_incident`.
	#[pallet::storage]
	pub type Incidents<T: Config> = StorageMap<_, Twox64Concat, IncidentId, IncidentOf<T>>;

	/// The open incidents of each product (at most `bounds::MAX_OPEN_INCIDENTS`), with the
	/// blocks that tell which covers each could pay, so that `reap_cover` never removes a cover
	/// one of them could still pay, and reads no incident to know it.
	#[pallet::storage]
	pub type ProductIncidents<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ProductId,
		BoundedVec<OpenIncident<BlockNumberFor<T>>, MaxOpenIncidents>,
		ValueQuery,
	>;

	/// The incidents a cover was redeemed in, among those open on its product (closed ones are
	/// dropped at its next redemption): a cover is paid at most once per incident. Removed with
	/// the cover by `reap_cover`.
	#[pallet::storage]
	pub type Redemptions<T: Config> =
		StorageMap<_, Twox64Concat, CoverId, BoundedVec<IncidentId, MaxOpenIncidents>, ValueQuery>;

	/// Cover that leaves a pool's or a product's active cover when the bucket is rolled.
	#[pallet::storage]
	pub type Expiries<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ExpiryOwner,
		Twox64Concat,
		BlockNumberFor<T>,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// The premium-earning rates that stop when a pool's expiry bucket is rolled: the sum of the
	/// rates of the covers booked in that bucket (see [`Earnings`]).
	#[pallet::storage]
	pub type EarningEnds<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PoolId,
		Twox64Concat,
		BlockNumberFor<T>,
		FixedU128,
		ValueQuery,
	>;

	/// The pool or product whose expiry buckets `on_idle` rolls next.
	#[pallet::storage]
	pub type NextIdleRoll<T> = StorageValue<_, ExpiryOwner, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A pool was created.
		PoolCreated { pool_id: PoolId },
		/// A pool's parameters were changed.
		PoolUpdated { pool_id: PoolId },
		/// A product was created on a pool.
		ProductCreated { product_id: ProductId, pool_id: PoolId },
		/// A product's parameters were changed.
		ProductUpdated { product_id: ProductId },
		/// `who` staked `amount` into a pool and received `shares`.
		Staked { pool_id: PoolId, who: T::AccountId, amount: BalanceOf<T>, shares: BalanceOf<T> },
		/// `who` started unbonding `shares`, withdrawable from `unlock_at`.
		UnstakeRequested {
			pool_id: PoolId,
			who: T::AccountId,
			shares: BalanceOf<T>,
			unlock_at: BlockNumberFor<T>,
		},
		/// `who` burnt `shares` and received `amount` (nothing for a record of ended eras, whose
		/// bonded and unbonding shares `shares` counts together).
		Withdrawn { pool_id: PoolId, who: T::AccountId, shares: BalanceOf<T>, amount: BalanceOf<T> },
		/// A withdrawal of `who` taken while amounts were pending held back `held`, its share of
		/// them (see [`Hold`]): released by `release_hold` once due, at the latest at `due_at`.
		WithdrawalHeld {
			pool_id: PoolId,
			who: T::AccountId,
			held: BalanceOf<T>,
			due_at: BlockNumberFor<T>,
		},
		/// The hold of `who` was released: `charged`, its share of what the pool paid out while
		/// it was held, went back to the stakers who bore it, and `amount` to `who`.
		HoldReleased {
			pool_id: PoolId,
			who: T::AccountId,
			charged: BalanceOf<T>,
			amount: BalanceOf<T>,
		},
		/// A cover was bought.
		CoverBought {
			cover_id: CoverId,
			product_id: ProductId,
			owner: T::AccountId,
			amount: BalanceOf<T>,
			premium: BalanceOf<T>,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
		},
		/// A cover changed owner.
		CoverTransferred { cover_id: CoverId, from: T::AccountId, to: T::AccountId },
		/// A claim was filed and its `deposit` held; it lapses at `lapses_at` unless decided.
		ClaimSubmitted {
			claim_id: ClaimId,
			cover_id: CoverId,
			claimant: T::AccountId,
			amount: BalanceOf<T>,
			deposit: BalanceOf<T>,
			lapses_at: BlockNumberFor<T>,
		},
		/// A claim was approved and `payout` paid to the cover owner.
		ClaimApproved { claim_id: ClaimId, payout: BalanceOf<T> },
		/// A claim was rejected. The claimant may appeal until `appeal_until` (exclusive); the
		/// claim then closes (`ClaimClosed`). With no appeal period, `appeal_until` is this block
		/// and `ClaimClosed` follows at once.
		ClaimRejected { claim_id: ClaimId, appeal_until: BlockNumberFor<T> },
		/// A rejection became final, unappealed or with its appeal dismissed: the deposits,
		/// `slashed` together (native), went into a native pool, where the bonded shares earn
		/// them over the next full expiry bucket, or from a pool in another asset to the
		/// treasury; and the claimed amount stopped locking capital.
		ClaimClosed { claim_id: ClaimId, cover_id: CoverId, slashed: BalanceOf<T> },
		/// The claimant appealed a rejection, holding `deposit`, and submitted the appeal's
		/// referendum, `referendum`, which alone decides it.
		ClaimAppealed { claim_id: ClaimId, deposit: BalanceOf<T>, referendum: ReferendumIndex },
		/// An appeal was upheld: `payout` was paid to the cover owner and both deposits released.
		AppealUpheld { claim_id: ClaimId, payout: BalanceOf<T> },
		/// An incident was declared on a product: the covers in force at `occurred_at` may be
		/// redeemed for `ratio` of their amount until `closes_at` (exclusive); `reserved` of the
		/// pool's capital is held for them.
		IncidentDeclared {
			incident_id: IncidentId,
			product_id: ProductId,
			pool_id: PoolId,
			occurred_at: BlockNumberFor<T>,
			ratio: Perbill,
			reserved: BalanceOf<T>,
			closes_at: BlockNumberFor<T>,
		},
		/// A cover was redeemed in an incident: `payout` was paid to its `owner`.
		CoverRedeemed {
			incident_id: IncidentId,
			cover_id: CoverId,
			owner: T::AccountId,
			payout: BalanceOf<T>,
		},
		/// A redemption in a short pool was paid `paid` of the `owed` it was owed, the pool's
		/// redemption rate: the rest is booked in `Shortfalls`, for `top_up`.
		RedemptionShortPaid {
			incident_id: IncidentId,
			cover_id: CoverId,
			owed: BalanceOf<T>,
			paid: BalanceOf<T>,
		},
		/// A short-paid redemption was topped up: `amount` paid to `owner`, `outstanding` still
		/// owed (nothing once paid in full, when its record goes).
		ShortfallToppedUp {
			incident_id: IncidentId,
			cover_id: CoverId,
			owner: T::AccountId,
			amount: BalanceOf<T>,
			outstanding: BalanceOf<T>,
		},
		/// The record of a short-paid redemption written off by `reopen_pool` was removed.
		ShortfallRemoved { incident_id: IncidentId, cover_id: CoverId },
		/// A depleted pool was reopened with `outstanding` still owed to short-paid redemptions:
		/// it is written off, and no new stake pays it.
		ShortfallsWrittenOff { pool_id: PoolId, outstanding: BalanceOf<T> },
		/// An incident's redemption period ended: what it still reserved, `released`, is free.
		IncidentClosed { incident_id: IncidentId, released: BalanceOf<T> },
		/// A payout exceeded the pool's capital; `shortfall` could not be paid.
		PoolDepleted { pool_id: PoolId, shortfall: BalanceOf<T> },
		/// `roll_expiries` took `expired` of ended cover out of `owner`'s active cover, rolling
		/// its expiry buckets through `through`.
		ExpiriesRolled { owner: ExpiryOwner, through: BlockNumberFor<T>, expired: BalanceOf<T> },
		/// The fees a pool owed were paid to the treasury.
		FeesPaid { pool_id: PoolId, amount: BalanceOf<T> },
		/// A claim was not decided within the decision period: its deposit went back to the
		/// claimant and the capital it locked is free.
		ClaimLapsed { claim_id: ClaimId, cover_id: CoverId },
		/// An incident was reported: the pool's withdrawals wait until `until`.
		PoolFrozen { pool_id: PoolId, until: BlockNumberFor<T> },
		/// A depleted pool takes stakes and sells cover again.
		PoolReopened { pool_id: PoolId },
		/// A cover whose claim window had closed was removed from storage.
		CoverReaped { cover_id: CoverId },
		/// `who` turned its `unbonding` shares, worth `amount`, back into `shares` bonded ones.
		Rebonded {
			pool_id: PoolId,
			who: T::AccountId,
			unbonding: BalanceOf<T>,
			amount: BalanceOf<T>,
			shares: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No pool has this id.
		PoolNotFound,
		/// No product has this id.
		ProductNotFound,
		/// No cover has this id.
		CoverNotFound,
		/// No claim has this id.
		ClaimNotFound,
		/// `capacity_factor` must lie within `bounds::MIN_CAPACITY_FACTOR` (0.1) and
		/// `bounds::MAX_CAPACITY_FACTOR` (10).
		InvalidCapacityFactor,
		/// A parameter lies outside its bound (see the `bounds` module): kink 1% to 99%,
		/// large-claim threshold and capacity share at least 1%, `min_cover` above zero,
		/// unbonding period at most a quarter, cover period at most 5 years, claim window and
		/// activation delay at most a year.
		ParameterOutOfBounds,
		/// The new parameters would leave the pool's active cover and pending claims, or a
		/// product's active cover, above what the bonded capital backs.
		UpdateUnbacksCover,
		/// `min_stake` must be at least the minimum balance of the pool's asset (the existential
		/// deposit of the native token).
		MinStakeBelowExistentialDeposit,
		/// `min_period` must be above zero and at most `max_period`.
		InvalidPeriodRange,
		/// The amount is below the pool's `min_stake`.
		StakeBelowMinimum,
		/// A payout emptied the pool: it takes no stake and sells no cover until governance
		/// reopens it (`reopen_pool`), once every cover sold before has run off.
		PoolDepleted,
		/// The pool is not depleted.
		PoolNotDepleted,
		/// A payout or a claim left the pool unable to back its active cover and pending claims
		/// (or a product above its share of the capacity): it takes no stake until enough cover
		/// has run off or the claims are decided, so that no new staker pays for a loss that came
		/// before it.
		PoolUnbacked,
		/// The pool still has active cover or pending claims.
		CoverStillActive,
		/// The pool backs `bounds::MAX_PRODUCTS_PER_POOL` products already.
		TooManyProducts,
		/// The amount is below the pool's `min_cover`.
		CoverBelowMinimum,
		/// Withdrawals from the pool are frozen (`freeze_pool`) until the block in `PoolFrozen`.
		PoolFrozen,
		/// The pool is frozen, or was within the last `FreezePeriod` blocks.
		FreezeNotAllowed,
		/// The cover's claim window has not closed, or its expiry bucket is not rolled yet.
		CoverNotExpired,
		/// The amount is too small to buy a single share at the current price.
		ZeroShares,
		/// The stake would mint fewer shares than the staker's `min_shares`.
		TooFewShares,
		/// The withdrawal would pay less than the staker's `min_amount`.
		WithdrawalBelowMinimum,
		/// A staker holds either no shares or at least the pool's `min_stake` in shares, so that
		/// no pool is left with a few shares whose price can be inflated.
		SharesBelowMinimum,
		/// The account has no stake in this pool.
		NotStaker,
		/// More shares than the staker has free of unbonding.
		InsufficientShares,
		/// The staker has no unbonding shares.
		NothingUnbonding,
		/// The unbonding shares unlock at a later block.
		StillUnbonding,
		/// The withdrawal would leave active cover and pending claims unbacked, or a product's
		/// active cover above its share of the capacity; or the request to unstake would leave
		/// them above the bonded capacity.
		InsufficientFreeCapital,
		/// The product does not sell cover at the moment.
		ProductDisabled,
		/// The period is outside the product's `[min_period, max_period]`.
		PeriodOutOfRange,
		/// The amount must be above zero.
		ZeroAmount,
		/// The purchase exceeds the pool's selling capacity (its bonded capital that has warmed
		/// up) or the product's share of it.
		InsufficientCapacity,
		/// The premium is above the buyer's `max_premium`.
		PremiumTooHigh,
		/// Only the cover's owner may do this.
		NotCoverOwner,
		/// The cover has a pending claim: it cannot be transferred or claimed on again.
		ClaimAlreadyPending,
		/// Claims are accepted from the cover's start to its end plus the claim window.
		OutsideClaimWindow,
		/// The claimed amount is above what the cover has left.
		ClaimExceedsRemaining,
		/// The payout is above the claimed amount.
		PayoutExceedsClaim,
		/// The payout or reserve, with what the pool paid or committed in its large-claim window
		/// or on the cover, is above the pool's large-claim threshold: it needs
		/// `LargeClaimOrigin`.
		RequiresLargeClaimOrigin,
		/// A withdrawal while amounts are pending would hold back part of it, and the staker's
		/// previous hold in the pool is not released yet (`release_hold`, once it is due).
		HoldOpen,
		/// The hold is not due: something pending at its withdrawal may still be paid, and its
		/// `due_at` has not come.
		HoldNotDue,
		/// No hold of this staker in this pool.
		HoldNotFound,
		/// The claim's decision period is over: it can only lapse (`lapse_claim`).
		ClaimLapsed,
		/// The claim's decision period is not over yet.
		ClaimNotLapsed,
		/// No expiry bucket is due: active cover is up to date.
		NothingToRoll,
		/// The pool owes no fees to the treasury.
		NoFeesOwed,
		/// The claim is not pending a council decision: it was rejected, and is in its appeal
		/// window or under appeal (see `close_claim`).
		ClaimNotPending,
		/// Only the claimant may appeal.
		NotClaimant,
		/// The claim is not in its appeal window: it is pending, or already appealed.
		ClaimNotRejected,
		/// The appeal window is over: the rejection can only be closed (`close_claim`).
		AppealWindowClosed,
		/// The claim is not under appeal.
		ClaimNotAppealed,
		/// The appeal's referendum is not approved: only an approved referendum upholds it.
		AppealNotApproved,
		/// The claim is pending a decision, or its appeal window or its appeal's decision period
		/// is still running.
		ClaimNotClosable,
		/// No incident has this id.
		IncidentNotFound,
		/// An incident is declared after the block it happened at: not at this block, nor at one
		/// still to come.
		IncidentInFuture,
		/// The payout ratio must be above zero.
		ZeroRatio,
		/// The product has `bounds::MAX_OPEN_INCIDENTS` open incidents already: close one first.
		TooManyIncidents,
		/// The cover is of another product, was not in force at the incident's block, or its
		/// claim window had closed before the declaration.
		CoverNotAffected,
		/// No short-paid redemption of this cover in this incident.
		NoShortfall,
		/// The short-paid redemption has been paid the pool's redemption rate already: nothing
		/// is due until the rate rises (an incident closes with its reserve unspent, premiums are
		/// earned) or the pool has something to pay with.
		NothingToTopUp,
		/// The cover was already redeemed in this incident.
		AlreadyRedeemed,
		/// The incident's redemption period is over.
		RedemptionClosed,
		/// The incident's redemption period is still running.
		RedemptionOpen,
		/// The cover has nothing left to pay at this ratio.
		NothingToRedeem,
		/// An open incident of the cover's product could still pay it: it is kept until the
		/// incident closes.
		CoverRedeemable,
		/// An amount or an id overflowed.
		Overflow,
		/// Storage is inconsistent; this is a bug.
		Corrupt,
		/// The pool's asset is not registered: it has no minimum balance to keep the pool account
		/// alive with.
		UnknownAsset,
		/// A pool's asset can only change while the pool holds nothing: no capital, shares,
		/// premiums, fees, held withdrawals, cover or claims.
		AssetInUse,
	}

	/// The pools, products and stakes a chain starts with.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Pools, created with ids 0, 1, ...
		pub pools: alloc::vec::Vec<PoolParamsOf<T>>,
		/// Products `(pool_id, params)`, created with ids 0, 1, ...
		pub products: alloc::vec::Vec<(PoolId, ProductParamsOf<T>)>,
		/// Stakes `(pool_id, staker, amount)`, paid from the stakers' genesis balances.
		pub stakes: alloc::vec::Vec<(PoolId, T::AccountId, BalanceOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for params in &self.pools {
				if let Err(e) = Pallet::<T>::do_create_pool(params.clone()) {
					panic!("genesis pool {params:?} is invalid: {e:?}");
				}
			}
			for (pool_id, params) in &self.products {
				if let Err(e) = Pallet::<T>::do_create_product(*pool_id, params.clone()) {
					panic!("genesis product on pool {pool_id} is invalid: {e:?}");
				}
			}
			for (pool_id, who, amount) in &self.stakes {
				// Genesis stakes need no warm-up: no cover was sold before them.
				if let Err(e) = Pallet::<T>::do_stake(who, *pool_id, *amount, Zero::zero(), false) {
					panic!("genesis stake of {amount:?} into pool {pool_id} failed: {e:?}");
				}
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::BlocksPerYear::get().is_zero(), "BlocksPerYear must be above zero");
			assert!(
				!T::ExpiryBucketLength::get().is_zero(),
				"ExpiryBucketLength must be above zero"
			);
			assert!(T::MaxExpiryBucketsPerCall::get() > 0, "MaxExpiryBucketsPerCall must be > 0");
			assert!(
				!T::ClaimDecisionPeriod::get().is_zero(),
				"ClaimDecisionPeriod must be above zero"
			);
			assert!(!T::FreezePeriod::get().is_zero(), "FreezePeriod must be above zero");
			assert!(
				T::MaxClaimDeposit::get() >= T::ClaimDeposit::get(),
				"MaxClaimDeposit must be at least ClaimDeposit"
			);
			assert!(
				T::AppealDepositMultiplier::get() >= 2,
				"AppealDepositMultiplier must be at least 2"
			);
			assert!(
				T::AppealPeriod::get().is_zero() || !T::AppealDecisionPeriod::get().is_zero(),
				"AppealDecisionPeriod must be above zero when appeals are open"
			);
			assert!(
				!T::IncidentRedemptionPeriod::get().is_zero(),
				"IncidentRedemptionPeriod must be above zero"
			);
			assert!(
				T::IncidentRedemptionPeriod::get() <= T::LargeClaimWindow::get(),
				"LargeClaimWindow must be at least IncidentRedemptionPeriod: an incident's reserve \
				 counts against the large-claim threshold for as long as it can be paid"
			);
			// Pool accounts are sub-accounts of `PalletId`, truncated to the account id's length:
			// with fewer than 16 bytes, every pool would share one account and one pool's
			// payouts could spend another's capital.
			assert!(
				Self::pool_account(0) != Self::pool_account(PoolId::MAX),
				"AccountId must be long enough (16 bytes) for every pool to have its own account"
			);
		}

		/// Roll lagging expiry buckets of pools and products, round robin, in spare block weight.
		fn on_idle(_n: BlockNumberFor<T>, remaining_weight: Weight) -> Weight {
			Self::idle_roll(remaining_weight)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a pool with `params`; it gets the next pool id.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_pool())]
		pub fn create_pool(origin: OriginFor<T>, params: PoolParamsOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_create_pool(params).map(|_| ())
		}

		/// Replace a pool's parameters, within the `bounds`. Covers already sold keep their
		/// terms, and a lower capacity must still back the active cover and pending claims, and
		/// every product's share of them, with the bonded capital alone, as a request to leave
		/// must (`UpdateUnbacksCover`): no unbonding staker is locked behind cover sold before. Unbonding already started keeps its `unlock_at`. The asset changes only while the pool holds nothing (`AssetInUse`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_pool())]
		pub fn update_pool(
			origin: OriginFor<T>,
			pool_id: PoolId,
			params: PoolParamsOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_update_pool(pool_id, params)
		}

		/// Create a product backed by `pool_id`; it gets the next product id.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::create_product(params.metadata.len() as u32))]
		pub fn create_product(
			origin: OriginFor<T>,
			pool_id: PoolId,
			params: ProductParamsOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_create_product(pool_id, params).map(|_| ())
		}

		/// Replace a product's parameters, within the `bounds`. Covers already sold keep their
		/// terms: period, claim window and premium are fixed at sale. A lower capacity share must
		/// still hold the product's active cover within the bonded capacity
		/// (`UpdateUnbacksCover`).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::update_product(params.metadata.len() as u32))]
		pub fn update_product(
			origin: OriginFor<T>,
			product_id: ProductId,
			params: ProductParamsOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_update_product(product_id, params)
		}

		/// Move `amount` into the pool and receive shares at the current share price, rounded
		/// down, at least `min_shares` (else `TooFewShares`: the price moved since the staker
		/// looked). The staker must hold at least the pool's `min_stake` in shares afterwards.
		/// The first stake into a pool also pays the pool account's minimum balance of its asset.
		/// Not into a depleted pool (`PoolDepleted`), nor into one that a payout or a claim left
		/// unable to back its cover and pending claims (`PoolUnbacked`): the staker would pay
		/// for a loss that came first. The stake earns and bears losses at once, but sells and
		/// prices cover only after its warm-up (`StakeWarmup`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::stake())]
		pub fn stake(
			origin: OriginFor<T>,
			pool_id: PoolId,
			amount: BalanceOf<T>,
			min_shares: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_stake(&who, pool_id, amount, min_shares, true)
		}

		/// Start unbonding `shares` (bonded ones): their value at the bonded share price becomes
		/// unbonding shares, which stay in the pool bearing losses but earn no premium, until
		/// `withdraw` after the pool's unbonding period. A new request adds to the unbonding
		/// shares and restarts the period. What stays bonded must be nothing or at least the
		/// pool's `min_stake` in shares (`SharesBelowMinimum`). Unbonding capital sells no new
		/// cover and is never what backs the cover sold: a request that would leave the bonded
		/// capacity below the active cover and pending claims, or a product above its share of
		/// it, fails (`InsufficientFreeCapital`), and the staker waits bonded, earning, until
		/// enough cover has run off. `rebond` takes an unlocked request back.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::request_unstake())]
		pub fn request_unstake(
			origin: OriginFor<T>,
			pool_id: PoolId,
			shares: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_unstake(&who, pool_id, shares)
		}

		/// Burn the unbonded shares and receive their value at the unbonding share price
		/// `unbonding_capital / unbonding_shares`, if what remains still backs the pool's active
		/// cover and pending claims and keeps every product within its `max_capacity_share` of
		/// the capacity (`InsufficientFreeCapital`). It rolls the pool's due expiry buckets, not
		/// the products': cover that ended in a product bucket not yet rolled still counts
		/// against the product's share, so batch `roll_expiries` for the product first if
		/// `on_idle` has not. Not while the pool is frozen (`PoolFrozen`).
		///
		/// While claims or incident reserves on the pool are pending, the staker's share of them,
		/// `value * pending_claims / capital` rounded up, is held back (see [`Hold`]): it bears
		/// the staker's share of what the pool pays out until everything pending now is decided,
		/// and `release_hold` pays the rest once due, at the latest `hold_period` blocks from
		/// now; the withdrawal pays everything else at once. One hold per staker and pool: a
		/// withdrawal that would hold back while the previous hold is not released fails with
		/// `HoldOpen`. Fails with `WithdrawalBelowMinimum` if it would pay less than `min_amount`
		/// now. Shares that a payout made worthless (an ended era) are withdrawn for nothing, at
		/// any time.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw(T::MaxExpiryBucketsPerCall::get()))]
		pub fn withdraw(
			origin: OriginFor<T>,
			pool_id: PoolId,
			min_amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let rolled = Self::do_withdraw(&who, pool_id, min_amount)?;
			Ok(Some(T::WeightInfo::withdraw(rolled)).into())
		}

		/// Buy `amount` of cover on a product for `period` blocks, paying the premium of the
		/// utilization curve, at most `max_premium`. The cover starts after the product's
		/// activation delay, and claims may be filed until `claim_until`, its end plus the
		/// product's claim window: all terms are fixed at sale. The premium is charged for every
		/// block the cover may hold capacity (activation delay + `period` + claim window +
		/// `ExpiryBucketLength`), at the utilization of active cover plus pending claims. It goes
		/// to the pool account: its `fee` share is owed to the treasury (see `pay_fees`), the
		/// rest is earned by the pool's bonded shares block by block until the cover's expiry
		/// bucket rolls. At least the pool's `min_cover` (`CoverBelowMinimum`); not from a depleted pool
		/// (`PoolDepleted`). Capacity is the selling capacity, `(capital - unbonding_capital -
		/// stakes still warming up) * capacity_factor`: unbonding capital sells no cover, and a
		/// stake sells none before its warm-up (`StakeWarmup`), so that a stake made for one
		/// purchase cannot discount it.
		///
		/// The price and the capacity left come from the stored active cover: a purchase rolls
		/// no expiry bucket. Cover that ended in a bucket not yet rolled still counts, so a
		/// buyer who wants it freed first can batch `roll_expiries` before this call.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::buy_cover())]
		pub fn buy_cover(
			origin: OriginFor<T>,
			product_id: ProductId,
			amount: BalanceOf<T>,
			period: BlockNumberFor<T>,
			max_premium: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_buy_cover(&who, product_id, amount, period, max_premium)
		}

		/// Give a cover to `to`. Not while a claim on it is pending.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::transfer_cover())]
		pub fn transfer_cover(
			origin: OriginFor<T>,
			cover_id: CoverId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer_cover(&who, cover_id, to)
		}

		/// Claim up to `amount` on a cover, holding the claim deposit (which grows with
		/// `amount`, see `ClaimDeposit`). Only the owner, from the cover's start to its
		/// `claim_until` (its end plus the claim window it was sold with), one pending claim at a
		/// time. The claim must be decided within `ClaimDecisionPeriod`, or it lapses.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::submit_claim(evidence.len() as u32))]
		pub fn submit_claim(
			origin: OriginFor<T>,
			cover_id: CoverId,
			amount: BalanceOf<T>,
			evidence: EvidenceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_claim(&who, cover_id, amount, evidence)
		}

		/// Approve a claim: pay `payout` (at most the claimed amount) from the pool to the cover
		/// owner and release the deposit. `LargeClaimOrigin` is needed when the payout, added to
		/// everything already paid on the same cover, or to everything the pool paid or
		/// committed (incidents' reserves) in the last `LargeClaimWindow` blocks, passes the
		/// pool's large-claim threshold (`large_claim_threshold * capital`). If the pool's capital is short, what is there is paid and `PoolDepleted`
		/// reports the shortfall. Fails with `ClaimLapsed` once the decision period is over, and
		/// with `ClaimNotPending` once the claim was rejected.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::approve_claim())]
		pub fn approve_claim(
			origin: OriginFor<T>,
			claim_id: ClaimId,
			payout: BalanceOf<T>,
		) -> DispatchResult {
			let large_allowed = Self::ensure_claim_decider(origin)?;
			Self::do_approve_claim(claim_id, payout, large_allowed)
		}

		/// Reject a claim. The claimant may appeal for `AppealPeriod` blocks (`appeal_claim`);
		/// until the rejection is final (`close_claim`) the claimed amount stays counted in the
		/// pool's pending claims, and the deposit stays held. With no appeal period the rejection
		/// is final at once: the deposit is slashed (into a native pool, where the bonded shares
		/// earn it over the next full expiry bucket; from a pool in another asset, to the
		/// treasury).
		///
		/// Emits `ClaimRejected` (and `ClaimClosed` when final at once). Fails with
		/// `ClaimNotFound`, `ClaimNotPending`, or `ClaimLapsed` once the decision period is over.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::reject_claim())]
		pub fn reject_claim(origin: OriginFor<T>, claim_id: ClaimId) -> DispatchResult {
			T::ClaimDecisionOrigin::ensure_origin(origin)?;
			Self::do_reject_claim(claim_id)
		}

		/// Take ended cover out of a pool's or a product's active cover, rolling up to
		/// `MaxExpiryBucketsPerCall` due expiry buckets. Anyone may call it; `on_idle` does the
		/// same in spare block weight. Useful before a purchase, which rolls nothing itself, or
		/// when a long gap left more buckets due than one `withdraw` rolls.
		#[pallet::call_index(12)]
		#[pallet::weight(Pallet::<T>::roll_weight(*owner, T::MaxExpiryBucketsPerCall::get()))]
		pub fn roll_expiries(
			origin: OriginFor<T>,
			owner: ExpiryOwner,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let roll = Self::do_roll_expiries(owner)?;
			ensure!(roll.buckets > 0, Error::<T>::NothingToRoll);
			Self::deposit_event(Event::ExpiriesRolled {
				owner,
				through: roll.to,
				expired: roll.expired,
			});
			Ok(Some(Self::roll_weight(owner, roll.buckets)).into())
		}

		/// Pay the fees a pool owes (its `fee` share of the premiums sold since the last
		/// payment) from the pool account to `TreasuryAccount`. Anyone may call it.
		///
		/// `buy_cover` moves the whole premium to the pool account in one transfer and books
		/// the fee as owed, which keeps the treasury's account out of every purchase. Owed
		/// fees are never capital: they back no cover and no payout or withdrawal takes them.
		///
		/// Emits `FeesPaid`. Fails with `PoolNotFound`, or `NoFeesOwed` when nothing is owed.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::pay_fees())]
		pub fn pay_fees(origin: OriginFor<T>, pool_id: PoolId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_pay_fees(pool_id)
		}

		/// End a claim that was not decided within `ClaimDecisionPeriod`: the deposit goes back
		/// to the claimant, the claimed amount stops locking the pool's capital, and the cover
		/// may be claimed on again while its claim window is open. Anyone may call it, free of
		/// fees when it succeeds.
		///
		/// Emits `ClaimLapsed`. Fails with `ClaimNotFound`, `ClaimNotPending` for a rejected claim,
		/// or `ClaimNotLapsed` before the claim's `lapses_at`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::lapse_claim())]
		pub fn lapse_claim(origin: OriginFor<T>, claim_id: ClaimId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_lapse_claim(claim_id)?;
			Ok(Pays::No.into())
		}

		/// Freeze a pool's withdrawals for `FreezePeriod` blocks, when an incident is reported
		/// and before its claims are filed (pending claims hold withdrawals by themselves). The
		/// freeze ends by itself; a new one needs `FreezePeriod` blocks without a freeze first,
		/// so withdrawals are open at least half the time.
		///
		/// Emits `PoolFrozen`. Fails with `PoolNotFound` or `FreezeNotAllowed`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::freeze_pool())]
		pub fn freeze_pool(origin: OriginFor<T>, pool_id: PoolId) -> DispatchResult {
			T::ClaimDecisionOrigin::ensure_origin(origin)?;
			Self::do_freeze_pool(pool_id)
		}

		/// Reopen a pool that a payout emptied to stakes and cover sales. Only once every cover
		/// sold before has run off and no claim is pending: the unpaid part of the payout that
		/// emptied it (reported by `PoolDepleted`) and what short-paid redemptions are still owed
		/// (`Shortfalls`) are written off, and no new stake backs the covers that the pool could
		/// not pay.
		///
		/// Emits `PoolReopened` (after `ShortfallsWrittenOff` if anything was still owed). Fails with `PoolNotFound`, `PoolNotDepleted` or
		/// `CoverStillActive`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::reopen_pool())]
		pub fn reopen_pool(origin: OriginFor<T>, pool_id: PoolId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_reopen_pool(pool_id)
		}

		/// Remove a cover whose claim window has closed, with no claim pending, once its
		/// expiry bucket has been rolled for its pool and its product, and no open incident of its
		/// product could still pay it. Anyone may call it, free of fees when it succeeds.
		///
		/// Emits `CoverReaped`. Fails with `CoverNotFound`, `ClaimAlreadyPending`,
		/// `CoverNotExpired` or `CoverRedeemable`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::reap_cover())]
		pub fn reap_cover(origin: OriginFor<T>, cover_id: CoverId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_reap_cover(cover_id)?;
			Ok(Pays::No.into())
		}

		/// Turn all the caller's unbonding shares in a pool back into bonded shares, at the
		/// current values of both classes: the request to leave is taken back, and the shares
		/// earn premiums again from this block. Only once they are unlocked (`StillUnbonding`):
		/// a request to leave holds for the unbonding period, so that asking to leave in front
		/// of a purchase (which lowers the bonded capacity it is priced and limited by) is not
		/// free. For a staker whose withdrawal waits on pending claims or a freeze, it is the way
		/// to earn again. It rolls the pool's due expiry buckets first, as `withdraw` does. The
		/// staker must then hold at least the pool's `min_stake` in bonded shares. The rebonded
		/// value warms up as a new stake does (`StakeWarmup`) before it sells cover.
		///
		/// Emits `Rebonded`. Fails with `PoolNotFound`, `NotStaker`, `NothingUnbonding`,
		/// `StillUnbonding`, `ZeroShares`, `SharesBelowMinimum` or `Overflow`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::rebond(T::MaxExpiryBucketsPerCall::get()))]
		pub fn rebond(origin: OriginFor<T>, pool_id: PoolId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let rolled = Self::do_rebond(&who, pool_id)?;
			Ok(Some(T::WeightInfo::rebond(rolled)).into())
		}

		/// Declare an incident on a product: it happened at block `occurred_at` (before this
		/// one), and every cover of the product in force then (`start <= occurred_at <= end`)
		/// whose claim window was still open at this block may be redeemed by anyone on its
		/// owner's behalf (`redeem_cover`) for `ratio` of what it has left (its amount less what
		/// claims and incidents paid on it before), without a vote, for
		/// `IncidentRedemptionPeriod` blocks. Cover bought after `occurred_at` is not paid.
		///
		/// The incident reserves `ratio` of the product's active cover, at least what it can pay:
		/// it counts as a pending claim of the pool, so a withdrawal holds back the leaver's
		/// share of it (see [`Hold`]) and no cover is sold
		/// against it until the incident closes (`close_incident`). The whole reserve counts in
		/// the pool's large-claim window at once: `LargeClaimOrigin` is needed when it, added to
		/// what the pool paid or committed in the last `LargeClaimWindow` blocks (the reserves
		/// of incidents declared before it among them), passes the pool's large-claim threshold.
		///
		/// Emits `IncidentDeclared`. Fails with `ProductNotFound`, `IncidentInFuture`,
		/// `ZeroRatio`, `TooManyIncidents`, `RequiresLargeClaimOrigin` or `Overflow`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::declare_incident(evidence.len() as u32))]
		pub fn declare_incident(
			origin: OriginFor<T>,
			product_id: ProductId,
			occurred_at: BlockNumberFor<T>,
			ratio: Perbill,
			evidence: EvidenceOf<T>,
		) -> DispatchResult {
			let large_allowed = Self::ensure_claim_decider(origin)?;
			Self::do_declare_incident(product_id, occurred_at, ratio, evidence, large_allowed)
				.map(|_| ())
		}

		/// Pay a cover hit by an incident: `ratio` of what it has left, from the pool's reserve
		/// for the incident to its owner, once per incident. Anyone may call it for the owner. O(1).
		/// Not while a claim on the cover is pending (`ClaimAlreadyPending`): the claim is
		/// decided first, and the redemption pays what the cover has left after it.
		///
		/// A short pool (its open incidents reserve more than its capital and held withdrawals)
		/// pays every redemption the same fraction of what it is owed, the pool's redemption rate
		/// (see [`IncidentBook`]), whoever redeems first; the rest is booked in `Shortfalls`, and
		/// `top_up` pays it up to the rate as the rate rises.
		///
		/// Emits `CoverRedeemed` (and `RedemptionShortPaid` in a short pool). Fails with `IncidentNotFound`, `RedemptionClosed`,
		/// `CoverNotFound`, `CoverNotAffected`, `AlreadyRedeemed`, `ClaimAlreadyPending` or
		/// `NothingToRedeem`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::redeem_cover())]
		pub fn redeem_cover(
			origin: OriginFor<T>,
			incident_id: IncidentId,
			cover_id: CoverId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_redeem_cover(incident_id, cover_id)
		}

		/// Close an incident whose redemption period is over: what it still reserves stops
		/// counting as pending, so withdrawals and sales go on, and the covers it hit may be
		/// reaped. Anyone may call it, free of fees when it succeeds.
		///
		/// Emits `IncidentClosed`. Fails with `IncidentNotFound` or `RedemptionOpen`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::close_incident())]
		pub fn close_incident(
			origin: OriginFor<T>,
			incident_id: IncidentId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_close_incident(incident_id)?;
			Ok(Pays::No.into())
		}

		/// Appeal a rejected claim, within its appeal window, holding the appeal deposit
		/// (`AppealDepositMultiplier` times the claim's deposit), and submit the appeal's own
		/// referendum (`Config::Appeals`; the claimant pays its deposits too): the call
		/// `uphold_appeal(claim_id)`, paying the amount claimed, enacted as soon as it passes.
		/// Only that referendum decides the claim, and the claim ends when it does: approved, the
		/// claim is paid and both deposits come back; ended otherwise, both are slashed into the
		/// pool (`close_claim`). The claimed amount stays counted in the pool's pending claims
		/// until then.
		///
		/// Emits `ClaimAppealed`. Fails with `ClaimNotFound`, `NotClaimant`,
		/// `ClaimNotRejected`, `AppealWindowClosed`, a balance error if a deposit cannot be held,
		/// or the referenda's error if the referendum cannot be submitted.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::appeal_claim())]
		pub fn appeal_claim(origin: OriginFor<T>, claim_id: ClaimId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_appeal_claim(&who, claim_id)
		}

		/// Uphold an appeal whose own referendum is approved (the referendum's call): pay the
		/// amount claimed as `approve_claim` would, and release both deposits. The token holders
		/// decided, so no large-claim threshold applies; the payout counts in the pool's
		/// large-claim window. A referendum other than the appeal's cannot uphold it.
		///
		/// Emits `AppealUpheld` (and `PoolDepleted` on a shortfall). Fails with
		/// `ClaimNotFound`, `ClaimNotAppealed` or `AppealNotApproved`.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::uphold_appeal())]
		pub fn uphold_appeal(origin: OriginFor<T>, claim_id: ClaimId) -> DispatchResult {
			T::AppealOrigin::ensure_origin(origin)?;
			Self::do_uphold_appeal(claim_id)
		}

		/// Close a claim whose rejection or appeal has ended: once a rejected claim's appeal
		/// window is over without an appeal, or an appeal's referendum has ended. If the
		/// referendum was approved (and its call did not run), the appeal is upheld as
		/// `uphold_appeal` would; otherwise the rejection is final: the deposits held (the
		/// claim's, and the appeal's if any) are slashed into the pool, where the bonded shares
		/// earn them over the next full expiry bucket, the claimed amount stops counting as
		/// pending and the cover may be claimed on again while its window is open. Anyone may
		/// call it, free of fees when it succeeds.
		///
		/// Emits `ClaimClosed` (or `AppealUpheld`). Fails with `ClaimNotFound` or `ClaimNotClosable`.
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::close_claim().max(T::WeightInfo::uphold_appeal()))]
		pub fn close_claim(origin: OriginFor<T>, claim_id: ClaimId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_close_claim(claim_id)?;
			Ok(Pays::No.into())
		}

		/// Release the hold of `who` in a pool (see [`Hold`]), once due: when nothing on the
		/// pool is pending any more, or from its `due_at`. The hold is charged `who`'s share of
		/// what the pool paid out while it was held (its withdrawn value over the pool's capital
		/// at the withdrawal), at most what it is worth; the charge goes back to the capital of
		/// the stakers who bore those payouts, the rest to `who`. Anyone may release a due hold:
		/// it bears payouts until released.
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::release_hold())]
		pub fn release_hold(
			origin: OriginFor<T>,
			who: T::AccountId,
			pool_id: PoolId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_release_hold(&who, pool_id)
		}

		/// Pay a short-paid redemption (see `redeem_cover`) up to its pool's redemption rate now:
		/// `rate * owed - paid`, to the cover's owner at the redemption. The rate rises when an
		/// incident closes with its reserve unspent (it reserved for covers that were not
		/// redeemed or not hit) and as premiums are earned, never by a top-up: topping up early
		/// or late changes no one's share. Anyone may call it for the owner. A shortfall written
		/// off by `reopen_pool` is removed and pays nothing.
		///
		/// Emits `ShortfallToppedUp` (or `ShortfallRemoved`). Fails with `NoShortfall` or
		/// `NothingToTopUp`.
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::top_up())]
		pub fn top_up(
			origin: OriginFor<T>,
			incident_id: IncidentId,
			cover_id: CoverId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_top_up(incident_id, cover_id)
		}
	}
}
