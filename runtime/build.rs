//! Builds the runtime's Wasm blob with `substrate-wasm-builder`, and with the `try-runtime`
//! feature a second one for the upgrade tests: the same runtime with `spec_version` one above
//! (feature `increment-spec-version`), in `wasm_binary_upgrade_test.rs`. Only the runtime crate
//! compiles twice; the two builds share the Wasm project's target directory.

#[cfg(feature = "std")]
fn main() {
	#[cfg(feature = "metadata-hash")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("MUT", 12)
		.build();
	#[cfg(not(feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();

	#[cfg(feature = "try-runtime")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_feature("increment-spec-version")
		.set_file_name("wasm_binary_upgrade_test.rs")
		.build();
}

/// The Wasm builder is off when this crate is itself compiled to Wasm.
#[cfg(not(feature = "std"))]
fn main() {}
