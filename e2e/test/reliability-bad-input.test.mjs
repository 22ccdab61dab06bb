// Bad input everywhere (docs/reliability.md): every extrinsic of MutualPool with malformed or
// extreme arguments (missing ids, zero, one under or over a limit, u128::MAX, periods out of
// range, oversized evidence and metadata, a pool in an asset nobody registered or moved to
// another asset while it holds capital), wrong origins, and calls on a frozen and on a depleted
// pool, through polkadot.js on the parachain's dev chain (1 s blocks; the same pallet
// configuration as the solo chain, from runtime-common). For each case:
//   - the named error: `mutualPool.X`, `BadOrigin`, `Token.FundsUnavailable`; a call made by
//     root through `sudo.sudo` fails with the error in `sudo.Sudid`; an argument beyond its
//     bound does not decode, so the node refuses the extrinsic at validation ("Bad input data
//     provided to validate_transaction", sp-api's refusal of undecodable input): no block, no
//     fee;
//   - it changes nothing but the fee: the extrinsic emits no event but its fee's and its failure
//     (no MutualPool event, no transfer, no hold); the signer's free balance fell by exactly the
//     fee of `transactionPayment.TransactionFeePaid` and its holds did not move; the pool
//     account's balance is the same; and MutualPool's storage is the same at the block that
//     holds the call as at its parent, but for what the hooks move in every block: the expiry
//     cursors (`expiredThrough`), and the premiums accrued from `unearned` into `capital` and
//     `feesOwed` (`earnings`). That a failed call writes nothing at all, these fields included, is
//     proven for every call by the pallet's property test (invariant 2, the storage root).
// The table of cases is printed at the end.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHAINS, UNIT, USDT_LOCATION, connect, devAccounts, errorName, findEvent, poolAccount, send, sleep, startNode,
} from '../lib.mjs';
import { MOVED_BY_HOOKS } from '../reliability.mjs';

const CHAIN = 'para-dev';
const MAX = 2n ** 128n - 1n;
const EVIDENCE_MAX = 1024; // MaxEvidenceLen
const METADATA_MAX = 256; // MaxMetadataLen

/** The events a failed call (or a sudo call whose dispatch failed) may emit: its fee's. */
const FEE_EVENTS = new Set([
  'system.ExtrinsicFailed', 'system.ExtrinsicSuccess', 'sudo.Sudid', 'balances.Withdraw',
  'balances.Deposit', 'balances.BurnedDebt', 'transactionPayment.TransactionFeePaid',
]);

/** All of MutualPool's storage at block `at` as JSON, without what `MOVED_BY_HOOKS` names. */
async function palletState(api, at) {
  const query = (await api.at(at)).query.mutualPool;
  const items = {};
  for (const name of Object.keys(query).sort()) {
    const item = query[name];
    items[name] = item.creator.meta.type.isMap
      ? (await item.entries()).map(([key, value]) => [key.toHex(), value.toJSON()]).sort()
      : (await item()).toJSON();
  }
  return JSON.stringify(items, (key, value) => (MOVED_BY_HOOKS.has(key) ? undefined : value));
}

/** The cases on an open pool; `s` holds what the set-up made (a cover, its claim, parameters). */
const OPEN = [
  // stake(pool_id, amount, min_shares)
  ['stake into a missing pool', 'dave', (a) => a.tx.mutualPool.stake(99, UNIT, 0), 'mutualPool.PoolNotFound'],
  ['stake of zero', 'dave', (a) => a.tx.mutualPool.stake(0, 0, 0), 'mutualPool.StakeBelowMinimum'],
  ['stake one unit under min_stake', 'dave', (a, s) => a.tx.mutualPool.stake(0, s.minStake - 1n, 0), 'mutualPool.StakeBelowMinimum'],
  ['stake of u128::MAX', 'dave', (a) => a.tx.mutualPool.stake(0, MAX, 0), 'Token.FundsUnavailable'],
  ['stake asking for u128::MAX shares', 'dave', (a) => a.tx.mutualPool.stake(0, UNIT, MAX), 'mutualPool.TooFewShares'],
  // request_unstake(pool_id, shares), withdraw(pool_id, min_amount), rebond(pool_id)
  ['unstake by a non-staker', 'dave', (a) => a.tx.mutualPool.requestUnstake(0, UNIT), 'mutualPool.NotStaker'],
  ['unstake from a missing pool', 'ferdie', (a) => a.tx.mutualPool.requestUnstake(99, UNIT), 'mutualPool.PoolNotFound'],
  ['unstake u128::MAX shares', 'ferdie', (a) => a.tx.mutualPool.requestUnstake(0, MAX), 'mutualPool.InsufficientShares'],
  ['unstake zero shares', 'ferdie', (a) => a.tx.mutualPool.requestUnstake(0, 0), 'mutualPool.ZeroAmount'],
  ['withdraw with nothing unbonding', 'ferdie', (a) => a.tx.mutualPool.withdraw(0, 0), 'mutualPool.NothingUnbonding'],
  ['withdraw from a missing pool', 'ferdie', (a) => a.tx.mutualPool.withdraw(99, 0), 'mutualPool.PoolNotFound'],
  ['withdraw before the unbonding period ends', 'bob', (a) => a.tx.mutualPool.withdraw(0, 0), 'mutualPool.StillUnbonding'],
  ['rebond with nothing unbonding', 'ferdie', (a) => a.tx.mutualPool.rebond(0), 'mutualPool.NothingUnbonding'],
  ['rebond before the unbonding period ends', 'bob', (a) => a.tx.mutualPool.rebond(0), 'mutualPool.StillUnbonding'],
  // release_hold(who, pool_id)
  ['release a hold nobody has', 'eve', (a) => a.tx.mutualPool.releaseHold(poolAccount(a, 0), 0), 'mutualPool.HoldNotFound'],
  ['release a hold in a missing pool', 'eve', (a) => a.tx.mutualPool.releaseHold(poolAccount(a, 0), 99), 'mutualPool.HoldNotFound'],
  // buy_cover(product_id, amount, period, max_premium)
  ['cover on a missing product', 'eve', (a, s) => a.tx.mutualPool.buyCover(99, s.minCover, 100, MAX), 'mutualPool.ProductNotFound'],
  ['cover of zero', 'eve', (a) => a.tx.mutualPool.buyCover(0, 0, 100, MAX), 'mutualPool.ZeroAmount'],
  ['cover one unit under min_cover', 'eve', (a, s) => a.tx.mutualPool.buyCover(0, s.minCover - 1n, 100, MAX), 'mutualPool.CoverBelowMinimum'],
  ['cover of u128::MAX', 'eve', (a) => a.tx.mutualPool.buyCover(0, MAX, 100, MAX), 'mutualPool.InsufficientCapacity'],
  ['cover one unit over the free capacity', 'eve', (a, s) => a.tx.mutualPool.buyCover(0, s.freeCapacity + 1n, 100, MAX), 'mutualPool.InsufficientCapacity'],
  ['cover for 0 blocks', 'eve', (a, s) => a.tx.mutualPool.buyCover(0, s.minCover, 0, MAX), 'mutualPool.PeriodOutOfRange'],
  ['cover one block under min_period', 'eve', (a, s) => a.tx.mutualPool.buyCover(0, s.minCover, s.minPeriod - 1, MAX), 'mutualPool.PeriodOutOfRange'],
  ['cover one block over max_period', 'eve', (a, s) => a.tx.mutualPool.buyCover(0, s.minCover, s.maxPeriod + 1, MAX), 'mutualPool.PeriodOutOfRange'],
  ['cover for u32::MAX blocks', 'eve', (a, s) => a.tx.mutualPool.buyCover(0, s.minCover, 4_294_967_295, MAX), 'mutualPool.PeriodOutOfRange'],
  ['cover with max_premium 0', 'eve', (a, s) => a.tx.mutualPool.buyCover(0, s.minCover, 100, 0), 'mutualPool.PremiumTooHigh'],
  ['cover with max_premium one under the quote', 'eve', (a, s) => a.tx.mutualPool.buyCover(0, s.minCover, 100, s.quote - 1n), 'mutualPool.PremiumTooHigh'],
  // transfer_cover(cover_id, to), submit_claim(cover_id, amount, evidence), reap_cover(cover_id)
  ['transfer a missing cover', 'charlie', (a, s) => a.tx.mutualPool.transferCover(999_999, s.dave), 'mutualPool.CoverNotFound'],
  ["transfer someone else's cover", 'dave', (a, s) => a.tx.mutualPool.transferCover(s.coverId, s.dave), 'mutualPool.NotCoverOwner'],
  ['claim on a missing cover', 'charlie', (a) => a.tx.mutualPool.submitClaim(999_999, UNIT, 'x'), 'mutualPool.CoverNotFound'],
  ["claim on someone else's cover", 'dave', (a, s) => a.tx.mutualPool.submitClaim(s.freeCoverId, UNIT, 'x'), 'mutualPool.NotCoverOwner'],
  ['claim of zero', 'charlie', (a, s) => a.tx.mutualPool.submitClaim(s.freeCoverId, 0, 'x'), 'mutualPool.ZeroAmount'],
  ['claim one unit over the cover', 'charlie', (a, s) => a.tx.mutualPool.submitClaim(s.freeCoverId, s.freeCoverAmount + 1n, 'x'), 'mutualPool.ClaimExceedsRemaining'],
  ['claim of u128::MAX', 'charlie', (a, s) => a.tx.mutualPool.submitClaim(s.freeCoverId, MAX, 'x'), 'mutualPool.ClaimExceedsRemaining'],
  ['a second claim on a cover with one pending', 'charlie', (a, s) => a.tx.mutualPool.submitClaim(s.coverId, UNIT, 'x'), 'mutualPool.ClaimAlreadyPending'],
  ['reap a cover still in its claim window', 'eve', (a, s) => a.tx.mutualPool.reapCover(s.freeCoverId), 'mutualPool.CoverNotExpired'],
  ['reap a missing cover', 'eve', (a) => a.tx.mutualPool.reapCover(999_999), 'mutualPool.CoverNotFound'],
  // Calls of the council and of governance by a signed account.
  ['approve a claim by a signed account', 'ferdie', (a, s) => a.tx.mutualPool.approveClaim(s.claimId, 1), 'BadOrigin'],
  ['reject a claim by a signed account', 'ferdie', (a, s) => a.tx.mutualPool.rejectClaim(s.claimId), 'BadOrigin'],
  ['freeze a pool by a signed account', 'ferdie', (a) => a.tx.mutualPool.freezePool(0), 'BadOrigin'],
  ['reopen a pool by a signed account', 'ferdie', (a) => a.tx.mutualPool.reopenPool(0), 'BadOrigin'],
  ['create a pool by a signed account', 'ferdie', (a, s) => a.tx.mutualPool.createPool(s.pool0), 'BadOrigin'],
  ['update a pool by a signed account', 'ferdie', (a, s) => a.tx.mutualPool.updatePool(0, s.pool0), 'BadOrigin'],
  ['create a product by a signed account', 'ferdie', (a, s) => a.tx.mutualPool.createProduct(0, s.product0), 'BadOrigin'],
  ['update a product by a signed account', 'ferdie', (a, s) => a.tx.mutualPool.updateProduct(0, s.product0), 'BadOrigin'],
  // The same calls by root, with bad arguments.
  ['approve a missing claim', 'sudo', (a) => a.tx.mutualPool.approveClaim(999_999, 1), 'mutualPool.ClaimNotFound'],
  ['approve more than claimed', 'sudo', (a, s) => a.tx.mutualPool.approveClaim(s.claimId, s.claimAmount + 1n), 'mutualPool.PayoutExceedsClaim'],
  ['reject a missing claim', 'sudo', (a) => a.tx.mutualPool.rejectClaim(999_999), 'mutualPool.ClaimNotFound'],
  ['lapse a claim before its deadline', 'eve', (a, s) => a.tx.mutualPool.lapseClaim(s.claimId), 'mutualPool.ClaimNotLapsed'],
  ['lapse a missing claim', 'eve', (a) => a.tx.mutualPool.lapseClaim(999_999), 'mutualPool.ClaimNotFound'],
  // Appeals, their referenda, and closing claims.
  ['appeal a missing claim', 'charlie', (a) => a.tx.mutualPool.appealClaim(999_999), 'mutualPool.ClaimNotFound'],
  ["appeal someone else's claim", 'dave', (a, s) => a.tx.mutualPool.appealClaim(s.claimId), 'mutualPool.NotClaimant'],
  ['appeal a claim the council has not rejected', 'charlie', (a, s) => a.tx.mutualPool.appealClaim(s.claimId), 'mutualPool.ClaimNotRejected'],
  ['uphold an appeal by a signed account', 'ferdie', (a, s) => a.tx.mutualPool.upholdAppeal(s.claimId), 'BadOrigin'],
  ['uphold an appeal of a claim not appealed', 'sudo', (a, s) => a.tx.mutualPool.upholdAppeal(s.claimId), 'mutualPool.ClaimNotAppealed'],
  ['submit a referendum with Root as its origin (no track)', 'eve', (a, s) => a.tx.referenda.submit({ system: 'Root' }, { Inline: a.tx.mutualPool.upholdAppeal(s.claimId).method.toHex() }, { After: 0 }), 'referenda.NoTrack'],
  ['submit a referendum with the council as its origin (no track)', 'eve', (a, s) => a.tx.referenda.submit({ Council: { Members: [5, 5] } }, { Inline: a.tx.mutualPool.upholdAppeal(s.claimId).method.toHex() }, { After: 0 }), 'referenda.NoTrack'],
  ['cancel a referendum by a signed account', 'eve', (a) => a.tx.referenda.cancel(0), 'BadOrigin'],
  ['vote on a missing referendum', 'eve', (a) => a.tx.convictionVoting.vote(999_999, { Standard: { vote: { aye: true, conviction: 'None' }, balance: 1n } }), 'convictionVoting.NotOngoing'],
  ['close a claim pending a decision', 'eve', (a, s) => a.tx.mutualPool.closeClaim(s.claimId), 'mutualPool.ClaimNotClosable'],
  ['close a missing claim', 'eve', (a) => a.tx.mutualPool.closeClaim(999_999), 'mutualPool.ClaimNotFound'],
  // Incidents.
  ['declare an incident by a signed account', 'ferdie', (a) => a.tx.mutualPool.declareIncident(0, 1, 500_000_000, 'x'), 'BadOrigin'],
  ['declare an incident on a missing product', 'sudo', (a) => a.tx.mutualPool.declareIncident(99, 1, 500_000_000, 'x'), 'mutualPool.ProductNotFound'],
  ['declare an incident at block u32::MAX', 'sudo', (a) => a.tx.mutualPool.declareIncident(0, 4_294_967_295, 500_000_000, 'x'), 'mutualPool.IncidentInFuture'],
  ['declare an incident paying nothing', 'sudo', (a) => a.tx.mutualPool.declareIncident(0, 1, 0, 'x'), 'mutualPool.ZeroRatio'],
  ['redeem a cover in a missing incident', 'eve', (a, s) => a.tx.mutualPool.redeemCover(999_999, s.freeCoverId), 'mutualPool.IncidentNotFound'],
  ['top up a redemption that was never short-paid', 'eve', (a, s) => a.tx.mutualPool.topUp(999_999, s.freeCoverId), 'mutualPool.NoShortfall'],
  ['close a missing incident', 'eve', (a) => a.tx.mutualPool.closeIncident(999_999), 'mutualPool.IncidentNotFound'],
  ['create a pool with capacity factor 0', 'sudo', (a, s) => a.tx.mutualPool.createPool({ ...s.pool0, capacityFactor: 0 }), 'mutualPool.InvalidCapacityFactor'],
  ['create a pool with capacity factor u128::MAX', 'sudo', (a, s) => a.tx.mutualPool.createPool({ ...s.pool0, capacityFactor: MAX }), 'mutualPool.InvalidCapacityFactor'],
  ['create a pool with min_stake 0', 'sudo', (a, s) => a.tx.mutualPool.createPool({ ...s.pool0, minStake: 0 }), 'mutualPool.MinStakeBelowExistentialDeposit'],
  ['create a pool with kink 0', 'sudo', (a, s) => a.tx.mutualPool.createPool({ ...s.pool0, kink: 0 }), 'mutualPool.ParameterOutOfBounds'],
  ['create a pool with unbonding u32::MAX', 'sudo', (a, s) => a.tx.mutualPool.createPool({ ...s.pool0, unbondingPeriod: 4_294_967_295 }), 'mutualPool.ParameterOutOfBounds'],
  ['create a pool with min_cover 0', 'sudo', (a, s) => a.tx.mutualPool.createPool({ ...s.pool0, minCover: 0 }), 'mutualPool.ParameterOutOfBounds'],
  ['create a pool in an asset not registered', 'sudo', (a, s) => a.tx.mutualPool.createPool({ ...s.pool0, asset: { WithId: s.unregistered } }), 'mutualPool.UnknownAsset'],
  ["create a pool with min_stake one unit under its asset's minimum balance", 'sudo', (a, s) => a.tx.mutualPool.createPool({ ...s.pool0, asset: { WithId: s.usd }, minStake: s.usdMinBalance - 1n }), 'mutualPool.MinStakeBelowExistentialDeposit'],
  ['change the asset of a pool that holds capital', 'sudo', (a, s) => a.tx.mutualPool.updatePool(0, { ...s.pool0, asset: { WithId: s.usd } }), 'mutualPool.AssetInUse'],
  ['update a missing pool', 'sudo', (a, s) => a.tx.mutualPool.updatePool(99, s.pool0), 'mutualPool.PoolNotFound'],
  ['capacity factor too low for the cover sold', 'sudo', (a, s) => a.tx.mutualPool.updatePool(0, { ...s.pool0, capacityFactor: 100_000_000_000_000_000n }), 'mutualPool.UpdateUnbacksCover'],
  ['create a product on a missing pool', 'sudo', (a, s) => a.tx.mutualPool.createProduct(99, s.product0), 'mutualPool.PoolNotFound'],
  ['create a product with min_period 0', 'sudo', (a, s) => a.tx.mutualPool.createProduct(0, { ...s.product0, minPeriod: 0 }), 'mutualPool.InvalidPeriodRange'],
  ['create a product with min_period above max_period', 'sudo', (a, s) => a.tx.mutualPool.createProduct(0, { ...s.product0, minPeriod: s.maxPeriod + 1 }), 'mutualPool.InvalidPeriodRange'],
  ['create a product with a claim window of u32::MAX', 'sudo', (a, s) => a.tx.mutualPool.createProduct(0, { ...s.product0, claimWindow: 4_294_967_295 }), 'mutualPool.ParameterOutOfBounds'],
  ['create a product with capacity share 0', 'sudo', (a, s) => a.tx.mutualPool.createProduct(0, { ...s.product0, maxCapacityShare: 0 }), 'mutualPool.ParameterOutOfBounds'],
  ['update a missing product', 'sudo', (a, s) => a.tx.mutualPool.updateProduct(99, s.product0), 'mutualPool.ProductNotFound'],
  ['freeze a missing pool', 'sudo', (a) => a.tx.mutualPool.freezePool(99), 'mutualPool.PoolNotFound'],
  ['reopen a pool that is not depleted', 'sudo', (a) => a.tx.mutualPool.reopenPool(0), 'mutualPool.PoolNotDepleted'],
  // Keeping the books.
  ['roll the expiries of a missing pool', 'eve', (a) => a.tx.mutualPool.rollExpiries({ Pool: 99 }), 'mutualPool.PoolNotFound'],
  ['roll the expiries of a missing product', 'eve', (a) => a.tx.mutualPool.rollExpiries({ Product: 99 }), 'mutualPool.ProductNotFound'],
  ['roll expiries with nothing due', 'eve', (a) => a.tx.mutualPool.rollExpiries({ Pool: 0 }), 'mutualPool.NothingToRoll'],
  ['pay the fees of a missing pool', 'eve', (a) => a.tx.mutualPool.payFees(99), 'mutualPool.PoolNotFound'],
];

/** After `sudo(freeze_pool(0))`. */
const FROZEN = [
  ['freeze a frozen pool', 'sudo', (a) => a.tx.mutualPool.freezePool(0), 'mutualPool.FreezeNotAllowed'],
  ['withdraw by a non-staker from a frozen pool', 'dave', (a) => a.tx.mutualPool.withdraw(0, 0), 'mutualPool.NotStaker'],
];

/** After a payout that took all of pool 0's capital. */
const DEPLETED = [
  ['stake into a depleted pool', 'dave', (a) => a.tx.mutualPool.stake(0, 10n * UNIT, 0), 'mutualPool.PoolDepleted'],
  ['cover from a depleted pool', 'eve', (a, s) => a.tx.mutualPool.buyCover(0, s.minCover, 100, MAX), 'mutualPool.PoolDepleted'],
  ['reopen while cover is still active', 'sudo', (a) => a.tx.mutualPool.reopenPool(0), 'mutualPool.CoverStillActive'],
];

describe('bad input: a named error and nothing changed but the fee', { skip: !CHAINS.includes(CHAIN) && `${CHAIN} is not in E2E_CHAINS` }, () => {
  let node;
  let api;
  const who = devAccounts();
  const s = {};
  const table = [];

  before(async () => {
    const started = await startNode(CHAIN);
    node = started.node;
    api = await connect(started.rpcPort);
    const ok = async (tx, signer) => {
      const r = await send(api, tx, signer);
      assert.equal(r.error, null);
      return r;
    };
    // Bob stakes and asks to leave part of it (his unbonding runs through the test).
    await ok(api.tx.mutualPool.stake(0, 1_000n * UNIT, 0), who.bob);
    await ok(api.tx.mutualPool.requestUnstake(0, 100n * UNIT), who.bob);
    // Charlie buys two covers and claims on the first.
    s.coverAmount = 1_000n * UNIT;
    const bought = await ok(api.tx.mutualPool.buyCover(0, s.coverAmount, 1_000, MAX), who.charlie);
    s.coverId = findEvent(bought, 'mutualPool', 'CoverBought').data.coverId.toNumber();
    // The second is above a tenth of the capital (the least capacity factor), so that a
    // factor of 0.1 would leave it unbacked.
    s.freeCoverAmount = 200_000n * UNIT;
    const second = await ok(api.tx.mutualPool.buyCover(0, s.freeCoverAmount, 1_000, MAX), who.charlie);
    s.freeCoverId = findEvent(second, 'mutualPool', 'CoverBought').data.coverId.toNumber();
    s.claimAmount = 100n * UNIT;
    const filed = await ok(api.tx.mutualPool.submitClaim(s.coverId, s.claimAmount, 'ipfs://claim'), who.charlie);
    s.claimId = findEvent(filed, 'mutualPool', 'ClaimSubmitted').data.claimId.toNumber();
    // The genesis registers Asset Hub's USDT, sufficient (its location, 6 decimals, a minimum
    // of 0.01), for the cases that put a pool in it; a sibling's asset that nobody registered
    // stays unknown.
    s.usd = USDT_LOCATION;
    s.usdMinBalance = (await api.query.foreignAssets.asset(s.usd)).unwrap().minBalance.toBigInt();
    assert.equal(s.usdMinBalance, 10_000n);
    s.unregistered = { parents: 1, interior: { X1: [{ Parachain: 99 }] } };
    const pool = (await api.query.mutualPool.pools(0)).unwrap();
    const product = (await api.query.mutualPool.products(0)).unwrap();
    s.pool0 = pool.params.toJSON();
    s.product0 = product.params.toJSON();
    s.minStake = pool.params.minStake.toBigInt();
    s.minCover = pool.params.minCover.toBigInt();
    s.minPeriod = product.params.minPeriod.toNumber();
    s.maxPeriod = product.params.maxPeriod.toNumber();
    s.dave = who.dave.address;
    s.pool = poolAccount(api, 0);
  });

  after(async () => {
    if (api) await api.disconnect();
    if (node) node.kill('SIGINT');
    if (table.length) console.table(table);
  });

  /** Sends each case alone and checks its error, the storage and the fee; lists every miss. */
  async function run(cases) {
    const misses = [];
    for (const c of cases) {
      try {
        await check(...c);
      } catch (e) {
        misses.push(`${c[0]}: ${e.message.split('\n')[0]}${e.actual !== undefined ? ` (got ${JSON.stringify(e.actual)})` : ''}`);
      }
    }
    assert.deepEqual(misses, []);
  }

  async function check(name, by, build, expected) {
    {
      // Figures of the state as it is now, for the cases at the edges of a limit.
      const status = (await api.call.mutualPoolApi.poolStatus(0)).unwrap();
      s.freeCapacity = status.bondedCapacity.toBigInt() - status.activeCover.toBigInt() - status.pendingClaims.toBigInt();
      const quote = await api.call.mutualPoolApi.quote(0, s.minCover, 100);
      s.quote = quote.isOk ? quote.asOk.toBigInt() : 0n;
      const signer = by === 'sudo' ? who.alice : who[by];
      const call = build(api, s);
      const tx = by === 'sudo' ? api.tx.sudo.sudo(call) : call;
      const result = await send(api, tx, signer);
      let got = result.error;
      if (by === 'sudo') {
        assert.equal(got, null, `${name}: sudo itself failed`);
        const sudid = findEvent(result, 'sudo', 'Sudid').data.sudoResult;
        got = sudid.isErr ? errorName(api, sudid.asErr) : null;
      }
      assert.equal(got, expected, name);
      const emitted = result.events.map(({ event }) => `${event.section}.${event.method}`);
      const other = emitted.filter((e) => !FEE_EVENTS.has(e));
      assert.deepEqual(other, [], `${name}: events beyond the fee's`);
      const block = result.blockHash.toHex();
      const parent = (await api.rpc.chain.getHeader(block)).parentHash.toHex();
      const [storageAfter, storageBefore] = await Promise.all([block, parent].map((at) => palletState(api, at)));
      assert.equal(storageAfter, storageBefore, `${name}: MutualPool storage changed`);
      const balance = async (account, at) => (await api.query.system.account.at(at, account)).data;
      const [signerAfter, signerBefore, poolAfter, poolBefore] = await Promise.all([
        balance(signer.address, block), balance(signer.address, parent),
        balance(s.pool, block), balance(s.pool, parent),
      ]);
      const fee = findEvent(result, 'transactionPayment', 'TransactionFeePaid').data.actualFee.toBigInt();
      assert.equal(signerBefore.free.toBigInt() - signerAfter.free.toBigInt(), fee, `${name}: the signer paid more than the fee`);
      assert.equal(signerAfter.reserved.toBigInt(), signerBefore.reserved.toBigInt(), `${name}: a hold changed`);
      assert.equal(poolAfter.free.toBigInt(), poolBefore.free.toBigInt(), `${name}: the pool account changed`);
      table.push({ case: name, by, error: got, fee: fee.toString(), storage: 'unchanged' });
    }
  }

  test('an open pool: missing ids, zero, one-off and extreme amounts, wrong origins', async () => {
    await run(OPEN);
  });

  test('arguments beyond their bound do not decode: refused by the pool, no fee', async () => {
    const cases = [
      [`evidence of ${EVIDENCE_MAX + 1} bytes`, who.charlie, api.tx.mutualPool.submitClaim(s.freeCoverId, UNIT, `0x${'65'.repeat(EVIDENCE_MAX + 1)}`)],
      [`metadata of ${METADATA_MAX + 1} bytes`, who.alice, api.tx.sudo.sudo(api.tx.mutualPool.createProduct(0, { ...s.product0, metadata: `0x${'6d'.repeat(METADATA_MAX + 1)}` }))],
    ];
    for (const [name, signer, tx] of cases) {
      const before = (await api.query.system.account(signer.address)).data.free.toBigInt();
      const nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
      await assert.rejects(tx.signAndSend(signer), /1002: Verification Error/, name);
      // Two blocks later the signer has paid nothing and its nonce has not moved.
      const head = (await api.rpc.chain.getHeader()).number.toNumber();
      while ((await api.rpc.chain.getHeader()).number.toNumber() < head + 2) await sleep(500);
      assert.equal((await api.query.system.account(signer.address)).data.free.toBigInt(), before, name);
      assert.equal((await api.rpc.system.accountNextIndex(signer.address)).toNumber(), nonce, name);
      table.push({ case: name, by: signer === who.alice ? 'sudo' : 'charlie', error: 'refused at validation: does not decode', fee: '0', storage: 'unchanged' });
    }
  });

  test('a frozen pool', async () => {
    const frozen = await send(api, api.tx.sudo.sudo(api.tx.mutualPool.freezePool(0)), who.alice);
    assert.ok(findEvent(frozen, 'mutualPool', 'PoolFrozen'), 'pool 0 is frozen');
    await run(FROZEN);
  });

  test('a depleted pool', async () => {
    // Product 0 may use all of the capacity; Charlie buys all that is free, claims all of it,
    // and root approves it: the payout takes the whole capital.
    const params = { ...s.product0, maxCapacityShare: 1_000_000_000 };
    const updated = await send(api, api.tx.sudo.sudo(api.tx.mutualPool.updateProduct(0, params)), who.alice);
    assert.ok(findEvent(updated, 'sudo', 'Sudid').data.sudoResult.isOk);
    const status = (await api.call.mutualPoolApi.poolStatus(0)).unwrap();
    const amount = status.bondedCapacity.toBigInt() - status.activeCover.toBigInt() - status.pendingClaims.toBigInt();
    assert.ok(amount > status.capital.toBigInt(), 'the cover is above the capital');
    const bought = await send(api, api.tx.mutualPool.buyCover(0, amount, 100, MAX), who.charlie);
    assert.equal(bought.error, null);
    const coverId = findEvent(bought, 'mutualPool', 'CoverBought').data.coverId.toNumber();
    const filed = await send(api, api.tx.mutualPool.submitClaim(coverId, amount, 'ipfs://all'), who.charlie);
    assert.equal(filed.error, null);
    const claimId = findEvent(filed, 'mutualPool', 'ClaimSubmitted').data.claimId.toNumber();
    const approved = await send(api, api.tx.sudo.sudo(api.tx.mutualPool.approveClaim(claimId, amount)), who.alice);
    assert.ok(findEvent(approved, 'sudo', 'Sudid').data.sudoResult.isOk);
    assert.ok((await api.query.mutualPool.pools(0)).unwrap().depleted.isTrue, 'pool 0 is depleted');
    await run(DEPLETED);
  });
});
