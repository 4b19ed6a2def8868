/**
 * The multi-commodity LP engine as a planner of its own: `planLp` plans any scenario with the LP
 * (`engine.ts`), even one the max-flow engine could plan — for comparing the two engines, and for
 * users who want the LP's explanations (duals) on a one-policy scenario.
 */
import type { Scenario } from '../../io/model.js';
import type { Plan } from '../../plan/types.js';
import type { PlanOptions } from '../options.js';
import { planWithEngine } from '../planner.js';
import { lpEngine } from './engine.js';

/** Options of {@link planLp}: the planner's. */
export type LpPlanOptions = PlanOptions;

/**
 * Plans `scenario` with the multi-commodity LP engine.
 * @throws LpTooLargeError when the reduced LP does not fit the WebAssembly solver
 * @throws LpSolveError when an LP solve hits its time limit or HiGHS fails
 */
export function planLp(scenario: Scenario, options: LpPlanOptions = {}): Promise<Plan> {
  return planWithEngine(lpEngine, scenario, options);
}
