//! The claims council and the origins it grants.

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
