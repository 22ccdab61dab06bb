//! The pallet's tests, one file per area. Every test runs inside
//! [`ExtBuilder::build_and_execute`](crate::mock::ExtBuilder::build_and_execute), which runs it
//! on pool 0 in the native token and again on pool 0 in `USD`, a registered asset, checking
//! `do_try_state` after each. `assets.rs` tests what differs between the two kinds of pool.

mod admin;
mod appeals;
mod assets;
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
