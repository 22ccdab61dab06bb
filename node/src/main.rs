//! The mutual-pool node. Placeholder until the node lands (issue 3).

fn main() {
	eprintln!("mutual-pool-node: the node binary arrives with issue 3 (runtime and dev chain).");
	std::process::exit(1);
}
