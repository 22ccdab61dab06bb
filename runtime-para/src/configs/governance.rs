//! Token-holder referenda on appeals of rejected claims: the `ClaimAppeals` origin
//! (`AppealOrigin`), `Preimage`, `Scheduler`, `Referenda` (the claim-appeals track) and
//! `ConvictionVoting`, with the track and constants of `mutual-pool-runtime-common`'s
//! [`appeals`](mutual_pool_runtime_common::appeals), shared with the other runtime of the chain.
//! The four SDK pallets use the weights their crates ship (measured on the reference machine of
//! polkadot-sdk, with this runtime's database weights).

use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, tokens::currency::ActiveIssuanceOf, AsEnsureOriginWithArg,
		EqualPrivilegeOnly, LinearStoragePrice,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;
use crate::{
	AccountId, Balance, Balances, OriginCaller, Preimage, Referenda, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System,
};
use mutual_pool_runtime_common::appeals::{
	AlarmInterval, AppealTracks, MaxQueued, MaxScheduledPerBlock, MaxVotes, PreimageBaseDeposit,
	PreimageByteDeposit, SubmissionDeposit, UndecidingTimeout, VoteLockingPeriod,
};

impl mutual_pool_runtime_common::appeal_origin::Config for Runtime {}

parameter_types! {
	/// Why a preimage's deposit is held.
	pub PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::from(pallet_preimage::HoldReason::Preimage);
	/// Scheduled calls use at most 80% of a block.
	pub SchedulerMaximumWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = SchedulerMaximumWeight;
	/// Only referenda schedule calls (through the `ScheduleNamed`/`ScheduleAnon` traits, without
	/// an origin check); the scheduler's own calls need Root.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = MaxScheduledPerBlock;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	/// Anyone may submit a referendum; only the `ClaimAppeals` origin has a track.
	type SubmitOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	/// Only Root may cancel or kill a referendum: the council, whose rejection an appeal
	/// contests, cannot stop it.
	type CancelOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Slash = ();
	type Votes = Balance;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = MaxQueued;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = AppealTracks<OriginCaller>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type Polls = Referenda;
	type MaxTurnout = ActiveIssuanceOf<Balances, AccountId>;
	type MaxVotes = MaxVotes;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}
