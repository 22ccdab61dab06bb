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
