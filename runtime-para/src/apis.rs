//! The runtime APIs: the parachain template's at stable2609 (Aura, AuraUnincludedSegment,
//! RelayParentOffset v2, CollectCollationInfo, GetParachainInfo, KeyToIncludeInRelayProof, ...),
//! what stable2609 collators ask (`SchedulingV3EnabledApi`, `TargetBlockRate`), the XCM APIs a
//! sibling needs (dry runs, fees, location to account), the solo runtime's `RuntimeViewFunction`,
//! and `MutualPoolApi`. At stable2609 `execute_block` and `check_inherents` take
//! `<Block as BlockT>::LazyBlock` and `generate_session_keys` takes an owner.

use alloc::vec::Vec;
use cumulus_primitives_core::ParaId;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_mutual_pool_runtime_api::{Agenda, PoolId, PoolStatus, Position, ProductId};

use crate::configs::PoolAssetKind;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, DispatchError,
};
use sp_version::RuntimeVersion;

use super::{
	configs::xcm_config, AccountId, Balance, Block, BlockNumber, ConsensusHook, Executive,
	InherentDataExt, MutualPool, Nonce, OriginCaller, ParachainInfo, ParachainSystem, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, SessionKeys, System, TransactionPayment,
	RELAY_PARENT_OFFSET, SLOT_DURATION, VERSION,
};

impl_runtime_apis! {
	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(SLOT_DURATION)
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl cumulus_primitives_core::RelayParentOffsetApi<Block> for Runtime {
		fn relay_parent_offset() -> u32 {
			RELAY_PARENT_OFFSET
		}

		/// `api_version(2)` of the API at 2609.
		fn max_claim_queue_offset() -> u8 {
			ParachainSystem::max_claim_queue_offset()
		}
	}

	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(
			included_hash: <Block as BlockT>::Hash,
			slot: cumulus_primitives_aura::Slot,
		) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}

	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block)
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(
			encoded: Vec<u8>,
		) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl cumulus_primitives_core::CollectCollationInfo<Block> for Runtime {
		fn collect_collation_info(header: &<Block as BlockT>::Header) -> cumulus_primitives_core::CollationInfo {
			ParachainSystem::collect_collation_info(header)
		}
	}

	/// The para id, for nodes that read it from the runtime instead of the chain spec's
	/// `para_id` extension (polkadot-omni-node at 2609; our dev mode too).
	impl cumulus_primitives_core::GetParachainInfo<Block> for Runtime {
		fn parachain_id() -> ParaId {
			ParachainInfo::parachain_id()
		}
	}

	/// Extra relay-chain storage keys the collator should prove (none).
	impl cumulus_primitives_core::KeyToIncludeInRelayProof<Block> for Runtime {
		fn keys_to_prove() -> cumulus_primitives_core::RelayProofRequest {
			Default::default()
		}
	}

	/// Whether V3 candidate scheduling is on: no (`SchedulingSignatureVerifier = ()`). Collators
	/// of stable2609 (polkadot-omni-node) ask.
	impl cumulus_primitives_core::SchedulingV3EnabledApi<Block> for Runtime {
		fn scheduling_v3_enabled() -> bool {
			false
		}
	}

	/// Blocks per relay-chain slot that collators should aim for: the velocity, one.
	impl cumulus_primitives_core::TargetBlockRate<Block> for Runtime {
		fn target_block_rate() -> u32 {
			crate::BLOCK_PROCESSING_VELOCITY
		}
	}

	/// What XCM execution costs here: the assets accepted for fees (MUT, USDT, DOT), the weight of a
	/// message and its price, and the delivery fees of messages sent from here.
	impl xcm_runtime_apis::fees::XcmPaymentApi<Block> for Runtime {
		fn query_acceptable_payment_assets(
			xcm_version: xcm::Version,
		) -> Result<Vec<xcm::VersionedAssetId>, xcm_runtime_apis::fees::Error> {
			// MUT, USDT and DOT: what `xcm_config::Trader` takes.
			let accepted = alloc::vec![
				xcm::latest::AssetId(xcm_config::HereLocation::get()),
				xcm::latest::AssetId(xcm_config::UsdtLocation::get()),
				xcm::latest::AssetId(xcm_config::DotLocation::get()),
			];
			crate::PolkadotXcm::query_acceptable_payment_assets(xcm_version, accepted)
		}

		fn query_xcm_weight(
			message: xcm::VersionedXcm<()>,
		) -> Result<Weight, xcm_runtime_apis::fees::Error> {
			crate::PolkadotXcm::query_xcm_weight(message)
		}

		fn query_weight_to_asset_fee(
			weight: Weight,
			asset: xcm::VersionedAssetId,
		) -> Result<u128, xcm_runtime_apis::fees::Error> {
			crate::PolkadotXcm::query_weight_to_asset_fee::<xcm_config::Trader>(weight, asset)
		}

		fn query_delivery_fees(
			destination: xcm::VersionedLocation,
			message: xcm::VersionedXcm<()>,
			asset_id: xcm::VersionedAssetId,
		) -> Result<xcm::VersionedAssets, xcm_runtime_apis::fees::Error> {
			crate::PolkadotXcm::query_delivery_fees::<()>(destination, message, asset_id)
		}
	}

	/// XCM dry runs (what a `Transact` from a sibling would do, and the events it emits).
	/// What an XCM program or a local call would do here (events, messages sent), without doing it:
	/// how a sibling checks its `Transact` against the call filter before sending it.
	impl xcm_runtime_apis::dry_run::DryRunApi<Block, RuntimeCall, RuntimeEvent, OriginCaller> for Runtime {
		fn dry_run_call(
			origin: OriginCaller,
			call: RuntimeCall,
			result_xcms_version: xcm::Version,
		) -> Result<
			xcm_runtime_apis::dry_run::CallDryRunEffects<RuntimeEvent>,
			xcm_runtime_apis::dry_run::Error,
		> {
			crate::PolkadotXcm::dry_run_call::<Runtime, xcm_config::XcmRouter, OriginCaller, RuntimeCall>(
				origin,
				call,
				result_xcms_version,
			)
		}

		fn dry_run_xcm(
			origin_location: xcm::VersionedLocation,
			xcm: xcm::VersionedXcm<RuntimeCall>,
		) -> Result<
			xcm_runtime_apis::dry_run::XcmDryRunEffects<RuntimeEvent>,
			xcm_runtime_apis::dry_run::Error,
		> {
			crate::PolkadotXcm::dry_run_xcm::<xcm_config::XcmRouter>(origin_location, xcm)
		}
	}

	/// Which local account a location maps to (`HashedDescription` for a sibling's user).
	/// The local account of a location: for a sibling parachain's user, the account that must be
	/// funded to pay its XCM fees and that owns what it buys here (docs/parachain.md).
	impl xcm_runtime_apis::conversions::LocationToAccountApi<Block, AccountId> for Runtime {
		fn convert_location(location: xcm::VersionedLocation) -> Result<
			AccountId,
			xcm_runtime_apis::conversions::Error
		> {
			xcm_runtime_apis::conversions::LocationToAccountHelper::<
				AccountId,
				xcm_config::LocationToAccountId,
			>::convert_location(location)
		}
	}

	impl pallet_mutual_pool_runtime_api::MutualPoolApi<
		Block,
		AccountId,
		PoolAssetKind,
		Balance,
		BlockNumber,
	> for Runtime
	{
		fn quote(
			product_id: ProductId,
			amount: Balance,
			period: BlockNumber,
		) -> Result<Balance, DispatchError> {
			MutualPool::quote(product_id, amount, period)
		}

		fn pool_status(pool_id: PoolId) -> Option<PoolStatus<PoolAssetKind, Balance>> {
			MutualPool::pool_status(pool_id)
		}

		fn position(
			pool_id: PoolId,
			who: AccountId,
		) -> Option<Position<PoolAssetKind, Balance, BlockNumber>> {
			MutualPool::position(pool_id, &who)
		}

		fn agenda(
			pool_id: PoolId,
		) -> Option<Agenda<AccountId, PoolAssetKind, Balance, BlockNumber>> {
			MutualPool::agenda(pool_id)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = match Executive::try_runtime_upgrade(checks) {
				Ok(weight) => weight,
				Err(e) => panic!("try-runtime upgrade checks failed: {e:?}"),
			};
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			match Executive::try_execute_block(block, state_root_check, signature_check, select) {
				Ok(weight) => weight,
				Err(e) => panic!("try-runtime execute-block failed: {e:?}"),
			}
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch, BenchmarkError};
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			// `set_code` on a parachain goes through `ParachainSystem` (template).
			impl frame_system_benchmarking::Config for Runtime {
				fn setup_set_code_requirements(code: &Vec<u8>) -> Result<(), BenchmarkError> {
					ParachainSystem::initialize_for_set_code_benchmark(code.len() as u32);
					Ok(())
				}

				fn verify_set_code() {
					System::assert_last_event(
						cumulus_pallet_parachain_system::Event::<Runtime>::ValidationFunctionStored.into(),
					);
				}
			}
			impl baseline::Config for Runtime {}

			use frame_support::traits::WhitelistedStorageKeys;
			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			if batches.is_empty() { return Err("Benchmark not found for this pallet.".into()) }
			Ok(batches)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
