//! The runtime test cases that both runtimes run, in the manner of cumulus' `asset-test-utils`:
//! each case is a generic function over a [`Chain`] (a runtime, its development genesis and how
//! it makes blocks), and each runtime's integration tests call it with their own (the solo
//! chain's hooks, or the parachain's blocks built as a collator builds them).
//!
//! - [`council`]: the claims council decides claims and creates products through motions.
//! - [`incidents`]: a council motion declares an incident; covers are redeemed without a vote.
//! - [`appeals`]: an appeal's own referendum, and only it, upholds the claim.
//! - [`weights`]: every call of the mutual pool is weighed, fits in a block, and the calls users
//!   sign declare at most 8 KiB of proof.
//!
//! The cases assume the development preset of `mutual-pool-runtime-common::genesis`: pool 0
//! with 1,000,000 MUT of Ferdie's capital, products 0 and 1 on it, a council of Alice, Bob,
//! Charlie, Dave and Eve, and every keyring account endowed.

pub mod appeals;
pub mod council;
pub mod incidents;
pub mod weights;

use codec::Encode;
use frame_support::{
	assert_ok,
	dispatch::{DispatchResult, GetDispatchInfo},
	traits::{fungible, Currency, OriginTrait},
};
use mutual_pool_runtime_common::{
	appeal_origin,
	council::{CouncilInstance, CouncilMotionDuration},
	currency::UNIT,
	primitives::{AccountId, Balance, BlockNumber, Header},
};
use pallet_mutual_pool::{ClaimId, CoverId, NextClaimId, NextCoverId, ProductId};
use serde_json::Value;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::{Block as BlockT, BlockNumberProvider, Hash};

pub use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};

/// A runtime under test: its externalities with the development genesis, and how the chain
/// moves from one block to the next.
pub trait Chain: Sized {
	/// The runtime, with the pallets and types these cases use configured as
	/// `mutual-pool-runtime-common` describes them: its primitives, the council as
	/// `pallet-collective` instance 1, the appeal track as `pallet-referenda` with
	/// `pallet-conviction-voting`, and `pallet-balances` as the currency of all of them.
	type Runtime: frame_system::Config<
			AccountId = AccountId,
			Block: BlockT<Header = Header>,
			RuntimeCall: From<pallet_mutual_pool::Call<Self::Runtime>>
			                 + From<pallet_referenda::Call<Self::Runtime>>
			                 + GetDispatchInfo
			                 + Encode,
			RuntimeOrigin: From<appeal_origin::Origin>
			                   + OriginTrait<
				PalletsOrigin: From<appeal_origin::Origin>
				                   + From<pallet_collective::RawOrigin<AccountId, CouncilInstance>>,
			>,
			RuntimeEvent: TryInto<pallet_collective::Event<Self::Runtime, CouncilInstance>>
			                  + TryInto<pallet_scheduler::Event<Self::Runtime>>,
		> + pallet_balances::Config<Balance = Balance>
		+ pallet_mutual_pool::Config<Currency: fungible::Inspect<AccountId, Balance = Balance>>
		+ pallet_collective::Config<CouncilInstance, Proposal = CallOf<Self>>
		+ pallet_membership::Config<CouncilInstance>
		+ pallet_referenda::Config<
			RuntimeCall = CallOf<Self>,
			Currency: Currency<AccountId, Balance = Balance>,
			Tally = pallet_conviction_voting::TallyOf<Self::Runtime>,
			BlockNumberProvider: BlockNumberProvider<BlockNumber = BlockNumber>,
			Tracks: pallet_referenda::TracksInfo<Balance, BlockNumber, Id = u16>,
		> + pallet_conviction_voting::Config<
			Currency: Currency<AccountId, Balance = Balance>,
			Polls = pallet_referenda::Pallet<Self::Runtime>,
		> + pallet_scheduler::Config;

	/// Externalities with the runtime's `development` genesis preset.
	fn dev_ext() -> sp_io::TestExternalities;

	/// Inside [`Self::dev_ext`]'s externalities: the chain at its first block, ready for calls.
	fn start() -> Self;

	/// Ends the current block and starts the next, running the hooks the chain runs (the
	/// council's, the pool's and the scheduler's at least: the scheduler services referenda and
	/// dispatches the calls of passed ones).
	fn next_block(&mut self);

	/// Checks the mutual pool's books (`do_try_state`), at the end of every case. The pallet has
	/// `do_try_state` only with its `try-runtime` or `runtime-benchmarks` feature, so the runtime's
	/// tests call it under their own features: this crate has none, and builds the same in
	/// `cargo build` and in `cargo test` (a feature enabled on it by the runtimes' tests would
	/// compile it again each time one follows the other).
	fn check_books();

	/// Runs blocks until block `n` is the current one.
	fn run_to_block(&mut self, n: BlockNumber) {
		while block_number::<Self>() < n {
			self.next_block();
		}
	}
}

/// Runs `test` on chain `C` at its first block of the development genesis, then checks the
/// mutual pool's books ([`Chain::check_books`]).
pub fn on_dev_chain<C: Chain>(test: impl FnOnce(&mut C)) {
	C::dev_ext().execute_with(|| {
		let mut chain = C::start();
		test(&mut chain);
		C::check_books();
	});
}

/// The current block number.
pub fn block_number<C: Chain>() -> BlockNumber {
	frame_system::Pallet::<RuntimeOf<C>>::block_number()
}

/// `n` MUT.
pub const fn mut_(n: Balance) -> Balance {
	n * UNIT
}

/// The account of a keyring member.
pub fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

/// A signed origin of a keyring member.
pub fn signed<C: Chain>(
	who: Sr25519Keyring,
) -> <RuntimeOf<C> as frame_system::Config>::RuntimeOrigin {
	frame_system::RawOrigin::Signed(account(who)).into()
}

/// The Root origin.
pub fn root<C: Chain>() -> <RuntimeOf<C> as frame_system::Config>::RuntimeOrigin {
	frame_system::RawOrigin::Root.into()
}

/// The free balance of a keyring member.
pub fn free<C: Chain>(who: Sr25519Keyring) -> Balance {
	pallet_balances::Pallet::<RuntimeOf<C>>::free_balance(account(who))
}

/// The full genesis config of preset `name` of a runtime (its `get_preset`): the runtime's
/// default config with the preset's JSON patch merged in (RFC 7386), as the node does when it
/// builds a chain spec from a preset, so that the tests build their genesis storage from the
/// real presets.
pub fn preset_config<GC>(get_preset: impl FnOnce(&PresetId) -> Option<Vec<u8>>, name: &str) -> GC
where
	GC: Default + serde::Serialize + serde::de::DeserializeOwned,
{
	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (key, value) in patch {
					if value.is_null() {
						base.remove(&key);
					} else {
						merge(base.entry(key).or_insert(Value::Null), value);
					}
				}
			},
			(base, patch) => *base = patch,
		}
	}
	let patch = get_preset(&PresetId::from(name)).unwrap_or_else(|| panic!("preset {name} exists"));
	let patch: Value = serde_json::from_slice(&patch).expect("a preset is JSON");
	let mut json = serde_json::to_value(GC::default()).expect("a genesis config serializes");
	merge(&mut json, patch);
	serde_json::from_value(json).expect("the preset fits the runtime's genesis config")
}

/// The runtime of chain `C`.
pub type RuntimeOf<C> = <C as Chain>::Runtime;

/// The `RuntimeCall` of chain `C`.
pub type CallOf<C> = <RuntimeOf<C> as frame_system::Config>::RuntimeCall;

/// The mutual pool's pallet in chain `C`.
pub type MutualPool<C> = pallet_mutual_pool::Pallet<RuntimeOf<C>>;

/// Pool 0 as stored.
pub fn pool<C: Chain>() -> pallet_mutual_pool::PoolOf<RuntimeOf<C>> {
	pallet_mutual_pool::Pools::<RuntimeOf<C>>::get(0).expect("pool 0 exists")
}

/// Pool 0's capital.
pub fn capital<C: Chain>() -> Balance {
	pool::<C>().capital
}

/// Charlie buys `amount` of cover on `product_id` for 1000 blocks and claims `claim` on it.
pub fn cover_and_claim<C: Chain>(
	product_id: ProductId,
	amount: Balance,
	claim: Balance,
) -> (CoverId, ClaimId) {
	assert_ok!(MutualPool::<C>::buy_cover(
		signed::<C>(Charlie),
		product_id,
		amount,
		1000,
		Balance::MAX
	));
	let cover_id = NextCoverId::<RuntimeOf<C>>::get() - 1;
	let evidence = b"ipfs://exploit-report".to_vec().try_into().expect("short");
	assert_ok!(MutualPool::<C>::submit_claim(signed::<C>(Charlie), cover_id, claim, evidence));
	(cover_id, NextClaimId::<RuntimeOf<C>>::get() - 1)
}

/// `MutualPool::reject_claim(claim_id)` as a proposal.
pub fn reject<C: Chain>(claim_id: ClaimId) -> CallOf<C> {
	pallet_mutual_pool::Call::<RuntimeOf<C>>::reject_claim { claim_id }.into()
}

/// Whether the events so far include `event` of the mutual pool.
pub fn emitted<C: Chain>(event: pallet_mutual_pool::Event<RuntimeOf<C>>) -> bool {
	let event = <RuntimeOf<C> as frame_system::Config>::RuntimeEvent::from(event);
	frame_system::Pallet::<RuntimeOf<C>>::events()
		.iter()
		.any(|record| record.event == event)
}

/// How a council motion ended.
#[derive(Debug, PartialEq, Eq)]
pub enum MotionOutcome {
	/// The motion passed and its call was dispatched with this result.
	Executed(DispatchResult),
	/// The motion did not get enough ayes.
	Disapproved,
}

/// Alice proposes `call` to the council with `threshold`; the `ayes` vote aye, the `nays` nay,
/// the others abstain. The motion is closed as soon as it can be (at once if its outcome is
/// certain, else after the motion duration) and its outcome returned.
pub fn council_motion<C: Chain>(
	chain: &mut C,
	call: CallOf<C>,
	threshold: u32,
	ayes: &[Sr25519Keyring],
	nays: &[Sr25519Keyring],
) -> MotionOutcome {
	type Council<R> = pallet_collective::Pallet<R, CouncilInstance>;
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <RuntimeOf<C> as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<RuntimeOf<C>, CouncilInstance>::get();
	let end = block_number::<C>() + CouncilMotionDuration::get();
	assert_ok!(Council::<RuntimeOf<C>>::propose(
		signed::<C>(Alice),
		threshold,
		Box::new(call),
		length
	));
	for who in ayes {
		assert_ok!(Council::<RuntimeOf<C>>::vote(signed::<C>(*who), hash, index, true));
	}
	for who in nays {
		assert_ok!(Council::<RuntimeOf<C>>::vote(signed::<C>(*who), hash, index, false));
	}
	let seats = pallet_collective::Members::<RuntimeOf<C>, CouncilInstance>::get().len();
	let decided = ayes.len() as u32 >= threshold || (seats - nays.len()) < threshold as usize;
	if !decided {
		chain.run_to_block(end + 1);
	}
	frame_system::Pallet::<RuntimeOf<C>>::reset_events();
	assert_ok!(Council::<RuntimeOf<C>>::close(signed::<C>(Bob), hash, index, weight, length));
	frame_system::Pallet::<RuntimeOf<C>>::events()
		.into_iter()
		.find_map(|record| match record.event.try_into() {
			Ok(pallet_collective::Event::<RuntimeOf<C>, CouncilInstance>::Executed {
				result,
				..
			}) => Some(MotionOutcome::Executed(result)),
			Ok(pallet_collective::Event::Disapproved { .. }) => Some(MotionOutcome::Disapproved),
			_ => None,
		})
		.expect("a closed motion is executed or disapproved")
}

/// Writes a `#[test]` for every case of this crate, run on chain `$chain`, in modules named as
/// this crate's: `council`, `incidents`, `appeals` and `weights`. Each runtime's integration
/// tests invoke it once, so that both runtimes run every case and a case added here runs on
/// both.
#[macro_export]
macro_rules! run_every_case_on {
	($chain:ty) => {
		$crate::run_every_case_on!(@cases $chain;
			council: [
				a_motion_to_approve_a_claim_passes_with_three_of_five_and_pays,
				a_large_payout_needs_four_of_five,
				abstentions_count_as_nays_even_with_an_aye_voting_prime,
				a_motion_to_reject_holds_the_claim_for_its_appeal_window_then_close_slashes_the_deposit,
				a_signed_account_cannot_decide_claims,
				a_governance_motion_of_four_creates_a_product,
			],
			incidents: [
				a_council_motion_declares_an_incident_and_three_covers_are_redeemed_one_refused,
				a_large_incident_needs_four_of_five_and_no_signed_account_declares_one,
			],
			appeals: [
				the_council_rejects_the_claimant_appeals_token_holders_pass_the_referendum_and_it_pays,
				an_appeal_whose_referendum_is_rejected_is_dismissed_and_both_deposits_go_to_the_pool,
				only_the_claim_appeals_origin_has_a_track_and_it_only_upholds_appeals,
				the_appeal_decision_period_outlasts_the_longest_referendum_on_the_track,
				a_referendum_other_than_the_appeals_own_cannot_uphold_it,
				junk_referenda_that_fill_the_track_do_not_dismiss_an_appeal,
			],
			weights: [
				every_call_of_the_pallet_is_in_the_list,
				every_call_is_weighed_fits_in_a_block_and_user_calls_declare_at_most_8_kib_of_proof,
			],
		);
	};
	(@cases $chain:ty; $($area:ident: [$($case:ident),* $(,)?]),* $(,)?) => {
		$(
			mod $area {
				$(
					#[test]
					fn $case() {
						$crate::$area::$case::<$chain>();
					}
				)*
			}
		)*
	};
}
