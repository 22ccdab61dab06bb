//! Integration tests of the parachain runtime, natively through the real `Runtime`: the genesis
//! presets, blocks built as a collator builds them, and the mutual pool used over XCM by a
//! sibling parachain's user.

mod common;
mod genesis;
mod xcm;
