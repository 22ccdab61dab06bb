//! Shared helpers of the parachain runtime's tests: externalities from a genesis preset, whole
//! blocks built as a collator builds them (Aura pre-digest, the `set_validation_data` inherent
//! with a relay-chain state proof, the timestamp), and XCM messages from a sibling chain.

#![allow(dead_code)]

use codec::Encode;
use cumulus_primitives_core::{
	relay_chain::{HeadData, Slot},
	AggregateMessageOrigin, InboundDownwardMessage, InboundHrmpMessage, ParaId,
	PersistedValidationData, XcmpMessageFormat,
};
use cumulus_primitives_parachain_inherent::{
	MessageQueueChain, ParachainInherentData, INHERENT_IDENTIFIER,
};
use cumulus_test_relay_sproof_builder::RelayStateSproofBuilder;
use frame_support::{
	assert_ok,
	dispatch::GetDispatchInfo,
	inherent::{InherentData, ProvideInherent},
	traits::fungible::Mutate,
};
use mutual_pool_runtime_para::{
	configs::xcm_config::LocationToAccountId, genesis_config_presets, AccountId, Balance, Balances,
	BuildStorage, Council, Executive, Header, ParachainSystem, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeGenesisConfig, RuntimeOrigin, System, UncheckedExtrinsic, PARACHAIN_ID,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{Hash, Header as _},
	Digest, DigestItem,
};
use xcm::{latest::prelude::*, VersionedXcm};
use xcm_executor::traits::ConvertLocation;

pub use mutual_pool_runtime_test_utils::{
	account, mut_, Alice, Bob, Chain, Charlie, Dave, Eve, Ferdie,
};

/// The sibling parachain whose users buy cover here in these tests: Asset Hub's para id (the
/// asset tests use it as Asset Hub, the reserve of USDT), with an open channel both ways.
pub const SIBLING: u32 = 1000;

/// The relay-chain slot of the first block these tests build. Any value works; a realistic
/// one (about 2026 at 6 s slots) keeps the arithmetic honest about `u32` relay block numbers.
pub const FIRST_RELAY_SLOT: u64 = 295_000_000;

/// The full genesis config of preset `name`, built as the node builds a chain spec from it.
pub fn preset_config(name: &str) -> RuntimeGenesisConfig {
	mutual_pool_runtime_test_utils::preset_config(genesis_config_presets::get_preset, name)
}

/// Externalities with the genesis of preset `name`, at block 0 (no block built yet).
pub fn ext_from_preset(name: &str) -> sp_io::TestExternalities {
	let storage = preset_config(name).build_storage().expect("the genesis builds");
	sp_io::TestExternalities::new(storage)
}

/// The location, seen from this chain, of `who`'s account on the sibling chain.
pub fn sibling_user(who: Sr25519Keyring) -> Location {
	Location::new(1, [Parachain(SIBLING), AccountId32 { network: None, id: who.into() }])
}

/// The local account of `who`'s account on the sibling chain (`LocationToAccountId`).
pub fn sibling_user_account(who: Sr25519Keyring) -> AccountId {
	LocationToAccountId::convert_location(&sibling_user(who)).expect("a sibling's user converts")
}

/// Gives `account` `amount` (as a transfer from elsewhere would).
pub fn fund(account: &AccountId, amount: Balance) {
	assert_ok!(<Balances as Mutate<AccountId>>::mint_into(account, amount));
}

/// Builds blocks of the parachain the way a collator does, natively: every block carries an Aura
/// pre-runtime digest, the `set_validation_data` inherent made by `ParachainSystem` from
/// parachain inherent data with a relay-chain state proof (the relay parent's slot, the
/// included head, the HRMP channels and message-queue-chain heads of the messages it carries),
/// and the timestamp; `Executive` runs every hook. Relay slot, Aura slot and timestamp follow
/// the arithmetic that `AuraExt`'s consensus hook checks (and that the node's dev mode uses):
/// one new relay slot per block, `timestamp = relay_slot * 6000 ms`, Aura slot = relay slot.
pub struct Collator {
	/// The header of the last block built (none before the first), which the next one builds
	/// on and which the relay chain is said to have included.
	parent: Option<Header>,
	/// The relay slot of the last block built.
	relay_slot: u64,
}

impl Default for Collator {
	fn default() -> Self {
		Self { parent: None, relay_slot: FIRST_RELAY_SLOT - 1 }
	}
}

/// A header for block 0, which the first block builds on. The externalities of a test hold no
/// genesis header; any header does, as long as the first block names its hash as its parent and
/// the relay chain's proof holds it as the included head.
fn genesis_header() -> Header {
	Header::new(0, Default::default(), Default::default(), Default::default(), Default::default())
}

/// The parachain in tests: each block is built as a collator builds it.
impl Chain for Collator {
	type Runtime = Runtime;

	fn dev_ext() -> sp_io::TestExternalities {
		dev_ext()
	}

	/// The first block built, so that calls run in block 1 as on the solo chain.
	fn start() -> Self {
		let mut collator = Collator::default();
		collator.build_blocks(1);
		collator
	}

	fn next_block(&mut self) {
		self.build_block(vec![]);
	}

	fn check_books() {
		#[cfg(any(feature = "try-runtime", feature = "runtime-benchmarks"))]
		mutual_pool_runtime_para::MutualPool::do_try_state().expect("the pool's books hold");
	}
}

impl Collator {
	/// Builds and finalizes the next block, carrying `horizontal` messages (sender, raw XCMP
	/// data) in its inherent. Returns the events of the block.
	pub fn build_block(&mut self, horizontal: Vec<(ParaId, Vec<u8>)>) -> Vec<RuntimeEvent> {
		self.build_block_with(horizontal, vec![])
	}

	/// Builds and finalizes the next block, carrying `horizontal` messages (sender, raw XCMP
	/// data) and `downward` messages (raw, from the relay chain) in its inherent. Returns the
	/// events of the block.
	pub fn build_block_with(
		&mut self,
		horizontal: Vec<(ParaId, Vec<u8>)>,
		downward: Vec<Vec<u8>>,
	) -> Vec<RuntimeEvent> {
		let number = System::block_number() + 1;
		let parent = self.parent.get_or_insert_with(genesis_header);
		let parent_hash = parent.hash();
		self.relay_slot += 1;
		let slot = Slot::from(self.relay_slot);
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(sp_consensus_aura::AURA_ENGINE_ID, slot.encode())],
		};
		let header =
			Header::new(number, Default::default(), Default::default(), parent_hash, digest);
		Executive::initialize_block(&header);

		let inherent = self.validation_data(number, horizontal, downward);
		apply_inherent(RuntimeCall::ParachainSystem(inherent));
		let now = self.relay_slot * u64::from(RELAY_CHAIN_SLOT_DURATION_MILLIS);
		apply_inherent(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }));

		let events = System::events().into_iter().map(|record| record.event).collect();
		self.parent = Some(Executive::finalize_block());
		events
	}

	/// Builds `n` blocks without messages.
	pub fn build_blocks(&mut self, n: u32) {
		for _ in 0..n {
			self.build_block(vec![]);
		}
	}

	/// The `set_validation_data` call of block `number`, as `ParachainSystem::create_inherent`
	/// makes it from the inherent data a collator provides (the same construction as
	/// `cumulus_client_parachain_inherent::MockValidationDataInherentDataProvider`).
	fn validation_data(
		&self,
		number: u32,
		horizontal: Vec<(ParaId, Vec<u8>)>,
		downward: Vec<Vec<u8>>,
	) -> cumulus_pallet_parachain_system::Call<Runtime> {
		let relay_parent_number =
			u32::try_from(self.relay_slot).expect("relay block numbers fit in u32");
		let mut sproof = RelayStateSproofBuilder {
			para_id: PARACHAIN_ID.into(),
			current_slot: Slot::from(self.relay_slot),
			current_epoch: u64::from(number / 10),
			included_para_head: self.parent.as_ref().map(|header| HeadData(header.encode())),
			num_authorities: 2,
			..Default::default()
		};
		let mut downward_chain = cumulus_pallet_parachain_system::LastDmqMqcHead::<Runtime>::get();
		let downward_messages: Vec<_> = downward
			.into_iter()
			.map(|msg| InboundDownwardMessage { sent_at: relay_parent_number, msg })
			.collect();
		for message in &downward_messages {
			downward_chain.extend_downward(message);
		}
		sproof.dmq_mqc_head = Some(downward_chain.head());

		let mut heads = cumulus_pallet_parachain_system::LastHrmpMqcHeads::<Runtime>::get();
		let mut horizontal_messages = std::collections::BTreeMap::<_, Vec<_>>::new();
		for (sender, data) in horizontal {
			let message = InboundHrmpMessage { sent_at: relay_parent_number, data };
			let chain = heads
				.entry(sender)
				.or_insert_with(|| MessageQueueChain::new(Default::default()));
			chain.extend_hrmp(&message);
			horizontal_messages.entry(sender).or_default().push(message);
		}
		for (sender, chain) in heads {
			sproof.upsert_inbound_channel(sender).mqc_head = Some(chain.head());
		}
		// An open channel to the sibling (Asset Hub in the asset tests), for what this chain
		// sends it.
		let outbound = sproof.upsert_outbound_channel(SIBLING.into());
		outbound.max_capacity = 10;
		outbound.max_total_size = 64 * 1024;
		outbound.max_message_size = 16 * 1024;

		let (relay_parent_storage_root, relay_chain_state, relay_parent_descendants) =
			sproof.into_state_root_proof_and_descendants(0);
		let data = ParachainInherentData {
			validation_data: PersistedValidationData {
				parent_head: Default::default(),
				relay_parent_storage_root,
				relay_parent_number,
				max_pov_size: Default::default(),
			},
			relay_chain_state,
			downward_messages,
			horizontal_messages,
			relay_parent_descendants,
			collator_peer_id: None,
		};
		let mut inherent_data = InherentData::new();
		inherent_data.put_data(INHERENT_IDENTIFIER, &data).expect("the data encodes");
		ParachainSystem::create_inherent(&inherent_data).expect("the inherent data makes a call")
	}
}

/// Applies an inherent (an unsigned call) in the current block; it must succeed.
fn apply_inherent(call: RuntimeCall) {
	let extrinsic = UncheckedExtrinsic::new_bare(call);
	let result = Executive::apply_extrinsic(extrinsic).expect("the inherent is valid");
	assert_ok!(result);
}

/// The raw XCMP data of one message in the format a sibling's `XcmpQueue` sends.
pub fn xcmp_data(message: Xcm<()>) -> Vec<u8> {
	let mut data = XcmpMessageFormat::ConcatenatedVersionedXcm.encode();
	data.extend(VersionedXcm::from(message).encode());
	data
}

/// What a sibling chain's user sends to have `call` dispatched here with its own origin: the
/// message `polkadot-xcm`'s `send` produces on the sibling (a leading `DescendOrigin` to the
/// user), paying `fee` MUT planck for execution from the user's derived account and getting the
/// surplus back there.
pub fn transact_from_sibling_user(who: Sr25519Keyring, call: RuntimeCall, fee: Balance) -> Xcm<()> {
	transact_as(who, call, fee, sibling_user(who))
}

/// A user's message with `call`, paying `fee`, the surplus deposited to `refund_to`.
pub fn transact_as(
	who: Sr25519Keyring,
	call: RuntimeCall,
	fee: Balance,
	refund_to: Location,
) -> Xcm<()> {
	let fee_asset: Asset = (Here, fee).into();
	Xcm(vec![
		DescendOrigin(AccountId32 { network: None, id: who.into() }.into()),
		WithdrawAsset(fee_asset.clone().into()),
		BuyExecution { fees: fee_asset, weight_limit: Unlimited },
		Transact {
			origin_kind: OriginKind::SovereignAccount,
			fallback_max_weight: Some(call.get_dispatch_info().call_weight),
			call: call.encode().into(),
		},
		RefundSurplus,
		DepositAsset { assets: AllCounted(1).into(), beneficiary: refund_to },
	])
}

/// The `MessageQueue::Processed` outcomes (success flags) among `events`, for messages from the
/// sibling.
pub fn processed(events: &[RuntimeEvent]) -> Vec<bool> {
	processed_from(events, AggregateMessageOrigin::Sibling(SIBLING.into()))
}

/// The `MessageQueue::Processed` outcomes (success flags) among `events`, for messages from
/// `from`.
pub fn processed_from(events: &[RuntimeEvent], from: AggregateMessageOrigin) -> Vec<bool> {
	events
		.iter()
		.filter_map(|event| match event {
			RuntimeEvent::MessageQueue(pallet_message_queue::Event::Processed {
				origin,
				success,
				..
			}) if *origin == from => Some(*success),
			_ => None,
		})
		.collect()
}

/// Externalities with the `development` genesis, at block 0.
pub fn dev_ext() -> sp_io::TestExternalities {
	ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET)
}

/// A council motion of `call` with `threshold`, voted aye by `ayes`, closed and executed.
pub fn council_approves(call: RuntimeCall, threshold: u32, ayes: &[Sr25519Keyring]) {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<
		Runtime,
		mutual_pool_runtime_para::configs::CouncilInstance,
	>::get();
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(account(ayes[0])),
		threshold,
		Box::new(call),
		length
	));
	for who in ayes {
		assert_ok!(Council::vote(RuntimeOrigin::signed(account(*who)), hash, index, true));
	}
	assert_ok!(Council::close(RuntimeOrigin::signed(account(Dave)), hash, index, weight, length));
	assert!(System::events().iter().any(|record| matches!(
		record.event,
		RuntimeEvent::Council(pallet_collective::Event::Executed { result: Ok(()), .. })
	)));
}
