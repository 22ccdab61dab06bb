//! The pallet's tests, one file per area. Every test runs inside
//! [`ExtBuilder::build_and_execute`](crate::mock::ExtBuilder::build_and_execute), which checks
//! `do_try_state` afterwards.

mod appeals;
mod attacks;
mod claims;
mod cover;
mod expiry;
mod incidents;
mod invariants;
mod migrations;
mod pricing;
mod scenarios;
mod staking;
