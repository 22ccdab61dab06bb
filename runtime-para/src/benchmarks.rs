//! The pallets whose benchmarks the parachain runtime runs: the solo runtime's list.
//! `MutualPool`'s results are this runtime's weights for it (`weights/pallet_mutual_pool.rs`,
//! written by `scripts/benchmark.sh`). The template's Cumulus and XCM pallets are left out: they
//! use their crates' weights, and their benchmarks need helper configurations (pallet-xcm's
//! `benchmarking::Config`, `cumulus-pallet-session-benchmarking`) or, for `MessageQueue`, the
//! no-op message processor this runtime does not use.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_mutual_pool, MutualPool]
);
