//! USDT and DOT over XCM, through the real path (messages in a block's `set_validation_data`
//! inherent, `XcmpQueue` or the downward queue, `MessageQueue`, the XCM executor): a reserve
//! deposit of USDT from Asset Hub (para 1000, `SIBLING`), cover bought on the USDT pool with a
//! `Transact` whose execution is paid in USDT, a claim paid in USDT and sent back to Asset Hub as
//! a reserve withdrawal, DOT from and back to the relay chain; and the refusals: a reserve that
//! is not the asset's, an asset not registered, a fee below the price, a teleport, a transfer
//! anywhere but to the asset's reserve, a transfer of MUT.
//!
//! The messages are the ones Asset Hub's and the relay chain's pallet-xcm send for a reserve
//! transfer (`ReserveAssetDeposited, ClearOrigin, BuyExecution, DepositAsset`), written here.

use crate::common::*;
use codec::{Decode, Encode};
use cumulus_primitives_core::{AggregateMessageOrigin, XcmpMessageFormat};
use frame_support::{
	assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::Inspect as _, fungibles::Inspect},
};
use mutual_pool_runtime_common::{assets::USD, genesis::USD_MIN_BALANCE};
use mutual_pool_runtime_para::{
	configs::{
		assets::DOT,
		treasury_account,
		xcm_config::{DotLocation, UnitWeightCost, UsdtLocation, XcmRouter},
	},
	AccountId, Balance, Balances, ForeignAssets, MutualPool, PolkadotXcm, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, System,
};
use pallet_mutual_pool::{Covers, NextClaimId, NextCoverId};
use sp_keyring::Sr25519Keyring;
use xcm::{latest::prelude::*, VersionedXcm};
use xcm_runtime_apis::dry_run::XcmDryRunEffects;

/// The USDT pool and its product in the presets.
const USDT_POOL: u32 = 1;
const USDT_PRODUCT: u32 = 2;

fn usdt() -> Location {
	UsdtLocation::get()
}

fn dot() -> Location {
	DotLocation::get()
}

fn asset_hub() -> Location {
	Location::new(1, [Parachain(SIBLING)])
}

/// `who`'s account on the chain the message goes to, as that chain sees it.
fn there(who: Sr25519Keyring) -> Location {
	AccountId32 { network: None, id: who.into() }.into()
}

/// A local account as an XCM location here.
fn here(who: &AccountId) -> Location {
	AccountId32 { network: None, id: who.clone().into() }.into()
}

fn usdt_of(who: &AccountId) -> Balance {
	ForeignAssets::balance(usdt(), who)
}

fn dot_of(who: &AccountId) -> Balance {
	ForeignAssets::balance(dot(), who)
}

fn issuance(asset: Location) -> Balance {
	<ForeignAssets as Inspect<AccountId>>::total_issuance(asset)
}

/// What a reserve transfer of `amount` of `asset` to `beneficiary` sends here (pallet-xcm's
/// `limited_reserve_transfer_assets` on the reserve, fees taken from the same asset, at most
/// `fee` of it).
fn reserve_deposit(
	asset: Location,
	amount: Balance,
	fee: Balance,
	beneficiary: Location,
) -> Xcm<()> {
	Xcm(vec![
		ReserveAssetDeposited((asset.clone(), amount).into()),
		ClearOrigin,
		BuyExecution { fees: (asset, fee).into(), weight_limit: Unlimited },
		DepositAsset { assets: Wild(AllCounted(1)), beneficiary },
	])
}

/// The most the executor charges for `message`: a unit weight per instruction (and `Transact`'s
/// call weight), at `per_second` of the asset per second of ref time.
fn most_for(message: &Xcm<()>, call_weight: u64, per_second: u128) -> Balance {
	let ref_time = UnitWeightCost::get().ref_time() * message.0.len() as u64 + call_weight;
	per_second * u128::from(ref_time) / 1_000_000_000_000
}

/// Sends `message` from Asset Hub and builds the block that executes it; the events of both.
fn from_asset_hub(collator: &mut Collator, message: Xcm<()>) -> Vec<RuntimeEvent> {
	let mut events = collator.build_block(vec![(SIBLING.into(), xcmp_data(message))]);
	events.extend(collator.build_block(vec![]));
	events
}

/// Sends `message` from sibling `para` (not Asset Hub); the events.
fn from_sibling(collator: &mut Collator, para: u32, message: Xcm<()>) -> Vec<RuntimeEvent> {
	let mut events = collator.build_block(vec![(para.into(), xcmp_data(message))]);
	events.extend(collator.build_block(vec![]));
	events
}

/// Sends `message` down from the relay chain; the events.
fn from_relay(collator: &mut Collator, message: Xcm<()>) -> Vec<RuntimeEvent> {
	let mut events = collator.build_block_with(vec![], vec![VersionedXcm::from(message).encode()]);
	events.extend(collator.build_block(vec![]));
	events
}

/// How `message` from `origin` ends, by a dry run.
fn outcome(origin: Location, message: Xcm<()>) -> Outcome {
	let XcmDryRunEffects { execution_result, .. } =
		PolkadotXcm::dry_run_xcm::<XcmRouter>(origin.into(), VersionedXcm::from(message.into()))
			.expect("the dry run runs");
	execution_result
}

fn fails_at(outcome: Outcome, index: u8, error: XcmError) -> bool {
	matches!(outcome, Outcome::Incomplete { error: InstructionError { index: i, error: e }, .. }
		if i == index && e == error)
}

/// The XCM messages this chain sends to sibling `para` in the last block built.
fn sent_to_sibling(para: u32) -> Vec<Xcm<()>> {
	cumulus_pallet_parachain_system::HrmpOutboundMessages::<Runtime>::get()
		.into_iter()
		.filter(|message| u32::from(message.recipient) == para)
		.flat_map(|message| {
			let mut data = &message.data[..];
			assert_eq!(
				XcmpMessageFormat::decode(&mut data),
				Ok(XcmpMessageFormat::ConcatenatedVersionedXcm)
			);
			let mut messages = vec![];
			while !data.is_empty() {
				let versioned = VersionedXcm::<()>::decode(&mut data).expect("an XCM");
				messages.push(Xcm::<()>::try_from(versioned).expect("the latest version"));
			}
			messages
		})
		.collect()
}

/// What Asset Hub must do with the message this chain sends it to withdraw `amount` USDT from
/// this chain's sovereign account there for `beneficiary`: its instructions without the topic.
fn reserve_withdrawal_on_asset_hub(amount: Balance, beneficiary: Location) -> Vec<Instruction<()>> {
	// USDT as Asset Hub sees it.
	let usdt_there: Asset =
		(Location::new(0, [PalletInstance(50), GeneralIndex(1984)]), amount).into();
	vec![
		WithdrawAsset(usdt_there.clone().into()),
		ClearOrigin,
		BuyExecution { fees: usdt_there, weight_limit: Unlimited },
		DepositAsset { assets: Wild(AllCounted(1)), beneficiary },
	]
}

/// The instructions of `message` before its trailing `SetTopic`.
fn without_topic(message: &Xcm<()>) -> Vec<Instruction<()>> {
	message.0.iter().filter(|i| !matches!(i, SetTopic(_))).cloned().collect()
}

/// A chain one block in, with `amount` USDT deposited from Asset Hub into the account of
/// `beneficiary`; returns the collator and the USDT the deposit's execution cost.
fn with_usdt_deposited(beneficiary: Location, amount: Balance) -> (Collator, Balance) {
	let mut collator = Collator::start();
	let treasury = usdt_of(&treasury_account());
	let events = from_asset_hub(&mut collator, reserve_deposit(usdt(), amount, USD, beneficiary));
	assert_eq!(processed(&events), vec![true], "the deposit was executed: {events:#?}");
	(collator, usdt_of(&treasury_account()) - treasury)
}

#[test]
fn a_reserve_deposit_of_usdt_from_asset_hub_lands_in_the_users_account() {
	dev_ext().execute_with(|| {
		let user = sibling_user_account(Alice);
		let issued = issuance(usdt());
		let amount = 5_000 * USD;
		let message = reserve_deposit(usdt(), amount, USD, sibling_user(Alice));
		let most = most_for(&message, 0, 1_000_000);

		let (_collator, fee) = with_usdt_deposited(sibling_user(Alice), amount);

		// The user's account (the one its location converts to) got the amount less the
		// execution, which went to the treasury, in USDT; exactly `amount` was minted.
		assert!(fee > 0 && fee <= most, "execution cost {fee} USDT units, at most {most}");
		assert_eq!(usdt_of(&user), amount - fee);
		assert_eq!(issuance(usdt()), issued + amount);
		// Nothing else: no MUT, no DOT.
		assert_eq!(Balances::balance(&user), 0);
		assert_eq!(dot_of(&user), 0);
	});
}

#[test]
fn a_sibling_user_buys_cover_on_the_usdt_pool_paying_the_fee_in_usdt() {
	dev_ext().execute_with(|| {
		let user = sibling_user_account(Alice);
		let (mut collator, _) = with_usdt_deposited(sibling_user(Alice), 5_000 * USD);
		let before = usdt_of(&user);
		let treasury = usdt_of(&treasury_account());
		let pool_account = usdt_of(&MutualPool::pool_account(USDT_POOL));
		let next_cover = NextCoverId::<Runtime>::get();

		let amount = 1_000 * USD;
		let call = RuntimeCall::MutualPool(pallet_mutual_pool::Call::buy_cover {
			product_id: USDT_PRODUCT,
			amount,
			period: 1_000,
			max_premium: 100 * USD,
		});
		let call_weight = call.get_dispatch_info().call_weight.ref_time();
		let fee: Asset = (usdt(), USD).into();
		let message = Xcm(vec![
			DescendOrigin(AccountId32 { network: None, id: Alice.into() }.into()),
			WithdrawAsset(fee.clone().into()),
			BuyExecution { fees: fee, weight_limit: Unlimited },
			Transact {
				origin_kind: OriginKind::SovereignAccount,
				fallback_max_weight: None,
				call: call.encode().into(),
			},
			RefundSurplus,
			DepositAsset { assets: Wild(AllCounted(1)), beneficiary: sibling_user(Alice) },
		]);
		let most = most_for(&message, call_weight, 1_000_000);
		let events = from_asset_hub(&mut collator, message);

		assert_eq!(processed(&events), vec![true], "the message was executed: {events:#?}");
		let cover = Covers::<Runtime>::get(next_cover).expect("the cover was bought");
		assert_eq!(
			(cover.owner.clone(), cover.amount, cover.product_id),
			(user.clone(), amount, 2)
		);
		let premium = events
			.iter()
			.find_map(|event| match event {
				RuntimeEvent::MutualPool(pallet_mutual_pool::Event::CoverBought {
					premium,
					..
				}) => Some(*premium),
				_ => None,
			})
			.expect("a cover was bought");
		// The premium went to the pool in USDT, the execution to the treasury in USDT, the
		// surplus of the fee came back; the user has no MUT and needed none.
		let charged = usdt_of(&treasury_account()) - treasury;
		assert!(charged > 0 && charged <= most, "charged {charged}, at most {most}");
		assert_eq!(usdt_of(&user), before - premium - charged);
		assert_eq!(usdt_of(&MutualPool::pool_account(USDT_POOL)), pool_account + premium);
		assert_eq!(Balances::balance(&user), 0);
		Collator::check_books();
	});
}

#[test]
fn an_approved_claim_is_paid_in_usdt_and_sent_back_to_asset_hub() {
	dev_ext().execute_with(|| {
		// Bob's account here receives USDT from his account on Asset Hub.
		let bob = account(Bob);
		let (mut collator, _) = with_usdt_deposited(here(&bob), 5_000 * USD);
		let cover_id = NextCoverId::<Runtime>::get();
		assert_ok!(MutualPool::buy_cover(
			RuntimeOrigin::signed(bob.clone()),
			USDT_PRODUCT,
			1_000 * USD,
			1_000,
			100 * USD
		));
		let claim_id = NextClaimId::<Runtime>::get();
		let evidence = b"ipfs://exploit-report".to_vec().try_into().expect("short");
		assert_ok!(MutualPool::submit_claim(
			RuntimeOrigin::signed(bob.clone()),
			cover_id,
			400 * USD,
			evidence
		));

		// The council approves it (3 of 5): 400 USDT leave the pool for Bob.
		let before = usdt_of(&bob);
		let pool_account = usdt_of(&MutualPool::pool_account(USDT_POOL));
		let approve = RuntimeCall::MutualPool(pallet_mutual_pool::Call::approve_claim {
			claim_id,
			payout: 400 * USD,
		});
		council_approves(approve, 3, &[Alice, Bob, Charlie]);
		assert_eq!(usdt_of(&bob), before + 400 * USD, "the payout is in USDT");
		assert_eq!(usdt_of(&MutualPool::pool_account(USDT_POOL)), pool_account - 400 * USD);

		// Bob sends the payout home: pallet-xcm's transfer to USDT's reserve.
		let issued = issuance(usdt());
		let mut_before = Balances::balance(&bob);
		let amount = 400 * USD;
		assert_ok!(PolkadotXcm::transfer_assets(
			RuntimeOrigin::signed(bob.clone()),
			Box::new(asset_hub().into()),
			Box::new(there(Bob).into()),
			Box::new(Assets::from(vec![(usdt(), amount).into()]).into()),
			0,
			Unlimited,
		));
		// Burned here (Asset Hub releases it from this chain's sovereign account there)...
		assert_eq!(usdt_of(&bob), before + 400 * USD - amount);
		assert_eq!(issuance(usdt()), issued - amount);
		// ...the delivery paid in MUT...
		assert!(Balances::balance(&bob) < mut_before, "the delivery fee is paid");
		// ...and the withdrawal goes to Asset Hub.
		let sent = System::events()
			.into_iter()
			.find_map(|record| match record.event {
				RuntimeEvent::PolkadotXcm(pallet_xcm::Event::Sent {
					destination, message, ..
				}) => Some((destination, message)),
				_ => None,
			})
			.expect("a message was sent");
		let expected = reserve_withdrawal_on_asset_hub(amount, there(Bob));
		assert_eq!(sent.0, asset_hub());
		assert_eq!(without_topic(&sent.1), expected);
		collator.build_block(vec![]);
		let outbound = sent_to_sibling(SIBLING);
		assert_eq!(outbound.len(), 1, "one message left for Asset Hub: {outbound:?}");
		assert_eq!(without_topic(&outbound[0]), expected);
		Collator::check_books();
	});
}

#[test]
fn a_sibling_user_sends_usdt_back_to_asset_hub_with_a_program_of_its_own() {
	dev_ext().execute_with(|| {
		let user = sibling_user_account(Alice);
		let (mut collator, _) = with_usdt_deposited(sibling_user(Alice), 500 * USD);
		// The delivery of what this chain sends is paid in MUT.
		fund(&user, mut_(1));
		let issued = issuance(usdt());
		let amount = 200 * USD;
		let fee: Asset = (Here, mut_(1) / 2).into();
		let usdt_on_asset_hub = Location::new(0, [PalletInstance(50), GeneralIndex(1984)]);
		let message = Xcm(vec![
			DescendOrigin(AccountId32 { network: None, id: Alice.into() }.into()),
			WithdrawAsset(vec![fee.clone(), (usdt(), amount).into()].into()),
			BuyExecution { fees: fee, weight_limit: Unlimited },
			InitiateReserveWithdraw {
				assets: Wild(AllOf { id: AssetId(usdt()), fun: WildFungible }),
				reserve: asset_hub(),
				xcm: Xcm(vec![
					BuyExecution {
						fees: (usdt_on_asset_hub.clone(), USD).into(),
						weight_limit: Unlimited,
					},
					DepositAsset { assets: Wild(AllCounted(1)), beneficiary: there(Alice) },
				]),
			},
			RefundSurplus,
			DepositAsset { assets: Wild(AllCounted(1)), beneficiary: sibling_user(Alice) },
		]);
		let events = from_asset_hub(&mut collator, message);

		assert_eq!(processed(&events), vec![true], "the message was executed: {events:#?}");
		assert_eq!(issuance(usdt()), issued - amount, "the USDT left this chain");
		let outbound = sent_to_sibling(SIBLING);
		assert_eq!(outbound.len(), 1, "{outbound:?}");
		assert!(matches!(
			without_topic(&outbound[0]).first(),
			Some(WithdrawAsset(assets)) if assets.inner()
				== &[Asset::from((usdt_on_asset_hub, amount))][..]
		));
	});
}

#[test]
fn dot_arrives_from_the_relay_chain_and_goes_back_to_it() {
	dev_ext().execute_with(|| {
		let mut collator = Collator::start();
		let bob = account(Bob);
		let issued = issuance(dot());
		let amount = 10 * DOT;
		let message = reserve_deposit(dot(), amount, DOT / 10, here(&bob));
		// 0.2 DOT per second.
		let most = most_for(&message, 0, 2_000_000_000);
		let treasury = dot_of(&treasury_account());
		let events = from_relay(&mut collator, message);
		assert_eq!(
			processed_from(&events, AggregateMessageOrigin::Parent),
			vec![true],
			"{events:#?}"
		);
		let fee = dot_of(&treasury_account()) - treasury;
		assert!(fee > 0 && fee <= most, "execution cost {fee} planck, at most {most}");
		assert_eq!(dot_of(&bob), amount - fee);
		assert_eq!(issuance(dot()), issued + amount);

		// Back to the relay chain: burned here, withdrawn there.
		let back = 5 * DOT;
		assert_ok!(PolkadotXcm::transfer_assets(
			RuntimeOrigin::signed(bob.clone()),
			Box::new(Location::parent().into()),
			Box::new(there(Bob).into()),
			Box::new(Assets::from(vec![(dot(), back).into()]).into()),
			0,
			Unlimited,
		));
		assert_eq!(dot_of(&bob), amount - fee - back);
		assert_eq!(issuance(dot()), issued + amount - back);
		let upward = cumulus_pallet_parachain_system::PendingUpwardMessages::<Runtime>::get();
		assert_eq!(upward.len(), 1, "one message for the relay chain");
		let mut data = &upward[0][..];
		let sent: Xcm<()> = VersionedXcm::<()>::decode(&mut data)
			.expect("an XCM")
			.try_into()
			.expect("the latest version");
		let dot_there: Asset = (Here, back).into();
		assert_eq!(
			without_topic(&sent),
			vec![
				WithdrawAsset(dot_there.clone().into()),
				ClearOrigin,
				BuyExecution { fees: dot_there, weight_limit: Unlimited },
				DepositAsset { assets: Wild(AllCounted(1)), beneficiary: there(Bob) },
			]
		);
	});
}

#[test]
fn a_sibling_user_sends_dot_back_to_the_relay_chain_with_a_program_of_its_own() {
	dev_ext().execute_with(|| {
		let mut collator = Collator::start();
		let user = sibling_user_account(Alice);
		// DOT from the relay chain, for the sibling's user.
		let deposit = reserve_deposit(dot(), 10 * DOT, DOT / 10, sibling_user(Alice));
		let events = from_relay(&mut collator, deposit);
		assert_eq!(processed_from(&events, AggregateMessageOrigin::Parent), vec![true]);
		// The delivery of what this chain sends is paid in MUT.
		fund(&user, mut_(1));
		let issued = issuance(dot());
		let amount = 5 * DOT;
		let fee: Asset = (Here, mut_(1) / 2).into();
		let withdrawal = |reserve_xcm: Instruction<()>| {
			Xcm(vec![
				DescendOrigin(AccountId32 { network: None, id: Alice.into() }.into()),
				WithdrawAsset(vec![fee.clone(), (dot(), amount).into()].into()),
				BuyExecution { fees: fee.clone(), weight_limit: Unlimited },
				reserve_xcm,
				RefundSurplus,
				DepositAsset { assets: Wild(AllCounted(2)), beneficiary: sibling_user(Alice) },
			])
		};
		let on_relay = Xcm(vec![
			BuyExecution { fees: (Here, DOT / 10).into(), weight_limit: Unlimited },
			DepositAsset { assets: Wild(AllCounted(1)), beneficiary: there(Alice) },
		]);
		let dot_only = Wild(AllOf { id: AssetId(dot()), fun: WildFungible });

		// Depositing to the relay chain as if this chain were DOT's reserve is stopped.
		let deposit_to_relay = withdrawal(DepositReserveAsset {
			assets: dot_only.clone(),
			dest: Location::parent(),
			xcm: on_relay.clone(),
		});
		assert!(fails_at(outcome(asset_hub(), deposit_to_relay), 0, XcmError::Barrier));

		// Withdrawing from the reserve passes: burned here, withdrawn there.
		let events = from_asset_hub(
			&mut collator,
			withdrawal(InitiateReserveWithdraw {
				assets: dot_only,
				reserve: Location::parent(),
				xcm: on_relay,
			}),
		);
		assert_eq!(processed(&events), vec![true], "{events:#?}");
		assert_eq!(issuance(dot()), issued - amount);
		let upward = cumulus_pallet_parachain_system::UpwardMessages::<Runtime>::get();
		assert_eq!(upward.len(), 1, "one message for the relay chain");
		let sent: Xcm<()> = VersionedXcm::<()>::decode(&mut &upward[0][..])
			.expect("an XCM")
			.try_into()
			.expect("the latest version");
		assert_eq!(sent.0.first(), Some(&WithdrawAsset(Asset::from((Here, amount)).into())));
	});
}

#[test]
fn reserve_deposits_from_the_wrong_reserve_or_of_other_assets_are_refused() {
	dev_ext().execute_with(|| {
		let mut collator = Collator::start();
		let bob = account(Bob);
		let usdc = Location::new(1, [Parachain(SIBLING), PalletInstance(50), GeneralIndex(1337)]);
		let (usdt_issued, dot_issued) = (issuance(usdt()), issuance(dot()));
		let refused = [
			// USDT claimed by a sibling that is not Asset Hub.
			(
				Location::new(1, [Parachain(2001)]),
				reserve_deposit(usdt(), 100 * USD, USD, here(&bob)),
			),
			// DOT claimed by Asset Hub (its reserve here is the relay chain).
			(asset_hub(), reserve_deposit(dot(), DOT, DOT / 10, here(&bob))),
			// USDT claimed by the relay chain.
			(Location::parent(), reserve_deposit(usdt(), 100 * USD, USD, here(&bob))),
			// An asset of Asset Hub this chain does not take (USDC, 1337).
			(asset_hub(), reserve_deposit(usdc.clone(), 100 * USD, USD, here(&bob))),
		];
		for (origin, message) in refused {
			assert!(
				fails_at(
					outcome(origin.clone(), message.clone()),
					0,
					XcmError::UntrustedReserveLocation
				),
				"{origin:?} {message:?}"
			);
		}
		// Delivered for real, through the queues: nothing is credited.
		let events =
			from_sibling(&mut collator, 2001, reserve_deposit(usdt(), 100 * USD, USD, here(&bob)));
		assert_eq!(
			processed_from(&events, AggregateMessageOrigin::Sibling(2001.into())),
			vec![false]
		);
		let events =
			from_asset_hub(&mut collator, reserve_deposit(dot(), DOT, DOT / 10, here(&bob)));
		assert_eq!(processed(&events), vec![false]);
		let events =
			from_asset_hub(&mut collator, reserve_deposit(usdc, 100 * USD, USD, here(&bob)));
		assert_eq!(processed(&events), vec![false]);
		assert_eq!((issuance(usdt()), issuance(dot())), (usdt_issued, dot_issued));
		assert_eq!(usdt_of(&bob), mutual_pool_runtime_common::genesis::USD_ENDOWMENT);
		assert_eq!(dot_of(&bob), 0);
	});
}

#[test]
fn a_trusted_asset_that_is_not_registered_is_not_minted() {
	dev_ext().execute_with(|| {
		let mut collator = Collator::start();
		let bob = account(Bob);
		// DOT taken out of the registry (as if governance had never registered it): the relay
		// chain is still its trusted reserve, but there is nothing to mint it in.
		pallet_assets::Asset::<Runtime, pallet_assets::Instance1>::remove(dot());
		let message = reserve_deposit(dot(), DOT, DOT / 10, here(&bob));
		// Execution is bought (in holding), but the deposit finds no asset to mint.
		assert!(matches!(
			outcome(Location::parent(), message.clone()),
			Outcome::Incomplete { error: InstructionError { index: 3, .. }, .. }
		));
		let events = from_relay(&mut collator, message);
		assert_eq!(processed_from(&events, AggregateMessageOrigin::Parent), vec![false]);
		assert_eq!(dot_of(&bob), 0);
	});
}

#[test]
fn a_deposit_that_does_not_pay_for_its_execution_credits_nothing() {
	dev_ext().execute_with(|| {
		let mut collator = Collator::start();
		let bob = account(Bob);
		let endowed = mutual_pool_runtime_common::genesis::USD_ENDOWMENT;
		let issued = issuance(usdt());
		// One unit (a millionth of a USDT) offered for four instructions.
		let message = reserve_deposit(usdt(), 100 * USD, 1, here(&bob));
		assert!(fails_at(outcome(asset_hub(), message.clone()), 2, XcmError::TooExpensive));
		let events = from_asset_hub(&mut collator, message);
		assert_eq!(processed(&events), vec![false]);
		assert_eq!(usdt_of(&bob), endowed, "nothing credited");
		// What arrived is trapped for Asset Hub, the sender, to claim. The trapped units keep
		// their place in the issuance (the executor's holding is a credit of the asset, which
		// pallet-xcm's trap keeps rather than burns, so that a claim restores it without
		// minting): they exist, and Asset Hub holds their backing.
		assert!(events.iter().any(|event| matches!(
			event,
			RuntimeEvent::PolkadotXcm(pallet_xcm::Event::AssetsTrapped { origin, .. })
				if *origin == asset_hub()
		)));
		assert_eq!(issuance(usdt()), issued + 100 * USD);
		assert_eq!(usdt_of(&treasury_account()), USD_MIN_BALANCE, "no fee was taken");

		// Asset Hub claims them, paying this time, for Bob: credited once, nothing minted again.
		let claim = Xcm(vec![
			ClaimAsset { assets: (usdt(), 100 * USD).into(), ticket: Here.into() },
			BuyExecution { fees: (usdt(), USD).into(), weight_limit: Unlimited },
			DepositAsset { assets: Wild(AllCounted(1)), beneficiary: here(&bob) },
		]);
		let events = from_asset_hub(&mut collator, claim.clone());
		assert_eq!(processed(&events), vec![true], "{events:#?}");
		let fee = usdt_of(&treasury_account()) - USD_MIN_BALANCE;
		assert!(fee > 0);
		assert_eq!(usdt_of(&bob), endowed + 100 * USD - fee);
		assert_eq!(issuance(usdt()), issued + 100 * USD);
		// A trap is claimed once.
		let events = from_asset_hub(&mut collator, claim);
		assert_eq!(processed(&events), vec![false]);
		assert_eq!(issuance(usdt()), issued + 100 * USD);
	});
}

#[test]
fn a_teleport_of_usdt_is_refused() {
	dev_ext().execute_with(|| {
		let bob = account(Bob);
		let message = Xcm(vec![
			ReceiveTeleportedAsset((usdt(), 100 * USD).into()),
			ClearOrigin,
			BuyExecution { fees: (usdt(), USD).into(), weight_limit: Unlimited },
			DepositAsset { assets: Wild(AllCounted(1)), beneficiary: here(&bob) },
		]);
		assert!(fails_at(outcome(asset_hub(), message), 0, XcmError::UntrustedTeleportLocation));
	});
}

#[test]
fn usdt_leaves_only_for_asset_hub_and_mut_not_at_all() {
	dev_ext().execute_with(|| {
		Collator::start();
		let bob = account(Bob);
		let usdt_before = usdt_of(&bob);
		let mut_before = Balances::balance(&bob);
		let usdt_assets = || Box::new(Assets::from(vec![(usdt(), 100 * USD).into()]).into());
		let sibling = Location::new(1, [Parachain(2001)]);

		// To another sibling, through Asset Hub (a remote reserve transfer): refused.
		assert!(PolkadotXcm::transfer_assets(
			RuntimeOrigin::signed(bob.clone()),
			Box::new(sibling.clone().into()),
			Box::new(there(Bob).into()),
			usdt_assets(),
			0,
			Unlimited,
		)
		.is_err());
		// To Asset Hub with this chain as the reserve (USDT into Asset Hub's sovereign account
		// here, a derivative minted there): refused.
		assert!(PolkadotXcm::transfer_assets_using_type_and_then(
			RuntimeOrigin::signed(bob.clone()),
			Box::new(asset_hub().into()),
			usdt_assets(),
			Box::new(xcm_executor::traits::TransferType::LocalReserve),
			Box::new(AssetId(usdt()).into()),
			Box::new(xcm_executor::traits::TransferType::LocalReserve),
			Box::new(VersionedXcm::from(Xcm::<()>(vec![DepositAsset {
				assets: Wild(AllCounted(1)),
				beneficiary: there(Bob),
			}]))),
			Unlimited,
		)
		.is_err());
		// The same with Asset Hub named as the remote reserve of a transfer to a sibling.
		assert!(PolkadotXcm::transfer_assets_using_type_and_then(
			RuntimeOrigin::signed(bob.clone()),
			Box::new(sibling.clone().into()),
			usdt_assets(),
			Box::new(xcm_executor::traits::TransferType::RemoteReserve(asset_hub().into())),
			Box::new(AssetId(usdt()).into()),
			Box::new(xcm_executor::traits::TransferType::RemoteReserve(asset_hub().into())),
			Box::new(VersionedXcm::from(Xcm::<()>(vec![DepositAsset {
				assets: Wild(AllCounted(1)),
				beneficiary: there(Bob),
			}]))),
			Unlimited,
		)
		.is_err());
		// A teleport.
		assert!(PolkadotXcm::limited_teleport_assets(
			RuntimeOrigin::signed(bob.clone()),
			Box::new(asset_hub().into()),
			Box::new(there(Bob).into()),
			usdt_assets(),
			0,
			Unlimited,
		)
		.is_err());
		// MUT, anywhere.
		for dest in [asset_hub(), sibling, Location::parent()] {
			assert_eq!(
				PolkadotXcm::transfer_assets(
					RuntimeOrigin::signed(bob.clone()),
					Box::new(dest.into()),
					Box::new(there(Bob).into()),
					Box::new(Assets::from(vec![(Here, mut_(1)).into()]).into()),
					0,
					Unlimited,
				),
				Err(pallet_xcm::Error::<Runtime>::Filtered.into())
			);
		}
		assert_eq!(usdt_of(&bob), usdt_before);
		assert_eq!(Balances::balance(&bob), mut_before);
		assert!(sent_to_sibling(SIBLING).is_empty());
	});
}

#[test]
fn execution_can_be_paid_in_mut_usdt_or_dot_at_the_documented_rates() {
	use xcm_runtime_apis::fees::runtime_decl_for_xcm_payment_api::XcmPaymentApiV2;
	dev_ext().execute_with(|| {
		let accepted = <Runtime as XcmPaymentApiV2<mutual_pool_runtime_para::Block>>::
			query_acceptable_payment_assets(XCM_VERSION)
			.expect("the assets are listed");
		let expected: Vec<xcm::VersionedAssetId> = [Location::here(), usdt(), dot()]
			.into_iter()
			.map(|l| AssetId(l).into())
			.collect();
		assert_eq!(accepted, expected);
		// One second of ref time: 1 MUT, 1 USDT, 0.2 DOT.
		let second = frame_support::weights::Weight::from_parts(1_000_000_000_000, 0);
		let price = |asset: Location| {
			<Runtime as XcmPaymentApiV2<mutual_pool_runtime_para::Block>>::query_weight_to_asset_fee(
				second,
				AssetId(asset).into(),
			)
		};
		assert_eq!(price(Location::here()), Ok(mut_(1)));
		assert_eq!(price(usdt()), Ok(USD));
		assert_eq!(price(dot()), Ok(DOT / 5));
		let usdc = Location::new(1, [Parachain(SIBLING), PalletInstance(50), GeneralIndex(1337)]);
		assert!(price(usdc).is_err());
	});
}
