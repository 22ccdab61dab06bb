//! The premium curve and its exact integral: pure functions, no storage.
//!
//! The annual rate at utilization `u` is piecewise linear with one kink:
//!
//! ```text
//! rate(u) = base + slope1 * min(u, kink) + slope2 * max(u - kink, 0)
//! ```
//!
//! A purchase of `amount` moves the pool's active cover from `a0` to `a1 = a0 + amount`, so
//! its utilization goes from `a0 / C` to `a1 / C` where `C` is the pool's capacity. The premium
//! is charged at the **average** rate over that interval, which is the integral of the curve
//! divided by its length. Multiplying back by `amount` gives
//!
//! ```text
//! amount * average rate = ∫[a0, a1] rate(a / C) da
//! ```
//!
//! which [`Curve::rate_integral`] computes exactly in balance units, piece by piece, with every
//! intermediate product taken in 256-bit arithmetic and every rounding upwards (in favour of the
//! pool). The integral is additive over adjacent intervals, so buying in slices costs what one
//! purchase costs, to within one unit of rounding per term and slice.
#![deny(missing_docs)]

use sp_arithmetic::{
	helpers_128bit::multiply_by_rational_with_rounding, per_things::Rounding, traits::Saturating,
	FixedPointNumber, FixedU128, PerThing, Perbill,
};

/// The shape of a pool's premium curve (from its `PoolParams`) with a product's base rate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Curve {
	/// Annual rate at zero utilization.
	pub base_rate: Perbill,
	/// Utilization at which the slope changes.
	pub kink: Perbill,
	/// Rate added per unit of utilization below the kink.
	pub slope1: Perbill,
	/// Rate added per unit of utilization above the kink.
	pub slope2: Perbill,
}

fn perbill_to_fixed(p: Perbill) -> FixedU128 {
	FixedU128::from_rational(p.deconstruct().into(), Perbill::ACCURACY.into())
}

/// `a * b / c`, rounded up; `None` on overflow or `c == 0`.
fn mul_div_up(a: u128, b: u128, c: u128) -> Option<u128> {
	multiply_by_rational_with_rounding(a, b, c, Rounding::Up)
}

impl Curve {
	/// The annual rate at `utilization` (which may exceed 1).
	pub fn annual_rate(&self, utilization: FixedU128) -> FixedU128 {
		let kink = perbill_to_fixed(self.kink);
		let below = utilization.min(kink);
		let above = utilization.saturating_sub(kink);
		perbill_to_fixed(self.base_rate)
			.saturating_add(perbill_to_fixed(self.slope1).saturating_mul(below))
			.saturating_add(perbill_to_fixed(self.slope2).saturating_mul(above))
	}

	/// `∫[from, to] rate(a / capacity) da`, in balance units, rounded up.
	///
	/// `from` and `to` are amounts of active cover; `to` may exceed `capacity`, where the
	/// curve continues with `slope2`. Returns `None` if `capacity` is zero or on overflow, and
	/// `Some(0)` if `to <= from`.
	pub fn rate_integral(&self, capacity: u128, from: u128, to: u128) -> Option<u128> {
		if capacity == 0 {
			return None;
		}
		if to <= from {
			return Some(0);
		}
		let kink = self.kink.mul_floor(capacity);
		let twice_capacity = capacity.checked_mul(2)?;
		// The part of [from, to] below the kink, and the part above it.
		let (low_from, low_to) = (from.min(kink), to.min(kink));
		let (high_from, high_to) = (from.max(kink), to.max(kink));

		// Base rate: flat over the whole interval.
		let base = self.base_rate.mul_ceil(to - from);
		// slope1 * u below the kink: (low_to² - low_from²) / 2C.
		let below_kink =
			mul_div_up(low_to - low_from, low_to.checked_add(low_from)?, twice_capacity)?;
		// slope1 * kink above the kink: kink * (high_to - high_from) / C.
		let kink_plateau = mul_div_up(kink, high_to - high_from, capacity)?;
		// slope2 * (u - kink) above the kink: ((high_to - K)² - (high_from - K)²) / 2C.
		let above_kink = mul_div_up(
			high_to - high_from,
			(high_to - kink).checked_add(high_from - kink)?,
			twice_capacity,
		)?;

		base.checked_add(self.slope1.mul_ceil(below_kink.checked_add(kink_plateau)?))?
			.checked_add(self.slope2.mul_ceil(above_kink))
	}

	/// The average annual rate over a purchase of `amount` when `active` cover is already sold
	/// against `capacity`. `None` if `amount` or `capacity` is zero, or on overflow.
	pub fn average_rate(&self, capacity: u128, active: u128, amount: u128) -> Option<FixedU128> {
		if amount == 0 {
			return None;
		}
		let integral = self.rate_integral(capacity, active, active.checked_add(amount)?)?;
		FixedU128::checked_from_rational(integral, amount)
	}

	/// The premium of `amount` of cover for `period` blocks, rounded up:
	/// `∫ rate * period / blocks_per_year`. `None` if `capacity` or `blocks_per_year` is zero, or
	/// on overflow.
	pub fn premium(
		&self,
		capacity: u128,
		active: u128,
		amount: u128,
		period: u128,
		blocks_per_year: u128,
	) -> Option<u128> {
		let integral = self.rate_integral(capacity, active, active.checked_add(amount)?)?;
		mul_div_up(integral, period, blocks_per_year)
	}
}
