/**
 * `wanplan/verify` — the independent plan verifier: every rule of PLAN.md's "Valid" paragraph
 * re-checked from the scenario and its capacity calendars alone (never the planner's network),
 * the report it returns, the one-line text `wanplan verify` prints per violation, and the plan
 * file readers.
 *
 * @example
 * ```js
 * import { formatViolation, readPlanFile, verifyPlan } from 'wanplan/verify';
 * const report = verifyPlan(scenario, await readPlanFile('plan.json'));
 * for (const v of report.violations) console.log(formatViolation(v));
 * ```
 * @packageDocumentation
 */

/**
 * Reads a plan file (PLAN.md JSON, at most {@link MAX_PLAN_FILE_BYTES}) or parses its text;
 * throws `InputError` for unreadable or non-JSON input.
 */
export { MAX_PLAN_FILE_BYTES, parsePlanText, readPlanFile } from '../plan/read.js';
/** The verifier's report, its rule ids, and the one-line text of a violation. */
export {
  formatViolation,
  type PlanTable,
  type VerifyReport,
  type VerifyRule,
  type Violation,
  type ViolationRow,
} from '../verify/report.js';
/** The verifier. */
export { type VerifyOptions, verifyPlan } from '../verify/verify.js';
