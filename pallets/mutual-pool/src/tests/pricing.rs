//! Tests of the premium curve and its integral (`pricing.rs`): pure functions, no runtime.

use crate::pricing::Curve;
use sp_arithmetic::{FixedPointNumber, FixedU128, Perbill};

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
