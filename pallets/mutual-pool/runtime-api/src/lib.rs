//! Runtime API of `pallet-mutual-pool`: premium quotes, pool status, staker positions and what
//! awaits a decision.
//!
//! Polkadot.js reaches it as `api.call.mutualPoolApi.quote(..)`, `.poolStatus(..)`,
//! `.position(..)` and `.agenda(..)`.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_mutual_pool::{Agenda, PoolId, PoolStatus, Position, ProductId};
use sp_runtime::DispatchError;

sp_api::decl_runtime_apis! {
	/// Read-only views of the mutual pools for clients. Version 2 added `agenda`; version 3 the
	/// pool's asset (`AssetKind`) to the pool status, positions and agendas, whose amounts are
	/// in it.
	#[api_version(3)]
	pub trait MutualPoolApi<AccountId, AssetKind, Balance, BlockNumber>
	where
		AccountId: Codec,
		AssetKind: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The premium that `buy_cover(product_id, amount, period, _)` would charge now, in the
		/// asset of the product's pool (its `pool_status`'s `asset`), or the error it would fail
		/// with.
		fn quote(product_id: ProductId, amount: Balance, period: BlockNumber) -> Result<Balance, DispatchError>;

		/// Capital, shares, share price, active cover, capacity, utilization, pending claims and
		/// solvency ratio of a pool, as stored (the figures `buy_cover` prices from: ended cover
		/// counts until its expiry bucket is rolled); `None` if there is no such pool.
		fn pool_status(pool_id: PoolId) -> Option<PoolStatus<AssetKind, Balance>>;

		/// Shares, their value, unbonding shares and unlock block of `who` in a pool; `None` if
		/// `who` has no stake there.
		fn position(pool_id: PoolId, who: AccountId) -> Option<Position<AssetKind, Balance, BlockNumber>>;

		/// What awaits a decision in a pool, for council members, claimants and anyone closing
		/// what has run out: every claim still open (pending the council, in its appeal window
		/// or under appeal) and every incident not yet closed, each with its deadline; `None` if
		/// there is no such pool.
		fn agenda(pool_id: PoolId) -> Option<Agenda<AccountId, AssetKind, Balance, BlockNumber>>;
	}
}
