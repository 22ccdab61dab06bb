// Crash safety of one node (docs/reliability.md): a `--dev` node with a persistent
// `--base-path` is killed with SIGKILL in the middle of a burst of `buy_cover` transactions
// that spans several blocks (300 of them finalized first, the node killed as soon as the next
// block of the burst is imported), then started again with the same arguments. After each restart:
//   - the database opens: the node starts and answers, and holds the last block finalized
//     before the kill with the same hash and state root;
//   - it resumes from its last block: its best block is at least the best block seen before the
//     kill, finality does not go back, and it authors new blocks on top;
//   - MutualPool's storage at that finalized block is what it was before the kill (a digest of
//     every key and value under the pallet's prefix), and every cover of the blocks imported
//     before the kill is there.
// Transactions still in the pool when the node dies are gone, as with any Substrate node: the
// pool is memory only; their senders see them neither included nor finalized.
//
// CI kills once; `scripts/crash.sh` kills $CRASH_KILLS times (and writes docs/data/crash.json).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHAINS, UNIT, devAccounts, log, sleep } from '../lib.mjs';
import { finalized, palletPrefix, startDevNode, storageDigest } from '../reliability.mjs';

const KILLS = Number(process.env.CRASH_KILLS || 1);
/** Transactions per burst: more than three full blocks of `buy_cover` (1,781 fit in one). */
const BURST = Number(process.env.CRASH_BURST || 6_000);
/** The covers of a burst that are finalized before the rest is sent. */
const WARM_UP = 300;
const COVER = 10n * UNIT;
const PERIOD = 1_000;

describe('crash safety of a --base-path dev node', { skip: !CHAINS.includes('dev') && 'dev is not in E2E_CHAINS' }, () => {
  let dir;
  let node;
  const report = { kills: 0, sent: 0, finalizedBeforeKills: [], coversImportedBeforeKills: [] };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mutual-pool-crash-'));
    node = await startDevNode(join(dir, 'node'));
  });

  after(async () => {
    await node?.stop('SIGINT');
    if (process.env.E2E_REPORT) writeFileSync(process.env.E2E_REPORT, `${JSON.stringify(report, null, 1)}\n`);
    rmSync(dir, { recursive: true, force: true });
  });

  test(`SIGKILL during a buy_cover burst, ${KILLS} time(s): nothing finalized is lost`, { timeout: 600_000 * KILLS }, async () => {
    const who = devAccounts();
    const buyers = [who.alice, who.bob, who.charlie, who.dave, who.eve, who.ferdie];
    for (let kill = 1; kill <= KILLS; kill++) {
      const api = node.api;
      const coversBefore = (await api.query.mutualPool.nextCoverId()).toNumber();
      const signed = [];
      for (const [k, buyer] of buyers.entries()) {
        let nonce = (await api.rpc.system.accountNextIndex(buyer.address)).toNumber();
        for (let i = k; i < BURST; i += buyers.length) {
          const tx = api.tx.mutualPool.buyCover(0, COVER, PERIOD, COVER);
          signed.push(await tx.signAsync(buyer, { nonce: nonce++, era: 0 }));
        }
      }
      // Follow the chain: the best head, and MutualPool's digest at each new finalized head.
      let best = 0;
      let last = null;
      let chain = Promise.resolve();
      let followError = null;
      const unsubBest = await api.rpc.chain.subscribeNewHeads((h) => { best = Math.max(best, h.number.toNumber()); });
      const unsubFinal = await api.rpc.chain.subscribeFinalizedHeads((header) => {
        chain = chain.then(async () => {
          const hash = header.hash.toHex();
          const [covers, digest] = await Promise.all([
            api.query.mutualPool.nextCoverId.at(hash),
            storageDigest(api, palletPrefix('MutualPool'), hash),
          ]);
          last = { number: header.number.toNumber(), hash, stateRoot: header.stateRoot.toHex(), covers: covers.toNumber(), digest };
        }).catch((e) => { followError = e; });
      });
      // Submitted without waiting for inclusion: first a few, until they are finalized (so that
      // the finalized state the test compares holds covers of this burst), then the rest.
      const submit = async (txs) => {
        const submitted = await Promise.allSettled(txs.map((tx) => api.rpc.author.submitExtrinsic(tx)));
        const refused = submitted.filter((s) => s.status === 'rejected');
        assert.equal(refused.length, 0, `the pool refused ${refused.length}: ${refused[0]?.reason}`);
        report.sent += txs.length;
      };
      const deadline = Date.now() + 180_000;
      await submit(signed.slice(0, WARM_UP));
      while (!last || last.covers < coversBefore + WARM_UP) {
        if (followError) throw followError;
        if (Date.now() > deadline) throw new Error('the first covers of the burst were not finalized');
        await sleep(100);
      }
      const warm = (await api.query.mutualPool.nextCoverId()).toNumber();
      await submit(signed.slice(WARM_UP));
      // Kill once the next block of the burst is imported, with the rest still to come.
      let atBest = warm;
      while (atBest === warm) {
        if (followError) throw followError;
        if (Date.now() > deadline) throw new Error('no block of the burst was imported');
        await sleep(100);
        atBest = (await api.query.mutualPool.nextCoverId()).toNumber();
      }
      await chain;
      const seen = last;
      const bestSeen = best;
      assert.ok(atBest < coversBefore + BURST, 'the burst is still going when the node is killed');
      unsubBest();
      unsubFinal();
      log(`kill ${kill}: SIGKILL at best #${bestSeen} with ${atBest} covers, finalized #${seen.number} with ${seen.covers}`);
      await node.stop('SIGKILL');
      report.kills += 1;
      report.finalizedBeforeKills.push(seen.number);

      const api2 = await node.restart();
      assert.equal((await api2.rpc.chain.getBlockHash(seen.number)).toHex(), seen.hash, 'the finalized block is kept');
      assert.equal((await api2.rpc.chain.getHeader(seen.hash)).stateRoot.toHex(), seen.stateRoot);
      const fin = await finalized(api2);
      assert.ok(fin.number >= seen.number, `finality went back from #${seen.number} to #${fin.number}`);
      const resumedAt = (await api2.rpc.chain.getHeader()).number.toNumber();
      assert.ok(resumedAt >= bestSeen, `the node resumed at #${resumedAt}, below #${bestSeen}`);
      const digest = await storageDigest(api2, palletPrefix('MutualPool'), seen.hash);
      assert.deepEqual(digest, seen.digest, 'MutualPool storage at the finalized block');
      const until = Date.now() + 60_000;
      while ((await api2.rpc.chain.getHeader()).number.toNumber() < resumedAt + 2) {
        if (Date.now() > until) throw new Error('no new block after the restart');
        await sleep(1_000);
      }
      // Every cover of the blocks imported before the kill, finalized or not (one authority:
      // no fork can drop them).
      const ids = [...Array(atBest).keys()];
      for (let i = 0; i < ids.length; i += 500) {
        const covers = await api2.query.mutualPool.covers.multi(ids.slice(i, i + 500));
        covers.forEach((cover, k) => assert.ok(cover.isSome, `cover ${ids[i + k]} is there`));
      }
      report.coversImportedBeforeKills.push(atBest);
      log(`kill ${kill}: resumed at #${resumedAt}, finalized #${fin.number}, ${atBest} covers found`);
    }
  });
});
