//! The weights the runtime declares for MutualPool's calls, at their largest arguments: each fits
//! in a block, and each call a user signs declares at most 8 KiB of proof (docs/performance.md).
//! A weight file with a nonsense estimate from the benchmark CLI fails here, and so does a call
//! weighed at zero time: the benchmark CLI writes `Weight::from_parts(0, 0)`, without an error,
//! for a benchmark that returned `BenchmarkError::Weightless` (an origin it could not produce).

use crate::common::*;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{Get, GetCallName},
};
use mutual_pool_runtime::{configs::RuntimeBlockWeights, Runtime, RuntimeCall};
use pallet_mutual_pool::{Call, ExpiryOwner, Pools, Products};

/// The most proof a call that users sign may declare.
const USER_CALL_PROOF_LIMIT: u64 = 8 * 1024;

/// Every MutualPool call, at the arguments that make its declared weight largest, and whether
/// users sign it (the others need governance or the council).
fn calls() -> Vec<(Call<Runtime>, bool)> {
	let pool = Pools::<Runtime>::get(0).expect("the dev genesis has pool 0").params;
	let mut product = Products::<Runtime>::get(0).expect("the dev genesis has product 0").params;
	let max_metadata =
		<<Runtime as pallet_mutual_pool::Config>::MaxMetadataLen as Get<u32>>::get() as usize;
	product.metadata = vec![b'm'; max_metadata].try_into().expect("at the bound");
	let max_evidence =
		<<Runtime as pallet_mutual_pool::Config>::MaxEvidenceLen as Get<u32>>::get() as usize;
	let evidence: pallet_mutual_pool::EvidenceOf<Runtime> =
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

#[test]
fn every_call_of_the_pallet_is_in_the_list() {
	dev_ext().execute_with(|| {
		let listed: Vec<&str> = calls().iter().map(|(call, _)| call.get_call_name()).collect();
		for name in Call::<Runtime>::get_call_names() {
			assert!(listed.contains(name), "{name} is not weighed by this test");
		}
	});
}

/// The proof `Referenda` declares for a referendum submitted and its decision deposit placed.
fn referendum_proof() -> u64 {
	use pallet_referenda::WeightInfo as _;
	type Weights = <Runtime as pallet_referenda::Config>::WeightInfo;
	let deposit = [
		Weights::place_decision_deposit_preparing(),
		Weights::place_decision_deposit_queued(),
		Weights::place_decision_deposit_not_queued(),
		Weights::place_decision_deposit_passing(),
		Weights::place_decision_deposit_failing(),
	]
	.into_iter()
	.fold(frame_support::weights::Weight::zero(), |a, b| a.max(b));
	Weights::submit().saturating_add(deposit).proof_size()
}

#[test]
fn every_call_is_weighed_fits_in_a_block_and_user_calls_declare_at_most_8_kib_of_proof() {
	dev_ext().execute_with(|| {
		let normal = RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_extrinsic
			.expect("normal extrinsics have a limit");
		for (call, signed_by_users) in calls() {
			let name = format!("{call:?}").split_whitespace().next().unwrap_or("").to_string();
			let appeal = call.get_call_name() == "appeal_claim";
			let weight = RuntimeCall::MutualPool(call).get_dispatch_info().call_weight;
			assert!(weight.ref_time() > 0, "{name}: weighed at zero time; was it benchmarked?");
			assert!(weight.all_lte(normal), "{name}: {weight:?} does not fit in a block");
			// `appeal_claim` submits a referendum and places its decision deposit: beside its own
			// part it declares what `Referenda` declares for those (the scheduler's agenda of a
			// block, about 110 KB at its `MaxEncodedLen`; docs/performance.md).
			let limit = if appeal {
				USER_CALL_PROOF_LIMIT + referendum_proof()
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
