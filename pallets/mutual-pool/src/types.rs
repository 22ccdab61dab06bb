//! The types of the pallet: call parameters, storage records and runtime-API answers.

use crate::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::{BoundedVec, Get},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_arithmetic::{FixedU128, Perbill};
use sp_runtime::DispatchError;

/// Identifier of a pool, given out from 0.
pub type PoolId = u32;
/// Identifier of a product, given out from 0.
pub type ProductId = u32;
/// Identifier of a cover, given out from 0.
pub type CoverId = u64;
/// Identifier of a claim, given out from 0.
pub type ClaimId = u64;
/// Identifier of an incident, given out from 0.
pub type IncidentId = u32;

/// Sets up what the benchmarks need of the runtime's assets.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AssetKind> {
	/// An asset that exists (created here if need be), with a minimum balance, in which
	/// accounts can be endowed by `fungibles::Mutate::set_balance`: the benchmarks' pools are
	/// denominated in it. The costliest kind of the runtime's union: an asset of its registry,
	/// not the native token.
	fn create_asset() -> AssetKind;
}

/// The parameters of a pool, set by governance at creation and by `update_pool`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct PoolParams<AssetKind, Balance, BlockNumber> {
	/// The asset the pool is denominated in: its stakes, premiums, fees, payouts and
	/// redemptions move it, and every amount of the pool (its capital, its cover, its
	/// `min_stake` and `min_cover`) counts it. It changes only while the pool holds nothing.
	pub asset: AssetKind,
	/// Cover the pool may sell per unit of capital: `capacity = capital * capacity_factor`.
	pub capacity_factor: FixedU128,
	/// Blocks between `request_unstake` and the earliest `withdraw`.
	pub unbonding_period: BlockNumber,
	/// The smallest amount one `stake` may bring, in the pool's asset (at least the asset's
	/// minimum balance).
	pub min_stake: Balance,
	/// The smallest amount of cover one purchase may buy, in the pool's asset (above zero), so
	/// that covers, which stay in storage until their claim window closes, are not free to
	/// multiply.
	pub min_cover: Balance,
	/// The native units of claim deposit per unit of the pool's asset claimed: a claim of
	/// `amount` holds `ClaimDeposit + claim_deposit_rate * amount` (rounded up), at most
	/// `MaxClaimDeposit`, so that large claims are not free to file. A pool in the native token
	/// with a 0.1% rate has 0.001; a USDT pool (6 decimals) on a chain whose token (12
	/// decimals) is worth a dollar charges 0.1% with `0.001 * 10^6` = 1,000.
	pub claim_deposit_rate: FixedU128,
	/// Share of every premium that goes to the treasury instead of the pool.
	pub fee: Perbill,
	/// Utilization at which the premium curve turns from `slope1` to `slope2`.
	pub kink: Perbill,
	/// Annual rate added per unit of utilization below the kink.
	pub slope1: Perbill,
	/// Annual rate added per unit of utilization above the kink.
	pub slope2: Perbill,
	/// Payouts above this share of the pool's capital need `LargeClaimOrigin`.
	pub large_claim_threshold: Perbill,
}

/// A pool: a risk-isolated vault of capital owned by its stakers through shares. Its ledger
/// maths (what its capital and shares are worth, what it may sell, whether it is backed) are its
/// methods, in `pool.rs`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[codec(mel_bound(T: Config))]
#[scale_info(skip_type_params(T))]
pub struct Pool<T: Config> {
	/// The parameters set by governance.
	pub params: crate::PoolParamsOf<T>,
	/// Stakes + earned premiums + slashed claim deposits - payouts - withdrawals: everything
	/// that backs cover, the capital of unbonding shares included.
	pub capital: BalanceOf<T>,
	/// The bonded shares of all stakers: they own `capital - unbonding_capital`.
	pub total_shares: BalanceOf<T>,
	/// The part of `capital` owned by unbonding shares. It backs cover and bears losses, but
	/// earns no premium.
	pub unbonding_capital: BalanceOf<T>,
	/// The unbonding shares of all stakers: they own `unbonding_capital`.
	pub unbonding_shares: BalanceOf<T>,
	/// Sum of `remaining` over the covers of this pool that hold capacity: those whose claim
	/// window (to `claim_until`) has not closed, or whose expiry bucket is not rolled yet.
	pub active_cover: BalanceOf<T>,
	/// Sum of `amount` over the claims on covers of this pool (pending, in their appeal window or
	/// under appeal), plus what its open incidents still reserve.
	pub pending_claims: BalanceOf<T>,
	/// Expiry buckets up to and including this one have been deducted from `active_cover`.
	pub expired_through: BlockNumberFor<T>,
	/// The fee shares of premiums, owed to the treasury. They sit in the pool account beside
	/// the capital, but are not capital: no payout or withdrawal can take them. `pay_fees`
	/// sends them to the treasury.
	pub fees_owed: BalanceOf<T>,
	/// What the pool paid or committed to pay within its large-claim window (see
	/// [`PayoutWindow`]; storage version 5).
	pub payouts: PayoutWindow<BalanceOf<T>, BlockNumberFor<T>>,
	/// Premiums sold but not yet earned (see [`Earnings`]).
	pub earnings: Earnings<BalanceOf<T>, BlockNumberFor<T>>,
	/// The books of the products this pool backs, at most `bounds::MAX_PRODUCTS_PER_POOL`:
	/// kept with the pool so that a withdrawal checks every product's capacity share in the one
	/// read of the pool.
	pub products: BoundedVec<ProductBook<BalanceOf<T>, BlockNumberFor<T>>, MaxProductsPerPool>,
	/// Withdrawals wait until this block: an incident was reported (`freeze_pool`).
	pub frozen_until: BlockNumberFor<T>,
	/// A payout took more than the pool's capital: the pool takes no stake and sells no cover
	/// until `reopen_pool` (see `Error::PoolDepleted`).
	pub depleted: bool,
	/// The era of the bonded shares. A payout that leaves the bonded capital at zero ends it:
	/// the bonded shares in issue are worth nothing from then on (every staker's record of an
	/// earlier era reads as no bonded shares), and the next stake starts at one share per unit.
	pub era: u32,
	/// The era of the unbonding shares, ended the same way when a payout leaves the unbonding
	/// capital at zero, so that worthless unbonding shares never block `request_unstake`.
	pub unbonding_era: u32,
	/// Stakes still warming up: bonded, but not yet counted in the capacity that sells and
	/// prices cover (see [`Warming`]; storage version 5).
	pub warming: Warming<BalanceOf<T>, BlockNumberFor<T>>,
	/// What withdrawals held back while amounts were pending (see [`Holding`]; storage
	/// version 5).
	pub holding: Holding<BalanceOf<T>>,
	/// What the open incidents reserve and what redemptions of a short pool were left owed
	/// (see [`IncidentBook`]; storage version 5).
	pub incidents: IncidentBook<BalanceOf<T>>,
}

/// A pool's book of what its incidents owe. When the open incidents reserve more than the pool
/// can pay, every redemption is paid the same fraction of what it is owed, the pool's
/// *redemption rate* `min(1, (capital + held + paid) / (reserved + owed))`; what a redemption
/// is not paid is booked in `Shortfalls`, and `top_up` pays it up to the rate, which rises as
/// incidents close with their reserves unspent. A redemption or a top-up at the rate leaves the
/// rate as it was, so the order in which covers are paid changes nothing.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct IncidentBook<Balance> {
	/// What the pool's open incidents still reserve, summed: part of `Pool::pending_claims`.
	pub reserved: Balance,
	/// What the redemptions booked in `Shortfalls` (of era `era`) were owed, summed.
	pub owed: Balance,
	/// What they have been paid, summed. `owed - paid` is part of `Pool::pending_claims`.
	pub paid: Balance,
	/// The era of the booked shortfalls. `reopen_pool` writes them off: it ends the era, and a
	/// shortfall of an earlier era is owed nothing.
	pub era: u32,
}

impl<Balance> IncidentBook<Balance>
where
	Balance: Copy + sp_runtime::Saturating,
{
	/// What booked redemptions are still owed.
	pub fn outstanding(&self) -> Balance {
		self.owed.saturating_sub(self.paid)
	}
}

/// A redemption paid less than it was owed because its pool was short (`Shortfalls`), kept until
/// `top_up` has paid it in full or finds it written off.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Shortfall<AccountId, Balance> {
	/// The pool that owes it.
	pub pool_id: PoolId,
	/// Who owned the cover at the redemption: the top-ups go to it.
	pub owner: AccountId,
	/// What the redemption was owed: the incident's ratio of what the cover had left.
	pub owed: Balance,
	/// What it has been paid, at the redemption and by top-ups.
	pub paid: Balance,
	/// The era of its pool's `incidents` it was booked in.
	pub era: u32,
}

/// A pool's book of held withdrawals. A staker who withdraws while claims or incidents are
/// pending is paid at once all but its share of what is pending; that share is held (see
/// [`Hold`]) until everything pending then is decided, and bears the leaver's part of what the
/// pool pays meanwhile. Held funds sit in the pool account beside the capital, but are not
/// capital: they back no cover, earn nothing, and a payout draws on them only once the capital
/// is exhausted.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Holding<Balance> {
	/// What the holds of era `era` are worth together.
	pub value: Balance,
	/// The units of the holds of era `era`: a hold of `units` is worth `units * value / units`
	/// of the pool's. A unit is worth one balance unit until a payout draws on the holds.
	pub units: Balance,
	/// The era of the holds. A payout that draws the holds' value to zero ends it: the holds in
	/// issue are worth nothing from then on, and the next is priced one unit per balance unit.
	pub era: u32,
	/// Everything the pool's capital has paid out, ever (saturating): a hold is charged the
	/// leaver's part of what this grows by while it is held.
	pub paid_out: Balance,
}

/// A withdrawal held back (`Holds`): taken at block `t` by a staker whose unbonding shares were
/// worth `exposure` of the pool's `capital`, while `pending` was pending; `held = exposure *
/// pending / capital`, rounded up, is held. When released, the hold is charged `exposure /
/// capital` of what the pool's capital paid out since `t`, at most what it is worth; the charge
/// goes back to the stakers who bore those payouts and the rest to the leaver. Every item pending
/// at `t` can pay only until `t + hold_period`: the hold is due then, or as soon as nothing is
/// pending.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Hold<Balance, BlockNumber> {
	/// The hold's units of its pool's `holding`, in era `era`.
	pub units: Balance,
	/// The era of `units`.
	pub era: u32,
	/// What the withdrawn unbonding shares were worth.
	pub exposure: Balance,
	/// The pool's capital at the withdrawal, before it.
	pub capital: Balance,
	/// The pool's `holding.paid_out` at the withdrawal.
	pub paid_out: Balance,
	/// The block from which the hold may be released whatever is pending.
	pub due_at: BlockNumber,
}

/// Stakes made in the last two warm-up epochs of `StakeWarmup` blocks (a pool's, or one
/// staker's in one pool): a stake made in epoch `k` is bonded at once, earns and bears losses,
/// but counts in the capacity that sells and prices cover only from the start of epoch `k + 2`,
/// so that capital cannot discount a purchase it will not stay to back.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Warming<Balance, BlockNumber> {
	/// The warm-up epoch of `staked[0]`: a block divided by `StakeWarmup`.
	pub epoch: BlockNumber,
	/// `staked[0]`: staked in epoch `epoch`; `staked[1]`: in epoch `epoch - 1`.
	pub staked: [Balance; 2],
}

impl<Balance, BlockNumber> Warming<Balance, BlockNumber>
where
	Balance: Copy + sp_runtime::Saturating + Default,
{
	/// Everything still warming up.
	pub fn total(&self) -> Balance {
		self.staked[0].saturating_add(self.staked[1])
	}
}

/// The bound of `Pool::products`.
pub type MaxProductsPerPool = frame_support::traits::ConstU32<{ bounds::MAX_PRODUCTS_PER_POOL }>;

/// The bound of a product's open incidents (`ProductIncidents`) and of a cover's redemptions
/// (`Redemptions`).
pub type MaxOpenIncidents = frame_support::traits::ConstU32<{ bounds::MAX_OPEN_INCIDENTS }>;

/// What a pool keeps of each product it backs: the product's active cover and expiry cursor,
/// and the capacity share that limits both its sales and the pool's withdrawals.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ProductBook<Balance, BlockNumber> {
	/// The product.
	pub product_id: ProductId,
	/// Sum of `remaining` over the covers of this product that hold capacity (as the pool's
	/// `active_cover`).
	pub active_cover: Balance,
	/// Expiry buckets up to and including this one have been deducted from `active_cover`.
	pub expired_through: BlockNumber,
	/// The product's `max_capacity_share`: its active cover may not pass this share of the
	/// pool's capacity, through a purchase or through a withdrawal.
	pub max_capacity_share: Perbill,
}

/// The premiums a pool has sold but not yet earned. The net premium of a cover is earned at a
/// constant rate from its purchase until its expiry bucket may be rolled (the first block of
/// the bucket after its `claim_until`): every block the cover holds capacity. The pool keeps one
/// rate, the sum over its covers; a cover's rate joins it at purchase and leaves it when the
/// cover's expiry bucket is rolled (`EarningEnds`). Each call that touches the capital first
/// adds what was earned since `accrued_through` to the capital of the bonded shares: O(1),
/// whatever the number of stakers and covers.
///
/// Accrual never passes the end of the first expiry bucket not yet rolled, where rates stop
/// that only rolling that bucket takes out. A purchase made while accrual lags behind spreads
/// its premium from `accrued_through` instead of from the block of purchase, so that every
/// cover earns exactly its net premium.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Earnings<Balance, BlockNumber> {
	/// Net premiums received and not yet earned. They sit in the pool account, but are not
	/// capital: they back no cover and no payout or withdrawal takes them.
	pub unearned: Balance,
	/// What the pool earns per block, the sum of its covers' rates.
	pub rate: FixedU128,
	/// The block up to which earnings have joined the capital.
	pub accrued_through: BlockNumber,
	/// The fraction of a unit earned but not yet added to the capital (below 1), so that a
	/// rate below one unit per block earns as much, accrued block by block, as at once.
	pub carry: FixedU128,
}

/// The slots of a pool's large-claim window ([`PayoutWindow`]).
pub const PAYOUT_SLOTS: usize = 8;

/// What a pool has paid or committed to pay on claims and incidents lately, for its large-claim
/// threshold: once the sum would pass `large_claim_threshold * capital`, a decision needs
/// `LargeClaimOrigin`, so that a large loss cannot be approved by a simple majority in pieces,
/// on one cover or several, or in incidents declared before anyone redeems.
///
/// The window slides: it keeps [`PAYOUT_SLOTS`] slots of `ceil(LargeClaimWindow /
/// (PAYOUT_SLOTS - 1))` blocks each, the current one and those before it, so that a commitment
/// counts for at least `LargeClaimWindow` blocks after it was made, and at most one slot more.
/// There is no boundary at which the sum starts again: two decisions either side of any block
/// count together whenever they are less than `LargeClaimWindow` blocks apart.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct PayoutWindow<Balance, BlockNumber> {
	/// The slot of `committed[0]`: the block of the latest decision divided by the slot length.
	pub slot: BlockNumber,
	/// `committed[i]`: what was paid (on approvals and upheld appeals) or reserved (on the
	/// declaration of an incident) in slot `slot - i`.
	pub committed: [Balance; PAYOUT_SLOTS],
}

impl<Balance, BlockNumber> PayoutWindow<Balance, BlockNumber>
where
	Balance: Copy + sp_runtime::Saturating + Default,
{
	/// Everything the window holds.
	pub fn total(&self) -> Balance {
		self.committed.iter().fold(Balance::default(), |sum, x| sum.saturating_add(*x))
	}

	/// Move the window forward by `slots` slots: the oldest ones drop out, new empty ones come
	/// in.
	pub fn shift(&mut self, slots: usize) {
		let slots = slots.min(PAYOUT_SLOTS);
		self.committed.rotate_right(slots % PAYOUT_SLOTS);
		self.committed[..slots].fill(Balance::default());
	}
}

/// The parameters of a product, set by governance at creation and by `update_product`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Serialize,
	Deserialize,
)]
#[scale_info(skip_type_params(MaxMetadataLen))]
#[serde(
	rename_all = "camelCase",
	bound(serialize = "BlockNumber: Serialize", deserialize = "BlockNumber: Deserialize<'de>")
)]
pub struct ProductParams<BlockNumber, MaxMetadataLen: Get<u32>>
where
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Annual rate charged at zero utilization.
	pub base_rate: Perbill,
	/// Largest share of the pool's capacity that this product may use.
	pub max_capacity_share: Perbill,
	/// Shortest cover period, in blocks.
	pub min_period: BlockNumber,
	/// Longest cover period, in blocks.
	pub max_period: BlockNumber,
	/// Blocks after a cover's end during which a claim may still be filed.
	pub claim_window: BlockNumber,
	/// Blocks between a purchase and the start of its cover.
	pub activation_delay: BlockNumber,
	/// Whether cover can be bought.
	pub enabled: bool,
	/// What the product covers, for people (UTF-8 by convention).
	pub metadata: BoundedVec<u8, MaxMetadataLen>,
}

/// A product: one covered risk, backed by one pool. Its active cover is kept in the pool's
/// [`ProductBook`].
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxMetadataLen))]
pub struct Product<BlockNumber, MaxMetadataLen: Get<u32>>
where
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The pool whose capital backs this product.
	pub pool_id: PoolId,
	/// The parameters set by governance.
	pub params: ProductParams<BlockNumber, MaxMetadataLen>,
}

/// A staker's position in one pool.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct StakerInfo<Balance, BlockNumber> {
	/// The staker's bonded shares: they earn premiums and bear losses.
	pub shares: Balance,
	/// The staker's unbonding shares: they bear losses but earn nothing, until `withdraw`.
	pub unbonding: Balance,
	/// The block from which the unbonding shares can be withdrawn.
	pub unlock_at: BlockNumber,
	/// The pool's `era` when `shares` were last changed: in an earlier era they are worth
	/// nothing.
	pub era: u32,
	/// The pool's `unbonding_era` when `unbonding` was last changed: in an earlier era it is
	/// worth nothing.
	pub unbonding_era: u32,
}

/// A cover: `amount` insured on a product from `start` to `end`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Cover<AccountId, Balance, BlockNumber> {
	/// The product covered.
	pub product_id: ProductId,
	/// The current owner, who alone may claim or transfer.
	pub owner: AccountId,
	/// The insured amount.
	pub amount: Balance,
	/// `amount` minus everything paid on this cover so far.
	pub remaining: Balance,
	/// First block of cover.
	pub start: BlockNumber,
	/// Last block of cover.
	pub end: BlockNumber,
	/// Last block at which a claim may be filed: `end` plus the product's claim window at the
	/// time of sale. The cover holds capacity (it counts as active) until then.
	pub claim_until: BlockNumber,
	/// The claim under assessment, if any.
	pub pending_claim: Option<ClaimId>,
}

/// A claim under assessment by the council.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxEvidenceLen))]
pub struct Claim<AccountId, Balance, BlockNumber, MaxEvidenceLen: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The cover claimed on.
	pub cover_id: CoverId,
	/// The account that filed the claim and holds the deposit.
	pub claimant: AccountId,
	/// The most that may be paid on this claim.
	pub amount: Balance,
	/// The deposit held from the claimant.
	pub deposit: Balance,
	/// The first block at which the claim is no longer decided but lapses (filing block plus
	/// `ClaimDecisionPeriod`): from then on anyone may call `lapse_claim`.
	pub lapses_at: BlockNumber,
	/// What the claimant offers as proof (a link or a hash, by convention).
	pub evidence: BoundedVec<u8, MaxEvidenceLen>,
	/// Where the claim stands (storage version 4).
	pub status: ClaimStatus<Balance, BlockNumber>,
}

impl<AccountId, Balance, BlockNumber, MaxEvidenceLen>
	Claim<AccountId, Balance, BlockNumber, MaxEvidenceLen>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug + sp_runtime::Saturating,
	MaxEvidenceLen: Get<u32>,
{
	/// The block by which the claim's current stage ends: `lapses_at` while it is pending, the
	/// end of its appeal window once rejected; once appealed, `appeal_decision_period` after the
	/// appeal, when its referendum is due to have ended unless the track's queue held it (the
	/// claim ends when the referendum does).
	pub fn deadline(&self, appeal_decision_period: BlockNumber) -> BlockNumber {
		match &self.status {
			ClaimStatus::Pending => self.lapses_at.clone(),
			ClaimStatus::Rejected { appeal_until } => appeal_until.clone(),
			// When the referendum is due to have ended if the track takes it at once: a guide,
			// not a deadline (the claim ends when its referendum does).
			ClaimStatus::Appealed { appealed_at, .. } => {
				appealed_at.clone().saturating_add(appeal_decision_period)
			},
		}
	}
}

/// The index of a referendum of the runtime's referenda (`pallet-referenda`'s).
pub type ReferendumIndex = u32;

/// Where an appeal's referendum stands (`AppealReferenda::status`).
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug)]
pub enum AppealStatus {
	/// Not decided yet: queued, preparing, deciding or confirming.
	Ongoing,
	/// Approved: the appeal is upheld.
	Approved,
	/// Ended without approval: rejected, timed out, cancelled or killed (or not found).
	Ended,
}

/// The referenda that decide appeals, implemented by the runtime (over `pallet-referenda` in
/// this repository's runtimes): `appeal_claim` submits the appeal's own referendum through it, and
/// only that referendum decides the claim.
pub trait AppealReferenda<AccountId> {
	/// Submit the referendum on the appeal of claim `claim_id`, `who` paying its deposits: the
	/// call `uphold_appeal(claim_id)` by the appeal origin, enacted as soon as it passes.
	/// Returns its index.
	fn submit(who: &AccountId, claim_id: ClaimId) -> Result<ReferendumIndex, DispatchError>;

	/// Where referendum `index` stands.
	fn status(index: ReferendumIndex) -> AppealStatus;

	/// End referendum `index`, approved or not (for the benchmarks of what follows an appeal).
	#[cfg(feature = "runtime-benchmarks")]
	fn conclude(index: ReferendumIndex, approved: bool);
}

/// No referenda: for a runtime without appeals (`AppealPeriod` zero), where no claim is ever
/// appealed.
impl<AccountId> AppealReferenda<AccountId> for () {
	fn submit(_: &AccountId, _: ClaimId) -> Result<ReferendumIndex, DispatchError> {
		Err(DispatchError::Other("this runtime has no appeal referenda"))
	}

	fn status(_: ReferendumIndex) -> AppealStatus {
		AppealStatus::Ended
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn conclude(_: ReferendumIndex, _: bool) {}
}

/// Where a claim stands. Storage version 4 added it to every claim
/// ([`crate::migrations::v4`]) so that the stages after a rejection (an appeal window, an appeal
/// under a referendum) can be told apart without another migration: the variants after
/// `Pending` do not change how `Pending` is encoded.
///
/// A claim stays in storage, its amount counted in its pool's pending claims and its deposit
/// held, through every stage; `approve_claim` (from `Pending`), `uphold_appeal` (from
/// `Appealed`), `lapse_claim` (a `Pending` claim past `lapses_at`) and `close_claim` (a
/// `Rejected` or `Appealed` claim past its deadline) remove it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub enum ClaimStatus<Balance, BlockNumber> {
	/// Under assessment by the council: it may be approved or rejected until its `lapses_at`, and
	/// lapses from then on.
	#[default]
	Pending,
	/// Rejected by the council: until `appeal_until` (exclusive) the claimant may appeal
	/// (`appeal_claim`); from then on anyone may `close_claim`, which slashes the deposit.
	Rejected {
		/// The first block at which the claimant can no longer appeal.
		appeal_until: BlockNumber,
	},
	/// Appealed: its own referendum (`Config::Appeals`, submitted by `appeal_claim`) decides
	/// it. Approved, the referendum's call `uphold_appeal` pays the amount claimed (or anyone's
	/// `close_claim`, if the call was not enacted); ended otherwise (rejected, timed out,
	/// cancelled, killed), anyone may `close_claim`, which slashes both deposits. Never at a
	/// fixed block.
	Appealed {
		/// The appeal deposit held from the claimant, beside the claim deposit.
		deposit: Balance,
		/// The appeal's referendum.
		referendum: ReferendumIndex,
		/// The block of the appeal.
		appealed_at: BlockNumber,
	},
}

/// An incident declared on a product (`declare_incident`): every cover of the product that was
/// in force at `occurred_at` may be redeemed (`redeem_cover`) for `ratio` of what it has left
/// until `closes_at`, without a vote.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxEvidenceLen))]
pub struct Incident<Balance, BlockNumber, MaxEvidenceLen: Get<u32>>
where
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The product hit.
	pub product_id: ProductId,
	/// The product's pool, which pays.
	pub pool_id: PoolId,
	/// The block at which the incident happened: a cover is paid if `start <= occurred_at <=
	/// end`, so cover bought after it pays nothing.
	pub occurred_at: BlockNumber,
	/// The share of what each affected cover has left (its amount less what claims and earlier
	/// incidents paid on it) that is paid: 100% for a total loss, less for a partial one such as
	/// a depeg.
	pub ratio: Perbill,
	/// The block of the declaration. A cover whose claim window had closed by then is not paid.
	pub declared_at: BlockNumber,
	/// The first block at which covers can no longer be redeemed; from then on anyone may
	/// `close_incident`.
	pub closes_at: BlockNumber,
	/// What the incident still holds of its pool's capital, counted in the pool's pending
	/// claims: `ratio` of the product's active cover at the declaration, less what redemptions
	/// have paid since. A leaver's share of it is held back (see [`Hold`]), and it counts
	/// against capacity until the incident closes.
	pub reserved: Balance,
	/// Everything paid on redemptions so far.
	pub paid: Balance,
	/// How many covers were redeemed.
	pub redeemed: u32,
	/// What the declaring origin offers as proof (a link or a hash, by convention).
	pub evidence: BoundedVec<u8, MaxEvidenceLen>,
}

/// An open incident as its product lists it (`ProductIncidents`): what `reap_cover` needs to
/// tell whether the incident could still pay a cover, without reading the incident.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct OpenIncident<BlockNumber> {
	/// The incident.
	pub incident_id: IncidentId,
	/// Its `occurred_at`.
	pub occurred_at: BlockNumber,
	/// Its `declared_at`.
	pub declared_at: BlockNumber,
	/// Its `closes_at`.
	pub closes_at: BlockNumber,
}

/// A claim in the answer of the `MutualPoolApi::agenda` runtime API: what a council member, a
/// claimant or anyone closing claims needs to act on it, without the evidence.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ClaimAgenda<AccountId, Balance, BlockNumber> {
	/// The claim.
	pub claim_id: ClaimId,
	/// The cover claimed on.
	pub cover_id: CoverId,
	/// The cover's product.
	pub product_id: ProductId,
	/// The account that filed the claim.
	pub claimant: AccountId,
	/// The claimed amount.
	pub amount: Balance,
	/// The claim deposit held.
	pub deposit: Balance,
	/// Where the claim stands.
	pub status: ClaimStatus<Balance, BlockNumber>,
	/// The first block at which the claim's current stage is over (see `Claim::deadline`): a
	/// pending claim lapses, a rejected one can no longer be appealed, an appeal can no longer be
	/// upheld.
	pub deadline: BlockNumber,
}

/// An incident in the answer of the `MutualPoolApi::agenda` runtime API.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct IncidentAgenda<Balance, BlockNumber> {
	/// The incident.
	pub incident_id: IncidentId,
	/// The product hit.
	pub product_id: ProductId,
	/// The block at which it happened.
	pub occurred_at: BlockNumber,
	/// The share of what each affected cover has left that is paid.
	pub ratio: Perbill,
	/// What it still reserves of the pool's capital.
	pub reserved: Balance,
	/// What it has paid.
	pub paid: Balance,
	/// How many covers were redeemed.
	pub redeemed: u32,
	/// The first block at which covers can no longer be redeemed.
	pub closes_at: BlockNumber,
}

/// What is open in one pool, answered by the `MutualPoolApi::agenda` runtime API: every claim
/// still in storage (pending a council decision, in its appeal window, or under appeal) and
/// every incident not yet closed, each with its deadline, in id order.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Agenda<AccountId, AssetKind, Balance, BlockNumber> {
	/// The pool's asset, in which the claims' and incidents' amounts are (deposits are in the
	/// native token).
	pub asset: AssetKind,
	/// The pool's claims.
	pub claims: alloc::vec::Vec<ClaimAgenda<AccountId, Balance, BlockNumber>>,
	/// The pool's incidents.
	pub incidents: alloc::vec::Vec<IncidentAgenda<Balance, BlockNumber>>,
}

/// Pool figures for clients, answered by the `MutualPoolApi::pool_status` runtime API.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct PoolStatus<AssetKind, Balance> {
	/// The pool's asset, in which every amount here is.
	pub asset: AssetKind,
	/// The pool's capital, the capital of unbonding shares included.
	pub capital: Balance,
	/// The bonded shares in issue.
	pub total_shares: Balance,
	/// Capital per bonded share (1 when no shares exist).
	pub share_price: FixedU128,
	/// Premiums sold and not yet earned (not capital).
	pub unearned_premiums: Balance,
	/// Cover sold whose claim window has not closed (or whose expiry bucket is not rolled).
	pub active_cover: Balance,
	/// `capital * capacity_factor`: what backs the cover sold and the pending claims, the
	/// capital of unbonding shares included.
	pub capacity: Balance,
	/// `(capital - unbonding capital - stakes still warming up) * capacity_factor`: what new
	/// cover is sold and priced against. Unbonding capital sells no cover, so that no staker is
	/// locked behind cover sold after it asked to leave; a stake sells none until it has warmed
	/// up (`StakeWarmup`), so that it cannot discount a purchase it will not stay to back.
	pub bonded_capacity: Balance,
	/// `(active_cover + pending_claims) / bonded_capacity`, the utilization premiums are
	/// priced at (0 with neither, the largest value with cover but no bonded capacity).
	pub utilization: FixedU128,
	/// Claimed amounts not yet paid, lapsed or closed, and what open incidents still reserve.
	pub pending_claims: Balance,
	/// `capacity / (active_cover + pending_claims)`; `None` when nothing is owed.
	pub solvency_ratio: Option<FixedU128>,
}

/// A staker's position for clients, answered by the `MutualPoolApi::position` runtime API.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Position<AssetKind, Balance, BlockNumber> {
	/// The pool's asset, in which the values here are.
	pub asset: AssetKind,
	/// The staker's bonded shares.
	pub shares: Balance,
	/// What all the staker's shares, bonded and unbonding, are worth (each rounded down).
	pub value: Balance,
	/// The staker's unbonding shares.
	pub unbonding_shares: Balance,
	/// What the unbonding shares are worth: what `withdraw` pays for them, once no claim on
	/// the pool is pending.
	pub unbonding_value: Balance,
	/// The block from which the unbonding shares can be withdrawn (`None` if none unbond).
	pub unlock_at: Option<BlockNumber>,
}

/// Whose expiry buckets an entry of `Expiries` belongs to.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ExpiryOwner {
	/// The active cover of a pool.
	Pool(PoolId),
	/// The active cover of a product.
	Product(ProductId),
}

/// The bounds within which governance sets pool and product parameters: `create_pool`,
/// `update_pool`, `create_product` and `update_product` refuse anything outside them
/// (`InvalidCapacityFactor`, `ParameterOutOfBounds`). Within them no call can fail with
/// `Overflow` and no pool can be made unusable; docs/economics.md says why each is what it is.
/// Block-number bounds are multiples of the runtime's `BlocksPerYear`.
pub mod bounds {
	use sp_arithmetic::{FixedU128, Perbill};

	/// The smallest `capacity_factor`: 0.1, cover of a tenth of the capital.
	pub const MIN_CAPACITY_FACTOR: FixedU128 = FixedU128::from_inner(100_000_000_000_000_000);
	/// The largest `capacity_factor`: 10, cover of ten times the capital.
	pub const MAX_CAPACITY_FACTOR: FixedU128 = FixedU128::from_inner(10_000_000_000_000_000_000);
	/// The smallest `kink`.
	pub const MIN_KINK: Perbill = Perbill::from_percent(1);
	/// The largest `kink`.
	pub const MAX_KINK: Perbill = Perbill::from_percent(99);
	/// The smallest `large_claim_threshold`.
	pub const MIN_LARGE_CLAIM_THRESHOLD: Perbill = Perbill::from_percent(1);
	/// The smallest `max_capacity_share` of a product.
	pub const MIN_CAPACITY_SHARE: Perbill = Perbill::from_percent(1);
	/// The longest `unbonding_period`: `BlocksPerYear / 4`, a quarter.
	pub const UNBONDING_PERIODS_PER_YEAR: u32 = 4;
	/// The longest `max_period` of a product: 5 years of blocks.
	pub const MAX_PERIOD_YEARS: u32 = 5;
	/// The longest `claim_window` and `activation_delay` of a product: a year of blocks each.
	pub const MAX_WINDOW_YEARS: u32 = 1;
	/// The most products one pool backs.
	pub const MAX_PRODUCTS_PER_POOL: u32 = 16;
	/// The most incidents open at once on one product.
	pub const MAX_OPEN_INCIDENTS: u32 = 4;
}
