//! The property test's actions: one step of a random sequence (`Action`), its parts, and the
//! strategies that draw them, at the edges of what the state and the bounds allow.

use super::*;

/// An account that starts with nothing and only gets funds as the owner of a cover paid out.
pub(super) const OUTSIDER: AccountId = 7;
/// The endowed users.
pub(super) const USERS: [AccountId; 6] = [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE];
/// The demo pool of the mock; sequences create more.
pub(super) const POOL: PoolId = 0;

/// An amount given either outright or relative to a reference value of the current state.
#[derive(Clone, Copy, Debug)]
pub(super) enum Amount {
	/// This many units.
	Raw(Balance),
	/// This many thousandths of the reference (above 1000 asks for more than there is).
	Permille(u32),
	/// One under the reference (-1), the reference (0) or one over it (1): the edges of a limit.
	Offset(i8),
}

impl Amount {
	pub(super) fn resolve(self, reference: Balance) -> Balance {
		match self {
			Amount::Raw(amount) => amount,
			Amount::Permille(permille) => reference.saturating_mul(permille.into()) / 1000,
			Amount::Offset(offset) => around(reference, offset),
		}
	}
}

/// One under `limit` (`offset` below 0), `limit` (0) or one over it (above 0), saturating.
pub(super) fn around<N: sp_runtime::Saturating + From<u8>>(limit: N, offset: i8) -> N {
	match offset {
		i8::MIN..=-1 => limit.saturating_sub(1.into()),
		0 => limit,
		1..=i8::MAX => limit.saturating_add(1.into()),
	}
}

/// A pool an action refers to: 0 is the demo pool, any other `n` is pool `n` modulo the number
/// of pools plus one, so an existing pool or the next, missing one.
type PoolPick = u8;

pub(super) fn pick_pool(pick: PoolPick) -> PoolId {
	u32::from(pick) % (NextPoolId::<Test>::get() + 1)
}

/// A product an action refers to: product `n` modulo the number of products plus one, so an
/// existing product or the next, missing one.
type ProductPick = u8;

pub(super) fn pick_product(pick: ProductPick) -> ProductId {
	u32::from(pick) % (NextProductId::<Test>::get() + 1)
}

/// A cover period: outright, or at the edges of the product's `min_period` and `max_period`.
#[derive(Clone, Copy, Debug)]
pub(super) enum Period {
	Raw(u64),
	/// `min_period` plus this (-1, 0 or 1).
	Min(i8),
	/// `max_period` plus this (-1, 0 or 1).
	Max(i8),
}

impl Period {
	pub(super) fn resolve(self, product: ProductId) -> u64 {
		let params = Products::<Test>::get(product).map(|product| product.params);
		match (self, params) {
			(Period::Raw(period), _) => period,
			(Period::Min(offset), Some(params)) => around(params.min_period, offset),
			(Period::Max(offset), Some(params)) => around(params.max_period, offset),
			(Period::Min(_) | Period::Max(_), None) => 10,
		}
	}
}

/// One parameter of a pool, set to a value at, under or over its bound, or an ordinary one.
#[derive(Clone, Copy, Debug)]
pub(super) enum PoolEdit {
	CapacityFactor(FixedU128),
	UnbondingPeriod(u64),
	MinStake(Balance),
	Fee(Perbill),
	Kink(Perbill),
	Slope1(Perbill),
	Slope2(Perbill),
	LargeClaimThreshold(Perbill),
	/// The asset: the native token (`None`), `USD` or an asset that is not registered, by id.
	Asset(Option<u32>),
	MinCover(Balance),
	ClaimDepositRate(FixedU128),
}

impl PoolEdit {
	pub(super) fn apply(self, params: &mut PoolParamsOf<Test>) {
		match self {
			PoolEdit::CapacityFactor(factor) => params.capacity_factor = factor,
			PoolEdit::UnbondingPeriod(blocks) => params.unbonding_period = blocks,
			PoolEdit::MinStake(amount) => params.min_stake = amount,
			PoolEdit::Fee(fee) => params.fee = fee,
			PoolEdit::Kink(kink) => params.kink = kink,
			PoolEdit::Slope1(slope) => params.slope1 = slope,
			PoolEdit::Slope2(slope) => params.slope2 = slope,
			PoolEdit::LargeClaimThreshold(share) => params.large_claim_threshold = share,
			PoolEdit::Asset(id) => {
				params.asset = id.map_or(NativeOrWithId::Native, NativeOrWithId::WithId)
			},
			PoolEdit::MinCover(amount) => params.min_cover = amount,
			PoolEdit::ClaimDepositRate(rate) => params.claim_deposit_rate = rate,
		}
	}
}

/// One parameter of a product, set to a value at, under or over its bound, or an ordinary one.
#[derive(Clone, Copy, Debug)]
pub(super) enum ProductEdit {
	BaseRate(Perbill),
	CapacityShare(Perbill),
	MinPeriod(u64),
	MaxPeriod(u64),
	ClaimWindow(u64),
	ActivationDelay(u64),
	Enabled(bool),
	/// Metadata of this many bytes (at most `MaxMetadataLen`, 64: longer does not decode).
	MetadataLen(u8),
}

impl ProductEdit {
	pub(super) fn apply(self, params: &mut ProductParamsOf<Test>) {
		match self {
			ProductEdit::BaseRate(rate) => params.base_rate = rate,
			ProductEdit::CapacityShare(share) => params.max_capacity_share = share,
			ProductEdit::MinPeriod(blocks) => params.min_period = blocks,
			ProductEdit::MaxPeriod(blocks) => params.max_period = blocks,
			ProductEdit::ClaimWindow(blocks) => params.claim_window = blocks,
			ProductEdit::ActivationDelay(blocks) => params.activation_delay = blocks,
			ProductEdit::Enabled(enabled) => params.enabled = enabled,
			ProductEdit::MetadataLen(len) => {
				params.metadata = vec![b'm'; len.into()].try_into().expect("at most 64 bytes")
			},
		}
	}
}

/// Which cover or claim an action refers to.
#[derive(Clone, Copy, Debug)]
pub(super) enum Id {
	/// The `n`th existing one (modulo their number); the next, missing id if there is none.
	Existing(u64),
	/// This id, which may or may not exist.
	Raw(u64),
}

/// Who signs a cover owner's action.
#[derive(Clone, Copy, Debug)]
pub(super) enum Signer {
	/// The cover's current owner.
	Owner,
	/// This account.
	Account(AccountId),
}

/// Who decides a claim.
#[derive(Clone, Copy, Debug)]
pub(super) enum Decider {
	/// `ClaimDecisionOrigin` only.
	Council,
	/// `LargeClaimOrigin` (and `ClaimDecisionOrigin`).
	Supermajority,
	/// Root, which is both.
	Root,
	/// A plain signed account, which is neither.
	Plain(AccountId),
}

impl Decider {
	pub(super) fn origin(self) -> RuntimeOrigin {
		match self {
			Decider::Council => RuntimeOrigin::signed(COUNCIL),
			Decider::Supermajority => RuntimeOrigin::signed(SUPERMAJORITY),
			Decider::Root => RuntimeOrigin::root(),
			Decider::Plain(who) => RuntimeOrigin::signed(who),
		}
	}
}

/// The `max_premium` of a purchase.
#[derive(Clone, Copy, Debug)]
pub(super) enum MaxPremium {
	/// `Balance::MAX`.
	Unlimited,
	/// Exactly what `quote` says.
	Quote,
	/// One unit less than what `quote` says.
	BelowQuote,
	/// This many units.
	Raw(Balance),
}

/// One step of a random sequence.
#[derive(Clone, Debug)]
pub(super) enum Action {
	/// `amount` relative to what the staker can spend, `min_shares` relative to the shares that
	/// `amount` buys.
	Stake {
		who: AccountId,
		pool: PoolPick,
		amount: Amount,
		min_shares: Amount,
	},
	/// `shares` relative to the staker's bonded shares.
	RequestUnstake {
		who: AccountId,
		pool: PoolPick,
		shares: Amount,
	},
	/// `min_amount` relative to what `position` says the withdrawal pays.
	Withdraw {
		who: AccountId,
		pool: PoolPick,
		min_amount: Amount,
	},
	Rebond {
		who: AccountId,
		pool: PoolPick,
	},
	/// `amount` relative to what the product may still sell (before rolling expiries).
	BuyCover {
		who: AccountId,
		product: ProductPick,
		amount: Amount,
		period: Period,
		max: MaxPremium,
	},
	TransferCover {
		who: Signer,
		cover: Id,
		to: AccountId,
	},
	/// `amount` relative to the cover's remaining.
	SubmitClaim {
		who: Signer,
		cover: Id,
		amount: Amount,
	},
	/// `payout` relative to the claimed amount.
	ApproveClaim {
		by: Decider,
		claim: Id,
		payout: Amount,
	},
	RejectClaim {
		by: Decider,
		claim: Id,
	},
	/// `who` lapses a claim (root if `None`, which must fail).
	LapseClaim {
		who: Option<AccountId>,
		claim: Id,
	},
	/// `who` signs (root if `None`).
	RollExpiries {
		who: Option<AccountId>,
		owner: ExpiryOwner,
	},
	/// `who` pays a pool's owed fees to the treasury.
	PayFees {
		who: AccountId,
		pool: PoolPick,
	},
	/// `on_idle` of the current block with this much spare weight.
	Idle(Weight),
	/// The attacker's batch: buy cover and claim all of it, all or nothing (`batch_all`).
	BuyAndClaim {
		who: AccountId,
		product: ProductPick,
		amount: Amount,
		period: Period,
	},
	/// `by` creates a pool with the demo pool's parameters, edited (`GovernanceOrigin`: root
	/// and the supermajority).
	CreatePool {
		by: Decider,
		edits: Vec<PoolEdit>,
	},
	/// `by` creates a product on a pool with product 0's parameters, edited.
	CreateProduct {
		by: Decider,
		pool: PoolPick,
		edits: Vec<ProductEdit>,
	},
	/// `by` edits a pool's parameters.
	UpdatePool {
		by: Decider,
		pool: PoolPick,
		edits: Vec<PoolEdit>,
	},
	/// `by` edits a product's parameters.
	UpdateProduct {
		by: Decider,
		product: ProductPick,
		edits: Vec<ProductEdit>,
	},
	/// An incident: `by` freezes a pool's withdrawals.
	FreezePool {
		by: Decider,
		pool: PoolPick,
	},
	/// Root (or, when `false`, a council that may not) reopens a pool after depletion.
	ReopenPool {
		root: bool,
		pool: PoolPick,
	},
	/// `who` reaps a cover.
	ReapCover {
		who: AccountId,
		cover: Id,
	},
	/// `by` declares an incident on a product, `back` blocks ago (`None`: a block to come).
	DeclareIncident {
		by: Decider,
		product: ProductPick,
		back: Option<u64>,
		ratio: Perbill,
	},
	/// `by` declares `count` incidents on a product in one all-or-nothing batch, `back` blocks
	/// ago, before anyone redeems: the attack of issue 22's first finding.
	DeclareIncidents {
		by: Decider,
		product: ProductPick,
		back: u64,
		ratio: Perbill,
		count: u8,
	},
	/// `who` redeems a cover in an incident.
	RedeemCover {
		who: AccountId,
		incident: Id,
		cover: Id,
	},
	/// `who` buys all the demo products may still sell, for as long as they sell, in one
	/// all-or-nothing batch: the cover a short pool owes.
	Fill {
		who: AccountId,
	},
	/// Root declares a total loss on both demo products in one batch, at the block the last
	/// cover of each started (`back` blocks ago if none did before this block): with their cover
	/// above the capital, a short pool (issue 22's seventh finding).
	TotalLoss {
		back: u64,
	},
	/// `who` redeems every cover an open incident of the demo pool hit and did not pay yet, one
	/// call each, in the order of the incidents' and covers' ids or the `reverse`.
	RedeemAll {
		who: AccountId,
		reverse: bool,
	},
	/// `who` tops up a short-paid redemption (`Existing`: one of those booked).
	TopUp {
		who: AccountId,
		shortfall: Id,
	},
	/// `who` closes an incident.
	CloseIncident {
		who: AccountId,
		incident: Id,
	},
	/// The claimant (`Owner`) or another account appeals a claim's rejection.
	AppealClaim {
		who: Signer,
		claim: Id,
	},
	/// The appeal origin (or, when `false`, the supermajority, which is not it) upholds an
	/// appeal: only the appeal's own referendum, approved, lets it.
	UpholdAppeal {
		referendum: bool,
		claim: Id,
	},
	/// The referendum of an appealed claim ends, `approved` or not (token holders vote; no call
	/// of the pallet).
	ConcludeAppeal {
		claim: Id,
		approved: bool,
	},
	/// `who` closes a claim.
	CloseClaim {
		who: AccountId,
		claim: Id,
	},
	/// A runtime upgrade sets `StakeWarmup` to this many blocks (0: stakes count at once).
	SetWarmup(u64),
	/// `by` releases the hold of `who` in a pool.
	ReleaseHold {
		by: AccountId,
		who: AccountId,
		pool: PoolPick,
	},
	/// The owner of a cover lapses its pending claim if it can, and files a claim of one unit
	/// on it, in one all-or-nothing batch: the dust claim of issue 22's fourth finding, re-filed
	/// each time it lapses.
	RefileDust {
		cover: Id,
	},
	/// Advance this many blocks; with `idle`, run `on_idle` with ample weight at the end of each
	/// (as a chain does), without it let expiry buckets lag.
	AdvanceBlocks {
		blocks: u64,
		idle: bool,
	},
}

pub(super) fn user() -> impl Strategy<Value = AccountId> {
	prop_oneof![
		6 => prop::sample::select(&USERS[..3]),
		3 => prop::sample::select(&USERS[3..]),
		1 => Just(OUTSIDER),
	]
}

pub(super) fn signer() -> impl Strategy<Value = Signer> {
	prop_oneof![4 => Just(Signer::Owner), 1 => user().prop_map(Signer::Account)]
}

/// Deciders; `large` weighs the origins that may approve large payouts.
pub(super) fn decider(large: u32) -> impl Strategy<Value = Decider> {
	prop_oneof![
		4 => Just(Decider::Council),
		large => Just(Decider::Supermajority),
		1 => Just(Decider::Root),
		1 => user().prop_map(Decider::Plain),
	]
}

pub(super) fn id() -> impl Strategy<Value = Id> {
	prop_oneof![5 => any::<u64>().prop_map(Id::Existing), 1 => (0u64..40).prop_map(Id::Raw)]
}

/// The extremes of a balance: zero, one, and the largest two.
pub(super) fn extreme() -> impl Strategy<Value = Balance> {
	prop::sample::select(vec![0, 1, Balance::MAX - 1, Balance::MAX])
}

/// Mostly near and at the reference (0 to 110%, and one under, at and over it), sometimes an
/// outright amount or an extreme.
pub(super) fn amount() -> impl Strategy<Value = Amount> {
	prop_oneof![
		4 => Just(Amount::Permille(1000)),
		6 => (0u32..=1100).prop_map(Amount::Permille),
		3 => (-1i8..=1).prop_map(Amount::Offset),
		1 => (0u128..=1_000).prop_map(Amount::Raw),
		1 => (1_000u128..=ENDOWMENT * 10).prop_map(Amount::Raw),
		1 => extreme().prop_map(Amount::Raw),
	]
}

/// Below, at and around the demo pool's `min_stake` (1_000), far above it, one under, at and
/// over everything the staker can spend, and the extremes.
pub(super) fn stake_amount() -> impl Strategy<Value = Amount> {
	prop_oneof![
		1 => (0u128..1_000).prop_map(Amount::Raw),
		1 => prop::sample::select(vec![999u128, 1_000, 1_001]).prop_map(Amount::Raw),
		3 => (1_000u128..10_000).prop_map(Amount::Raw),
		4 => (10_000u128..10_000_000_000).prop_map(Amount::Raw),
		2 => (10_000_000_000u128..=ENDOWMENT).prop_map(Amount::Raw),
		1 => (-1i8..=1).prop_map(Amount::Offset),
		1 => extreme().prop_map(Amount::Raw),
	]
}

/// The least a call must give (`min_shares`, `min_amount`): mostly nothing, else at the edges
/// of what it gives.
pub(super) fn at_least() -> impl Strategy<Value = Amount> {
	prop_oneof![6 => Just(Amount::Raw(0)), 2 => (-1i8..=1).prop_map(Amount::Offset), 1 => amount()]
}

/// Cover amounts: relative to what is left to sell, or tiny to far beyond any capacity.
pub(super) fn cover_amount() -> impl Strategy<Value = Amount> {
	prop_oneof![
		6 => amount(),
		1 => (0u128..100).prop_map(Amount::Raw),
		1 => (100u128..1_000_000).prop_map(Amount::Raw),
		1 => (1_000_000u128..=ENDOWMENT * 10).prop_map(Amount::Raw),
	]
}

/// Products 0 and 1 allow periods of 10 to `YEAR` blocks; mostly short, so covers expire; the
/// edges of the product's own range.
pub(super) fn period() -> impl Strategy<Value = Period> {
	prop_oneof![
		1 => (0u64..10).prop_map(Period::Raw),
		1 => Just(Period::Raw(10)),
		6 => (10u64..300).prop_map(Period::Raw),
		1 => (300u64..=YEAR).prop_map(Period::Raw),
		1 => (YEAR + 1..YEAR * 2).prop_map(Period::Raw),
		1 => Just(Period::Raw(u64::MAX)),
		2 => (-1i8..=1).prop_map(Period::Min),
		1 => (-1i8..=1).prop_map(Period::Max),
	]
}

pub(super) fn pool_pick() -> impl Strategy<Value = PoolPick> {
	prop_oneof![8 => Just(0u8), 2 => any::<u8>()]
}

pub(super) fn product_pick() -> impl Strategy<Value = ProductPick> {
	prop_oneof![10 => 0u8..2, 2 => any::<u8>()]
}

/// A `Perbill` at 0, one part under `min`, `min`, anything, or 100%.
pub(super) fn perbill_edges(min: Perbill) -> impl Strategy<Value = Perbill> {
	prop_oneof![
		1 => prop::sample::select(vec![
			Perbill::zero(),
			Perbill::from_parts(min.deconstruct().saturating_sub(1)),
			min,
			Perbill::one(),
		]),
		2 => (0u32..=1_000_000_000).prop_map(Perbill::from_parts),
	]
}

/// Blocks at 0, 1, around `max` and far beyond it.
pub(super) fn blocks_edges(max: u64) -> impl Strategy<Value = u64> {
	prop_oneof![
		1 => prop::sample::select(vec![0, 1, max - 1, max, max + 1, u64::MAX]),
		2 => 0u64..=300,
	]
}

/// A pool parameter at, under or over its bound in `bounds`, or an ordinary value.
pub(super) fn pool_edit() -> impl Strategy<Value = PoolEdit> {
	use crate::bounds::*;
	let factor = |inner: u128| FixedU128::from_inner(inner);
	prop_oneof![
		3 => prop_oneof![
			1 => prop::sample::select(vec![
				FixedU128::from_inner(0),
				factor(MIN_CAPACITY_FACTOR.into_inner() - 1),
				MIN_CAPACITY_FACTOR,
				MAX_CAPACITY_FACTOR,
				factor(MAX_CAPACITY_FACTOR.into_inner() + 1),
			]),
			3 => (50u128..=12_000).prop_map(|permille| FixedU128::from_rational(permille, 1_000)),
		].prop_map(PoolEdit::CapacityFactor),
		1 => blocks_edges(YEAR / u64::from(UNBONDING_PERIODS_PER_YEAR))
			.prop_map(PoolEdit::UnbondingPeriod),
		1 => prop_oneof![
			prop::sample::select(vec![0, ED, 999, 1_000, 1_001, ENDOWMENT, Balance::MAX]),
			1u128..100_000,
		].prop_map(PoolEdit::MinStake),
		1 => perbill_edges(Perbill::zero()).prop_map(PoolEdit::Fee),
		1 => prop_oneof![
			perbill_edges(MIN_KINK),
			Just(MAX_KINK),
			Just(Perbill::from_parts(MAX_KINK.deconstruct() + 1)),
		].prop_map(PoolEdit::Kink),
		1 => perbill_edges(Perbill::zero()).prop_map(PoolEdit::Slope1),
		1 => perbill_edges(Perbill::zero()).prop_map(PoolEdit::Slope2),
		1 => perbill_edges(MIN_LARGE_CLAIM_THRESHOLD).prop_map(PoolEdit::LargeClaimThreshold),
		1 => prop::sample::select(vec![None, Some(USD_ID), Some(99)]).prop_map(PoolEdit::Asset),
		1 => prop::sample::select(vec![0, 1, MIN_COVER, 100_000, Balance::MAX])
			.prop_map(PoolEdit::MinCover),
		1 => prop::sample::select(vec![0, 1, 1_000_000_000_000_000, u128::MAX])
			.prop_map(|inner| PoolEdit::ClaimDepositRate(FixedU128::from_inner(inner))),
	]
}

/// A product parameter at, under or over its bound in `bounds`, or an ordinary value.
pub(super) fn product_edit() -> impl Strategy<Value = ProductEdit> {
	use crate::bounds::*;
	let years = |n: u32| YEAR * u64::from(n);
	prop_oneof![
		1 => perbill_edges(Perbill::zero()).prop_map(ProductEdit::BaseRate),
		3 => perbill_edges(MIN_CAPACITY_SHARE).prop_map(ProductEdit::CapacityShare),
		1 => blocks_edges(10).prop_map(ProductEdit::MinPeriod),
		1 => blocks_edges(years(MAX_PERIOD_YEARS)).prop_map(ProductEdit::MaxPeriod),
		1 => blocks_edges(years(MAX_WINDOW_YEARS)).prop_map(ProductEdit::ClaimWindow),
		1 => blocks_edges(years(MAX_WINDOW_YEARS)).prop_map(ProductEdit::ActivationDelay),
		1 => any::<bool>().prop_map(ProductEdit::Enabled),
		1 => prop::sample::select(vec![0u8, 1, 64]).prop_map(ProductEdit::MetadataLen),
	]
}

pub(super) fn max_premium() -> impl Strategy<Value = MaxPremium> {
	prop_oneof![
		5 => Just(MaxPremium::Unlimited),
		2 => Just(MaxPremium::Quote),
		2 => Just(MaxPremium::BelowQuote),
		1 => (0u128..10_000).prop_map(MaxPremium::Raw),
	]
}

/// A pool or a product, picked as `pick_pool` and `pick_product` do.
pub(super) fn expiry_owner() -> impl Strategy<Value = ExpiryOwner> {
	prop_oneof![
		3 => Just(ExpiryOwner::Pool(0)),
		1 => any::<u8>().prop_map(|pick| ExpiryOwner::Pool(pick.into())),
		3 => (0u32..2).prop_map(ExpiryOwner::Product),
		1 => any::<u8>().prop_map(|pick| ExpiryOwner::Product(pick.into())),
	]
}

/// Spare weight for `on_idle`: none, around what rolling a few owners costs, or unlimited.
pub(super) fn idle_weight() -> impl Strategy<Value = Weight> {
	prop_oneof![
		1 => Just(Weight::zero()),
		3 => (0u64..6_000_000_000, 0u64..100_000)
			.prop_map(|(time, proof)| Weight::from_parts(time, proof)),
		2 => Just(Weight::MAX),
	]
}

/// The mix of actions of a sequence.
#[derive(Clone, Copy, Debug)]
pub(super) enum Mix {
	/// Every kind of call, stakes of any size.
	General,
	/// Few and small stakes, many claims approved by the large-claim origin: pools run dry.
	Claims,
}

pub(super) fn action(mix: Mix) -> impl Strategy<Value = Action> {
	let (stake, large) = match mix {
		Mix::General => (4, 3),
		Mix::Claims => (1, 12),
	};
	let amount_of_stake = match mix {
		Mix::General => stake_amount().boxed(),
		Mix::Claims => prop_oneof![
			4 => (1_000u128..100_000).prop_map(Amount::Raw),
			1 => stake_amount(),
		]
		.boxed(),
	};
	prop_oneof![
		stake => (user(), pool_pick(), amount_of_stake, at_least())
			.prop_map(|(who, pool, amount, min_shares)| Action::Stake {
				who,
				pool,
				amount,
				min_shares
			}),
		3 => (user(), pool_pick(), amount())
			.prop_map(|(who, pool, shares)| Action::RequestUnstake { who, pool, shares }),
		3 => (user(), pool_pick(), at_least())
			.prop_map(|(who, pool, min_amount)| Action::Withdraw { who, pool, min_amount }),
		1 => (user(), pool_pick()).prop_map(|(who, pool)| Action::Rebond { who, pool }),
		6 => (user(), product_pick(), cover_amount(), period(), max_premium())
			.prop_map(|(who, product, amount, period, max)| Action::BuyCover {
				who,
				product,
				amount,
				period,
				max,
			}),
		1 => (signer(), id(), prop_oneof![6 => user(), 1 => Just(COUNCIL)])
			.prop_map(|(who, cover, to)| Action::TransferCover { who, cover, to }),
		5 => (signer(), id(), amount())
			.prop_map(|(who, cover, amount)| Action::SubmitClaim { who, cover, amount }),
		4 => (decider(large), id(), amount())
			.prop_map(|(by, claim, payout)| Action::ApproveClaim { by, claim, payout }),
		3 => (decider(large), id()).prop_map(|(by, claim)| Action::RejectClaim { by, claim }),
		2 => (signer(), id()).prop_map(|(who, claim)| Action::AppealClaim { who, claim }),
		1 => (prop_oneof![6 => Just(true), 1 => Just(false)], id())
			.prop_map(|(referendum, claim)| Action::UpholdAppeal { referendum, claim }),
		1 => (id(), any::<bool>())
			.prop_map(|(claim, approved)| Action::ConcludeAppeal { claim, approved }),
		2 => (user(), id()).prop_map(|(who, claim)| Action::CloseClaim { who, claim }),
		3 => (
			decider(large),
			product_pick(),
			prop_oneof![
				4 => Just(Some(1)),
				1 => Just(Some(0)),
				3 => (0u64..30).prop_map(Some),
				1 => Just(None)
			],
			perbill_edges(Perbill::from_parts(1)),
		)
			.prop_map(|(by, product, back, ratio)| Action::DeclareIncident { by, product, back, ratio }),
		1 => (decider(large), product_pick(), 1u64..10, perbill_edges(Perbill::from_parts(1)), 2u8..=4)
			.prop_map(|(by, product, back, ratio, count)| Action::DeclareIncidents {
				by,
				product,
				back,
				ratio,
				count
			}),
		3 => (user(), id(), id())
			.prop_map(|(who, incident, cover)| Action::RedeemCover { who, incident, cover }),
		1 => (user(), id()).prop_map(|(who, incident)| Action::CloseIncident { who, incident }),
		2 => (user(), id()).prop_map(|(who, shortfall)| Action::TopUp { who, shortfall }),
		2 => user().prop_map(|who| Action::Fill { who }),
		2 => (user(), any::<bool>()).prop_map(|(who, reverse)| Action::RedeemAll { who, reverse }),
		2 => (1u64..5).prop_map(|back| Action::TotalLoss { back }),
		2 => (prop_oneof![9 => user().prop_map(Some), 1 => Just(None)], id())
			.prop_map(|(who, claim)| Action::LapseClaim { who, claim }),
		2 => prop_oneof![
			(prop_oneof![9 => user().prop_map(Some), 1 => Just(None)], expiry_owner())
				.prop_map(|(who, owner)| Action::RollExpiries { who, owner }),
			idle_weight().prop_map(Action::Idle),
			(user(), pool_pick()).prop_map(|(who, pool)| Action::PayFees { who, pool }),
		],
		1 => prop::sample::select(vec![0u64, 1, 5, 10, 30]).prop_map(Action::SetWarmup),
		2 => (user(), user(), pool_pick())
			.prop_map(|(by, who, pool)| Action::ReleaseHold { by, who, pool }),
		2 => id().prop_map(|cover| Action::RefileDust { cover }),
		3 => (prop_oneof![3 => 1u64..=5, 3 => 5u64..=30, 1 => 30u64..=300], any::<bool>())
			.prop_map(|(blocks, idle)| Action::AdvanceBlocks { blocks, idle }),
		2 => (user(), product_pick(), amount(), period()).prop_map(
			|(who, product, amount, period)| Action::BuyAndClaim { who, product, amount, period }
		),
		3 => prop_oneof![
			2 => (decider(2), pool_pick(), prop::collection::vec(pool_edit(), 1..=3))
				.prop_map(|(by, pool, edits)| Action::UpdatePool { by, pool, edits }),
			2 => (decider(2), product_pick(), prop::collection::vec(product_edit(), 1..=3))
				.prop_map(|(by, product, edits)| Action::UpdateProduct { by, product, edits }),
			1 => (decider(2), prop::collection::vec(pool_edit(), 0..=3))
				.prop_map(|(by, edits)| Action::CreatePool { by, edits }),
			1 => (decider(2), pool_pick(), prop::collection::vec(product_edit(), 0..=3))
				.prop_map(|(by, pool, edits)| Action::CreateProduct { by, pool, edits }),
			1 => (decider(1), pool_pick()).prop_map(|(by, pool)| Action::FreezePool { by, pool }),
			1 => (any::<bool>(), pool_pick())
				.prop_map(|(root, pool)| Action::ReopenPool { root, pool }),
			1 => (user(), id()).prop_map(|(who, cover)| Action::ReapCover { who, cover }),
		],
	]
}
