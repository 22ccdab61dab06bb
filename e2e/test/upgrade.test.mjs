// A runtime upgrade of a running dev chain (docs/reliability.md): `sudo(system.setCode)` with
// the solo runtime built again with `spec_version` one above (runtime/build.rs builds it beside
// the node's, with the `try-runtime` feature), on a chain whose MutualPool storage is at
// version 3, the layout before claims kept their `status` (and before pools' large-claim
// windows slid, version 5).
//
// The dev chain starts at version 5 (genesis writes the in-code version), so the test first
// puts it back as version 3 of the pallet left it, with `sudo(system.setStorage)`: the version
// key 3, each claim without its last byte (its status), each pool with the fixed window of
// versions 1 to 4 (`{ start, paid }` instead of `{ slot, committed }`). Then the upgrade, and:
//   - blocks go on under the new runtime (spec_version + 1) and are finalized;
//   - the migrations `MigrateV3ToV4` and `MigrateV4ToV5` ran exactly once, in the first block of
//     the new code: the version is 5, each claim is its old bytes plus `Pending`, each pool is
//     as it was before the roll-back (but for what the hooks of every block move: expiry
//     cursors and accrual), the node logged each migration once, and every other key of
//     MutualPool holds the same value as before the upgrade;
//   - the new runtime's migration passes its `pre_upgrade` and `post_upgrade`, and every
//     pallet's `try_state` holds after it: `TryRuntime_on_runtime_upgrade` run by the node at the
//     block that set the code (new code, state still at version 3) re-runs the upgrade with every
//     check on a copy of that state.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { CHAINS, UNIT, devAccounts, findEvent, log, send, sleep, upgradeWasm, waitForBlock } from '../lib.mjs';
import { MOVED_BY_HOOKS, palletPrefix, rawStorage, startDevNode } from '../reliability.mjs';

const PREFIX = palletPrefix('MutualPool');
const key = (item) => PREFIX + xxhashAsHex(item, 128).slice(2);
const VERSION_KEY = key(':__STORAGE_VERSION__:');
const CLAIMS = key('Claims');
const POOLS = key('Pools');
/** The lines the migrations log (pallets/mutual-pool/src/migrations.rs). */
const MIGRATED = /storage version 3 to 4: (\d+) claims migrated/;
const MIGRATED_POOLS = /storage version 4 to 5: (\d+) pools/;
/** Where a pool's large-claim window starts in its encoding: the parameters (56 bytes), six
 * balances, the expiry cursor and the fees owed. */
const WINDOW_AT = 56 + 6 * 16 + 4 + 16;
/** The window's length in version 5 (a slot and eight balances) and in version 4 (a start
 * block and a balance). */
const WINDOW_V5 = 4 + 8 * 16;
const WINDOW_V4 = 4 + 16;
/** What closes a version 5 pool, which version 4 had none of: the stakes warming up (an epoch and
 * two balances), the held withdrawals (value, units, era, paid out), then the incident book
 * (reserved, owed, paid, era; nothing reserved here: no incident is open in this test). */
const TAIL_V5 = 4 + 2 * 16 + (16 + 16 + 4 + 16) + (16 + 16 + 16 + 4);

/** A version 5 pool's encoding (hex) as version 4 stored it: its window opened at block 0
 * with what the slots hold (nothing here: no payout in this test), no stakes warming up, no
 * withdrawal held. */
function poolAsV4(hex) {
  const bytes = Buffer.from(hex.slice(2), 'hex');
  const window = bytes.subarray(WINDOW_AT + 4, WINDOW_AT + WINDOW_V5);
  assert.ok(window.every((b) => b === 0), 'no payout in the window');
  const tail = bytes.subarray(bytes.length - TAIL_V5);
  assert.ok(tail.every((b) => b === 0), 'nothing warming up, held, paid out or reserved');
  return `0x${Buffer.concat([
    bytes.subarray(0, WINDOW_AT),
    Buffer.alloc(WINDOW_V4),
    bytes.subarray(WINDOW_AT + WINDOW_V5, bytes.length - TAIL_V5),
  ]).toString('hex')}`;
}

/** The pools at block `at`, without what the hooks of every block move. */
async function pools(api, at) {
  const entries = await (await api.at(at)).query.mutualPool.pools.entries();
  const json = entries.map(([k, v]) => [k.toHex(), v.toJSON()]).sort();
  return JSON.stringify(json, (name, value) => (MOVED_BY_HOOKS.has(name) ? undefined : value));
}

describe('runtime upgrade of a running dev chain', { skip: !CHAINS.includes('dev') && 'dev is not in E2E_CHAINS' }, () => {
  let dir;
  let node;
  let api;
  const who = devAccounts();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mutual-pool-upgrade-'));
    node = await startDevNode(join(dir, 'node'));
    api = node.api;
  });

  after(async () => {
    await node?.stop('SIGINT');
    if (dir && !process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  });

  test('sudo(system.setCode) to spec_version + 1 migrates storage 3 -> 5 once, state intact', { timeout: 300_000 }, async () => {
    // Two claims pending on two covers, one cover without a claim.
    const covers = [];
    for (const buyer of [who.charlie, who.dave, who.eve]) {
      const bought = await send(api, api.tx.mutualPool.buyCover(0, 100n * UNIT, 1_000, 100n * UNIT), buyer);
      assert.equal(bought.error, null);
      covers.push(findEvent(bought, 'mutualPool', 'CoverBought').data.coverId.toNumber());
    }
    for (const [i, claimant] of [who.charlie, who.dave].entries()) {
      const filed = await send(api, api.tx.mutualPool.submitClaim(covers[i], 10n * UNIT, 'ipfs://x'), claimant);
      assert.equal(filed.error, null);
    }

    log('two claims pending');
    // The chain as version 3 left it: version 3, claims without their status, pools with the
    // fixed window.
    const best = await api.rpc.chain.getBlockHash();
    assert.equal((await api.rpc.state.getStorage(VERSION_KEY, best)).toHex(), '0x0500');
    const claimsV4 = await rawStorage(api, CLAIMS, best);
    assert.equal(claimsV4.size, 2);
    const items = [[VERSION_KEY, '0x0300']];
    for (const [k, value] of claimsV4) {
      assert.ok(value.endsWith('00'), 'a pending claim ends with its status, 0x00');
      items.push([k, value.slice(0, -2)]);
    }
    const poolsBefore = await pools(api, best);
    const poolsV5 = await rawStorage(api, POOLS, best);
    assert.ok(poolsV5.size > 0);
    for (const [k, value] of poolsV5) items.push([k, poolAsV4(value)]);
    const rolled = await send(api, api.tx.sudo.sudo(api.tx.system.setStorage(items)), who.alice);
    assert.ok(findEvent(rolled, 'sudo', 'Sudid').data.sudoResult.isOk);

    log('storage at version 3');
    // The upgrade.
    const specBefore = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    // As hex: polkadot.js would read raw bytes as already SCALE-encoded.
    const code = u8aToHex(readFileSync(upgradeWasm()));
    const upgraded = await send(api, api.tx.sudo.sudo(api.tx.system.setCode(code)), who.alice);
    // A new connection from here on. polkadot.js 16 reads the metadata at version 16 when it
    // connects (`Metadata_metadata_at_version`), but at version 14 (`state_getMetadata`) when it
    // sees the runtime version change, and the two number their types differently (from
    // version 15 the extrinsic's types come first): the connection that saw the upgrade mixes
    // the two numberings, and the events of the upgrade's block decode as nothing. A connection
    // made after the upgrade reads one metadata throughout (docs/reliability.md).
    await api.disconnect();
    api = await node.connect(1);
    upgraded.events = await (await api.at(upgraded.blockHash)).query.system.events();
    assert.ok(findEvent(upgraded, 'sudo', 'Sudid').data.sudoResult.isOk, 'sudo(setCode) dispatched');
    assert.ok(findEvent(upgraded, 'system', 'CodeUpdated'), 'CodeUpdated');
    const header = await api.rpc.chain.getHeader(upgraded.blockHash);
    const h = header.number.toNumber();
    log(`code set at #${h}`);
    const before = await rawStorage(api, PREFIX, upgraded.blockHash);
    assert.equal(before.get(VERSION_KEY), '0x0300');

    // Blocks go on under the new code; the migration ran in block h + 1, its first.
    await waitForBlock(api, h + 3);
    const h1 = await api.rpc.chain.getBlockHash(h + 1);
    const specOf = async (at) => (await api.rpc.state.getRuntimeVersion(at)).specVersion.toNumber();
    assert.equal(await specOf(header.parentHash), specBefore, 'block h ran the old code');
    assert.equal(await specOf(h1), specBefore + 1);
    const lastUpgrade = (await (await api.at(h1)).query.system.lastRuntimeUpgrade()).unwrap();
    assert.equal(lastUpgrade.specVersion.toNumber(), specBefore + 1);

    const after = await rawStorage(api, PREFIX, h1);
    assert.equal(after.get(VERSION_KEY), '0x0500');
    assert.deepEqual([...after.keys()], [...before.keys()], 'the same keys');
    for (const [k, value] of before) {
      if (k === VERSION_KEY || k.startsWith(POOLS)) continue;
      const expected = k.startsWith(CLAIMS) ? `${value}00` : value;
      assert.equal(after.get(k), expected, `value of ${k}`);
    }
    for (const [k, value] of claimsV4) assert.equal(after.get(k), value, 'each claim as version 4 wrote it');
    assert.equal(await pools(api, h1), poolsBefore, 'each pool as version 5 wrote it');
    const claims = await (await api.at(h1)).query.mutualPool.claims.entries();
    assert.deepEqual(claims.map(([, c]) => c.unwrap().status.toString()), ['Pending', 'Pending']);

    // Exactly once: one log line of each migration, in the block after the upgrade, for the two
    // claims and the pools.
    const lines = readFileSync(node.logPath, 'utf8').split('\n');
    const migrated = lines.filter((l) => MIGRATED.test(l));
    assert.equal(migrated.length, 1, migrated.join('\n'));
    assert.equal(migrated[0].match(MIGRATED)[1], '2');
    const migratedPools = lines.filter((l) => MIGRATED_POOLS.test(l));
    assert.equal(migratedPools.length, 1, migratedPools.join('\n'));
    assert.equal(Number(migratedPools[0].match(MIGRATED_POOLS)[1]), poolsV5.size);

    // Finality goes on past the upgrade.
    for (let tries = 0; ; tries++) {
      const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
      if (finalized.number.toNumber() >= h + 1) break;
      assert.ok(tries < 60, 'the block after the upgrade is finalized');
      await sleep(1_000);
    }

    // The new runtime's upgrade with every check, dry-run on the state of block h (version 3):
    // pre_upgrade, the migration, post_upgrade, the storage versions, the decoding of the whole
    // state and every pallet's try_state. A failed check makes the call fail.
    const dryRun = await api.rpc.state.call('TryRuntime_on_runtime_upgrade', '0x01', upgraded.blockHash);
    const [weight] = api.createType('(SpWeightsWeightV2Weight, SpWeightsWeightV2Weight)', dryRun);
    assert.ok(weight.refTime.toBigInt() > 0n);
  });
});
