//! The parachain dev node's `dev_injectDownwardXcm` and `dev_injectHorizontalXcm` RPC methods,
//! and the queue of XCM messages they fill for the next block (`service::para_dev` empties it
//! into the block's mocked relay-chain inherent).

use codec::Encode;
use cumulus_primitives_core::{ParaId, XcmpMessageFormat};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use sp_core::Bytes;
use std::sync::{Arc, Mutex};

/// XCM messages waiting for the next block: what the relay chain would deliver to this
/// parachain in its next relay parent. Filled by the `dev_inject*` RPC methods, emptied by the
/// inherent data of the next block.
#[derive(Clone, Default)]
pub struct XcmInjection {
	pending: Arc<Mutex<PendingXcm>>,
}

/// The messages of [`XcmInjection`].
#[derive(Default)]
pub struct PendingXcm {
	/// Downward messages (from the relay chain): each a SCALE-encoded `VersionedXcm`.
	pub downward: Vec<Vec<u8>>,
	/// Horizontal messages (from sibling parachains): the sender and the XCMP data.
	pub horizontal: Vec<(ParaId, Vec<u8>)>,
}

impl XcmInjection {
	/// Takes every waiting message, for the next block.
	pub fn take(&self) -> PendingXcm {
		std::mem::take(&mut *self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
	}

	/// Queues a message with `push`, unless `MAX_PENDING_XCM` wait already; returns how many
	/// wait now.
	fn push(&self, push: impl FnOnce(&mut PendingXcm)) -> RpcResult<u32> {
		let mut pending = self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		if pending.downward.len() + pending.horizontal.len() >= MAX_PENDING_XCM {
			return Err(ErrorObjectOwned::owned(
				-32000,
				format!("{MAX_PENDING_XCM} messages already wait for the next block"),
				None::<()>,
			));
		}
		push(&mut pending);
		Ok((pending.downward.len() + pending.horizontal.len()) as u32)
	}
}

/// RPC methods of the parachain dev node that put XCM messages into the next block, for tests
/// and for a team trying its integration by hand. Only on `para-dev`/`para-local`, which have
/// no relay chain to deliver messages.
///
/// The next block takes every waiting message (at most `MAX_PENDING_XCM`); if that block fails
/// to build or import, its messages are gone (the node logs them as delivered before). With
/// `--instant-seal` the next block is the next transaction's. A dev node's RPC is local: these
/// methods need no `--rpc-methods unsafe`, and must not be exposed on a public node.
#[rpc(server, namespace = "dev")]
pub trait DevXcmApi {
	/// Delivers `xcm`, a SCALE-encoded `VersionedXcm`, as a downward message from the relay
	/// chain in the next block. Returns how many messages wait for that block.
	#[method(name = "injectDownwardXcm")]
	fn inject_downward_xcm(&self, xcm: Bytes) -> RpcResult<u32>;

	/// Delivers `xcm`, a SCALE-encoded `VersionedXcm`, as a horizontal (XCMP) message from
	/// sibling parachain `sender` in the next block. Returns how many messages wait for it.
	#[method(name = "injectHorizontalXcm")]
	fn inject_horizontal_xcm(&self, sender: u32, xcm: Bytes) -> RpcResult<u32>;
}

/// The server of [`DevXcmApiServer`].
pub struct DevXcm {
	injection: XcmInjection,
}

impl DevXcm {
	/// The server of the messages that `injection` hands to the next block.
	pub fn new(injection: XcmInjection) -> Self {
		Self { injection }
	}
}

/// The largest XCM message accepted: the relay chain's default HRMP/DMP message size limit.
const MAX_XCM_SIZE: usize = 100 * 1024;

/// At most this many messages wait for the next block; more are refused. Sixteen of the largest
/// make 1.6 MiB, about what one block's inherent may carry of one kind (a sixth of the PoV): a
/// block never drops part of what it was given.
const MAX_PENDING_XCM: usize = 16;

/// Checks that `xcm` is a SCALE-encoded `VersionedXcm` that this node's XCM version can read.
fn check_xcm(xcm: &[u8]) -> RpcResult<()> {
	use codec::Decode;
	let invalid = |message: String| ErrorObjectOwned::owned(-32602, message, None::<()>);
	if xcm.len() > MAX_XCM_SIZE {
		return Err(invalid(format!(
			"the message has {} bytes, at most {MAX_XCM_SIZE}",
			xcm.len()
		)));
	}
	let mut input = xcm;
	let decoded = xcm::VersionedXcm::<()>::decode(&mut input)
		.map_err(|e| invalid(format!("not a SCALE-encoded VersionedXcm: {e}")))?;
	if !input.is_empty() {
		return Err(invalid(format!("{} bytes after the VersionedXcm", input.len())));
	}
	xcm::latest::Xcm::<()>::try_from(decoded)
		.map_err(|()| invalid("an XCM version this chain cannot read".into()))?;
	Ok(())
}

impl DevXcmApiServer for DevXcm {
	fn inject_downward_xcm(&self, xcm: Bytes) -> RpcResult<u32> {
		check_xcm(&xcm)?;
		let waiting = self.injection.push(|pending| pending.downward.push(xcm.0))?;
		log::info!(target: "para-dev", "downward XCM queued for the next block");
		Ok(waiting)
	}

	fn inject_horizontal_xcm(&self, sender: u32, xcm: Bytes) -> RpcResult<u32> {
		check_xcm(&xcm)?;
		// The XCMP data of one message: the format tag, then the versioned XCM.
		let mut data = XcmpMessageFormat::ConcatenatedVersionedXcm.encode();
		data.extend_from_slice(&xcm);
		let waiting =
			self.injection.push(|pending| pending.horizontal.push((sender.into(), data)))?;
		log::info!(target: "para-dev", "horizontal XCM from para {sender} queued for the next block");
		Ok(waiting)
	}
}
