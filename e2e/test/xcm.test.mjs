// End to end over XCM, on the parachain runtime's `para-dev` chain: a user of sibling parachain
// 1000 buys cover here with an XCM `Transact`, paying execution in MUT; Asset Hub (para 1000)
// sends USDT here as a reserve asset, and the same user buys cover on the USDT pool (pool 1,
// product 2) paying execution in USDT. With no relay chain, the message enters the next
// block through the node's `dev_injectHorizontalXcm` RPC (`api.rpc.dev.injectHorizontalXcm`,
// declared in lib.mjs), exactly as a relay chain delivers a
// sibling's XCMP message: in the `set_validation_data` inherent, then `XcmpQueue`, `MessageQueue`
// and the XCM executor. The messages are those of runtime-para/tests/integration/xcm_assets.rs.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHAINS, UNIT, USD, USDT_LOCATION, assetBalance, assetSupply, connect, devAccounts, free, poolAccount,
  send, startNode,
} from '../lib.mjs';

/** The sibling whose users buy cover here: Asset Hub's para id, the reserve of USDT. */
const SIBLING = 1000;
/** Another sibling, which is no reserve of anything here. */
const OTHER_SIBLING = 2001;
/** MUT, this chain's own token, as an XCM location. */
const HERE = { parents: 0, interior: 'Here' };
/** The USDT pool of the para-dev genesis and its product. */
const USDT_POOL = 1;
const USDT_PRODUCT = 2;
/** Ref time of one second, and of one XCM instruction (xcm_config's `UnitWeightCost`: 1 ms). */
const SECOND = 10n ** 12n;
const INSTRUCTION_REF_TIME = 10n ** 9n;
/** Execution paid in USDT costs 1 USDT per second of ref time (xcm_config's `UsdtPerSecond`). */
const USDT_PER_SECOND = USD;

/** `amount` of the asset at `location`, as an XCM asset. */
const xcmAsset = (location, amount) => ({ id: location, fun: { Fungible: amount } });

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
  let treasury;

  const usdt = (account) => assetBalance(api, USDT_LOCATION, account);

  /**
   * A message from Alice (on the sibling chain, or where `refundTo` says): withdraw `fee` (an XCM
   * asset: MUT or USDT) from her account here, pay execution with it and run `call`; the surplus
   * goes back to `refundTo`.
   */
  const transact = (call, fee, refundTo = siblingAlice) => api.createType('XcmVersionedXcm', {
    V5: [
      { DescendOrigin: { X1: [{ AccountId32: { network: null, id: who.alice.publicKey } }] } },
      { WithdrawAsset: [fee] },
      { BuyExecution: { fees: fee, weightLimit: 'Unlimited' } },
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

  /**
   * What Asset Hub's pallet-xcm sends here for a reserve transfer of `amount` USDT to
   * `beneficiary` (a location here), paying execution here with at most `fee` of it: USDT that
   * Asset Hub holds for this chain is minted here, less the execution.
   */
  const reserveDeposit = (amount, fee, beneficiary) => api.createType('XcmVersionedXcm', {
    V5: [
      { ReserveAssetDeposited: [xcmAsset(USDT_LOCATION, amount)] },
      'ClearOrigin',
      { BuyExecution: { fees: xcmAsset(USDT_LOCATION, fee), weightLimit: 'Unlimited' } },
      { DepositAsset: { assets: { Wild: { AllCounted: 1 } }, beneficiary } },
    ],
  });

  /**
   * The weight (ref time) of `message` here and the most its execution costs in USDT, from the
   * runtime's `XcmPaymentApi`, as a sender asks before sending: a unit weight per instruction
   * plus a `Transact`'s call, at 1 USDT a second. Less is charged if `RefundSurplus` returns
   * what the call did not use.
   */
  const usdtPrice = async (message) => {
    const weight = await api.call.xcmPaymentApi.queryXcmWeight(message.toU8a());
    assert.ok(weight.isOk, `query_xcm_weight: ${weight.toString()}`);
    const price = await api.call.xcmPaymentApi.queryWeightToAssetFee(weight.asOk, { V5: USDT_LOCATION });
    assert.ok(price.isOk, `query_weight_to_asset_fee: ${price.toString()}`);
    return { refTime: weight.asOk.refTime.toBigInt(), price: price.asOk.toBigInt() };
  };

  /**
   * The first `messageQueue.Processed` event for a message from `origin` ('Parent', or a
   * sibling's para id) in the blocks after `from`, waiting for it; with the events of its block.
   */
  const processedSince = (from, origin) => eventually(async () => {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    for (let n = from + 1; n <= best; n += 1) {
      const at = await api.at(await api.rpc.chain.getBlockHash(n));
      const events = (await at.query.system.events()).map((r) => r.event);
      const processed = events
        .find((e) => e.section === 'messageQueue' && e.method === 'Processed' &&
          (origin === 'Parent' ? e.data.origin.isParent
            : e.data.origin.isSibling && e.data.origin.asSibling.toNumber() === origin));
      if (processed) return { processed, events };
    }
    return null;
  });

  /**
   * Injects `message` from sibling `sender` (Asset Hub unless told) and resolves to its
   * `MessageQueue.Processed` event and the events of its block, `{ processed, events }`.
   */
  const deliver = async (message, sender = SIBLING) => {
    const from = (await api.rpc.chain.getHeader()).number.toNumber();
    const waiting = await api.rpc.dev.injectHorizontalXcm(sender, message.toHex());
    assert.ok(waiting.toNumber() >= 1);
    return processedSince(from, sender);
  };

  before(async () => {
    const started = await startNode('para-dev');
    node = started.node;
    api = await connect(started.rpcPort);
    derived = (await api.call.locationToAccountApi.convertLocation({ V5: siblingAlice })).asOk.toString();
    treasury = api.consts.mutualPool.treasuryAccount.toString();
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

    const { processed } = await deliver(transact(call, xcmAsset(HERE, UNIT)));

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

    const { processed } = await deliver(transact(transfer, xcmAsset(HERE, UNIT)));

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
    const message = transact(call, xcmAsset(HERE, UNIT), relayAlice);

    const from = (await api.rpc.chain.getHeader()).number.toNumber();
    await api.rpc.dev.injectDownwardXcm(message.toHex());
    const { processed } = await processedSince(from, 'Parent');

    assert.equal(processed.data.success.isTrue, true, processed.toString());
    assert.equal((await api.query.mutualPool.covers(coverId)).unwrap().owner.toString(), account);
  });

  // USDT over XCM. The sibling's Alice has MUT here from `before` (for the tests above); the
  // tests below check that none of it moves: USDT pays for everything.

  test('a USDT reserve deposit from Asset Hub lands in the sibling user\'s account, less the execution paid to the treasury in USDT', async () => {
    const amount = 5_000n * USD;
    const message = reserveDeposit(amount, USD, siblingAlice);
    // Four instructions of 1 ms each, at 1 USDT a second: at most 0.004 USDT.
    const { refTime, price: most } = await usdtPrice(message);
    assert.equal(refTime, 4n * INSTRUCTION_REF_TIME);
    assert.equal(most, (refTime * USDT_PER_SECOND) / SECOND);
    assert.equal(most, 4_000n);
    const before = {
      derived: await usdt(derived), mut: await free(api, derived),
      treasury: await usdt(treasury), supply: await assetSupply(api, USDT_LOCATION),
    };

    const { processed } = await deliver(message);

    assert.equal(processed.data.success.isTrue, true, processed.toString());
    // The execution went to the treasury in USDT, the rest to the account of Alice's location;
    // exactly `amount` was minted (Asset Hub holds as much for this chain).
    const charged = (await usdt(treasury)) - before.treasury;
    assert.ok(charged > 0n && charged <= most, `charged ${charged}, at most ${most}`);
    assert.equal((await usdt(derived)) - before.derived, amount - charged);
    assert.equal((await assetSupply(api, USDT_LOCATION)) - before.supply, amount);
    assert.equal(await free(api, derived), before.mut);
  });

  test('a sibling user buys cover on the USDT pool, paying the premium and the XCM fee in USDT', async () => {
    // With the USDT deposited by the test before.
    const coverId = (await api.query.mutualPool.nextCoverId()).toNumber();
    const amount = 1_000n * USD;
    const call = api.tx.mutualPool.buyCover(USDT_PRODUCT, amount, 1_000, 100n * USD);
    const message = transact(call, xcmAsset(USDT_LOCATION, USD));
    // Six instructions and the call's weight; what the call does not use comes back with
    // `RefundSurplus`.
    const { refTime, price: most } = await usdtPrice(message);
    assert.ok(refTime > 6n * INSTRUCTION_REF_TIME, `ref time ${refTime}`);
    assert.equal(most, (refTime * USDT_PER_SECOND) / SECOND);
    const pool = poolAccount(api, USDT_POOL);
    const before = {
      derived: await usdt(derived), mut: await free(api, derived),
      treasury: await usdt(treasury), pool: await usdt(pool), supply: await assetSupply(api, USDT_LOCATION),
    };
    assert.ok(before.derived >= USD + 100n * USD, `the sibling user holds ${before.derived}`);

    const { processed, events } = await deliver(message);

    assert.equal(processed.data.success.isTrue, true, processed.toString());
    const cover = (await api.query.mutualPool.covers(coverId)).unwrap();
    assert.equal(cover.owner.toString(), derived);
    assert.equal(cover.productId.toNumber(), USDT_PRODUCT);
    assert.equal(cover.amount.toBigInt(), amount);
    const bought = events.find((e) => e.section === 'mutualPool' && e.method === 'CoverBought');
    assert.ok(bought, 'CoverBought in the block of the message');
    assert.equal(bought.data.coverId.toNumber(), coverId);
    const premium = bought.data.premium.toBigInt();
    assert.ok(premium > 0n && premium <= 100n * USD, `premium ${premium}`);
    // The premium went to pool 1's account in USDT, the execution to the treasury in USDT, the
    // surplus of the 1 USDT offered came back; no USDT was made or destroyed, and Alice's MUT
    // here did not move.
    const charged = (await usdt(treasury)) - before.treasury;
    assert.ok(charged > 0n && charged <= most, `charged ${charged}, at most ${most}`);
    assert.equal(before.derived - (await usdt(derived)), premium + charged);
    assert.equal((await usdt(pool)) - before.pool, premium);
    assert.equal(await assetSupply(api, USDT_LOCATION), before.supply);
    assert.equal(await free(api, derived), before.mut);
  });

  test('a USDT deposit claimed by another sibling is refused: nothing is minted nor credited', async () => {
    // Only Asset Hub is USDT's reserve: from para 2001 the deposit fails at its first
    // instruction (`UntrustedReserveLocation`), before anything is bought or credited.
    const before = {
      derived: await usdt(derived), treasury: await usdt(treasury),
      supply: await assetSupply(api, USDT_LOCATION),
    };

    const { processed, events } = await deliver(reserveDeposit(5_000n * USD, USD, siblingAlice), OTHER_SIBLING);

    assert.equal(processed.data.success.isFalse, true, processed.toString());
    const failed = events.find((e) => e.section === 'polkadotXcm' && e.method === 'ProcessXcmError');
    assert.ok(failed, 'polkadotXcm.ProcessXcmError in the block of the message');
    assert.equal(failed.data.error.type, 'UntrustedReserveLocation');
    assert.equal(await assetSupply(api, USDT_LOCATION), before.supply);
    assert.equal(await usdt(derived), before.derived);
    assert.equal(await usdt(treasury), before.treasury);
  });

  test('the injection RPC refuses what is not an XCM message', async () => {
    await assert.rejects(api.rpc.dev.injectHorizontalXcm(SIBLING, '0x1234'), /VersionedXcm/);
  });
});
