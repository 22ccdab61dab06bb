//! The claims council (`Council`, `pallet-collective` instance 1) and its membership
//! (`CouncilMembership`, `pallet-membership` instance 1), with the origins the council grants;
//! their types and constants come from `mutual-pool-runtime-common`, shared with the other
//! runtime of the chain.

use frame_system::EnsureRoot;

use super::RuntimeBlockWeights;
use crate::{AccountId, Council, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin};

pub use mutual_pool_runtime_common::council::{
	AbstentionsAreNays, CouncilInstance, CouncilMaxMembers, CouncilMaxProposals,
	CouncilMotionDuration, HalfOfMaxBlock, RootOrCouncilMajority, RootOrCouncilTwoThirds,
};

impl pallet_collective::Config<CouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	type DefaultVote = AbstentionsAreNays;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	/// A motion's call may use at most half of a block.
	type MaxProposalWeight = HalfOfMaxBlock<RuntimeBlockWeights>;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

impl pallet_membership::Config<CouncilInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = RootOrCouncilTwoThirds;
	type RemoveOrigin = RootOrCouncilTwoThirds;
	type SwapOrigin = RootOrCouncilTwoThirds;
	type ResetOrigin = RootOrCouncilTwoThirds;
	type PrimeOrigin = RootOrCouncilTwoThirds;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = CouncilMaxMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}
