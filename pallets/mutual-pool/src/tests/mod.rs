//! The pallet's tests, one file per area. Every test runs inside
//! [`ExtBuilder::build_and_execute`](crate::mock::ExtBuilder::build_and_execute), which checks
//! `do_try_state` afterwards.

mod admin;
mod appeals;
mod attacks;
mod claims;
mod cover;
mod expiry;
mod incidents;
mod migrations;
mod pricing;
mod properties;
mod runtime_api;
mod scenarios;
mod staking;
mod try_state;
