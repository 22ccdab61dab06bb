//! What each command of the node does.

use crate::{
	benchmarking::{inherent_benchmark_data, RemarkBuilder, TransferKeepAliveBuilder},
	chain_spec::{self, ChainKind},
	cli::{Cli, Subcommand},
	service,
};
use frame_benchmarking_cli::{BenchmarkCmd, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE};
use futures::future::Either;
use mutual_pool_runtime::{opaque::Block as OpaqueBlock, Block, EXISTENTIAL_DEPOSIT};
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::Block as BlockT;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Mutual Pool Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/mutual-pool/mutual-pool/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2025
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			"para-dev" => Box::new(chain_spec::para_development_chain_spec()?),
			"para-local" => Box::new(chain_spec::para_local_chain_spec()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			},
		})
	}
}

/// Runs `$cmd`, a subcommand that needs only the chain's partial components, on the service of
/// the chain spec's kind: `$body` gets the components (`$components`) and the configuration
/// (`$config`) and returns the subcommand's future. The two kinds run on different client types;
/// `Either` gives both one future type.
macro_rules! async_run_partial {
	($cli:expr, $cmd:expr, |$components:ident, $config:ident| $body:expr) => {{
		let runner = $cli.create_runner($cmd)?;
		runner.async_run(|$config| match ChainKind::of(&*$config.chain_spec) {
			ChainKind::Solo => {
				let $components = service::solo::new_partial(&$config)?;
				let task_manager = $components.task_manager;
				Ok((Either::Left($body), task_manager))
			},
			ChainKind::ParaDev => {
				let $components = service::para_dev::new_partial(&$config)?;
				let task_manager = $components.task_manager;
				Ok((Either::Right($body), task_manager))
			},
		})
	}};
}

/// Parse and run the command line.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => async_run_partial!(cli, cmd, |components, config| {
			cmd.run(components.client, components.import_queue)
		}),
		Some(Subcommand::ExportBlocks(cmd)) => {
			async_run_partial!(cli, cmd, |components, config| {
				cmd.run(components.client, config.database)
			})
		},
		Some(Subcommand::ExportState(cmd)) => async_run_partial!(cli, cmd, |components, config| {
			cmd.run(components.client, config.chain_spec)
		}),
		Some(Subcommand::ImportBlocks(cmd)) => {
			async_run_partial!(cli, cmd, |components, config| {
				cmd.run(components.client, components.import_queue)
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| match ChainKind::of(&*config.chain_spec) {
				ChainKind::Solo => {
					let PartialComponents { client, task_manager, backend, .. } =
						service::solo::new_partial(&config)?;
					let aux_revert = Box::new(|client, _, blocks| {
						sc_consensus_grandpa::revert(client, blocks)?;
						Ok(())
					});
					Ok((Either::Left(cmd.run(client, backend, Some(aux_revert))), task_manager))
				},
				ChainKind::ParaDev => {
					let PartialComponents { client, task_manager, backend, .. } =
						service::para_dev::new_partial(&config)?;
					Ok((Either::Right(cmd.run(client, backend, None)), task_manager))
				},
			})
		},
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;

			runner.sync_run(|config| {
				// The parachain chains run `benchmark pallet` (on a runtime Wasm, like the solo
				// chain) and `benchmark machine`; the others need the solo chain's client.
				if ChainKind::of(&*config.chain_spec) == ChainKind::ParaDev
					&& !matches!(cmd, BenchmarkCmd::Pallet(_) | BenchmarkCmd::Machine(_))
				{
					return Err("on a parachain chain spec, only `benchmark pallet` and \
						`benchmark machine` run; use `--chain dev` for the others"
						.into());
				}
				// This switch needs to be in the client, since the client decides
				// which sub-commands it wants to support.
				match cmd {
					BenchmarkCmd::Pallet(cmd) => {
						if !cfg!(feature = "runtime-benchmarks") {
							return Err(
								"Runtime benchmarking wasn't enabled when building the node. \
							You can enable it with `--features runtime-benchmarks`."
									.into(),
							);
						}

						// The parachain runtime imports the storage-proof-size host function
						// (weight reclaim); the solo runtime does not need it, and an extra host
						// function harms no runtime.
						cmd.run_with_spec::<
							sp_runtime::traits::HashingFor<Block>,
							cumulus_primitives_proof_size_hostfunction::storage_proof_size::HostFunctions,
						>(Some(config.chain_spec))
					},
					BenchmarkCmd::Block(cmd) => {
						let PartialComponents { client, .. } = service::solo::new_partial(&config)?;
						cmd.run(client)
					},
					#[cfg(not(feature = "runtime-benchmarks"))]
					BenchmarkCmd::Storage(_) => Err(
						"Storage benchmarking can be enabled with `--features runtime-benchmarks`."
							.into(),
					),
					#[cfg(feature = "runtime-benchmarks")]
					BenchmarkCmd::Storage(cmd) => {
						let PartialComponents { client, backend, .. } =
							service::solo::new_partial(&config)?;
						let db = backend.expose_db();
						let storage = backend.expose_storage();
						let shared_cache = backend.expose_shared_trie_cache();

						cmd.run(config, client, db, storage, shared_cache)
					},
					BenchmarkCmd::Overhead(cmd) => {
						let PartialComponents { client, .. } = service::solo::new_partial(&config)?;
						let ext_builder = RemarkBuilder::new(client.clone());

						cmd.run(
							config.chain_spec.name().into(),
							client,
							inherent_benchmark_data()?,
							Vec::new(),
							&ext_builder,
							false,
						)
					},
					BenchmarkCmd::Extrinsic(cmd) => {
						let PartialComponents { client, .. } = service::solo::new_partial(&config)?;
						// Register the *Remark* and *TKA* builders.
						let ext_factory = ExtrinsicFactory(vec![
							Box::new(RemarkBuilder::new(client.clone())),
							Box::new(TransferKeepAliveBuilder::new(
								client.clone(),
								Sr25519Keyring::Alice.to_account_id(),
								EXISTENTIAL_DEPOSIT,
							)),
						]);

						cmd.run(client, inherent_benchmark_data()?, Vec::new(), &ext_factory)
					},
					BenchmarkCmd::Machine(cmd) => {
						cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
					},
				}
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let seal = cli.seal_mode();
			let seal_options = cli.instant_seal || cli.dev_block_time.is_some();
			runner.run_node_until_exit(|config| async move {
				match ChainKind::of(&*config.chain_spec) {
					ChainKind::ParaDev => service::para_dev::start_dev_node(config, seal)
						.map_err(sc_cli::Error::Service),
					ChainKind::Solo if seal_options => Err("`--dev-block-time` and \
						`--instant-seal` are options of the parachain chains (`--chain para-dev`, \
						`para-local`)"
						.into()),
					ChainKind::Solo => match config.network.network_backend {
						sc_network::config::NetworkBackendType::Libp2p => {
							service::solo::new_full::<
								sc_network::NetworkWorker<
									OpaqueBlock,
									<OpaqueBlock as BlockT>::Hash,
								>,
							>(config)
							.map_err(sc_cli::Error::Service)
						},
						sc_network::config::NetworkBackendType::Litep2p => {
							service::solo::new_full::<sc_network::Litep2pNetworkBackend>(config)
								.map_err(sc_cli::Error::Service)
						},
					},
				}
			})
		},
	}
}
