//! The built-in chain specifications: `dev` and `local`, built from the runtime's genesis
//! presets.

use mutual_pool_runtime::{TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::{ChainType, Properties};

/// The chain specification of this node.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The token's symbol and decimals, for wallets and polkadot.js.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

/// `--dev`: one validator (Alice), the `development` preset.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(
		WASM_BINARY.ok_or_else(|| "Development wasm not available".to_string())?,
		None,
	)
	.with_name("Mutual Pool Development")
	.with_id("dev")
	.with_chain_type(ChainType::Development)
	.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
	.with_properties(properties())
	.build())
}

/// `--chain local`: three validators (Alice, Bob and Charlie), the `local_testnet` preset.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(
		WASM_BINARY.ok_or_else(|| "Development wasm not available".to_string())?,
		None,
	)
	.with_name("Mutual Pool Local Testnet")
	.with_id("local_testnet")
	.with_chain_type(ChainType::Local)
	.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
	.with_properties(properties())
	.build())
}

/// The parachain runtime's Wasm.
fn para_wasm() -> Result<&'static [u8], String> {
	mutual_pool_runtime_para::WASM_BINARY
		.ok_or_else(|| "The parachain runtime's wasm is not available".to_string())
}

/// `--chain para-dev`: the parachain runtime (para id 2000) with one collator (Alice) and the
/// `development` preset, run by this node without a relay chain (`service::para_dev`).
pub fn para_development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(para_wasm()?, None)
		.with_name("Mutual Pool Parachain Development")
		.with_id("para_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain para-local`: the parachain runtime with two collators (Alice and Bob) and the
/// `local_testnet` preset; this node runs it without a relay chain too.
pub fn para_local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(para_wasm()?, None)
		.with_name("Mutual Pool Parachain Local Testnet")
		.with_id("para_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Which runtime, and so which service, a chain spec runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainKind {
	/// The solo chain (`--dev`, `local`): Aura and GRANDPA ([`crate::service::solo`]).
	Solo,
	/// The parachain runtime without a relay chain (`--chain para-dev`, `para-local`):
	/// manual seal and a mocked relay chain ([`crate::service::para_dev`]).
	ParaDev,
}

impl ChainKind {
	/// The kind of `spec`: the parachain's for the built-in `para-dev` and `para-local` specs
	/// and specs exported from them, whose id starts with `para`; the solo chain's otherwise.
	pub fn of(spec: &dyn sc_service::ChainSpec) -> Self {
		if spec.id().starts_with("para") {
			Self::ParaDev
		} else {
			Self::Solo
		}
	}
}
