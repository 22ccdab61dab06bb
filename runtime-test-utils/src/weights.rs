//! The weights a runtime declares for MutualPool's calls, at their largest arguments: each fits
//! in a block, and each call a user signs declares at most 8 KiB of proof (docs/performance.md).
//! A weight file with a nonsense estimate from the benchmark CLI fails here, and so does a call
//! weighed at zero time: the benchmark CLI writes `Weight::from_parts(0, 0)`, without an error,
//! for a benchmark that returned `BenchmarkError::Weightless` (an origin it could not produce).

use crate::*;
use frame_support::{
	dispatch::DispatchClass,
	traits::{Get, GetCallName},
};
use pallet_mutual_pool::{Call, EvidenceOf, ExpiryOwner, Pools, Products};

/// The most proof a call that users sign may declare.
pub const USER_CALL_PROOF_LIMIT: u64 = 8 * 1024;

/// Every MutualPool call, at the arguments that make its declared weight largest, and whether
/// users sign it (the others need governance or the council).
fn calls<C: Chain>() -> Vec<(Call<RuntimeOf<C>>, bool)> {
	type Config<C> = RuntimeOf<C>;
	let pool = Pools::<Config<C>>::get(0).expect("the dev genesis has pool 0").params;
	let mut product = Products::<Config<C>>::get(0).expect("the dev genesis has product 0").params;
	let max_metadata =
		<<Config<C> as pallet_mutual_pool::Config>::MaxMetadataLen as Get<u32>>::get() as usize;
	product.metadata = vec![b'm'; max_metadata].try_into().expect("at the bound");
	let max_evidence =
		<<Config<C> as pallet_mutual_pool::Config>::MaxEvidenceLen as Get<u32>>::get() as usize;
	let evidence: EvidenceOf<Config<C>> =
		vec![b'e'; max_evidence].try_into().expect("at the bound");
	vec![
		(Call::create_pool { params: pool.clone() }, false),
		(Call::update_pool { pool_id: 0, params: pool }, false),
		(Call::create_product { pool_id: 0, params: product.clone() }, false),
		(Call::update_product { product_id: 0, params: product }, false),
		(Call::stake { pool_id: 0, amount: mut_(1), min_shares: 0 }, true),
		(Call::request_unstake { pool_id: 0, shares: mut_(1) }, true),
		(Call::withdraw { pool_id: 0, min_amount: 0 }, true),
		(
			Call::buy_cover { product_id: 0, amount: mut_(1), period: 1_000, max_premium: mut_(1) },
			true,
		),
		(Call::transfer_cover { cover_id: 0, to: account(Bob) }, true),
		(Call::submit_claim { cover_id: 0, amount: mut_(1), evidence: evidence.clone() }, true),
		(Call::approve_claim { claim_id: 0, payout: mut_(1) }, false),
		(Call::reject_claim { claim_id: 0 }, false),
		(Call::roll_expiries { owner: ExpiryOwner::Pool(0) }, true),
		(Call::pay_fees { pool_id: 0 }, true),
		(Call::lapse_claim { claim_id: 0 }, true),
		(Call::freeze_pool { pool_id: 0 }, false),
		(Call::reopen_pool { pool_id: 0 }, false),
		(Call::reap_cover { cover_id: 0 }, true),
		(Call::rebond { pool_id: 0 }, true),
		(
			Call::declare_incident {
				product_id: 0,
				occurred_at: 1,
				ratio: sp_arithmetic::Perbill::one(),
				evidence,
			},
			false,
		),
		(Call::redeem_cover { incident_id: 0, cover_id: 0 }, true),
		(Call::close_incident { incident_id: 0 }, true),
		(Call::appeal_claim { claim_id: 0 }, true),
		(Call::uphold_appeal { claim_id: 0 }, false),
		(Call::close_claim { claim_id: 0 }, true),
		(Call::release_hold { who: account(Bob), pool_id: 0 }, true),
		(Call::top_up { incident_id: 0, cover_id: 0 }, true),
	]
}

/// The list above names every call of the pallet, so that a new call cannot go unweighed here.
pub fn every_call_of_the_pallet_is_in_the_list<C: Chain>() {
	on_dev_chain::<C>(|_| {
		let listed: Vec<&str> = calls::<C>().iter().map(|(call, _)| call.get_call_name()).collect();
		for name in Call::<RuntimeOf<C>>::get_call_names() {
			assert!(listed.contains(name), "{name} is not weighed by this test");
		}
	});
}

/// What the benchmark CLI adds to an entry's `MaxEncodedLen` for the trie nodes above it, in a
/// map of a million entries (the `added` of every map in the weight files, less its `max_size`).
const MAP_ENTRY_TRIE_NODES: u64 = 2_475;

/// The proof `appeal_claim` may declare beside its own 8 KiB: the referendum it submits and whose
/// decision deposit it places reads and writes two entries of the scheduler's `Agenda` (an alarm
/// set, then moved), each at its `MaxEncodedLen`. That bound is the runtime's: a block's
/// `MaxScheduledPerBlock` scheduled calls of its origins (41,814 B on the solo runtime, 155,814 B
/// on the parachain runtime, whose origins include XCM locations).
fn referendum_agenda_proof<C: Chain>() -> u64 {
	use frame_support::traits::StorageInfoTrait;
	let agenda = pallet_scheduler::Pallet::<RuntimeOf<C>>::storage_info()
		.into_iter()
		.find(|info| info.storage_name == b"Agenda".to_vec())
		.and_then(|info| info.max_size)
		.expect("the scheduler's agenda has a bound");
	2 * (u64::from(agenda) + MAP_ENTRY_TRIE_NODES)
}

/// Every call is weighed at more than zero time and fits in a block; the calls users sign
/// declare at most 8 KiB of proof (`appeal_claim` that and the scheduler's agenda entries of the
/// referendum it submits), on both runtimes: with the parachain's asset registry keyed by XCM
/// `Location` too.
pub fn every_call_is_weighed_fits_in_a_block_and_user_calls_declare_at_most_8_kib_of_proof<
	C: Chain,
>() {
	on_dev_chain::<C>(|_| {
		let block_weights = <RuntimeOf<C> as frame_system::Config>::BlockWeights::get();
		let normal = block_weights
			.get(DispatchClass::Normal)
			.max_extrinsic
			.expect("normal extrinsics have a limit");
		for (call, signed_by_users) in calls::<C>() {
			let name = call.get_call_name();
			let weight = call.get_dispatch_info().call_weight;
			assert!(weight.ref_time() > 0, "{name}: weighed at zero time; was it benchmarked?");
			assert!(weight.all_lte(normal), "{name}: {weight:?} does not fit in a block");
			// `appeal_claim` submits a referendum and places its decision deposit: beside its own
			// part it declares two of the scheduler's agenda entries (docs/performance.md).
			let limit = if name == "appeal_claim" {
				USER_CALL_PROOF_LIMIT + referendum_agenda_proof::<C>()
			} else {
				USER_CALL_PROOF_LIMIT
			};
			if signed_by_users {
				assert!(
					weight.proof_size() <= limit,
					"{name}: declares {} B of proof",
					weight.proof_size()
				);
			}
		}
	});
}
