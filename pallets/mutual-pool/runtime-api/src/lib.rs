//! Runtime API of `pallet-mutual-pool`: premium quotes, pool status and staker positions.
//!
//! Polkadot.js reaches it as `api.call.mutualPoolApi.quote(..)`, `.poolStatus(..)` and
//! `.position(..)`.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_mutual_pool::{PoolId, PoolStatus, Position, ProductId};
use sp_runtime::DispatchError;

sp_api::decl_runtime_apis! {
	/// Read-only views of the mutual pools for clients.
	pub trait MutualPoolApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The premium that `buy_cover(product_id, amount, period, _)` would charge now, or the
		/// error it would fail with.
		fn quote(product_id: ProductId, amount: Balance, period: BlockNumber) -> Result<Balance, DispatchError>;

		/// Capital, shares, share price, active cover, capacity, utilization, pending claims and
		/// solvency ratio of a pool, as stored (the figures `buy_cover` prices from: ended cover
		/// counts until its expiry bucket is rolled); `None` if there is no such pool.
		fn pool_status(pool_id: PoolId) -> Option<PoolStatus<Balance>>;

		/// Shares, their value, unbonding shares and unlock block of `who` in a pool; `None` if
		/// `who` has no stake there.
		fn position(pool_id: PoolId, who: AccountId) -> Option<Position<Balance, BlockNumber>>;
	}
}
