//! # Mutual Pool runtime-common
//!
//! What the runtimes of the chain share, so that the mutual pool, the claims council, its
//! membership, the referenda on appeals and their origins are configured alike: the solo runtime
//! (`runtime/`) and the parachain runtime (`runtime-para/`) use it. It exports types, constants
//! and one origin pallet; each runtime writes out its own `impl Config` blocks in its `configs/`
//! (the same file names in both), naming what is here.
//!
//! - [`primitives`]: `AccountId`, `Balance`, `BlockNumber`, ...;
//! - [`currency`] and [`time`]: `UNIT`, `EXISTENTIAL_DEPOSIT`, the constant `FeeMultiplier`,
//!   `MINUTES` .. `YEARS` (6 s blocks);
//! - [`council`]: the council instance, the origins (`RootOrCouncilTwoThirds`,
//!   `RootOrCouncilMajority`), `AbstentionsAreNays`, the council's constants and
//!   [`council::HalfOfMaxBlock`] (its `MaxProposalWeight`, from each runtime's block weights);
//! - [`mutual_pool`]: the pallet's constants and accounts (`PalletId`s, treasury, deposits,
//!   windows);
//! - [`assets`]: the deposits of the asset registries and the stablecoins' units;
//! - [`appeal_origin`]: the `ClaimAppeals` origin of a passed referendum on the claim-appeals
//!   track, a pallet of one origin that each runtime adds as `AppealOrigin`;
//! - [`appeals`]: the claim-appeals track, `RootOrClaimAppeals`, the mutual pool's
//!   `Config::Appeals` over `pallet-referenda` and the constants of the pallets that run
//!   referenda (preimage, scheduler, referenda, conviction voting);
//! - [`genesis`]: the demo pools (pool 0 in MUT, a stablecoin pool), products, stakes, council
//!   and accounts of the dev presets, and the presets' names and lookup (`preset_names`,
//!   `preset`).
//!
//! What stays per runtime: every `impl Config`, consensus, the transaction extensions,
//! `RuntimeBlockWeights`, the runtime APIs and the consensus part of the presets.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod appeal_origin;
pub mod appeals;
pub mod assets;
pub mod council;
pub mod currency;
pub mod genesis;
pub mod mutual_pool;
pub mod primitives;
pub mod time;
