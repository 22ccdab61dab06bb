//! A test runtime: System, Balances, Assets and the pallet, with a demo pool and two products.
//! Pool 0 is in the native token, or in the registered asset `USD` (6 decimals) when a test
//! runs with `PoolAsset::set(usd())` (see [`ExtBuilder::build_and_execute`]).

use crate::{self as pallet_mutual_pool, *};
use frame_support::{
	assert_ok, derive_impl, ord_parameter_types, parameter_types,
	traits::{
		fungible::{NativeFromLeft, UnionOf},
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, EitherOfDiverse, OnIdle,
	},
	weights::Weight,
	PalletId, Twox64Concat,
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_arithmetic::{FixedPointNumber, FixedU128, Perbill};
use sp_runtime::{BuildStorage, DispatchError};

pub use frame_support::traits::fungible::NativeOrWithId;

type Block = frame_system::mocking::MockBlock<Test>;
/// The balance type of the test runtime.
pub type Balance = u128;
/// The account id type of the test runtime: 16 bytes, the least that gives each pool its own
/// account (`PalletId` sub-accounts are truncated to the account id; see `integrity_test`).
pub type AccountId = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		MutualPool: pallet_mutual_pool,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// The existential deposit.
pub const ED: Balance = 1;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The id of `USD` in the asset registry.
pub const USD_ID: u32 = 7;
/// The minimum balance of `USD`.
pub const USD_MIN: Balance = 1;
/// The owner of `USD` (its issuer, admin and freezer).
pub const USD_OWNER: AccountId = 77;

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type AssetId = u32;
	type AssetIdParameter = u32;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<frame_system::EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
}

/// The kind of asset a pool holds: the native token or an asset of `Assets`.
pub type AssetKind = NativeOrWithId<u32>;
/// Every asset under one `fungibles`, as the runtimes have it.
pub type NativeAndAssets = UnionOf<Balances, Assets, NativeFromLeft, AssetKind, AccountId>;

/// The registered asset `USD`.
pub fn usd() -> AssetKind {
	NativeOrWithId::WithId(USD_ID)
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
/// Signs for the claims council below the large-claim threshold.
pub const COUNCIL: AccountId = 100;
/// Signs for the claims council above the large-claim threshold.
pub const SUPERMAJORITY: AccountId = 101;
/// Signs for a referendum of token holders on the appeal track.
pub const REFERENDUM: AccountId = 102;
/// Receives premium fees.
pub const TREASURY: AccountId = 999;
/// Every user account's starting balance.
pub const ENDOWMENT: Balance = 1_000_000_000_000;
/// The smallest claim deposit.
pub const DEPOSIT: Balance = 100;
/// The claim deposit per unit claimed (pool 0's `claim_deposit_rate`): 0.1%.
pub const DEPOSIT_RATE: FixedU128 = FixedU128::from_inner(FixedU128::DIV / 1_000);
/// The largest claim deposit.
pub const MAX_DEPOSIT: Balance = 2_000;
/// Blocks to decide a claim before it lapses.
pub const DECISION_PERIOD: u64 = 50;
/// Blocks over which a pool's payouts are summed against its large-claim threshold.
pub const LARGE_CLAIM_WINDOW: u64 = 200;
/// The smallest cover one purchase may buy.
pub const MIN_COVER: Balance = 10;
/// Blocks a freeze holds withdrawals.
pub const FREEZE_PERIOD: u64 = 30;
/// Blocks per expiry bucket.
pub const BUCKET: u64 = 10;
/// Blocks per year.
pub const YEAR: u64 = 5_256_000;
/// Expiry buckets rolled per call at most.
pub const MAX_ROLL: u32 = 8;
/// Blocks after a rejection during which the claimant may appeal (the default of the
/// `AppealPeriod` parameter below, which a test may change).
pub const DEFAULT_APPEAL_PERIOD: u64 = 20;
/// The appeal deposit, in claim deposits.
pub const APPEAL_MULTIPLIER: u32 = 3;
/// Blocks the appeal origin has to uphold an appeal.
pub const APPEAL_DECISION_PERIOD: u64 = 40;
/// Blocks during which the covers an incident hit may be redeemed.
pub const REDEMPTION_PERIOD: u64 = 30;

ord_parameter_types! {
	pub const Council: AccountId = COUNCIL;
	pub const Supermajority: AccountId = SUPERMAJORITY;
	pub const Referendum: AccountId = REFERENDUM;
}

parameter_types! {
	/// `Config::AppealPeriod`; `AppealPeriod::set(0)` makes rejections final at once.
	pub static AppealPeriod: u64 = DEFAULT_APPEAL_PERIOD;
	/// `Config::StakeWarmup`: zero, stakes count at once, so that a test may stake and buy in
	/// one block; `StakeWarmup::set(n)` for the tests of the warm-up.
	pub static StakeWarmup: u64 = 0;
	pub const MutualPoolPalletId: PalletId = PalletId(*b"mut/pool");
	pub const Treasury: AccountId = TREASURY;
	pub const Native: AssetKind = NativeOrWithId::Native;
	/// The asset of pool 0: native unless a test sets `usd()` before building (see
	/// `ExtBuilder::build_and_execute`).
	pub static PoolAsset: AssetKind = NativeOrWithId::Native;
}

/// Creates `USD` for the benchmarks (the mock's genesis has it already).
#[cfg(feature = "runtime-benchmarks")]
pub struct UsdHelper;

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AssetKind> for UsdHelper {
	fn create_asset() -> AssetKind {
		use frame_support::traits::fungibles::Inspect;
		if !Assets::asset_exists(USD_ID) {
			assert_ok!(Assets::force_create(
				RuntimeOrigin::root(),
				USD_ID,
				USD_OWNER,
				true,
				USD_MIN
			));
		}
		usd()
	}
}

impl Config for Test {
	type Currency = Balances;
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type NativeAsset = Native;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin =
		EitherOfDiverse<EnsureRoot<AccountId>, EnsureSignedBy<Supermajority, AccountId>>;
	type ClaimDecisionOrigin = EitherOfDiverse<
		EnsureRoot<AccountId>,
		EitherOfDiverse<
			EnsureSignedBy<Council, AccountId>,
			EnsureSignedBy<Supermajority, AccountId>,
		>,
	>;
	type LargeClaimOrigin =
		EitherOfDiverse<EnsureRoot<AccountId>, EnsureSignedBy<Supermajority, AccountId>>;
	type AppealOrigin = EnsureSignedBy<Referendum, AccountId>;
	type Appeals = MockAppeals;
	type PalletId = MutualPoolPalletId;
	type TreasuryAccount = Treasury;
	type ClaimDeposit = ConstU128<DEPOSIT>;
	type MaxClaimDeposit = ConstU128<MAX_DEPOSIT>;
	type ClaimDecisionPeriod = ConstU64<DECISION_PERIOD>;
	type AppealPeriod = AppealPeriod;
	type AppealDepositMultiplier = ConstU32<APPEAL_MULTIPLIER>;
	type AppealDecisionPeriod = ConstU64<APPEAL_DECISION_PERIOD>;
	type IncidentRedemptionPeriod = ConstU64<REDEMPTION_PERIOD>;
	type LargeClaimWindow = ConstU64<LARGE_CLAIM_WINDOW>;
	type StakeWarmup = StakeWarmup;
	type FreezePeriod = ConstU64<FREEZE_PERIOD>;
	type BlocksPerYear = ConstU64<YEAR>;
	type ExpiryBucketLength = ConstU64<BUCKET>;
	type MaxExpiryBucketsPerCall = ConstU32<MAX_ROLL>;
	type MaxEvidenceLen = ConstU32<256>;
	type MaxMetadataLen = ConstU32<64>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = UsdHelper;
}

/// The mock's referenda on appeals, by index: the claim appealed and where its referendum
/// stands. Kept in storage, so that a failed call or batch rolls them back like the pallet's.
#[frame_support::storage_alias]
pub type MockReferenda =
	StorageMap<MockAppeals, Twox64Concat, ReferendumIndex, (ClaimId, AppealStatus)>;

/// How many referenda the mock's appeals submitted.
#[frame_support::storage_alias]
pub type MockReferendumCount =
	StorageValue<MockAppeals, ReferendumIndex, frame_support::pallet_prelude::ValueQuery>;

/// Referenda on appeals that the tests decide (`conclude_appeal`): each submitted ongoing.
pub struct MockAppeals;

impl AppealReferenda<AccountId> for MockAppeals {
	fn submit(_: &AccountId, claim_id: ClaimId) -> Result<ReferendumIndex, DispatchError> {
		let index = MockReferendumCount::get();
		MockReferenda::insert(index, (claim_id, AppealStatus::Ongoing));
		MockReferendumCount::put(index + 1);
		Ok(index)
	}

	fn status(index: ReferendumIndex) -> AppealStatus {
		MockReferenda::get(index).map_or(AppealStatus::Ended, |(_, status)| status)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn conclude(index: ReferendumIndex, approved: bool) {
		let status = if approved { AppealStatus::Approved } else { AppealStatus::Ended };
		MockReferenda::mutate(index, |referendum| {
			if let Some((_, current)) = referendum {
				*current = status;
			}
		});
	}
}

/// End the referendum of appealed claim `claim_id`: approved, or ended otherwise.
pub fn conclude_appeal(claim_id: ClaimId, approved: bool) {
	let Some(ClaimStatus::Appealed { referendum, .. }) =
		Claims::<Test>::get(claim_id).map(|claim| claim.status)
	else {
		panic!("claim {claim_id} is not appealed");
	};
	let status = if approved { AppealStatus::Approved } else { AppealStatus::Ended };
	MockReferenda::insert(referendum, (claim_id, status));
}

/// The demo pool of the dev chain, in `PoolAsset`: capacity factor 2, fee 10%, kink 80%,
/// slopes 5% and 50%, claim deposits 0.1% of the claim.
pub fn pool_params() -> PoolParamsOf<Test> {
	PoolParams {
		asset: PoolAsset::get(),
		capacity_factor: FixedU128::from_u32(2),
		unbonding_period: 20,
		min_stake: 1_000,
		min_cover: MIN_COVER,
		claim_deposit_rate: DEPOSIT_RATE,
		fee: Perbill::from_percent(10),
		kink: Perbill::from_percent(80),
		slope1: Perbill::from_percent(5),
		slope2: Perbill::from_percent(50),
		large_claim_threshold: Perbill::from_percent(20),
	}
}

/// A product with `base_rate` and `max_capacity_share`, periods 10 to a year.
pub fn product_params(base_rate: u32, max_capacity_share: u32) -> ProductParamsOf<Test> {
	ProductParams {
		base_rate: Perbill::from_percent(base_rate),
		max_capacity_share: Perbill::from_percent(max_capacity_share),
		min_period: 10,
		max_period: YEAR,
		claim_window: 100,
		activation_delay: 0,
		enabled: true,
		metadata: b"DEX smart-contract exploit".to_vec().try_into().unwrap(),
	}
}

/// Builds test externalities.
#[derive(Default, Clone)]
pub struct ExtBuilder {
	stakes: Vec<(PoolId, AccountId, Balance)>,
	native_only: bool,
}

impl ExtBuilder {
	/// Run the test on a native pool 0 only: for rules that only a native pool has (a slashed
	/// deposit joins its capital).
	pub fn native_only(mut self) -> Self {
		self.native_only = true;
		self
	}

	/// Add a genesis stake.
	pub fn stake(mut self, pool_id: PoolId, who: AccountId, amount: Balance) -> Self {
		self.stakes.push((pool_id, who, amount));
		self
	}

	/// The externalities: six endowed users, a treasury with its existential deposit, pool 0,
	/// product 0 (2%, 50% of capacity) and product 1 (5%, 30%) on it, and the genesis stakes.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE]
				.into_iter()
				.map(|who| (who, ENDOWMENT))
				.chain([(TREASURY, ED)])
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_assets::GenesisConfig::<Test> {
			assets: vec![(USD_ID, USD_OWNER, true, USD_MIN)],
			metadata: vec![(USD_ID, b"US Dollar".to_vec(), b"USD".to_vec(), 6)],
			accounts: [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE]
				.into_iter()
				.map(|who| (USD_ID, who, ENDOWMENT))
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_mutual_pool::GenesisConfig::<Test> {
			pools: vec![pool_params()],
			products: vec![(0, product_params(2, 50)), (0, product_params(5, 30))],
			stakes: self.stakes,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			// What a chain's genesis writes beside the configs: each pallet's storage version.
			<AllPalletsWithSystem as frame_support::traits::OnGenesis>::on_genesis();
			System::set_block_number(1);
		});
		ext
	}

	/// Run `test` twice, pool 0 in the native token and then in `USD`, each time checking every
	/// invariant of the pallet after it: every rule tested this way holds for both kinds of pool.
	pub fn build_and_execute(self, test: impl Fn()) {
		let kinds = if self.native_only { 1 } else { 2 };
		for asset in [NativeOrWithId::Native, usd()].into_iter().take(kinds) {
			PoolAsset::set(asset.clone());
			self.clone().build().execute_with(|| {
				test();
				MutualPool::do_try_state().unwrap_or_else(|e| {
					panic!("invariants hold after the test with pool 0 in {asset:?}: {e:?}")
				});
			});
		}
		PoolAsset::set(NativeOrWithId::Native);
	}
}

/// Advance to block `n` as the chain does: each block ends with `on_idle` (given all the block's
/// weight) and `on_finalize` of every pallet, and the next starts with their `on_initialize`.
/// The test then runs as an extrinsic of block `n`.
pub fn run_to_block(n: u64) {
	System::run_to_block_with::<AllPalletsWithSystem>(
		n,
		frame_system::RunToBlockHooks::default().before_finalize(|block| {
			AllPalletsWithSystem::on_idle(block, Weight::MAX);
		}),
	);
}

/// Jump to block `n` without running any hook on the way, as if every block in between had
/// been full, leaving no weight for `on_idle`: nothing is rolled, and earnings accrue at most to
/// the end of the first expiry bucket not rolled. For jumps that `run_to_block` would take long
/// to run (it runs every block's hooks).
pub fn jump_to_block(n: u64) {
	System::set_block_number(n);
}

/// The pallet's events so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::MutualPool(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// A signed origin.
pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Free balance of `who` in the asset of pool 0.
pub fn free(who: AccountId) -> Balance {
	use frame_support::traits::fungibles::Inspect;
	NativeAndAssets::balance(PoolAsset::get(), &who)
}

/// Whether pool 0 is in the native token (the first run of `build_and_execute`).
pub fn native_pool() -> bool {
	PoolAsset::get() == NativeOrWithId::Native
}

/// What a native amount (a claim or appeal deposit) shows as in pool 0's asset: itself in a
/// native pool, nothing in a pool in another asset. A slashed deposit joins a native pool, and
/// goes to the treasury from any other.
pub fn in_pool(native_amount: Balance) -> Balance {
	if native_pool() {
		native_amount
	} else {
		0
	}
}

/// Free balance of `who` in the native token, in which deposits are held.
pub fn native(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// Pool `id`, which must exist.
pub fn pool(id: PoolId) -> PoolOf<Test> {
	Pools::<Test>::get(id).expect("pool exists")
}

/// The book of product `id` in its pool: its active cover and expiry cursor.
pub fn book(id: ProductId) -> ProductBookOf<Test> {
	let pool_id = Products::<Test>::get(id).expect("product exists").pool_id;
	pool(pool_id)
		.products
		.into_iter()
		.find(|book| book.product_id == id)
		.expect("a book")
}

/// Let products 0 and 1 use the whole of pool 0's capacity, so that only the pool's limit
/// binds (for tests of the pool's own backing).
pub fn open_product_shares() {
	for (id, base_rate) in [(0, 2), (1, 5)] {
		let params = product_params(base_rate, 100);
		assert_ok!(MutualPool::update_product(RuntimeOrigin::root(), id, params));
	}
}

/// The first block at which a payout or reserve committed at block `at` no longer counts against
/// the large-claim threshold: the window's slots reach `LargeClaimWindow` blocks back, rounded
/// out to whole slots.
pub fn out_of_window(at: u64) -> u64 {
	let slot = MutualPool::payout_slot_length();
	(at / slot + PAYOUT_SLOTS as u64) * slot
}

/// Make rejections final at once, as in a runtime without appeals (`AppealPeriod` zero): for
/// tests of what a final rejection does, which `close_claim` does alike after an appeal window.
pub fn without_appeals() {
	AppealPeriod::set(0);
}

/// Stake `amount` from `who` into pool 0.
pub fn stake(who: AccountId, amount: Balance) {
	assert_ok!(MutualPool::stake(signed(who), 0, amount, 0));
}

/// Buy `amount` of cover on `product_id` for `period`, accepting any premium; returns the id.
pub fn buy(who: AccountId, product_id: ProductId, amount: Balance, period: u64) -> CoverId {
	assert_ok!(MutualPool::buy_cover(signed(who), product_id, amount, period, Balance::MAX));
	NextCoverId::<Test>::get() - 1
}

/// File a claim of `amount` on `cover_id`; returns the claim id.
pub fn claim(who: AccountId, cover_id: CoverId, amount: Balance) -> ClaimId {
	assert_ok!(MutualPool::submit_claim(signed(who), cover_id, amount, evidence()));
	NextClaimId::<Test>::get() - 1
}

/// The deposit a claim of `amount` holds: `DEPOSIT` plus 0.1% of `amount`, at most
/// `MAX_DEPOSIT`.
pub fn deposit(amount: Balance) -> Balance {
	(DEPOSIT + amount.div_ceil(1_000)).min(MAX_DEPOSIT)
}

/// The last `CoverBought` event's premium (of this block: events are reset at each block).
pub fn last_premium() -> Balance {
	events()
		.into_iter()
		.rev()
		.find_map(|e| match e {
			Event::CoverBought { premium, .. } => Some(premium),
			_ => None,
		})
		.expect("a cover was bought")
}

/// Some evidence.
pub fn evidence() -> EvidenceOf<Test> {
	b"ipfs://exploit-report".to_vec().try_into().unwrap()
}

/// Release the hold of `who` in pool 0 (by Eve: anyone may); returns what it charged and what
/// it paid `who`.
pub fn release(who: AccountId) -> (Balance, Balance) {
	assert_ok!(MutualPool::release_hold(signed(EVE), who, 0));
	events()
		.into_iter()
		.rev()
		.find_map(|event| match event {
			Event::HoldReleased { who: w, charged, amount, .. } if w == who => {
				Some((charged, amount))
			},
			_ => None,
		})
		.expect("a release")
}

/// What the hold of `who` in pool 0 held back at its withdrawal (its units, while no payout has
/// drawn on the holds).
pub fn held_back(who: AccountId) -> Balance {
	Holds::<Test>::get(who, 0).expect("a hold").units
}

/// One million units.
pub const MILLION: Balance = 1_000_000;

/// Assert that `event` is the last event deposited.
pub fn assert_last(event: Event<Test>) {
	System::assert_last_event(event.into());
}

/// The account of pool 0.
pub fn pool_account() -> AccountId {
	MutualPool::pool_account(0)
}

/// Cover `id`, which must exist.
pub fn cover(id: CoverId) -> CoverOf<Test> {
	Covers::<Test>::get(id).expect("cover exists")
}

/// Buy `amount` of cover on `product_id` for `period` at the quoted premium; returns the cover
/// id and the premium.
pub fn buy_quoted(
	who: AccountId,
	product_id: ProductId,
	amount: Balance,
	period: u64,
) -> (CoverId, Balance) {
	let premium = MutualPool::quote(product_id, amount, period).unwrap();
	assert_ok!(MutualPool::buy_cover(signed(who), product_id, amount, period, premium));
	(NextCoverId::<Test>::get() - 1, premium)
}

/// What a premium adds to the pool's unearned premiums: the premium minus the 10% fee (rounded
/// down), earned into the capital over the cover's life.
pub fn net(premium: Balance) -> Balance {
	premium - premium / 10
}

/// What `who` has held for `reason`.
pub fn held(reason: HoldReason, who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&RuntimeHoldReason::MutualPool(reason), &who)
}

/// What `who` has held as claim deposits.
pub fn claim_deposit_held(who: AccountId) -> Balance {
	held(HoldReason::ClaimDeposit, who)
}

/// Declare an incident on `product_id` at `occurred_at` paying `ratio` percent, by `origin`.
pub fn try_declare(
	origin: RuntimeOrigin,
	product_id: ProductId,
	occurred_at: u64,
	ratio: u32,
) -> frame_support::dispatch::DispatchResult {
	MutualPool::declare_incident(
		origin,
		product_id,
		occurred_at,
		Perbill::from_percent(ratio),
		evidence(),
	)
}

/// Declare an incident on `product_id` at `occurred_at` paying `ratio` percent, by `origin`;
/// returns its id.
pub fn declare(
	origin: RuntimeOrigin,
	product_id: ProductId,
	occurred_at: u64,
	ratio: u32,
) -> IncidentId {
	assert_ok!(try_declare(origin, product_id, occurred_at, ratio));
	NextIncidentId::<Test>::get() - 1
}

/// The storage root: equal before and after means nothing was written.
pub fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

/// The staker record of `who` in pool 0, which must exist.
pub fn staker(who: AccountId) -> StakerInfoOf<Test> {
	Stakers::<Test>::get(who, 0).expect("staker exists")
}

/// Create product 2 on pool 0: base rate 2%, and it may use the pool's whole capacity, so that
/// only the pool's own capacity limits it.
pub fn create_full_capacity_product() -> ProductId {
	assert_ok!(MutualPool::create_product(RuntimeOrigin::root(), 0, product_params(2, 100)));
	assert_eq!(NextProductId::<Test>::get(), 3);
	2
}
