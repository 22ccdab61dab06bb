//! # Mutual Pool runtime-common
//!
//! What the runtimes of the chain share, so that the mutual pool, the claims council, its
//! membership, the referenda on appeals and their origins are configured once: the solo runtime
//! (`runtime/`) and the parachain runtime (`runtime-para/`) use it.
//!
//! The orphan rule forbids `impl pallet_x::Config for Runtime` outside the crate that defines
//! `Runtime`, so this crate holds everything that is not such an impl:
//!
//! - [`primitives`]: `AccountId`, `Balance`, `BlockNumber`, ...;
//! - [`currency`] and [`time`]: `UNIT`, `EXISTENTIAL_DEPOSIT`, `MINUTES` .. `YEARS` (6 s blocks);
//! - [`council`]: the council instance, the origins (`RootOrCouncilTwoThirds`,
//!   `RootOrCouncilMajority`), `AbstentionsAreNays`, the council's constants and
//!   [`council::HalfOfMaxBlock`] (its `MaxProposalWeight`, from each runtime's block weights);
//! - [`mutual_pool`]: the pallet's constants and accounts (`PalletId`s, treasury, deposits,
//!   windows);
//! - [`appeals`] and [`pallet_claim_appeals`]: the claim-appeals referendum track, its
//!   `ClaimAppeals` origin (a pallet of one origin) and the constants of the referenda pallets;
//! - [`genesis`]: the demo pool, products, council and accounts of the dev presets;
//! - [`impl_council_and_mutual_pool!`]: a macro that each runtime invokes once; it expands, in
//!   the runtime crate, to the three `impl Config` blocks (collective, membership, mutual pool),
//!   so that their bodies are written once, here; [`impl_claim_appeals!`] does the same for
//!   preimage, scheduler, referenda, conviction voting and the appeals origin.
//!
//! What stays per runtime: `frame_system`, consensus, balances and fees, the transaction
//! extensions, `RuntimeBlockWeights`, the runtime APIs and the consensus part of the presets.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

// Re-exports used by `impl_council_and_mutual_pool!`, so that the macro's paths resolve in the
// runtime crates whatever they name these dependencies.
#[doc(hidden)]
pub use frame_support as __frame_support;
#[doc(hidden)]
pub use frame_system as __frame_system;
#[doc(hidden)]
pub use pallet_collective as __pallet_collective;
#[doc(hidden)]
pub use pallet_conviction_voting as __pallet_conviction_voting;
#[doc(hidden)]
pub use pallet_membership as __pallet_membership;
#[doc(hidden)]
pub use pallet_mutual_pool as __pallet_mutual_pool;
#[doc(hidden)]
pub use pallet_preimage as __pallet_preimage;
#[doc(hidden)]
pub use pallet_referenda as __pallet_referenda;
#[doc(hidden)]
pub use pallet_scheduler as __pallet_scheduler;
#[doc(hidden)]
pub use sp_runtime as __sp_runtime;

/// Types both runtimes share.
pub mod primitives {
	use sp_runtime::{
		traits::{BlakeTwo256, IdentifyAccount, Verify},
		MultiAddress, MultiSignature,
	};

	/// A transaction signature.
	pub type Signature = MultiSignature;
	/// An account id: the public key of the signing scheme.
	pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
	/// An account balance.
	pub type Balance = u128;
	/// The index of a transaction of an account.
	pub type Nonce = u32;
	/// A hash.
	pub type Hash = sp_core::H256;
	/// A block number. `u32`: polkadot-omni-node requires it of a parachain runtime.
	pub type BlockNumber = u32;
	/// The address format of calls.
	pub type Address = MultiAddress<AccountId, ()>;
	/// The block header.
	pub type Header = sp_runtime::generic::Header<BlockNumber, BlakeTwo256>;
}

/// The MUT token.
pub mod currency {
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
}

/// Block-count units. Both runtimes produce a block every 6 s: the solo chain's Aura slot, and the
/// parachain template's `MILLI_SECS_PER_BLOCK` (async backing, velocity 1, 6 s relay slots).
///
/// Every period below is counted in the chain's *own* block numbers (`frame_system`), never in
/// relay-chain blocks. On the parachain, a missed relay slot means a longer wall-clock period; in
/// the relay-less dev mode (manual seal) a block is made every `--dev-block-time`, so an "hour"
/// lasts 600 dev blocks whatever their pace.
///
/// A runtime with another block time needs its own units: the pallet's `BlocksPerYear` and its
/// windows are counted in blocks.
pub mod time {
	use super::primitives::BlockNumber;

	/// Milliseconds per block: blocks are produced every 6 s.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
	/// The Aura slot duration. It cannot be changed once the chain runs.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
	/// Blocks per minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;
	/// Blocks per (365-day) year: 5_256_000.
	pub const YEARS: BlockNumber = DAYS * 365;
}

/// The claims council and the origins it grants.
pub mod council {
	use super::{primitives::AccountId, time::MINUTES};
	use core::marker::PhantomData;
	use frame_support::{
		parameter_types,
		traits::{EitherOfDiverse, Get},
		weights::Weight,
	};
	use frame_system::{limits::BlockWeights, EnsureRoot};
	use pallet_collective::{DefaultVote, MemberCount};
	use sp_runtime::Perbill;

	/// The council's instance of `pallet-collective` and `pallet-membership`.
	pub type CouncilInstance = pallet_collective::Instance1;

	/// Root, or at least two thirds of the council.
	pub type RootOrCouncilTwoThirds = EitherOfDiverse<
		EnsureRoot<AccountId>,
		pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 2, 3>,
	>;

	/// Root, or more than half of the council.
	pub type RootOrCouncilMajority = EitherOfDiverse<
		EnsureRoot<AccountId>,
		pallet_collective::EnsureProportionMoreThan<AccountId, CouncilInstance, 1, 2>,
	>;

	/// Members who did not vote when a motion is closed count as nays, whatever the prime voted.
	///
	/// `PrimeDefaultVote` would make abstentions follow the prime's vote and
	/// `MoreThanMajorityThenPrimeDefaultVote` would make them ayes once a majority voted aye; a
	/// motion of this council only passes with the ayes it actually got.
	pub struct AbstentionsAreNays;

	impl DefaultVote for AbstentionsAreNays {
		fn default_vote(
			_prime_vote: Option<bool>,
			_yes_votes: MemberCount,
			_no_votes: MemberCount,
			_len: MemberCount,
		) -> bool {
			false
		}
	}

	parameter_types! {
		/// Motions are open for 5 minutes (50 blocks of 6 s).
		pub const CouncilMotionDuration: crate::primitives::BlockNumber = 5 * MINUTES;
		/// Open motions at most.
		pub const CouncilMaxProposals: u32 = 100;
		/// Council members at most.
		pub const CouncilMaxMembers: u32 = 100;
	}

	/// Half of the `max_block` of the runtime's `BlockWeights` `W`: a motion's call may use at
	/// most half of a block. Generic because each runtime has its own `RuntimeBlockWeights`
	/// (solo: 2 s ref time and unlimited proof size; parachain: 2 s and `MAX_POV_SIZE`).
	pub struct HalfOfMaxBlock<W>(PhantomData<W>);

	impl<W: Get<BlockWeights>> Get<Weight> for HalfOfMaxBlock<W> {
		fn get() -> Weight {
			Perbill::from_percent(50) * W::get().max_block
		}
	}
}

/// The mutual pool's constants and accounts.
pub mod mutual_pool {
	use super::{
		currency::UNIT,
		primitives::{AccountId, Balance, BlockNumber},
		time::{DAYS, HOURS, MINUTES, YEARS},
	};
	use frame_support::{parameter_types, PalletId};
	use sp_runtime::{traits::AccountIdConversion, Perbill};

	parameter_types! {
		/// Derives the pool accounts.
		pub const MutualPoolPalletId: PalletId = PalletId(*b"mut/pool");
		/// Derives the treasury account.
		pub const TreasuryPalletId: PalletId = PalletId(*b"mut/trsy");
		/// Receives the fee share of every premium.
		pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
		/// Held from every claimant until the claim is decided: at least 10 MUT...
		pub const ClaimDeposit: Balance = 10 * UNIT;
		/// ...plus 0.1% of the amount claimed...
		pub const ClaimDepositRate: Perbill = Perbill::from_parts(1_000_000);
		/// ...and at most 10,000 MUT.
		pub const MaxClaimDeposit: Balance = 10_000 * UNIT;
		/// The council has an hour (600 blocks of 6 s) to decide a claim.
		pub const ClaimDecisionPeriod: BlockNumber = HOURS;
		/// Payouts, upheld appeals and incidents' reserves are summed over a sliding day (14_400
		/// blocks) against a pool's large-claim threshold.
		pub const LargeClaimWindow: BlockNumber = DAYS;
		/// The smallest cover one purchase buys: 10 MUT.
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

	/// Upholds appeals: a referendum on the claim-appeals track, or Root.
	pub type AppealOrigin = crate::appeals::RootOrClaimAppeals;

	/// The treasury account: the account of `PalletId(*b"mut/trsy")`.
	pub fn treasury_account() -> AccountId {
		TreasuryAccount::get()
	}
}

/// The origin of the claim-appeals referendum track: a pallet of one origin and nothing else
/// (no calls, storage or events), which each runtime adds as `Appeals`. A referendum on the
/// track dispatches its call with `Origin::ClaimAppeals`; `pallet-mutual-pool`'s
/// `uphold_appeal` is the only call that needs it ([`appeals::RootOrClaimAppeals`]). Calls that
/// take any origin accept it too and do nothing with it: `System::remark`, and `Utility`'s
/// batches, which dispatch their calls with it (a referendum may uphold several appeals).
#[frame_support::pallet]
pub mod pallet_claim_appeals {
	use frame_support::pallet_prelude::*;

	/// The pallet needs nothing of the runtime.
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// The pallet.
	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origins this pallet adds to the runtime.
	#[derive(
		PartialEq, Eq, Clone, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// Token holders passed a referendum on the claim-appeals track.
		ClaimAppeals,
	}
}

/// Appeals of rejected claims to token holders: the `ClaimAppeals` origin, its referendum track
/// and the constants of the pallets that run the referendum (`pallet-preimage`,
/// `pallet-scheduler`, `pallet-referenda`, `pallet-conviction-voting`), whose `impl Config`
/// blocks [`impl_claim_appeals!`] expands in each runtime.
///
/// The path of an appeal: the council rejects a claim; within `AppealPeriod` the claimant calls
/// `MutualPool::appeal_claim` (a larger deposit), which submits the appeal's own referendum on
/// the claim-appeals track, proposal `MutualPool::uphold_appeal(claim_id)`, and places its
/// decision deposit, both paid by the claimant ([`ClaimAppealReferenda`]); token holders vote
/// with conviction; if the referendum passes, the scheduler dispatches `uphold_appeal` with the
/// `ClaimAppeals` origin, which pays the amount claimed (or anyone's `close_claim` does, if the
/// call did not run). If the referendum ends otherwise (rejected, timed out, cancelled, killed),
/// anyone may `close_claim`: the deposits are slashed into the pool. No other referendum can
/// uphold the claim, and no block ends the appeal but its referendum's end.
///
/// The track's periods are runtime constants, not genesis values: `pallet-referenda` lists the
/// tracks in the metadata, and the metadata (and the hash of it that `CheckMetadataHash`
/// signs) must not depend on the chain's state. They are the dev chain's: prepare and confirm
/// take 30 seconds each, so that an appeal is decided in about a minute once enough votes are
/// in; a chain holding real money lengthens them (docs/runtime.md).
pub mod appeals {
	use super::{
		currency::UNIT,
		pallet_claim_appeals::Origin,
		primitives::{AccountId, Balance, BlockNumber},
		time::{DAYS, HOURS, MINUTES},
	};
	use alloc::borrow::Cow;
	use alloc::boxed::Box;
	use core::marker::PhantomData;
	use frame_support::traits::{schedule::DispatchTime, StorePreimage};
	use frame_support::{
		parameter_types,
		traits::{EitherOfDiverse, EnsureOrigin},
	};
	use frame_system::EnsureRoot;
	use pallet_mutual_pool::AppealStatus;
	use pallet_referenda::{Curve, ReferendumInfo, Track, TrackInfo, TracksInfo};
	use sp_runtime::{traits::Zero, DispatchError, Perbill};

	/// The id of the claim-appeals track, the only track of the runtimes.
	pub const CLAIM_APPEALS_TRACK: u16 = 0;

	/// Referenda on the track being decided at once; more wait in the track's queue, ordered by
	/// their conviction-weighted ayes. Each referendum concerns one claim, so the track has room
	/// for many: keeping a genuine appeal out of it takes 500 junk referenda being decided
	/// (55 000 MUT of deposits held, 5 000 MUT of submission deposits lost per decision period;
	/// docs/economics.md, attack 28).
	pub const MAX_DECIDING: u32 = 500;
	/// The decision deposit of a referendum on the track: 100 MUT, refunded when it ends, passed
	/// or not, by `Referenda::refund_decision_deposit` (anyone may call it).
	pub const DECISION_DEPOSIT: Balance = 100 * UNIT;
	/// A referendum is open 5 blocks (30 s) before it can be decided.
	pub const PREPARE_PERIOD: BlockNumber = MINUTES / 2;
	/// A referendum being decided is rejected if it has not started confirming within two hours
	/// (1_200 blocks).
	pub const DECISION_PERIOD: BlockNumber = 2 * HOURS;
	/// A referendum passes after it has met both curves for 5 blocks (30 s) in a row.
	pub const CONFIRM_PERIOD: BlockNumber = MINUTES / 2;
	/// A passed referendum's call is dispatched at least 1 block later: an odd number of blocks,
	/// so that it falls between two alarms ([`AlarmInterval`]).
	pub const MIN_ENACTMENT_PERIOD: BlockNumber = 1;
	/// See [`AlarmInterval`].
	pub const ALARM_INTERVAL: BlockNumber = 2;
	/// A referendum whose decision deposit is not placed within half an hour (300 blocks) of its
	/// submission times out (`pallet-referenda`'s `UndecidingTimeout`).
	pub const UNDECIDING_TIMEOUT: BlockNumber = 30 * MINUTES;

	/// The approval a referendum needs: all of the conviction-weighted votes at the start of
	/// the decision period, falling linearly to a simple majority at its end.
	pub const MIN_APPROVAL: Curve = Curve::LinearDecreasing {
		length: Perbill::from_percent(100),
		floor: Perbill::from_percent(50),
		ceil: Perbill::from_percent(100),
	};
	/// The support a referendum needs (aye votes without conviction, as a share of the active
	/// issuance): 5% at the start of the decision period, falling linearly to 1% at its end.
	pub const MIN_SUPPORT: Curve = Curve::LinearDecreasing {
		length: Perbill::from_percent(100),
		floor: Perbill::from_percent(1),
		ceil: Perbill::from_percent(5),
	};

	/// A track name: `name` padded with zeros to `pallet-referenda`'s 25 bytes.
	const fn track_name(name: &str) -> [u8; 25] {
		let bytes = name.as_bytes();
		let mut out = [0u8; 25];
		let mut i = 0;
		while i < bytes.len() {
			out[i] = bytes[i];
			i += 1;
		}
		out
	}

	/// The tracks of the runtimes: the claim-appeals track only.
	static TRACKS: [Track<u16, Balance, BlockNumber>; 1] = [Track {
		id: CLAIM_APPEALS_TRACK,
		info: TrackInfo {
			name: track_name("claim_appeals"),
			max_deciding: MAX_DECIDING,
			decision_deposit: DECISION_DEPOSIT,
			prepare_period: PREPARE_PERIOD,
			decision_period: DECISION_PERIOD,
			confirm_period: CONFIRM_PERIOD,
			min_enactment_period: MIN_ENACTMENT_PERIOD,
			min_approval: MIN_APPROVAL,
			min_support: MIN_SUPPORT,
		},
	}];

	/// `pallet-referenda`'s `TracksInfo`: the claim-appeals track, for the `ClaimAppeals` origin
	/// and no other. `O` is the runtime's `OriginCaller`; a referendum with any other proposal
	/// origin (Root among them) has no track and cannot be submitted.
	pub struct AppealTracks<O>(PhantomData<O>);

	impl<O> TracksInfo<Balance, BlockNumber> for AppealTracks<O>
	where
		O: Clone + TryInto<Origin>,
	{
		type Id = u16;
		type RuntimeOrigin = O;

		fn tracks() -> impl Iterator<Item = Cow<'static, Track<u16, Balance, BlockNumber>>> {
			TRACKS.iter().map(Cow::Borrowed)
		}

		fn track_for(origin: &O) -> Result<u16, ()> {
			match origin.clone().try_into() {
				Ok(Origin::ClaimAppeals) => Ok(CLAIM_APPEALS_TRACK),
				Err(_) => Err(()),
			}
		}
	}

	/// Succeeds for the `ClaimAppeals` origin (a referendum on the track passed).
	pub struct EnsureClaimAppeals;

	impl<O> EnsureOrigin<O> for EnsureClaimAppeals
	where
		O: Into<Result<Origin, O>> + From<Origin>,
	{
		type Success = ();

		fn try_origin(o: O) -> Result<(), O> {
			o.into().map(|Origin::ClaimAppeals| ())
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn try_successful_origin() -> Result<O, ()> {
			Ok(O::from(Origin::ClaimAppeals))
		}
	}

	/// Root, or a referendum on the claim-appeals track: the mutual pool's `AppealOrigin`.
	pub type RootOrClaimAppeals = EitherOfDiverse<EnsureRoot<AccountId>, EnsureClaimAppeals>;

	parameter_types! {
		/// Held from whoever submits a referendum: 10 MUT. `Referenda::refund_submission_deposit`
		/// returns it once the referendum passed or was cancelled; a referendum that is rejected
		/// or times out keeps it reserved for good (`pallet-referenda`'s rule).
		pub const SubmissionDeposit: Balance = 10 * UNIT;
		/// Referenda waiting on the track's queue at most.
		pub const MaxQueued: u32 = 100;
		/// See [`UNDECIDING_TIMEOUT`].
		pub const UndecidingTimeout: BlockNumber = UNDECIDING_TIMEOUT;
		/// Referenda are serviced at even blocks only (an alarm is rounded up to a multiple of
		/// 2), so a passed referendum, approved at an even block, has its call dispatched at an
		/// odd one (`MIN_ENACTMENT_PERIOD` after): no referendum's alarm shares that block's
		/// agenda, and junk referenda cannot fill it to make the enactment fail
		/// (`pallet-referenda` drops a call whose block's agenda is full).
		pub const AlarmInterval: BlockNumber = ALARM_INTERVAL;
		/// Votes of one account at most (one per referendum).
		pub const MaxVotes: u32 = 512;
		/// A vote on the winning side with conviction `Locked<n>x` locks its balance 2^(n-1)
		/// days (1 to 32) after the referendum ends (`None`: not locked, a tenth of the vote).
		pub const VoteLockingPeriod: BlockNumber = DAYS;
		/// Scheduled calls per block at most: 200, four times Polkadot's, so that filling one
		/// block's agenda (the enactment of an appeal's referendum in it fails) takes 200 passed
		/// referenda, on top of [`AlarmInterval`] keeping alarms off enactment blocks.
		pub const MaxScheduledPerBlock: u32 = 200;
		/// A preimage holds 1 MUT...
		pub const PreimageBaseDeposit: Balance = UNIT;
		/// ...plus 1 milli-MUT per byte.
		pub const PreimageByteDeposit: Balance = crate::currency::MILLI_UNIT;
	}

	/// The longest a referendum on the track takes from its submission to the dispatch of its
	/// call, unless the track's queue is full: its decision deposit placed at the latest
	/// (`UndecidingTimeout`, after the prepare period), the whole decision period, a
	/// confirmation begun at its last block, and the enactment delay; each of the three alarms
	/// (end of waiting, of deciding, of confirming) may be rounded up by `ALARM_INTERVAL - 1`.
	/// `AppealDecisionPeriod` must leave time beyond it to submit the referendum (a runtime test
	/// checks it).
	pub const fn longest_referendum() -> BlockNumber {
		let waiting =
			if PREPARE_PERIOD > UNDECIDING_TIMEOUT { PREPARE_PERIOD } else { UNDECIDING_TIMEOUT };
		waiting + DECISION_PERIOD + CONFIRM_PERIOD + MIN_ENACTMENT_PERIOD + 3 * (ALARM_INTERVAL - 1)
	}

	/// The mutual pool's `Config::Appeals`: an appeal's own referendum on the claim-appeals
	/// track. `appeal_claim` submits it with the claimant as submitter, who pays the submission
	/// and the decision deposits (`SubmissionDeposit`, [`DECISION_DEPOSIT`]; the claimant gets
	/// them back with `Referenda::refund_*` as `pallet-referenda` allows); its proposal is
	/// `MutualPool::uphold_appeal(claim_id)`, inlined (no preimage), dispatched with the
	/// `ClaimAppeals` origin as soon as the track allows (`After(0)`: the enactment period,
	/// [`MIN_ENACTMENT_PERIOD`]). Nobody but the claimant chooses the call, and the pallet pays
	/// only on this referendum's approval.
	pub struct ClaimAppealReferenda<R>(PhantomData<R>);

	impl<R> pallet_mutual_pool::AppealReferenda<AccountId> for ClaimAppealReferenda<R>
	where
		R: pallet_referenda::Config + pallet_mutual_pool::Config<AccountId = AccountId>,
		<R as pallet_referenda::Config>::RuntimeCall: From<pallet_mutual_pool::Call<R>>,
		pallet_referenda::PalletsOriginOf<R>: From<Origin>,
	{
		fn submit(
			who: &AccountId,
			claim_id: pallet_mutual_pool::ClaimId,
		) -> Result<pallet_mutual_pool::ReferendumIndex, DispatchError> {
			let index = pallet_referenda::ReferendumCount::<R>::get();
			let call: <R as pallet_referenda::Config>::RuntimeCall =
				pallet_mutual_pool::Call::<R>::uphold_appeal { claim_id }.into();
			let proposal = <R as pallet_referenda::Config>::Preimages::bound(call)?;
			let signed = || frame_system::RawOrigin::Signed(who.clone()).into();
			pallet_referenda::Pallet::<R>::submit(
				signed(),
				Box::new(Origin::ClaimAppeals.into()),
				proposal,
				DispatchTime::After(Zero::zero()),
			)?;
			pallet_referenda::Pallet::<R>::place_decision_deposit(signed(), index)
				.map_err(|e| e.error)?;
			Ok(index)
		}

		fn status(index: pallet_mutual_pool::ReferendumIndex) -> AppealStatus {
			match pallet_referenda::ReferendumInfoFor::<R>::get(index) {
				Some(ReferendumInfo::Ongoing(_)) => AppealStatus::Ongoing,
				Some(ReferendumInfo::Approved(..)) => AppealStatus::Approved,
				_ => AppealStatus::Ended,
			}
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn conclude(index: pallet_mutual_pool::ReferendumIndex, approved: bool) {
			use frame_support::traits::Polling;
			let ended = <pallet_referenda::Pallet<R> as Polling<_>>::end_ongoing(index, approved);
			debug_assert!(ended.is_ok(), "the appeal's referendum was not ongoing");
		}
	}
}

/// The demo genesis of the `development` and `local_testnet` presets (the design brief's dev
/// genesis): accounts, council, pool 0 and its products.
pub mod genesis {
	use super::{
		currency::UNIT,
		primitives::{AccountId, Balance, BlockNumber},
		time::YEARS,
	};
	use alloc::{vec, vec::Vec};
	use frame_support::traits::Get;
	use pallet_mutual_pool::{PoolId, PoolParams, ProductParams};
	use sp_arithmetic::{FixedU128, Perbill};
	use sp_keyring::Sr25519Keyring;

	/// What every test account starts with: 1 << 60 units (about 1.15 million MUT).
	pub const ENDOWMENT: Balance = 1 << 60;
	/// What Ferdie stakes into pool 0 at genesis: 1_000_000 MUT.
	pub const FERDIE_STAKE: Balance = 1_000_000 * UNIT;

	/// The endowed test accounts: Alice, Bob, Charlie, Dave, Eve and Ferdie.
	pub fn endowed_accounts() -> Vec<AccountId> {
		[
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Eve,
			Sr25519Keyring::Ferdie,
		]
		.into_iter()
		.map(|k| k.to_account_id())
		.collect()
	}

	/// The council members: Alice, Bob, Charlie, Dave and Eve.
	pub fn council_members() -> Vec<AccountId> {
		[
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Eve,
		]
		.into_iter()
		.map(|k| k.to_account_id())
		.collect()
	}

	/// Pool 0: capacity factor 2, 20 blocks (2 minutes at 6 s) unbonding, min stake 1 MUT, fee
	/// 10%, kink 80%, slopes 5% and 50%, large claims above 20% of the capital.
	pub fn pool_0() -> PoolParams<Balance, BlockNumber> {
		PoolParams {
			capacity_factor: FixedU128::from_u32(2),
			unbonding_period: 20,
			min_stake: UNIT,
			fee: Perbill::from_percent(10),
			kink: Perbill::from_percent(80),
			slope1: Perbill::from_percent(5),
			slope2: Perbill::from_percent(50),
			large_claim_threshold: Perbill::from_percent(20),
		}
	}

	/// A product of the dev chain: periods 10 blocks to a year (`YEARS` blocks of 6 s), claim
	/// window 100 blocks, no activation delay, enabled.
	pub fn product<M: Get<u32>>(
		base_rate: u32,
		max_capacity_share: u32,
		metadata: &[u8],
	) -> ProductParams<BlockNumber, M> {
		ProductParams {
			base_rate: Perbill::from_percent(base_rate),
			max_capacity_share: Perbill::from_percent(max_capacity_share),
			min_period: 10,
			max_period: YEARS,
			claim_window: 100,
			activation_delay: 0,
			enabled: true,
			metadata: metadata.to_vec().try_into().expect("the dev metadata is short; qed"),
		}
	}

	/// Products 0 ("DEX smart-contract exploit") and 1 ("Bridge hack"), both on pool 0.
	pub fn products<M: Get<u32>>() -> Vec<(PoolId, ProductParams<BlockNumber, M>)> {
		vec![
			(0, product::<M>(2, 50, b"DEX smart-contract exploit")),
			(0, product::<M>(5, 30, b"Bridge hack")),
		]
	}

	/// The full genesis config of a preset: the runtime's default config with the preset's JSON
	/// `patch` merged in (RFC 7386), as the node does when it builds a chain spec from a preset.
	/// For the runtimes' tests, which build their genesis storage from the real presets.
	#[cfg(feature = "std")]
	pub fn config_from_preset<GC>(patch: &[u8]) -> GC
	where
		GC: Default + serde::Serialize + serde::de::DeserializeOwned,
	{
		fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
			match (base, patch) {
				(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
					for (key, value) in patch {
						if value.is_null() {
							base.remove(&key);
						} else {
							merge(base.entry(key).or_insert(serde_json::Value::Null), value);
						}
					}
				},
				(base, patch) => *base = patch,
			}
		}
		let patch: serde_json::Value = serde_json::from_slice(patch).expect("a preset is JSON");
		let mut json = serde_json::to_value(GC::default()).expect("a genesis config serializes");
		merge(&mut json, patch);
		serde_json::from_value(json).expect("the preset fits the runtime's genesis config")
	}

	// The pallet's `GenesisConfig` itself is built in each runtime's preset (where `Runtime` is
	// concrete): `MutualPoolConfig { pools: vec![pool_0()], products: products::<MaxMetadataLen>(),
	// stakes: vec![(0, Ferdie, FERDIE_STAKE)] }`. A generic helper here would need where-clauses
	// on `BalanceOf<T>`/`BlockNumberFor<T>` for no gain.
}

/// Expands, in the runtime crate that invokes it, to the `impl Config` blocks of the council
/// (`pallet_collective::Instance1`), its membership (`pallet_membership::Instance1`) and the
/// mutual pool. Invoke it once at the top level of the runtime's `configs` module.
///
/// Requires, at the call site: the types `RuntimeOrigin`, `RuntimeCall`, `RuntimeEvent` and
/// `RuntimeHoldReason` generated by `#[frame_support::runtime]` (macro_rules paths to items
/// resolve at the invocation site).
///
/// `mutual_pool_weights` is the runtime's `pallet_mutual_pool::WeightInfo`: the weights measured
/// on that runtime (the solo runtime's are the ones the pallet ships).
///
/// ```ignore
/// mutual_pool_runtime_common::impl_council_and_mutual_pool! {
///     runtime: Runtime,
///     block_weights: RuntimeBlockWeights,
///     council: crate::Council,
///     currency: crate::Balances,
///     mutual_pool_weights: pallet_mutual_pool::weights::SubstrateWeight<Runtime>,
/// }
/// ```
///
#[macro_export]
macro_rules! impl_council_and_mutual_pool {
	(
		runtime: $runtime:ty,
		block_weights: $block_weights:ty,
		council: $council:ty,
		currency: $currency:ty,
		mutual_pool_weights: $mutual_pool_weights:ty $(,)?
	) => {
		impl $crate::__pallet_collective::Config<$crate::council::CouncilInstance> for $runtime {
			type RuntimeOrigin = RuntimeOrigin;
			type Proposal = RuntimeCall;
			type RuntimeEvent = RuntimeEvent;
			type MotionDuration = $crate::council::CouncilMotionDuration;
			type MaxProposals = $crate::council::CouncilMaxProposals;
			type MaxMembers = $crate::council::CouncilMaxMembers;
			type DefaultVote = $crate::council::AbstentionsAreNays;
			type WeightInfo = $crate::__pallet_collective::weights::SubstrateWeight<$runtime>;
			type SetMembersOrigin =
				$crate::__frame_system::EnsureRoot<$crate::primitives::AccountId>;
			type MaxProposalWeight = $crate::council::HalfOfMaxBlock<$block_weights>;
			type DisapproveOrigin =
				$crate::__frame_system::EnsureRoot<$crate::primitives::AccountId>;
			type KillOrigin = $crate::__frame_system::EnsureRoot<$crate::primitives::AccountId>;
			type Consideration = ();
		}

		impl $crate::__pallet_membership::Config<$crate::council::CouncilInstance> for $runtime {
			type RuntimeEvent = RuntimeEvent;
			type AddOrigin = $crate::council::RootOrCouncilTwoThirds;
			type RemoveOrigin = $crate::council::RootOrCouncilTwoThirds;
			type SwapOrigin = $crate::council::RootOrCouncilTwoThirds;
			type ResetOrigin = $crate::council::RootOrCouncilTwoThirds;
			type PrimeOrigin = $crate::council::RootOrCouncilTwoThirds;
			type MembershipInitialized = $council;
			type MembershipChanged = $council;
			type MaxMembers = $crate::council::CouncilMaxMembers;
			type WeightInfo = $crate::__pallet_membership::weights::SubstrateWeight<$runtime>;
		}

		impl $crate::__pallet_mutual_pool::Config for $runtime {
			type Currency = $currency;
			type RuntimeHoldReason = RuntimeHoldReason;
			type GovernanceOrigin = $crate::council::RootOrCouncilTwoThirds;
			type ClaimDecisionOrigin = $crate::council::RootOrCouncilMajority;
			type LargeClaimOrigin = $crate::council::RootOrCouncilTwoThirds;
			type AppealOrigin = $crate::mutual_pool::AppealOrigin;
			type Appeals = $crate::appeals::ClaimAppealReferenda<$runtime>;
			type PalletId = $crate::mutual_pool::MutualPoolPalletId;
			type TreasuryAccount = $crate::mutual_pool::TreasuryAccount;
			type ClaimDeposit = $crate::mutual_pool::ClaimDeposit;
			type ClaimDepositRate = $crate::mutual_pool::ClaimDepositRate;
			type MaxClaimDeposit = $crate::mutual_pool::MaxClaimDeposit;
			type ClaimDecisionPeriod = $crate::mutual_pool::ClaimDecisionPeriod;
			type AppealPeriod = $crate::mutual_pool::AppealPeriod;
			type AppealDepositMultiplier = $crate::mutual_pool::AppealDepositMultiplier;
			type AppealDecisionPeriod = $crate::mutual_pool::AppealDecisionPeriod;
			type IncidentRedemptionPeriod = $crate::mutual_pool::IncidentRedemptionPeriod;
			type LargeClaimWindow = $crate::mutual_pool::LargeClaimWindow;
			type MinCover = $crate::mutual_pool::MinCover;
			type StakeWarmup = $crate::mutual_pool::StakeWarmup;
			type FreezePeriod = $crate::mutual_pool::FreezePeriod;
			type BlocksPerYear = $crate::mutual_pool::BlocksPerYear;
			type ExpiryBucketLength = $crate::mutual_pool::ExpiryBucketLength;
			// One bucket per owner and call: `on_idle` rolls each pool and product by one bucket
			// per block in spare weight (a bucket is 600 blocks, so it keeps up by far), and
			// anyone may call `roll_expiries`. This keeps `withdraw` cheap.
			type MaxExpiryBucketsPerCall = $crate::__frame_support::traits::ConstU32<1>;
			type MaxEvidenceLen = $crate::__frame_support::traits::ConstU32<1024>;
			type MaxMetadataLen = $crate::__frame_support::traits::ConstU32<256>;
			type WeightInfo = $mutual_pool_weights;
		}
	};
}

/// Expands, in the runtime crate that invokes it, to the `impl Config` blocks of the pallets
/// that decide appeals ([`appeals`]): `Appeals` ([`pallet_claim_appeals`], the `ClaimAppeals`
/// origin), `Preimage`, `Scheduler`, `Referenda` (the claim-appeals track) and
/// `ConvictionVoting`. Invoke it once beside [`impl_council_and_mutual_pool!`].
///
/// Requires, at the call site: the types `RuntimeOrigin`, `OriginCaller`, `RuntimeCall`,
/// `RuntimeEvent` and `RuntimeHoldReason` generated by `#[frame_support::runtime]`, and the
/// pallets under these names. The four SDK pallets use the weights their crates ship (measured
/// on the reference machine of polkadot-sdk, with this runtime's database weights).
///
/// ```ignore
/// mutual_pool_runtime_common::impl_claim_appeals! {
///     runtime: Runtime,
///     block_weights: RuntimeBlockWeights,
///     currency: Balances,
///     preimage: crate::Preimage,
///     scheduler: crate::Scheduler,
///     referenda: crate::Referenda,
/// }
/// ```
#[macro_export]
macro_rules! impl_claim_appeals {
	(
		runtime: $runtime:ty,
		block_weights: $block_weights:ty,
		currency: $currency:ty,
		preimage: $preimage:ty,
		scheduler: $scheduler:ty,
		referenda: $referenda:ty $(,)?
	) => {
		impl $crate::pallet_claim_appeals::Config for $runtime {}

		$crate::__frame_support::parameter_types! {
			/// Why a preimage's deposit is held.
			pub PreimageHoldReason: RuntimeHoldReason =
				RuntimeHoldReason::from($crate::__pallet_preimage::HoldReason::Preimage);
			/// Scheduled calls use at most 80% of a block.
			pub SchedulerMaximumWeight: $crate::__frame_support::weights::Weight =
				$crate::__sp_runtime::Perbill::from_percent(80)
					* <$block_weights as $crate::__frame_support::traits::Get<
						$crate::__frame_system::limits::BlockWeights,
					>>::get()
					.max_block;
		}

		impl $crate::__pallet_preimage::Config for $runtime {
			type RuntimeEvent = RuntimeEvent;
			type WeightInfo = $crate::__pallet_preimage::weights::SubstrateWeight<$runtime>;
			type Currency = $currency;
			type ManagerOrigin = $crate::__frame_system::EnsureRoot<$crate::primitives::AccountId>;
			type Consideration = $crate::__frame_support::traits::fungible::HoldConsideration<
				$crate::primitives::AccountId,
				$currency,
				PreimageHoldReason,
				$crate::__frame_support::traits::LinearStoragePrice<
					$crate::appeals::PreimageBaseDeposit,
					$crate::appeals::PreimageByteDeposit,
					$crate::primitives::Balance,
				>,
			>;
		}

		impl $crate::__pallet_scheduler::Config for $runtime {
			type RuntimeEvent = RuntimeEvent;
			type RuntimeOrigin = RuntimeOrigin;
			type PalletsOrigin = OriginCaller;
			type RuntimeCall = RuntimeCall;
			type MaximumWeight = SchedulerMaximumWeight;
			// Only referenda schedule calls (through the `ScheduleNamed`/`ScheduleAnon` traits,
			// without an origin check); the scheduler's own calls need Root.
			type ScheduleOrigin = $crate::__frame_system::EnsureRoot<$crate::primitives::AccountId>;
			type OriginPrivilegeCmp = $crate::__frame_support::traits::EqualPrivilegeOnly;
			type MaxScheduledPerBlock = $crate::appeals::MaxScheduledPerBlock;
			type WeightInfo = $crate::__pallet_scheduler::weights::SubstrateWeight<$runtime>;
			type Preimages = $preimage;
			type BlockNumberProvider = $crate::__frame_system::Pallet<$runtime>;
		}

		impl $crate::__pallet_referenda::Config for $runtime {
			type RuntimeCall = RuntimeCall;
			type RuntimeEvent = RuntimeEvent;
			type WeightInfo = $crate::__pallet_referenda::weights::SubstrateWeight<$runtime>;
			type Scheduler = $scheduler;
			type Currency = $currency;
			// Anyone may submit a referendum; only the `ClaimAppeals` origin has a track.
			type SubmitOrigin = $crate::__frame_support::traits::AsEnsureOriginWithArg<
				$crate::__frame_system::EnsureSigned<$crate::primitives::AccountId>,
			>;
			// Only Root may cancel or kill a referendum: the council, whose rejection an appeal
			// contests, cannot stop it.
			type CancelOrigin = $crate::__frame_system::EnsureRoot<$crate::primitives::AccountId>;
			type KillOrigin = $crate::__frame_system::EnsureRoot<$crate::primitives::AccountId>;
			type Slash = ();
			type Votes = $crate::primitives::Balance;
			type Tally = $crate::__pallet_conviction_voting::TallyOf<$runtime>;
			type SubmissionDeposit = $crate::appeals::SubmissionDeposit;
			type MaxQueued = $crate::appeals::MaxQueued;
			type UndecidingTimeout = $crate::appeals::UndecidingTimeout;
			type AlarmInterval = $crate::appeals::AlarmInterval;
			type Tracks = $crate::appeals::AppealTracks<OriginCaller>;
			type Preimages = $preimage;
			type BlockNumberProvider = $crate::__frame_system::Pallet<$runtime>;
		}

		impl $crate::__pallet_conviction_voting::Config for $runtime {
			type RuntimeEvent = RuntimeEvent;
			type WeightInfo =
				$crate::__pallet_conviction_voting::weights::SubstrateWeight<$runtime>;
			type Currency = $currency;
			type Polls = $referenda;
			type MaxTurnout = $crate::__frame_support::traits::tokens::currency::ActiveIssuanceOf<
				$currency,
				$crate::primitives::AccountId,
			>;
			type MaxVotes = $crate::appeals::MaxVotes;
			type VoteLockingPeriod = $crate::appeals::VoteLockingPeriod;
			type BlockNumberProvider = $crate::__frame_system::Pallet<$runtime>;
			type VotingHooks = ();
		}
	};
}
