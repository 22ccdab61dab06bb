//! Block-count units. Both runtimes produce a block every 6 s: the solo chain's Aura slot, and the
//! parachain template's `MILLI_SECS_PER_BLOCK` (async backing, velocity 1, 6 s relay slots).
//!
//! Every period below is counted in the chain's *own* block numbers (`frame_system`), never in
//! relay-chain blocks. On the parachain, a missed relay slot means a longer wall-clock period; in
//! the relay-less dev mode (manual seal) a block is made every `--dev-block-time`, so an "hour"
//! lasts 600 dev blocks whatever their pace.
//!
//! A runtime with another block time needs its own units: the pallet's `BlocksPerYear` and its
//! windows are counted in blocks.

use super::primitives::BlockNumber;

/// Milliseconds per block: blocks are produced every 6 s.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// The Aura slot duration. It cannot be changed once the chain runs.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;
/// Blocks per (365-day) year: 5_256_000.
pub const YEARS: BlockNumber = DAYS * 365;
