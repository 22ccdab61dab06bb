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
//! which [`rate_integral`] computes exactly in balance units, piece by piece, with every
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

#[cfg(test)]
mod tests {
	use super::*;

	const YEAR: u128 = 5_256_000;

	fn curve() -> Curve {
		Curve {
			base_rate: Perbill::from_percent(2),
			kink: Perbill::from_percent(80),
			slope1: Perbill::from_percent(5),
			slope2: Perbill::from_percent(50),
		}
	}

	fn fixed(percent: u128) -> FixedU128 {
		FixedU128::from_rational(percent, 100)
	}

	#[test]
	fn annual_rate_follows_the_curve_and_its_kink() {
		let c = curve();
		assert_eq!(c.annual_rate(fixed(0)), fixed(2));
		// 2% + 5% * 40%
		assert_eq!(c.annual_rate(fixed(40)), FixedU128::from_rational(4, 100));
		// 2% + 5% * 80% = 6% at the kink
		assert_eq!(c.annual_rate(fixed(80)), fixed(6));
		// 6% + 50% * 20% = 16% at full utilization
		assert_eq!(c.annual_rate(fixed(100)), fixed(16));
		// The slope above the kink is slope2, ten times slope1 here.
		let below = c.annual_rate(fixed(70)) - c.annual_rate(fixed(60));
		let above = c.annual_rate(fixed(100)) - c.annual_rate(fixed(90));
		assert_eq!(below, FixedU128::from_rational(5, 1000));
		assert_eq!(above, fixed(5));
		assert_eq!(above, below * FixedU128::saturating_from_integer(10u32));
	}

	#[test]
	fn integral_is_exact_on_each_piece() {
		let c = curve();
		let cap = 1_000_000_000_000u128;
		// Below the kink from 0 to 40%: 2% * 0.4C + 5% * (0.4C)² / 2C = 0.008C + 0.004C.
		assert_eq!(c.rate_integral(cap, 0, cap * 4 / 10), Some(cap * 12 / 1000));
		// From the kink to 100%: 6% * 0.2C + 50% * (0.2C)² / 2C = 0.012C + 0.01C.
		assert_eq!(c.rate_integral(cap, cap * 8 / 10, cap), Some(cap * 22 / 1000));
		// Empty or reversed intervals cost nothing; no capacity cannot be priced.
		assert_eq!(c.rate_integral(cap, 5, 5), Some(0));
		assert_eq!(c.rate_integral(cap, 6, 5), Some(0));
		assert_eq!(c.rate_integral(0, 0, 5), None);
	}

	#[test]
	fn average_rate_is_the_mean_of_the_curve_over_the_purchase() {
		let c = curve();
		let cap = 1_000_000_000_000u128;
		// Linear below the kink: the average is the rate at the midpoint.
		assert_eq!(c.average_rate(cap, cap / 10, cap / 5), Some(c.annual_rate(fixed(20))));
		// Across the kink the average lies strictly between the end rates.
		let avg = c.average_rate(cap, cap * 7 / 10, cap * 3 / 10).unwrap();
		assert!(avg > c.annual_rate(fixed(70)) && avg < c.annual_rate(fixed(100)));
		assert_eq!(c.average_rate(cap, 0, 0), None);
	}

	#[test]
	fn premium_of_ten_slices_equals_one_purchase() {
		let c = curve();
		let cap = 2_000_000_000_000_000_000u128;
		let period = YEAR / 4;
		for (active, amount) in [(0, cap), (cap / 3, cap / 2), (cap * 7 / 10, cap * 3 / 10)] {
			let whole = c.premium(cap, active, amount, period, YEAR).unwrap();
			let mut sliced = 0u128;
			let slice = amount / 10;
			for i in 0..10 {
				let size = if i == 9 { amount - 9 * slice } else { slice };
				sliced += c.premium(cap, active + i * slice, size, period, YEAR).unwrap();
			}
			// Rounding always goes up, at most a few units per slice.
			assert!(sliced >= whole, "slices {sliced} < whole {whole}");
			assert!(sliced - whole <= 10 * 5, "slices {sliced} vs whole {whole}");
		}
	}

	#[test]
	fn premium_rises_with_utilization() {
		let c = curve();
		let cap = 1_000_000_000_000_000u128;
		let amount = cap / 20;
		let mut last = 0;
		for step in 0..20 {
			let p = c.premium(cap, step * amount, amount, YEAR, YEAR).unwrap();
			assert!(p > last, "premium at step {step} did not rise: {p} <= {last}");
			last = p;
		}
		// A year of cover at zero utilization costs at least the base rate.
		assert!(c.premium(cap, 0, amount, YEAR, YEAR).unwrap() >= amount * 2 / 100);
	}

	#[test]
	fn premium_is_proportional_to_period_and_rounds_up() {
		let c = curve();
		let cap = 1_000_000u128;
		let year = c.premium(cap, 0, 1_000, YEAR, YEAR).unwrap();
		let half = c.premium(cap, 0, 1_000, YEAR / 2, YEAR).unwrap();
		assert!(half * 2 >= year && half * 2 <= year + 2);
		// Even the smallest purchase pays something.
		assert_eq!(c.premium(cap, 0, 1, 10, YEAR), Some(1));
		assert_eq!(c.premium(cap, 0, 1, 10, 0), None);
	}

	#[test]
	fn extreme_values_do_not_overflow_silently() {
		let c = Curve {
			base_rate: Perbill::one(),
			kink: Perbill::from_percent(50),
			slope1: Perbill::one(),
			slope2: Perbill::one(),
		};
		let big = u128::MAX / 4;
		assert!(c.rate_integral(big, 0, big).is_some());
		assert_eq!(c.rate_integral(u128::MAX, 0, u128::MAX), None);
	}
}
