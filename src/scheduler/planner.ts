/**
 * The planner: a scenario in, an optimal, decoded plan out (docs/plan.md). It builds the
 * calendars, asks each engine in order whether it can represent the scenario — the max-flow
 * engine (one policy, caps a single max-flow can carry: exact and fast), then the multi-commodity
 * LP engine (everything else, and `objective: 'min-cost'`), then the heuristic engine (a feasible
 * plan with a certified lower bound, for scenarios whose LP is too large) — runs the first that can, and
 * assembles the document (`assemble.ts`). `planSync()` runs the max-flow engine only and refuses
 * other scenarios with the reasons ({@link PlannerLimitError}).
 *
 * Invariants: the dispatch is decided by `representable()` checks that return reasons, never by
 * catching an exception; the document holds no run-dependent values (byte-identical output for
 * the same input).
 *
 * Reference: docs/plan.md; src/scheduler/engine.ts (the engine interface).
 */
import { buildCalendars } from '../constraints/calendars.js';
import { UsageError } from '../errors.js';
import type { Scenario } from '../io/model.js';
import type { Plan } from '../plan/types.js';
import { buildTopology } from '../topology/topology.js';
import { assemblePlan } from './assemble.js';
import type { PlanEngine, PlanProblem } from './engine.js';
import { heuristicEngine } from './heuristic/engine.js';
import { lpEngine } from './lp/engine.js';
import { maxFlowEngine, solveMaxFlow } from './maxflow-engine.js';
import type { PlanOptions } from './options.js';

export type { PlanOptions, PlanProgress } from './options.js';

import { PlannerLimitError } from './policy.js';

/** Default quantum: 1 MB. */
export const DEFAULT_QUANTUM = 1_000_000;

/** The engines in the order the planner tries them. */
const ENGINES: readonly PlanEngine[] = [maxFlowEngine, lpEngine, heuristicEngine];

/**
 * Plans a scenario: the earliest-completion (or min-cost) plan of docs/plan.md with bottlenecks
 * and the comparison with direct upload, by the first engine that can represent it.
 * @throws LpTooLargeError when an LP scenario's model does not fit the WebAssembly solver
 * @throws UsageError for a bad quantum; InputError when a calendar amount reaches 2^53
 */
export async function plan(scenario: Scenario, options: PlanOptions = {}): Promise<Plan> {
  const problem = problemOf(scenario, options);
  const refusals: string[] = [];
  for (const engine of ENGINES) {
    const fit = engine.representable(problem);
    if (fit.ok) return runEngine(engine, problem);
    refusals.push(`${engine.name}: ${fit.reasons.join('; ')}`);
  }
  throw new UsageError(`no planning engine can plan this scenario (${refusals.join(' | ')})`);
}

/**
 * Plans with one given engine (tests and benchmarks compare engines on the same scenario).
 * @throws UsageError when the engine cannot represent the scenario (the reasons say why)
 */
export async function planWithEngine(
  engine: PlanEngine,
  scenario: Scenario,
  options: PlanOptions = {},
): Promise<Plan> {
  const problem = problemOf(scenario, options);
  const fit = engine.representable(problem);
  if (!fit.ok)
    throw new UsageError(`the ${engine.name} engine cannot plan this scenario: ${fit.reasons.join('; ')}`);
  return runEngine(engine, problem);
}

async function runEngine(engine: PlanEngine, problem: PlanProblem): Promise<Plan> {
  const solution = await engine.solve(problem);
  const direct = problem.compareDirect ? await solution.direct() : null;
  return assemblePlan(problem, solution, direct);
}

/**
 * Synchronous {@link plan} with the max-flow engine only (it needs no asynchronous solver).
 * @throws PlannerLimitError when the scenario needs the multi-commodity LP (the reasons say why)
 */
export function planSync(scenario: Scenario, options: PlanOptions = {}): Plan {
  const problem = problemOf(scenario, { ...options, objective: 'earliest-completion' });
  const fit = maxFlowEngine.representable(problem);
  if (!fit.ok) throw new PlannerLimitError(fit.reasons);
  const solution = solveMaxFlow(problem);
  return assemblePlan(problem, solution, problem.compareDirect ? solution.direct() : null);
}

function problemOf(scenario: Scenario, options: PlanOptions): PlanProblem {
  const quantum = options.quantum ?? DEFAULT_QUANTUM;
  if (!Number.isSafeInteger(quantum) || quantum < 1) {
    throw new UsageError(`scheduler: the quantum must be a positive whole number of bytes, got ${quantum}`);
  }
  const objective = options.objective ?? 'earliest-completion';
  options.onProgress?.({ phase: 'calendars', solves: 0 });
  const cal = options.calendars ?? buildCalendars(scenario);
  return {
    scenario,
    topology: buildTopology(scenario),
    cal,
    quantum,
    objective,
    compareDirect: (options.compareDirect ?? true) && objective === 'earliest-completion',
    onProgress: options.onProgress,
    onLog: options.onLog,
    onSolverLog: options.onSolverLog,
    timeLimitSeconds: options.timeLimitSeconds ?? 600,
    maxBottlenecks: options.maxBottlenecks ?? 20,
  };
}
