// The end-to-end scenarios (../scenarios.mjs) on the parachain runtime run by upstream
// `polkadot-omni-node --dev-block-time 1000` instead of our node: only with E2E_CHAINS=omni,
// $OMNI_NODE and $OMNI_CHAIN_SPEC, as scripts/omni-node-dev.sh --test sets them.
import { scenarios } from '../scenarios.mjs';

scenarios('omni');
