/**
 * The `policies` suite of the harness: the multi-commodity LP planner of `bench/policies.ts`
 * (its `measure`: build the LP, plan it with HiGHS, verify) on the seeded policy grid, one call
 * per repetition under tinybench (the sample is the suite's own plan time); and the WebAssembly
 * HiGHS solve of one LP against native HiGHS (scipy `linprog(method='highs-ds')` on the exported
 * MPS, the suite's script) in the same run, alternating, as a ratio of medians.
 *
 * Estates (bench/lib/estates.ts): each planned once by `plan()` in a child process of its own
 * (bench/lib/estate-run.ts), so memory is that child's peak RSS; a refused, failed or timed-out
 * plan is a case with outcome `refused` / `error` / `timeout` and the message, not a suite failure.
 *
 * Quick: the smallest grid point, the native comparison on its first LP and the CI estate
 * (`estate-20-mixed`). Full: three grid points and `examples/worldwide.yaml`, the native
 * comparison on worldwide's first LP, and every estate.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCalendars } from '../../src/constraints/calendars.js';
import { loadLp } from '../../src/flow/lp.js';
import type { Scenario } from '../../src/io/model.js';
import { loadScenario } from '../../src/io/scenario/index.js';
import { buildLpContext } from '../../src/scheduler/lp/context.js';
import { buildLpModel } from '../../src/scheduler/lp/model.js';
import { dueLimits, limitsFor } from '../../src/scheduler/lp/search.js';
import {
  describeEstate,
  ESTATE_WALL_SECONDS,
  estateNames,
  GRID,
  measure,
  NATIVE,
  policyScenario,
} from '../policies.js';
import { type EstateOutcome, runEstate } from './estate-run.js';
import { estateByName } from './estates.js';
import { type CaseSpec, measureCase, peakRssMB, ratioOf } from './harness.js';
import type { BenchCase } from './result.js';
import { timeStats } from './stats.js';
import { MIN_GATING_REFERENCE_MS } from './suite-maxflow.js';

const SEED = 20261125;

function planSpec(id: string, s: Scenario, sites: number, reps: number): CaseSpec {
  return {
    id,
    suite: 'policies',
    size: { sites, links: s.links.length, slots: s.horizon.slots, datasets: s.datasets.length },
    basis:
      'planLp (every LP solve of the search), one call per repetition; LP building and verifying excluded',
    reps,
    warmup: 0,
    async: true,
    run: async () => {
      const p = await measure(id, s, sites);
      if (p.error !== undefined) throw new Error(`${id}: ${p.status}: ${p.error}`);
      return {
        durationMs: p.planMs,
        counters: {
          lpSolves: p.lpSolves,
          simplexIterations: p.simplexIterations,
          classes: p.classes,
          columnsUnreduced: p.columnsUnreduced,
          columns: p.columns,
          rows: p.rows,
          nonZeros: p.nonZeros,
        },
        outputs: {
          status: p.status,
          makespanSlot: p.makespanSlot,
          lowerBoundSlot: p.lowerBoundSlot,
          verified: p.verified,
        },
        extra: { buildMs: p.buildMs, wasmHeapMB: p.wasmHeapMB },
      };
    },
  };
}

/** Runs the native script on an MPS file; its solve seconds, or the reason it could not. */
function nativeSolve(mps: string): { ms: number; objective: number | null } | { error: string } {
  try {
    const out = execFileSync('python3', ['-c', NATIVE, mps], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      timeout: 900_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const r = JSON.parse(out) as { status: number; objective: number | null; seconds: number };
    if (r.status !== 0) return { error: `scipy linprog status ${r.status}` };
    return { ms: r.seconds * 1000, objective: r.objective };
  } catch (err) {
    return { error: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err) };
  }
}

/**
 * WebAssembly against native HiGHS on the first LP of `s` (every due, whole horizon, earliest
 * objective), `reps` alternating rounds. Alternation, not tinybench, because the native time is
 * reported by another process and both sides must see the same machine load.
 */
async function nativeCase(id: string, s: Scenario, reps: number): Promise<BenchCase> {
  const ctx = buildLpContext(s, buildCalendars(s), 1_000_000);
  const model = buildLpModel(ctx, limitsFor(ctx, dueLimits(ctx), 0, ctx.ten.slots), 'earliest');
  const lp = await loadLp();
  const dir = mkdtempSync(join(tmpdir(), 'wanplan-bench-native-'));
  const mps = join(dir, 'model.mps');
  try {
    writeFileSync(mps, lp.exportModel(model.lp, 'mps'));
    const wasmMs: number[] = [];
    const nativeMs: number[] = [];
    let iterations = -1;
    let objective: number | null = null;
    let nativeObjective: number | null = null;
    let error: string | null = null;
    lp.solve(model.lp, { solver: 'simplex' }); // untimed: compiles the WebAssembly paths
    for (let r = 0; r < reps; r++) {
      for (const side of r % 2 === 0 ? ['wasm', 'native'] : ['native', 'wasm']) {
        if (side === 'wasm') {
          const t0 = performance.now();
          const res = lp.solve(model.lp, { solver: 'simplex' });
          wasmMs.push(performance.now() - t0);
          if (res.status !== 'optimal') throw new Error(`${id}: HiGHS (wasm) ${res.status}`);
          iterations = res.stats.simplexIterations;
          objective = res.objective;
        } else if (error === null) {
          const n = nativeSolve(mps);
          if ('error' in n) error = n.error;
          else {
            nativeMs.push(n.ms);
            nativeObjective = n.objective;
          }
        }
      }
    }
    return {
      id,
      suite: 'policies',
      size: { columns: model.lp.numCols, rows: model.lp.numRows },
      basis:
        "one LP solve, dual simplex: HiGHS WebAssembly (load + solve) against scipy linprog(method='highs-ds') (solve call only), alternating",
      time: timeStats(wasmMs),
      memory: { peakMB: peakRssMB(), basis: 'process-maxrss' },
      counters: { simplexIterations: iterations, columns: model.lp.numCols, rows: model.lp.numRows },
      deterministic: true,
      ratios:
        nativeMs.length > 0
          ? {
              'highs-native': ratioOf(
                wasmMs,
                nativeMs,
                'WebAssembly solve / native solve medians',
                MIN_GATING_REFERENCE_MS,
              ),
            }
          : {},
      // Rounded: the two builds may differ in the last bits of a 1e12 objective.
      outputs: { objective: objective === null ? null : Number(objective.toPrecision(10)) },
      extra: {
        nativeMs: nativeMs.length > 0 ? timeStats(nativeMs) : null,
        nativeObjective,
        ...(error === null ? {} : { nativeUnavailable: error }),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Options of {@link policiesCases}. */
export interface PoliciesSuiteOptions {
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

/** Runs the suite and returns its cases. */
export async function policiesCases(o: PoliciesSuiteOptions): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  const points = o.quick ? GRID.slice(0, 1) : GRID.slice(0, 3);
  const scenarios = points.map((g) => ({
    g,
    s: policyScenario(g, SEED),
    id: `policies/grid-${g.sites}-sites-${g.days}d-${g.slotSeconds / 60}min`,
  }));
  for (const { g, s, id } of scenarios) {
    const c = await measureCase(planSpec(id, s, g.sites, 3));
    o.log(`${c.id}: median ${c.time?.medianMs} ms, ${JSON.stringify(c.counters)}`);
    cases.push(c);
  }
  let nativeOn = {
    id: `policies/native-highs/${scenarios[0].id.slice('policies/'.length)}`,
    s: scenarios[0].s,
  };
  if (!o.quick) {
    const w = await loadScenario('examples/worldwide.yaml');
    const sites = w.nodes.filter((v) => v.kind === 'site').length;
    const c = await measureCase(planSpec('policies/worldwide', w, sites, 3));
    o.log(`${c.id}: median ${c.time?.medianMs} ms, ${JSON.stringify(c.counters)}`);
    cases.push(c);
    nativeOn = { id: 'policies/native-highs/worldwide', s: w };
  }
  const n = await nativeCase(nativeOn.id, nativeOn.s, 3);
  o.log(`${n.id}: wasm ${n.time?.medianMs} ms, ratio ${JSON.stringify(n.ratios)}`);
  cases.push(n);
  for (const name of estateNames(o.quick)) {
    const r = runEstate(name, { wallSeconds: ESTATE_WALL_SECONDS });
    o.log(`policies/${describeEstate(r)}`);
    cases.push(estateCase(r));
  }
  return cases;
}

/** An estate run as a result case: one repetition, the child's own time and peak RSS. */
export function estateCase(r: EstateOutcome): BenchCase {
  const counters: Record<string, number> = {};
  const keep = {
    classes: r.classes ?? r.size.classes,
    lpColumns: r.lpColumns,
    lpRows: r.lpRows,
    lpSolves: r.lpSolves,
    maxFlowSolves: r.maxFlowSolves,
    simplexIterations: r.simplexIterations,
  };
  // A timed-out run's figures are wherever the clock stopped it: no counters to gate on.
  if (r.outcome !== 'timeout') for (const [k, v] of Object.entries(keep)) if (v !== null) counters[k] = v;
  const { slotSeconds: _slotSeconds, ...size } = r.size;
  return {
    id: `policies/${r.name}`,
    suite: 'policies',
    size,
    basis:
      'plan() (calendars … direct upload) in a fresh child process, one call; generating, reading and ' +
      'verifying excluded; memory: that child’s peak RSS',
    time: r.planMs === null ? null : timeStats([r.planMs]),
    memory: r.peakRssMB === null ? null : { peakMB: r.peakRssMB, basis: 'process-maxrss' },
    counters,
    deterministic: true,
    ratios: {},
    outputs: {
      outcome: r.outcome,
      error: r.errorName,
      status: r.status,
      makespanSlot: r.makespanSlot,
      lowerBoundSlot: r.lowerBoundSlot,
      gapSlots: r.gapSlots,
      duesMet: r.duesMet,
      duesTotal: r.duesTotal,
      verified: r.verified,
    },
    extra: {
      target: estateByName(r.name)?.target ?? null,
      message: r.message,
      lowerBoundMethod: r.lowerBoundMethod,
      phasesMs: r.phasesMs,
      generateMs: r.generateMs,
      parseMs: r.parseMs,
      verifyMs: r.verifyMs,
      slotSeconds: r.size.slotSeconds,
    },
  };
}
