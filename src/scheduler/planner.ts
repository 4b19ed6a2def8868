/**
 * The planner: a scenario in, an optimal, decoded plan out (PLAN.md). Scenarios whose datasets
 * share one policy (and whose caps the network can represent) are planned here by max-flow;
 * `plan()` sends every other scenario, and `objective: 'min-cost'`, to the multi-commodity LP
 * planner (`lp/planner.ts`), while `planSync()` refuses them with the reasons.
 *
 * Pipeline: calendars → time-expanded network ({@link buildTimeExpandedNetwork}) → reachability
 * (infeasible datasets) → earliest completion by galloping + bisection over warm max-flows
 * ({@link earliestCompletion}) → decoding of the flow at T* ({@link decodeFlow}) → bottlenecks from
 * the min cut at T*−1 and the "what if" re-solve → the same steps on the direct-upload network
 * for the comparison.
 *
 * Partial and infeasible plans (the horizon cannot carry every byte): the plan delivers the most
 * bytes the horizon allows, split among datasets by priority — earlier ready slot first, then id:
 * each dataset gets the most the network can carry given every dataset before it. This is the
 * greedy vertex of the polymatroid of deliverable amounts, so the total is still the maximum flow.
 * It is computed by raising the datasets' source capacities one at a time in priority order
 * (warm solves), then fixing each source at its marginal amount and solving once more.
 *
 * Invariants: the document holds no times or other run-dependent values, so the same input gives
 * a byte-identical plan; `lowerBound.slot = makespan.slot` for complete plans (the exact optimum at
 * the quantum's granularity: no smaller T carries the demand in quanta, and the decoded plan ends
 * no later than T*−1).
 *
 * Reference: design/PLAN.md; L. R. Ford, D. R. Fulkerson, "Flows in Networks" (1962), ch. III
 * (dynamic flows on time-expanded networks).
 */
import { buildCalendars, type Calendars } from '../constraints/calendars.js';
import { MaxFlowSolver } from '../flow/maxflow.js';
import { buildFlowNetwork } from '../flow/network.js';
import type { Scenario } from '../io/model.js';
import { formatBytes } from '../io/units.js';
import { doubleElement, rankCut } from './bottlenecks.js';
import { planDatasets } from '../plan/datasets.js';
import { type DecodedFlow, decodeFlow } from './decode.js';
import { vsDirectOf } from '../plan/vs-direct.js';
import { planLp } from './lp/planner.js';
import { buildTimeExpandedNetwork, type TimeExpandedNetwork } from './network.js';
import { mostDeliverable } from './partial.js';
import type { Bottleneck, Plan, PlanObjective, PlanStatus, SlotEnd, VsDirect } from '../plan/types.js';
import { classifyPolicy, PlannerLimitError } from './policy.js';
import { blockingLinkArcs, openCapacities, reachableDatasets } from './reach.js';
import { earliestCompletion, originCutBound, type SearchPoint, setSwitches } from './search.js';
import { isoUtc } from '../plan/time.js';

/** A progress event of {@link plan}: the phase that starts now. */
export interface PlanProgress {
  /** `calendars`, `network`, `search`, `decode`, `bottlenecks`, `what-if`, `direct` or `done`. */
  readonly phase: string;
  /** Max-flow solves so far (all networks). */
  readonly solves: number;
  /** For `search` probes: the slots enabled and the flow value in quanta. */
  readonly probe?: { readonly T: number; readonly value: number; readonly demand: number };
}

/** Options of {@link plan}. */
export interface PlanOptions {
  /**
   * Quantum of the flows, in bytes: capacities are floored to it and demands rounded up.
   * @defaultValue 1_000_000 (1 MB)
   */
  readonly quantum?: number;
  /** Called when a phase starts and after each max-flow probe. The library never prints. */
  readonly onProgress?: (event: PlanProgress) => void;
  /**
   * Also plan naive direct upload for the `vsDirect` comparison.
   * @defaultValue true
   */
  readonly compareDirect?: boolean;
  /**
   * Most bottlenecks listed (the rest are counted in a note).
   * @defaultValue 20
   */
  readonly maxBottlenecks?: number;
  /** Calendars already computed for this scenario (saves recomputing them). */
  readonly calendars?: Calendars;
  /**
   * What {@link plan} optimises (PLAN.md `objective`). `min-cost` and every scenario the one-policy
   * max-flow cannot represent go to the multi-commodity LP planner (src/scheduler/lp).
   * @defaultValue 'earliest-completion'
   */
  readonly objective?: PlanObjective;
  /** LP planner only: human-readable lines (LP sizes per reduction step, solves and their times). */
  readonly onLog?: (line: string) => void;
  /** LP planner only: HiGHS's own log lines. */
  readonly onSolverLog?: (line: string) => void;
  /**
   * LP planner only: wall-clock limit per LP solve in seconds; a solve that hits it throws
   * `LpSolveError` with the LP's size and what to change.
   * @defaultValue 600
   */
  readonly timeLimitSeconds?: number;
}

/** Default quantum: 1 MB. */
export const DEFAULT_QUANTUM = 1_000_000;

const METHOD = 'time-expanded max-flow';

interface DirectResult {
  readonly ten: TimeExpandedNetwork;
  /** Smallest feasible T (quantised), or null. */
  readonly T: number | null;
  readonly reachable: boolean[];
  readonly deliveredBytes: number;
}

interface Solved {
  readonly ten: TimeExpandedNetwork;
  readonly solver: MaxFlowSolver;
  readonly flow: Float64Array;
  /** Smallest feasible T or null (partial / infeasible). */
  readonly T: number | null;
  readonly lo: SearchPoint | null;
  readonly reachable: boolean[];
  readonly decoded: DecodedFlow;
  readonly bytesIn: number[];
}

/**
 * Plans a scenario: the earliest-completion plan of PLAN.md with bottlenecks and the comparison
 * with direct upload. Scenarios that need the multi-commodity LP (several policies, copies,
 * per-dataset dues, caps that a single max-flow cannot represent) and `objective: 'min-cost'` go
 * to {@link planLp} (docs/policies.md).
 * @throws LpTooLargeError when such a scenario's LP does not fit the WebAssembly solver
 * @throws UsageError for a bad quantum; InputError when a calendar amount reaches 2^53
 */
export async function plan(scenario: Scenario, options: PlanOptions = {}): Promise<Plan> {
  // Dispatch: the LP planner takes min-cost and every scenario that is not one policy or whose
  // caps the max-flow network cannot represent (PlannerLimitError).
  if (
    (options.objective ?? 'earliest-completion') !== 'earliest-completion' ||
    classifyPolicy(scenario).kind === 'multi'
  ) {
    return planLp(scenario, options);
  }
  try {
    return planSync(scenario, options);
  } catch (err) {
    if (err instanceof PlannerLimitError) return planLp(scenario, options);
    throw err;
  }
}

/** Synchronous {@link plan} (the max-flow planner needs no asynchronous solver). */
export function planSync(scenario: Scenario, options: PlanOptions = {}): Plan {
  const q = options.quantum ?? DEFAULT_QUANTUM;
  let solves = 0;
  const progress = (phase: string, probe?: PlanProgress['probe']) =>
    options.onProgress?.({ phase, solves, ...(probe ? { probe } : {}) });
  const policy = classifyPolicy(scenario);
  if (policy.kind === 'multi') throw new PlannerLimitError(policy.reasons);
  progress('calendars');
  const cal = options.calendars ?? buildCalendars(scenario);
  const notes: string[] = [];
  const stats: Record<string, number | string> = { quantumBytes: q, slots: cal.slots };
  const destIds = policy.destinations.map((d) => scenario.nodes[d].id);
  notes.push(
    `one policy: ${scenario.datasets.length} dataset(s) to any of [${destIds.join(', ')}], copies 1; ` +
      `earliest completion by ${METHOD} in quanta of ${formatBytes(q)}`,
  );

  const onProbe = (phase: string, demand: number) => (t: number, value: number) => {
    solves++;
    progress(phase, { T: t, value, demand });
  };
  const solveMain = (): Solved => {
    progress('network');
    const ten = buildTimeExpandedNetwork(scenario, cal, { quantum: q, destinations: policy.destinations });
    const net = buildFlowNetwork(ten.n, ten.tails, ten.heads, ten.caps, ten.arcCount);
    const solver = new MaxFlowSolver(net, ten.source, ten.sink);
    const reachable = reachableDatasets(ten);
    progress('search');
    let T: number | null = null;
    let lo: SearchPoint | null = null;
    const bound = originCutBound(ten, openCapacities(ten));
    if (ten.totalDemand === 0) T = 0;
    else if (reachable.every(Boolean) && bound !== null) {
      const r = earliestCompletion(solver, ten, { minT: bound, onProbe: onProbe('search', ten.totalDemand) });
      T = r.T;
      lo = r.lo;
    }
    stats.originCutBoundSlots = bound ?? 'none';
    const flow =
      T === null
        ? mostDeliverable(scenario, solver, ten, () => solves++)
        : T === 0
          ? new Float64Array(ten.arcCount)
          : solver.flows();
    progress('decode');
    const bytesIn = scenario.datasets.map((d, k) => Math.min(d.wire, flow[ten.sourceArc[k]] * q));
    const decoded = decodeFlow(scenario, ten, flow, bytesIn);
    return { ten, solver, flow, T, lo, reachable, decoded, bytesIn };
  };

  /** Direct upload: its earliest completion (or its most deliverable bytes), without decoding. */
  const solveDirect = (): DirectResult => {
    progress('direct');
    const ten = buildTimeExpandedNetwork(scenario, cal, {
      quantum: q,
      destinations: policy.destinations,
      direct: true,
    });
    const net = buildFlowNetwork(ten.n, ten.tails, ten.heads, ten.caps, ten.arcCount);
    const solver = new MaxFlowSolver(net, ten.source, ten.sink);
    const reachable = reachableDatasets(ten);
    const bound = originCutBound(ten, openCapacities(ten));
    let T: number | null = null;
    if (ten.totalDemand === 0) T = 0;
    else if (bound !== null && reachable.every(Boolean)) {
      T = earliestCompletion(solver, ten, { minT: bound, onProbe: onProbe('direct', ten.totalDemand) }).T;
    } else {
      setSwitches(solver, ten, 0, ten.slots, ten.slots);
      solver.solve();
      solves++;
    }
    const deliveredBytes = scenario.datasets.reduce(
      (sum, d, k) => sum + Math.min(d.wire, solver.flowOf(ten.sourceArc[k]) * q),
      0,
    );
    return { ten, T, reachable, deliveredBytes };
  };

  const main = solveMain();
  const { ten, solver, decoded } = main;
  stats.networkNodes = ten.n;
  stats.networkArcs = ten.arcCount;
  stats.nodesPerSlot = ten.blockSize;
  stats.demandQuanta = ten.totalDemand;

  const datasets = planDatasets(scenario, decoded);
  const makespanSlot = Math.max(-1, ...decoded.lastSlot);
  const makespan = makespanSlot >= 0 ? slotEnd(scenario, makespanSlot) : null;
  let status: PlanStatus = main.T !== null ? 'complete' : 'partial';
  if (!main.reachable.every(Boolean)) status = 'infeasible';

  // Bottlenecks and what if.
  progress('bottlenecks');
  let bottlenecks: Bottleneck[] = [];
  const maxB = options.maxBottlenecks ?? 20;
  if (status === 'infeasible') {
    bottlenecks = explainInfeasible(scenario, cal, ten, main.reachable, notes);
  } else if (main.T !== null && main.T >= 2 && main.lo !== null) {
    const lo = main.lo;
    // The maximum flow at T* − 1 back in place (the solver holds T*'s, with slots < T* enabled);
    // the switches turned off carry none of it. Its residual network gives the cut: no solve.
    solver.restore(lo.flow);
    setSwitches(solver, ten, lo.T, ten.slots, lo.T);
    const cut = solver.minCut();
    const ranked = rankCut(scenario, cal, ten, cut.arcs);
    bottlenecks = ranked.bottlenecks;
    if (ranked.elements.length > 0) {
      progress('what-if');
      const top = ranked.bottlenecks[0];
      const T = main.T;
      const doubled = doubleElement(solver, ten, ranked.elements[0]);
      // Warm, and as few solves as the bound allows: capacities only rose, so the plan's own flow
      // at T* is a known feasible point; the doubled network's origin-cut bound is probed first
      // (only the new T* is wanted, not a flow one slot before it), each probe starting from the
      // nearer of a known flow truncated to its slots and the largest infeasible probe's flow
      // (search.ts). Where the bound is exact — or already T* — that is one solve, or none.
      setSwitches(solver, doubled, lo.T, T, T);
      const s = earliestCompletion(solver, doubled, {
        minT: originCutBound(doubled, doubled.caps) ?? T,
        hi: { T, flow: main.flow, value: ten.totalDemand },
        boundFirst: true,
        onProbe: onProbe('what-if', ten.totalDemand),
      });
      if (s.T === null || s.T >= T) {
        notes.push(
          `what if: with ${top.kind} ${top.id} at twice its capacity the plan would not finish sooner (other limits bind too)`,
        );
      } else {
        const sooner = T - s.T;
        notes.push(
          `what if: with ${top.kind} ${top.id} at twice its capacity the plan would finish ${sooner} slot(s) sooner ` +
            `(makespan slot ${s.T - 1} instead of ${T - 1})`,
        );
      }
    }
  } else if (main.T === null) {
    const cut = solver.minCut();
    const ranked = rankCut(scenario, cal, ten, cut.arcs);
    bottlenecks = ranked.bottlenecks;
    if (ranked.elements.length > 0) {
      progress('what-if');
      const top = ranked.bottlenecks[0];
      const before = solver.value;
      doubleElement(solver, ten, ranked.elements[0]);
      const r = solver.solve();
      solves++;
      const more = r.status === 'optimal' ? (r.value - before) * q : 0;
      notes.push(
        `what if: with ${top.kind} ${top.id} at twice its capacity up to ${formatBytes(more)} more would be delivered within the horizon`,
      );
    }
  } else if (main.T !== null && main.T <= 1 && ten.totalDemand > 0) {
    notes.push(
      'the plan completes in the first slot: nothing to gain from more capacity at this slot length',
    );
  }
  if (bottlenecks.length > maxB) {
    notes.push(`${bottlenecks.length - maxB} more element(s) in the cut are not listed`);
    bottlenecks = bottlenecks.slice(0, maxB);
  }
  if (status !== 'complete') {
    const total = scenario.datasets.reduce((s, d) => s + d.wire, 0);
    const got = main.bytesIn.reduce((s, b) => s + b, 0);
    notes.push(
      `the horizon ends before every byte is delivered: ${formatBytes(got)} of ${formatBytes(total)}; split by priority ` +
        '(earlier ready slot first, then id: each dataset gets the most the network allows after those before it)',
    );
  }
  for (const d of datasets) {
    if (d.met === false && d.completed !== null)
      notes.push(`dataset ${d.id} misses its due ${d.due} by ${d.lateSlots} slot(s)`);
  }

  let vsDirect: VsDirect | undefined;
  if (options.compareDirect ?? true) {
    vsDirect = compareDirect(scenario, solveDirect, makespan, notes, stats);
  }
  stats.maxFlowSolves = solves;
  stats.pushes = solver.counters.pushes;
  stats.relabels = solver.counters.relabels;
  stats.globalUpdates = solver.counters.globalUpdates;
  stats.cyclesCancelled = decoded.cyclesCancelled;
  progress('done');

  const sortedStats: Record<string, number | string> = {};
  for (const k of Object.keys(stats).sort()) sortedStats[k] = stats[k];
  return {
    wanplan: 1,
    scenario: scenario.name,
    status,
    objective: 'earliest-completion',
    horizon: {
      start: scenario.horizon.startIso,
      slotSeconds: scenario.horizon.slotSeconds,
      slots: scenario.horizon.slots,
    },
    quantumBytes: q,
    makespan,
    lowerBound: { slot: status === 'complete' && makespan !== null ? makespan.slot : null, method: METHOD },
    datasets,
    transfers: decoded.transfers,
    deliveries: decoded.deliveries,
    storage: decoded.storage,
    bottlenecks,
    notes,
    ...(vsDirect ? { vsDirect } : {}),
    stats: sortedStats,
  };
}

function slotEnd(scenario: Scenario, slot: number): SlotEnd {
  const h = scenario.horizon;
  return { slot, end: isoUtc(h.start + (slot + 1) * h.slotSeconds) };
}

function explainInfeasible(
  scenario: Scenario,
  cal: Calendars,
  ten: TimeExpandedNetwork,
  reachable: readonly boolean[],
  notes: string[],
): Bottleneck[] {
  const blocked = new Set<number>();
  const doneNodes = new Set<number>();
  scenario.datasets.forEach((d, k) => {
    if (reachable[k]) return;
    const from = ten.heads[ten.sourceArc[k]];
    const arcs = doneNodes.has(from) ? [] : blockingLinkArcs(ten, from);
    doneNodes.add(from);
    for (const a of arcs) blocked.add(a);
    const why =
      d.readySlot >= scenario.horizon.slots
        ? 'it is ready inside the last slot, so its ready slot (the first to start at or after ready) is past the horizon'
        : arcs.length === 0
          ? 'no link leads from it towards an allowed destination'
          : `every route is closed when the data could use it (${new Set(arcs.map((a) => scenario.links[ten.elem[a]].id)).size} link(s) without capacity at those slots, and no staging to wait for them)`;
    notes.push(
      `dataset ${d.id} at ${d.at} (ready slot ${d.readySlot}) cannot reach any allowed destination within the horizon: ${why}`,
    );
  });
  const ranked = rankCut(scenario, cal, ten, Int32Array.from([...blocked].sort((a, b) => a - b)));
  return ranked.bottlenecks.map((b) => ({
    ...b,
    note: `no capacity (closed or zero) in ${b.slots.length} slot(s) where the data could use it`,
  }));
}

function compareDirect(
  scenario: Scenario,
  run: () => DirectResult,
  makespan: SlotEnd | null,
  notes: string[],
  stats: Record<string, number | string>,
): VsDirect | undefined {
  let direct: DirectResult;
  try {
    direct = run();
  } catch (err) {
    if (err instanceof PlannerLimitError) {
      notes.push(`direct upload not compared: ${err.reasons.join('; ')}`);
      return undefined;
    }
    throw err;
  }
  stats.directNetworkNodes = direct.ten.n;
  stats.directNetworkArcs = direct.ten.arcCount;
  let status: PlanStatus = direct.T !== null ? 'complete' : 'partial';
  if (!direct.reachable.every(Boolean)) status = 'infeasible';
  const lastSlot = direct.T === null ? null : direct.T - 1;
  return vsDirectOf(scenario, { status, lastSlot, deliveredBytes: direct.deliveredBytes }, makespan);
}
