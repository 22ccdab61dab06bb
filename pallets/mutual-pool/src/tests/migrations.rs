//! Tests of the storage migrations: a version 3 chain's claims become version 4 claims, and a
//! version 4 chain's pools version 5 pools, exactly once, and nothing else changes.

use crate::{
	migrations::{
		v4::{v3, InnerMigrateV3ToV4, MigrateV3ToV4},
		v5::{v4, InnerMigrateV4ToV5, MigrateV4ToV5},
	},
	mock::*,
	*,
};
use codec::Encode;
use frame_support::traits::{
	GetStorageVersion, OnRuntimeUpgrade, StorageVersion, UncheckedOnRuntimeUpgrade,
};
use frame_support::{assert_ok, traits::fungible::InspectHold};

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
		assert_eq!(MutualPool::on_chain_storage_version(), 5);
		assert_eq!(MutualPool::in_code_storage_version(), 5);
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
		// Byte for byte the storage the pallet wrote, the version key aside (the pools' layout
		// is version 5's in this test: the migration to 4 does not read them).
		StorageVersion::new(5).put::<MutualPool>();
		assert_eq!(pallet_storage(), v4_storage);
		StorageVersion::new(4).put::<MutualPool>();
		let v4_storage = pallet_storage();
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
		// Put the chain back as the current version left it, for the invariants checked after
		// the test.
		for (claim_id, claim) in claims {
			Claims::<Test>::insert(claim_id, claim);
		}
		StorageVersion::new(5).put::<MutualPool>();
	});
}

/// Pool 0 after a payout of 50_000 at block 2, as a chain at version 4 stores it, its window
/// opened at block 2, at block `now`; returns the pool as the current version has it.
fn store_pool_as_v4(now: u64) -> PoolOf<Test> {
	stake(ALICE, 1_000_000);
	let cover_id = buy(BOB, 0, 100_000, YEAR);
	run_to_block(2);
	let claim_id = claim(BOB, cover_id, 50_000);
	assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 50_000));
	run_to_block(now);
	let pool = pool(0);
	assert_eq!(pool.payouts.total(), 50_000);
	v4::Pools::<Test>::insert(0, InnerMigrateV4ToV5::<Test>::to_v4(pool.clone(), 2));
	StorageVersion::new(4).put::<MutualPool>();
	pool
}

#[test]
fn a_version_4_pool_books_what_its_open_incidents_reserve() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 1_000_000);
		buy(BOB, 0, 100_000, YEAR);
		buy(CHARLIE, 1, 50_000, YEAR);
		run_to_block(3);
		for (product_id, ratio) in [(0, 10), (1, 20)] {
			let ratio = sp_runtime::Perbill::from_percent(ratio);
			assert_ok!(MutualPool::declare_incident(
				signed(COUNCIL),
				product_id,
				2,
				ratio,
				evidence()
			));
		}
		let pool = pool(0);
		assert_eq!(pool.incidents, IncidentBook { reserved: 20_000, ..Default::default() });
		v4::Pools::<Test>::insert(0, InnerMigrateV4ToV5::<Test>::to_v4(pool.clone(), 3));
		StorageVersion::new(4).put::<MutualPool>();

		MigrateV4ToV5::<Test>::on_runtime_upgrade();

		assert_eq!(Pools::<Test>::get(0).expect("the pool decodes"), pool);
	});
}

#[test]
fn a_version_4_appeal_goes_back_to_its_window_with_its_deposit_released() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		let cover_id = buy(CHARLIE, 0, 10_000, YEAR);
		let claim_id = claim(CHARLIE, cover_id, 10_000);
		assert_ok!(MutualPool::reject_claim(signed(COUNCIL), claim_id));
		assert_ok!(MutualPool::appeal_claim(signed(CHARLIE), claim_id));
		let pool = store_pool_as_v4(10);
		let claim = Claims::<Test>::get(claim_id).unwrap();
		let ClaimStatus::Appealed { deposit, .. } = claim.status else { panic!("appealed") };
		let reason = RuntimeHoldReason::MutualPool(HoldReason::AppealDeposit);
		assert_eq!(Balances::balance_on_hold(&reason, &CHARLIE), deposit);
		// As version 4 stored it: appealed to any referendum until `decide_by`.
		let status = v4::ClaimStatusV4::Appealed { deposit, decide_by: 10 + 40 };
		let old = (
			claim.cover_id,
			claim.claimant,
			claim.amount,
			claim.deposit,
			claim.lapses_at,
			claim.evidence.clone(),
			status,
		);
		v4::Claims::<Test>::insert(claim_id, old);
		StorageVersion::new(4).put::<MutualPool>();

		MigrateV4ToV5::<Test>::on_runtime_upgrade();

		// Back in its appeal window, opened at the upgrade; the claimant appeals again under the
		// new rules, which submit the appeal's own referendum.
		let appeal_until = 10 + DEFAULT_APPEAL_PERIOD;
		let migrated = Claims::<Test>::get(claim_id).expect("the claim decodes");
		assert_eq!(migrated, Claim { status: ClaimStatus::Rejected { appeal_until }, ..claim });
		assert_eq!(Balances::balance_on_hold(&reason, &CHARLIE), 0);
		assert_eq!(Pools::<Test>::get(0).expect("the pool decodes").capital, pool.capital);
		assert_ok!(MutualPool::appeal_claim(signed(CHARLIE), claim_id));
	});
}

#[test]
fn a_version_4_window_still_open_counts_a_full_window_from_the_upgrade() {
	ExtBuilder::default().build_and_execute(|| {
		let now = LARGE_CLAIM_WINDOW;
		let pool = store_pool_as_v4(now);
		assert!(Pools::<Test>::iter().next().is_none(), "v4 pools do not decode as v5");

		MigrateV4ToV5::<Test>::on_runtime_upgrade();

		assert_eq!(MutualPool::on_chain_storage_version(), 5);
		let migrated = Pools::<Test>::get(0).expect("the pool decodes");
		// What the old window paid is in the slot of the upgrade's block: it counts until a
		// full window after the upgrade, never less long than the old rules counted it.
		let slot_length = MutualPool::payout_slot_length();
		assert_eq!(slot_length, LARGE_CLAIM_WINDOW.div_ceil(7));
		assert_eq!(migrated.payouts.slot, now / slot_length);
		assert_eq!(migrated.payouts.committed[0], 50_000);
		assert_eq!(migrated.payouts.total(), 50_000);
		// Nothing is held: version 4 held no withdrawal back.
		assert_eq!(migrated.holding, Default::default());
		assert_eq!(
			Pool { payouts: pool.payouts.clone(), holding: pool.holding.clone(), ..migrated },
			pool
		);
		// Exactly once.
		let storage = pallet_storage();
		MigrateV4ToV5::<Test>::on_runtime_upgrade();
		assert_eq!(pallet_storage(), storage);
	});
}

#[test]
fn a_version_4_window_already_over_is_dropped() {
	ExtBuilder::default().build_and_execute(|| {
		let pool = store_pool_as_v4(2 + LARGE_CLAIM_WINDOW);
		MigrateV4ToV5::<Test>::on_runtime_upgrade();
		let migrated = Pools::<Test>::get(0).expect("the pool decodes");
		assert_eq!(migrated.payouts.total(), 0);
		// Nothing is held: version 4 held no withdrawal back.
		assert_eq!(migrated.holding, Default::default());
		assert_eq!(
			Pool { payouts: pool.payouts.clone(), holding: pool.holding.clone(), ..migrated },
			pool
		);
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
			StorageVersion::new(5).put::<MutualPool>();
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

	#[test]
	fn pre_and_post_upgrade_pass_on_a_version_4_chain_and_notice_a_changed_pool() {
		ExtBuilder::default().build_and_execute(|| {
			store_pool_as_v4(10);
			assert_eq!(MigrateV4ToV5::<Test>::try_on_runtime_upgrade(true).map(|_| ()), Ok(()));
			let migrated = pool(0);

			store_pool_as_v4_again(&migrated);
			let state = InnerMigrateV4ToV5::<Test>::pre_upgrade().unwrap();
			InnerMigrateV4ToV5::<Test>::on_runtime_upgrade();
			Pools::<Test>::mutate(0, |p| p.as_mut().unwrap().capital += 1);
			assert_eq!(
				InnerMigrateV4ToV5::<Test>::post_upgrade(state),
				Err(TryRuntimeError::Other("a pool changed beyond its window"))
			);
			Pools::<Test>::insert(0, migrated);
			StorageVersion::new(5).put::<MutualPool>();
		});
	}

	/// Store `pool` back with the version 4 layout, its window opened at block 2.
	fn store_pool_as_v4_again(pool: &PoolOf<Test>) {
		v4::Pools::<Test>::insert(0, InnerMigrateV4ToV5::<Test>::to_v4(pool.clone(), 2));
		StorageVersion::new(4).put::<MutualPool>();
	}
}

/// `Pool` became generic over the runtime (issue 23) with its storage layout unchanged: its
/// encoding is its fields', in the order of version 5, and decodes back to the same pool. A
/// reordered or retyped field fails here before it reaches a chain's storage.
#[test]
fn a_pool_is_stored_as_its_fields_in_the_order_of_version_5() {
	ExtBuilder::default().build_and_execute(|| {
		stake(ALICE, 1_000_000);
		let cover_id = buy(BOB, 0, 100_000, 100);
		run_to_block(50);
		assert_ok!(MutualPool::request_unstake(signed(ALICE), 0, 1_000));
		// A payout after the request lowers both classes' capital, not their shares.
		let claim_id = claim(BOB, cover_id, 1_500);
		assert_ok!(MutualPool::approve_claim(signed(COUNCIL), claim_id, 1_500));
		claim(BOB, cover_id, 500);
		let p = pool(0);
		// Distinct values, so that two fields of one type swapped would show.
		assert_ne!(p.capital, p.total_shares);
		assert_ne!(p.unbonding_capital, p.unbonding_shares);
		let fields = (
			(
				&p.params,
				p.capital,
				p.total_shares,
				p.unbonding_capital,
				p.unbonding_shares,
				p.active_cover,
				p.pending_claims,
				p.expired_through,
				p.fees_owed,
				&p.payouts,
			),
			(
				&p.earnings,
				&p.products,
				p.frozen_until,
				p.depleted,
				p.era,
				p.unbonding_era,
				&p.warming,
				&p.holding,
				&p.incidents,
			),
		);
		assert_eq!(p.encode(), fields.encode());
		let stored = Pools::<Test>::hashed_key_for(0);
		let raw = frame_support::storage::unhashed::get_raw(&stored).expect("pool 0 is stored");
		assert_eq!(raw, fields.encode());
		assert_eq!(<PoolOf<Test> as codec::Decode>::decode(&mut &raw[..]).unwrap(), p);
	});
}
