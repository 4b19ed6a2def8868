/**
 * Options of the planner (`plan`, `planSync`): the quantum, the objective, progress and log
 * callbacks, and the limits of a run.
 */
import type { Calendars } from '../constraints/calendars.js';
import type { PlanObjective } from '../plan/types.js';
import type { PlanProgress } from './engine.js';

export type { PlanProgress } from './engine.js';

/** Options of `plan()` and `planSync()`. */
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
   * What the planner optimises (PLAN.md `objective`). `min-cost` and every scenario the one-policy
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
