//! Appeals of rejected claims to token holders: the `ClaimAppeals` origin, its referendum track
//! and the constants of the pallets that run the referendum (`pallet-preimage`,
//! `pallet-scheduler`, `pallet-referenda`, `pallet-conviction-voting`), whose `impl Config`
//! blocks each runtime writes in its `configs/governance.rs`.
//!
//! The path of an appeal: the council rejects a claim; within `AppealPeriod` the claimant calls
//! `MutualPool::appeal_claim` (a larger deposit), which submits the appeal's own referendum on
//! the claim-appeals track, proposal `MutualPool::uphold_appeal(claim_id)`, and places its
//! decision deposit, both paid by the claimant ([`ClaimAppealReferenda`]); token holders vote
//! with conviction; if the referendum passes, the scheduler dispatches `uphold_appeal` with the
//! `ClaimAppeals` origin, which pays the amount claimed (or anyone's `close_claim` does, if the
//! call did not run). If the referendum ends otherwise (rejected, timed out, cancelled, killed),
//! anyone may `close_claim`: the deposits are slashed into the pool. No other referendum can
//! uphold the claim, and no block ends the appeal but its referendum's end.
//!
//! The track's periods are runtime constants, not genesis values: `pallet-referenda` lists the
//! tracks in the metadata, and the metadata (and the hash of it that `CheckMetadataHash`
//! signs) must not depend on the chain's state. They are the dev chain's: prepare and confirm
//! take 30 seconds each, so that an appeal is decided in about a minute once enough votes are
//! in; a chain holding real money lengthens them (docs/runtime.md).

use super::{
	appeal_origin::Origin,
	currency::UNIT,
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
