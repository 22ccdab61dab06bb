// End to end: a fresh `mutual-pool-node` driven through @polkadot/api, the way users and the
// claims council touch it. The same steps run on the solo `--dev` chain (test/dev.test.mjs) and
// on the parachain runtime's `para-dev` chain (test/para-dev.test.mjs). The steps share one
// chain and run in order.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHAINS, UNIT, USD, USDT_LOCATION, connect, councilMotion, devAccounts, findEvent, free, locationJson,
  poolAccount, poolStatus, send, startNode, waitForBlock, waitForEvent,
} from './lib.mjs';

/** Every stake that pool `poolId` records as warming up, whatever its epoch: an upper bound. */
async function warmingRecorded(api, poolId) {
  const pool = (await api.query.mutualPool.pools(poolId)).unwrap();
  return pool.warming.staked.reduce((sum, x) => sum + x.toBigInt(), 0n);
}

/**
 * The scenarios on a fresh node of `chain` (`dev` or `para-dev`, see `chainArgs`), as one suite
 * that is skipped unless $E2E_CHAINS names the chain. Each chain has a test file of its own
 * (test/dev.test.mjs, test/para-dev.test.mjs), so that the runner runs the chains side by side.
 */
export function scenarios(chain) {
  describe(`mutual-pool ${chain} chain`, { skip: !CHAINS.includes(chain) }, () => {
    let node;
    let api;
    const who = devAccounts();
    const POOL = 0;
    const PRODUCT = 0;
    // State carried between the steps.
    const state = {};

    before(async () => {
      const started = await startNode(chain);
      node = started.node;
      api = await connect(started.rpcPort);
    });

    after(async () => {
      if (api) await api.disconnect();
      if (node) node.kill('SIGINT');
    });

    test('the dev genesis has pool 0 in MUT with Ferdie\'s stake and two products, pool 1 in USDT with his stake and product 2, and a council of five', async () => {
      const status = await poolStatus(api, POOL);
      assert.equal(status.capital, 1_000_000n * UNIT);
      assert.equal(status.asset, 'Native');
      // Pool 0's smallest cover and claim deposit rate: 10 MUT, and 0.1% of the claim
      // (FixedU128 0.001).
      const params = (await api.query.mutualPool.pools(POOL)).unwrap().params;
      assert.equal(params.minCover.toBigInt(), 10n * UNIT);
      assert.equal(params.claimDepositRate.toBigInt(), 10n ** 15n);
      assert.equal((await api.query.mutualPool.products(0)).unwrap().poolId.toNumber(), 0);
      assert.equal((await api.query.mutualPool.products(1)).unwrap().poolId.toNumber(), 0);
      // Both chains have pool 1 besides, in USDT, with product 2 and Ferdie's 1 000 000 USDT:
      // on the solo chain its dev stablecoin, asset 1984 of pallet `assets`
      // (test/stable-pool.test.mjs); on the parachain Asset Hub's USDT, which arrives over XCM,
      // in `foreignAssets` under its location (test/xcm.test.mjs).
      assert.equal((await api.query.mutualPool.nextPoolId()).toNumber(), 2);
      assert.equal((await api.query.mutualPool.nextProductId()).toNumber(), 3);
      const usdt = chain === 'dev' ? 1984 : locationJson(api, USDT_LOCATION);
      const stable = await poolStatus(api, 1);
      assert.deepEqual(stable.asset, { WithId: usdt });
      assert.equal(stable.capital, 1_000_000n * USD);
      const ferdie = (await api.call.mutualPoolApi.position(1, who.ferdie.address)).unwrap();
      assert.equal(ferdie.value.toBigInt(), 1_000_000n * USD);
      assert.equal((await api.query.mutualPool.products(2)).unwrap().poolId.toNumber(), 1);
      assert.equal((await api.query.council.members()).length, 5);
    });

    test('1. Bob stakes into pool 0 and his position matches', async () => {
      const amount = 1_000n * UNIT;
      const result = await send(api, api.tx.mutualPool.stake(POOL, amount, (amount * 99n) / 100n), who.bob);
      assert.equal(result.error, null);
      const staked = findEvent(result, 'mutualPool', 'Staked');
      assert.ok(staked, 'Staked event');
      const shares = staked.data.shares.toBigInt();
      assert.equal(staked.data.amount.toBigInt(), amount);
      const position = (await api.call.mutualPoolApi.position(POOL, who.bob.address)).unwrap();
      assert.equal(position.shares.toBigInt(), shares);
      // Shares are worth what was staked, rounded down.
      const value = position.value.toBigInt();
      assert.ok(value <= amount && value >= amount - 1n, `value ${value} of ${amount}`);
      assert.ok(position.unlockAt.isNone);
    });

    test('1b. Dave stakes and asks to unstake all his shares (set-up of 4c: he unbonds meanwhile)', async () => {
      // Pool 0 unbonds in 20 blocks: the steps up to 4c take longer, so 4c need not wait. Dave's
      // unbonding shares stay in the pool until he withdraws, and bear its losses (4b's payouts).
      const amount = 100_000n * UNIT;
      const staked = await send(api, api.tx.mutualPool.stake(POOL, amount, (amount * 99n) / 100n), who.dave);
      assert.equal(staked.error, null);
      const shares = findEvent(staked, 'mutualPool', 'Staked').data.shares.toBigInt();
      const requested = await send(api, api.tx.mutualPool.requestUnstake(POOL, shares), who.dave);
      assert.equal(requested.error, null);
      const event = findEvent(requested, 'mutualPool', 'UnstakeRequested').data;
      assert.equal(event.shares.toBigInt(), shares);
      const position = (await api.call.mutualPoolApi.position(POOL, who.dave.address)).unwrap();
      assert.equal(position.unbondingShares.toBigInt(), shares);
      assert.equal(position.unlockAt.unwrap().toNumber(), event.unlockAt.toNumber());
      state.daveShares = shares;
      state.daveUnlockAt = event.unlockAt.toNumber();
    });

    test('2. Charlie quotes and buys cover; the premium goes to the pool, its fee is paid to the treasury', async () => {
      const amount = 10_000n * UNIT;
      const period = 100_000;
      const quoted = await api.call.mutualPoolApi.quote(PRODUCT, amount, period);
      assert.ok(quoted.isOk, `quote failed: ${quoted.toString()}`);
      const premium = quoted.asOk.toBigInt();
      assert.ok(premium > 0n);

      const treasury = api.consts.mutualPool.treasuryAccount.toString();
      const pool = poolAccount(api, POOL);
      const before = {
        charlie: await free(api, who.charlie.address),
        treasury: await free(api, treasury),
        pool: await free(api, pool),
        capital: (await poolStatus(api, POOL)).capital,
      };
      const result = await send(
        api, api.tx.mutualPool.buyCover(PRODUCT, amount, period, premium), who.charlie,
      );
      assert.equal(result.error, null);
      const bought = findEvent(result, 'mutualPool', 'CoverBought');
      assert.equal(bought.data.premium.toBigInt(), premium);
      assert.equal(bought.data.amount.toBigInt(), amount);
      state.coverId = bought.data.coverId.toNumber();

      const stored = (await api.query.mutualPool.pools(POOL)).unwrap();
      const fee = (premium * stored.params.fee.toBigInt()) / 1_000_000_000n; // Perbill, rounded down
      // The whole premium is in the pool account: the fee is owed to the treasury, the rest is
      // earned by the stakers block by block over the cover's life (issue 9, attack 4): unearned
      // until then, and what was earned so far has joined the capital.
      assert.equal(stored.feesOwed.toBigInt(), fee);
      assert.equal((await free(api, treasury)), before.treasury);
      assert.equal((await free(api, pool)) - before.pool, premium);
      const after = await poolStatus(api, POOL);
      assert.ok(after.unearnedPremiums > 0n);
      assert.equal(after.unearnedPremiums + (after.capital - before.capital), premium - fee);
      // Charlie paid the premium plus the transaction fee.
      assert.ok(before.charlie - (await free(api, who.charlie.address)) > premium);

      // Anyone may pay the owed fees to the treasury.
      const paid = await send(api, api.tx.mutualPool.payFees(POOL), who.dave);
      assert.equal(paid.error, null);
      assert.equal(findEvent(paid, 'mutualPool', 'FeesPaid').data.amount.toBigInt(), fee);
      assert.equal((await free(api, treasury)) - before.treasury, fee);
      assert.equal((await free(api, pool)) - before.pool, premium - fee);
      assert.equal((await api.query.mutualPool.pools(POOL)).unwrap().feesOwed.toBigInt(), 0n);
    });

    test('3. Charlie claims, the council approves with 3 of 5 ayes, Charlie is paid', async () => {
      const claimed = 2_000n * UNIT;
      const submitted = await send(
        api, api.tx.mutualPool.submitClaim(state.coverId, claimed, 'ipfs://exploit-report'), who.charlie,
      );
      assert.equal(submitted.error, null);
      const event = findEvent(submitted, 'mutualPool', 'ClaimSubmitted').data;
      const claimId = event.claimId.toNumber();
      // The deposit grows with the amount claimed: 10 MUT + 0.1% of 2 000 MUT.
      const deposit = event.deposit.toBigInt();
      assert.equal(deposit, api.consts.mutualPool.claimDeposit.toBigInt() + 2n * UNIT);
      assert.equal((await poolStatus(api, POOL)).pendingClaims, claimed);

      const before = {
        charlie: await free(api, who.charlie.address),
        status: await poolStatus(api, POOL),
      };
      const payout = claimed;
      const closed = await councilMotion(
        api, api.tx.mutualPool.approveClaim(claimId, payout), 3, who.alice, [who.bob, who.dave], who.eve,
      );
      assert.equal(closed.error, null);
      const executed = findEvent(closed, 'council', 'Executed');
      assert.ok(executed, 'the motion executed');
      assert.ok(executed.data.result.isOk, `approve_claim failed: ${executed.data.result.toString()}`);
      const approved = findEvent(closed, 'mutualPool', 'ClaimApproved');
      assert.equal(approved.data.payout.toBigInt(), payout);

      // Paid, and the deposit released (Eve paid the fees of the close).
      assert.equal((await free(api, who.charlie.address)) - before.charlie, payout + deposit);
      // The payout left the capital; the premium earned over the blocks of the vote joined it
      // (Charlie's premium earns well under 1 MUT a block).
      const status = await poolStatus(api, POOL);
      const fell = before.status.capital - status.capital;
      assert.ok(fell <= payout && fell > payout - UNIT, `capital fell by ${fell}`);
      assert.equal(status.totalShares, before.status.totalShares);
      assert.ok(status.sharePrice < before.status.sharePrice, 'the share price fell');
      assert.equal(status.pendingClaims, 0n);
    });

    test('4. A second claim is rejected by council motion; Charlie appeals, which submits the appeal\'s own referendum, and token holders uphold it (issues 12 and 22)', async () => {
      const amount = 1_000n * UNIT;
      const submitted = await send(
        api, api.tx.mutualPool.submitClaim(state.coverId, amount, 'not an exploit'), who.charlie,
      );
      assert.equal(submitted.error, null);
      const event = findEvent(submitted, 'mutualPool', 'ClaimSubmitted').data;
      const claimId = event.claimId.toNumber();
      const deposit = event.deposit.toBigInt();
      const closed = await councilMotion(
        api, api.tx.mutualPool.rejectClaim(claimId), 3, who.alice, [who.bob, who.dave], who.eve,
      );
      assert.equal(closed.error, null);
      // Charlie may appeal for `AppealPeriod` blocks; until then the claim stays reserved.
      const rejected = findEvent(closed, 'mutualPool', 'ClaimRejected');
      assert.ok(rejected, 'ClaimRejected event');
      const rejectedAt = (await api.rpc.chain.getHeader(closed.blockHash)).number.toNumber();
      assert.equal(
        rejected.data.appealUntil.toNumber(), rejectedAt + api.consts.mutualPool.appealPeriod.toNumber(),
      );
      assert.equal((await poolStatus(api, POOL)).pendingClaims, amount);

      // Charlie appeals: three times the claim's deposit is held from him as well, and the
      // appeal submits its own referendum on the claim-appeals track (0), Charlie paying its
      // submission and decision deposits: its proposal, `uphold_appeal(claimId)`, pays the
      // amount claimed, which nobody else chooses (issue 22, attack 37).
      const index = (await api.query.referenda.referendumCount()).toNumber();
      const appealed = await send(api, api.tx.mutualPool.appealClaim(claimId), who.charlie);
      assert.equal(appealed.error, null);
      const appeal = findEvent(appealed, 'mutualPool', 'ClaimAppealed').data;
      assert.equal(appeal.deposit.toBigInt(), 3n * deposit);
      assert.equal(appeal.referendum.toNumber(), index);
      assert.equal(findEvent(appealed, 'referenda', 'Submitted').data.track.toNumber(), 0);
      assert.ok(findEvent(appealed, 'referenda', 'DecisionDepositPlaced'), 'decision deposit placed');
      const charlie = await free(api, who.charlie.address);
      // Another referendum of the track cannot uphold it: only the appeal's own decides, and
      // the claim ends when it does (so nobody can close it meanwhile).
      const closeEarly = await send(api, api.tx.mutualPool.closeClaim(claimId), who.eve);
      assert.equal(closeEarly.error, 'mutualPool.ClaimNotClosable');

      // Bob votes aye with 500 000 MUT at 1x conviction: all the votes, and above the track's
      // 5% support of the active issuance.
      const vote = { Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: 500_000n * UNIT } };
      assert.equal((await send(api, api.tx.convictionVoting.vote(index, vote), who.bob)).error, null);

      // After the track's prepare (5 blocks) and confirm (5) periods, the scheduler dispatches
      // `uphold_appeal` with the `ClaimAppeals` origin: the claim is paid as an approval would
      // pay it, and both deposits come back; so do the referendum's, once refunded (anyone may).
      const upheld = await waitForEvent(
        api, 'mutualPool', 'AppealUpheld', (e) => e.data.claimId.toNumber() === claimId,
      );
      assert.equal(upheld.data.payout.toBigInt(), amount);
      assert.ok((await api.query.referenda.referendumInfoFor(index)).unwrap().isApproved);
      assert.ok((await api.query.mutualPool.claims(claimId)).isNone);
      assert.equal((await free(api, who.charlie.address)) - charlie, amount + deposit + 3n * deposit);
      for (const refund of [api.tx.referenda.refundSubmissionDeposit(index), api.tx.referenda.refundDecisionDeposit(index)]) {
        assert.equal((await send(api, refund, who.ferdie)).error, null);
      }
      assert.equal((await poolStatus(api, POOL)).pendingClaims, 0n);
    });

    test('4b. A large loss cannot pass a simple majority in instalments (issue 9, attack 6)', async () => {
      // Eve's cover of 300 000 MUT on product 1. The pool's threshold is 20% of its capital,
      // about 200 000 MUT; the council's majority approves a first claim under it.
      const amount = 300_000n * UNIT;
      const period = 100_000;
      const quoted = (await api.call.mutualPoolApi.quote(1, amount, period)).asOk.toBigInt();
      const bought = await send(api, api.tx.mutualPool.buyCover(1, amount, period, quoted), who.eve);
      assert.equal(bought.error, null);
      const coverId = findEvent(bought, 'mutualPool', 'CoverBought').data.coverId.toNumber();
      const claimAndDecide = async (claimed, ayes) => {
        const submitted = await send(
          api, api.tx.mutualPool.submitClaim(coverId, claimed, 'ipfs://bridge-hack'), who.eve,
        );
        assert.equal(submitted.error, null);
        const claimId = findEvent(submitted, 'mutualPool', 'ClaimSubmitted').data.claimId.toNumber();
        const call = api.tx.mutualPool.approveClaim(claimId, claimed);
        const closed = await councilMotion(api, call, ayes.length + 1, who.alice, ayes, who.ferdie);
        assert.equal(closed.error, null);
        return { claimId, executed: findEvent(closed, 'council', 'Executed') };
      };
      const first = await claimAndDecide(150_000n * UNIT, [who.bob, who.dave]);
      assert.ok(first.executed.data.result.isOk, first.executed.data.result.toString());

      // The second instalment on the same cover, by a simple majority again: refused.
      const second = await claimAndDecide(100_000n * UNIT, [who.bob, who.dave]);
      const result = second.executed.data.result;
      assert.ok(result.isErr, 'the second simple-majority approval was refused');
      const error = api.registry.findMetaError(result.asErr.asModule);
      assert.equal(`${error.section}.${error.name}`, 'mutualPool.RequiresLargeClaimOrigin');

      // Four of five (the large-claim origin) approve it.
      const call = api.tx.mutualPool.approveClaim(second.claimId, 100_000n * UNIT);
      const closed = await councilMotion(api, call, 4, who.alice, [who.bob, who.dave, who.charlie], who.ferdie);
      assert.equal(closed.error, null);
      assert.ok(findEvent(closed, 'council', 'Executed').data.result.isOk);
      assert.ok(findEvent(closed, 'mutualPool', 'ClaimApproved'));
    });

    test('4c. A cheap claim cannot confiscate a withdrawal, nor hold it back beyond the leaver\'s share (issue 9, attack 1; issue 22, attack 33)', async () => {
      // Dave (1b) has unbonded all his shares; Ferdie, staked since genesis, stays.
      await waitForBlock(api, state.daveUnlockAt);
      const position = (await api.call.mutualPoolApi.position(POOL, who.dave.address)).unwrap();
      assert.equal(position.unbondingShares.toBigInt(), state.daveShares);
      const value = position.value.toBigInt();

      // Eve buys 500 000 MUT of cover and claims all of it in the same batch.
      const amount = 500_000n * UNIT;
      const period = 10; // the product's shortest
      const premium = (await api.call.mutualPoolApi.quote(PRODUCT, amount, period)).asOk.toBigInt();
      const coverId = (await api.query.mutualPool.nextCoverId()).toNumber();
      const reservedBefore = (await api.query.system.account(who.eve.address)).data.reserved.toBigInt();
      const batch = api.tx.utility.batchAll([
        api.tx.mutualPool.buyCover(PRODUCT, amount, period, premium),
        api.tx.mutualPool.submitClaim(coverId, amount, 'ipfs://no-exploit-at-all'),
      ]);
      const batched = await send(api, batch, who.eve);
      assert.equal(batched.error, null);
      assert.equal(findEvent(batched, 'mutualPool', 'CoverBought').data.coverId.toNumber(), coverId);
      const claim = findEvent(batched, 'mutualPool', 'ClaimSubmitted').data;
      assert.equal(claim.amount.toBigInt(), amount);
      // The deposit grows with the amount: 10 MUT + pool 0's rate, 0.1%, of it, at most
      // 10 000 MUT (runtime-common/src/mutual_pool.rs, genesis.rs): 510 MUT here, held from Eve.
      assert.equal(api.consts.mutualPool.claimDeposit.toBigInt(), 10n * UNIT);
      const rate = (await api.query.mutualPool.pools(POOL)).unwrap().params.claimDepositRate.toBigInt();
      assert.equal(rate, 10n ** 15n); // FixedU128: 0.001
      assert.equal(api.consts.mutualPool.maxClaimDeposit.toBigInt(), 10_000n * UNIT);
      const deposit = claim.deposit.toBigInt();
      const expected = 10n * UNIT + (amount * rate + 10n ** 18n - 1n) / 10n ** 18n; // rounded up
      assert.equal(deposit, expected < 10_000n * UNIT ? expected : 10_000n * UNIT);
      assert.equal(deposit, 510n * UNIT);
      const reserved = (await api.query.system.account(who.eve.address)).data.reserved.toBigInt();
      assert.equal(reserved - reservedBefore, deposit);
      assert.equal((await poolStatus(api, POOL)).pendingClaims, amount);

      // While the claim is pending, Dave's withdrawal pays him at once all but his share of it
      // (issue 22, attack 33), `value * pending / capital` rounded up, which is held back until
      // the claim is decided: he is never paid net of Eve's claim, nor kept waiting for all of it.
      const statusBefore = await poolStatus(api, POOL);
      const share = (value * amount + statusBefore.capital - 1n) / statusBefore.capital;
      const daveBefore = await free(api, who.dave.address);
      const withdrawn = await send(api, api.tx.mutualPool.withdraw(POOL, 0), who.dave);
      assert.equal(withdrawn.error, null);
      const event = findEvent(withdrawn, 'mutualPool', 'Withdrawn').data;
      assert.equal(event.shares.toBigInt(), state.daveShares);
      const held = findEvent(withdrawn, 'mutualPool', 'WithdrawalHeld').data.held.toBigInt();
      // The capital may have earned a little since the status was read: the share only shrinks.
      assert.ok(held > 0n && held <= share, `held ${held} of a share of ${share}`);
      assert.equal(event.amount.toBigInt() + held, value);
      assert.ok((await api.call.mutualPoolApi.position(POOL, who.dave.address)).isNone);
      const early = await send(api, api.tx.mutualPool.releaseHold(who.dave.address, POOL), who.ferdie);
      assert.equal(early.error, 'mutualPool.HoldNotDue');

      // The council rejects the claim. Eve may appeal for `AppealPeriod` blocks: until then the
      // claim stays reserved, and Dave's share stays held.
      const closed = await councilMotion(
        api, api.tx.mutualPool.rejectClaim(claim.claimId), 3, who.alice, [who.bob, who.charlie], who.ferdie,
      );
      assert.equal(closed.error, null);
      assert.ok(findEvent(closed, 'council', 'Executed').data.result.isOk);
      const appealUntil = findEvent(closed, 'mutualPool', 'ClaimRejected').data.appealUntil.toNumber();
      assert.equal((await poolStatus(api, POOL)).pendingClaims, amount);

      // Eve does not appeal. After the window anyone closes the claim (free of fees): her deposit
      // goes to the pool, not as capital but earned like a premium by the bonded stakers until
      // the end of the next full expiry bucket (issue 9, finding 13), so that staking in front of
      // the close takes none of it, and Dave's unbonding shares get none of it. Capital plus
      // unearned rise by exactly the deposit; the unearned part by nearly all of it (the premium
      // earned over the block is well under 1 MUT).
      await waitForBlock(api, appealUntil);
      const before = await poolStatus(api, POOL);
      const final = await send(api, api.tx.mutualPool.closeClaim(claim.claimId), who.ferdie);
      assert.equal(final.error, null);
      assert.equal(findEvent(final, 'mutualPool', 'ClaimClosed').data.slashed.toBigInt(), deposit);
      const after = await poolStatus(api, POOL);
      assert.equal(
        (after.capital + after.unearnedPremiums) - (before.capital + before.unearnedPremiums), deposit,
      );
      const unearned = after.unearnedPremiums - before.unearnedPremiums;
      assert.ok(unearned > deposit - UNIT && unearned <= deposit, `unearned rose by ${unearned}`);
      assert.equal(after.pendingClaims, 0n);

      // Nothing is pending any more: anyone releases Dave's hold. The rejected claim paid
      // nothing, so it is charged nothing, and Dave has all his shares were worth before the
      // claim (less the withdrawal's fee).
      const released = await send(api, api.tx.mutualPool.releaseHold(who.dave.address, POOL), who.ferdie);
      assert.equal(released.error, null);
      const hold = findEvent(released, 'mutualPool', 'HoldReleased').data;
      assert.equal(hold.charged.toBigInt(), 0n);
      assert.equal(hold.amount.toBigInt(), held);
      const received = (await free(api, who.dave.address)) - daveBefore;
      assert.ok(received > value - UNIT && received <= value, `received ${received} of ${value}`);
      assert.ok((await api.query.mutualPool.holds(who.dave.address, POOL)).isNone);
    });

    test('4d. Premiums are earned over the cover by bonded shares only (issue 9, attack 4)', async () => {
      // Alice stakes 1 000 000 MUT in front of Eve's one-year purchase and asks to leave at once:
      // before the fix she took a share of the whole year's premium after 20 blocks.
      const amount = 1_000_000n * UNIT;
      const staked = await send(api, api.tx.mutualPool.stake(POOL, amount, 0), who.alice);
      assert.equal(staked.error, null);
      const shares = findEvent(staked, 'mutualPool', 'Staked').data.shares.toBigInt();
      const ferdie = async () => (await api.call.mutualPoolApi.position(POOL, who.ferdie.address)).unwrap().value.toBigInt();
      const period = (await api.query.mutualPool.products(PRODUCT)).unwrap().params.maxPeriod.toNumber();
      // Small enough that the bonded capital left after Alice's request still backs product 0's
      // share: a request may not leave sold cover on unbonding capital (finding 18).
      const cover = 100_000n * UNIT;
      const premium = (await api.call.mutualPoolApi.quote(PRODUCT, cover, period)).asOk.toBigInt();
      const bought = await send(api, api.tx.mutualPool.buyCover(PRODUCT, cover, period, premium), who.eve);
      assert.equal(bought.error, null);
      const requested = await send(api, api.tx.mutualPool.requestUnstake(POOL, shares), who.alice);
      assert.equal(requested.error, null);

      // The premium is not capital at purchase: nearly all of it is still unearned.
      const fee = (premium * (await api.query.mutualPool.pools(POOL)).unwrap().params.fee.toBigInt()) / 1_000_000_000n;
      const status = await poolStatus(api, POOL);
      assert.ok(status.unearnedPremiums >= ((premium - fee) * 999n) / 1_000n, `unearned ${status.unearnedPremiums}`);

      // Blocks pass: Alice's unbonding shares earn nothing, Ferdie's bonded ones earn.
      const alice = async () => (await api.call.mutualPoolApi.position(POOL, who.alice.address)).unwrap();
      const unbonding = (await alice()).unbondingValue.toBigInt();
      const ferdieBefore = await ferdie();
      const now = (await api.rpc.chain.getHeader()).number.toNumber();
      await waitForBlock(api, now + 3);
      assert.equal((await alice()).unbondingValue.toBigInt(), unbonding);
      assert.equal((await alice()).shares.toBigInt(), 0n);
      assert.ok((await ferdie()) > ferdieBefore, 'Ferdie earned the premium of the blocks');
    });

    test('4e. Unbonding capital sells no cover; Alice takes her request back with rebond (issue 9, finding 12)', async () => {
      // Alice's 1 000 000 MUT unbond since 4d: they back the cover sold before, and sell none.
      const before = await poolStatus(api, POOL);
      const aliceBefore = (await api.call.mutualPoolApi.position(POOL, who.alice.address)).unwrap();
      const unbonding = aliceBefore.unbondingValue.toBigInt();
      assert.ok(unbonding > 999_000n * UNIT, `Alice unbonds ${unbonding}`);
      // A request to leave holds for the unbonding period (finding 19): no rebond before.
      const early = await send(api, api.tx.mutualPool.rebond(POOL), who.alice);
      assert.equal(early.error, 'mutualPool.StillUnbonding');
      const factor = (await api.query.mutualPool.pools(POOL)).unwrap().params.capacityFactor.toBigInt();
      const gap = before.capacity - before.bondedCapacity;
      // capacity - bonded capacity = (unbonding capital + stakes still warming up) * factor
      // (each rounded down); the stakes warming up are at most what the pool records.
      const expected = (unbonding * factor) / 10n ** 18n;
      const warming = (await warmingRecorded(api, POOL) * factor) / 10n ** 18n;
      assert.ok(gap >= expected - 2n && gap <= expected + warming + 2n, `gap ${gap}, expected ${expected}`);

      await waitForBlock(api, aliceBefore.unlockAt.unwrap().toNumber());
      const rebonded = await send(api, api.tx.mutualPool.rebond(POOL), who.alice);
      assert.equal(rebonded.error, null);
      const event = findEvent(rebonded, 'mutualPool', 'Rebonded').data;
      assert.equal(event.unbonding.toBigInt(), aliceBefore.unbondingShares.toBigInt());
      // Rebonded capital warms up as a new stake does (issue 22, attack 32) before it sells
      // cover again.
      const after = await poolStatus(api, POOL);
      const rebondedCapacity = (event.amount.toBigInt() * factor) / 10n ** 18n;
      const warmingAfter = (await warmingRecorded(api, POOL) * factor) / 10n ** 18n;
      const gapAfter = after.capacity - after.bondedCapacity;
      assert.ok(gapAfter >= rebondedCapacity - 2n && gapAfter <= warmingAfter + 2n, `gap ${gapAfter}`);
      const alice = (await api.call.mutualPoolApi.position(POOL, who.alice.address)).unwrap();
      assert.equal(alice.shares.toBigInt(), event.shares.toBigInt());
      assert.equal(alice.unbondingShares.toBigInt(), 0n);
      assert.ok(alice.unlockAt.isNone);
      // Her value moved by rounding at most (both prices are kept).
      assert.ok(alice.value.toBigInt() + 2n >= unbonding, `${alice.value} of ${unbonding}`);
    });

    test('4f. A stake made for one purchase does not discount it (issue 22, attack 32)', async () => {
      // Eve stakes 1 000 000 MUT and buys a year of cover in one batch: the stake warms up
      // before it sells and prices cover, so she pays the quote of the pool without it.
      // Small beside what the pool may still sell: since 4e, Alice's rebonded 1 000 000 MUT
      // warm up too.
      const cover = 10_000n * UNIT;
      const period = (await api.query.mutualPool.products(PRODUCT)).unwrap().params.maxPeriod.toNumber();
      const quoted = await api.call.mutualPoolApi.quote(PRODUCT, cover, period);
      assert.ok(quoted.isOk, `quote: ${quoted.toString()}`);
      const quote = quoted.asOk.toBigInt();
      const batch = api.tx.utility.batchAll([
        api.tx.mutualPool.stake(POOL, 1_000_000n * UNIT, 0),
        api.tx.mutualPool.buyCover(PRODUCT, cover, period, 10n ** 30n),
      ]);
      const result = await send(api, batch, who.eve);
      assert.equal(result.error, null);
      const premium = findEvent(result, 'mutualPool', 'CoverBought').data.premium.toBigInt();
      // Premiums earned meanwhile may lower the price a little; a discount by the stake would
      // be about a third.
      assert.ok(premium * 100n >= quote * 99n && premium <= quote, `paid ${premium}, quoted ${quote}`);
      const after = (await api.call.mutualPoolApi.quote(PRODUCT, cover, period)).asOk.toBigInt();
      assert.ok(after * 100n >= quote * 99n, `quote after the stake ${after}, before ${quote}`);
    });

    test('5. Bad inputs fail with the named errors', async () => {
      const failsWith = async (tx, signer, expected) => {
        const result = await send(api, tx, signer);
        assert.equal(result.error, expected);
      };
      // Stake below min_stake (1 MUT).
      await failsWith(api.tx.mutualPool.stake(POOL, 1n, 0), who.dave, 'mutualPool.StakeBelowMinimum');
      // Cover beyond capacity (capital is about 1 000 000 MUT, capacity about twice that).
      await failsWith(
        api.tx.mutualPool.buyCover(PRODUCT, 10_000_000n * UNIT, 100_000, 10n ** 30n), who.dave,
        'mutualPool.InsufficientCapacity',
      );
      // Premium above max_premium (half the quote: as premiums are earned, the capacity grows
      // and the price falls a little from block to block).
      const quoted = (await api.call.mutualPoolApi.quote(PRODUCT, 1_000n * UNIT, 100_000)).asOk.toBigInt();
      await failsWith(
        api.tx.mutualPool.buyCover(PRODUCT, 1_000n * UNIT, 100_000, quoted / 2n), who.dave,
        'mutualPool.PremiumTooHigh',
      );
      // A claim by someone who does not own the cover.
      await failsWith(
        api.tx.mutualPool.submitClaim(state.coverId, UNIT, 'mine'), who.dave, 'mutualPool.NotCoverOwner',
      );
      // Approval by a signed account that is not the council.
      await failsWith(api.tx.mutualPool.approveClaim(0, 1n), who.ferdie, 'BadOrigin');
      // Withdraw before the unbonding period ends.
      const requested = await send(api, api.tx.mutualPool.requestUnstake(POOL, UNIT), who.bob);
      assert.equal(requested.error, null);
      await failsWith(api.tx.mutualPool.withdraw(POOL, 0), who.bob, 'mutualPool.StillUnbonding');
    });

    test('6. The council declares an incident on the bridge product; covers in force are redeemed without a vote, one bought after is not (issue 12)', async () => {
      const BRIDGE = 1;
      const bought = async (signer, amount) => {
        const result = await send(api, api.tx.mutualPool.buyCover(BRIDGE, amount, 100_000, 10n ** 30n), signer);
        assert.equal(result.error, null);
        return findEvent(result, 'mutualPool', 'CoverBought').data.coverId.toNumber();
      };
      const charlieCover = await bought(who.charlie, 1_000n * UNIT);
      const daveCover = await bought(who.dave, 3_000n * UNIT);
      // The bridge is hacked at this block; Eve buys cover after it is public.
      const occurredAt = (await api.rpc.chain.getHeader()).number.toNumber();
      await waitForBlock(api, occurredAt + 1);
      const eveCover = await bought(who.eve, 2_000n * UNIT);

      // A motion of four of the five members: the large-claim origin, whatever the pool paid
      // earlier today. Half of each cover is paid (a partial loss).
      const ratio = 500_000_000; // Perbill: 50%
      const closed = await councilMotion(
        api, api.tx.mutualPool.declareIncident(BRIDGE, occurredAt, ratio, 'ipfs://bridge-postmortem'),
        4, who.alice, [who.bob, who.charlie, who.dave], who.eve,
      );
      assert.equal(closed.error, null);
      assert.ok(findEvent(closed, 'council', 'Executed').data.result.isOk, 'the motion executed');
      const declared = findEvent(closed, 'mutualPool', 'IncidentDeclared').data;
      const incidentId = declared.incidentId.toNumber();
      assert.equal(declared.occurredAt.toNumber(), occurredAt);
      // The reserve (half the product's active cover) counts as pending.
      const reserved = declared.reserved.toBigInt();
      assert.ok(reserved >= 3_000n * UNIT, `reserved ${reserved}`);
      assert.equal((await poolStatus(api, POOL)).pendingClaims >= reserved, true);
      // Council members see it on the pool's agenda, with its deadline.
      const agenda = (await api.call.mutualPoolApi.agenda(POOL)).unwrap();
      const listed = agenda.incidents.find((i) => i.incidentId.toNumber() === incidentId);
      assert.ok(listed, 'the incident is on the agenda');
      assert.equal(listed.closesAt.toNumber(), declared.closesAt.toNumber());

      // Anyone redeems a cover for its owner: Eve redeems Charlie's.
      const charlieBefore = await free(api, who.charlie.address);
      const redeemed = await send(api, api.tx.mutualPool.redeemCover(incidentId, charlieCover), who.eve);
      assert.equal(redeemed.error, null);
      const paid = findEvent(redeemed, 'mutualPool', 'CoverRedeemed').data;
      assert.equal(paid.owner.toString(), who.charlie.address);
      assert.equal(paid.payout.toBigInt(), 500n * UNIT);
      assert.equal((await free(api, who.charlie.address)) - charlieBefore, 500n * UNIT);
      const dave = await send(api, api.tx.mutualPool.redeemCover(incidentId, daveCover), who.dave);
      assert.equal(findEvent(dave, 'mutualPool', 'CoverRedeemed').data.payout.toBigInt(), 1_500n * UNIT);
      // Once per cover; and cover bought after the incident pays nothing.
      const again = await send(api, api.tx.mutualPool.redeemCover(incidentId, charlieCover), who.charlie);
      assert.equal(again.error, 'mutualPool.AlreadyRedeemed');
      const late = await send(api, api.tx.mutualPool.redeemCover(incidentId, eveCover), who.eve);
      assert.equal(late.error, 'mutualPool.CoverNotAffected');
      // Before its deadline the incident stays open, its reserve in place.
      const early = await send(api, api.tx.mutualPool.closeIncident(incidentId), who.eve);
      assert.equal(early.error, 'mutualPool.RedemptionOpen');
    });

    test('7. A simple majority cannot pass the large-claim threshold by declaring several incidents in one batch (issue 22, attack 30)', async () => {
      // Up to 600 000 MUT of cover on product 0, within what it may still sell (stakes warming
      // up sell none), so that two incidents of one ratio can pass the threshold while either
      // alone stays within it.
      const selling = await poolStatus(api, POOL);
      const share = (await api.query.mutualPool.products(PRODUCT)).unwrap().params.maxCapacityShare.toBigInt();
      const book = (await api.query.mutualPool.pools(POOL)).unwrap().products
        .find((b) => b.productId.toNumber() === PRODUCT).activeCover.toBigInt();
      const free = [
        (selling.bondedCapacity * share) / 1_000_000_000n - book,
        selling.bondedCapacity - selling.activeCover - selling.pendingClaims,
      ].reduce((a, b) => (a < b ? a : b));
      const amount = [600_000n * UNIT, free - UNIT].reduce((a, b) => (a < b ? a : b));
      const cover = await send(
        api, api.tx.mutualPool.buyCover(PRODUCT, amount, 100_000, 10n ** 30n), who.eve,
      );
      assert.equal(cover.error, null);
      const pool = (await api.query.mutualPool.pools(POOL)).unwrap();
      const status = await poolStatus(api, POOL);
      const threshold = (status.capital * pool.params.largeClaimThreshold.toBigInt()) / 1_000_000_000n;
      // What the pool paid or committed in its window: the earlier approvals and test 6's reserve.
      const committed = pool.payouts.committed.reduce((sum, x) => sum + x.toBigInt(), 0n);
      const active = pool.products.find((book) => book.productId.toNumber() === PRODUCT).activeCover.toBigInt();
      const room = threshold - committed;
      // A ratio whose reserve is 70% of the room left: one fits, two do not.
      const ratio = (room * 7n * 100_000_000n) / active;
      assert.ok(ratio > 0n && ratio < 1_000_000_000n, `ratio ${ratio}`);
      const occurredAt = (await api.rpc.chain.getHeader()).number.toNumber() - 1;
      const declare = () => api.tx.mutualPool.declareIncident(PRODUCT, occurredAt, ratio, 'ipfs://exploit');
      const before = (await api.query.mutualPool.nextIncidentId()).toNumber();
      const closed = await councilMotion(
        api, api.tx.utility.batchAll([declare(), declare()]), 3, who.alice, [who.bob, who.charlie], who.eve,
      );
      assert.equal(closed.error, null);
      const result = findEvent(closed, 'council', 'Executed').data.result;
      assert.ok(result.isErr, 'the batch failed');
      const { section, name } = api.registry.findMetaError(result.asErr.asModule);
      assert.equal(`${section}.${name}`, 'mutualPool.RequiresLargeClaimOrigin');
      assert.equal((await api.query.mutualPool.nextIncidentId()).toNumber(), before, 'nothing declared');
    });
  });
}
