/**
 * `wanplan plan FILE --export-lp model.mps|model.lp`: the planner's multi-commodity LP written for
 * users who solve it with Gurobi, CPLEX or native HiGHS.
 *
 * The model written is the first LP of the objective's search: every class's whole demand
 * (source columns fixed), deliveries allowed at its destinations up to its due (or the horizon),
 * minimising Σ (t+1)·deliveries (+10⁻⁴ per link quantum) for `earliest-completion` or the link cost
 * (scaled so that the largest cost per quantum is 1) for `min-cost`. It is infeasible exactly when
 * the dues cannot all be met. Columns are `c<j>` and rows `r<i>` (HiGHS's names); the column
 * order is class by class, arcs in network order (docs/policies.md).
 *
 * Reference: IBM, "MPS file format" (CPLEX documentation); HiGHS file formats.
 */
import { buildCalendars, type Calendars } from '../../constraints/calendars.js';
import { loadLp } from '../../flow/lp.js';
import type { Scenario } from '../../io/model.js';
import type { PlanObjective } from '../../plan/types.js';
import { DEFAULT_QUANTUM } from '../planner.js';
import { buildLpContext } from './context.js';
import { buildLpModel } from './model.js';
import { dueLimits, limitsFor } from './search.js';

/** Options of {@link exportLpModel}. */
export interface ExportLpOptions {
  /** `mps` (free MPS) or `lp` (CPLEX LP text). */
  readonly format: 'mps' | 'lp';
  /** @defaultValue {@link DEFAULT_QUANTUM} (1 MB) */
  readonly quantum?: number;
  /** @defaultValue 'earliest-completion' */
  readonly objective?: PlanObjective;
  readonly calendars?: Calendars;
}

/** The LP of `scenario` as MPS or LP bytes (module header); null when no dataset has bytes to move. */
export async function exportLpModel(
  scenario: Scenario,
  options: ExportLpOptions,
): Promise<Uint8Array | null> {
  const q = options.quantum ?? DEFAULT_QUANTUM;
  const ctx = buildLpContext(scenario, options.calendars ?? buildCalendars(scenario), q);
  if (ctx.classes.length === 0) return null;
  const until = limitsFor(ctx, dueLimits(ctx), 0, ctx.ten.slots);
  const model = buildLpModel(ctx, until, options.objective === 'min-cost' ? 'cost' : 'earliest');
  const lp = await loadLp();
  return lp.exportModel(model.lp, options.format);
}
