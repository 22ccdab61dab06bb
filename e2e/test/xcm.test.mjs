// End to end over XCM, on the parachain runtime's `para-dev` chain: a user of sibling parachain
// 1000 buys cover here with an XCM `Transact`. With no relay chain, the message enters the next
// block through the node's `dev_injectHorizontalXcm` RPC (`api.rpc.dev.injectHorizontalXcm`,
// declared in lib.mjs), exactly as a relay chain delivers a
// sibling's XCMP message: in the `set_validation_data` inherent, then `XcmpQueue`, `MessageQueue`
// and the XCM executor.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHAINS, UNIT, connect, devAccounts, free, send, startNode } from '../lib.mjs';

const SIBLING = 1000;

/** Polls `check` once a second until it returns something truthy or `timeoutMs` passes. */
async function eventually(check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

describe('mutual-pool para-dev chain over XCM', { skip: !CHAINS.includes('para-dev') }, () => {
  let node;
  let api;
  const who = devAccounts();
  // Alice's account on the sibling chain, as a location seen from this chain.
  const siblingAlice = {
    parents: 1,
    interior: { X2: [{ Parachain: SIBLING }, { AccountId32: { network: null, id: who.alice.publicKey } }] },
  };
  let derived;

  /**
   * A message from Alice (on the sibling chain, or where `refundTo` says): pay `fee` MUT planck
   * for execution and run `call`; the surplus goes back to `refundTo`.
   */
  const transact = (call, fee, refundTo = siblingAlice) => {
    const asset = { id: { parents: 0, interior: 'Here' }, fun: { Fungible: fee } };
    return api.createType('XcmVersionedXcm', {
      V5: [
        { DescendOrigin: { X1: [{ AccountId32: { network: null, id: who.alice.publicKey } }] } },
        { WithdrawAsset: [asset] },
        { BuyExecution: { fees: asset, weightLimit: 'Unlimited' } },
        {
          Transact: {
            originKind: 'SovereignAccount',
            fallbackMaxWeight: null,
            call: { encoded: call.method.toHex() },
          },
        },
        'RefundSurplus',
        { DepositAsset: { assets: { Wild: { AllCounted: 1 } }, beneficiary: refundTo } },
      ],
    });
  };

  /**
   * The first `messageQueue.Processed` event for a message from `origin` ('Parent', or a
   * sibling's para id) in the blocks after `from`, waiting for it.
   */
  const processedSince = (from, origin) => eventually(async () => {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    for (let n = from + 1; n <= best; n += 1) {
      const at = await api.at(await api.rpc.chain.getBlockHash(n));
      const processed = (await at.query.system.events())
        .map((r) => r.event)
        .find((e) => e.section === 'messageQueue' && e.method === 'Processed' &&
          (origin === 'Parent' ? e.data.origin.isParent
            : e.data.origin.isSibling && e.data.origin.asSibling.toNumber() === origin));
      if (processed) return processed;
    }
    return null;
  });

  /** Injects `message` from the sibling and resolves to its `MessageQueue.Processed` event. */
  const deliver = async (message) => {
    const from = (await api.rpc.chain.getHeader()).number.toNumber();
    const waiting = await api.rpc.dev.injectHorizontalXcm(SIBLING, message.toHex());
    assert.ok(waiting.toNumber() >= 1);
    return processedSince(from, SIBLING);
  };

  before(async () => {
    const started = await startNode('para-dev');
    node = started.node;
    api = await connect(started.rpcPort);
    derived = (await api.call.locationToAccountApi.convertLocation({ V5: siblingAlice })).asOk.toString();
    // The sibling's Alice gets MUT into her account here (on a live network too: a transfer to
    // it).
    const funded = await send(api, api.tx.balances.transferKeepAlive(derived, 100n * UNIT), who.bob);
    assert.equal(funded.error, null);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) node.kill('SIGINT');
  });

  test('the sibling user has a derived account of its own, funded here', async () => {
    assert.notEqual(derived, who.alice.address);
    assert.equal(await free(api, derived), 100n * UNIT);
  });

  test('a sibling user buys cover with Transact(buy_cover); it is theirs and the surplus fee comes back', async () => {
    const coverId = (await api.query.mutualPool.nextCoverId()).toNumber();
    const before = await free(api, derived);
    const call = api.tx.mutualPool.buyCover(0, 1_000n * UNIT, 1_000, 100n * UNIT);

    const processed = await deliver(transact(call, UNIT));

    assert.equal(processed.data.success.isTrue, true, processed.toString());
    const cover = (await api.query.mutualPool.covers(coverId)).unwrap();
    assert.equal(cover.owner.toString(), derived);
    assert.equal(cover.amount.toBigInt(), 1_000n * UNIT);
    const spent = before - (await free(api, derived));
    // The premium (about 2% a year of 1 000 MUT over 1 000 blocks: far below 1 MUT) and the fee
    // actually used; the rest of the 1 MUT offered for fees came back.
    assert.ok(spent > 0n && spent < UNIT, `spent ${spent}`);
  });

  test('a Transact of a call outside the filter is refused and moves nothing', async () => {
    const before = await free(api, who.bob.address);
    const transfer = api.tx.balances.transferKeepAlive(who.bob.address, 10n * UNIT);

    const processed = await deliver(transact(transfer, UNIT));

    assert.equal(processed.data.success.isFalse, true, processed.toString());
    assert.equal(await free(api, who.bob.address), before);
  });

  test('a relay-chain user buys cover with a downward message (dev_injectDownwardXcm)', async () => {
    const relayAlice = { parents: 1, interior: { X1: [{ AccountId32: { network: null, id: who.alice.publicKey } }] } };
    const account = (await api.call.locationToAccountApi.convertLocation({ V5: relayAlice })).asOk.toString();
    assert.notEqual(account, derived);
    const funded = await send(api, api.tx.balances.transferKeepAlive(account, 100n * UNIT), who.bob);
    assert.equal(funded.error, null);
    const coverId = (await api.query.mutualPool.nextCoverId()).toNumber();
    const call = api.tx.mutualPool.buyCover(0, 1_000n * UNIT, 1_000, 100n * UNIT);
    const message = transact(call, UNIT, relayAlice);

    const from = (await api.rpc.chain.getHeader()).number.toNumber();
    await api.rpc.dev.injectDownwardXcm(message.toHex());
    const processed = await processedSince(from, 'Parent');

    assert.equal(processed.data.success.isTrue, true, processed.toString());
    assert.equal((await api.query.mutualPool.covers(coverId)).unwrap().owner.toString(), account);
  });

  test('the injection RPC refuses what is not an XCM message', async () => {
    await assert.rejects(api.rpc.dev.injectHorizontalXcm(SIBLING, '0x1234'), /VersionedXcm/);
  });
});
