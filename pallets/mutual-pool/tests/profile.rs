//! The settings this package's tests are compiled with (docs/testing.md, "Debug assertions").
//!
//! `scripts/test.sh` builds in the `release` profile; the workspace's
//! `[profile.release.package.*]` overrides turn on debug assertions and overflow checks for every
//! target of `pallet-mutual-pool` (its library, its unit tests and this file alike) and debug
//! assertions for `frame-support`. So a defensive path of the pallet panics in its tests instead
//! of only logging an error. These tests fail if an override is lost.

use frame_support::traits::DefensiveOption;
use std::{hint::black_box, panic::catch_unwind};

/// Debug assertions of this package: `debug_assert!` and `defensive!`, expanded here.
#[test]
fn this_package_has_debug_assertions() {
	let on = cfg!(debug_assertions);
	assert!(on, "pallet-mutual-pool is compiled without debug assertions");
	let defensive = catch_unwind(|| {
		frame_support::defensive!("a defensive! of the pallet");
	});
	assert!(defensive.is_err(), "defensive! did not panic");
}

/// Overflow checks of this package: plain arithmetic panics instead of wrapping.
#[test]
fn this_package_has_overflow_checks() {
	let sum = catch_unwind(|| black_box(250u8) + black_box(10u8));
	assert!(sum.is_err(), "250u8 + 10 wrapped to {:?}", sum.ok());
}

/// `defensive_ok_or` and the other `Defensive*` methods assert inside frame-support, with
/// frame-support's own settings: they panic only because frame-support has debug assertions too.
#[test]
fn frame_support_defensive_methods_panic() {
	let result = catch_unwind(|| None::<u8>.defensive_ok_or("a defensive_ok_or of the pallet"));
	assert!(result.is_err(), "defensive_ok_or returned {:?} instead of panicking", result.ok());
}
