// A three-validator `--chain local` network on loopback (docs/reliability.md): Alice, Bob and
// Charlie, Aura and GRANDPA, each with its own base path and node key. Run by scripts/network.sh
// (not by CI: about six minutes of 6 s slots beside a CI already near its budget).
//   1. The three peer and finalize the same blocks (the same hash and state root).
//   2. Stake, cover, claim and a council approval go through different nodes, and every node
//      finalizes the same state.
//   3. Under load, one validator is SIGKILLed and restarted: blocks go on (two of three Aura
//      slots), finality waits for it (three GRANDPA voters need all three), it catches up to the
//      same finalized head, and every cover and claim sent before the kill is there.
//   4. Two of three are stopped: the survivor has no peer, so it neither authors (Aura skips a
//      slot without peers) nor finalizes; they return, finality resumes, and the cover sent
//      during the outage is included. Nothing is lost.
// NETWORK_MODE=full: more load, three kill cycles on validators picked by NETWORK_SEED, longer
// outages. $E2E_REPORT receives the figures (JSON).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UNIT, devAccounts, findEvent, log, send, sleep } from '../lib.mjs';
import { VALIDATORS, finalized, sameFinalized, startNetwork } from '../reliability.mjs';

const MODE = process.env.NETWORK_MODE || 'short';
const PLAN = {
  short: { covers: 24, claimEvery: 6, cycles: 1, outageMs: 30_000 },
  full: { covers: 300, claimEvery: 10, cycles: 3, outageMs: 120_000 },
}[MODE];
let seed = Number(process.env.NETWORK_SEED || 11);
/** mulberry32: a small deterministic generator, so that a run can be repeated. */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const POOL = 0;
const PRODUCT = 0;
const COVER = 10n * UNIT;
const PERIOD = 1_000;

/** `send` with the signer's next nonce as `api`'s node sees it. */
async function sendNext(api, tx, signer) {
  const nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  return send(api, tx, signer, { nonce });
}

describe(`three-validator local network (${MODE})`, { timeout: 3_600_000 }, () => {
  let dir;
  let nodes;
  const who = devAccounts();
  const apis = () => VALIDATORS.map((v) => nodes[v].api);
  const covers = new Map(); // coverId -> { owner, amount }
  const claims = new Map(); // claimId -> { coverId, amount }
  const report = { mode: MODE, nodes: 3, kills: 0, stops: 0, sent: 0, found: 0, outages: [] };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mutual-pool-network-'));
    log(`network under ${dir}`);
    nodes = await startNetwork(dir);
  });

  after(async () => {
    for (const v of VALIDATORS) await nodes?.[v]?.stop('SIGINT');
    if (process.env.E2E_REPORT) writeFileSync(process.env.E2E_REPORT, `${JSON.stringify(report, null, 1)}\n`);
    if (process.env.KEEP_NETWORK_DIR) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });

  /** Every recorded cover and claim is in the state that every node has finalized. */
  async function everythingIsThere(minimum) {
    const common = await sameFinalized(apis(), minimum);
    for (const api of apis()) {
      const at = await api.at(common.hash);
      for (const [id, c] of covers) {
        const cover = await at.query.mutualPool.covers(id);
        assert.ok(cover.isSome, `cover ${id} at #${common.number}`);
        assert.equal(cover.unwrap().owner.toString(), c.owner);
        assert.equal(cover.unwrap().amount.toBigInt(), c.amount);
      }
      for (const [id, c] of claims) {
        // The load's claims stay pending: each is there, on its cover, for its amount.
        const claim = await at.query.mutualPool.claims(id);
        assert.ok(claim.isSome, `claim ${id} at #${common.number}`);
        assert.equal(claim.unwrap().amount.toBigInt(), c.amount);
        assert.equal(claim.unwrap().coverId.toNumber(), c.coverId);
      }
    }
    report.found = covers.size + claims.size;
    report.covers = covers.size;
    report.claims = claims.size;
    return common;
  }

  test('the three validators peer and finalize the same blocks', async () => {
    for (const api of apis()) {
      const deadline = Date.now() + 60_000;
      while ((await api.rpc.system.health()).peers.toNumber() < 2) {
        if (Date.now() > deadline) throw new Error('a validator has fewer than two peers');
        await sleep(1_000);
      }
    }
    const common = await sameFinalized(apis(), 3);
    log(`all three finalized #${common.number} ${common.hash}`);
  });

  test('stake, cover, claim and a council approval through different nodes', async () => {
    const [a, b, c] = apis();
    const staked = await sendNext(b, b.tx.mutualPool.stake(POOL, 1_000n * UNIT, 0), who.bob);
    assert.equal(staked.error, null);
    const bought = await sendNext(a, a.tx.mutualPool.buyCover(PRODUCT, 1_000n * UNIT, PERIOD, 100n * UNIT), who.charlie);
    assert.equal(bought.error, null);
    const coverId = findEvent(bought, 'mutualPool', 'CoverBought').data.coverId.toNumber();
    covers.set(coverId, { owner: who.charlie.address, amount: 1_000n * UNIT });
    const filed = await sendNext(c, c.tx.mutualPool.submitClaim(coverId, 100n * UNIT, 'ipfs://net'), who.charlie);
    assert.equal(filed.error, null);
    const claimId = findEvent(filed, 'mutualPool', 'ClaimSubmitted').data.claimId.toNumber();
    report.sent += 3;

    // The motion is proposed on Alice's node, voted on Bob's and closed on Charlie's.
    const call = a.tx.mutualPool.approveClaim(claimId, 100n * UNIT);
    const proposed = await sendNext(a, a.tx.council.propose(3, call, call.encodedLength), who.alice);
    const [, index, hash] = findEvent(proposed, 'council', 'Proposed').data;
    const voted = (await b.query.council.voting(hash)).unwrap().ayes.map((x) => x.toString());
    for (const voter of [who.alice, who.bob, who.dave].filter((v) => !voted.includes(v.address))) {
      const r = await sendNext(b, b.tx.council.vote(hash, index, true), voter);
      assert.equal(r.error, null);
    }
    const weightBound = { refTime: 10_000_000_000n, proofSize: 1_000_000n };
    const closed = await sendNext(c, c.tx.council.close(hash, index, weightBound, call.encodedLength), who.eve);
    assert.ok(findEvent(closed, 'mutualPool', 'ClaimApproved'), 'the claim is approved');
    const closedAt = (await c.rpc.chain.getHeader(closed.blockHash)).number.toNumber();
    const common = await everythingIsThere(closedAt);
    const paid = await (await a.at(common.hash)).query.mutualPool.claims(claimId);
    assert.ok(paid.isNone, 'the approved claim is settled on every node');
    log(`approved claim ${claimId} finalized at #${common.number} on all three`);
  });

  /**
   * Sends `count` covers from Dave, Eve and Ferdie through Alice's and Bob's nodes in turn (the
   * victim's node takes none), a claim on every `claimEvery`th, and calls `midway()` once half
   * of the covers are in blocks.
   */
  async function load(count, midway, targets) {
    const senders = [who.dave, who.eve, who.ferdie];
    const nonces = new Map();
    for (const s of senders) nonces.set(s.address, (await targets[0].api.rpc.system.accountNextIndex(s.address)).toNumber());
    let included = 0;
    let fired;
    const fresh = [];
    const pending = [];
    for (let i = 0; i < count; i++) {
      const signer = senders[i % senders.length];
      const api = targets[i % targets.length].api;
      const nonce = nonces.get(signer.address);
      nonces.set(signer.address, nonce + 1);
      report.sent += 1;
      pending.push(send(api, api.tx.mutualPool.buyCover(PRODUCT, COVER, PERIOD, COVER), signer, { nonce })
        .then(async (r) => {
          assert.equal(r.error, null, `cover ${i}: ${r.error}`);
          const id = findEvent(r, 'mutualPool', 'CoverBought').data.coverId.toNumber();
          covers.set(id, { owner: signer.address, amount: COVER });
          fresh.push(id);
          included += 1;
          if (!fired && included >= count / 2) fired = midway();
        }));
      await sleep(250);
    }
    await Promise.all(pending);
    await fired;
    for (const id of fresh.sort((x, y) => x - y).filter((_, k) => k % PLAN.claimEvery === 0)) {
      const owner = senders.find((s) => s.address === covers.get(id).owner);
      const api = targets[0].api;
      const r = await sendNext(api, api.tx.mutualPool.submitClaim(id, COVER / 2n, 'ipfs://load'), owner);
      assert.equal(r.error, null);
      claims.set(findEvent(r, 'mutualPool', 'ClaimSubmitted').data.claimId.toNumber(), { coverId: id, amount: COVER / 2n });
      report.sent += 1;
    }
  }

  test('a validator killed with SIGKILL under load restarts and catches up; nothing is lost', async () => {
    for (let cycle = 1; cycle <= PLAN.cycles; cycle++) {
      const victim = MODE === 'short' ? 'charlie' : VALIDATORS[Math.floor(random() * 3)];
      const others = VALIDATORS.filter((v) => v !== victim);
      const witness = nodes[others[0]].api;
      let atKill;
      await load(PLAN.covers, async () => {
        atKill = await finalized(witness);
        log(`cycle ${cycle}: SIGKILL ${victim} at finalized #${atKill.number}`);
        await nodes[victim].stop('SIGKILL');
        report.kills += 1;
      }, others.map((v) => nodes[v]));
      // While it is down: blocks go on, finality (all three voters needed) does not.
      const best0 = (await witness.rpc.chain.getHeader()).number.toNumber();
      await sleep(PLAN.outageMs);
      const best1 = (await witness.rpc.chain.getHeader()).number.toNumber();
      const fin1 = await finalized(witness);
      assert.ok(best1 >= best0 + 2, `blocks went on without ${victim}: #${best0} -> #${best1}`);
      // GRANDPA may finish the round it was in when the victim died.
      assert.ok(fin1.number <= atKill.number + 2, `finality went on without ${victim}: #${atKill.number} -> #${fin1.number}`);
      await nodes[victim].restart();
      const common = await everythingIsThere(best1);
      report.outages.push({
        down: victim, seconds: PLAN.outageMs / 1000, finalizedAtKill: atKill.number, finalizedWhileDown: fin1.number,
        bestWhileDown: [best0, best1], finalizedAfterReturn: common.number,
      });
      log(`cycle ${cycle}: ${victim} caught up; all three finalized #${common.number} (best #${best1} before its return)`);
    }
  });

  test('two of three stopped: finality and authoring halt, and resume when they return', async () => {
    const [survivor, ...stopped] = MODE === 'short'
      ? ['alice', 'bob', 'charlie']
      : [...VALIDATORS].sort(() => random() - 0.5);
    const api = nodes[survivor].api;
    for (const v of stopped) await nodes[v].stop('SIGTERM');
    report.stops += stopped.length;
    await sleep(6_000); // a block already being authored may still land
    const fin0 = await finalized(api);
    const best0 = (await api.rpc.chain.getHeader()).number.toNumber();
    // A cover sent during the outage waits in the survivor's pool.
    const during = sendNext(api, api.tx.mutualPool.buyCover(PRODUCT, COVER, PERIOD, COVER), who.dave);
    report.sent += 1;
    await sleep(PLAN.outageMs);
    const fin1 = await finalized(api);
    const best1 = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.equal(fin1.number, fin0.number, 'no finality with one voter of three');
    assert.equal(best1, best0, `${survivor} authored without peers: #${best0} -> #${best1}`);
    for (const v of stopped) await nodes[v].restart();
    const r = await during;
    assert.equal(r.error, null);
    covers.set(findEvent(r, 'mutualPool', 'CoverBought').data.coverId.toNumber(), { owner: who.dave.address, amount: COVER });
    const common = await everythingIsThere(best0 + 3);
    report.outages.push({
      down: stopped, seconds: PLAN.outageMs / 1000, finalizedWhileDown: [fin0.number, fin1.number],
      bestWhileDown: [best0, best1], finalizedAfterReturn: common.number,
    });
    log(`${stopped.join(' and ')} returned; all three finalized #${common.number}; ${covers.size} covers and ${claims.size} claims found on each`);
  });
});
