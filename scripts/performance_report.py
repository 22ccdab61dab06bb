#!/usr/bin/env python3
"""Writes docs/performance.md from the measurements in docs/data/ (prints it to stdout).

- docs/data/benchmarks/solo/: one run of `benchmark pallet` over pallet_mutual_pool and
  pallet_balances on the solo runtime (scripts/performance.sh), the CLI's analysis as JSON (one
  file per pallet, written through scripts/benchmark-analysis.hbs), and run.json naming the
  command, date, commit and machine. For every call: base ref_time, slopes per component, reads,
  writes and estimated proof size, compared with pallet_balances::transfer_keep_alive.
- docs/data/benchmarks/para/pallet_mutual_pool.json: the same for the parachain runtime, for its
  proof sizes against the PoV limit.
- docs/data/benchmarks/among.json: the raw timings of the `*_among` benchmarks, one row per step
  (`--extract-among` writes it from the CLI's `--json-file`), fitted here against `n`.
- docs/data/load.json: block capacity, computed from the runtime's weights and measured on a dev
  node (scripts/load.sh).
- docs/data/build-cost.json: cold build time, peak memory and Wasm size (scripts/build-cost.sh,
  or CI's build step as scripts/ci-cost.sh measured it).
- docs/data/ci-cold.json: the whole CI on an empty target dir, per step (scripts/ci-cost.sh).

A missing file is reported as not measured. Nothing here measures anything itself.
"""
import argparse
import json
import os

# Calls that users sign, and the targets of issues 4 and 22 (issue 22 added the calls of the
# claimants and of anyone that it changed or added: release_hold to close_claim).
USER_CALLS = ["stake", "request_unstake", "withdraw", "rebond", "buy_cover", "transfer_cover",
              "submit_claim", "lapse_claim", "reap_cover", "roll_expiries",
              "roll_product_expiries", "pay_fees", "release_hold", "redeem_cover", "top_up",
              "appeal_claim", "close_claim"]
TIME_TARGET_CALLS = ["stake", "request_unstake", "withdraw", "rebond", "buy_cover",
                     "submit_claim", "release_hold", "redeem_cover", "top_up", "appeal_claim",
                     "close_claim"]
SCALING_CALLS = ["approve_claim", "reject_claim", "stake", "withdraw"]
PROOF_LIMIT = 8 * 1024
# `cumulus_primitives_core::relay_chain::MAX_POV_SIZE` at stable2609, the runtime's
# `MAXIMUM_BLOCK_WEIGHT` proof size.
PARA_POV_LIMIT = 10 * 1024 * 1024
# A base proof-size estimate above this is a failed fit of the CLI (scripts/common.sh's
# check_weights says the same of weight files).
PROOF_SANITY_LIMIT = 5 * 1024 * 1024
# A slope within this many standard errors of zero is indistinguishable from zero.
NOISE_SIGMAS = 2
# "No dependence" on the count n: the time may change by at most this share of the call's own
# time over the whole range of n, as fitted. Timings on a shared 2-core VM vary by about this much
# from one run to the next, so a smaller effect cannot be told from noise by timing; the exact
# counts (reads, writes, proof) must not change at all.
SCALING_TOLERANCE = 0.05
# `n = among_count(k)` of pallets/mutual-pool/src/benchmarking/setup.rs: 0 at k = 0, else
# GENERATOR^(k - 1) mod MODULUS.
AMONG_GENERATOR, AMONG_MODULUS = 151, 257


def among_count(k):
    return 0 if k == 0 else pow(AMONG_GENERATOR, k - 1, AMONG_MODULUS)


def extract_among(raw_path):
    """The `*_among` results of a `benchmark pallet --json-file` output: per step, `k`, `n`,
    reads, writes, measured proof and every repeat's extrinsic time (ns), in the order run."""
    out = {"source": "benchmark pallet --json-file, *_among benchmarks of pallet_mutual_pool",
           "n": f"among_count(k) = {AMONG_GENERATOR}^(k - 1) mod {AMONG_MODULUS}, 0 at k = 0",
           "benchmarks": {}}
    for batch in json.load(open(raw_path)):
        name = batch["benchmark"]
        if isinstance(name, list):
            name = bytes(name).decode()
        if not name.endswith("_among"):
            continue
        steps = {}
        for r in batch["time_results"]:
            k = dict(r["components"])["k"]
            steps.setdefault(k, {"k": k, "n": among_count(k), "times_ns": []})
            steps[k]["times_ns"].append(r["extrinsic_time"])
        for r in batch["db_results"]:
            step = steps[dict(r["components"])["k"]]
            step.update(reads=r["reads"], writes=r["writes"], proof=r["proof_size"])
        out["benchmarks"][name] = [steps[k] for k in sorted(steps)]
    return out


def median(xs):
    xs = sorted(xs)
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def ols(rows):
    """Least squares of y on (1, x1, x2) for rows (x1, x2, y): coefficients and their standard
    errors."""
    xs = [(1.0, float(a), float(b)) for a, b, _ in rows]
    ys = [float(y) for *_, y in rows]
    xtx = [[sum(x[i] * x[j] for x in xs) for j in range(3)] for i in range(3)]
    xty = [sum(x[i] * y for x, y in zip(xs, ys)) for i in range(3)]
    inv = invert3(xtx)
    beta = [sum(inv[i][j] * xty[j] for j in range(3)) for i in range(3)]
    rss = sum((y - sum(b * xi for b, xi in zip(beta, x))) ** 2 for x, y in zip(xs, ys))
    var = rss / (len(rows) - 3)
    return beta, [(var * inv[i][i]) ** 0.5 for i in range(3)]


def invert3(m):
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    adj = [[e * i - f * h, c * h - b * i, b * f - c * e],
           [f * g - d * i, a * i - c * g, c * d - a * f],
           [d * h - e * g, b * g - a * h, a * e - b * d]]
    return [[x / det for x in row] for row in adj]


def among_fit(steps):
    """Fit each step's median time (ns) against `n` and the run order `k` together."""
    (base, per_n, per_k), (_, se_n, se_k) = ols(
        [(s["n"], s["k"], median(s["times_ns"])) for s in steps])
    constant = {key: sorted({s[key] for s in steps}) for key in ("reads", "writes", "proof")}
    return {"base": base, "per_n": per_n, "se_n": se_n, "per_k": per_k, "se_k": se_k,
            "n_max": max(s["n"] for s in steps), "steps": len(steps),
            "repeats": sum(len(s["times_ns"]) for s in steps), "constant": constant}


def load_analysis(path):
    """The calls of one pallet from the CLI's analysis (scripts/benchmark-analysis.hbs): per
    call its base ref_time (ps), slopes per component, reads, writes and estimated proof with
    their slopes, and the components' ranges."""
    analysis = json.load(open(path))
    calls = {}
    for name, b in analysis["benchmarks"].items():
        calls[name] = {key: b[key] for key in ("ref_time", "slopes", "reads", "reads_slopes",
                                              "writes", "writes_slopes", "proof", "proof_slopes")}
        calls[name]["ranges"] = {c: tuple(r) for c, r in b["ranges"].items()}
    return analysis, calls


def check(paths):
    """Fails on what the CLI writes without an error for a broken benchmark: a call weighed at
    zero time (a benchmark that returned `Weightless`) or a nonsense proof-size estimate."""
    bad = []
    for path in paths:
        for name, call in load_analysis(path)[1].items():
            if call["ref_time"] == 0 and not call["slopes"]:
                bad.append(f"{path}: {name} weighed at zero time (a benchmark returned Weightless)")
            if call["proof"] > PROOF_SANITY_LIMIT:
                bad.append(f"{path}: {name} estimates {call['proof']:,} B of proof; "
                           "the fit went wrong, run the benchmarks again")
    if bad:
        raise SystemExit("error: " + "\n".join(bad))


def at_max(call, key, slopes_key):
    value = call[key]
    for comp, slope in call[slopes_key].items():
        value += slope * call["ranges"].get(comp, (0, 0))[1]
    return value


def formula(call, key, slopes_key, scale=1):
    """`base + slope·component + ...`, in units of `scale` (3 significant digits for slopes)."""
    parts = [f"{call[key] / scale:,.1f}" if scale != 1 else f"{call[key]:,}"]
    for comp, slope in call[slopes_key].items():
        parts.append(f"{slope / scale:,.3g}·{comp}" if scale != 1 else f"{slope:,}·{comp}")
    return " + ".join(parts)


def load_json(path):
    return json.load(open(path)) if os.path.exists(path) else None


def charged(call, db):
    """The ref_time a call is charged at its components' maximum, database weights included,
    in ps."""
    t, r, wr = (at_max(call, "ref_time", "slopes"), at_max(call, "reads", "reads_slopes"),
                at_max(call, "writes", "writes_slopes"))
    return t + r * db["read"] + wr * db["write"]


def calls_section(w, pool, tka, db):
    ref = tka["ref_time"]
    w("## Calls of MutualPool\n")
    w("Components: `m` metadata bytes, `e` evidence bytes, `b` expiry buckets rolled (per owner).")
    w("\"max\" is the weight at each component's maximum, which is what a call is charged")
    w("before its refund. ref_time is the benchmarked execution time; reads and writes are")
    w("charged on top of it at the runtime's database weights (last column).\n")
    w("| call | ref_time (µs) | ratio at 0 | ratio at max | proof (B) | proof at max (B) "
      "| reads | writes | charged at max (µs) |")
    w("|---|---|---|---|---|---|---|---|---|")
    for name, c in pool.items():
        if name.endswith("_among"):
            continue
        total = f"{charged(c, db) / 1e6:,.1f}" if db else "—"
        w(f"| `{name}` | {formula(c, 'ref_time', 'slopes', 1e6)} | {c['ref_time'] / ref:.2f}x "
          f"| {at_max(c, 'ref_time', 'slopes') / ref:.2f}x | {formula(c, 'proof', 'proof_slopes')} "
          f"| {at_max(c, 'proof', 'proof_slopes'):,} | {formula(c, 'reads', 'reads_slopes')} "
          f"| {formula(c, 'writes', 'writes_slopes')} | {total} |")
    if db:
        tka_total, buy_total = charged(tka, db), charged(pool["buy_cover"], db)
        w(f"\nDatabase weights of the runtime (`system.dbWeight`, from docs/data/load.json): "
          f"read {db['read'] / 1e6:g} µs, write {db['write'] / 1e6:g} µs. Charged in all, "
          f"`transfer_keep_alive` weighs {tka_total / 1e6:,.1f} µs and `buy_cover` at max "
          f"{buy_total / 1e6:,.1f} µs ({buy_total / tka_total:.2f}x).")
    w("\nProof sizes are the benchmark CLI's worst-case estimates (`MaxEncodedLen`, a map of a")
    w("million entries): the base is the largest storage prefix, each component adds its slope.")
    w("The per-bucket proof of `withdraw` and `roll_expiries` comes from a fit of `Expiries` at a")
    w("single value of `b` (the runtime rolls at most one bucket per call); docs/design.md, \"Cover")
    w("expiry\", explains it and shows both calls under 8 KiB however a bucket read is counted.")


def scaling(among, name):
    """(met, text) for the `_among` benchmark of `name`."""
    steps = (among or {}).get("benchmarks", {}).get(f"{name}_among")
    if not steps:
        return None, "no `_among` benchmark in this run"
    f = among_fit(steps)
    varying = [key for key, values in f["constant"].items() if len(values) > 1]
    if varying:
        return False, f"{' and '.join(varying)} vary with n"
    growth = f["per_n"] * f["n_max"] / f["base"]
    beyond = abs(f["per_n"]) > NOISE_SIGMAS * f["se_n"]
    return abs(growth) <= SCALING_TOLERANCE, (
        f"time {growth:+.1%} over n = 0..{f['n_max']} (slope {f['per_n']:,.1f} ± {f['se_n']:,.1f} "
        f"ns per n{', beyond ' + str(NOISE_SIGMAS) + ' std. errors' if beyond else ''}); "
        f"reads, writes, proof the same at every n")


def targets_section(w, pool, ref, load, among):
    w("\n## Targets\n")
    w("| target | call | figure | met |")
    w("|---|---|---|---|")
    for name in TIME_TARGET_CALLS:
        c = pool[name]
        lo, hi = c["ref_time"] / ref, at_max(c, "ref_time", "slopes") / ref
        w(f"| ref_time ≤ 2x transfer_keep_alive | `{name}` | {lo:.2f}x at 0, {hi:.2f}x at max "
          f"| {'yes' if hi <= 2 else ('at 0 only' if lo <= 2 else 'no')} |")
    for name in SCALING_CALLS:
        met, text = scaling(among, name)
        verdict = "not measured" if met is None else ("yes" if met else "no")
        w(f"| no dependence on stakers, covers, claims | `{name}` | {text} | {verdict} |")
    for name in USER_CALLS:
        c = pool[name]
        p = at_max(c, "proof", "proof_slopes")
        w(f"| proof_size ≤ 8 KiB | `{name}` | {p:,} B at max | {'yes' if p <= PROOF_LIMIT else 'no'} |")
    if load is None:
        w("| `buy_cover` throughput ≥ half of transfers | `buy_cover` | not measured | not measured |")
    else:
        ratio = load["ratios"]["per_second"]
        w(f"| `buy_cover` throughput ≥ half of transfers | `buy_cover` | {ratio:.2f} of the "
          f"transfers' ext/s (below) | {'yes' if ratio >= 0.5 else 'no'} |")


def scaling_section(w, among):
    w("\n## Independence of the number of stakers, covers and claims\n")
    if not among:
        w("Not measured: no docs/data/benchmarks/among.json (run `scripts/performance.sh`).")
        return
    w("`<call>_among(k)` runs the call in a pool that also holds `n` other stakers and `n` other")
    w("covers, each with a pending claim, while a second pool holds `256 - n` of each")
    w("(benchmarking/setup.rs, `populate`): the state has the same size at every `n`, so a slope in `n`")
    w("is what the pool's own counts cost. The CLI runs the steps in ascending `k`, and")
    w(f"`n = among_count(k)` ({among['n']}) visits the counts in scrambled order, so that a drift")
    w("of the machine's speed during the run does not pass for a slope in `n`.\n")
    w("Each step's median time is fitted against `n` and `k` together (least squares, from the")
    w("raw results in `docs/data/benchmarks/among.json`). The slope in `k` is the drift over the")
    w("run. Reads, writes and the measured proof are exact, and listed with every value they")
    w("took; they must be the same at every `n`. The time is not exact: the target counts as met")
    w(f"when the fitted change over the whole range of `n` is within ±{SCALING_TOLERANCE:.0%} of the")
    w("call's time. That bound is a choice: on this machine the same benchmark's time differs by")
    w("several percent from one run to the next, so timing cannot resolve a smaller effect. The")
    w(f"standard errors below are those of one run; a slope beyond {NOISE_SIGMAS} of them is flagged in")
    w("the targets.\n")
    w("| benchmark | n | steps (repeats) | ref_time at n = 0 (µs) | slope in n (ns per n) "
      "| drift in k (ns per k) | reads | writes | measured proof (B) |")
    w("|---|---|---|---|---|---|---|---|---|")
    for name in SCALING_CALLS:
        steps = among["benchmarks"].get(f"{name}_among")
        if not steps:
            continue
        f = among_fit(steps)
        c = f["constant"]
        values = lambda key: ", ".join(f"{v:,}" for v in c[key])
        w(f"| `{name}_among` | 0..{f['n_max']} | {f['steps']} ({f['repeats']}) "
          f"| {f['base'] / 1e3:,.1f} | {f['per_n']:,.1f} ± {f['se_n']:,.1f} "
          f"| {f['per_k']:,.1f} ± {f['se_k']:,.1f} | {values('reads')} | {values('writes')} "
          f"| {values('proof')} |")
    w("\n`docs/data/benchmarks/solo/pallet_mutual_pool.json` also lists the `_among` benchmarks, as")
    w("the CLI fits them: linearly in `k`, the run order, which is the drift and not the counts.")


def capacity_section(w, load):
    w("\n## Block capacity\n")
    if load is None:
        w("Not measured: no docs/data/load.json (run `scripts/load.sh`).")
        return
    base = load["block_limits"]["base"]["ref_time"]
    normal = load["block_limits"]["normal"]["ref_time"]
    w(f"From `scripts/load.sh` (`{load['command']}`) on {load['date']}, commit `{load['commit']}`, "
      f"machine: {load['machine']}.\n")
    w(f"**Computed** from the runtime's weights: normal extrinsics may fill {normal / 1e6:,.0f} µs "
      f"of a block's ref_time, and each costs its weight (`transactionPaymentApi.queryInfo`, the")
    w(f"call's weight and its transaction extensions') plus the base extrinsic weight, "
      f"{base / 1e6:,.1f} µs; the block length limit is checked too.\n")
    w(f"**Measured** on a `--dev` node (one authority, 6 s slots) with {load['accounts']} funded "
      f"accounts: {load['count']:,} extrinsics of each kind, signed beforehand, submitted in one")
    w("burst, then followed block by block until all were included. A *full* block is one the")
    w("proposer closed because the weight limit was hit; its build time is from the node's log.\n")
    w("| call | weight + base (µs) | fits in a block (computed) | binding limit "
      "| charged after refund (µs) | blocks | per full block | build time of a full block "
      "| ext/s | failed |")
    w("|---|---|---|---|---|---|---|---|---|---|")
    for key, label in (("buy_cover", "`buy_cover`"), ("transfer", "`transfer_keep_alive`")):
        p = load["phases"][key]
        cap = p["capacity"]
        full = [d for d in p.get("block_details", []) if d[3] == "HitBlockWeightLimit"]
        build = f"{sum(d[2] for d in full) / len(full):,.0f} ms" if full else "—"
        per_full = f"{p['mean_per_full_block']:,.0f}" if p.get("mean_per_full_block") else "—"
        w(f"| {label} | {(cap['weight_ref_time'] + base) / 1e6:,.1f} | {cap['per_block']:,} "
          f"| {cap['binding']} | {cap['charged_ref_time'] / 1e6:,.1f} "
          f"| {p['blocks']} ({p['full_blocks']} full) | {per_full} | {build} "
          f"| {p['per_second']:,.1f} | {p['failed']} |")
    r = load["ratios"]
    w("\nA call is charged its declared weight up front and refunded what it did not use;")
    w("blocks fill at the charged weight, so they hold more than the computed capacity when")
    w("refunds apply. Neither call here has a refund: `buy_cover` has no component.\n")
    w(f"Ratio `buy_cover` / `transfer_keep_alive`: computed capacity {r['capacity']:.2f}; "
      f"measured: per full block {r['per_full_block']:.2f}, ext/s {r['per_second']:.2f}.")
    met = r["per_second"] >= 0.5
    w(f"Target: `buy_cover` throughput at least half of transfers (ext/s): "
      f"**{'met' if met else 'not met'}** ({r['per_second']:.2f}).")
    if load.get("notes"):
        w("")
        for note in load["notes"]:
            w(f"- {note}")


def ci_section(w, ci):
    w("\n## CI on a fresh machine\n")
    if ci is None:
        w("Not measured: no docs/data/ci-cold.json (run `scripts/ci-cost.sh`).")
        return
    minutes = ci["wall_seconds"] / 60
    w(f"From `{ci['command']}` on {ci['date']}, commit `{ci['commit']}`, machine: "
      f"{ci['machine']}, {ci['rustc']}: {ci['ci_command']}.\n")
    w(f"Whole run: **{ci['wall_seconds'] // 60} min {ci['wall_seconds'] % 60} s** "
      f"(budget 90 min, target 70 min: {'met' if minutes <= 70 else 'not met'}).\n")
    w("| step of scripts/test.sh | time |")
    w("|---|---|")
    for step in ci["steps"]:
        w(f"| {step['step']} | {step['seconds'] // 60} min {step['seconds'] % 60} s |")
    if ci.get("notes"):
        w("")
        for note in ci["notes"]:
            w(f"- {note}")


def para_section(w, para):
    w("\n## The parachain runtime: proof sizes against the PoV limit\n")
    if para is None:
        w("Not measured: no docs/data/benchmarks/para/pallet_mutual_pool.json "
          "(run `scripts/performance.sh`).")
        return
    w("From `docs/data/benchmarks/para/pallet_mutual_pool.json`, the same command's run on the")
    w(f"parachain runtime's Wasm ({para['source']}). A parachain block's proof (PoV) may be at most")
    w(f"{PARA_POV_LIMIT // 1024:,} KiB (`MAX_POV_SIZE` of the relay chain at stable2609); the")
    w("runtime lets normal transactions use 75% of it. The table gives each call's worst-case")
    w("proof and how many such calls fit in one block by proof size alone.\n")
    w("| call | proof at max (B) | share of the PoV limit | calls per block by proof |")
    w("|---|---|---|---|")
    for name, c in para["calls"].items():
        p = at_max(c, "proof", "proof_slopes")
        fits = int(PARA_POV_LIMIT * 0.75 // p) if p else None
        w(f"| `{name}` | {p:,} | {p / PARA_POV_LIMIT:.3%} | {f'{fits:,}' if fits else '—'} |")


# The relay chain's hard limit on a parachain's validation code (compressed), polkadot-primitives
# 26 (stable2609), `MAX_CODE_SIZE`.
MAX_CODE_SIZE = 5 * 1024 * 1024


def build_section(w, cost):
    w("\n## Build cost\n")
    if cost is None:
        w("Not measured: no docs/data/build-cost.json (run `scripts/build-cost.sh`).")
        return
    w(f"From `{cost['command']}` on {cost['date']}, commit `{cost['commit']}`, machine: "
      f"{cost['machine']}, {cost['rustc']}.\n")
    w(f"- Command: `{cost['cargo_command']}`, into an empty target dir (downloaded crates reused), "
      f"{cost['crates_compiled']} crates compiled.")
    w(f"- Wall time: {cost['wall_seconds'] // 60} min {cost['wall_seconds'] % 60} s.")
    w(f"- Peak memory: {cost['peak_machine_memory_kib'] / 1048576:.1f} GiB for the whole machine "
      f"(used memory sampled each second, minus the idle baseline); the largest single process "
      f"peaked at {cost['peak_process_rss_kib'] / 1048576:.1f} GiB resident.")
    w(f"- Runtime Wasm: {cost['wasm_compact_compressed_bytes']:,} B compressed "
      f"(`mutual_pool_runtime.compact.compressed.wasm`), {cost['wasm_compact_bytes']:,} B "
      f"uncompressed. It is built with the features above, so it carries the benchmarking and "
      f"try-runtime code; the production Wasm, without them, is measured by "
      f"`scripts/build-production.sh` (docs/reliability.md).")
    if "para_wasm_compact_bytes" in cost:
        w(f"- Parachain runtime Wasm: {cost['para_wasm_compact_compressed_bytes']:,} B compressed "
          f"(`mutual_pool_runtime_para.compact.compressed.wasm`), "
          f"{cost['para_wasm_compact_bytes']:,} B uncompressed, same features. Its Wasm build "
          f"shares the solo runtime's target dir (`share_wasm_target` in `scripts/common.sh`).")
        size = cost["para_wasm_compact_compressed_bytes"]
        w(f"  The relay chain accepts validation code of at most {MAX_CODE_SIZE:,} B "
          f"(`MAX_CODE_SIZE`, 5 MiB, of polkadot-primitives at stable2609): this Wasm is "
          f"{'above' if size > MAX_CODE_SIZE else 'below'} it"
          + (", so it can never be a parachain's code; a chain for real money registers the "
             "Wasm built without the benchmarking and try-runtime features."
             if size > MAX_CODE_SIZE else "."))
    for note in cost.get("notes", []):
        w(f"- {note}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="docs/data")
    ap.add_argument("--extract-among", metavar="RAW_JSON",
                    help="print among.json from a `benchmark pallet --json-file` output instead")
    ap.add_argument("--check", metavar="ANALYSIS_JSON", nargs="+",
                    help="only check the CLI's analyses for zero-time or nonsense weights")
    args = ap.parse_args()
    if args.check:
        check(args.check)
        return
    if args.extract_among:
        among = extract_among(args.extract_among)
        benchmarks = among.pop("benchmarks")
        print(json.dumps(among, indent=1)[:-2] + ',\n "benchmarks": {')
        print(",\n".join(f"  {json.dumps(name)}: [\n" + ",\n".join(
            f"   {json.dumps(step)}" for step in steps) + "\n  ]" for name, steps in benchmarks.items()))
        print(" }\n}")
        return
    bench_dir = os.path.join(args.data, "benchmarks")
    run = load_json(os.path.join(bench_dir, "run.json"))
    _, pool = load_analysis(os.path.join(bench_dir, "solo", "pallet_mutual_pool.json"))
    _, balances = load_analysis(os.path.join(bench_dir, "solo", "pallet_balances.json"))
    among = load_json(os.path.join(bench_dir, "among.json"))
    load = load_json(os.path.join(args.data, "load.json"))
    cost = load_json(os.path.join(args.data, "build-cost.json"))
    ci = load_json(os.path.join(args.data, "ci-cold.json"))
    db = load["db_weight"] if load else None
    tka = balances["transfer_keep_alive"]
    para = None
    para_path = os.path.join(bench_dir, "para", "pallet_mutual_pool.json")
    if os.path.exists(para_path):
        analysis, calls = load_analysis(para_path)
        para = {"calls": calls,
                "source": f"benchmark CLI {analysis['cli_version']}, {analysis['date']}"}

    out = []
    w = out.append
    w("# Performance\n")
    w("Generated by `scripts/performance_report.py` from the measurements in `docs/data/`; do not")
    w("edit. Each section names the command that measured it, the machine, the date and the")
    w("commit. `scripts/performance.sh` reruns the benchmarks, `scripts/load.sh` the load test,")
    w("`scripts/build-cost.sh` the cold build and `scripts/ci-cost.sh` the whole CI on an empty")
    w("target dir (its build step also gives the cold build); each rewrites this file. Run them")
    w("on an otherwise idle machine.\n")
    w("## Benchmarks\n")
    w(f"From `{run['command']}` on {run['date']}, commit `{run['commit']}`, machine: "
      f"{run['machine']}: one run of `mutual-pool-node benchmark pallet` over `pallet_mutual_pool`")
    w("and `pallet_balances` (compiled Wasm, development preset).\n")
    w(f"Baseline: `pallet_balances::transfer_keep_alive` = {tka['ref_time'] / 1e6:,.1f} µs ref_time, "
      f"{tka['proof']:,} B proof, reads {tka['reads']}, writes {tka['writes']}.\n")
    calls_section(w, pool, tka, db)
    targets_section(w, pool, tka["ref_time"], load, among)
    if run.get("notes"):
        w("")
        for note in run["notes"]:
            w(f"- {note}")
    scaling_section(w, among)
    capacity_section(w, load)
    para_section(w, para)
    build_section(w, cost)
    ci_section(w, ci)
    print("\n".join(out))


if __name__ == "__main__":
    main()
