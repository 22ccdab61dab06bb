// Helpers of the reliability tests (docs/reliability.md): node processes with a persistent base
// path that can be killed and started again with the same arguments, a three-validator
// `--chain local` network on loopback, and what the tests compare: finalized heads, state roots
// and a digest of MutualPool's storage at a block.

import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { connect, freePort, log, nodeBinary, sleep } from './lib.mjs';

/**
 * One node process, started with fixed arguments; its whole log goes to `<dir>/node.log`,
 * across restarts.
 */
export class Node {
  constructor(name, args, dir, rpcPort) {
    Object.assign(this, { name, args, dir, rpcPort, proc: null, api: null });
    mkdirSync(dir, { recursive: true });
    this.logPath = join(dir, 'node.log');
  }

  start() {
    const out = createWriteStream(this.logPath, { flags: 'a' });
    this.proc = spawn(nodeBinary(), this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout.pipe(out);
    this.proc.stderr.pipe(out);
    this.exited = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => resolve({ code, signal }));
    });
    return this;
  }

  get running() {
    return this.proc !== null && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Connects (retrying) and waits for block `minBlock`. */
  async connect(minBlock = 1) {
    this.api = await connect(this.rpcPort, { minBlock, timeoutMs: 180_000 });
    return this.api;
  }

  /** Sends `signal` (SIGKILL by default) and waits for the process to end. */
  async stop(signal = 'SIGKILL') {
    if (this.api) await this.api.disconnect().catch(() => {});
    this.api = null;
    if (!this.running) return;
    this.proc.kill(signal);
    const { code, signal: got } = await this.exited;
    log(`${this.name} ended (${got ?? code})`);
  }

  /** Starts again with the same arguments (same base path, keys and database) and connects. */
  async restart(minBlock = 1) {
    this.start();
    return this.connect(minBlock);
  }
}

/** A `--dev` node with a persistent `--base-path dir` (no `--tmp`), connected. */
export async function startDevNode(dir, extraArgs = []) {
  const rpc = await freePort();
  const p2p = await freePort();
  const node = new Node('dev', [
    '--dev', '--base-path', dir,
    '--rpc-port', String(rpc), '--port', String(p2p),
    '--no-prometheus', '--no-telemetry', '--no-mdns', ...extraArgs,
  ], dir, rpc).start();
  await node.connect(1);
  return node;
}

/** The validators of `--chain local` (the `local_testnet` preset). */
export const VALIDATORS = ['alice', 'bob', 'charlie'];

/** Fixed p2p secret keys (for a test network only), so that peer ids are known before start. */
const NODE_KEYS = {
  alice: '0000000000000000000000000000000000000000000000000000000000000001',
  bob: '0000000000000000000000000000000000000000000000000000000000000002',
  charlie: '0000000000000000000000000000000000000000000000000000000000000003',
};

/** The peer id of a node key, from `mutual-pool-node key inspect-node-key`. */
function peerId(nodeKey) {
  return execFileSync(nodeBinary(), ['key', 'inspect-node-key'], { input: nodeKey }).toString().trim();
}

/**
 * Starts Alice, Bob and Charlie on `--chain local` under `dir`, each with its own base path and
 * node key, listening on loopback and knowing the other two as bootnodes. Resolves to
 * { alice, bob, charlie } once each has imported block `minBlock`.
 */
export async function startNetwork(dir, { minBlock = 2 } = {}) {
  const ports = {};
  for (const v of VALIDATORS) ports[v] = { p2p: await freePort(), rpc: await freePort() };
  const ids = Object.fromEntries(VALIDATORS.map((v) => [v, peerId(NODE_KEYS[v])]));
  const address = (v) => `/ip4/127.0.0.1/tcp/${ports[v].p2p}/p2p/${ids[v]}`;
  const nodes = {};
  for (const v of VALIDATORS) {
    const base = join(dir, v);
    nodes[v] = new Node(v, [
      '--chain', 'local', `--${v}`,
      '--base-path', base,
      '--node-key', NODE_KEYS[v],
      '--port', String(ports[v].p2p),
      '--bootnodes', ...VALIDATORS.filter((o) => o !== v).map(address),
      '--rpc-port', String(ports[v].rpc),
      '--no-prometheus', '--no-telemetry', '--no-mdns',
    ], base, ports[v].rpc).start();
  }
  await Promise.all(Object.values(nodes).map((n) => n.connect(minBlock)));
  return nodes;
}

/** { number, hash, stateRoot } of a node's finalized head. */
export async function finalized(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  const header = await api.rpc.chain.getHeader(hash);
  return { number: header.number.toNumber(), hash: hash.toHex(), stateRoot: header.stateRoot.toHex() };
}

/** { hash, stateRoot } of the block at height `n` of a node's chain. */
export async function blockAt(api, n) {
  const hash = await api.rpc.chain.getBlockHash(n);
  const header = await api.rpc.chain.getHeader(hash);
  return { hash: hash.toHex(), stateRoot: header.stateRoot.toHex() };
}

/**
 * Waits until every node's finalized head is at least `number`, then checks that all hold the
 * same block hash and state root at the lowest finalized height among them; returns that
 * { number, hash, stateRoot }.
 */
export async function sameFinalized(apis, number, { timeoutMs = 180_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let heads;
  for (;;) {
    heads = await Promise.all(apis.map(finalized));
    if (heads.every((h) => h.number >= number)) break;
    if (Date.now() > deadline) {
      throw new Error(`finality did not reach #${number}: ${heads.map((h) => h.number).join(', ')}`);
    }
    await sleep(1_000);
  }
  const common = Math.min(...heads.map((h) => h.number));
  const blocks = await Promise.all(apis.map((api) => blockAt(api, common)));
  for (const b of blocks.slice(1)) {
    if (b.hash !== blocks[0].hash || b.stateRoot !== blocks[0].stateRoot) {
      throw new Error(`nodes differ at finalized #${common}: ${JSON.stringify(blocks)}`);
    }
  }
  return { number: common, ...blocks[0] };
}

/**
 * What the hooks of every block move in a pool (`Pools`): the expiry cursors and the premiums
 * accrued from `unearned` into `capital` and `feesOwed`. Comparisons of MutualPool's storage
 * across blocks leave them out.
 */
export const MOVED_BY_HOOKS = new Set(['expiredThrough', 'earnings', 'capital', 'feesOwed']);

/** The storage prefix of a pallet (twox128 of its name), as hex. */
export const palletPrefix = (pallet) => xxhashAsHex(pallet, 128);

/** Every key under `prefix` at block `at` with its value: a Map of hex key to hex value. */
export async function rawStorage(api, prefix, at) {
  const keys = [];
  let start;
  for (;;) {
    const page = await api.rpc.state.getKeysPaged(prefix, 1000, start, at);
    keys.push(...page.map((k) => k.toHex()));
    if (page.length < 1000) break;
    start = page[page.length - 1];
  }
  keys.sort();
  const pairs = new Map();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    // polkadot.js answers raw keys with one value per key, in their order.
    const values = await api.rpc.state.queryStorageAt(chunk, at);
    chunk.forEach((key, k) => pairs.set(key, values[k].toHex()));
  }
  return pairs;
}

/**
 * Every key and value under `prefix` at block `at`: { count, digest }, `digest` being
 * blake2-256 over the sorted pairs, to compare two snapshots.
 */
export async function storageDigest(api, prefix, at) {
  const pairs = [...(await rawStorage(api, prefix, at))].map(([key, value]) => `${key}=${value}`);
  return { count: pairs.length, digest: blake2AsHex(pairs.join(''), 256) };
}
