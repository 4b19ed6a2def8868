/**
 * The independent plan verifier: re-checks a plan document against PLAN.md's "Valid" paragraph
 * from the scenario and its capacity calendars alone — never from the planner's network, flows or
 * bookkeeping — so that a planner bug cannot vouch for itself.
 *
 * Stages, each in its own file: shape (`verify-schema`, zod), rows (`verify-rows`: ids, slots,
 * bytes, order, ready slots, destinations), capacities (`verify-caps`), conservation, holding and
 * staging (`verify-flow`), deliveries and summary fields (`verify-outcome`, with the
 * reachability sweep of `verify-reach` for `status`). Every byte comparison is exact: sums stay
 * in float64 while they are safe integers and move to bigint beyond (`verify-sums`).
 *
 * Complexity: O(rows + (links + nodes + providers) × slots), plus the reachability sweep when a
 * dataset is incomplete; about a second per million transfer rows.
 */
import { buildCalendars, type Calendars } from '../constraints/index.js';
import type { Scenario } from '../io/model.js';
import { checkCaps } from './caps.js';
import { checkFlow } from './flow.js';
import { checkOutcome } from './outcome.js';
import { buildPairs } from './pairs.js';
import { type VerifyReport, ViolationSink } from './report.js';
import { readRows, scenarioIds } from './rows.js';
import { checkShape } from './shape.js';

/** Options of {@link verifyPlan}. */
export interface VerifyOptions {
  /**
   * Capacity calendars of the scenario, when the caller already has them (they must be
   * `buildCalendars(scenario)`); computed from the scenario otherwise.
   * @defaultValue `buildCalendars(scenario)`
   */
  readonly calendars?: Calendars;
}

/**
 * Verifies a plan document (PLAN.md) against a scenario: every rule of PLAN.md's "Valid"
 * paragraph, with exact integer arithmetic. The plan is untrusted input: shape problems are
 * reported as `schema` / `integer` violations, never thrown.
 *
 * @param scenario - the validated scenario the plan claims to be for.
 * @param plan - the plan document, e.g. `JSON.parse` of a plan file.
 * @returns every violation found, each with a stable rule id and the plan row it concerns;
 *   `ok` exactly when there is none.
 * @throws InputError only when the scenario's calendars cannot be built (see `buildCalendars`).
 */
export function verifyPlan(scenario: Scenario, plan: unknown, options: VerifyOptions = {}): VerifyReport {
  const sink = new ViolationSink();
  const shape = checkShape(plan, sink);
  if (!shape.fatal) {
    const doc = plan as Record<string, unknown>;
    const cal = options.calendars ?? buildCalendars(scenario);
    const ids = scenarioIds(scenario);
    const rows = readRows(scenario, ids, doc, shape, sink);
    checkCaps(scenario, ids, cal, rows, sink);
    const pairs = buildPairs(scenario, ids, rows);
    checkFlow(scenario, rows, pairs, sink);
    checkOutcome(scenario, ids, cal, doc, shape, rows, pairs, sink);
  }
  return { ok: sink.list.length === 0, violations: sink.list };
}
