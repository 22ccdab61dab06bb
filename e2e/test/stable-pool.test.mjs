// The stablecoin pool's life cycle on a fresh `mutual-pool-node --dev` (issue 24): pool 1 of the
// dev genesis is denominated in the dev stablecoin, asset 1984 of pallet `assets` ("USDT", 6
// decimals, sufficient), with product 2 on it and Ferdie's 1 000 000 USDT staked. Stakes,
// premiums, fees, payouts and withdrawals move USDT; claim deposits are held in MUT, at the
// pool's own rate, and a rejected claim's deposit goes to the treasury, not into the pool. The
// steps share one chain and run in order. The parachain's dev chain has the same pool in USDT
// from Asset Hub; e2e/test/xcm.test.mjs brings it there and buys cover over XCM.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHAINS, UNIT, assetBalance, assetKind, connect, councilMotion, devAccounts, findEvent, free,
  poolAccount, poolStatus, send, startNode, waitForBlock,
} from '../lib.mjs';

const CHAIN = 'dev';
/** The dev stablecoin's id, its unit (6 decimals) and its minimum balance (0.01). */
const USDT = 1984;
const USD = 1_000_000n;
const MIN_BALANCE = USD / 100n;
/** What each of Alice..Ferdie holds of it at genesis, and what Ferdie stakes into pool 1. */
const ENDOWMENT = 10_000_000n * USD;
const FERDIE_STAKE = 1_000_000n * USD;
const POOL = 1;
const PRODUCT = 2;
/** FixedU128's one. */
const ONE = 10n ** 18n;

describe('the stablecoin pool on the dev chain', { skip: !CHAINS.includes(CHAIN) && `${CHAIN} is not in E2E_CHAINS` }, () => {
  let node;
  let api;
  const who = devAccounts();
  // State carried between the steps.
  const state = {};
  let pool;
  let treasury;

  const usdt = (account) => assetBalance(api, USDT, account);
  const mut = (account) => free(api, account);
  const reserved = async (account) => (await api.query.system.account(account)).data.reserved.toBigInt();
  /** The fee a transaction's signer paid, in MUT. */
  const feeOf = (result) => findEvent(result, 'transactionPayment', 'TransactionFeePaid').data.actualFee.toBigInt();
  const params = async () => (await api.query.mutualPool.pools(POOL)).unwrap().params;
  const blockOf = async (result) => (await api.rpc.chain.getHeader(result.blockHash)).number.toNumber();

  /**
   * The pool account holds exactly its books, read at one block: capital, unearned premiums,
   * owed fees and held withdrawals, plus the asset's minimum balance that the first stake put
   * there (`account_floor`).
   */
  async function assertBooks() {
    const at = await api.at(await api.rpc.chain.getBlockHash());
    const stored = (await at.query.mutualPool.pools(POOL)).unwrap();
    const held = (await at.query.assets.account(USDT, pool)).unwrap().balance.toBigInt();
    const books = stored.capital.toBigInt() + stored.earnings.unearned.toBigInt()
      + stored.feesOwed.toBigInt() + stored.holding.value.toBigInt() + MIN_BALANCE;
    assert.equal(held, books, 'the pool account holds its books');
  }

  before(async () => {
    const started = await startNode(CHAIN);
    node = started.node;
    api = await connect(started.rpcPort);
    pool = poolAccount(api, POOL);
    treasury = api.consts.mutualPool.treasuryAccount.toString();
    const header = await api.rpc.chain.getHeader();
    state.start = { number: header.number.toNumber(), hash: header.hash.toHex() };
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) node.kill('SIGINT');
  });

  test('the dev genesis has the stablecoin, pool 1 in it with Ferdie\'s stake, and product 2 on it', async () => {
    const asset = (await api.query.assets.asset(USDT)).unwrap();
    assert.equal(asset.supply.toBigInt(), 6n * ENDOWMENT);
    assert.equal(asset.minBalance.toBigInt(), MIN_BALANCE);
    assert.ok(asset.isSufficient.isTrue, 'sufficient');
    assert.equal(asset.owner.toString(), treasury);
    // Alice..Ferdie and pool 1's account.
    assert.equal(asset.accounts.toNumber(), 7);
    const metadata = await api.query.assets.metadata(USDT);
    assert.equal(metadata.name.toUtf8(), 'Tether USD (dev)');
    assert.equal(metadata.symbol.toUtf8(), 'USDT');
    assert.equal(metadata.decimals.toNumber(), 6);

    // Pool 1: pool 0's curve and terms, in USDT units: min stake 1, min cover 10, and claim
    // deposits of 1 000 MUT units per USDT unit claimed (0.1% of the claim at a MUT worth a
    // dollar).
    const stable = await params();
    assert.deepEqual(assetKind(stable.asset), { WithId: USDT });
    assert.equal(stable.minStake.toBigInt(), USD);
    assert.equal(stable.minCover.toBigInt(), 10n * USD);
    assert.equal(stable.claimDepositRate.toBigInt(), 1_000n * ONE);
    const native = (await api.query.mutualPool.pools(0)).unwrap().params;
    assert.equal(assetKind(native.asset), 'Native');
    const terms = ({ asset, minStake, minCover, claimDepositRate, ...rest }) => rest;
    assert.deepEqual(terms(stable.toJSON()), terms(native.toJSON()));
    assert.equal((await api.query.mutualPool.nextPoolId()).toNumber(), 2);
    assert.equal((await api.query.mutualPool.nextProductId()).toNumber(), 3);

    const product = (await api.query.mutualPool.products(PRODUCT)).unwrap();
    assert.equal(product.poolId.toNumber(), POOL);
    assert.equal(product.params.metadata.toUtf8(), 'Stablecoin lending exploit');
    assert.equal(product.params.baseRate.toNumber(), 20_000_000); // Perbill: 2%
    assert.equal(product.params.maxCapacityShare.toNumber(), 500_000_000); // 50%

    // Ferdie's stake, at one share per unit; his first stake also put the asset's minimum
    // balance into the pool account.
    const status = await poolStatus(api, POOL);
    assert.deepEqual(status.asset, { WithId: USDT });
    assert.equal(status.capital, FERDIE_STAKE);
    assert.equal(status.totalShares, FERDIE_STAKE);
    assert.equal(status.activeCover, 0n);
    assert.equal(status.capacity, 2n * FERDIE_STAKE);
    const ferdie = (await api.call.mutualPoolApi.position(POOL, who.ferdie.address)).unwrap();
    assert.deepEqual(assetKind(ferdie.asset), { WithId: USDT });
    assert.equal(ferdie.value.toBigInt(), FERDIE_STAKE);
    assert.equal(await usdt(who.ferdie.address), ENDOWMENT - FERDIE_STAKE - MIN_BALANCE);
    assert.equal(await usdt(pool), FERDIE_STAKE + MIN_BALANCE);
    for (const name of ['alice', 'bob', 'charlie', 'dave', 'eve']) {
      assert.equal(await usdt(who[name].address), ENDOWMENT, name);
    }
    // The treasury holds no USDT yet, and pool 1's account no MUT.
    assert.equal(await usdt(treasury), 0n);
    assert.equal(await mut(pool), 0n);
    await assertBooks();
  });

  test('1. Bob stakes USDT into pool 1: his USDT drops by the stake, his MUT by the fee only', async () => {
    const amount = 10_000n * USD;
    const before = {
      usdt: await usdt(who.bob.address), mut: await mut(who.bob.address),
      pool: await usdt(pool), status: await poolStatus(api, POOL),
    };
    const result = await send(api, api.tx.mutualPool.stake(POOL, amount, amount), who.bob);
    assert.equal(result.error, null);
    const staked = findEvent(result, 'mutualPool', 'Staked').data;
    assert.equal(staked.poolId.toNumber(), POOL);
    assert.equal(staked.amount.toBigInt(), amount);
    // No cover sold yet, so nothing earned: one share per unit.
    assert.equal(staked.shares.toBigInt(), amount);

    assert.equal(before.usdt - (await usdt(who.bob.address)), amount);
    assert.equal(before.mut - (await mut(who.bob.address)), feeOf(result));
    assert.equal((await usdt(pool)) - before.pool, amount);
    const status = await poolStatus(api, POOL);
    assert.equal(status.capital - before.status.capital, amount);
    assert.equal(status.totalShares - before.status.totalShares, amount);
    assert.equal(status.capacity - before.status.capacity, 2n * amount);
    // The stake warms up (StakeWarmup) before it sells cover.
    assert.equal(status.bondedCapacity, before.status.bondedCapacity);
    const position = (await api.call.mutualPoolApi.position(POOL, who.bob.address)).unwrap();
    assert.deepEqual(assetKind(position.asset), { WithId: USDT });
    assert.equal(position.shares.toBigInt(), amount);
    assert.equal(position.value.toBigInt(), amount);
    state.bobUsdt = before.usdt;
    state.stake = amount;
    await assertBooks();
  });

  test('2. Charlie quotes and buys cover on product 2, paying the premium in USDT; pay_fees sends the fee to the treasury in USDT', async () => {
    const amount = 10_000n * USD;
    const period = 100_000;
    const quoted = await api.call.mutualPoolApi.quote(PRODUCT, amount, period);
    assert.ok(quoted.isOk, `quote failed: ${quoted.toString()}`);
    const premium = quoted.asOk.toBigInt();
    assert.ok(premium > 0n);
    const before = {
      usdt: await usdt(who.charlie.address), mut: await mut(who.charlie.address),
      pool: await usdt(pool), status: await poolStatus(api, POOL),
    };
    const result = await send(api, api.tx.mutualPool.buyCover(PRODUCT, amount, period, premium), who.charlie);
    assert.equal(result.error, null);
    const bought = findEvent(result, 'mutualPool', 'CoverBought').data;
    assert.equal(bought.premium.toBigInt(), premium);
    assert.equal(bought.amount.toBigInt(), amount);
    state.coverId = bought.coverId.toNumber();

    assert.equal(before.usdt - (await usdt(who.charlie.address)), premium);
    assert.equal(before.mut - (await mut(who.charlie.address)), feeOf(result));
    assert.equal((await usdt(pool)) - before.pool, premium);
    const stored = (await api.query.mutualPool.pools(POOL)).unwrap();
    const fee = (premium * stored.params.fee.toBigInt()) / 1_000_000_000n; // Perbill, rounded down
    assert.equal(stored.feesOwed.toBigInt(), fee);
    const status = await poolStatus(api, POOL);
    assert.equal(status.activeCover, amount);
    assert.equal(status.unearnedPremiums + (status.capital - before.status.capital), premium - fee);
    // The treasury holds no USDT yet: a first transfer to it must be at least the asset's
    // minimum balance (a smaller fee stays owed until enough is).
    assert.ok(fee >= MIN_BALANCE, `fee ${fee}`);

    const treasuryBefore = { usdt: await usdt(treasury), mut: await mut(treasury) };
    const poolBefore = await usdt(pool);
    const paid = await send(api, api.tx.mutualPool.payFees(POOL), who.dave);
    assert.equal(paid.error, null);
    assert.equal(findEvent(paid, 'mutualPool', 'FeesPaid').data.amount.toBigInt(), fee);
    assert.equal(treasuryBefore.usdt, 0n);
    assert.equal(await usdt(treasury), fee);
    assert.equal(await mut(treasury), treasuryBefore.mut);
    assert.equal(poolBefore - (await usdt(pool)), fee);
    assert.equal((await api.query.mutualPool.pools(POOL)).unwrap().feesOwed.toBigInt(), 0n);
    state.fee = fee;
    await assertBooks();
  });

  test('3. Charlie claims, holding a MUT deposit at the pool\'s rate; the council approves with 3 of 5 ayes; Charlie is paid in USDT and gets his deposit back', async () => {
    const claimed = 2_000n * USD;
    const before = {
      usdt: await usdt(who.charlie.address), mut: await mut(who.charlie.address),
      reserved: await reserved(who.charlie.address),
    };
    const submitted = await send(
      api, api.tx.mutualPool.submitClaim(state.coverId, claimed, 'ipfs://lending-exploit'), who.charlie,
    );
    assert.equal(submitted.error, null);
    const event = findEvent(submitted, 'mutualPool', 'ClaimSubmitted').data;
    const claimId = event.claimId.toNumber();
    assert.equal(event.amount.toBigInt(), claimed);
    // ClaimDeposit + the pool's rate times the amount (rounded up), at most MaxClaimDeposit:
    // 10 MUT + 1 000 units per USDT unit of 2 000 USDT = 12 MUT.
    const rate = (await params()).claimDepositRate.toBigInt();
    assert.equal(rate, 1_000n * ONE);
    const base = api.consts.mutualPool.claimDeposit.toBigInt();
    const cap = api.consts.mutualPool.maxClaimDeposit.toBigInt();
    const expected = base + (claimed * rate + ONE - 1n) / ONE;
    const deposit = event.deposit.toBigInt();
    assert.equal(deposit, expected < cap ? expected : cap);
    assert.equal(deposit, 12n * UNIT);
    // Held in MUT; no USDT moved.
    assert.equal((await reserved(who.charlie.address)) - before.reserved, deposit);
    assert.equal(before.mut - (await mut(who.charlie.address)), deposit + feeOf(submitted));
    assert.equal(await usdt(who.charlie.address), before.usdt);
    assert.equal((await poolStatus(api, POOL)).pendingClaims, claimed);
    // On the pool's agenda, whose asset says what its amounts are in.
    const agenda = (await api.call.mutualPoolApi.agenda(POOL)).unwrap();
    assert.deepEqual(assetKind(agenda.asset), { WithId: USDT });
    const listed = agenda.claims.find((c) => c.claimId.toNumber() === claimId);
    assert.ok(listed, 'the claim is on the agenda');
    assert.equal(listed.amount.toBigInt(), claimed);
    assert.equal(listed.deposit.toBigInt(), deposit);

    const charlie = { mut: await mut(who.charlie.address), usdt: await usdt(who.charlie.address) };
    const poolBefore = await usdt(pool);
    const status = await poolStatus(api, POOL);
    const closed = await councilMotion(
      api, api.tx.mutualPool.approveClaim(claimId, claimed), 3, who.alice, [who.bob, who.dave], who.eve,
    );
    assert.equal(closed.error, null);
    const executed = findEvent(closed, 'council', 'Executed');
    assert.ok(executed.data.result.isOk, `approve_claim failed: ${executed.data.result.toString()}`);
    assert.equal(findEvent(closed, 'mutualPool', 'ClaimApproved').data.payout.toBigInt(), claimed);

    // Paid in USDT from the pool account; the MUT deposit released (Eve paid the close).
    assert.equal((await usdt(who.charlie.address)) - charlie.usdt, claimed);
    assert.equal((await mut(who.charlie.address)) - charlie.mut, deposit);
    assert.equal(await reserved(who.charlie.address), before.reserved);
    assert.equal(poolBefore - (await usdt(pool)), claimed);
    const after = await poolStatus(api, POOL);
    // The payout left the capital; the premium earned over the blocks of the vote joined it
    // (Charlie's premium earns well under 1 USDT a block).
    const fell = status.capital - after.capital;
    assert.ok(fell <= claimed && fell > claimed - USD, `capital fell by ${fell}`);
    assert.equal(after.totalShares, status.totalShares);
    assert.equal(after.pendingClaims, 0n);
    state.payout = claimed;
    state.totalShares = status.totalShares;
    await assertBooks();
  });

  test('4. Bob asks to leave with all his shares; no withdrawal before the unbonding period', async () => {
    const position = (await api.call.mutualPoolApi.position(POOL, who.bob.address)).unwrap();
    const shares = position.shares.toBigInt();
    assert.equal(shares, state.stake);
    const requested = await send(api, api.tx.mutualPool.requestUnstake(POOL, shares), who.bob);
    assert.equal(requested.error, null);
    const event = findEvent(requested, 'mutualPool', 'UnstakeRequested').data;
    assert.equal(event.shares.toBigInt(), shares);
    const unbonding = (await params()).unbondingPeriod.toNumber();
    assert.equal(unbonding, 20);
    assert.equal(event.unlockAt.toNumber(), (await blockOf(requested)) + unbonding);
    const after = (await api.call.mutualPoolApi.position(POOL, who.bob.address)).unwrap();
    assert.equal(after.shares.toBigInt(), 0n);
    // The first unbonding shares of the pool: one per unit of the bonded shares' value, which
    // step 3's payout made less than the stake.
    assert.equal(after.unbondingShares.toBigInt(), after.unbondingValue.toBigInt());
    assert.ok(after.unbondingValue.toBigInt() < state.stake);
    assert.equal(after.unlockAt.unwrap().toNumber(), event.unlockAt.toNumber());
    assert.equal(after.value.toBigInt(), after.unbondingValue.toBigInt());
    state.unbondingShares = after.unbondingShares.toBigInt();
    state.unbondingValue = after.unbondingValue.toBigInt();
    state.unlockAt = event.unlockAt.toNumber();

    const early = await send(api, api.tx.mutualPool.withdraw(POOL, 0), who.bob);
    assert.equal(early.error, 'mutualPool.StillUnbonding');
    assert.ok((await blockOf(early)) < state.unlockAt);
  });

  test('5. A second claim is rejected by council motion; closed after its appeal window, its MUT deposit goes to the treasury, not into pool 1', async () => {
    const claimed = 1_000n * USD;
    const submitted = await send(
      api, api.tx.mutualPool.submitClaim(state.coverId, claimed, 'not an exploit'), who.charlie,
    );
    assert.equal(submitted.error, null);
    const event = findEvent(submitted, 'mutualPool', 'ClaimSubmitted').data;
    const claimId = event.claimId.toNumber();
    const deposit = event.deposit.toBigInt();
    // 10 MUT + 1 000 units per USDT unit of 1 000 USDT.
    assert.equal(deposit, 11n * UNIT);

    const closed = await councilMotion(
      api, api.tx.mutualPool.rejectClaim(claimId), 3, who.alice, [who.bob, who.dave], who.eve,
    );
    assert.equal(closed.error, null);
    assert.ok(findEvent(closed, 'council', 'Executed').data.result.isOk);
    const rejected = findEvent(closed, 'mutualPool', 'ClaimRejected').data;
    const appealUntil = rejected.appealUntil.toNumber();
    assert.equal(appealUntil, (await blockOf(closed)) + api.consts.mutualPool.appealPeriod.toNumber());
    // Until the window closes the claim stays reserved and the deposit held.
    assert.equal((await poolStatus(api, POOL)).pendingClaims, claimed);

    // Charlie does not appeal. After the window anyone closes the claim (free of fees).
    await waitForBlock(api, appealUntil);
    const before = {
      treasury: await mut(treasury), treasuryUsdt: await usdt(treasury),
      charlie: await mut(who.charlie.address), reserved: await reserved(who.charlie.address),
      pool: await usdt(pool), poolMut: await mut(pool), status: await poolStatus(api, POOL),
    };
    const final = await send(api, api.tx.mutualPool.closeClaim(claimId), who.ferdie);
    assert.equal(final.error, null);
    const closedEvent = findEvent(final, 'mutualPool', 'ClaimClosed').data;
    assert.equal(closedEvent.slashed.toBigInt(), deposit);
    assert.ok((await api.query.mutualPool.claims(claimId)).isNone);

    // The deposit moved from Charlie's hold to the treasury's MUT...
    assert.equal((await mut(treasury)) - before.treasury, deposit);
    assert.equal(before.reserved - (await reserved(who.charlie.address)), deposit);
    assert.equal(await mut(who.charlie.address), before.charlie);
    // ...and none of it into pool 1: no MUT in its account, its USDT and its capital with
    // unearned premiums (premiums only move from one to the other) as they were.
    assert.equal(await mut(pool), before.poolMut);
    assert.equal(before.poolMut, 0n);
    assert.equal(await usdt(pool), before.pool);
    assert.equal(await usdt(treasury), before.treasuryUsdt);
    const after = await poolStatus(api, POOL);
    assert.equal(after.capital + after.unearnedPremiums, before.status.capital + before.status.unearnedPremiums);
    assert.equal(after.pendingClaims, 0n);
    state.slashed = deposit;
    await assertBooks();
  });

  test('6. Bob withdraws once unbonded and receives USDT: his stake less his share of the payout', async () => {
    await waitForBlock(api, state.unlockAt);
    const position = (await api.call.mutualPoolApi.position(POOL, who.bob.address)).unwrap();
    // Unbonding shares earn nothing, and nothing was paid out since the request.
    const value = position.unbondingValue.toBigInt();
    assert.equal(value, state.unbondingValue);
    const before = { usdt: await usdt(who.bob.address), pool: await usdt(pool) };
    const withdrawn = await send(api, api.tx.mutualPool.withdraw(POOL, value), who.bob);
    assert.equal(withdrawn.error, null);
    const event = findEvent(withdrawn, 'mutualPool', 'Withdrawn').data;
    assert.equal(event.shares.toBigInt(), state.unbondingShares);
    assert.equal(event.amount.toBigInt(), value);
    // Nothing pending: nothing held back.
    assert.equal(findEvent(withdrawn, 'mutualPool', 'WithdrawalHeld'), undefined);
    assert.equal((await usdt(who.bob.address)) - before.usdt, value);
    assert.equal(before.pool - (await usdt(pool)), value);
    assert.ok((await api.call.mutualPoolApi.position(POOL, who.bob.address)).isNone);
    assert.equal(await usdt(who.bob.address), state.bobUsdt - state.stake + value);

    // Bob bore his shares' part of step 3's payout (rounded up here), less the premium they
    // earned while bonded (under 0.01 USDT over these blocks).
    const share = (state.payout * state.stake + state.totalShares - 1n) / state.totalShares;
    const lost = state.stake - value;
    assert.ok(lost <= share && lost > share - MIN_BALANCE, `lost ${lost}, share of the payout ${share}`);
    await assertBooks();
  });

  test('7. The pool\'s moves made and destroyed no USDT, and MUT fell by the transaction fees alone', async () => {
    const end = await api.rpc.chain.getHeader();
    const hash = end.hash.toHex();
    const at = await api.at(hash);
    // USDT: the supply of the genesis, all of it in the accounts of the asset, which are the
    // six endowed accounts, pool 1's and the treasury's (the fee).
    const asset = (await at.query.assets.asset(USDT)).unwrap();
    assert.equal(asset.supply.toBigInt(), 6n * ENDOWMENT);
    const startAsset = (await (await api.at(state.start.hash)).query.assets.asset(USDT)).unwrap();
    assert.equal(startAsset.supply.toBigInt(), 6n * ENDOWMENT);
    const holders = await at.query.assets.account.entries(USDT);
    const sum = holders.reduce((total, [, account]) => total + account.unwrap().balance.toBigInt(), 0n);
    assert.equal(sum, 6n * ENDOWMENT);
    const accounts = holders.map(([key]) => key.args[1].toString()).sort();
    const expected = [...Object.values(who).map((pair) => pair.address), pool, treasury].sort();
    assert.deepEqual(accounts, expected);
    assert.equal(asset.accounts.toNumber(), 8);
    assert.equal(await usdt(treasury), state.fee);

    // MUT: the issuance fell from the first block of these tests to now by exactly the fees
    // charged in the blocks between (the runtime burns them); the deposits held and slashed
    // only moved MUT. The treasury has its genesis existential deposit and the slashed deposit.
    const issuance = async (blockHash) => (await api.query.balances.totalIssuance.at(blockHash)).toBigInt();
    let fees = 0n;
    for (let n = state.start.number + 1; n <= end.number.toNumber(); n += 1) {
      const records = await api.query.system.events.at(await api.rpc.chain.getBlockHash(n));
      for (const { event } of records) {
        if (event.section === 'transactionPayment' && event.method === 'TransactionFeePaid') {
          fees += event.data.actualFee.toBigInt();
        }
      }
    }
    assert.ok(fees > 0n);
    assert.equal((await issuance(state.start.hash)) - (await issuance(hash)), fees);
    const ed = api.consts.balances.existentialDeposit.toBigInt();
    assert.equal((await at.query.system.account(treasury)).data.free.toBigInt(), ed + state.slashed);
    assert.equal((await at.query.system.account(pool)).data.free.toBigInt(), 0n);
  });
});
