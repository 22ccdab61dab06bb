//! Tests of the storage migrations: a version 3 chain's claims become version 4 claims exactly
//! once, and nothing else changes.

use crate::{
	migrations::v4::{v3, InnerMigrateV3ToV4, MigrateV3ToV4},
	mock::*,
	*,
};
use codec::Encode;
use frame_support::traits::{
	GetStorageVersion, OnRuntimeUpgrade, StorageVersion, UncheckedOnRuntimeUpgrade,
};

/// Three claims on three covers, as a chain at version 4 stores them.
fn file_three_claims() -> Vec<(ClaimId, ClaimOf<Test>)> {
	stake(ALICE, 1_000_000);
	for (who, amount) in [(BOB, 1_000), (CHARLIE, 2_000), (DAVE, 3_000)] {
		let cover_id = buy(who, 0, amount, 100);
		claim(who, cover_id, amount / 2);
	}
	let claims = Claims::<Test>::iter().collect::<Vec<_>>();
	assert_eq!(claims.len(), 3);
	claims
}

/// Store `claims` with the version 3 layout and set the pallet's storage version to 3: the chain
/// as version 3 of the pallet left it.
fn store_as_v3(claims: &[(ClaimId, ClaimOf<Test>)]) {
	for (claim_id, claim) in claims {
		v3::Claims::<Test>::insert(claim_id, v3::ClaimV3::from_v4(claim.clone()));
	}
	StorageVersion::new(3).put::<MutualPool>();
}

/// The whole of the pallet's storage, key by key.
fn pallet_storage() -> Vec<(Vec<u8>, Vec<u8>)> {
	let prefix = frame_support::storage::storage_prefix(b"MutualPool", b"").to_vec();
	let prefix = prefix[..16].to_vec();
	let mut pairs = Vec::new();
	let mut key = prefix.clone();
	while let Some(next) = sp_io::storage::next_key(&key).filter(|k| k.starts_with(&prefix)) {
		pairs.push((next.clone(), sp_io::storage::get(&next).unwrap().to_vec()));
		key = next;
	}
	pairs
}

#[test]
fn genesis_is_at_the_in_code_version() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(MutualPool::on_chain_storage_version(), 4);
		assert_eq!(MutualPool::in_code_storage_version(), 4);
	});
}

#[test]
fn version_3_claims_become_pending_once_and_nothing_else_changes() {
	ExtBuilder::default().build_and_execute(|| {
		let claims = file_three_claims();
		let v4_storage = pallet_storage();
		store_as_v3(&claims);
		// A version 3 claim is one byte shorter: no status.
		for (claim_id, claim) in &claims {
			let raw = Claims::<Test>::hashed_key_for(claim_id);
			let raw = sp_io::storage::get(&raw).unwrap();
			assert_eq!(raw.len() + 1, claim.encode().len());
		}
		assert!(Claims::<Test>::iter().next().is_none(), "v3 claims do not decode as v4");

		MigrateV3ToV4::<Test>::on_runtime_upgrade();

		assert_eq!(MutualPool::on_chain_storage_version(), 4);
		assert_eq!(Claims::<Test>::iter().collect::<Vec<_>>(), claims);
		assert!(Claims::<Test>::iter_values().all(|c| c.status == ClaimStatus::Pending));
		// Byte for byte the storage the pallet wrote at version 4, the version key included.
		assert_eq!(pallet_storage(), v4_storage);
		// A second run finds version 4 and changes nothing (the runtime's test checks the
		// weights: the mock's database weighs nothing).
		MigrateV3ToV4::<Test>::on_runtime_upgrade();
		assert_eq!(pallet_storage(), v4_storage);
	});
}

#[test]
fn a_chain_at_another_version_is_left_alone() {
	ExtBuilder::default().build_and_execute(|| {
		let claims = file_three_claims();
		store_as_v3(&claims);
		StorageVersion::new(2).put::<MutualPool>();
		let before = pallet_storage();

		MigrateV3ToV4::<Test>::on_runtime_upgrade();

		assert_eq!(pallet_storage(), before);
		// Put the chain back as version 4 left it, for the invariants checked after the test.
		for (claim_id, claim) in claims {
			Claims::<Test>::insert(claim_id, claim);
		}
		StorageVersion::new(4).put::<MutualPool>();
	});
}

#[cfg(feature = "try-runtime")]
mod try_runtime {
	use super::*;
	use sp_runtime::TryRuntimeError;

	#[test]
	fn pre_and_post_upgrade_pass_on_a_version_3_chain() {
		ExtBuilder::default().build_and_execute(|| {
			let claims = file_three_claims();
			store_as_v3(&claims);
			assert_eq!(MigrateV3ToV4::<Test>::try_on_runtime_upgrade(true).map(|_| ()), Ok(()));
			assert_eq!(Claims::<Test>::iter().collect::<Vec<_>>(), claims);
		});
	}

	#[test]
	fn pre_upgrade_refuses_a_claim_that_does_not_decode() {
		ExtBuilder::default().build_and_execute(|| {
			let claims = file_three_claims();
			store_as_v3(&claims);
			let key = Claims::<Test>::hashed_key_for(claims[1].0);
			sp_io::storage::set(&key, &[1, 2, 3]);
			assert_eq!(
				InnerMigrateV3ToV4::<Test>::pre_upgrade(),
				Err(TryRuntimeError::Other("a version 3 claim does not decode"))
			);
			for (claim_id, claim) in claims {
				Claims::<Test>::insert(claim_id, claim);
			}
			StorageVersion::new(4).put::<MutualPool>();
		});
	}

	#[test]
	fn post_upgrade_notices_a_lost_or_changed_claim() {
		ExtBuilder::default().build_and_execute(|| {
			let claims = file_three_claims();
			store_as_v3(&claims);
			let state = InnerMigrateV3ToV4::<Test>::pre_upgrade().unwrap();
			InnerMigrateV3ToV4::<Test>::on_runtime_upgrade();
			assert_eq!(InnerMigrateV3ToV4::<Test>::post_upgrade(state.clone()), Ok(()));

			Claims::<Test>::mutate(claims[0].0, |c| c.as_mut().unwrap().amount += 1);
			assert_eq!(
				InnerMigrateV3ToV4::<Test>::post_upgrade(state.clone()),
				Err(TryRuntimeError::Other("a claim changed beyond its new status"))
			);
			Claims::<Test>::insert(claims[0].0, claims[0].1.clone());
			Claims::<Test>::insert(99, claims[0].1.clone());
			assert_eq!(
				InnerMigrateV3ToV4::<Test>::post_upgrade(state),
				Err(TryRuntimeError::Other("the number of claims changed"))
			);
			Claims::<Test>::remove(99);
		});
	}
}
