// A runtime upgrade of a running dev chain (docs/reliability.md): `sudo(system.setCode)` with
// the solo runtime built again with `spec_version` one above (runtime/build.rs builds it beside
// the node's, with the `try-runtime` feature), on a chain whose MutualPool storage is at
// version 5, the layout before pools had an asset, a smallest cover and a claim deposit rate of
// their own (version 6).
//
// The dev chain starts at version 6 (genesis writes the in-code version), so the test first
// puts three covers and two pending claims in pool 0, then puts the chain back as version 5 of
// the pallet left it, in one block (`sudo(utility.batchAll)` of `system.setStorage` and
// `system.killStorage`): the version key 5; pool 0 with the parameters of version 5 (without its
// asset, smallest cover and claim deposit rate, which were the runtime's for every pool); pool 1
// (in the dev stablecoin, which version 5 could not hold), its product 2 and Ferdie's stake in it
// removed, `NextPoolId` 1 and `NextProductId` 2; and pool 0's account without the provider
// reference the pallet takes on a pool's account from version 6. The old code, which runs until
// the upgrade, cannot decode the version 5 pool and leaves it alone: the state at the upgrade's
// block is checked to be the roll-back's. Then the upgrade, and:
//   - blocks go on under the new runtime (spec_version + 1) and are finalized;
//   - the migration `MigrateV5ToV6` ran exactly once, in the first block of the new code: the
//     version is 6, pool 0 is as it was before the roll-back (its parameters byte for byte; the
//     rest but for what the hooks of every block move: expiry cursors and accrual), its account
//     has one provider reference more than before the upgrade (as many as before the
//     roll-back), the node logged the migration once (`1 pools`), and every other key of
//     MutualPool holds the same value as before the upgrade;
//   - the new runtime's migration passes its `pre_upgrade` and `post_upgrade`, and every
//     pallet's `try_state` holds after it: `TryRuntime_on_runtime_upgrade` run by the node at the
//     block that set the code (new code, state still at version 5) re-runs the upgrade with every
//     check on a copy of that state.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bnToU8a, u8aToBigInt, u8aToHex } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';
import {
  CHAINS, UNIT, devAccounts, findEvent, log, poolAccount, send, sleep, upgradeWasm, waitForBlock,
} from '../lib.mjs';
import { MOVED_BY_HOOKS, palletPrefix, rawStorage, startDevNode } from '../reliability.mjs';

const PREFIX = palletPrefix('MutualPool');
const key = (item) => PREFIX + xxhashAsHex(item, 128).slice(2);
const VERSION_KEY = key(':__STORAGE_VERSION__:');
/** The line the migration logs (pallets/mutual-pool/src/migrations.rs). */
const MIGRATED = /storage version 5 to 6: (\d+) pools are native-asset pools/;
/** A pool's parameters in version 6 start with its asset, one byte (0x00) for the native token,
 * then what version 5 had first: the capacity factor, the unbonding period, the smallest stake;
 * then the two amounts version 6 added: the smallest cover and the claim deposit rate; then what
 * version 5 had last (fee, kink, two slopes, large-claim threshold) and the rest of the pool,
 * the same in both versions. */
const NATIVE = 0x00;
const KEPT_FIRST = 16 + 4 + 16;
const ADDED = 16 + 16;
const PARAMS_V6 = 1 + KEPT_FIRST + ADDED + 5 * 4;
/** What `MigrateV5ToV6` gives every pool (runtime/src/lib.rs): the runtime's `MinCover`, 10 MUT,
 * and `ClaimDepositRate`, 0.001 as a FixedU128 (its inner value, 10^18 to the unit). */
const MIN_COVER = 10n * UNIT;
const CLAIM_DEPOSIT_RATE = 10n ** 15n;

const u128 = (bytes) => u8aToBigInt(bytes, { isLe: true, isNegative: false });
const u32Hex = (n) => u8aToHex(bnToU8a(n, { bitLength: 32 }));

/** A version 6 pool's encoding (hex) as version 5 stored it: a native-asset pool with the
 * runtime's smallest cover and claim deposit rate, which version 5 kept in the runtime, not in
 * the pool. */
function poolAsV5(hex) {
  const bytes = Buffer.from(hex.slice(2), 'hex');
  assert.equal(bytes[0], NATIVE, 'a pool in the native token');
  const added = bytes.subarray(1 + KEPT_FIRST, 1 + KEPT_FIRST + ADDED);
  assert.equal(u128(added.subarray(0, 16)), MIN_COVER, 'the smallest cover is the runtime\'s MinCover');
  assert.equal(u128(added.subarray(16)), CLAIM_DEPOSIT_RATE, 'the claim deposit rate is the runtime\'s');
  return u8aToHex(Buffer.concat([bytes.subarray(1, 1 + KEPT_FIRST), bytes.subarray(1 + KEPT_FIRST + ADDED)]));
}

/** Pool `id` at block `at`, without what the hooks of every block move. */
async function poolWithoutHooks(api, at, id) {
  const pool = (await (await api.at(at)).query.mutualPool.pools(id)).unwrap();
  return JSON.stringify(pool.toJSON(), (name, value) => (MOVED_BY_HOOKS.has(name) ? undefined : value));
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

  test('sudo(system.setCode) to spec_version + 1 migrates storage 5 -> 6 once, state intact', { timeout: 300_000 }, async () => {
    // Something in pool 0 besides Ferdie's stake: three covers, two claims pending.
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

    log('three covers, two claims pending');
    // The chain as version 5 left it.
    const best = await api.rpc.chain.getBlockHash();
    const q = api.query.mutualPool;
    const pool0 = q.pools.key(0);
    const [pool1, product2, stake1] = [q.pools.key(1), q.products.key(2), q.stakers.key(who.ferdie.address, 1)];
    const [nextPoolId, nextProductId] = [q.nextPoolId.key(), q.nextProductId.key()];
    const v6 = await rawStorage(api, PREFIX, best);
    assert.equal(v6.get(VERSION_KEY), '0x0600');
    assert.deepEqual([...v6.keys()].filter((k) => k.startsWith(q.pools.keyPrefix())), [pool0, pool1].sort());
    const stablePool = (await (await api.at(best)).query.mutualPool.pools(1)).unwrap();
    assert.ok(stablePool.params.asset.isWithId, 'pool 1 is not in the native token');
    for (const k of [product2, stake1]) assert.ok(v6.has(k), `pool 1's ${k} in genesis`);
    assert.equal(v6.get(nextPoolId), u32Hex(2));
    assert.equal(v6.get(nextProductId), u32Hex(3));
    const poolBefore = await poolWithoutHooks(api, best, 0);
    const pool0V5 = poolAsV5(v6.get(pool0));
    // Pool 0's account: the pallet's provider reference, taken when it created the pool, out.
    const account = poolAccount(api, 0);
    const accountKey = api.query.system.account.key(account);
    const accountV6 = await (await api.at(best)).query.system.account(account);
    assert.equal(accountV6.toHex(), (await api.rpc.state.getStorage(accountKey, best)).toHex());
    const providers = accountV6.providers.toNumber();
    assert.ok(providers >= 2, `pool 0's account has the pallet's and its balance's providers (${providers})`);
    const accountV5 = api.createType(accountV6.toRawType(), { ...accountV6.toJSON(), providers: providers - 1 });
    assert.equal(accountV5.toHex().length, accountV6.toHex().length);
    const items = [
      [VERSION_KEY, '0x0500'],
      [pool0, pool0V5],
      [nextPoolId, u32Hex(1)],
      [nextProductId, u32Hex(2)],
      [accountKey, accountV5.toHex()],
    ];
    const killed = [pool1, product2, stake1];
    const rolled = await send(api, api.tx.sudo.sudo(api.tx.utility.batchAll([
      api.tx.system.setStorage(items),
      api.tx.system.killStorage(killed),
    ])), who.alice);
    assert.ok(findEvent(rolled, 'sudo', 'Sudid').data.sudoResult.isOk);
    assert.ok(findEvent(rolled, 'utility', 'BatchCompleted'));

    log('storage at version 5');
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

    // What the migration found at h: the roll-back, and nothing else changed since the snapshot
    // it was made from. Pool 0 too: the old code, which ran the blocks up to h, reads a pool with
    // the version 6 layout, cannot decode the version 5 one (the node logs `Corrupted state` for
    // its key) and so leaves it alone, as the hooks of a version 5 runtime would have left it.
    const before = await rawStorage(api, PREFIX, upgraded.blockHash);
    assert.deepEqual([...before.keys()], [...v6.keys()].filter((k) => !killed.includes(k)), 'pool 1 removed');
    const rolledBack = new Map(items);
    for (const [k, value] of before) {
      assert.equal(value, rolledBack.get(k) ?? v6.get(k), `value of ${k} at #${h}`);
    }
    const accountAt = async (at) => (await (await api.at(at)).query.system.account(account)).providers.toNumber();
    assert.equal(await accountAt(upgraded.blockHash), providers - 1);

    // Blocks go on under the new code; the migration ran in block h + 1, its first.
    await waitForBlock(api, h + 3);
    const h1 = await api.rpc.chain.getBlockHash(h + 1);
    const specOf = async (at) => (await api.rpc.state.getRuntimeVersion(at)).specVersion.toNumber();
    assert.equal(await specOf(header.parentHash), specBefore, 'block h ran the old code');
    assert.equal(await specOf(h1), specBefore + 1);
    const lastUpgrade = (await (await api.at(h1)).query.system.lastRuntimeUpgrade()).unwrap();
    assert.equal(lastUpgrade.specVersion.toNumber(), specBefore + 1);

    const after = await rawStorage(api, PREFIX, h1);
    assert.equal(after.get(VERSION_KEY), '0x0600');
    assert.deepEqual([...after.keys()], [...before.keys()], 'the same keys');
    for (const [k, value] of before) {
      if (k === VERSION_KEY || k === pool0) continue;
      assert.equal(after.get(k), value, `value of ${k}`);
    }
    // Pool 0: its parameters byte for byte as version 6 wrote them (native, 10 MUT, 0.001),
    // the rest as before the roll-back but for what the hooks move.
    assert.equal(after.get(pool0).slice(0, 2 + 2 * PARAMS_V6), v6.get(pool0).slice(0, 2 + 2 * PARAMS_V6));
    assert.equal(after.get(pool0).length, v6.get(pool0).length);
    assert.equal(await poolWithoutHooks(api, h1, 0), poolBefore, 'pool 0 as version 6 wrote it');
    assert.equal(await accountAt(h1), providers, 'the pool account\'s provider reference is back');

    // Exactly once: one log line of the migration, in the block after the upgrade, for pool 0.
    const lines = readFileSync(node.logPath, 'utf8').split('\n');
    const migrated = lines.filter((l) => MIGRATED.test(l));
    assert.equal(migrated.length, 1, migrated.join('\n'));
    assert.equal(migrated[0].match(MIGRATED)[1], '1');

    // Finality goes on past the upgrade.
    for (let tries = 0; ; tries++) {
      const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
      if (finalized.number.toNumber() >= h + 1) break;
      assert.ok(tries < 60, 'the block after the upgrade is finalized');
      await sleep(1_000);
    }

    // The new runtime's upgrade with every check, dry-run on the state of block h (version 5):
    // pre_upgrade, the migration, post_upgrade, the storage versions, the decoding of the whole
    // state and every pallet's try_state. A failed check makes the call fail.
    const dryRun = await api.rpc.state.call('TryRuntime_on_runtime_upgrade', '0x01', upgraded.blockHash);
    const [weight] = api.createType('(SpWeightsWeightV2Weight, SpWeightsWeightV2Weight)', dryRun);
    assert.ok(weight.refTime.toBigInt() > 0n);
  });
});
