// Helpers of the end-to-end suite: start a dev node, connect, sign and wait, decode errors.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { bnToU8a, stringToU8a, u8aConcat } from '@polkadot/util';

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Prints `line` after the time of day. */
export const log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** One MUT in plancks (12 decimals). */
export const UNIT = 10n ** 12n;

/** The build's target directory: $CARGO_TARGET_DIR, or the one scripts/common.sh uses. */
const targetDir = () => process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/mutual-pool/target');

/** The node binary: $MUTUAL_POOL_NODE, or the release build in the target directory. */
export function nodeBinary() {
  if (process.env.MUTUAL_POOL_NODE) return process.env.MUTUAL_POOL_NODE;
  return join(targetDir(), 'release', 'mutual-pool-node');
}

/**
 * The solo runtime's Wasm with `spec_version` one above, which the build makes with the
 * `try-runtime` feature (runtime/build.rs): $UPGRADE_WASM, or the build's.
 */
export function upgradeWasm() {
  if (process.env.UPGRADE_WASM) return process.env.UPGRADE_WASM;
  return join(targetDir(), 'release/wbuild/mutual-pool-runtime/wasm_binary_upgrade_test.rs.compact.compressed.wasm');
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The chains the suite runs on: the solo `--dev` chain and the parachain runtime's `para-dev`
 * chain (run by our node without a relay chain). $E2E_CHAINS narrows it, e.g. `E2E_CHAINS=dev`.
 */
export const CHAINS = (process.env.E2E_CHAINS || 'dev,para-dev').split(',').filter(Boolean);

/**
 * The node's arguments for `chain`. `para-dev` seals a block every second instead of every 6 s:
 * the pallet counts blocks, so its periods pass six times faster and the suite waits less.
 * `omni` is the same parachain run by upstream `polkadot-omni-node` ($OMNI_NODE) from the chain
 * spec in $OMNI_CHAIN_SPEC, as scripts/omni-node-dev.sh prepares them; it is not in the
 * default $E2E_CHAINS.
 */
export function chainArgs(chain) {
  if (chain === 'dev') return ['--dev'];
  if (chain === 'para-dev') return ['--chain', 'para-dev', '--dev-block-time', '1000'];
  if (chain === 'omni') {
    if (!process.env.OMNI_CHAIN_SPEC) throw new Error('chain omni needs $OMNI_CHAIN_SPEC (scripts/omni-node-dev.sh)');
    return ['--chain', process.env.OMNI_CHAIN_SPEC, '--dev-block-time', '1000'];
  }
  throw new Error(`unknown chain ${chain}`);
}

/** The binary that runs `chain`: ours (`nodeBinary`), or $OMNI_NODE for `omni`. */
function binaryFor(chain) {
  if (chain !== 'omni') return nodeBinary();
  if (!process.env.OMNI_NODE) throw new Error('chain omni needs $OMNI_NODE (scripts/omni-node-dev.sh)');
  return process.env.OMNI_NODE;
}

/**
 * Starts `mutual-pool-node` (or, for `omni`, `polkadot-omni-node`) on `chain` (see `chainArgs`)
 * with `--tmp` on free ports, with `extraArgs` appended; resolves to { node, rpcPort, logs }.
 */
export async function startNode(chain = 'dev', extraArgs = []) {
  const binary = binaryFor(chain);
  if (!existsSync(binary)) {
    throw new Error(`node binary not found at ${binary}: build it with scripts/run-dev.sh or set MUTUAL_POOL_NODE`);
  }
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const args = [
    ...chainArgs(chain), '--tmp',
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus', '--no-telemetry', '--no-mdns',
    ...extraArgs,
  ];
  const node = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  const keep = (chunk) => {
    logs.push(chunk.toString());
    if (logs.length > 200) logs.shift();
  };
  node.stdout.on('data', keep);
  node.stderr.on('data', keep);
  node.on('exit', (code, signal) => {
    if (code !== null && code !== 0) {
      console.error(`${binary} exited with ${code}:\n${logs.join('')}`);
    }
  });
  return { node, rpcPort, logs };
}

/**
 * The parachain dev node's own RPC methods (docs/parachain.md), for `api.rpc.dev.*`: deliver an
 * XCM message (a SCALE-encoded `VersionedXcm`) in the next block, from a sibling parachain or
 * from the relay chain. polkadot.js decorates them only where the node has them.
 */
export const DEV_RPC = {
  dev: {
    injectHorizontalXcm: {
      description: 'Delivers an XCM message from sibling parachain `sender` in the next block',
      params: [{ name: 'sender', type: 'u32' }, { name: 'xcm', type: 'Bytes' }],
      type: 'u32',
    },
    injectDownwardXcm: {
      description: 'Delivers an XCM message from the relay chain in the next block',
      params: [{ name: 'xcm', type: 'Bytes' }],
      type: 'u32',
    },
  },
};

/** Connects to the node, retrying until `timeoutMs`; then waits for block `minBlock`. */
export async function connect(rpcPort, { timeoutMs = 120_000, minBlock = 2 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let api;
  while (!api) {
    const provider = new WsProvider(`ws://127.0.0.1:${rpcPort}`, false);
    try {
      await provider.connect();
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('connect timeout')), 2_000);
        provider.on('connected', () => { clearTimeout(timer); resolve(); });
        provider.on('error', () => { clearTimeout(timer); reject(new Error('connect error')); });
      });
      api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true, rpc: DEV_RPC });
    } catch (e) {
      await provider.disconnect().catch(() => {});
      if (Date.now() > deadline) throw new Error(`no RPC on port ${rpcPort} after ${timeoutMs} ms`);
      await sleep(1_000);
    }
  }
  while ((await api.rpc.chain.getHeader()).number.toNumber() < minBlock) {
    if (Date.now() > deadline) throw new Error(`the chain did not reach block ${minBlock}`);
    await sleep(1_000);
  }
  return api;
}

/** The dev accounts by lower-case name. */
export function devAccounts() {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const names = ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'];
  return Object.fromEntries(
    names.map((n) => [n, keyring.addFromUri(`//${n[0].toUpperCase()}${n.slice(1)}`)]),
  );
}

/**
 * Name of a dispatch error: `Section.Name` of a module error, `Token.FundsUnavailable` and the
 * like, or `BadOrigin`.
 */
export function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  if (dispatchError.isToken) return `Token.${dispatchError.asToken.type}`;
  if (dispatchError.isArithmetic) return `Arithmetic.${dispatchError.asArithmetic.type}`;
  return dispatchError.type;
}

/**
 * Signs and submits `tx` from `signer` (with signing `options` such as `{ nonce }`), waits until
 * it is in a block, and resolves to { events, error, blockHash } where `error` is the decoded
 * dispatch error name or null.
 */
export function send(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (status.isInBlock || status.isFinalized) {
        if (unsub) unsub();
        resolve({
          events,
          error: dispatchError ? errorName(api, dispatchError) : null,
          blockHash: status.isInBlock ? status.asInBlock : status.asFinalized,
        });
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        if (unsub) unsub();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

/** The first event `section.method` of a result, or undefined. */
export function findEvent(result, section, method) {
  return result.events.map((r) => r.event).find((e) => e.section === section && e.method === method);
}

/** The account of pool `poolId`: PalletId(b"mut/pool").into_sub_account_truncating(poolId). */
export function poolAccount(api, poolId) {
  const raw = u8aConcat(stringToU8a('modl'), stringToU8a('mut/pool'), bnToU8a(poolId, { bitLength: 32 }));
  const padded = new Uint8Array(32);
  padded.set(raw);
  return api.createType('AccountId32', padded).toString();
}

/** Free balance of `who` as a bigint. */
export async function free(api, who) {
  return (await api.query.system.account(who)).data.free.toBigInt();
}

/** Resolves once the best block is at least `number`, polling every second. */
export async function waitForBlock(api, number, { timeoutMs = 300_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while ((await api.rpc.chain.getHeader()).number.toNumber() < number) {
    if (Date.now() > deadline) throw new Error(`the chain did not reach block ${number}`);
    await sleep(1_000);
  }
}

/**
 * Resolves to the first event `section.method` for which `matches(event)` holds, in a block
 * imported from now on (best blocks, as `send` waits for), or rejects after `timeoutMs`.
 */
export async function waitForEvent(api, section, method, matches = () => true, { timeoutMs = 300_000 } = {}) {
  let unsub;
  let timer;
  try {
    return await new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${section}.${method} within ${timeoutMs} ms`)), timeoutMs);
      api.query.system.events((records) => {
        const found = records.map((r) => r.event)
          .find((e) => e.section === section && e.method === method && matches(e));
        if (found) resolve(found);
      }).then((u) => { unsub = u; }, reject);
    });
  } finally {
    clearTimeout(timer);
    if (unsub) unsub();
  }
}

/**
 * A pool's asset (a `NativeOrWithId` codec) as polkadot.js takes it in calls: `'Native'`, or
 * `{ WithId: id }` with the id as JSON (a number on the solo chain, a location on the parachain).
 */
export function assetKind(asset) {
  return asset.isNative ? 'Native' : { WithId: asset.asWithId.toJSON() };
}

/** One unit of the dev stablecoin (USDT, 6 decimals) of pool 1, on either chain. */
export const USD = 1_000_000n;

/**
 * Asset Hub's USDT (its asset 1984 of pallet-assets, instance 50) as an XCM location seen from
 * the parachain: the id under which the parachain holds it in `foreignAssets`, and pool 1's asset
 * there (the solo chain's is asset 1984 of `assets`).
 */
export const USDT_LOCATION = {
  parents: 1,
  interior: { X3: [{ Parachain: 1000 }, { PalletInstance: 50 }, { GeneralIndex: 1984 }] },
};

/**
 * `location`, an XCM v5 location as polkadot.js takes it (e.g. `USDT_LOCATION`), as JSON the way
 * the chain's codecs print it (`{ parents: 1, interior: { x3: [{ parachain: 1000 }, …] } }`):
 * what `assetKind` gives for a pool in that asset.
 */
export function locationJson(api, location) {
  return api.createType('XcmVersionedLocation', { V5: location }).asV5.toJSON();
}

/**
 * The storage of the pallet that holds asset `assetId`: `assets` for a number (the solo chain's
 * local assets), `foreignAssets` for an XCM location, `{ parents, interior }` (the parachain's,
 * keyed by location).
 */
function assetsPallet(api, assetId) {
  const isLocation = typeof assetId === 'object' && assetId !== null && 'parents' in assetId && 'interior' in assetId;
  return isLocation ? api.query.foreignAssets : api.query.assets;
}

/**
 * What `who` holds of asset `assetId` (0 without an account), as a bigint: of pallet `assets`
 * for a number, of `foreignAssets` for a location (see `assetsPallet`).
 */
export async function assetBalance(api, assetId, who) {
  const account = await assetsPallet(api, assetId).account(assetId, who);
  return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
}

/** The supply of asset `assetId` (a number or a location, as for `assetBalance`), as a bigint. */
export async function assetSupply(api, assetId) {
  return (await assetsPallet(api, assetId).asset(assetId)).unwrap().supply.toBigInt();
}

/**
 * The pool status from the runtime API, with bigints; `asset` is the pool's asset, in which
 * every amount is (see `assetKind`).
 */
export async function poolStatus(api, poolId) {
  const status = (await api.call.mutualPoolApi.poolStatus(poolId)).unwrap();
  return {
    asset: assetKind(status.asset),
    capital: status.capital.toBigInt(),
    totalShares: status.totalShares.toBigInt(),
    sharePrice: status.sharePrice.toBigInt(),
    activeCover: status.activeCover.toBigInt(),
    pendingClaims: status.pendingClaims.toBigInt(),
    unearnedPremiums: status.unearnedPremiums.toBigInt(),
    capacity: status.capacity.toBigInt(),
    bondedCapacity: status.bondedCapacity.toBigInt(),
  };
}

/**
 * Runs a council motion for `call`: `proposer` proposes with `threshold` and votes aye, each of
 * `ayes` votes aye, `closer` closes. Resolves to the result of the close.
 */
export async function councilMotion(api, call, threshold, proposer, ayes, closer) {
  const lengthBound = call.encodedLength;
  const proposed = await send(api, api.tx.council.propose(threshold, call, lengthBound), proposer);
  if (proposed.error) throw new Error(`propose failed: ${proposed.error}`);
  const event = findEvent(proposed, 'council', 'Proposed');
  if (!event) {
    // A threshold of 1 executes at once.
    return proposed;
  }
  const [, index, hash] = event.data;
  // Whether the proposer's aye is counted at `propose` depends on the pallet version: vote
  // for everyone who has not voted yet.
  const voted = (await api.query.council.voting(hash)).unwrap().ayes.map((a) => a.toString());
  for (const voter of [proposer, ...ayes].filter((v) => !voted.includes(v.address))) {
    const voted = await send(api, api.tx.council.vote(hash, index, true), voter);
    if (voted.error) throw new Error(`vote failed: ${voted.error}`);
  }
  const weightBound = { refTime: 10_000_000_000n, proofSize: 1_000_000n };
  return send(api, api.tx.council.close(hash, index, weightBound, lengthBound), closer);
}
