/**
 * The plan document (PLAN.md), built in one place for every engine: the dataset rows from the
 * decoded flow, the makespan and the status they imply, the engine's explanation (bottlenecks,
 * notes, lower bound, cost), the direct-upload comparison, and the statistics in sorted order.
 *
 * Invariants: the document holds no times or other run-dependent values, so the same input gives
 * a byte-identical plan; the status is `complete` exactly when every dataset's `copies × wire`
 * bytes are delivered, and `infeasible` when the engine found a dataset that cannot reach enough
 * allowed destinations at all.
 */
import type { Scenario } from '../io/model.js';
import { planDatasets } from '../plan/datasets.js';
import { isoUtc } from '../plan/time.js';
import type { Plan, PlanStatus, SlotEnd, VsDirect } from '../plan/types.js';
import { vsDirectOf } from '../plan/vs-direct.js';
import type { DirectComparison, PlanProblem, Solution } from './engine.js';

/** Builds the plan document of `solution` (module header). */
/**
 * @param direct - the engine's direct-upload comparison, when the problem asks for one
 */
export function assemblePlan(
  problem: PlanProblem,
  solution: Solution,
  direct: DirectComparison | null,
): Plan {
  const { scenario, quantum } = problem;
  const { decoded } = solution;
  const datasets = planDatasets(scenario, decoded);
  const makespanSlot = Math.max(-1, ...decoded.lastSlot);
  const makespan = makespanSlot >= 0 ? slotEnd(scenario, makespanSlot) : null;
  let status: PlanStatus = datasets.every((d) => d.completed !== null) ? 'complete' : 'partial';
  if (solution.unreachable) status = 'infeasible';
  problem.onProgress?.({ phase: 'bottlenecks', solves: solution.solves() });
  const why = solution.explain({ datasets, makespan, status });
  const notes = [...why.notes];
  let vsDirect: VsDirect | undefined;
  if (direct !== null) {
    if (direct.kind === 'solved') vsDirect = vsDirectOf(scenario, direct.outcome, makespan);
    else notes.push(`direct upload not compared: ${direct.reason}`);
  }
  const stats = solution.stats();
  const sortedStats: Record<string, number | string> = {};
  for (const k of Object.keys(stats).sort()) sortedStats[k] = stats[k];
  problem.onProgress?.({ phase: 'done', solves: solution.solves() });
  const h = scenario.horizon;
  return {
    wanplan: 1,
    scenario: scenario.name,
    status,
    objective: solution.objective,
    horizon: { start: h.startIso, slotSeconds: h.slotSeconds, slots: h.slots },
    quantumBytes: quantum,
    makespan,
    lowerBound: why.lowerBound,
    datasets,
    transfers: decoded.transfers,
    deliveries: decoded.deliveries,
    storage: decoded.storage,
    bottlenecks: why.bottlenecks.slice(0, problem.maxBottlenecks),
    notes,
    ...(vsDirect ? { vsDirect } : {}),
    stats: sortedStats,
    ...(why.cost != null ? { cost: why.cost } : {}),
  };
}

/** The slot and the instant its end falls on. */
export function slotEnd(scenario: Scenario, slot: number): SlotEnd {
  const h = scenario.horizon;
  return { slot, end: isoUtc(h.start + (slot + 1) * h.slotSeconds) };
}
