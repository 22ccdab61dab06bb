//! The node's own RPC methods beside those of `sc-rpc`: `system_accountNextIndex` and the
//! transaction-payment queries, on both kinds of chain ([`create_full`]), and the parachain dev
//! node's XCM injection ([`dev_xcm`]). The mutual pool is reached through the runtime API
//! (`state_call`, `api.call.mutualPoolApi` in polkadot.js).

pub mod dev_xcm;

use std::sync::Arc;

use jsonrpsee::RpcModule;
use mutual_pool_runtime_common::primitives::{AccountId, Balance, Nonce};
use sp_runtime::OpaqueExtrinsic;

/// The block of both runtimes, as the node sees it: the same opaque block.
type Block =
	sp_runtime::generic::Block<mutual_pool_runtime_common::primitives::Header, OpaqueExtrinsic>;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// Full client dependencies.
pub struct FullDeps<C, P> {
	/// The client instance to use.
	pub client: Arc<C>,
	/// Transaction pool instance.
	pub pool: Arc<P>,
}

/// Instantiate all full RPC extensions.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client).into_rpc())?;

	Ok(module)
}
