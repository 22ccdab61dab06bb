//! Tests of pool and product administration: creating and updating pools and products, by
//! which origins, and the parameter bounds.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::DispatchError;

/// Pool parameters that differ from the demo pool's in every field.
fn other_pool_params() -> PoolParamsOf<Test> {
	PoolParams {
		asset: if PoolAsset::get() == usd() { NativeOrWithId::Native } else { usd() },
		capacity_factor: FixedU128::from_rational(3, 2),
		unbonding_period: 7,
		min_stake: 50,
		min_cover: 20,
		claim_deposit_rate: FixedU128::from_rational(2, 1_000),
		fee: Perbill::from_percent(5),
		kink: Perbill::from_percent(70),
		slope1: Perbill::from_percent(4),
		slope2: Perbill::from_percent(60),
		large_claim_threshold: Perbill::from_percent(10),
	}
}

#[test]
fn create_pool_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(NextPoolId::<Test>::get(), 1);
		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), other_pool_params()));
		assert_last(Event::PoolCreated { pool_id: 1 });
		let created = pool(1);
		assert_eq!(created.params, other_pool_params());
		assert_eq!(
			(created.capital, created.total_shares, created.active_cover, created.pending_claims),
			(0, 0, 0, 0)
		);
		assert_eq!((created.unbonding_capital, created.unbonding_shares), (0, 0));
		// It starts earning from the block of its creation.
		assert_eq!(
			created.earnings,
			Earnings {
				unearned: 0,
				rate: FixedU128::from_u32(0),
				accrued_through: 1,
				carry: FixedU128::from_u32(0),
			}
		);
		assert_ok!(MutualPool::create_pool(signed(SUPERMAJORITY), pool_params()));
		assert_last(Event::PoolCreated { pool_id: 2 });
		assert_eq!(pool(2).params, pool_params());
		assert_eq!(NextPoolId::<Test>::get(), 3);
		// The new pool takes stakes of its own minimum, and its capital is its own.
		assert_ok!(MutualPool::stake(signed(BOB), 1, 50, 0));
		assert_eq!(pool(1).capital, 50);
		assert_eq!(pool(0).capital, 0);
	});
}

#[test]
fn create_pool_with_bad_origin_fails() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, COUNCIL] {
			assert_noop!(
				MutualPool::create_pool(signed(who), other_pool_params()),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			MutualPool::create_pool(RuntimeOrigin::none(), other_pool_params()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn create_pool_with_invalid_params_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let zero_factor = PoolParams { capacity_factor: FixedU128::from_u32(0), ..pool_params() };
		assert_noop!(
			MutualPool::create_pool(RuntimeOrigin::root(), zero_factor),
			Error::<Test>::InvalidCapacityFactor
		);
		let below_ed = PoolParams { min_stake: ED - 1, ..pool_params() };
		assert_noop!(
			MutualPool::create_pool(RuntimeOrigin::root(), below_ed),
			Error::<Test>::MinStakeBelowExistentialDeposit
		);
		// A factor below one and a minimum of exactly the existential deposit are fine.
		let edge = PoolParams {
			capacity_factor: FixedU128::from_rational(1, 2),
			min_stake: ED,
			..pool_params()
		};
		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), edge));
	});
}

/// [`other_pool_params`] in the asset of the demo pool, which a pool with capital keeps.
fn other_params_same_asset() -> PoolParamsOf<Test> {
	PoolParams { asset: pool_params().asset, ..other_pool_params() }
}

#[test]
fn update_pool_works() {
	ExtBuilder::default().build_and_execute(|| {
		stake(BOB, 1_000_000);
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, other_params_same_asset()));
		assert_last(Event::PoolUpdated { pool_id: 0 });
		assert_eq!(pool(0).params, other_params_same_asset());
		// Only the parameters change.
		assert_eq!(pool(0).capital, 1_000_000);
		assert_eq!(pool(0).total_shares, 1_000_000);
		assert_ok!(MutualPool::update_pool(signed(SUPERMAJORITY), 0, pool_params()));
		assert_last(Event::PoolUpdated { pool_id: 0 });
		assert_eq!(pool(0).params, pool_params());
		// The new parameters apply: the unbonding period is now 7.
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, other_params_same_asset()));
		assert_ok!(MutualPool::request_unstake(signed(BOB), 0, 1_000));
		assert_eq!(staker(BOB).unlock_at, 8);
	});
}

#[test]
fn update_pool_fails_on_bad_origin_params_or_id() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, COUNCIL] {
			assert_noop!(
				MutualPool::update_pool(signed(who), 0, other_pool_params()),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			MutualPool::update_pool(RuntimeOrigin::root(), 1, other_pool_params()),
			Error::<Test>::PoolNotFound
		);
		let zero_factor = PoolParams { capacity_factor: FixedU128::from_u32(0), ..pool_params() };
		assert_noop!(
			MutualPool::update_pool(RuntimeOrigin::root(), 0, zero_factor),
			Error::<Test>::InvalidCapacityFactor
		);
		let below_ed = PoolParams { min_stake: 0, ..pool_params() };
		assert_noop!(
			MutualPool::update_pool(RuntimeOrigin::root(), 0, below_ed),
			Error::<Test>::MinStakeBelowExistentialDeposit
		);
	});
}

#[test]
fn create_product_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(NextProductId::<Test>::get(), 2);
		assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, product_params(3, 20)));
		assert_last(Event::ProductCreated { product_id: 2, pool_id: 0 });
		let product = Products::<Test>::get(2).unwrap();
		assert_eq!(product.pool_id, 0);
		assert_eq!(product.params, product_params(3, 20));
		assert_eq!(book(2).active_cover, 0);

		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), pool_params()));
		assert_ok!(MutualPool::create_product(signed(SUPERMAJORITY), 1, product_params(4, 10)));
		assert_last(Event::ProductCreated { product_id: 3, pool_id: 1 });
		assert_eq!(Products::<Test>::get(3).unwrap().pool_id, 1);
		assert_eq!(NextProductId::<Test>::get(), 4);
		// A period of exactly one block is a valid range.
		let one_block = ProductParams { min_period: 1, max_period: 1, ..product_params(2, 50) };
		assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, one_block));
	});
}

#[test]
fn create_product_fails_on_bad_origin_params_or_pool() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, COUNCIL] {
			assert_noop!(
				MutualPool::create_product(signed(who), 0, product_params(3, 20)),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			MutualPool::create_product(RuntimeOrigin::root(), 1, product_params(3, 20)),
			Error::<Test>::PoolNotFound
		);
		let zero_min = ProductParams { min_period: 0, ..product_params(3, 20) };
		assert_noop!(
			MutualPool::create_product(RuntimeOrigin::root(), 0, zero_min),
			Error::<Test>::InvalidPeriodRange
		);
		let inverted = ProductParams { min_period: 11, max_period: 10, ..product_params(3, 20) };
		assert_noop!(
			MutualPool::create_product(RuntimeOrigin::root(), 0, inverted),
			Error::<Test>::InvalidPeriodRange
		);
	});
}

#[test]
fn update_product_works() {
	ExtBuilder::default().build_and_execute(|| {
		let params = ProductParams {
			activation_delay: 5,
			claim_window: 3,
			enabled: false,
			..product_params(7, 40)
		};
		assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), 1, params.clone()));
		assert_last(Event::ProductUpdated { product_id: 1 });
		let product = Products::<Test>::get(1).unwrap();
		assert_eq!(product.params, params);
		assert_eq!(product.pool_id, 0);
		assert_ok!(MutualPool::update_product(signed(SUPERMAJORITY), 1, product_params(5, 30)));
		assert_last(Event::ProductUpdated { product_id: 1 });
		assert_eq!(Products::<Test>::get(1).unwrap().params, product_params(5, 30));
		// Product 0 was not touched.
		assert_eq!(Products::<Test>::get(0).unwrap().params, product_params(2, 50));
	});
}

#[test]
fn update_product_fails_on_bad_origin_params_or_id() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, COUNCIL] {
			assert_noop!(
				MutualPool::update_product(signed(who), 0, product_params(3, 20)),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			MutualPool::update_product(RuntimeOrigin::root(), 2, product_params(3, 20)),
			Error::<Test>::ProductNotFound
		);
		let zero_min = ProductParams { min_period: 0, ..product_params(3, 20) };
		assert_noop!(
			MutualPool::update_product(RuntimeOrigin::root(), 0, zero_min),
			Error::<Test>::InvalidPeriodRange
		);
		let inverted = ProductParams { min_period: 100, max_period: 99, ..product_params(3, 20) };
		assert_noop!(
			MutualPool::update_product(RuntimeOrigin::root(), 0, inverted),
			Error::<Test>::InvalidPeriodRange
		);
	});
}

#[test]
fn parameters_outside_their_bounds_are_refused_on_create_and_update() {
	ExtBuilder::default().stake(0, BOB, 1_000_000).build_and_execute(|| {
		let out_of_bounds: DispatchError = Error::<Test>::ParameterOutOfBounds.into();
		let bad_factor: DispatchError = Error::<Test>::InvalidCapacityFactor.into();
		let pool_cases = [
			(
				PoolParams {
					capacity_factor: FixedU128::from_rational(99, 1_000),
					..pool_params()
				},
				bad_factor,
			),
			(
				PoolParams {
					capacity_factor: FixedU128::from_rational(10_001, 1_000),
					..pool_params()
				},
				bad_factor,
			),
			(PoolParams { kink: Perbill::zero(), ..pool_params() }, out_of_bounds),
			(PoolParams { kink: Perbill::one(), ..pool_params() }, out_of_bounds),
			(PoolParams { large_claim_threshold: Perbill::zero(), ..pool_params() }, out_of_bounds),
			(PoolParams { unbonding_period: YEAR / 4 + 1, ..pool_params() }, out_of_bounds),
		];
		for (params, error) in pool_cases {
			assert_noop!(MutualPool::create_pool(RuntimeOrigin::root(), params.clone()), error);
			assert_noop!(MutualPool::update_pool(RuntimeOrigin::root(), 0, params), error);
		}
		// At the bounds themselves, accepted.
		let edge = PoolParams {
			capacity_factor: bounds::MAX_CAPACITY_FACTOR,
			fee: Perbill::one(),
			kink: bounds::MAX_KINK,
			large_claim_threshold: bounds::MIN_LARGE_CLAIM_THRESHOLD,
			unbonding_period: YEAR / 4,
			..pool_params()
		};
		assert_ok!(MutualPool::create_pool(RuntimeOrigin::root(), edge.clone()));
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, edge));
		let low = PoolParams {
			capacity_factor: bounds::MIN_CAPACITY_FACTOR,
			kink: bounds::MIN_KINK,
			..pool_params()
		};
		assert_ok!(MutualPool::update_pool(RuntimeOrigin::root(), 0, low));

		let product_cases = [
			ProductParams { max_period: 5 * YEAR + 1, ..product_params(2, 50) },
			ProductParams { claim_window: YEAR + 1, ..product_params(2, 50) },
			ProductParams { activation_delay: YEAR + 1, ..product_params(2, 50) },
			ProductParams { max_capacity_share: Perbill::zero(), ..product_params(2, 50) },
		];
		for params in product_cases {
			assert_noop!(
				MutualPool::create_product(RuntimeOrigin::root(), 0, params.clone()),
				out_of_bounds
			);
			assert_noop!(
				MutualPool::update_product(RuntimeOrigin::root(), 0, params),
				out_of_bounds
			);
		}
		let edge = ProductParams {
			max_period: 5 * YEAR,
			claim_window: YEAR,
			activation_delay: YEAR,
			max_capacity_share: bounds::MIN_CAPACITY_SHARE,
			..product_params(2, 50)
		};
		assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, edge.clone()));
		assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), 0, edge));
	});
}
