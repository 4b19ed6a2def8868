/**
 * The multi-commodity LP engine: every scenario the format allows — several policies (data
 * residency through `to`), per-dataset dues, `copies` in distinct failure domains, appliance
 * capacities, provider caps over several nodes — planned on the time-expanded network with
 * HiGHS, rounded to whole quanta, decoded into plan rows.
 *
 * Pipeline: LP context (network in LP mode, commodity classes; `classes.ts`, `context.ts`) →
 * reachability of each dataset's copies (`explain.ts`) → the objective's search over one pruned
 * LP loaded once in HiGHS (`search.ts`, `model.ts`, `prune.ts`) → rounding to an integral flow
 * that keeps every row (`round.ts`; if it cannot route everything at T*, the horizon is relaxed
 * by one slot at a time, at most three times, and the notes say so) → decoding per class and
 * failure domain (`decode.ts`) → explanations (`explanation.ts`: LP duals, late and unreachable
 * datasets, cost) → naive direct upload under the same policies on the direct-only network
 * (`direct.ts`, the `vsDirect` comparison; earliest completion only).
 *
 * `lowerBound` (earliest completion, complete plans): T* − 1, where the LP with T* − 1 slots
 * (under the same dues rule) cannot carry the demand — no plan at the quantum's granularity ends
 * sooner. For min-cost plans the makespan is not minimised and `lowerBound.slot` is null.
 *
 * Invariants: deterministic (HiGHS is deterministic for the same model; every map is iterated in
 * a fixed order), so the same input gives a byte-identical plan; the plan never exceeds an exact
 * capacity (LP bounds are floored quanta and the decoder puts at most flow × q bytes on an arc).
 *
 * Complexity: O(log S) LP solves (usually 2–4, warm) on O(classes × arcs) columns before pruning.
 *
 * Reference: docs/plan.md; docs/policies.md; Ahuja, Magnanti, Orlin, "Network Flows" (1993), ch. 17.
 */
import { LP_COLUMN_LIMIT, loadLp } from '../../flow/lp.js';
import { formatBytes } from '../../io/units.js';
import type { DecodedFlow } from '../../plan/decoded.js';
import type { PlanEngine, PlanProblem, Representability, Solution } from '../engine.js';
import { ArcKind } from '../network.js';
import { buildLpContext, type LpContext } from './context.js';
import { decodeClasses } from './decode.js';
import { solveDirectLp } from './direct.js';
import { unreachableDatasets } from './explain.js';
import { explainLp, LP_METHOD } from './explanation.js';
import { lpColumnCount } from './model.js';
import { type RoundedFlow, roundSolution } from './round.js';
import { dueLimits, limitsFor, type Probe, type SearchOutcome, searchObjective } from './search.js';

/** The direct-upload LP may always have this many columns, even when the plan's own LP is smaller. */
const DIRECT_MIN_COLUMNS = 20_000;

/** LP contexts built by `representable()`, reused by `solve()` for the same problem. */
const contexts = new WeakMap<PlanProblem, LpContext>();

function contextOf(problem: PlanProblem): LpContext {
  let ctx = contexts.get(problem);
  if (ctx === undefined) {
    ctx = buildLpContext(problem.scenario, problem.cal, problem.quantum, { topology: problem.topology });
    contexts.set(problem, ctx);
  }
  return ctx;
}

/**
 * The multi-commodity LP engine (module header): it represents every scenario whose pruned LP
 * fits the WebAssembly HiGHS solver ({@link LP_COLUMN_LIMIT} columns).
 */
export const lpEngine: PlanEngine = {
  name: 'lp',
  representable(problem: PlanProblem): Representability {
    const ctx = contextOf(problem);
    const columns = lpColumnCount(ctx, limitsFor(ctx, dueLimits(ctx), ctx.ten.slots, ctx.ten.slots));
    if (columns <= LP_COLUMN_LIMIT) return { ok: true };
    return {
      ok: false,
      reasons: [
        `the multi-commodity LP would have ${columns} columns after pruning, above the ${LP_COLUMN_LIMIT} the WebAssembly HiGHS solver holds`,
      ],
    };
  },
  solve: solveLp,
};

/**
 * Plans `problem` with the multi-commodity LP (module header).
 * @throws LpTooLargeError when the reduced LP does not fit the WebAssembly solver
 * @throws LpSolveError when an LP solve hits its time limit or HiGHS fails
 */
export async function solveLp(problem: PlanProblem): Promise<Solution> {
  const { scenario, cal, quantum: q, objective } = problem;
  const log = problem.onLog;
  let solves = 0;
  const progress = (phase: string) => problem.onProgress?.({ phase, solves });
  progress('network');
  const ctx = contextOf(problem);
  const notes: string[] = [];
  const K = scenario.datasets.length;
  const C = ctx.classes.length;
  log?.(`time-expanded network: ${ctx.ten.n} nodes, ${ctx.ten.arcCount} arcs, ${ctx.ten.slots} slots`);
  log?.(`${C} commodity class(es) for ${K} dataset(s)`);
  notes.push(
    `${C} commodity class(es) for ${K} dataset(s) (datasets with the same destinations and due share a class; ` +
      `replicated datasets share one only with the same origin, ready slot and copies); ${objective} by ${LP_METHOD} in quanta of ${formatBytes(q)}`,
  );
  const stats: Record<string, number | string> = { quantumBytes: q, slots: cal.slots, commodityClasses: C };
  stats.networkNodes = ctx.ten.n;
  stats.networkArcs = ctx.ten.arcCount;
  if (ctx.capsDropped.length > 0) {
    stats.presolveCapsDropped = ctx.capsDropped.length;
    log?.(`presolve: dropped ${ctx.capsDropped.join(', ')} (cannot bind in any slot)`);
  }

  const unreachable = unreachableDatasets(ctx, notes);
  let outcome: SearchOutcome | null = null;
  let final: Probe | null = null;
  let decoded: DecodedFlow;
  if (C > 0) {
    const lp = await loadLp();
    progress('lp');
    // Every LP solve (size, status, bound, time) is also a progress event: long runs show it.
    const lpLog = (line: string) => {
      log?.(line);
      problem.onProgress?.({ phase: 'lp', solves, detail: line });
    };
    outcome = searchObjective(ctx, lp, objective, {
      log: lpLog,
      highsLog: problem.onSolverLog,
      timeLimitSeconds: problem.timeLimitSeconds,
    });
    let rounded: RoundedFlow;
    try {
      progress('rounding');
      ({ rounded, final } = roundWithRelaxation(ctx, outcome, notes, log));
      progress('decode');
      decoded = decodeClasses(ctx, outcome.prober.model, rounded.x);
    } finally {
      outcome.prober.dispose();
    }
    solves = outcome.prober.solves.length;
    const sizes = outcome.prober.model.sizes;
    const last = sizes[sizes.length - 1];
    stats.lpColumns = last.columns;
    stats.lpRows = last.rows;
    stats.lpNonZeros = last.nonZeros ?? 0;
    stats.lpColumnsUnreduced = sizes[0].columns;
    stats.lpSolves = solves;
    stats.simplexIterations = outcome.prober.solves.reduce((s, p) => s + p.result.stats.simplexIterations, 0);
    stats.roundingRepairPaths = rounded.repairPaths;
    stats.roundingRepairedQuanta =
      rounded.routed.reduce((s, x) => s + x, 0) - rounded.afterFloor.reduce((s, x) => s + x, 0);
    stats.cyclesCancelled = decoded.cyclesCancelled;
  } else {
    decoded = {
      transfers: [],
      deliveries: [],
      storage: [],
      delivered: scenario.datasets.map(() => new Map()),
      lastSlot: new Int32Array(K).fill(-1),
      cyclesCancelled: 0,
    };
  }
  const found = { outcome, final };
  return {
    objective,
    decoded,
    unreachable: unreachable.datasets.length > 0,
    explain: (view) =>
      explainLp(ctx, { ...found, notes, unreachable, decoded, objective }, view, problem.maxBottlenecks),
    direct: async () => {
      if (objective !== 'earliest-completion') {
        throw new Error('lp engine: the direct comparison is for earliest completion only');
      }
      progress('direct');
      const direct = solveDirectLp(scenario, cal, await loadLp(), {
        quantum: q,
        columnLimit: Math.max(DIRECT_MIN_COLUMNS, Number(stats.lpColumns ?? 0)),
        timeLimitSeconds: problem.timeLimitSeconds,
        log,
      });
      if (direct.kind === 'skipped') return direct;
      stats.directLpColumns = direct.columns;
      stats.directLpSolves = direct.solves;
      return { kind: 'solved', outcome: direct.outcome };
    },
    stats: () => stats,
    solves: () => solves,
  };
}

/** Rounds the search's solution; if a class cannot be routed whole, relaxes by a slot (≤ 3 times). */
function roundWithRelaxation(
  ctx: LpContext,
  outcome: SearchOutcome,
  notes: string[],
  log: ((line: string) => void) | undefined,
): { rounded: RoundedFlow; final: Probe } {
  const model = outcome.prober.model;
  let final = outcome.final;
  const wantOf = (p: Probe): number[] =>
    ctx.classes.map((cls, c) => {
      if (outcome.kind === 'complete') return cls.totalDemand;
      let v = 0;
      if (p.result.status === 'optimal') {
        for (let j = model.classStart[c]; j < model.classStart[c + 1]; j++) {
          if (ctx.ten.kind[model.colArc[j]] === ArcKind.SOURCE) v += p.result.colValue[j];
        }
      }
      return Math.floor(v + 1e-6);
    });
  const solutionOf = (p: Probe) =>
    p.result.status === 'optimal' ? p.result.colValue : new Float64Array(model.lp.numCols);
  let want = wantOf(final);
  let rounded = roundSolution(ctx, model, solutionOf(final), want, final.until);
  const short = (r: RoundedFlow) => want.some((w, c) => r.routed[c] < w);
  if (outcome.kind !== 'complete' || !short(rounded)) return { rounded, final };
  const due = dueLimits(ctx);
  const S = ctx.ten.slots;
  const T0 = outcome.T ?? S;
  let relaxed = 0;
  for (let extra = 1; extra <= 3 && short(rounded); extra++) {
    const until = limitsFor(ctx, due, outcome.lateness + extra, Math.min(S, T0 + extra));
    log?.(`rounding left quanta unrouted; relaxing by ${extra} slot(s)`);
    const p = outcome.prober.probe(
      until,
      final.mode === 'volume' ? 'earliest' : final.mode,
      `relaxed by ${extra} slot(s)`,
    );
    if (p.result.status !== 'optimal') continue;
    final = p;
    want = wantOf(p);
    rounded = roundSolution(ctx, model, solutionOf(p), want, p.until);
    relaxed = extra;
  }
  if (relaxed > 0 && !short(rounded)) {
    const dues = ctx.classes.some((c) => c.due !== null) ? 'for every due and ' : '';
    notes.push(
      `rounding to whole quanta could not route every quantum within the LP optimum's limits; the plan was rounded with ${relaxed} more slot(s) ${dues}for the horizon (the LP's bound still holds)`,
    );
  }
  if (short(rounded)) {
    const lost = want.reduce((s, w, c) => s + Math.max(0, w - rounded.routed[c]), 0);
    notes.push(
      `rounding to whole quanta left ${lost} quanta (${formatBytes(lost * ctx.ten.quantum)}) unrouted that the LP could carry (the plan is partial for that reason)`,
    );
  }
  return { rounded, final };
}
