/**
 * The max-flow engine: scenarios whose datasets share one policy (and whose caps the network can
 * represent, `cap-layout.ts`) are planned exactly by single-commodity max-flow on the
 * time-expanded network.
 *
 * Pipeline: time-expanded network ({@link buildTimeExpandedNetwork}) → reachability (infeasible
 * datasets) → earliest completion by galloping + bisection over warm max-flows
 * ({@link earliestCompletion}) → decoding of the flow at T* ({@link decodeFlow}) → explanations
 * from the min cut at T*−1 and the "what if" re-solve (`maxflow-explain.ts`) → the same search on
 * the direct-upload network for the comparison.
 *
 * Partial and infeasible plans (the horizon cannot carry every byte): the plan delivers the most
 * bytes the horizon allows, split among datasets by priority — earlier ready slot first, then id:
 * each dataset gets the most the network can carry given every dataset before it (`partial.ts`,
 * the greedy vertex of the polymatroid of deliverable amounts, so the total is still the maximum
 * flow).
 *
 * Invariants: `lowerBound.slot = makespan.slot` for complete plans (the exact optimum at the
 * quantum's granularity: no smaller T carries the demand in quanta, and the decoded plan ends no
 * later than T*−1); the plan never exceeds an exact capacity (capacities are floored to quanta).
 *
 * Complexity: O(log S) warm max-flow solves on O(S·(V + L)) arcs.
 *
 * Reference: docs/plan.md; L. R. Ford, D. R. Fulkerson, "Flows in Networks" (1962), ch. III
 * (dynamic flows on time-expanded networks).
 */
import type { Calendars } from '../constraints/calendars.js';
import { MaxFlowSolver } from '../flow/maxflow.js';
import { buildFlowNetwork } from '../flow/network.js';
import type { Scenario } from '../io/model.js';
import { formatBytes } from '../io/units.js';
import type { PlanObjective } from '../plan/types.js';
import { indexScenario } from '../topology/csr.js';
import { capReasons } from './cap-layout.js';
import { decodeFlow } from './decode.js';
import type { DirectComparison, PlanEngine, PlanProblem, Representability, Solution } from './engine.js';
import { explainMaxFlow, MAX_FLOW_METHOD, type MaxFlowRun } from './maxflow-explain.js';
import { buildTimeExpandedNetwork } from './network.js';
import { mostDeliverable } from './partial.js';
import { classifyPolicy } from './policy.js';
import { openCapacities, reachableDatasets } from './reach.js';
import { earliestCompletion, originCutBound, type SearchPoint, setSwitches } from './search.js';

/** The max-flow engine (module header). */
export const maxFlowEngine: PlanEngine = {
  name: 'max-flow',
  representable({ scenario, cal, objective }: PlanProblem): Representability {
    if (objective !== 'earliest-completion') {
      return { ok: false, reasons: [`the ${objective} objective needs the multi-commodity LP`] };
    }
    const policy = classifyPolicy(scenario);
    if (policy.kind === 'multi') return { ok: false, reasons: policy.reasons };
    const reasons = capReasons(indexScenario(scenario), cal, policy.destinations);
    return reasons.length > 0 ? { ok: false, reasons } : { ok: true };
  },
  solve: solveMaxFlow,
};

/** A max-flow solution: everything, the direct comparison included, is synchronous. */
export interface MaxFlowSolution extends Solution {
  direct(): DirectComparison;
}

/** Solves a one-policy problem (call only when {@link maxFlowEngine} represents it). */
export function solveMaxFlow(problem: PlanProblem): MaxFlowSolution {
  const { scenario, topology, cal, quantum: q } = problem;
  const policy = classifyPolicy(scenario);
  if (policy.kind === 'multi') throw new Error('max-flow engine: the scenario has several policies');
  let solves = 0;
  const progress = (phase: string, probe?: { T: number; value: number; demand: number }) =>
    problem.onProgress?.({ phase, solves, ...(probe ? { probe } : {}) });
  const onProbe = (phase: string, demand: number) => (t: number, value: number) => {
    solves++;
    progress(phase, { T: t, value, demand });
  };
  const stats: Record<string, number | string> = { quantumBytes: q, slots: cal.slots };
  const destIds = policy.destinations.map((d) => scenario.nodes[d].id);
  const notes = [
    `one policy: ${scenario.datasets.length} dataset(s) to any of [${destIds.join(', ')}], copies 1; ` +
      `earliest completion by ${MAX_FLOW_METHOD} in quanta of ${formatBytes(q)}`,
  ];

  progress('network');
  const ten = buildTimeExpandedNetwork(topology, cal, { quantum: q, destinations: policy.destinations });
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
  stats.networkNodes = ten.n;
  stats.networkArcs = ten.arcCount;
  if (ten.capsDropped.length > 0) {
    stats.presolveCapsDropped = ten.capsDropped.length;
    problem.onLog?.(`presolve: dropped ${ten.capsDropped.join(', ')} (cannot bind in any slot)`);
  }
  stats.nodesPerSlot = ten.blockSize;
  stats.demandQuanta = ten.totalDemand;
  const run: MaxFlowRun = {
    scenario,
    cal,
    ten,
    solver,
    flow,
    T,
    lo,
    reachable,
    bytesIn,
    notes,
    onProbe,
    progress,
    solved: () => solves++,
  };

  return {
    objective: 'earliest-completion',
    decoded,
    unreachable: !reachable.every(Boolean),
    explain: (view) => explainMaxFlow(run, view, problem.maxBottlenecks),
    direct: () => {
      progress('direct');
      const result = solveDirect(problem, policy.destinations, onProbe, () => solves++);
      if (result.kind === 'solved') {
        stats.directNetworkNodes = result.nodes;
        stats.directNetworkArcs = result.arcs;
      }
      return result.comparison;
    },
    stats: () => {
      stats.maxFlowSolves = solves;
      stats.pushes = solver.counters.pushes;
      stats.relabels = solver.counters.relabels;
      stats.globalUpdates = solver.counters.globalUpdates;
      stats.cyclesCancelled = decoded.cyclesCancelled;
      return stats;
    },
    solves: () => solves,
  };
}

/** Direct upload: its earliest completion (or its most deliverable bytes), without decoding. */
function solveDirect(
  problem: PlanProblem,
  destinations: readonly number[],
  onProbe: (phase: string, demand: number) => (t: number, value: number) => void,
  solved: () => void,
):
  | { kind: 'solved'; comparison: DirectComparison; nodes: number; arcs: number }
  | { kind: 'skipped'; comparison: DirectComparison } {
  const { scenario, topology, cal, quantum: q } = problem;
  const reasons = capReasons(topology, cal, destinations, true);
  if (reasons.length > 0)
    return { kind: 'skipped', comparison: { kind: 'skipped', reason: reasons.join('; ') } };
  const ten = buildTimeExpandedNetwork(topology, cal, { quantum: q, destinations, direct: true });
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
    solved();
  }
  const deliveredBytes = scenario.datasets.reduce(
    (sum, d, k) => sum + Math.min(d.wire, solver.flowOf(ten.sourceArc[k]) * q),
    0,
  );
  const status = !reachable.every(Boolean) ? 'infeasible' : T !== null ? 'complete' : 'partial';
  const lastSlot = T === null ? null : T - 1;
  return {
    kind: 'solved',
    comparison: { kind: 'solved', outcome: { status, lastSlot, deliveredBytes } },
    nodes: ten.n,
    arcs: ten.arcCount,
  };
}
