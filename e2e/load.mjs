// Load script: block throughput of `mutualPool.buyCover` against `balances.transferKeepAlive`.
// Starts a fresh dev node, funds N load accounts, then per call pre-signs `count` extrinsics,
// submits them in one burst right after a block, follows the blocks until all are in, and
// compares what the blocks held with the capacity the runtime's weights and length limits allow.
//
//   node e2e/load.mjs [--accounts 300] [--count 20000] [--out docs/data/load.json]
//
// The count defaults to 20 000 of each call, several full blocks of either, so that both
// phases are bounded by block capacity rather than by the count (2 000 transfers fit in one
// block, which would make the per-second ratio a ratio of block counts).
//
// Run it on an otherwise idle machine: the node, the signer and this script share the cores.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { Keyring, WsProvider } from '@polkadot/api';
import { UNIT, connect, devAccounts, errorName, log, nodeBinary, send, sleep, startNode } from './lib.mjs';

/** What each load account is funded with, and how many transfers go into one batch. */
const FUNDING = 1_000n * UNIT;
const FUNDING_BATCH = 100;
/** The cover bought: 10 MUT on product 0 for 1 000 blocks; the premium is below the amount. */
const PRODUCT = 0;
const COVER_AMOUNT = 10n * UNIT;
const COVER_PERIOD = 1_000;
const MAX_PREMIUM = COVER_AMOUNT;
/** The transfer: 1 MUT to the next load account. */
const TRANSFER = UNIT;
/** RPC submissions in flight at once. */
const IN_FLIGHT = 256;
/**
 * The node's transaction pool limit: the default (8192) counts every transaction, ready or
 * future, and a pool at its limit drops what it already accepted, so give each burst room.
 */
const poolLimit = (count) => Math.max(8192, 2 * count);
/** How long to wait for the last extrinsic of a phase to be included after the burst. */
const INCLUSION_TIMEOUT_MS = 180_000;
/** Why the proposer ends a block that some resource limit cut short (else NoMoreTransactions). */
const LIMIT_HIT = new Set(['HitBlockWeightLimit', 'HitBlockSizeLimit', 'HitDeadline']);
/** The summary the proposer logs for every block it authors. */
const PROPOSED = /Prepared block for proposing at (\d+) \((\d+) ms\).*end: (\w+); extrinsics_count: (\d+)/;
/** Colour codes, should the node colour its log. */
const ANSI = /\x1b\[[0-9;]*m/g;


function options() {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string', default: '300' },
      count: { type: 'string', default: '20000' },
      out: { type: 'string' },
    },
  });
  const accounts = Number(values.accounts);
  const count = Number(values.count);
  if (!Number.isInteger(accounts) || accounts < 2 || !Number.isInteger(count) || count < 1) {
    throw new Error('usage: node e2e/load.mjs [--accounts N>=2] [--count N>=1] [--out FILE]');
  }
  return { accounts, count, out: values.out };
}

/** Parses the proposer's block summaries from the node's logs: number -> { ms, end, extrinsics }. */
function watchProposals(node) {
  const proposals = new Map();
  for (const stream of [node.stdout, node.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const m = PROPOSED.exec(line.replace(ANSI, ''));
        if (m) proposals.set(Number(m[1]), { ms: Number(m[2]), end: m[3], extrinsics: Number(m[4]) });
      }
    });
  }
  return proposals;
}

/** Stops the node with SIGINT, or SIGKILL after 10 s. */
function stopNode(node) {
  if (node.exitCode !== null || node.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => node.kill('SIGKILL'), 10_000);
    node.once('exit', () => { clearTimeout(timer); resolve(); });
    node.kill('SIGINT');
  });
}

async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** Waits for the next block and resolves to its number. */
async function nextBlock(api) {
  const start = await bestNumber(api);
  for (;;) {
    await sleep(100);
    const number = await bestNumber(api);
    if (number > start) return number;
  }
}

/** Signs `tx` offline (immortal, explicit nonce), without an RPC round trip. */
function sign(api, tx, pair, nonce) {
  return tx.sign(pair, {
    blockHash: api.genesisHash,
    genesisHash: api.genesisHash,
    nonce,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
    version: api.extrinsicType,
  });
}

/** Funds `accounts` from Alice in batches of `transferKeepAlive`, each waited for. */
async function fund(api, accounts) {
  const { alice } = devAccounts();
  const batches = Math.ceil(accounts.length / FUNDING_BATCH);
  for (let b = 0; b < batches; b++) {
    const calls = accounts.slice(b * FUNDING_BATCH, (b + 1) * FUNDING_BATCH)
      .map((a) => api.tx.balances.transferKeepAlive(a.address, FUNDING));
    const result = await send(api, api.tx.utility.batchAll(calls), alice);
    if (result.error) throw new Error(`funding batch ${b + 1} failed: ${result.error}`);
    log(`funded ${Math.min((b + 1) * FUNDING_BATCH, accounts.length)}/${accounts.length} accounts`);
  }
}

/**
 * Submits `exts` through `provider` (raw, so that rejections are counted, not logged one by one)
 * with `IN_FLIGHT` requests at once; resolves to the accepted hashes and the rejections.
 */
async function submitAll(provider, exts) {
  const accepted = new Set();
  const rejected = {};
  let next = 0;
  const worker = async () => {
    while (next < exts.length) {
      const ext = exts[next++];
      try {
        accepted.add(await provider.send('author_submitExtrinsic', [ext.toHex()]));
      } catch (e) {
        const reason = String(e.message ?? e).slice(0, 120);
        rejected[reason] = (rejected[reason] ?? 0) + 1;
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, exts.length) }, worker));
  return { accepted, rejected, seconds: (Date.now() - started) / 1000 };
}

/**
 * Reads block `number`: its `timestamp.set`, the normal-class weight it used, and which of the
 * `pending` extrinsics it holds (removed from `pending`) with their outcome.
 */
async function readBlock(api, number, pending) {
  const hash = await api.rpc.chain.getBlockHash(number);
  const [{ block }, records, weight] = await Promise.all([
    api.rpc.chain.getBlock(hash),
    api.query.system.events.at(hash),
    api.query.system.blockWeight.at(hash),
  ]);
  const outcomes = new Map();
  for (const { phase, event } of records) {
    if (phase.isApplyExtrinsic && event.section === 'system'
      && (event.method === 'ExtrinsicSuccess' || event.method === 'ExtrinsicFailed')) {
      outcomes.set(phase.asApplyExtrinsic.toNumber(), event);
    }
  }
  const read = {
    number, timestamp: null, count: 0, failures: [], charged: [],
    normalRefTime: weight.normal.refTime.toBigInt(),
  };
  block.extrinsics.forEach((ext, index) => {
    const { section, method } = ext.method;
    if (section === 'timestamp' && method === 'set') read.timestamp = ext.method.args[0].toNumber();
    if (!pending.delete(ext.hash.toHex())) return;
    read.count += 1;
    const event = outcomes.get(index);
    if (event.method === 'ExtrinsicSuccess') {
      read.charged.push(event.data.dispatchInfo.weight.refTime.toBigInt());
    } else {
      read.failures.push(errorName(api, event.data.dispatchError));
    }
  });
  return read;
}

/** Whether any of the `hashes` is among the pool's ready transactions. */
async function anyReady(api, hashes) {
  return (await api.rpc.author.pendingExtrinsics()).some((ext) => hashes.has(ext.hash.toHex()));
}

/**
 * Block capacity for extrinsics like `ext` from the runtime's limits: the normal class's
 * ref_time and proof_size (each extrinsic costs its weight plus the base extrinsic weight, and
 * its length counts as proof) and the normal class's block length.
 */
async function capacity(api, ext, limits) {
  const u8a = ext.toU8a();
  const { length } = u8a;
  const { weight } = await api.call.transactionPaymentApi.queryInfo(u8a, length);
  const { base } = limits;
  const fits = {
    ref_time: limits.normal.ref_time / (weight.refTime.toBigInt() + base.ref_time),
    proof_size: limits.normal.proof_size
      / (weight.proofSize.toBigInt() + base.proof_size + BigInt(length)),
    length: limits.normal_length / BigInt(length),
  };
  const [binding, perBlock] = Object.entries(fits).reduce((min, e) => (e[1] < min[1] ? e : min));
  return {
    length,
    weight_ref_time: weight.refTime.toBigInt(),
    weight_proof_size: weight.proofSize.toBigInt(),
    limits: fits,
    per_block: perBlock,
    binding,
  };
}

/** The runtime's block limits: normal-class weight and length, base extrinsic weight. */
function blockLimits(api) {
  const { maxBlock, perClass: { normal } } = api.consts.system.blockWeights;
  const maxTotal = normal.maxTotal.unwrap();
  return {
    max_block: { ref_time: maxBlock.refTime.toBigInt(), proof_size: maxBlock.proofSize.toBigInt() },
    normal: { ref_time: maxTotal.refTime.toBigInt(), proof_size: maxTotal.proofSize.toBigInt() },
    base: {
      ref_time: normal.baseExtrinsic.refTime.toBigInt(),
      proof_size: normal.baseExtrinsic.proofSize.toBigInt(),
    },
    normal_length: api.consts.system.blockLength.max.normal.toBigInt(),
  };
}

/**
 * One phase: signs `count` calls from `build(k)` round robin over `accounts` with explicit
 * nonces, submits them in one burst right after a block, follows the blocks until all are
 * included (or the timeout), and returns the statistics.
 */
async function runPhase(api, submitter, name, build, accounts, count, limits, proposals) {
  const nonces = (await api.query.system.account.multi(accounts.map((a) => a.address)))
    .map((info) => info.nonce.toNumber());
  const exts = Array.from({ length: count }, (_, i) => {
    const k = i % accounts.length;
    return sign(api, build(k), accounts[k], nonces[k] + Math.floor(i / accounts.length));
  });
  const cap = await capacity(api, exts[0], limits);
  log(`${name}: signed ${count} extrinsics over ${accounts.length} accounts; `
    + `capacity ${cap.per_block} per block (${cap.binding})`);

  const start = await nextBlock(api);
  const submitted = await submitAll(submitter, exts);
  log(`${name}: submitted after block #${start} in ${submitted.seconds.toFixed(1)} s, `
    + `${submitted.accepted.size} accepted, ${count - submitted.accepted.size} rejected`);
  for (const [reason, n] of Object.entries(submitted.rejected)) log(`  rejected ${n}x: ${reason}`);

  const pending = new Set(submitted.accepted);
  const blocks = [];
  const deadline = Date.now() + INCLUSION_TIMEOUT_MS;
  let number = start;
  while (pending.size > 0 && Date.now() < deadline) {
    const best = await bestNumber(api);
    for (; number <= best && pending.size > 0; number++) {
      const read = await readBlock(api, number, pending);
      blocks.push(read);
      if (read.count > 0) {
        log(`${name}: block #${number} holds ${read.count}, ${pending.size} still pending`);
      }
    }
    // A block after the burst that took none of them while none is ready: they will never be.
    const idle = blocks.length > 1 && blocks.at(-1).count === 0;
    if (pending.size > 0 && idle && !(await anyReady(api, pending))) {
      log(`${name}: the ${pending.size} pending are no longer ready in the pool `
        + '(dropped, or behind a dropped nonce); giving up on them');
      break;
    }
    if (pending.size > 0) await sleep(500);
  }
  return stats(name, count, submitted, blocks, cap, limits, proposals);
}

function stats(name, count, submitted, blocks, cap, limits, proposals) {
  const holding = blocks.filter((b) => b.count > 0);
  const included = holding.reduce((sum, b) => sum + b.count, 0);
  const errors = holding.flatMap((b) => b.failures);
  const failures = {};
  for (const error of errors) failures[error] = (failures[error] ?? 0) + 1;
  const charged = holding.flatMap((b) => b.charged);
  const chargedRefTime = charged.length
    ? charged.reduce((sum, w) => sum + w, 0n) / BigInt(charged.length) : null;
  const first = holding[0];
  const last = holding.at(-1);
  // The burst was submitted right after blocks[0], so the block before the first one holding
  // any is always among the blocks read.
  const before = first && blocks.find((b) => b.number === first.number - 1);
  const seconds = first ? (last.timestamp - before.timestamp) / 1000 : null;
  const ends = {};
  for (const b of holding) {
    const end = proposals.get(b.number)?.end ?? 'unknown';
    ends[end] = (ends[end] ?? 0) + 1;
  }
  // Blocks the proposer closed on a limit, not for lack of transactions: the steady state.
  const full = holding.filter((b) => LIMIT_HIT.has(proposals.get(b.number)?.end));
  return {
    call: name,
    submitted: count,
    accepted: submitted.accepted.size,
    rejected: submitted.rejected,
    submit_seconds: submitted.seconds,
    included,
    not_included: count - included,
    failed: errors.length,
    failures,
    first_block: first?.number ?? null,
    last_block: last?.number ?? null,
    blocks: holding.length,
    blocks_spanned: first ? last.number - first.number + 1 : 0,
    mean_per_block: first ? included / holding.length : null,
    max_per_block: first ? Math.max(...holding.map((b) => b.count)) : null,
    seconds,
    per_second: first ? included / seconds : null,
    full_blocks: full.length,
    mean_per_full_block: full.length ? full.reduce((sum, b) => sum + b.count, 0) / full.length : null,
    // Why the proposer ended each block holding some (from the node's log).
    proposer_end: ends,
    capacity: {
      ...cap,
      // What the blocks charged per extrinsic after refunds, base extrinsic weight included.
      charged_ref_time: chargedRefTime,
      per_block_at_charged: chargedRefTime ? limits.normal.ref_time / chargedRefTime : null,
    },
    // [block number, extrinsics of this phase, timestamp (ms)], from the block the burst followed.
    series: blocks.map((b) => [b.number, b.count, b.timestamp]),
    // [block number, normal ref_time used in % of the normal limit, proposer ms, proposer end].
    block_details: blocks.map((b) => {
      const p = proposals.get(b.number);
      const used = Number((b.normalRefTime * 10_000n) / limits.normal.ref_time) / 100;
      return [b.number, used, p?.ms ?? null, p?.end ?? null];
    }),
  };
}

/** Observations drawn from the figures, for the report. */
function notes(phases, ratios) {
  const out = [];
  for (const p of Object.values(phases)) {
    const ends = Object.entries(p.proposer_end).map(([end, n]) => `${n}x ${end}`).join(', ');
    out.push(`${p.call}: the proposer ended the blocks holding it with ${ends}.`);
    if (p.included && p.full_blocks === 0) {
      out.push(`${p.call}: no block was closed on a limit (${p.included} in ${p.blocks}), so its `
        + 'measured ext/block and ext/s are bounded by the count and the slot time, not by capacity.');
    }
  }
  const { buy_cover: b, transfer: t } = phases;
  const full = ratios.per_full_block;
  if (t.included && t.full_blocks === 0) {
    out.push(`The transfers never filled a block, so the ext/s ratio (${fixed(ratios.per_second, 2)}) `
      + 'compares buy_cover throughput with the count of transfers, not with their throughput; '
      + `by the runtime's limits the ratio is ${fixed(ratios.capacity, 2)} `
      + `(${fixed(ratios.capacity_at_charged, 2)} at the weights charged after refunds).`);
  } else if (full != null && (full >= 0.5) !== ratios.target_met) {
    out.push(`Blocks closed on a limit held ${fixed(b.mean_per_full_block)} buy_cover against `
      + `${fixed(t.mean_per_full_block)} transfers (ratio ${fixed(full, 2)}), while the ext/s ratio is `
      + `${fixed(ratios.per_second, 2)}: the partly filled last block of each phase skews ext/s, so the `
      + 'target verdict from ext/s does not hold in full blocks.');
  }
  return out;
}

function machine() {
  const gib = Math.round(totalmem() / 2 ** 30);
  return `${availableParallelism()} cores, ${gib} GiB, ${cpus()[0]?.model.trim() ?? 'unknown cpu'}`;
}

/** HEAD's short hash, `+changes` if pallets/ or runtime/ differ from it (as performance.sh). */
function gitCommit() {
  const repo = new URL('..', import.meta.url);
  const git = (...args) => execFileSync('git', args, { cwd: repo }).toString().trim();
  try {
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--', 'pallets', 'runtime') ? `${head}+changes` : head;
  } catch {
    return null;
  }
}

const ratio = (a, b) => (a == null || b == null ? null : Number(a) / Number(b));
const fixed = (x, digits = 1) => (x == null ? 'n/a' : Number(x).toFixed(digits));
const micros = (ps) => (ps == null ? 'n/a' : (Number(ps) / 1e6).toFixed(1));

function summary(report) {
  const lines = [];
  for (const p of Object.values(report.phases)) {
    const c = p.capacity;
    lines.push(`${p.call}: ${p.included}/${p.submitted} included, ${p.failed} failed, `
      + `${p.not_included} not included; burst submitted in ${p.submit_seconds.toFixed(1)} s`);
    lines.push(`  measured: ${p.blocks} blocks (#${p.first_block}..#${p.last_block}), `
      + `${fixed(p.mean_per_block)} ext/block mean, ${p.max_per_block} max, `
      + `${fixed(p.per_second)} ext/s over ${p.seconds} s; ${fixed(p.mean_per_full_block)} ext/block `
      + `mean in the ${p.full_blocks} blocks closed on a limit`);
    lines.push(`  computed: ${c.per_block} per block, bound by ${c.binding} `
      + `(ref_time ${c.limits.ref_time}, length ${c.limits.length}); `
      + `weight ${micros(c.weight_ref_time)} µs + base ${micros(report.block_limits.base.ref_time)} µs, `
      + `${c.length} B`);
    lines.push(`  charged after refunds: ${micros(c.charged_ref_time)} µs -> `
      + `${c.per_block_at_charged} per block`);
  }
  const r = report.ratios;
  lines.push(`buy_cover / transfer: computed capacity ${fixed(r.capacity, 2)} `
    + `(at charged weight ${fixed(r.capacity_at_charged, 2)}), `
    + `measured ext/block ${fixed(r.per_block, 2)} (in full blocks ${fixed(r.per_full_block, 2)}), `
    + `ext/s ${fixed(r.per_second, 2)}`);
  lines.push(`target "buy_cover throughput at least half of transfers" (ext/s ratio >= 0.5): `
    + `${r.target_met ? 'met' : 'NOT met'}`);
  lines.push(...report.notes.map((n) => `note: ${n}`));
  return lines.join('\n');
}

const json = (value) => JSON.stringify(value, (_, v) => {
  if (typeof v !== 'bigint') return v;
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}, 2);

let node;

async function main() {
  const opts = options();
  const extraArgs = ['--pool-limit', String(poolLimit(opts.count))];
  log(`starting ${nodeBinary()} --dev --tmp ${extraArgs.join(' ')}`);
  const started = await startNode('dev', extraArgs);
  node = started.node;
  const proposals = watchProposals(node);
  let api;
  let submitter;
  try {
    api = await connect(started.rpcPort);
    submitter = new WsProvider(`ws://127.0.0.1:${started.rpcPort}`);
    await submitter.isReady;
    log(`connected on port ${started.rpcPort} at block #${await bestNumber(api)}`);

    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const accounts = Array.from({ length: opts.accounts }, (_, i) => keyring.addFromUri(`//load//${i}`));
    await fund(api, accounts);

    const limits = blockLimits(api);
    const buyCover = await runPhase(
      api, submitter, 'mutualPool.buyCover',
      () => api.tx.mutualPool.buyCover(PRODUCT, COVER_AMOUNT, COVER_PERIOD, MAX_PREMIUM),
      accounts, opts.count, limits, proposals,
    );
    const transfer = await runPhase(
      api, submitter, 'balances.transferKeepAlive',
      (k) => api.tx.balances.transferKeepAlive(accounts[(k + 1) % accounts.length].address, TRANSFER),
      accounts, opts.count, limits, proposals,
    );

    const phases = { buy_cover: buyCover, transfer };
    const perSecond = ratio(buyCover.per_second, transfer.per_second);
    const { dbWeight } = api.consts.system;
    const report = {
      command: `node e2e/load.mjs --accounts ${opts.accounts} --count ${opts.count}`,
      date: new Date().toISOString().slice(0, 10),
      time: new Date().toISOString(),
      commit: gitCommit(),
      machine: machine(),
      node: nodeBinary(),
      accounts: opts.accounts,
      count: opts.count,
      calls: {
        buy_cover: {
          product_id: PRODUCT, amount: COVER_AMOUNT, period: COVER_PERIOD, max_premium: MAX_PREMIUM,
        },
        transfer: { amount: TRANSFER, to: 'the next load account' },
      },
      block_limits: limits,
      db_weight: { read: dbWeight.read.toBigInt(), write: dbWeight.write.toBigInt() },
      phases,
      ratios: {
        capacity: ratio(buyCover.capacity.per_block, transfer.capacity.per_block),
        capacity_at_charged: ratio(
          buyCover.capacity.per_block_at_charged, transfer.capacity.per_block_at_charged,
        ),
        per_block: ratio(buyCover.mean_per_block, transfer.mean_per_block),
        per_full_block: ratio(buyCover.mean_per_full_block, transfer.mean_per_full_block),
        per_second: perSecond,
        target_met: perSecond != null && perSecond >= 0.5,
      },
    };
    report.notes = notes(phases, report.ratios);
    if (opts.out) {
      mkdirSync(dirname(opts.out), { recursive: true });
      writeFileSync(opts.out, `${json(report)}\n`);
      log(`wrote ${opts.out}`);
    }
    console.log(summary(report));
    const bad = Object.values(phases).filter((p) => p.failed > 0 || p.not_included > 0);
    if (bad.length) {
      const what = bad.map((p) => `${p.call}: ${p.failed} failed, ${p.not_included} not included`);
      console.error(`FAILED: ${what.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    if (submitter) await submitter.disconnect();
    if (api) await api.disconnect();
    await stopNode(node);
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (node) await stopNode(node);
    process.exit(130);
  });
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exitCode = 1;
});
