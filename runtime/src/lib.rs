//! The mutual-pool solo-chain runtime. Placeholder until the runtime lands (issue 3).
#![cfg_attr(not(feature = "std"), no_std)]
