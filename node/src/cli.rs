//! The command line of the node.

use sc_cli::RunCmd;

/// The node's command line: a subcommand, or the options of running the node.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one, the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// The options of running the node.
	#[clap(flatten)]
	pub run: RunCmd,

	/// The parachain chains (`--chain para-dev`, `para-local`): seal a block every this many
	/// milliseconds. The pallet's periods count blocks of 6 s (the default); a shorter time
	/// makes them pass faster and the block timestamps run ahead of the clock.
	#[arg(
		long,
		value_name = "MILLISECONDS",
		conflicts_with = "instant_seal",
		value_parser = clap::value_parser!(u64).range(100..)
	)]
	pub dev_block_time: Option<u64>,

	/// The parachain chains: seal a block as soon as a transaction arrives, instead of on a
	/// timer.
	#[arg(long)]
	pub instant_seal: bool,
}

impl Cli {
	/// How the parachain dev node seals blocks: `--instant-seal`, else every
	/// `--dev-block-time` milliseconds (6000 by default, the runtime's block time).
	pub fn seal_mode(&self) -> crate::service::para_dev::SealMode {
		if self.instant_seal {
			crate::service::para_dev::SealMode::Instant
		} else {
			crate::service::para_dev::SealMode::Interval(self.dev_block_time.unwrap_or(6_000))
		}
	}
}

/// The subcommands of the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management utilities.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks of pallets, blocks, extrinsics, storage and the machine.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Information about the database's meta columns.
	ChainInfo(sc_cli::ChainInfoCmd),
}
