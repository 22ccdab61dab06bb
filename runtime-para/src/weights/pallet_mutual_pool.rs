//! Weights for `pallet_mutual_pool` in the parachain runtime: a placeholder with the solo
//! runtime's figures until `scripts/benchmark.sh` measures this runtime's Wasm.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// The measured weights of `pallet_mutual_pool` in this runtime, with its database weights.
pub struct WeightInfo<T>(PhantomData<T>);
impl<T: frame_system::Config> pallet_mutual_pool::WeightInfo for WeightInfo<T> {
	/// Storage: `MutualPool::NextPoolId` (r:1 w:1)
	/// Proof: `MutualPool::NextPoolId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Pools` (r:0 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	fn create_pool() -> Weight {
		// Proof size: measured `133` bytes, estimated `1489` bytes.
		// Minimum execution time: 19_656_000 picoseconds.
		Weight::from_parts(28_173_000, 1489)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	fn update_pool() -> Weight {
		// Proof size: measured `483` bytes, estimated `4183` bytes.
		// Minimum execution time: 22_612_000 picoseconds.
		Weight::from_parts(32_490_000, 4183)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::NextProductId` (r:1 w:1)
	/// Proof: `MutualPool::NextProductId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Products` (r:0 w:1)
	/// Proof: `MutualPool::Products` (`max_values`: None, `max_size`: Some(299), added: 2774, mode: `MaxEncodedLen`)
	/// Component `m` ranges over `[0, 256]`.
	fn create_product(m: u32, ) -> Weight {
		// Proof size: measured `455` bytes, estimated `4183` bytes.
		// Minimum execution time: 28_954_000 picoseconds.
		Weight::from_parts(38_329_268, 4183)
			// Standard error: 858.
			.saturating_add(Weight::from_parts(1_487, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `MutualPool::Products` (r:1 w:1)
	/// Proof: `MutualPool::Products` (`max_values`: None, `max_size`: Some(299), added: 2774, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Component `m` ranges over `[0, 256]`.
	fn update_product(_m: u32, ) -> Weight {
		// Proof size: measured `844` bytes, estimated `4183` bytes.
		// Minimum execution time: 32_751_000 picoseconds.
		Weight::from_parts(47_612_445, 4183)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Stakers` (r:1 w:1)
	/// Proof: `MutualPool::Stakers` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn stake() -> Weight {
		// Proof size: measured `983` bytes, estimated `4183` bytes.
		// Minimum execution time: 94_286_000 picoseconds.
		Weight::from_parts(143_548_000, 4183)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Stakers` (r:1 w:1)
	/// Proof: `MutualPool::Stakers` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	fn request_unstake() -> Weight {
		// Proof size: measured `616` bytes, estimated `4183` bytes.
		// Minimum execution time: 36_297_000 picoseconds.
		Weight::from_parts(53_209_000, 4183)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Stakers` (r:1 w:1)
	/// Proof: `MutualPool::Stakers` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Expiries` (r:1 w:1)
	/// Proof: `MutualPool::Expiries` (`max_values`: None, `max_size`: Some(41), added: 2516, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::EarningEnds` (r:1 w:1)
	/// Proof: `MutualPool::EarningEnds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[0, 1]`.
	fn withdraw(b: u32, ) -> Weight {
		// Proof size: measured `1139 + b * (126 ±0)` bytes, estimated `4183 + b * (1753 ±0)` bytes.
		// Minimum execution time: 92_212_000 picoseconds.
		Weight::from_parts(137_875_879, 4183)
			// Standard error: 2_707_991.
			.saturating_add(Weight::from_parts(3_014_945, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 1753).saturating_mul(b.into()))
	}
	/// Storage: `MutualPool::Products` (r:1 w:0)
	/// Proof: `MutualPool::Products` (`max_values`: None, `max_size`: Some(299), added: 2774, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::NextCoverId` (r:1 w:1)
	/// Proof: `MutualPool::NextCoverId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::EarningEnds` (r:1 w:1)
	/// Proof: `MutualPool::EarningEnds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Expiries` (r:2 w:2)
	/// Proof: `MutualPool::Expiries` (`max_values`: None, `max_size`: Some(41), added: 2516, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Covers` (r:0 w:1)
	/// Proof: `MutualPool::Covers` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn buy_cover() -> Weight {
		// Proof size: measured `1182` bytes, estimated `6022` bytes.
		// Minimum execution time: 111_238_000 picoseconds.
		Weight::from_parts(118_451_000, 6022)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `MutualPool::Covers` (r:1 w:1)
	/// Proof: `MutualPool::Covers` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn transfer_cover() -> Weight {
		// Proof size: measured `337` bytes, estimated `3570` bytes.
		// Minimum execution time: 22_021_000 picoseconds.
		Weight::from_parts(24_596_000, 3570)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `MutualPool::Covers` (r:1 w:1)
	/// Proof: `MutualPool::Covers` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Products` (r:1 w:0)
	/// Proof: `MutualPool::Products` (`max_values`: None, `max_size`: Some(299), added: 2774, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::NextClaimId` (r:1 w:1)
	/// Proof: `MutualPool::NextClaimId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Claims` (r:0 w:1)
	/// Proof: `MutualPool::Claims` (`max_values`: None, `max_size`: Some(1118), added: 3593, mode: `MaxEncodedLen`)
	/// Component `e` ranges over `[0, 1024]`.
	fn submit_claim(e: u32, ) -> Weight {
		// Proof size: measured `1023` bytes, estimated `4183` bytes.
		// Minimum execution time: 100_378_000 picoseconds.
		Weight::from_parts(128_819_444, 4183)
			// Standard error: 852.
			.saturating_add(Weight::from_parts(8_098, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `MutualPool::Claims` (r:1 w:1)
	/// Proof: `MutualPool::Claims` (`max_values`: None, `max_size`: Some(1118), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Covers` (r:1 w:1)
	/// Proof: `MutualPool::Covers` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Products` (r:1 w:0)
	/// Proof: `MutualPool::Products` (`max_values`: None, `max_size`: Some(299), added: 2774, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Expiries` (r:2 w:2)
	/// Proof: `MutualPool::Expiries` (`max_values`: None, `max_size`: Some(41), added: 2516, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn approve_claim() -> Weight {
		// Proof size: measured `2615` bytes, estimated `6196` bytes.
		// Minimum execution time: 168_425_000 picoseconds.
		Weight::from_parts(275_745_000, 6196)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `MutualPool::Claims` (r:1 w:1)
	/// Proof: `MutualPool::Claims` (`max_values`: None, `max_size`: Some(1118), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Covers` (r:1 w:1)
	/// Proof: `MutualPool::Covers` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Products` (r:1 w:0)
	/// Proof: `MutualPool::Products` (`max_values`: None, `max_size`: Some(299), added: 2774, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::EarningEnds` (r:1 w:1)
	/// Proof: `MutualPool::EarningEnds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	fn reject_claim() -> Weight {
		// Proof size: measured `2565` bytes, estimated `6196` bytes.
		// Minimum execution time: 119_904_000 picoseconds.
		Weight::from_parts(197_489_000, 6196)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `MutualPool::Claims` (r:1 w:1)
	/// Proof: `MutualPool::Claims` (`max_values`: None, `max_size`: Some(1118), added: 3593, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Covers` (r:1 w:1)
	/// Proof: `MutualPool::Covers` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Products` (r:1 w:0)
	/// Proof: `MutualPool::Products` (`max_values`: None, `max_size`: Some(299), added: 2774, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn lapse_claim() -> Weight {
		// Proof size: measured `2397` bytes, estimated `4583` bytes.
		// Minimum execution time: 102_451_000 picoseconds.
		Weight::from_parts(150_761_000, 4583)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	fn freeze_pool() -> Weight {
		// Proof size: measured `483` bytes, estimated `4183` bytes.
		// Minimum execution time: 22_883_000 picoseconds.
		Weight::from_parts(37_019_000, 4183)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	fn reopen_pool() -> Weight {
		// Proof size: measured `483` bytes, estimated `4183` bytes.
		// Minimum execution time: 21_801_000 picoseconds.
		Weight::from_parts(38_452_000, 4183)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `MutualPool::Covers` (r:1 w:1)
	/// Proof: `MutualPool::Covers` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Products` (r:1 w:0)
	/// Proof: `MutualPool::Products` (`max_values`: None, `max_size`: Some(299), added: 2774, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Pools` (r:1 w:0)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	fn reap_cover() -> Weight {
		// Proof size: measured `990` bytes, estimated `4183` bytes.
		// Minimum execution time: 35_205_000 picoseconds.
		Weight::from_parts(58_900_000, 4183)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Expiries` (r:1 w:1)
	/// Proof: `MutualPool::Expiries` (`max_values`: None, `max_size`: Some(41), added: 2516, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::EarningEnds` (r:1 w:1)
	/// Proof: `MutualPool::EarningEnds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[0, 1]`.
	fn roll_expiries(b: u32, ) -> Weight {
		// Proof size: measured `483 + b * (126 ±0)` bytes, estimated `4183 + b * (1753 ±0)` bytes.
		// Minimum execution time: 19_196_000 picoseconds.
		Weight::from_parts(24_571_373, 4183)
			// Standard error: 238_212.
			.saturating_add(Weight::from_parts(20_178_796, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 1753).saturating_mul(b.into()))
	}
	/// Storage: `MutualPool::Products` (r:1 w:0)
	/// Proof: `MutualPool::Products` (`max_values`: None, `max_size`: Some(299), added: 2774, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Expiries` (r:1 w:1)
	/// Proof: `MutualPool::Expiries` (`max_values`: None, `max_size`: Some(41), added: 2516, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[0, 1]`.
	fn roll_product_expiries(b: u32, ) -> Weight {
		// Proof size: measured `844 + b * (62 ±0)` bytes, estimated `4183 + b * (1753 ±0)` bytes.
		// Minimum execution time: 24_586_000 picoseconds.
		Weight::from_parts(28_255_348, 4183)
			// Standard error: 208_427.
			.saturating_add(Weight::from_parts(11_625_261, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 1753).saturating_mul(b.into()))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Stakers` (r:1 w:1)
	/// Proof: `MutualPool::Stakers` (`max_values`: None, `max_size`: Some(104), added: 2579, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::Expiries` (r:1 w:1)
	/// Proof: `MutualPool::Expiries` (`max_values`: None, `max_size`: Some(41), added: 2516, mode: `MaxEncodedLen`)
	/// Storage: `MutualPool::EarningEnds` (r:1 w:1)
	/// Proof: `MutualPool::EarningEnds` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Component `b` ranges over `[0, 1]`.
	fn rebond(b: u32, ) -> Weight {
		// Proof size: measured `650 + b * (126 ±0)` bytes, estimated `4183 + b * (1753 ±0)` bytes.
		// Minimum execution time: 35_446_000 picoseconds.
		Weight::from_parts(48_347_024, 4183)
			// Standard error: 791_809.
			.saturating_add(Weight::from_parts(17_252_257, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 1753).saturating_mul(b.into()))
	}
	/// Storage: `MutualPool::Pools` (r:1 w:1)
	/// Proof: `MutualPool::Pools` (`max_values`: None, `max_size`: Some(718), added: 3193, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn pay_fees() -> Weight {
		// Proof size: measured `853` bytes, estimated `6196` bytes.
		// Minimum execution time: 81_151_000 picoseconds.
		Weight::from_parts(86_321_000, 6196)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}
