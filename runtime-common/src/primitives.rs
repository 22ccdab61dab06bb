//! Types both runtimes share.

use sp_runtime::{
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};

/// A transaction signature.
pub type Signature = MultiSignature;
/// An account id: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// An account balance.
pub type Balance = u128;
/// The index of a transaction of an account.
pub type Nonce = u32;
/// A hash.
pub type Hash = sp_core::H256;
/// A block number. `u32`: polkadot-omni-node requires it of a parachain runtime.
pub type BlockNumber = u32;
/// The address format of calls.
pub type Address = MultiAddress<AccountId, ()>;
/// The block header.
pub type Header = sp_runtime::generic::Header<BlockNumber, BlakeTwo256>;
