//! Shared helpers of the runtime integration tests: externalities built from a genesis preset,
//! block advancing and council motions through the real `Runtime`.

#![allow(dead_code)]

use codec::Encode;
use frame_support::{
	assert_ok,
	dispatch::{DispatchResult, GetDispatchInfo},
	traits::Hooks,
};
use mutual_pool_runtime::{
	configs::{CouncilInstance, CouncilMotionDuration},
	genesis_config_presets, AccountId, Balance, BuildStorage, Council, MutualPool, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, Scheduler, System, UNIT,
};
use pallet_mutual_pool::{ClaimId, CoverId, NextClaimId, NextCoverId};
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::Hash;

pub use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};

/// The full genesis config of preset `name`, built as the node builds a chain spec from it.
pub fn preset_config(name: &str) -> RuntimeGenesisConfig {
	let patch = genesis_config_presets::get_preset(&PresetId::from(name))
		.unwrap_or_else(|| panic!("preset {name} exists"));
	mutual_pool_runtime_common::genesis::config_from_preset(&patch)
}

/// Externalities with the genesis of preset `name`, at block 1.
pub fn ext_from_preset(name: &str) -> sp_io::TestExternalities {
	let storage = preset_config(name).build_storage().expect("the genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Externalities with the `development` genesis, at block 1.
pub fn dev_ext() -> sp_io::TestExternalities {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET)
}

/// The account of a keyring member.
pub fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

/// A signed origin of a keyring member.
pub fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(who))
}

/// Free balance of a keyring member.
pub fn free(who: Sr25519Keyring) -> Balance {
	pallet_balances::Pallet::<Runtime>::free_balance(account(who))
}

/// Pool 0's capital.
pub fn capital() -> Balance {
	pallet_mutual_pool::Pools::<Runtime>::get(0).expect("pool 0 exists").capital
}

/// Advance to block `n`, running the hooks of the council, the pool and the scheduler (which
/// services referenda and dispatches the calls of passed ones).
pub fn run_to_block(n: u32) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Council::on_initialize(next);
		MutualPool::on_initialize(next);
		Scheduler::on_initialize(next);
	}
}

/// Charlie buys `amount` of cover on `product_id` for 1000 blocks and claims `claim` on it.
pub fn cover_and_claim(product_id: u32, amount: Balance, claim: Balance) -> (CoverId, ClaimId) {
	assert_ok!(MutualPool::buy_cover(signed(Charlie), product_id, amount, 1000, Balance::MAX));
	let cover_id = NextCoverId::<Runtime>::get() - 1;
	let evidence = b"ipfs://exploit-report".to_vec().try_into().expect("short");
	assert_ok!(MutualPool::submit_claim(signed(Charlie), cover_id, claim, evidence));
	(cover_id, NextClaimId::<Runtime>::get() - 1)
}

/// `n` MUT.
pub const fn mut_(n: Balance) -> Balance {
	n * UNIT
}

/// How a council motion ended.
#[derive(Debug, PartialEq, Eq)]
pub enum MotionOutcome {
	/// The motion passed and its call was dispatched with this result.
	Executed(DispatchResult),
	/// The motion did not get enough ayes.
	Disapproved,
}

/// `MutualPool::reject_claim(claim_id)` as a council proposal.
pub fn reject(claim_id: ClaimId) -> RuntimeCall {
	RuntimeCall::MutualPool(pallet_mutual_pool::Call::reject_claim { claim_id })
}

/// Whether the events so far include `event` of the mutual pool.
pub fn emitted(event: pallet_mutual_pool::Event<Runtime>) -> bool {
	let event = RuntimeEvent::MutualPool(event);
	System::events().iter().any(|record| record.event == event)
}

/// Alice proposes `call` to the council with `threshold`; the `ayes` vote aye, the `nays` nay,
/// the others abstain. The motion is closed as soon as it can be (at once if its outcome is
/// certain, else after the motion duration) and its outcome returned.
pub fn council_motion(
	call: RuntimeCall,
	threshold: u32,
	ayes: &[Sr25519Keyring],
	nays: &[Sr25519Keyring],
) -> MotionOutcome {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, CouncilInstance>::get();
	let end = System::block_number() + CouncilMotionDuration::get();
	assert_ok!(Council::propose(signed(Alice), threshold, Box::new(call), length));
	for who in ayes {
		assert_ok!(Council::vote(signed(*who), hash, index, true));
	}
	for who in nays {
		assert_ok!(Council::vote(signed(*who), hash, index, false));
	}
	let seats = pallet_collective::Members::<Runtime, CouncilInstance>::get().len();
	let decided = ayes.len() as u32 >= threshold || (seats - nays.len()) < threshold as usize;
	if !decided {
		run_to_block(end + 1);
	}
	System::reset_events();
	assert_ok!(Council::close(signed(Bob), hash, index, weight, length));
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => {
				Some(MotionOutcome::Executed(result))
			},
			RuntimeEvent::Council(pallet_collective::Event::Disapproved { .. }) => {
				Some(MotionOutcome::Disapproved)
			},
			_ => None,
		})
		.expect("a closed motion is executed or disapproved")
}
