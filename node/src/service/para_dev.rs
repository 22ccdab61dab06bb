//! The parachain runtime's development node (`--chain para-dev` and `para-local`): the
//! parachain runtime run without a relay chain, as `polkadot-omni-node --dev` runs one.
//!
//! Blocks are sealed by `sc-consensus-manual-seal`, every `--dev-block-time` milliseconds or, with
//! `--instant-seal`, as soon as a transaction arrives. Each block carries what a collator's block
//! carries on a live network, made up here:
//!
//! - the `set_validation_data` inherent of `ParachainSystem`, from a mocked relay chain
//!   ([`MockValidationDataInherentDataProvider`]): a relay-chain state proof whose relay parent
//!   advances by one relay slot per block, the parent block as the included head, the message
//!   queue chains continued from the chain's own storage, and the go-ahead of a pending runtime
//!   upgrade;
//! - a timestamp of `relay slot x 6000 ms` and an Aura pre-digest of the same slot (from
//!   [`AuraConsensusDataProvider`]), which is what `AuraExt`'s consensus hook checks: the Aura
//!   slot of a block must be the relay slot of its relay parent;
//! - the XCM messages queued with the `dev_injectDownwardXcm` / `dev_injectHorizontalXcm` RPC
//!   methods ([`XcmInjection`](crate::rpc::dev_xcm::XcmInjection)): a downward message from the relay chain or a horizontal one
//!   from a sibling parachain enters the next block exactly as a relay chain would deliver it.
//!
//! The relay slot arithmetic is polkadot-omni-node's (stable2609,
//! `polkadot-omni-node-lib/src/nodes/aura.rs`): the first relay slot is two hours before the node
//! started and each block `n` has relay slot `first + n`, so slots and relay block numbers only
//! grow, also across restarts.

use crate::rpc::dev_xcm::{DevXcm, DevXcmApiServer, PendingXcm, XcmInjection};
use codec::Encode;
use cumulus_client_parachain_inherent::{MockValidationDataInherentDataProvider, MockXcmConfig};
use cumulus_primitives_core::{
	relay_chain::{HeadData, UpgradeGoAhead},
	CollectCollationInfo, GetParachainInfo, ParaId, RelayParentOffsetApi,
};
use jsonrpsee::RpcModule;
use mutual_pool_runtime_para::{apis::RuntimeApi, opaque::Block};
use sc_consensus_manual_seal::{
	consensus::aura::AuraConsensusDataProvider, rpc::ManualSealApiServer, EngineCommand,
};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Header as _;
use std::{
	sync::Arc,
	time::{Duration, SystemTime, UNIX_EPOCH},
};

/// The host functions of the parachain runtime: Substrate's, the storage-proof-size one that
/// `cumulus_pallet_weight_reclaim` imports, and the benchmarking ones when the runtime is built
/// with `runtime-benchmarks`.
#[cfg(feature = "runtime-benchmarks")]
pub type HostFunctions = (
	sp_io::SubstrateHostFunctions,
	cumulus_primitives_proof_size_hostfunction::storage_proof_size::HostFunctions,
	frame_benchmarking::benchmarking::HostFunctions,
);
/// The host functions of the parachain runtime.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type HostFunctions = (
	sp_io::SubstrateHostFunctions,
	cumulus_primitives_proof_size_hostfunction::storage_proof_size::HostFunctions,
);

/// The full client of the parachain runtime.
pub(crate) type FullClient =
	sc_service::TFullClient<Block, RuntimeApi, sc_executor::WasmExecutor<HostFunctions>>;
type FullBackend = sc_service::TFullBackend<Block>;

/// The relay chain's slot, in milliseconds: the runtime's (its Aura consensus hook checks it).
const RELAY_CHAIN_SLOT_DURATION_MILLIS: u64 =
	mutual_pool_runtime_para::RELAY_CHAIN_SLOT_DURATION_MILLIS as u64;

/// How blocks are sealed.
#[derive(Clone, Copy, Debug)]
pub enum SealMode {
	/// A block every so many milliseconds, transactions or not.
	Interval(u64),
	/// A block as soon as a transaction enters the pool.
	Instant,
}

/// The parts of the service that the commands other than `run` need too.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	sc_consensus::LongestChain<FullBackend, Block>,
	sc_consensus::DefaultImportQueue<Block>,
	sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
	(),
>;

/// Builds the client, backend, transaction pool and the manual-seal import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	let executor = sc_service::new_wasm_executor::<HostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(config, None, executor, Vec::new())?;
	let client = Arc::new(client);
	let select_chain = sc_consensus::LongestChain::new(backend.clone());
	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);
	let import_queue = sc_consensus_manual_seal::import_queue(
		Box::new(client.clone()),
		&task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
	);
	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (),
	})
}

/// The inherent data providers of a dev block built on `parent`: the timestamp and the mocked
/// relay-chain validation data (see the module's documentation).
fn inherent_data_providers(
	client: &FullClient,
	para_id: ParaId,
	first_relay_slot: u64,
	injection: &XcmInjection,
	parent: <Block as sp_runtime::traits::Block>::Hash,
) -> Result<
	(sp_timestamp::InherentDataProvider, MockValidationDataInherentDataProvider<()>),
	Box<dyn std::error::Error + Send + Sync>,
> {
	let parent_header = client
		.header(parent)?
		.ok_or_else(|| format!("no header of parent block {parent}"))?;
	let number = parent_header.number() + 1;
	// A runtime upgrade scheduled by `set_code` waits for the relay chain's go-ahead.
	let upgrade_pending = client
		.runtime_api()
		.collect_collation_info(parent, &parent_header)
		.map(|info| info.new_validation_code.is_some())
		.unwrap_or_default();
	let relay_slot = first_relay_slot + u64::from(number);
	let relay_parent_number = u32::try_from(relay_slot).map_err(|_| "relay slot beyond u32")?;
	let PendingXcm { downward, horizontal } = injection.take();
	if !downward.is_empty() || !horizontal.is_empty() {
		log::info!(
			target: "para-dev",
			"block {number} delivers {} downward and {} horizontal XCM messages",
			downward.len(),
			horizontal.len(),
		);
	}
	let validation_data = MockValidationDataInherentDataProvider::<()> {
		current_para_block: number,
		para_id,
		current_para_block_head: Some(HeadData(parent_header.encode())),
		relay_offset: relay_parent_number
			.checked_sub(number)
			.ok_or("more blocks than relay slots since the epoch")?,
		relay_parent_offset: client.runtime_api().relay_parent_offset(parent).unwrap_or_default(),
		relay_blocks_per_para_block: 1,
		para_blocks_per_relay_epoch: 10,
		relay_randomness_config: (),
		xcm_config: MockXcmConfig::new(client, parent, Default::default()),
		raw_downward_messages: downward,
		raw_horizontal_messages: horizontal,
		additional_key_values: None,
		upgrade_go_ahead: upgrade_pending.then(|| {
			log::info!(target: "para-dev", "a runtime upgrade is pending: the relay chain lets it go ahead");
			UpgradeGoAhead::GoAhead
		}),
	};
	let timestamp = sp_timestamp::InherentDataProvider::new(
		(relay_slot * RELAY_CHAIN_SLOT_DURATION_MILLIS).into(),
	);
	Ok((timestamp, validation_data))
}

/// Starts the parachain dev node: manual or instant seal, no peers, the RPC of the solo node plus
/// `engine_createBlock`/`engine_finalizeBlock` and the XCM injection methods.
pub fn start_dev_node(
	mut config: Configuration,
	seal: SealMode,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (),
	} = new_partial(&config)?;

	// A dev chain of one node: no peers.
	config.network.default_peers_set.in_peers = 0;
	config.network.default_peers_set.out_peers = 0;
	let net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		sc_network::Litep2pNetworkBackend,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = <sc_network::Litep2pNetworkBackend as sc_network::NetworkBackend<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
	>>::register_notification_metrics(config.prometheus_registry());
	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: None,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	super::spawn_offchain_workers(
		&config,
		&task_manager,
		client.clone(),
		&backend,
		&keystore_container,
		transaction_pool.clone(),
		network.clone(),
	)?;

	let genesis = client.info().genesis_hash;
	let para_id = client
		.runtime_api()
		.parachain_id(genesis)
		.map_err(|e| ServiceError::Application(format!("no para id in the runtime: {e}").into()))?;
	let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
	if slot_duration.as_millis() != RELAY_CHAIN_SLOT_DURATION_MILLIS {
		return Err(ServiceError::Application(
			format!(
				"the dev node gives each block one relay slot of {RELAY_CHAIN_SLOT_DURATION_MILLIS} \
				 ms; the runtime's Aura slot is {} ms",
				slot_duration.as_millis()
			)
			.into(),
		));
	}
	// Two hours before now, so that the timestamps of blocks sealed faster than one per 6 s
	// (`--dev-block-time` below 6000, `--instant-seal`) stay behind the wall clock for a while.
	let first_relay_slot = SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map_err(|e| ServiceError::Application(e.to_string().into()))?
		.saturating_sub(Duration::from_secs(2 * 60 * 60))
		.as_millis() as u64
		/ RELAY_CHAIN_SLOT_DURATION_MILLIS;
	log::info!(
		target: "para-dev",
		"parachain {para_id} without a relay chain: {seal:?} sealing, relay slots from {first_relay_slot}",
	);

	let injection = XcmInjection::default();
	let create_inherent_data_providers = {
		let client = client.clone();
		let injection = injection.clone();
		move |parent, ()| {
			futures::future::ready(inherent_data_providers(
				&client,
				para_id,
				first_relay_slot,
				&injection,
				parent,
			))
		}
	};
	let proposer = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		config.prometheus_registry(),
		None,
	);
	let (seal_sink, seal_stream) = futures::channel::mpsc::channel(1024);
	match seal {
		SealMode::Instant => {
			let authorship = sc_consensus_manual_seal::run_instant_seal(
				sc_consensus_manual_seal::InstantSealParams {
					block_import: client.clone(),
					env: proposer,
					client: client.clone(),
					pool: transaction_pool.clone(),
					select_chain,
					consensus_data_provider: Some(Box::new(
						AuraConsensusDataProvider::new_with_slot_duration(slot_duration),
					)),
					create_inherent_data_providers,
				},
			);
			task_manager
				.spawn_essential_handle()
				.spawn_blocking("instant-seal", None, authorship);
		},
		SealMode::Interval(millis) => {
			let mut timer_sink = seal_sink.clone();
			task_manager.spawn_essential_handle().spawn("block-timer", None, async move {
				loop {
					futures_timer::Delay::new(Duration::from_millis(millis)).await;
					let command = EngineCommand::SealNewBlock {
						create_empty: true,
						finalize: true,
						parent_hash: None,
						sender: None,
					};
					if let Err(e) = timer_sink.try_send(command) {
						log::warn!(target: "para-dev", "a block was not sealed: {e}");
					}
				}
			});
			let authorship = sc_consensus_manual_seal::run_manual_seal(
				sc_consensus_manual_seal::ManualSealParams {
					block_import: client.clone(),
					env: proposer,
					client: client.clone(),
					pool: transaction_pool.clone(),
					select_chain,
					commands_stream: Box::pin(seal_stream),
					consensus_data_provider: Some(Box::new(
						AuraConsensusDataProvider::new_with_slot_duration(slot_duration),
					)),
					create_inherent_data_providers,
				},
			);
			task_manager
				.spawn_essential_handle()
				.spawn_blocking("manual-seal", None, authorship);
		},
	}

	let rpc_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		Box::new(move |_| {
			let module = || -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>> {
				let mut module = crate::rpc::create_full(crate::rpc::FullDeps {
					client: client.clone(),
					pool: pool.clone(),
				})?;
				module.merge(DevXcm::new(injection.clone()).into_rpc())?;
				if matches!(seal, SealMode::Interval(_)) {
					module.merge(
						sc_consensus_manual_seal::rpc::ManualSeal::new(seal_sink.clone())
							.into_rpc(),
					)?;
				}
				Ok(module)
			};
			module().map_err(Into::into)
		})
	};
	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: Arc::new(network),
		client,
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool,
		rpc_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service,
		config,
		telemetry: None,
		tracing_execute_block: None,
	})?;
	Ok(task_manager)
}
