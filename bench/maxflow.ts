/**
 * Max-flow benchmark: wanplan's push-relabel against Boost's push-relabel (and LEMON, and
 * NetworkX's preflow_push at 100k arcs) on the DIMACS families of `../shared/tools/dimacs-gen`,
 * plus warm against cold re-solves on a growing time-expanded network.
 *
 *   npx tsx bench/maxflow.ts [--quick] [--out DIR] [--reps R] [--networkx] [--lemon-large]
 *                            [--families F,G] [--skip FAMILY-SIZE,…] [--warm-only]
 *
 * Each instance is generated (deterministic seed) into a temporary folder; in every repetition
 * wanplan (`wanplan maxflow --json`, a fresh Node process, its own `solve_s`) and `maxflow-ref
 * boost-pr` run alternately, so the ratio of medians compares runs under the same machine load.
 * Sizes: about 10k, 100k and 1M arcs (`--quick`: 10k and 100k); AK's large size is 250k arcs,
 * because Boost needs ~15 CPU minutes at 1M (see ../shared/tools/README.md). The JSON result
 * (medians, ratios, counters, bytes per arc, load average, machine) goes to
 * `bench/results/maxflow-<date>.json`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkMaxFlow } from '../src/flow/check.js';
import { MaxFlowSolver } from '../src/flow/max-flow-solver.js';
import { buildFlowNetwork } from '../src/flow/network.js';
import { warmUpMaxFlow } from '../src/flow/warm-up.js';
import { readDimacsMaxFlowFile } from '../src/io/dimacs.js';
import { median, sig4 } from './lib/stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = resolve(ROOT, '../shared/tools');

/** True when the shared reference tools (`dimacs-gen`, `maxflow-ref`) sit beside the repository. */
export function referenceToolsPresent(): boolean {
  return existsSync(join(TOOLS, 'dimacs-gen')) && existsSync(join(TOOLS, 'maxflow-ref'));
}
const FAMILIES = ['rmf-long', 'rmf-wide', 'washington-rlg', 'ak', 'time-expanded'] as const;

/** Options of {@link runMaxflowBench}. */
export interface MaxflowBenchOptions {
  /** Only the 10k and 100k sizes. @defaultValue false */
  quick?: boolean;
  /** Repetitions per instance (wanplan and boost-pr alternate). @defaultValue 3 */
  reps?: number;
  /** Also run NetworkX preflow_push once at 100k arcs (ak: 10k). @defaultValue false */
  networkx?: boolean;
  /** Also run LEMON at the large sizes (tens of seconds on RMF and time-expanded). @defaultValue false */
  lemonLarge?: boolean;
  /** Folder for the JSON result; null writes nothing. @defaultValue `bench/results` */
  outDir?: string | null;
  /** Families to run. @defaultValue all five */
  families?: readonly string[];
  /**
   * Instances to leave out, as `family-size` (e.g. `ak-100k`: quadratic for push-relabel, ~10 s
   * per solve on each side, too slow for the harness's quick run). @defaultValue none
   */
  skip?: readonly string[];
  /** Run the warm-versus-cold sequence only (no DIMACS families). @defaultValue false */
  warmOnly?: boolean;
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
}

/** One instance's measurements. */
export interface InstanceResult {
  family: string;
  size: string;
  nodes: number;
  arcs: number;
  flow: number;
  wanplanSolveS: number[];
  boostSolveS: number[];
  wanplanMedianS: number;
  boostMedianS: number;
  /** wanplan median / boost-pr median (solve time only). */
  ratio: number;
  lemonSolveS: number | null;
  networkxSolveS: number | null;
  /** NetworkX preflow_push time / wanplan median (how many times faster wanplan is). */
  speedupOverNetworkx: number | null;
  counters: Record<string, number>;
  bytesPerArc: number;
  loadAvg1m: [number, number];
}

/** One step of the warm-versus-cold comparison. */
export interface WarmStep {
  slots: number;
  value: number;
  /** Warm: `solveValue()` on the solver of the previous step (its maximum preflow kept). */
  warmS: number;
  /** Cold: `solveValue()` on a fresh solver with this step's capacities. */
  coldS: number;
  warmPushes: number;
  coldPushes: number;
  warmRelabels: number;
  coldRelabels: number;
  /** Warm with `solve()` every step (phase 2 each time: the excess returned, then re-flooded). */
  fullWarmS: number;
  fullWarmPushes: number;
  fullWarmRelabels: number;
}

/** Sums over the steps of one way of solving the sequence. */
export interface WarmTotals {
  s: number;
  pushes: number;
  relabels: number;
}

/** The whole result document. */
export interface MaxflowBenchResult {
  date: string;
  machine: { cpus: number; model: string; node: string; platform: string; memoryGiB: number };
  options: { quick: boolean; reps: number; networkx: boolean; lemonLarge: boolean };
  instances: InstanceResult[];
  warmVsCold: {
    instance: string;
    steps: WarmStep[];
    warmTotalS: number;
    coldTotalS: number;
    /** 1 − warm / cold total seconds. */
    saving: number;
    /** Totals of warm, cold and full-warm (`solve()` every step) runs. */
    totals: { warm: WarmTotals; cold: WarmTotals; fullWarm: WarmTotals };
    /** 1 − warm / cold total pushes, and the same for relabels. */
    pushSaving: number;
    relabelSaving: number;
  };
}

function sizesOf(family: string, quick: boolean): [string, number][] {
  const large: [string, number] = family === 'ak' ? ['250k', 250_000] : ['1M', 1_000_000];
  const all: [string, number][] = [['10k', 10_000], ['100k', 100_000], large];
  return quick ? all.slice(0, 2) : all;
}

function runJson(cmd: string, args: string[]): Record<string, unknown> {
  const out = execFileSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = out.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Record<string, unknown>;
}

function wanplanRun(file: string): Record<string, unknown> {
  return runJson(process.execPath, [
    '--import',
    'tsx',
    join(ROOT, 'src/cli/main.ts'),
    'maxflow',
    '--json',
    file,
  ]);
}

function refRun(engine: string, file: string): Record<string, unknown> {
  return runJson(join(TOOLS, 'maxflow-ref'), ['-e', engine, file]);
}

function load1(): number {
  return sig4(os.loadavg()[0]);
}

/** Runs the benchmark and returns (and unless `outDir` is null, writes) the result. */
export async function runMaxflowBench(options: MaxflowBenchOptions = {}): Promise<MaxflowBenchResult> {
  const quick = options.quick ?? false;
  const reps = options.reps ?? 3;
  const networkx = options.networkx ?? false;
  const lemonLarge = options.lemonLarge ?? false;
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const families = options.families ?? FAMILIES;
  const tmp = mkdtempSync(join(os.tmpdir(), 'wanplan-maxflow-bench-'));
  const instances: InstanceResult[] = [];
  try {
    for (const family of options.warmOnly ? [] : families) {
      for (const [size, arcs] of sizesOf(family, quick)) {
        if (options.skip?.includes(`${family}-${size}`)) continue;
        const file = join(tmp, `${family}-${size}.max`);
        execFileSync(join(TOOLS, 'dimacs-gen'), [family, '--arcs', String(arcs), '--seed', '1', '-o', file]);
        const loadBefore = load1();
        const ours: number[] = [];
        const boost: number[] = [];
        let last: Record<string, unknown> = {};
        let flow = -1;
        let nodes = 0;
        let m = 0;
        for (let r = 0; r < reps; r++) {
          // Alternate the order so that neither side always runs on a warmer cache.
          const pair = r % 2 === 0 ? ['w', 'b'] : ['b', 'w'];
          for (const who of pair) {
            const res = who === 'w' ? wanplanRun(file) : refRun('boost-pr', file);
            const value = Number(res.flow);
            if (flow >= 0 && value !== flow)
              throw new Error(`${family} ${size}: flows disagree (${value} vs ${flow})`);
            flow = value;
            if (who === 'w') {
              ours.push(Number(res.solve_s));
              last = res;
            } else {
              boost.push(Number(res.solve_s));
              nodes = Number(res.nodes);
              m = Number(res.arcs);
            }
          }
        }
        const large = size === '1M' || size === '250k';
        const lemon = !large || lemonLarge ? Number(refRun('lemon', file).solve_s) : null;
        const nxSize = family === 'ak' ? '10k' : '100k';
        const nx = networkx && size === nxSize ? Number(refRun('networkx-preflow_push', file).solve_s) : null;
        const bytes = last.bytes as { network: number; solver: number };
        const wMed = median(ours);
        const bMed = median(boost);
        const row: InstanceResult = {
          family,
          size,
          nodes,
          arcs: m,
          flow,
          wanplanSolveS: ours,
          boostSolveS: boost,
          wanplanMedianS: sig4(wMed),
          boostMedianS: sig4(bMed),
          ratio: sig4(wMed / bMed),
          lemonSolveS: lemon,
          networkxSolveS: nx,
          speedupOverNetworkx: nx === null ? null : sig4(nx / wMed),
          counters: last.counters as Record<string, number>,
          bytesPerArc: sig4((bytes.network + bytes.solver) / m),
          loadAvg1m: [loadBefore, load1()],
        };
        instances.push(row);
        log(
          `${family.padEnd(15)} ${size.padStart(5)}  wanplan ${row.wanplanMedianS}s  boost-pr ${row.boostMedianS}s  ratio ${row.ratio}` +
            `${lemon === null ? '' : `  lemon ${sig4(lemon)}s`}${nx === null ? '' : `  networkx ${sig4(nx)}s (${row.speedupOverNetworkx}×)`}` +
            `  ${row.bytesPerArc} B/arc  load ${row.loadAvg1m.join('→')}`,
        );
        rmSync(file);
      }
    }
    const warmVsCold = warmColdSequence(tmp, quick, log);
    const result: MaxflowBenchResult = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        memoryGiB: sig4(os.totalmem() / 2 ** 30),
      },
      options: { quick, reps, networkx, lemonLarge },
      instances,
      warmVsCold,
    };
    const outDir = options.outDir === undefined ? join(ROOT, 'bench/results') : options.outDir;
    if (outDir !== null) {
      mkdirSync(outDir, { recursive: true });
      const suffix = `${quick ? '-quick' : ''}${options.warmOnly ? '-warm' : ''}`;
      const path = join(outDir, `maxflow-${result.date.slice(0, 10)}${suffix}.json`);
      writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
      log(`wrote ${path}`);
    }
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The planner's pattern: one time-expanded network with all slots, whose sink arcs are opened
 * slot range by slot range. Each step solves the value three ways (all in this process, after a
 * JIT warm-up): warm — `solveValue()` continuing from the maximum preflow of the previous step;
 * cold — `solveValue()` on a fresh solver; full warm — `solve()` every step on a third solver (the
 * pre-preflow way: phase 2 returns the parked excess, the next solve floods it back). At the last
 * step warm and cold also ask for the flow (`flows()`: phase 2 once), which the checker verifies.
 */
function warmColdSequence(
  tmp: string,
  quick: boolean,
  log: (l: string) => void,
): MaxflowBenchResult['warmVsCold'] {
  const sites = 300;
  const slots = quick ? 96 : 336;
  const file = join(tmp, 'te-growing.max');
  const args = [
    'time-expanded',
    '--sites',
    String(sites),
    '--links',
    '2000',
    '--slots',
    String(slots),
    '--seed',
    '1',
  ];
  execFileSync(join(TOOLS, 'dimacs-gen'), [...args, '-o', file]);
  const inst = readDimacsMaxFlowFile(file);
  rmSync(file);
  const net = buildFlowNetwork(inst.nodes, inst.tails, inst.heads, inst.caps, inst.arcs);
  // Sink arcs and their slot: node (site v, slot t) has 1-based id 2 + t·S + v.
  const sinkArcs: number[] = [];
  for (let i = 0; i < inst.arcs; i++) if (inst.heads[i] === inst.sink) sinkArcs.push(i);
  const slotOf = (i: number) => Math.floor((inst.tails[i] - 1) / sites);
  warmUpMaxFlow();
  const stepsCount = 8;
  const openUpTo = (k: number) => Math.round((slots * k) / stepsCount);
  const closedSolver = () => {
    const solver = new MaxFlowSolver(net, inst.source, inst.sink);
    for (const i of sinkArcs) solver.setCapacity(i, 0);
    return solver;
  };
  const warmSolver = closedSolver();
  const fullSolver = closedSolver();
  const steps: WarmStep[] = [];
  for (let k = 1; k <= stepsCount; k++) {
    const upTo = openUpTo(k);
    const last = k === stepsCount;
    for (const i of sinkArcs) {
      if (slotOf(i) < upTo && slotOf(i) >= openUpTo(k - 1)) {
        warmSolver.setCapacity(i, inst.caps[i]);
        fullSolver.setCapacity(i, inst.caps[i]);
      }
    }
    let t0 = performance.now();
    const warm = warmSolver.solveValue();
    const warmFlow = last ? warmSolver.flows() : null;
    const warmS = (performance.now() - t0) / 1000;
    const cold = new MaxFlowSolver(net, inst.source, inst.sink);
    for (const i of sinkArcs) if (slotOf(i) >= upTo) cold.setCapacity(i, 0);
    t0 = performance.now();
    const coldR = cold.solveValue();
    if (last) cold.flows();
    const coldS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const full = fullSolver.solve();
    const fullS = (performance.now() - t0) / 1000;
    if (warm.status !== 'optimal' || coldR.status !== 'optimal' || full.status !== 'optimal') {
      throw new Error(`warm/cold: bad input at ${upTo} slots`);
    }
    if (warm.value !== coldR.value || full.value !== coldR.value) {
      throw new Error(`warm/cold mismatch at ${upTo} slots: ${warm.value}, ${coldR.value}, ${full.value}`);
    }
    if (warmFlow !== null) {
      const check = checkMaxFlow(net, inst.source, inst.sink, warmFlow, warmSolver.capacities());
      if (!check.ok) throw new Error(`warm/cold: the warm flow fails the checker: ${check.errors[0]}`);
    }
    steps.push({
      slots: upTo,
      value: warm.value,
      warmS: sig4(warmS),
      coldS: sig4(coldS),
      warmPushes: warm.counters.pushes,
      coldPushes: coldR.counters.pushes,
      warmRelabels: warm.counters.relabels,
      coldRelabels: coldR.counters.relabels,
      fullWarmS: sig4(fullS),
      fullWarmPushes: full.counters.pushes,
      fullWarmRelabels: full.counters.relabels,
    });
    log(
      `warm/cold  ${String(upTo).padStart(4)} slots  value ${warm.value}  warm ${sig4(warmS)}s ` +
        `(${warm.counters.pushes} pushes)  cold ${sig4(coldS)}s (${coldR.counters.pushes})  ` +
        `solve()-warm ${sig4(fullS)}s (${full.counters.pushes})`,
    );
  }
  const total = (s: (x: WarmStep) => number) => steps.reduce((a, x) => a + s(x), 0);
  const totals = {
    warm: {
      s: sig4(total((x) => x.warmS)),
      pushes: total((x) => x.warmPushes),
      relabels: total((x) => x.warmRelabels),
    },
    cold: {
      s: sig4(total((x) => x.coldS)),
      pushes: total((x) => x.coldPushes),
      relabels: total((x) => x.coldRelabels),
    },
    fullWarm: {
      s: sig4(total((x) => x.fullWarmS)),
      pushes: total((x) => x.fullWarmPushes),
      relabels: total((x) => x.fullWarmRelabels),
    },
  };
  log(
    `warm/cold  total  warm ${totals.warm.s}s  cold ${totals.cold.s}s  solve()-warm ${totals.fullWarm.s}s; ` +
      `pushes ${totals.warm.pushes} / ${totals.cold.pushes}, relabels ${totals.warm.relabels} / ${totals.cold.relabels}`,
  );
  return {
    instance: `dimacs-gen ${args.slice(0, -2).join(' ')} (${inst.nodes} nodes, ${inst.arcs} arcs)`,
    steps,
    warmTotalS: totals.warm.s,
    coldTotalS: totals.cold.s,
    saving: sig4(1 - totals.warm.s / totals.cold.s),
    totals,
    pushSaving: sig4(1 - totals.warm.pushes / totals.cold.pushes),
    relabelSaving: sig4(1 - totals.warm.relabels / totals.cold.relabels),
  };
}

function parseArgs(argv: string[]): MaxflowBenchOptions {
  const o: MaxflowBenchOptions = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--quick') o.quick = true;
    else if (a === '--networkx') o.networkx = true;
    else if (a === '--lemon-large') o.lemonLarge = true;
    else if (a === '--out') o.outDir = argv[++k];
    else if (a === '--reps') o.reps = Number(argv[++k]);
    else if (a === '--families') o.families = argv[++k].split(',');
    else if (a === '--skip') o.skip = argv[++k].split(',');
    else if (a === '--warm-only') o.warmOnly = true;
    else throw new Error(`bench/maxflow: unknown argument ${a}`);
  }
  return o;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runMaxflowBench(parseArgs(process.argv.slice(2))).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
