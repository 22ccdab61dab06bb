//! The claims council (`Council`, `pallet-collective` instance 1) and its membership
//! (`CouncilMembership`, `pallet-membership` instance 1), with the origins the council grants.
//! Both are configured in `mutual-pool-runtime-common`, shared with the parachain runtime; the
//! `impl Config` blocks are expanded in [`super`] by its `impl_council_and_mutual_pool!`.

pub use mutual_pool_runtime_common::council::{
	AbstentionsAreNays, CouncilInstance, CouncilMaxMembers, CouncilMaxProposals,
	CouncilMotionDuration, HalfOfMaxBlock, RootOrCouncilMajority, RootOrCouncilTwoThirds,
};

/// A motion's call may use at most half of a block.
pub type CouncilMaxProposalWeight = HalfOfMaxBlock<super::RuntimeBlockWeights>;
