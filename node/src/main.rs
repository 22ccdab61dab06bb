//! `mutual-pool-node`: the node of the mutual insurance chain (Aura + GRANDPA, ParityDb).

#![warn(missing_docs)]
// `sc_cli::Error`, which every command returns, is large; it is the SDK's type, not ours.
#![allow(clippy::result_large_err)]

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
