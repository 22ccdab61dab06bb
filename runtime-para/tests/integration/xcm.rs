//! Cross-chain use of the mutual pool: a sibling parachain's user buys cover and files a claim
//! with XCM messages that arrive in a block's `set_validation_data` inherent, go through
//! `XcmpQueue` into `MessageQueue` and are executed by the real XCM executor, as on a live chain.

use crate::common::*;
use codec::Encode;
use cumulus_primitives_core::AggregateMessageOrigin;
use frame_support::{assert_noop, dispatch::GetDispatchInfo, traits::fungible::Inspect};
use mutual_pool_runtime_para::{
	configs::xcm_config::{LocationToAccountId, SafeCallFilter, UnitWeightCost},
	AccountId, Balance, Balances, PolkadotXcm, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	System,
};
use pallet_mutual_pool::{Covers, NextClaimId, NextCoverId};
use xcm::{latest::prelude::*, VersionedXcm};
use xcm_builder::{DescribeAllTerminal, DescribeFamily, HashedDescription};
use xcm_executor::traits::ConvertLocation;

/// What the derived account of a sibling's user starts with in these tests.
const FUNDS: Balance = mut_(100);

/// The fee a message offers for its execution: far more than it needs.
const FEE: Balance = mut_(1);

fn buy_cover_call(amount: Balance) -> RuntimeCall {
	RuntimeCall::MutualPool(pallet_mutual_pool::Call::buy_cover {
		product_id: 0,
		amount,
		period: 1_000,
		max_premium: mut_(100),
	})
}

fn free(who: &AccountId) -> Balance {
	Balances::balance(who)
}

/// The premium of the cover bought in `events`.
fn premium_paid(events: &[RuntimeEvent]) -> Balance {
	events
		.iter()
		.find_map(|event| match event {
			RuntimeEvent::MutualPool(pallet_mutual_pool::Event::CoverBought {
				premium, ..
			}) => Some(*premium),
			_ => None,
		})
		.expect("a cover was bought")
}

/// A chain one block in: messages and calls run in a block with validation data.
fn one_block_in() -> Collator {
	let mut collator = Collator::default();
	collator.build_blocks(1);
	collator
}

/// A chain one block in, and the derived account of the sibling's user `who`, funded with
/// `FUNDS`: where most tests start.
fn funded_sibling_user(who: sp_keyring::Sr25519Keyring) -> (Collator, AccountId) {
	let collator = one_block_in();
	let user = sibling_user_account(who);
	fund(&user, FUNDS);
	(collator, user)
}

/// Whether `events` trap assets (what a failed message had withdrawn).
fn trapped(events: &[RuntimeEvent]) -> bool {
	events.iter().any(|event| {
		matches!(event, RuntimeEvent::PolkadotXcm(pallet_xcm::Event::AssetsTrapped { .. }))
	})
}

/// Sends `message` from the sibling in one block and builds the next, in whose `on_initialize`
/// `MessageQueue` executes it. Returns the events of both blocks.
fn deliver(collator: &mut Collator, message: Xcm<()>) -> Vec<RuntimeEvent> {
	let mut events = collator.build_block(vec![(SIBLING.into(), xcmp_data(message))]);
	events.extend(collator.build_block(vec![]));
	events
}

#[test]
fn a_sibling_user_buys_cover_with_a_paid_transact() {
	dev_ext().execute_with(|| {
		let (mut collator, user) = funded_sibling_user(Alice);
		let author_before = free(&account(Alice));
		let next_cover = NextCoverId::<Runtime>::get();

		let amount = mut_(1_000);
		let events =
			deliver(&mut collator, transact_from_sibling_user(Alice, buy_cover_call(amount), FEE));

		assert_eq!(processed(&events), vec![true], "the message was executed: {events:#?}");
		// The cover exists and the sibling user's derived account owns it.
		let cover = Covers::<Runtime>::get(next_cover).expect("the cover was bought");
		assert_eq!(cover.owner, user);
		assert_eq!(cover.amount, amount);
		assert_eq!(NextCoverId::<Runtime>::get(), next_cover + 1);
		// The premium was paid from that account, and only the execution actually used was
		// charged: the surplus of the 1 MUT offered came back. The block author got the fee.
		let premium = premium_paid(&events);
		assert!(premium > 0);
		let fee_charged = FUNDS - premium - free(&user);
		assert!(fee_charged > 0, "execution is paid");
		assert!(fee_charged < FEE / 10, "the surplus was refunded: charged {fee_charged}");
		assert_eq!(free(&account(Alice)) - author_before, fee_charged, "the author got the fee");
	});
}

#[test]
fn the_fee_pays_at_most_the_weight_the_message_declares() {
	dev_ext().execute_with(|| {
		let (mut collator, user) = funded_sibling_user(Bob);
		let call = buy_cover_call(mut_(500));
		let message = transact_from_sibling_user(Bob, call.clone(), FEE);
		// What the message is weighed at before it runs: a unit per instruction plus the call's
		// own weight. At one planck per unit of ref time (the chain's fee rate), this is the most
		// it can cost.
		let instructions = message.0.len() as u64;
		let most = u128::from(
			UnitWeightCost::get().ref_time() * instructions
				+ call.get_dispatch_info().call_weight.ref_time(),
		);

		let events = deliver(&mut collator, message);

		assert_eq!(processed(&events), vec![true]);
		let fee_charged = FUNDS - premium_paid(&events) - free(&user);
		assert!(fee_charged <= most, "charged {fee_charged}, weighed at most {most}");
	});
}

#[test]
fn a_transact_outside_the_call_filter_is_refused() {
	dev_ext().execute_with(|| {
		let (mut collator, user) = funded_sibling_user(Alice);
		let bob_before = free(&account(Bob));

		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: account(Bob).into(),
			value: mut_(10),
		});
		let events = deliver(&mut collator, transact_from_sibling_user(Alice, transfer, FEE));

		assert_eq!(processed(&events), vec![false], "the message failed: {events:#?}");
		assert_eq!(free(&account(Bob)), bob_before, "nothing was transferred");
		// The fee withdrawn for it was trapped, not lost in the void: the user can claim it.
		assert!(trapped(&events));
		assert_eq!(free(&user), FUNDS - FEE);
	});
}

#[test]
fn a_message_that_offers_too_little_for_its_execution_is_refused() {
	dev_ext().execute_with(|| {
		let (mut collator, user) = funded_sibling_user(Alice);
		let next_cover = NextCoverId::<Runtime>::get();

		let events = deliver(
			&mut collator,
			transact_from_sibling_user(Alice, buy_cover_call(mut_(1_000)), 1_000),
		);

		assert_eq!(processed(&events), vec![false], "the message failed: {events:#?}");
		assert!(Covers::<Runtime>::get(next_cover).is_none(), "no cover was bought");
		assert_eq!(free(&user), FUNDS - 1_000, "only the offered fee left the account (trapped)");
	});
}

#[test]
fn a_message_that_does_not_pay_is_stopped_by_the_barrier() {
	dev_ext().execute_with(|| {
		let (mut collator, user) = funded_sibling_user(Alice);
		let next_cover = NextCoverId::<Runtime>::get();
		let call = buy_cover_call(mut_(1_000));
		let unpaid = Xcm(vec![
			DescendOrigin(AccountId32 { network: None, id: Alice.into() }.into()),
			Transact {
				origin_kind: OriginKind::SovereignAccount,
				fallback_max_weight: None,
				call: call.encode().into(),
			},
		]);

		let events = deliver(&mut collator, unpaid);

		assert_eq!(processed(&events), vec![false], "the message failed: {events:#?}");
		assert!(Covers::<Runtime>::get(next_cover).is_none());
		// Nothing was withdrawn, nothing trapped: the barrier stopped the message before any
		// instruction ran.
		assert_eq!(free(&user), FUNDS);
		assert!(!trapped(&events));
	});
}

#[test]
fn a_claim_filed_over_xcm_reaches_the_council_and_is_paid_to_the_sibling_user() {
	dev_ext().execute_with(|| {
		let (mut collator, user) = funded_sibling_user(Charlie);
		let cover_id = NextCoverId::<Runtime>::get();
		let events = deliver(
			&mut collator,
			transact_from_sibling_user(Charlie, buy_cover_call(mut_(1_000)), FEE),
		);
		assert_eq!(processed(&events), vec![true]);

		// The claim, filed by the same user over XCM.
		let claim_id = NextClaimId::<Runtime>::get();
		let evidence = b"ipfs://exploit-report".to_vec().try_into().expect("short");
		let claim = RuntimeCall::MutualPool(pallet_mutual_pool::Call::submit_claim {
			cover_id,
			amount: mut_(400),
			evidence,
		});
		let events = deliver(&mut collator, transact_from_sibling_user(Charlie, claim, FEE));
		assert_eq!(processed(&events), vec![true], "{events:#?}");
		assert!(events.iter().any(|event| matches!(
			event,
			RuntimeEvent::MutualPool(pallet_mutual_pool::Event::ClaimSubmitted {
				claim_id: id, claimant, ..
			}) if *id == claim_id && *claimant == user
		)));

		// The council approves it by a majority (3 of 5) and the payout reaches the user's
		// derived account here.
		let before = free(&user);
		let approve = RuntimeCall::MutualPool(pallet_mutual_pool::Call::approve_claim {
			claim_id,
			payout: mut_(400),
		});
		council_approves(approve, 3, &[Alice, Bob, Charlie]);
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::MutualPool(pallet_mutual_pool::Event::ClaimApproved { claim_id: id, .. })
				if id == claim_id
		)));
		// The payout and the claim deposit, returned on approval.
		assert!(free(&user) >= before + mut_(400), "the payout reached the user");
	});
}

#[test]
fn a_relay_chain_user_buys_cover_with_a_downward_message() {
	dev_ext().execute_with(|| {
		let mut collator = one_block_in();
		// Alice's account on the relay chain, and its local account here.
		let relay_alice = Location::new(1, [AccountId32 { network: None, id: Alice.into() }]);
		let user = LocationToAccountId::convert_location(&relay_alice).expect("converts");
		assert_ne!(user, account(Alice));
		fund(&user, FUNDS);
		let next_cover = NextCoverId::<Runtime>::get();

		let message = transact_as(Alice, buy_cover_call(mut_(1_000)), FEE, relay_alice);
		let mut events =
			collator.build_block_with(vec![], vec![VersionedXcm::from(message).encode()]);
		events.extend(collator.build_block(vec![]));

		assert_eq!(
			processed_from(&events, AggregateMessageOrigin::Parent),
			vec![true],
			"the downward message was executed: {events:#?}"
		);
		let cover = Covers::<Runtime>::get(next_cover).expect("the cover was bought");
		assert_eq!(cover.owner, user);
	});
}

#[test]
fn a_sibling_user_gets_a_deterministic_account_of_its_own() {
	let alice = sibling_user(Alice);
	let derived = sibling_user_account(Alice);
	// The hashed description of the location, nothing else.
	assert_eq!(
		Some(derived.clone()),
		HashedDescription::<AccountId, DescribeFamily<DescribeAllTerminal>>::convert_location(
			&alice
		)
	);
	// Not the sibling chain's sovereign account, not another user's, not the same id here.
	let sovereign = LocationToAccountId::convert_location(&Location::new(1, [Parachain(SIBLING)]))
		.expect("a sibling converts");
	assert_ne!(derived, sovereign);
	assert_ne!(derived, sibling_user_account(Bob));
	assert_ne!(derived, account(Alice));
	// The same user of another sibling is another account.
	let elsewhere =
		Location::new(1, [Parachain(SIBLING + 1), AccountId32 { network: None, id: Alice.into() }]);
	assert_ne!(Some(derived), LocationToAccountId::convert_location(&elsewhere));
}

#[test]
fn the_call_filter_admits_the_mutual_pool_and_batches_of_it_only() {
	let buy = buy_cover_call(mut_(1));
	let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: account(Bob).into(),
		value: 1,
	});
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
	let batch =
		|calls: Vec<RuntimeCall>| RuntimeCall::Utility(pallet_utility::Call::batch_all { calls });
	let admits =
		|call: &RuntimeCall| <SafeCallFilter as frame_support::traits::Contains<_>>::contains(call);

	assert!(admits(&buy));
	assert!(admits(&batch(vec![buy.clone(), buy.clone()])));
	assert!(!admits(&transfer));
	assert!(!admits(&remark));
	assert!(!admits(&batch(vec![buy.clone(), transfer.clone()])), "a batch is checked inside");
	assert!(!admits(&RuntimeCall::Utility(pallet_utility::Call::force_batch {
		calls: vec![buy.clone(), transfer.clone()]
	})));
	assert!(!admits(&RuntimeCall::Utility(pallet_utility::Call::if_else {
		main: Box::new(buy.clone()),
		fallback: Box::new(transfer.clone())
	})));
	assert!(admits(&RuntimeCall::Utility(pallet_utility::Call::if_else {
		main: Box::new(buy.clone()),
		fallback: Box::new(buy.clone())
	})));
	assert!(!admits(&RuntimeCall::Utility(pallet_utility::Call::with_weight {
		call: Box::new(buy.clone()),
		weight: Default::default()
	})));
	assert!(!admits(&RuntimeCall::Utility(pallet_utility::Call::dispatch_as_fallible {
		as_origin: Box::new(frame_system::RawOrigin::Root.into()),
		call: Box::new(buy.clone())
	})));
	assert!(!admits(&RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
		as_origin: Box::new(frame_system::RawOrigin::Root.into()),
		call: Box::new(buy.clone())
	})));
	// Nesting is bounded.
	let mut nested = buy;
	for _ in 0..4 {
		nested = batch(vec![nested]);
	}
	assert!(admits(&nested));
	assert!(!admits(&batch(vec![nested])), "too deep");
}

/// Review of issue 10, finding 1: a signed user could make the chain send XCM for the price of a
/// transaction (`PolkadotXcm::send`), into an upward queue that every block reads and rewrites
/// whole; enough of them fill the block's proof and stop the chain. Only Root may send.
#[test]
fn a_user_cannot_make_the_chain_send_xcm() {
	dev_ext().execute_with(|| {
		one_block_in();
		let message = Xcm::<()>(vec![ClearOrigin; 50]);
		assert_noop!(
			PolkadotXcm::send(
				RuntimeOrigin::signed(account(Alice)),
				Box::new(Location::parent().into()),
				Box::new(VersionedXcm::from(message.clone())),
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert!(cumulus_pallet_parachain_system::PendingUpwardMessages::<Runtime>::get().is_empty());
	});
}

/// Review of issue 10, finding 1: what the chain sends on anyone's behalf (a remote program's
/// `ReportError`, `DepositReserveAsset`, ...) pays a delivery fee that grows with the queue.
#[test]
fn messages_the_chain_sends_pay_for_their_delivery() {
	use polkadot_runtime_common::xcm_sender::PriceForMessageDelivery;
	let message = Xcm::<()>(vec![ClearOrigin; 50]);
	let fee = |assets: Assets| match assets.into_inner().as_slice() {
		[Asset { fun: Fungible(amount), .. }] => *amount,
		_ => 0,
	};
	dev_ext().execute_with(|| {
		one_block_in();
		let (_, to_relay) = xcm::latest::validate_send::<
			mutual_pool_runtime_para::configs::xcm_config::XcmRouter,
		>(Location::parent(), message.clone())
		.expect("the relay chain is reachable");
		let to_sibling = <<Runtime as cumulus_pallet_xcmp_queue::Config>::PriceForSiblingDelivery as
			PriceForMessageDelivery>::price_for_delivery(SIBLING.into(), &message);
		assert!(fee(to_relay) > 0, "delivery to the relay chain is paid");
		assert!(fee(to_sibling) > 0, "delivery to a sibling is paid");
	});
}

/// Review of issue 10, finding 2: this chain moves no MUT over XCM; pallet-xcm's transfers carry
/// the foreign assets only, to their reserve (tests in `xcm_assets.rs`).
#[test]
fn users_cannot_transfer_assets_over_xcm() {
	dev_ext().execute_with(|| {
		one_block_in();
		let assets: Assets = (Here, mut_(1)).into();
		let beneficiary: Location = AccountId32 { network: None, id: Bob.into() }.into();
		let result = PolkadotXcm::limited_reserve_transfer_assets(
			RuntimeOrigin::signed(account(Alice)),
			Box::new(Location::new(1, [Parachain(SIBLING)]).into()),
			Box::new(beneficiary.into()),
			Box::new(assets.into()),
			0,
			Unlimited,
		);
		assert_eq!(result, Err(pallet_xcm::Error::<Runtime>::Filtered.into()));
	});
}

/// Review of issue 10, finding 3: `as_derivative` would put what a remote user receives (a
/// withdrawal, a payout) on a sub-account that no XCM program can move it from.
#[test]
fn the_call_filter_refuses_derivative_accounts() {
	let buy = buy_cover_call(mut_(1));
	let derivative =
		RuntimeCall::Utility(pallet_utility::Call::as_derivative { index: 0, call: Box::new(buy) });
	assert!(!<SafeCallFilter as frame_support::traits::Contains<_>>::contains(&derivative));
}

/// Review of issue 10, finding 7: the refusals fail for the reason the tests name: the call
/// filter at `Transact` (instruction 3), the price at `BuyExecution` (instruction 2).
#[test]
fn refused_messages_fail_at_the_instruction_that_refuses_them() {
	use xcm_runtime_apis::dry_run::XcmDryRunEffects;
	dev_ext().execute_with(|| {
		funded_sibling_user(Alice);
		let origin = Location::new(1, [Parachain(SIBLING)]);
		let outcome =
			|message: Xcm<()>| {
				let XcmDryRunEffects { execution_result, .. } =
					PolkadotXcm::dry_run_xcm::<
						mutual_pool_runtime_para::configs::xcm_config::XcmRouter,
					>(origin.clone().into(), VersionedXcm::from(message.into::<RuntimeCall>()))
					.expect("the dry run runs");
				execution_result
			};
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: account(Bob).into(),
			value: mut_(10),
		});
		assert!(matches!(
			outcome(transact_from_sibling_user(Alice, transfer, FEE)),
			Outcome::Incomplete {
				error: InstructionError { index: 3, error: XcmError::NoPermission },
				..
			}
		));
		assert!(matches!(
			outcome(transact_from_sibling_user(Alice, buy_cover_call(mut_(1_000)), 1_000)),
			Outcome::Incomplete {
				error: InstructionError { index: 2, error: XcmError::TooExpensive },
				..
			}
		));
	});
}

/// Review of issue 10, finding 8: the derived account is the hash that docs/parachain.md gives,
/// `blake2_256(("SiblingChain", Compact(para), ("AccountId32", id).encode()).encode())`.
#[test]
fn the_derived_account_is_the_documented_hash() {
	let id: [u8; 32] = Alice.into();
	let preimage =
		(b"SiblingChain", codec::Compact(SIBLING), (b"AccountId32", id).encode()).encode();
	let expected = AccountId::from(sp_io::hashing::blake2_256(&preimage));
	assert_eq!(sibling_user_account(Alice), expected);
}
