/**
 * The `maxflow` suite of the harness: the DIMACS families of `bench/maxflow.ts` (wanplan in a
 * fresh process per repetition against Boost's push-relabel, alternating, so that the ratio of
 * medians compares runs under the same machine load), its warm-versus-cold re-solve sequence,
 * and one in-process case (an RMF network solved under tinybench) whose solver options can be
 * changed — the regression test uses it with global relabelling switched off.
 */
import { MaxFlowSolver } from '../../src/flow/max-flow-solver.js';
import type { MaxFlowOptions } from '../../src/flow/maxflow-types.js';
import { buildFlowNetwork } from '../../src/flow/network.js';
import { warmUpMaxFlow } from '../../src/flow/warm-up.js';
import {
  type InstanceResult,
  type MaxflowBenchResult,
  referenceToolsPresent,
  runMaxflowBench,
} from '../maxflow.js';
import { type CaseSpec, measureCase, ratioOf } from './harness.js';
import type { BenchCase, Ratio } from './result.js';
import { rmfNetwork } from './rmf.js';
import { sig4, timeStats } from './stats.js';

/**
 * Reference medians below this (ms) give ratios that are recorded but do not gate. Measured on
 * the shared 2-core machine, two quick runs minutes apart (load 5 and 2.6): ratios of solves of
 * 1–60 ms moved by up to 2× (10k arcs) and 40 % (100k arcs, ~60 ms), those of 200–500 ms by
 * about 10 %. A 25 % gate needs the longer solves.
 */
export const MIN_GATING_REFERENCE_MS = 100;

const DIMACS_BASIS =
  'solver only: `wanplan maxflow --json` solve_s in a fresh Node process after a JIT warm-up, against `maxflow-ref boost-pr` solve_s; alternating repetitions';

/** Size of the in-process RMF case: `b` frames of `a × a` grids (see rmf.ts). */
export interface RmfCaseSize {
  readonly a: number;
  readonly b: number;
}

/** The in-process case at quick size: 8 × 8 frames, 32 of them (2,048 nodes, ~9.1k arcs). */
export const QUICK_RMF: RmfCaseSize = { a: 8, b: 32 };

/**
 * The in-process max-flow case: an RMF network (seed 1) solved cold by a fresh
 * {@link MaxFlowSolver} per repetition, timed by tinybench after the solver's JIT warm-up.
 * @param options - solver options (the regression test passes `{ heuristics: false }`)
 * @param reps - timed repetitions
 */
export function rmfCaseSpec(size: RmfCaseSize, options: MaxFlowOptions = {}, reps = 5): CaseSpec {
  const inst = rmfNetwork(size.a, size.b, 1);
  const net = buildFlowNetwork(inst.nodes, inst.tails, inst.heads, inst.caps);
  // Compile the solver on other networks first (milliseconds), so no repetition times the JIT.
  warmUpMaxFlow();
  return {
    id: `maxflow/in-process/rmf-long-a${size.a}-b${size.b}`,
    suite: 'maxflow',
    size: { nodes: inst.nodes, arcs: inst.tails.length },
    basis: 'in-process: new MaxFlowSolver(...).solve() on a prebuilt network, after a JIT warm-up',
    reps,
    warmup: 1,
    run: () => {
      const r = new MaxFlowSolver(net, inst.source, inst.sink, options).solve();
      if (r.status !== 'optimal') throw new Error(`rmf case: ${r.message}`);
      return { counters: { ...r.counters }, outputs: { flow: r.value } };
    },
  };
}

function instanceCase(r: InstanceResult): BenchCase {
  const ours = r.wanplanSolveS.map((s) => s * 1000);
  const boost = r.boostSolveS.map((s) => s * 1000);
  const ratios: Record<string, Ratio> = {
    'boost-pr': ratioOf(ours, boost, 'solve_s medians', MIN_GATING_REFERENCE_MS),
  };
  if (r.lemonSolveS !== null) {
    // One LEMON run: shown for orientation, never gating.
    ratios.lemon = {
      ...ratioOf(ours, [r.lemonSolveS * 1000], 'solve_s, one LEMON run', Infinity),
      gate: false,
    };
  }
  return {
    id: `maxflow/${r.family}/${r.size}`,
    suite: 'maxflow',
    size: { nodes: r.nodes, arcs: r.arcs },
    basis: DIMACS_BASIS,
    time: timeStats(ours),
    memory: { peakMB: sig4((r.bytesPerArc * r.arcs) / 1e6), basis: 'solver-arrays' },
    counters: { ...r.counters },
    // Each repetition is a separate process; the suite checks that every one finds the same flow.
    deterministic: true,
    ratios,
    outputs: { flow: r.flow },
    extra: { boostMs: timeStats(boost), loadAvg1m: r.loadAvg1m },
  };
}

function warmColdCase(w: MaxflowBenchResult['warmVsCold']): BenchCase {
  const steps = w.steps;
  const last = steps[steps.length - 1];
  const t = w.totals;
  return {
    id: `maxflow/warm-vs-cold/${last?.slots ?? 0}-slots`,
    suite: 'maxflow',
    size: { steps: steps.length, slots: last?.slots ?? 0 },
    basis: `${w.instance}: sink arcs opened in ${steps.length} steps; warm re-solve vs a cold solve of each step (one run each)`,
    time: null,
    memory: null,
    counters: {
      warmPushes: t.warm.pushes,
      warmRelabels: t.warm.relabels,
      coldPushes: t.cold.pushes,
      coldRelabels: t.cold.relabels,
      fullWarmPushes: t.fullWarm.pushes,
      fullWarmRelabels: t.fullWarm.relabels,
    },
    deterministic: true,
    ratios: {
      'cold re-solve': {
        value: sig4(t.warm.s / t.cold.s),
        oursMs: sig4(t.warm.s * 1000),
        referenceMs: sig4(t.cold.s * 1000),
        gate: false,
        basis: 'total warm / total cold seconds over the steps (single runs: shown, not gated)',
      },
    },
    outputs: { value: last?.value ?? null },
    extra: { steps, pushSaving: w.pushSaving, relabelSaving: w.relabelSaving },
  };
}

/** Options of {@link maxflowCases}. */
export interface MaxflowSuiteOptions {
  readonly quick: boolean;
  /** Repetitions per DIMACS instance. @defaultValue 5 */
  readonly reps?: number;
  readonly log: (line: string) => void;
}

/** Runs the suite and returns its cases. */
export async function maxflowCases(o: MaxflowSuiteOptions): Promise<BenchCase[]> {
  const cases: BenchCase[] = [await measureCase(rmfCaseSpec(QUICK_RMF))];
  if (!o.quick) cases.push(await measureCase(rmfCaseSpec({ a: 16, b: 128 })));
  if (!referenceToolsPresent()) {
    o.log(
      'maxflow: ../shared/tools (dimacs-gen, maxflow-ref) not found beside the repository: skipping the ' +
        'DIMACS families, the reference solvers and the warm-vs-cold case; only the in-process RMF case runs',
    );
    return cases;
  }
  const r = await runMaxflowBench({
    quick: o.quick,
    reps: o.reps ?? 5,
    outDir: null,
    // AK is quadratic for push-relabel by design: ~10 s per solve on each side at 100k arcs.
    skip: o.quick ? ['ak-100k'] : [],
    log: o.log,
  });
  cases.push(...r.instances.map(instanceCase), warmColdCase(r.warmVsCold));
  return cases;
}
