//! Storage migrations of the pallet. A runtime lists the ones it needs in the `Migrations` of its
//! `Executive`; each is a [`VersionedMigration`](frame_support::migrations::VersionedMigration),
//! so it runs only on the storage version it migrates from, exactly once, and sets the new one.
//!
//! Only the migration from the last version is kept: the migrations to versions 4 and 5 were
//! removed with version 6 (they are in the history of this repository, issue 24). A chain below
//! version 5 upgrades through a runtime that still lists them first.

/// Storage version 5 to 6: pools gain their asset, their smallest cover and their claim
/// deposit rate ([`PoolParams`](crate::PoolParams)).
///
/// Every pool stored under version 5 holds the native token, so it becomes a pool in
/// `Config::NativeAsset` with the `MinCover` and `ClaimDepositRate` that its runtime charged
/// for every pool until then (which the runtime passes in); and the pallet takes a provider
/// reference on its account, as it does for every pool it creates from version 6. Nothing else
/// changes. Pools are few (each is created by governance), so they are all migrated in one
/// block, and `pre_upgrade` fails if they would not fit.
pub mod v6 {
	use crate::{
		pallet::BalanceOf, Config, Earnings, Holding, IncidentBook, MaxProductsPerPool, Pallet,
		PayoutWindow, Pool, PoolId, PoolParams, Pools, ProductBook, Warming, LOG_TARGET,
	};
	use codec::{Decode, Encode};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, storage_alias,
		traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_arithmetic::{FixedU128, Perbill};
	#[cfg(feature = "try-runtime")]
	use {alloc::vec::Vec, sp_runtime::TryRuntimeError};

	/// The storage layout of version 5.
	pub mod v5 {
		use super::*;

		/// A pool's parameters in version 5: every pool in the native token, `MinCover` and
		/// `ClaimDepositRate` the runtime's.
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
		pub struct PoolParamsV5<Balance, BlockNumber> {
			/// See [`PoolParams::capacity_factor`].
			pub capacity_factor: FixedU128,
			/// See [`PoolParams::unbonding_period`].
			pub unbonding_period: BlockNumber,
			/// See [`PoolParams::min_stake`].
			pub min_stake: Balance,
			/// See [`PoolParams::fee`].
			pub fee: Perbill,
			/// See [`PoolParams::kink`].
			pub kink: Perbill,
			/// See [`PoolParams::slope1`].
			pub slope1: Perbill,
			/// See [`PoolParams::slope2`].
			pub slope2: Perbill,
			/// See [`PoolParams::large_claim_threshold`].
			pub large_claim_threshold: Perbill,
		}

		/// A pool as version 5 stored it: a [`Pool`] with [`PoolParamsV5`].
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
		pub struct PoolV5<Balance, BlockNumber> {
			/// The parameters of version 5.
			pub params: PoolParamsV5<Balance, BlockNumber>,
			/// See [`Pool::capital`].
			pub capital: Balance,
			/// See [`Pool::total_shares`].
			pub total_shares: Balance,
			/// See [`Pool::unbonding_capital`].
			pub unbonding_capital: Balance,
			/// See [`Pool::unbonding_shares`].
			pub unbonding_shares: Balance,
			/// See [`Pool::active_cover`].
			pub active_cover: Balance,
			/// See [`Pool::pending_claims`].
			pub pending_claims: Balance,
			/// See [`Pool::expired_through`].
			pub expired_through: BlockNumber,
			/// See [`Pool::fees_owed`].
			pub fees_owed: Balance,
			/// See [`Pool::payouts`].
			pub payouts: PayoutWindow<Balance, BlockNumber>,
			/// See [`Pool::earnings`].
			pub earnings: Earnings<Balance, BlockNumber>,
			/// See [`Pool::products`].
			pub products: BoundedVec<ProductBook<Balance, BlockNumber>, MaxProductsPerPool>,
			/// See [`Pool::frozen_until`].
			pub frozen_until: BlockNumber,
			/// See [`Pool::depleted`].
			pub depleted: bool,
			/// See [`Pool::era`].
			pub era: u32,
			/// See [`Pool::unbonding_era`].
			pub unbonding_era: u32,
			/// See [`Pool::warming`].
			pub warming: Warming<Balance, BlockNumber>,
			/// See [`Pool::holding`].
			pub holding: Holding<Balance>,
			/// See [`Pool::incidents`].
			pub incidents: IncidentBook<Balance>,
		}

		/// A version 5 pool of runtime `T`.
		pub type PoolV5Of<T> = PoolV5<BalanceOf<T>, BlockNumberFor<T>>;

		/// `Pools` read with the version 5 layout.
		#[storage_alias]
		pub type Pools<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, PoolId, PoolV5Of<T>, OptionQuery>;
	}

	/// The migration itself, without the version check: use [`MigrateV5ToV6`]. `MinCover` and
	/// `ClaimDepositRate` are what the runtime charged every pool under version 5 (its former
	/// `Config::MinCover`, and its `Config::ClaimDepositRate` as a [`FixedU128`]).
	pub struct InnerMigrateV5ToV6<T, MinCover, ClaimDepositRate>(
		PhantomData<(T, MinCover, ClaimDepositRate)>,
	);

	impl<T, MinCover, ClaimDepositRate> InnerMigrateV5ToV6<T, MinCover, ClaimDepositRate>
	where
		T: Config,
		MinCover: Get<BalanceOf<T>>,
		ClaimDepositRate: Get<FixedU128>,
	{
		/// Version 5's pool `pool` in version 6: a pool in the native token, with the runtime's
		/// smallest cover and claim deposit rate.
		pub fn migrate(pool: v5::PoolV5Of<T>) -> crate::PoolOf<T> {
			let v5::PoolV5 { params, .. } = pool;
			Pool {
				params: PoolParams {
					asset: T::NativeAsset::get(),
					capacity_factor: params.capacity_factor,
					unbonding_period: params.unbonding_period,
					min_stake: params.min_stake,
					min_cover: MinCover::get(),
					claim_deposit_rate: ClaimDepositRate::get(),
					fee: params.fee,
					kink: params.kink,
					slope1: params.slope1,
					slope2: params.slope2,
					large_claim_threshold: params.large_claim_threshold,
				},
				capital: pool.capital,
				total_shares: pool.total_shares,
				unbonding_capital: pool.unbonding_capital,
				unbonding_shares: pool.unbonding_shares,
				active_cover: pool.active_cover,
				pending_claims: pool.pending_claims,
				expired_through: pool.expired_through,
				fees_owed: pool.fees_owed,
				payouts: pool.payouts,
				earnings: pool.earnings,
				products: pool.products,
				frozen_until: pool.frozen_until,
				depleted: pool.depleted,
				era: pool.era,
				unbonding_era: pool.unbonding_era,
				warming: pool.warming,
				holding: pool.holding,
				incidents: pool.incidents,
			}
		}

		/// A version 6 pool as version 5 would store it (its asset, smallest cover and claim
		/// deposit rate dropped): for tests that put a chain back at version 5.
		#[cfg(any(test, feature = "try-runtime"))]
		pub fn to_v5(pool: crate::PoolOf<T>) -> v5::PoolV5Of<T> {
			let params = pool.params;
			v5::PoolV5 {
				params: v5::PoolParamsV5 {
					capacity_factor: params.capacity_factor,
					unbonding_period: params.unbonding_period,
					min_stake: params.min_stake,
					fee: params.fee,
					kink: params.kink,
					slope1: params.slope1,
					slope2: params.slope2,
					large_claim_threshold: params.large_claim_threshold,
				},
				capital: pool.capital,
				total_shares: pool.total_shares,
				unbonding_capital: pool.unbonding_capital,
				unbonding_shares: pool.unbonding_shares,
				active_cover: pool.active_cover,
				pending_claims: pool.pending_claims,
				expired_through: pool.expired_through,
				fees_owed: pool.fees_owed,
				payouts: pool.payouts,
				earnings: pool.earnings,
				products: pool.products,
				frozen_until: pool.frozen_until,
				depleted: pool.depleted,
				era: pool.era,
				unbonding_era: pool.unbonding_era,
				warming: pool.warming,
				holding: pool.holding,
				incidents: pool.incidents,
			}
		}

		/// The weight of migrating `pools` pools: one read and one write of each pool, and of
		/// its account (the provider reference).
		pub fn weight(pools: u64) -> Weight {
			T::DbWeight::get().reads_writes(pools.saturating_mul(2), pools.saturating_mul(2))
		}
	}

	impl<T, MinCover, ClaimDepositRate> UncheckedOnRuntimeUpgrade
		for InnerMigrateV5ToV6<T, MinCover, ClaimDepositRate>
	where
		T: Config,
		MinCover: Get<BalanceOf<T>>,
		ClaimDepositRate: Get<FixedU128>,
	{
		fn on_runtime_upgrade() -> Weight {
			let mut migrated = 0u64;
			Pools::<T>::translate::<v5::PoolV5Of<T>, _>(|pool_id, pool| {
				migrated = migrated.saturating_add(1);
				frame_system::Pallet::<T>::inc_providers(&Pallet::<T>::pool_account(pool_id));
				Some(Self::migrate(pool))
			});
			log::info!(
				target: LOG_TARGET,
				"storage version 5 to 6: {migrated} pools are native-asset pools"
			);
			Self::weight(migrated)
		}

		/// Reads every pool with the version 5 layout (each must decode) and hands them, with
		/// their accounts' provider references, to `post_upgrade`; fails if the migration would
		/// not fit in a block.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			let pools = v5::Pools::<T>::iter()
				.map(|(pool_id, pool)| {
					let account = Pallet::<T>::pool_account(pool_id);
					(pool_id, pool, frame_system::Pallet::<T>::providers(&account))
				})
				.collect::<Vec<_>>();
			ensure!(
				v5::Pools::<T>::iter_keys().count() == pools.len(),
				"a version 5 pool does not decode"
			);
			ensure!(
				Self::weight(pools.len() as u64).all_lte(T::BlockWeights::get().max_block),
				"too many pools to migrate in one block"
			);
			Ok(pools.encode())
		}

		/// Every pool is still there, unchanged but for its new parameters, and its account has
		/// one more provider reference.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let before = Vec::<(PoolId, v5::PoolV5Of<T>, u32)>::decode(&mut &state[..])
				.map_err(|_| "pre_upgrade state does not decode")?;
			ensure!(Pools::<T>::iter_keys().count() == before.len(), "the number of pools changed");
			for (pool_id, old, providers) in before {
				let pool = Pools::<T>::get(pool_id).ok_or("a pool is gone or does not decode")?;
				ensure!(pool == Self::migrate(old), "a pool changed beyond its parameters");
				let account = Pallet::<T>::pool_account(pool_id);
				ensure!(
					frame_system::Pallet::<T>::providers(&account) == providers.saturating_add(1),
					"a pool account did not get its provider reference"
				);
			}
			Ok(())
		}
	}

	/// Storage version 5 to 6, run once: on a chain at version 5 it migrates every pool and sets
	/// version 6; on any other version it does nothing but read the version.
	pub type MigrateV5ToV6<T, MinCover, ClaimDepositRate> = VersionedMigration<
		5,
		6,
		InnerMigrateV5ToV6<T, MinCover, ClaimDepositRate>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
