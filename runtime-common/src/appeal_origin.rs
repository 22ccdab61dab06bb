//! The origin of the claim-appeals referendum track: a pallet of one origin and nothing else
//! (no calls, storage or events), which each runtime adds as `AppealOrigin`. A referendum on the
//! track dispatches its call with `Origin::ClaimAppeals`; `pallet-mutual-pool`'s
//! `uphold_appeal` is the only call that needs it ([`crate::appeals::RootOrClaimAppeals`]). Calls that
//! take any origin accept it too and do nothing with it: `System::remark`, and `Utility`'s
//! batches, which dispatch their calls with it (a referendum may uphold several appeals).

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;

	/// The pallet needs nothing of the runtime.
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// The pallet.
	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origins this pallet adds to the runtime.
	#[derive(
		PartialEq, Eq, Clone, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// Token holders passed a referendum on the claim-appeals track.
		ClaimAppeals,
	}
}
