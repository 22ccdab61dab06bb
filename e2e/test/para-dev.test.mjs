// The end-to-end scenarios (../scenarios.mjs) on a fresh
// `mutual-pool-node --chain para-dev --dev-block-time 1000`: the parachain runtime, sealed by our
// node without a relay chain.
import { scenarios } from '../scenarios.mjs';

scenarios('para-dev');
