//! The node's services, one per kind of chain ([`crate::chain_spec::ChainKind`]): [`solo`] runs
//! the solo chain (Aura and GRANDPA, networked), [`para_dev`] the parachain runtime without a
//! relay chain (manual seal, a mocked relay chain, XCM injected by RPC).

pub mod para_dev;
pub mod solo;

use futures::FutureExt;
use sc_client_api::{Backend as _, BlockchainEvents};
use sc_service::{error::Error as ServiceError, Configuration, KeystoreContainer, TaskManager};
use sc_transaction_pool_api::{LocalTransactionPool, OffchainTransactionPoolFactory};
use sp_api::ProvideRuntimeApi;
use sp_offchain::OffchainWorkerApi;
use std::sync::Arc;

/// The block of both runtimes as the node sees it: the same opaque block
/// (`generic::Block<Header<u32, BlakeTwo256>, OpaqueExtrinsic>`).
pub type Block = mutual_pool_runtime::opaque::Block;

/// Starts the offchain workers if `config` enables them (`--enable-offchain-indexing` and the
/// default `--offchain-worker when-authority`): the same on both kinds of chain.
pub fn spawn_offchain_workers<C, P>(
	config: &Configuration,
	task_manager: &TaskManager,
	client: Arc<C>,
	backend: &sc_service::TFullBackend<Block>,
	keystore_container: &KeystoreContainer,
	transaction_pool: Arc<P>,
	network: Arc<dyn sc_network::service::traits::NetworkService>,
) -> Result<(), ServiceError>
where
	C: ProvideRuntimeApi<Block> + BlockchainEvents<Block> + Send + Sync + 'static,
	C::Api: OffchainWorkerApi<Block>,
	P: LocalTransactionPool<Block = Block> + 'static,
{
	if !config.offchain_worker.enabled {
		return Ok(());
	}
	let offchain_workers = sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
		runtime_api_provider: client.clone(),
		is_validator: config.role.is_authority(),
		keystore: Some(keystore_container.keystore()),
		offchain_db: backend.offchain_storage(),
		transaction_pool: Some(OffchainTransactionPoolFactory::new(transaction_pool)),
		network_provider: Arc::new(network),
		enable_http_requests: true,
		custom_extensions: |_| vec![],
	})?;
	task_manager.spawn_handle().spawn(
		"offchain-workers-runner",
		"offchain-worker",
		offchain_workers.run(client, task_manager.spawn_handle()).boxed(),
	);
	Ok(())
}
