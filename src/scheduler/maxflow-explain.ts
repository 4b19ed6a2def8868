/**
 * Explanations of a max-flow plan: what limits it, measured on the network that produced it.
 *
 * - Infeasible (some dataset reaches no allowed destination within the horizon): the exactly
 *   closed links at the edge of where its data can get to (`reach.ts`), and why, per dataset.
 * - Complete in T* ≥ 2 slots: the minimum cut of the maximum flow at T* − 1 (the flow of the
 *   largest infeasible probe, restored — no solve), ranked (`bottlenecks.ts`); then "what if":
 *   the top element at twice its capacity, re-searched warm from the plan's own flow, says how
 *   many slots sooner the plan would finish — a computed figure, never an estimate.
 * - Partial: the cut of the horizon's maximum flow and the extra bytes the doubled top element
 *   would deliver (one warm solve).
 * - Complete in the first slot: nothing to gain at this slot length.
 *
 * Reference: L. R. Ford, D. R. Fulkerson, "Maximal flow through a network" (1956) — max-flow/min-cut.
 */
import type { Calendars } from '../constraints/calendars.js';
import type { MaxFlowSolver } from '../flow/maxflow.js';
import type { Scenario } from '../io/model.js';
import { formatBytes } from '../io/units.js';
import type { Bottleneck } from '../plan/types.js';
import { doubleElement, rankCut } from './bottlenecks.js';
import type { Explanation, PlanView } from './engine.js';
import type { TimeExpandedNetwork } from './network.js';
import { blockingLinkArcs } from './reach.js';
import { earliestCompletion, originCutBound, type SearchPoint, setSwitches } from './search.js';

/** The method named in the plan's notes and `lowerBound`. */
export const MAX_FLOW_METHOD = 'time-expanded max-flow';

/** What the max-flow engine computed, for its explanations. */
export interface MaxFlowRun {
  readonly scenario: Scenario;
  readonly cal: Calendars;
  readonly ten: TimeExpandedNetwork;
  readonly solver: MaxFlowSolver;
  /** The plan's flow. */
  readonly flow: Float64Array;
  /** Smallest feasible T, or null (partial / infeasible). */
  readonly T: number | null;
  /** The largest infeasible probe (T* − 1) and its flow. */
  readonly lo: SearchPoint | null;
  readonly reachable: readonly boolean[];
  /** Real bytes each dataset put into the network. */
  readonly bytesIn: readonly number[];
  /** Notes so far (the engine's policy line). */
  readonly notes: readonly string[];
  readonly onProbe: (phase: string, demand: number) => (t: number, value: number) => void;
  readonly progress: (phase: string) => void;
  readonly solved: () => void;
}

/** Bottlenecks, notes and the lower bound of a max-flow plan (module header). */
export function explainMaxFlow(run: MaxFlowRun, view: PlanView, maxBottlenecks: number): Explanation {
  const { scenario, ten } = run;
  const notes = [...run.notes];
  let bottlenecks: Bottleneck[] = [];
  if (view.status === 'infeasible') {
    bottlenecks = explainInfeasible(run, notes);
  } else if (run.T !== null && run.T >= 2 && run.lo !== null) {
    bottlenecks = explainComplete(run, run.T, run.lo, notes);
  } else if (run.T === null) {
    bottlenecks = explainPartial(run, notes);
  } else if (run.T <= 1 && ten.totalDemand > 0) {
    notes.push(
      'the plan completes in the first slot: nothing to gain from more capacity at this slot length',
    );
  }
  if (bottlenecks.length > maxBottlenecks) {
    notes.push(`${bottlenecks.length - maxBottlenecks} more element(s) in the cut are not listed`);
  }
  if (view.status !== 'complete') {
    const total = scenario.datasets.reduce((s, d) => s + d.wire, 0);
    const got = run.bytesIn.reduce((s, b) => s + b, 0);
    notes.push(
      `the horizon ends before every byte is delivered: ${formatBytes(got)} of ${formatBytes(total)}; split by priority ` +
        '(earlier ready slot first, then id: each dataset gets the most the network allows after those before it)',
    );
  }
  notes.push(...missedDueNotes(view));
  const slot = view.status === 'complete' && view.makespan !== null ? view.makespan.slot : null;
  return { bottlenecks, notes, lowerBound: { slot, method: MAX_FLOW_METHOD } };
}

/** One note per dataset that completes after its due. */
export function missedDueNotes(view: PlanView): string[] {
  return view.datasets
    .filter((d) => d.met === false && d.completed !== null)
    .map((d) => `dataset ${d.id} misses its due ${d.due} by ${d.lateSlots} slot(s)`);
}

/** The cut at T* − 1 and what doubling its top element would gain. */
function explainComplete(run: MaxFlowRun, T: number, lo: SearchPoint, notes: string[]): Bottleneck[] {
  const { scenario, cal, ten, solver } = run;
  // The maximum flow at T* − 1 back in place (the solver holds T*'s, with slots < T* enabled);
  // the switches turned off carry none of it. Its residual network gives the cut: no solve.
  solver.restore(lo.flow);
  setSwitches(solver, ten, lo.T, ten.slots, lo.T);
  const ranked = rankCut(scenario, cal, ten, solver.minCut().arcs);
  if (ranked.elements.length === 0) return ranked.bottlenecks;
  run.progress('what-if');
  const top = ranked.bottlenecks[0];
  const doubled = doubleElement(solver, ten, ranked.elements[0]);
  // Warm, and as few solves as the bound allows: capacities only rose, so the plan's own flow at
  // T* is a known feasible point; the doubled network's origin-cut bound is probed first (only
  // the new T* is wanted, not a flow one slot before it), each probe starting from the nearer of
  // a known flow truncated to its slots and the largest infeasible probe's flow (search.ts).
  // Where the bound is exact — or already T* — that is one solve, or none.
  setSwitches(solver, doubled, lo.T, T, T);
  const s = earliestCompletion(solver, doubled, {
    minT: originCutBound(doubled, doubled.caps) ?? T,
    hi: { T, flow: run.flow, value: ten.totalDemand },
    boundFirst: true,
    onProbe: run.onProbe('what-if', ten.totalDemand),
  });
  if (s.T === null || s.T >= T) {
    notes.push(
      `what if: with ${top.kind} ${top.id} at twice its capacity the plan would not finish sooner (other limits bind too)`,
    );
  } else {
    notes.push(
      `what if: with ${top.kind} ${top.id} at twice its capacity the plan would finish ${T - s.T} slot(s) sooner ` +
        `(makespan slot ${s.T - 1} instead of ${T - 1})`,
    );
  }
  return ranked.bottlenecks;
}

/** The cut of the horizon's maximum flow and the bytes a doubled top element would add. */
function explainPartial(run: MaxFlowRun, notes: string[]): Bottleneck[] {
  const { scenario, cal, ten, solver } = run;
  const ranked = rankCut(scenario, cal, ten, solver.minCut().arcs);
  if (ranked.elements.length === 0) return ranked.bottlenecks;
  run.progress('what-if');
  const top = ranked.bottlenecks[0];
  const before = solver.value;
  doubleElement(solver, ten, ranked.elements[0]);
  const r = solver.solve();
  run.solved();
  const more = r.status === 'optimal' ? (r.value - before) * ten.quantum : 0;
  notes.push(
    `what if: with ${top.kind} ${top.id} at twice its capacity up to ${formatBytes(more)} more would be delivered within the horizon`,
  );
  return ranked.bottlenecks;
}

/** Closed links that keep unreachable datasets from every allowed destination, and why. */
function explainInfeasible(run: MaxFlowRun, notes: string[]): Bottleneck[] {
  const { scenario, cal, ten, reachable } = run;
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
