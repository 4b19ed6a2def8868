/**
 * The heuristic engine: every valid scenario, however large its multi-commodity LP, gets a
 * feasible plan and a certified lower bound on its makespan, from max-flow alone.
 *
 * Pipeline: LP context (the time-expanded network in LP mode and the commodity classes,
 * `lp/context.ts`) → reachability of each dataset's copies (`lp/explain.ts`) → relaxations for the
 * bound (`bound.ts`; their per-class horizons also start each class's search) → class-by-class
 * routing on residual capacities (`route.ts`, `subnet.ts`, `search.ts`, `residual.ts`) → decoding
 * per class and failure domain (`lp/decode.ts`) → explanations (`explain.ts`). Direct upload is
 * not compared (a heuristic direct plan would not be a fair reference).
 *
 * Invariants: the plan never exceeds a capacity or a shared cap (residual invariant) and keeps
 * every policy (allowed destinations, one copy per failure domain); `lowerBound.slot` ≤ the
 * optimum of any plan at the quantum's granularity ≤ this plan's makespan; deterministic (no
 * run-dependent value in the document, every choice by index order).
 *
 * Complexity: O(C) sub-network builds (O(n + m) each) and O(C·log S) warm max-flow probes for C
 * classes (times the candidate domains of each copy of a replicated class), on pruned
 * sub-networks; no LP.
 *
 * Reference: docs/plan.md; Ahuja, Magnanti, Orlin, "Network Flows" (1993), ch. 17.
 */
import type { Calendars } from '../../constraints/calendars.js';
import type { Scenario } from '../../io/model.js';
import { formatBytes } from '../../io/units.js';
import type { PlanObjective } from '../../plan/types.js';
import type { PlanEngine, PlanProblem, Representability, Solution } from '../engine.js';
import { buildLpContext } from '../lp/context.js';
import { decodeClassFlows } from '../lp/decode.js';
import { unreachableDatasets } from '../lp/explain.js';
import { relaxations } from './bound.js';
import { explainHeuristic } from './explain.js';
import { Residual } from './residual.js';
import { routeClasses } from './route.js';
import { SubnetScratch } from './subnet.js';

/** The method named in the plan's notes. */
export const HEURISTIC_METHOD =
  'class-by-class max-flow on residual capacities (classes by due, earliest first; copies one failure domain at a time; ' +
  'a provider egress cap split over its links in proportion to their residual capacity)';

/** The heuristic engine (module header): it represents every valid scenario. */
export const heuristicEngine: PlanEngine = {
  name: 'heuristic',
  representable(_problem: PlanProblem): Representability {
    return { ok: true };
  },
  solve: solveHeuristic,
};

/** Plans `problem` with the heuristic (module header). */
export function solveHeuristic(problem: PlanProblem): Solution {
  const { scenario, cal, quantum: q } = problem;
  const log = problem.onLog;
  let solves = 0;
  const progress = (phase: string) => problem.onProgress?.({ phase, solves });
  progress('network');
  const ctx = buildLpContext(scenario, cal, q, { topology: problem.topology });
  const C = ctx.classes.length;
  const K = scenario.datasets.length;
  log?.(`time-expanded network: ${ctx.ten.n} nodes, ${ctx.ten.arcCount} arcs, ${ctx.ten.slots} slots`);
  log?.(`${C} commodity class(es) for ${K} dataset(s)`);
  const notes: string[] = [
    `${C} commodity class(es) for ${K} dataset(s); earliest completion by ${HEURISTIC_METHOD}, in quanta of ${formatBytes(q)}`,
  ];
  if (problem.objective !== 'earliest-completion') {
    notes.push(
      `${problem.objective} was asked for; the heuristic minimises no cost: this plan is built for earliest completion`,
    );
  }
  const unreachable = unreachableDatasets(ctx, notes);
  const sc = new SubnetScratch(ctx);
  progress('bound');
  const bounds = relaxations(ctx, sc, (done, n) => {
    problem.onProgress?.({ phase: 'bound', solves: n });
    if (done === C) log?.(`relaxations: ${n} max-flow probes`);
  });
  solves = bounds.solves;
  log?.(`lower bound: slot ${bounds.slot ?? 'none'} (single-commodity T=${bounds.single ?? 'none'})`);
  progress('heuristic');
  const res = new Residual(ctx);
  const routing = routeClasses(ctx, res, sc, {
    lowerT: bounds.perClass,
    onClass: (done, n) => {
      problem.onProgress?.({ phase: 'heuristic', solves: bounds.solves + n });
      log?.(`class ${done}/${C} routed (${n} probes so far)`);
    },
  });
  solves = bounds.solves + routing.solves;
  progress('decode');
  const decoded = decodeClassFlows(ctx, (c) => {
    const f = new Float64Array(ctx.ten.arcCount);
    for (const p of routing.classes[c].pieces)
      for (let i = 0; i < p.arcs.length; i++) f[p.arcs[i]] += p.values[i];
    return f;
  });
  const stats: Record<string, number | string> = {
    quantumBytes: q,
    slots: cal.slots,
    commodityClasses: C,
    networkNodes: ctx.ten.n,
    networkArcs: ctx.ten.arcCount,
    maxFlowSolves: solves,
    boundSolves: bounds.solves,
    largestSubnetArcs: routing.largestSubnet,
    cyclesCancelled: decoded.cyclesCancelled,
  };
  const run = { notes, unreachable, bounds, routed: routing.classes };
  return {
    objective: 'earliest-completion',
    decoded,
    unreachable: unreachable.datasets.length > 0,
    explain: (view) => explainHeuristic(ctx, run, view),
    direct: () => ({
      kind: 'skipped',
      reason:
        'the heuristic engine does not plan direct upload (a heuristic reference would not be a fair comparison)',
    }),
    stats: () => stats,
    solves: () => solves,
  };
}
