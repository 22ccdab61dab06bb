//! Storage migrations of the pallet. A runtime lists the ones it needs in the `Migrations` of its
//! `Executive`; each is a [`VersionedMigration`](frame_support::migrations::VersionedMigration),
//! so it runs only on the storage version it migrates from, exactly once, and sets the new one.

/// Storage version 3 to 4: every claim gains its stage, [`ClaimStatus`](crate::ClaimStatus).
///
/// Every claim stored under version 3 is under assessment, so it becomes
/// [`ClaimStatus::Pending`](crate::ClaimStatus::Pending); nothing else changes. The migration
/// reads and writes each claim once in one block: claims are few (one per cover at most, and each
/// is decided or lapses within `ClaimDecisionPeriod`), and `pre_upgrade` fails if their weight
/// would not fit in a block.
pub mod v4 {
	use crate::{
		pallet::BalanceOf, Claim, ClaimId, ClaimStatus, Claims, Config, Pallet, LOG_TARGET,
	};
	use codec::{Decode, Encode};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, storage_alias,
		traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	#[cfg(feature = "try-runtime")]
	use {alloc::vec::Vec, sp_runtime::TryRuntimeError};

	/// The storage layout of version 3.
	pub mod v3 {
		use super::*;

		/// A claim as version 3 stored it: a [`Claim`] without `status`.
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
		pub struct ClaimV3<AccountId, Balance, BlockNumber, Evidence> {
			/// See [`Claim::cover_id`].
			pub cover_id: crate::CoverId,
			/// See [`Claim::claimant`].
			pub claimant: AccountId,
			/// See [`Claim::amount`].
			pub amount: Balance,
			/// See [`Claim::deposit`].
			pub deposit: Balance,
			/// See [`Claim::lapses_at`].
			pub lapses_at: BlockNumber,
			/// See [`Claim::evidence`].
			pub evidence: Evidence,
		}

		/// A version 3 claim of runtime `T`.
		pub type ClaimV3Of<T> = ClaimV3<
			<T as frame_system::Config>::AccountId,
			BalanceOf<T>,
			BlockNumberFor<T>,
			crate::pallet::EvidenceOf<T>,
		>;

		/// `Claims` read with the version 3 layout.
		#[storage_alias]
		pub type Claims<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, ClaimId, ClaimV3Of<T>, OptionQuery>;

		impl<AccountId, Balance, BlockNumber, Evidence> ClaimV3<AccountId, Balance, BlockNumber, Evidence>
		where
			AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
			Balance: Clone + PartialEq + Eq + core::fmt::Debug,
			BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
		{
			/// The same claim in version 4: under assessment.
			pub fn into_v4<MaxEvidenceLen>(
				self,
			) -> Claim<AccountId, Balance, BlockNumber, MaxEvidenceLen>
			where
				MaxEvidenceLen: Get<u32>,
				Evidence: Into<BoundedVec<u8, MaxEvidenceLen>>,
			{
				Claim {
					cover_id: self.cover_id,
					claimant: self.claimant,
					amount: self.amount,
					deposit: self.deposit,
					lapses_at: self.lapses_at,
					evidence: self.evidence.into(),
					status: ClaimStatus::Pending,
				}
			}

			/// A version 4 claim as version 3 stored it (its status dropped): for tests that
			/// put a chain back at version 3.
			#[cfg(any(test, feature = "try-runtime"))]
			pub fn from_v4<MaxEvidenceLen>(
				claim: Claim<AccountId, Balance, BlockNumber, MaxEvidenceLen>,
			) -> Self
			where
				MaxEvidenceLen: Get<u32>,
				Evidence: From<BoundedVec<u8, MaxEvidenceLen>>,
			{
				Self {
					cover_id: claim.cover_id,
					claimant: claim.claimant,
					amount: claim.amount,
					deposit: claim.deposit,
					lapses_at: claim.lapses_at,
					evidence: claim.evidence.into(),
				}
			}
		}
	}

	/// The migration itself, without the version check: use [`MigrateV3ToV4`].
	pub struct InnerMigrateV3ToV4<T>(PhantomData<T>);

	impl<T: Config> InnerMigrateV3ToV4<T> {
		/// The weight of migrating `claims` claims: one read and one write each.
		pub fn weight(claims: u64) -> Weight {
			T::DbWeight::get().reads_writes(claims, claims)
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV3ToV4<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut migrated = 0u64;
			Claims::<T>::translate::<v3::ClaimV3Of<T>, _>(|_, claim| {
				migrated = migrated.saturating_add(1);
				Some(claim.into_v4())
			});
			log::info!(
				target: LOG_TARGET,
				"storage version 3 to 4: {migrated} claims migrated, each now Pending"
			);
			Self::weight(migrated)
		}

		/// Reads every claim with the version 3 layout (each must decode) and hands them to
		/// `post_upgrade`; fails if the migration would not fit in a block.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			let claims = v3::Claims::<T>::iter().collect::<Vec<_>>();
			ensure!(
				v3::Claims::<T>::iter_keys().count() == claims.len(),
				"a version 3 claim does not decode"
			);
			let weight = Self::weight(claims.len() as u64);
			ensure!(
				weight.all_lte(T::BlockWeights::get().max_block),
				"too many claims to migrate in one block"
			);
			Ok(claims.encode())
		}

		/// Every claim is still there, unchanged but for `status`, which is `Pending`; there is
		/// no other claim.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let before = Vec::<(ClaimId, v3::ClaimV3Of<T>)>::decode(&mut &state[..])
				.map_err(|_| "pre_upgrade state does not decode")?;
			ensure!(
				Claims::<T>::iter_keys().count() == before.len(),
				"the number of claims changed"
			);
			for (claim_id, old) in before {
				let now = Claims::<T>::get(claim_id).ok_or("a claim is gone or does not decode")?;
				ensure!(now == old.into_v4(), "a claim changed beyond its new status");
			}
			Ok(())
		}
	}

	/// Storage version 3 to 4, run once: on a chain at version 3 it migrates every claim and sets
	/// version 4; on any other version it does nothing but read the version.
	pub type MigrateV3ToV4<T> = VersionedMigration<
		3,
		4,
		InnerMigrateV3ToV4<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Storage version 4 to 5: every pool's large-claim window slides, and pools keep the stakes still
/// warming up and the withdrawals held back (issue 22).
///
/// A version 4 pool kept what it paid since the start of a window with a fixed start
/// (`PayoutWindowV4 { start, paid }`); version 5 keeps [`PAYOUT_SLOTS`](crate::PAYOUT_SLOTS)
/// slots of what it paid or committed ([`PayoutWindow`](crate::PayoutWindow)). What a pool paid
/// in a window still open is put in the slot of the upgrade's block, so it counts for a full
/// window from then on: never less than the old rules counted it. A window already over is
/// dropped, as the old rules dropped it at the next decision. Nothing is warming up or held back
/// after the upgrade (`Warmups` and `Holds` start empty); each pool's incident book starts with
/// what its open incidents reserve, and nothing short-paid (`Shortfalls` starts empty). An
/// appealed claim goes back to its appeal window, opened at the upgrade, its appeal deposit
/// released: a version 4 appeal was decided by any referendum of the track before a fixed block,
/// a version 5 appeal by its own referendum, which `appeal_claim` submits (so the claimant
/// appeals again). Nothing else changes. Pools are few (each is created by governance) and claims
/// are few (one per cover at most), so they are all migrated in one block.
pub mod v5 {
	use crate::{
		pallet::BalanceOf, Claim, ClaimId, ClaimStatus, Claims, Config, Earnings, HoldReason,
		IncidentBook, Incidents, MaxProductsPerPool, Pallet, PayoutWindow, Pool, PoolId,
		PoolParams, Pools, ProductBook, LOG_TARGET,
	};
	use alloc::collections::BTreeMap;
	use codec::{Decode, Encode};
	use core::marker::PhantomData;
	use frame_support::traits::{fungible::MutateHold, tokens::Precision};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, storage_alias,
		traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_runtime::traits::Saturating;
	#[cfg(feature = "try-runtime")]
	use {alloc::vec::Vec, sp_runtime::TryRuntimeError};

	/// The storage layout of version 4.
	pub mod v4 {
		use super::*;

		/// The large-claim window of version 4: everything paid since `start`.
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, Default)]
		pub struct PayoutWindowV4<Balance, BlockNumber> {
			/// The block at which the window opened (with its first payout).
			pub start: BlockNumber,
			/// Everything paid on claims since `start`.
			pub paid: Balance,
		}

		/// A pool as version 4 stored it: a [`Pool`] with a [`PayoutWindowV4`].
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
		pub struct PoolV4<Balance, BlockNumber> {
			/// See [`Pool::params`].
			pub params: PoolParams<Balance, BlockNumber>,
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
			/// The window of version 4.
			pub payouts: PayoutWindowV4<Balance, BlockNumber>,
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
		}

		/// A version 4 pool of runtime `T`.
		pub type PoolV4Of<T> = PoolV4<BalanceOf<T>, BlockNumberFor<T>>;

		/// Where a claim stood in version 4: an appeal ended at a fixed block.
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
		pub enum ClaimStatusV4<Balance, BlockNumber> {
			/// See [`ClaimStatus::Pending`].
			Pending,
			/// See [`ClaimStatus::Rejected`].
			Rejected {
				/// The end of the appeal window.
				appeal_until: BlockNumber,
			},
			/// Appealed to `AppealOrigin` until `decide_by`, by a referendum anyone submitted.
			Appealed {
				/// The appeal deposit held.
				deposit: Balance,
				/// The end of the appeal's decision period.
				decide_by: BlockNumber,
			},
		}

		/// A version 4 claim of runtime `T`: a [`Claim`] with a [`ClaimStatusV4`].
		pub type ClaimV4Of<T> = (
			crate::CoverId,
			<T as frame_system::Config>::AccountId,
			BalanceOf<T>,
			BalanceOf<T>,
			BlockNumberFor<T>,
			crate::pallet::EvidenceOf<T>,
			ClaimStatusV4<BalanceOf<T>, BlockNumberFor<T>>,
		);

		/// `Claims` read with the version 4 layout.
		#[storage_alias]
		pub type Claims<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, ClaimId, ClaimV4Of<T>, OptionQuery>;

		/// `Pools` read with the version 4 layout.
		#[storage_alias]
		pub type Pools<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, PoolId, PoolV4Of<T>, OptionQuery>;
	}

	/// The migration itself, without the version check: use [`MigrateV4ToV5`].
	pub struct InnerMigrateV4ToV5<T>(PhantomData<T>);

	impl<T: Config> InnerMigrateV4ToV5<T> {
		/// Version 4's claim `claim` in version 5 at block `now`. An appeal of version 4 was
		/// decided by any referendum before a fixed block; version 5 decides it by its own
		/// referendum, which only `appeal_claim` submits. So an appealed claim goes back to its
		/// appeal window, opened at `now` for `AppealPeriod` blocks, and its appeal deposit is
		/// released (`release_appeal`): the claimant appeals again under the new rules, or the
		/// rejection closes. Every other claim is unchanged.
		pub fn migrate_claim(claim: v4::ClaimV4Of<T>, now: BlockNumberFor<T>) -> crate::ClaimOf<T> {
			let (cover_id, claimant, amount, deposit, lapses_at, evidence, status) = claim;
			let status = match status {
				v4::ClaimStatusV4::Pending => ClaimStatus::Pending,
				v4::ClaimStatusV4::Rejected { appeal_until } => {
					ClaimStatus::Rejected { appeal_until }
				},
				v4::ClaimStatusV4::Appealed { .. } => ClaimStatus::Rejected {
					appeal_until: now.saturating_add(T::AppealPeriod::get()),
				},
			};
			Claim { cover_id, claimant, amount, deposit, lapses_at, evidence, status }
		}

		/// Release the appeal deposit of version 4's claim `claim`, if it was appealed.
		fn release_appeal(claim: &v4::ClaimV4Of<T>) {
			if let v4::ClaimStatusV4::Appealed { deposit, .. } = claim.6 {
				let released = T::Currency::release(
					&HoldReason::AppealDeposit.into(),
					&claim.1,
					deposit,
					Precision::BestEffort,
				);
				if released.is_err() {
					log::error!(target: LOG_TARGET, "an appeal deposit could not be released");
				}
			}
		}

		/// The weight of migrating `pools` pools with `incidents` open incidents: one read and
		/// one write of each pool, two reads of each incident (its reserve, and the count).
		pub fn weight(pools: u64, incidents: u64) -> Weight {
			T::DbWeight::get()
				.reads_writes(pools, pools)
				.saturating_add(T::DbWeight::get().reads(incidents.saturating_mul(2)))
		}

		/// What the open incidents reserve, by pool: one read of each incident.
		pub fn incident_reserves() -> BTreeMap<PoolId, BalanceOf<T>> {
			let mut reserves = BTreeMap::<PoolId, BalanceOf<T>>::new();
			for incident in Incidents::<T>::iter_values() {
				let reserved = reserves.entry(incident.pool_id).or_default();
				*reserved = reserved.saturating_add(incident.reserved);
			}
			reserves
		}

		/// `pool` in version 5 at block `now`, its open incidents reserving `reserved`: a window
		/// still open at `now` keeps what it paid, in the slot of `now`.
		pub fn migrate(
			pool: v4::PoolV4Of<T>,
			now: BlockNumberFor<T>,
			reserved: BalanceOf<T>,
		) -> crate::PoolOf<T> {
			let open = now < pool.payouts.start.saturating_add(T::LargeClaimWindow::get());
			let mut payouts = PayoutWindow {
				slot: now / Pallet::<T>::payout_slot_length(),
				committed: Default::default(),
			};
			if open {
				payouts.committed[0] = pool.payouts.paid;
			}
			Pool {
				params: pool.params,
				capital: pool.capital,
				total_shares: pool.total_shares,
				unbonding_capital: pool.unbonding_capital,
				unbonding_shares: pool.unbonding_shares,
				active_cover: pool.active_cover,
				pending_claims: pool.pending_claims,
				expired_through: pool.expired_through,
				fees_owed: pool.fees_owed,
				payouts,
				earnings: pool.earnings,
				products: pool.products,
				frozen_until: pool.frozen_until,
				depleted: pool.depleted,
				era: pool.era,
				unbonding_era: pool.unbonding_era,
				warming: Default::default(),
				holding: Default::default(),
				incidents: IncidentBook { reserved, ..Default::default() },
			}
		}

		/// A version 5 pool as version 4 would store it, its window opened at `start` with what
		/// the slots hold, nothing warming up: for tests that put a chain back at version 4.
		#[cfg(any(test, feature = "try-runtime"))]
		pub fn to_v4(pool: crate::PoolOf<T>, start: BlockNumberFor<T>) -> v4::PoolV4Of<T> {
			v4::PoolV4 {
				params: pool.params,
				capital: pool.capital,
				total_shares: pool.total_shares,
				unbonding_capital: pool.unbonding_capital,
				unbonding_shares: pool.unbonding_shares,
				active_cover: pool.active_cover,
				pending_claims: pool.pending_claims,
				expired_through: pool.expired_through,
				fees_owed: pool.fees_owed,
				payouts: v4::PayoutWindowV4 { start, paid: pool.payouts.total() },
				earnings: pool.earnings,
				products: pool.products,
				frozen_until: pool.frozen_until,
				depleted: pool.depleted,
				era: pool.era,
				unbonding_era: pool.unbonding_era,
			}
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV4ToV5<T> {
		fn on_runtime_upgrade() -> Weight {
			let now = frame_system::Pallet::<T>::block_number();
			let reserves = Self::incident_reserves();
			let incidents = Incidents::<T>::iter_keys().count() as u64;
			let mut migrated = 0u64;
			Pools::<T>::translate::<v4::PoolV4Of<T>, _>(|pool_id, pool| {
				migrated = migrated.saturating_add(1);
				let reserved = reserves.get(&pool_id).copied().unwrap_or_default();
				Some(Self::migrate(pool, now, reserved))
			});
			let (mut claims, mut appeals) = (0u64, 0u64);
			Claims::<T>::translate::<v4::ClaimV4Of<T>, _>(|_, claim| {
				claims = claims.saturating_add(1);
				if matches!(claim.6, v4::ClaimStatusV4::Appealed { .. }) {
					appeals = appeals.saturating_add(1);
					Self::release_appeal(&claim);
				}
				Some(Self::migrate_claim(claim, now))
			});
			log::info!(
				target: LOG_TARGET,
				"storage version 4 to 5: {migrated} pools' large-claim windows now slide; \
				 {appeals} of {claims} claims' appeals reopened"
			);
			Self::weight(migrated, incidents)
				.saturating_add(T::DbWeight::get().reads_writes(claims, claims))
				.saturating_add(T::DbWeight::get().reads_writes(appeals, appeals))
		}

		/// Reads every pool and claim with the version 4 layout (each must decode) and hands
		/// them to `post_upgrade`; fails if the migration would not fit in a block.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			let pools = v4::Pools::<T>::iter().collect::<Vec<_>>();
			ensure!(
				v4::Pools::<T>::iter_keys().count() == pools.len(),
				"a version 4 pool does not decode"
			);
			let claims = v4::Claims::<T>::iter().collect::<Vec<_>>();
			ensure!(
				v4::Claims::<T>::iter_keys().count() == claims.len(),
				"a version 4 claim does not decode"
			);
			let incidents = Incidents::<T>::iter_keys().count() as u64;
			let count = claims.len() as u64;
			ensure!(
				Self::weight(pools.len() as u64, incidents)
					.saturating_add(T::DbWeight::get().reads_writes(2 * count, 2 * count))
					.all_lte(T::BlockWeights::get().max_block),
				"too many pools and claims to migrate in one block"
			);
			Ok((pools, claims).encode())
		}

		/// Every pool is still there, unchanged but for its window, which holds what the open
		/// window of version 4 paid, and its warm-up record, empty.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			type Before<T> = (Vec<(PoolId, v4::PoolV4Of<T>)>, Vec<(ClaimId, v4::ClaimV4Of<T>)>);
			let (before, claims) = Before::<T>::decode(&mut &state[..])
				.map_err(|_| "pre_upgrade state does not decode")?;
			ensure!(Pools::<T>::iter_keys().count() == before.len(), "the number of pools changed");
			ensure!(
				Claims::<T>::iter_keys().count() == claims.len(),
				"the number of claims changed"
			);
			let now = frame_system::Pallet::<T>::block_number();
			let reserves = Self::incident_reserves();
			for (pool_id, old) in before {
				let pool = Pools::<T>::get(pool_id).ok_or("a pool is gone or does not decode")?;
				let reserved = reserves.get(&pool_id).copied().unwrap_or_default();
				ensure!(
					pool == Self::migrate(old, now, reserved),
					"a pool changed beyond its window"
				);
			}
			for (claim_id, old) in claims {
				let claim =
					Claims::<T>::get(claim_id).ok_or("a claim is gone or does not decode")?;
				ensure!(
					claim == Self::migrate_claim(old, now),
					"a claim changed beyond its appeal"
				);
			}
			Ok(())
		}
	}

	/// Storage version 4 to 5, run once: on a chain at version 4 it migrates every pool and sets
	/// version 5; on any other version it does nothing but read the version.
	pub type MigrateV4ToV5<T> = VersionedMigration<
		4,
		5,
		InnerMigrateV4ToV5<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
