// The end-to-end scenarios (../scenarios.mjs) on a fresh `mutual-pool-node --dev`: the solo
// chain, Aura and GRANDPA, 6 s blocks.
import { scenarios } from '../scenarios.mjs';

scenarios('dev');
