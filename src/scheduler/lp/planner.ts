/**
 * The multi-commodity LP planner: every scenario SCENARIO.md allows — several policies (data
 * residency through `to`), per-dataset dues, `copies` in distinct failure domains, appliance
 * capacities, provider caps over several nodes — planned on the max-flow planner's time-expanded
 * network with HiGHS, rounded to whole quanta, decoded into PLAN.md rows.
 *
 * Pipeline: calendars → LP context (network in LP mode, commodity classes; `classes.ts`,
 * `context.ts`) → reachability of each dataset's copies (`explain.ts`) → the objective's search
 * over one pruned LP loaded once in HiGHS (`search.ts`, `model.ts`, `prune.ts`) → rounding to an
 * integral flow that keeps every row (`round.ts`; if it cannot route everything at T*, the
 * horizon is relaxed by one slot at a time, at most three times, and the notes say so) →
 * decoding per class and failure domain (`decode.ts`) → bottlenecks from LP duals, explanations
 * of late and unreachable datasets, cost breakdown → naive direct upload under the same policies
 * on the direct-only network (`direct.ts`, the `vsDirect` comparison; earliest completion only).
 *
 * `lowerBound` (earliest completion, complete plans): T* − 1, where the LP with T* − 1 slots
 * (under the same dues rule) cannot carry the demand — no plan at the quantum's granularity ends
 * sooner. The makespan is that of the rounded plan: equal to the bound unless rounding needed an
 * extra slot (reported in the notes). For min-cost plans the makespan is not minimised and
 * `lowerBound.slot` is null.
 *
 * Invariants: deterministic (HiGHS is deterministic for the same model; every map is iterated in
 * a fixed order), so the same input gives a byte-identical plan; the plan never exceeds an exact
 * capacity (LP bounds are floored quanta and the decoder puts at most flow × q bytes on an arc).
 *
 * Reference: design/PLAN.md; docs/policies.md.
 */
import { buildCalendars, type Calendars } from '../../constraints/calendars.js';
import { loadLp } from '../../flow/lp.js';
import type { Scenario } from '../../io/model.js';
import { formatBytes } from '../../io/units.js';
import { planDatasets } from '../../plan/datasets.js';
import type { DecodedFlow } from '../decode.js';
import { vsDirectOf } from '../../plan/vs-direct.js';
import { ArcKind } from '../network.js';
import type { Bottleneck, Plan, PlanObjective, PlanStatus, VsDirect } from '../../plan/types.js';
import { isoUtc } from '../../plan/time.js';
import { buildLpContext, type LpContext } from './context.js';
import { costBreakdown } from './cost.js';
import { decodeClasses } from './decode.js';
import { solveDirectLp } from './direct.js';
import { dualBottlenecks, lateCut, unreachableDatasets } from './explain.js';
import { type RoundedFlow, roundSolution } from './round.js';
import { dueLimits, limitsFor, type Probe, type SearchOutcome, searchObjective } from './search.js';

/** Options of {@link planLp}. */
export interface LpPlanOptions {
  /** Quantum in bytes. @defaultValue 1_000_000 */
  readonly quantum?: number;
  /** @defaultValue 'earliest-completion' */
  readonly objective?: PlanObjective;
  /** Calendars already computed for this scenario. */
  readonly calendars?: Calendars;
  /** Phase events (the library never prints). */
  readonly onProgress?: (event: { readonly phase: string; readonly solves: number }) => void;
  /** Human-readable progress lines: LP sizes before/after each reduction, each solve and its time. */
  readonly onLog?: (line: string) => void;
  /** HiGHS's own log lines. */
  readonly onSolverLog?: (line: string) => void;
  /**
   * Wall-clock limit per LP solve in seconds; a solve that hits it throws `LpSolveError` (lp/search.ts).
   * @defaultValue 600
   */
  readonly timeLimitSeconds?: number;
  /** Most bottlenecks listed. @defaultValue 20 */
  readonly maxBottlenecks?: number;
  /**
   * Also solve naive direct upload with the LP for the `vsDirect` comparison (lp/direct.ts).
   * @defaultValue true
   */
  readonly compareDirect?: boolean;
}

const METHOD = 'multi-commodity LP (HiGHS)';

/** The direct-upload LP may always have this many columns, even when the plan's own LP is smaller. */
const DIRECT_MIN_COLUMNS = 20_000;

/**
 * Plans `scenario` with the multi-commodity LP (module header).
 * @throws LpTooLargeError when the reduced LP does not fit the WebAssembly solver
 * @throws LpSolveError when an LP solve hits its time limit or HiGHS fails
 * @throws UsageError for a bad quantum; InputError when a calendar amount reaches 2^53
 */
export async function planLp(scenario: Scenario, options: LpPlanOptions = {}): Promise<Plan> {
  const q = options.quantum ?? 1_000_000;
  const objective = options.objective ?? 'earliest-completion';
  const log = options.onLog;
  let solves = 0;
  const progress = (phase: string) => options.onProgress?.({ phase, solves });
  progress('calendars');
  const cal = options.calendars ?? buildCalendars(scenario);
  progress('network');
  const ctx = buildLpContext(scenario, cal, q);
  const notes: string[] = [];
  const K = scenario.datasets.length;
  const C = ctx.classes.length;
  log?.(`time-expanded network: ${ctx.ten.n} nodes, ${ctx.ten.arcCount} arcs, ${ctx.ten.slots} slots`);
  log?.(`${C} commodity class(es) for ${K} dataset(s)`);
  notes.push(
    `${C} commodity class(es) for ${K} dataset(s) (datasets with the same destinations and due share a class; ` +
      `each replicated dataset is its own class); ${objective} by ${METHOD} in quanta of ${formatBytes(q)}`,
  );
  const stats: Record<string, number | string> = { quantumBytes: q, slots: cal.slots, commodityClasses: C };
  stats.networkNodes = ctx.ten.n;
  stats.networkArcs = ctx.ten.arcCount;

  const unreachable = unreachableDatasets(ctx, notes);
  let outcome: SearchOutcome | null = null;
  let rounded: RoundedFlow | null = null;
  let final: Probe | null = null;
  let decoded: DecodedFlow;
  if (C > 0) {
    const lp = await loadLp();
    progress('lp');
    outcome = searchObjective(ctx, lp, objective, {
      log,
      highsLog: options.onSolverLog,
      timeLimitSeconds: options.timeLimitSeconds ?? 600,
    });
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

  const datasets = planDatasets(scenario, decoded);
  const makespanSlot = Math.max(-1, ...decoded.lastSlot);
  const h = scenario.horizon;
  const makespan =
    makespanSlot >= 0
      ? { slot: makespanSlot, end: isoUtc(h.start + (makespanSlot + 1) * h.slotSeconds) }
      : null;
  let status: PlanStatus = datasets.every((d) => d.completed !== null) ? 'complete' : 'partial';
  if (unreachable.datasets.length > 0) status = 'infeasible';

  progress('bottlenecks');
  const bottlenecks: Bottleneck[] = [...unreachable.bottlenecks];
  const due = dueLimits(ctx);
  for (const d of datasets) {
    if (d.met !== false || d.completed === null) continue;
    notes.push(`dataset ${d.id} misses its due ${d.due} by ${d.lateSlots} slot(s)`);
  }
  ctx.classes.forEach((cls, c) => {
    if (cls.due === null) return;
    const late = cls.datasets.filter(
      (k) => datasets.find((d) => d.id === scenario.datasets[k].id)?.met === false,
    );
    if (late.length === 0) return;
    const ids = late.map((k) => scenario.datasets[k].id).join(', ');
    const cut = lateCut(ctx, c, due[c]);
    const need = cls.datasets.reduce(
      (s, k) => s + scenario.datasets[k].copies * scenario.datasets[k].wire,
      0,
    );
    if (cut !== null) {
      // An empty cut means no element has capacity left to name: the quantum itself is the limit
      // (every capacity floors to zero quanta) or the due falls before anything can move.
      const where =
        cut.bottlenecks.length > 0
          ? `the cut is ${cut.bottlenecks
              .map((b) => `${b.kind} ${b.id}`)
              .slice(0, 5)
              .join(', ')}`
          : `no link or cap limits it at the planner's granularity: the due leaves no usable slot, or every capacity before it is below one quantum (${formatBytes(q)}; try a smaller --quantum)`;
      notes.push(
        `${ids} cannot meet the due even alone: by then the network carries at most ${formatBytes(Math.min(need, cut.deliverable * q))} of ` +
          `${formatBytes(need)}; ${where}`,
      );
      for (const b of cut.bottlenecks)
        bottlenecks.push({ ...b, note: `keeps ${ids} from its due: ${b.note}` });
    } else {
      notes.push(
        `${ids} could meet the due alone: it is late because it shares capacity with other datasets (bottlenecks list where)`,
      );
    }
  });
  if (outcome !== null) {
    const priced =
      outcome.below ?? outcome.lateBelow ?? (final !== null && final.mode === 'volume' ? final : null);
    if (priced !== null) {
      const dual = dualBottlenecks(ctx, outcome.prober, priced);
      bottlenecks.push(...dual.bottlenecks);
      notes.push(...dual.notes);
    }
  }
  const maxB = options.maxBottlenecks ?? 20;
  const listed = bottlenecks.slice(0, maxB);
  if (bottlenecks.length > maxB) notes.push(`${bottlenecks.length - maxB} more bottleneck(s) are not listed`);

  let lowerBound: { slot: number | null; method: string } = { slot: null, method: METHOD };
  if (status === 'complete' && makespan !== null) {
    if (objective === 'earliest-completion' && outcome?.T != null) {
      const lb = Math.min(outcome.T - 1, makespan.slot);
      lowerBound = { slot: lb, method: METHOD };
      if (lb < makespan.slot) {
        notes.push(
          `rounding the LP optimum to whole quanta cost ${makespan.slot - lb} slot(s): the LP finishes in slot ${lb}, this plan in slot ${makespan.slot}`,
        );
      }
    } else if (objective === 'min-cost') {
      lowerBound = { slot: null, method: `${METHOD}; min-cost does not minimise the makespan` };
    }
  }
  if (status === 'partial') {
    const total = scenario.datasets.reduce((s, d) => s + d.copies * d.wire, 0);
    const got = datasets.reduce((s, d) => s + Object.values(d.delivered).reduce((x, b) => x + b, 0), 0);
    notes.push(
      `the horizon ends before every byte is delivered: ${formatBytes(got)} of ${formatBytes(total)} (the most the LP can carry)`,
    );
  }
  let lpCost: number | null = null;
  if (
    objective === 'min-cost' &&
    final !== null &&
    final.result.status === 'optimal' &&
    final.mode === 'cost'
  ) {
    const maxCost = ctx.costPerQuantum.reduce((m, x) => Math.max(m, x), 0);
    lpCost = final.result.objective * maxCost;
  }
  if (objective === 'min-cost' && !ctx.hasCosts)
    notes.push('no link has a cost: every plan meeting the dues costs 0');
  const cost = costBreakdown(scenario, decoded.transfers, lpCost);
  let vsDirect: VsDirect | undefined;
  if ((options.compareDirect ?? true) && objective === 'earliest-completion') {
    progress('direct');
    const direct = solveDirectLp(scenario, cal, await loadLp(), {
      quantum: q,
      columnLimit: Math.max(DIRECT_MIN_COLUMNS, Number(stats.lpColumns ?? 0)),
      timeLimitSeconds: options.timeLimitSeconds ?? 600,
      log,
    });
    if (direct.kind === 'solved') {
      vsDirect = vsDirectOf(scenario, direct.outcome, makespan);
      stats.directLpColumns = direct.columns;
      stats.directLpSolves = direct.solves;
    } else notes.push(`direct upload not compared: ${direct.reason}`);
  }
  progress('done');
  const sortedStats: Record<string, number | string> = {};
  for (const k of Object.keys(stats).sort()) sortedStats[k] = stats[k];
  return {
    wanplan: 1,
    scenario: scenario.name,
    status,
    objective,
    horizon: { start: h.startIso, slotSeconds: h.slotSeconds, slots: h.slots },
    quantumBytes: q,
    makespan,
    lowerBound,
    datasets,
    transfers: decoded.transfers,
    deliveries: decoded.deliveries,
    storage: decoded.storage,
    bottlenecks: listed,
    notes,
    ...(vsDirect ? { vsDirect } : {}),
    stats: sortedStats,
    ...(cost !== null ? { cost } : {}),
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
  let rounded = roundSolution(ctx, model, solutionOf(final), want);
  const short = (r: RoundedFlow) => want.some((w, c) => r.routed[c] < w);
  if (outcome.kind !== 'complete' || !short(rounded)) return { rounded, final };
  const due = dueLimits(ctx);
  const S = ctx.ten.slots;
  const T0 = outcome.T ?? S;
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
    rounded = roundSolution(ctx, model, solutionOf(p), want);
  }
  if (short(rounded)) {
    const lost = want.reduce((s, w, c) => s + Math.max(0, w - rounded.routed[c]), 0);
    notes.push(
      `rounding to whole quanta left ${lost} quanta (${formatBytes(lost * ctx.ten.quantum)}) unrouted that the LP could carry (the plan is partial for that reason)`,
    );
  }
  return { rounded, final };
}
