//! Integration tests of the parachain runtime, natively through the real `Runtime`: the genesis
//! presets, blocks built as a collator builds them, the mutual pool used over XCM by a sibling
//! parachain's user, and an appeal decided by its own referendum.

mod appeals;
mod common;
mod genesis;
mod xcm;
