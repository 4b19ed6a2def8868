/**
 * wanplan — plans worldwide backup transfers over real networks.
 *
 * The root export is what a user plans with: read a scenario, plan it, verify the plan, read a
 * plan file, draw the report, the error classes, a few unit helpers, and the types of the
 * scenario model and the plan document. Everything else sits behind subpath exports, each with
 * its own entry file in `src/api/`: `wanplan/flow` (max-flow engine, DIMACS), `wanplan/units`,
 * `wanplan/import`, `wanplan/scenario`, `wanplan/calendars`, `wanplan/lp`, `wanplan/topology`,
 * `wanplan/verify` and `wanplan/report`.
 *
 * @example
 * ```js
 * import { loadScenario, plan, verifyPlan } from 'wanplan';
 * const scenario = await loadScenario('scenario.yaml');
 * const result = await plan(scenario);
 * verifyPlan(scenario, result).ok; // true
 * ```
 * @packageDocumentation
 */

/**
 * The capacity calendars of a scenario (exact bytes per link and slot, caps per slot); pass them
 * to {@link plan}, {@link verifyPlan} and {@link renderReport} to compute them once. Single links
 * and zone clocks: `wanplan/calendars`.
 */
export { buildCalendars, type CalendarOptions, type Calendars } from './constraints/calendars.js';
export type { CapacityOrigin } from './constraints/link-calendar.js';
/**
 * Errors: {@link WanplanError} is the base of every error wanplan throws on purpose;
 * {@link InputError} carries every {@link Diagnostic} of a bad input (file, line, column, field
 * path), {@link formatDiagnostic} prints one; {@link UsageError} is a bad argument.
 */
export {
  type Diagnostic,
  formatDiagnostic,
  InputError,
  UsageError,
  WanplanError,
} from './errors.js';
/** The scenario model: plain immutable data with exact units (SCENARIO.md). */
export type {
  Dataset,
  Horizon,
  NodeKind,
  Provider,
  Rate,
  Scenario,
  ScenarioLink,
  ScenarioNode,
  Weekday,
  Window,
} from './io/model.js';
/** An exact rational number (rates, shares, costs in the model); arithmetic in `wanplan/units`. */
export type { Rational } from './io/rational.js';
/**
 * The scenario reader (SCENARIO.md version 1). `loadScenario(path)` reads a YAML or JSON file (at
 * most 32 MiB, UTF-8) and `parseScenario(text, fileName)` parses text, both returning the
 * validated {@link Scenario} model; the `…WithWarnings` variants also return warnings and a
 * field locator. Invalid input throws {@link InputError} carrying every diagnostic (file, line,
 * column, field path, found/expected, hint), errors first, capped at 50 with `total`. The JSON
 * Schema of the format: `wanplan/scenario`.
 */
export {
  loadScenario,
  loadScenarioWithWarnings,
  parseScenario,
  parseScenarioWithWarnings,
  type ScenarioReadResult,
} from './io/scenario/read.js';
/** Unit helpers: sizes, rates and durations to text and back. Every other unit: `wanplan/units`. */
export {
  formatBytes,
  formatDuration,
  formatRate,
  parseDuration,
  parseRate,
  parseSize,
  type UnitResult,
} from './io/units.js';
/** Reads a plan file (PLAN.md JSON) or parses its text; throws `InputError` for unreadable or non-JSON input. */
export { parsePlanText, readPlanFile } from './plan/read.js';
/** The plan document (PLAN.md version 1). */
export type {
  Bottleneck,
  Delivery,
  Plan,
  PlanCost,
  PlanDataset,
  PlanObjective,
  PlanStatus,
  SlotEnd,
  StorageRow,
  Transfer,
  VsDirect,
} from './plan/types.js';
/**
 * The HTML report of a plan: {@link renderReport} returns one self-contained page (inline SVG
 * charts — delivery over time with dues and direct upload, world map, link utilisation heatmap,
 * provider ingress/egress against caps, staging storage — and the bottleneck and cost tables; no
 * script, no external URL); {@link writeReport} writes it to a file. See {@link ReportOptions}.
 * The text summary `wanplan plan` prints: `wanplan/report`.
 */
export { type ReportOptions, renderReport } from './report/render.js';
export { writeReport } from './report/write.js';
/**
 * Errors of the multi-commodity LP planner that {@link plan} may throw: {@link LpTooLargeError}
 * (the LP does not fit the solver's memory) and {@link LpSolveError} (a solve ended without an
 * answer). The LP planner itself: `wanplan/lp`.
 */
export { LpTooLargeError } from './scheduler/lp/model.js';
export { LpSolveError } from './scheduler/lp/search.js';
/**
 * Plans a one-policy scenario: earliest completion by max-flow on the time-expanded network,
 * decoded into PLAN.md rows, with bottlenecks and the comparison with direct upload. See
 * {@link PlanOptions}. `plan` sends every other scenario (several policies, copies, dues, caps the
 * max-flow network cannot represent) and `objective: 'min-cost'` to the multi-commodity LP
 * planner; `planSync` (max-flow only) throws `PlannerLimitError` for them.
 */
export { DEFAULT_QUANTUM, type PlanOptions, type PlanProgress, plan, planSync } from './scheduler/planner.js';
/** Thrown by {@link planSync} for a valid scenario that needs the multi-commodity LP planner. */
export { PlannerLimitError } from './scheduler/policy.js';
/**
 * The scenario's network on graphology: {@link buildTopology} returns a {@link Topology} with its
 * queries (reachable destinations, latency paths, provider nodes, warnings). More: `wanplan/topology`.
 */
export type {
  ReadonlyTopologyGraph,
  TopologyEdgeAttributes,
  TopologyGraphAttributes,
  TopologyNodeAttributes,
} from './topology/graph.js';
export type { LatencyPath } from './topology/paths.js';
export { buildTopology, type DatasetReach, Topology, type TopologyWarning } from './topology/topology.js';
/** Verifier report types, rule ids and the one-line formatting `wanplan verify` prints. */
export {
  formatViolation,
  type PlanTable,
  type VerifyReport,
  type VerifyRule,
  type Violation,
  type ViolationRow,
} from './verify/report.js';
/**
 * The independent plan verifier: every rule of PLAN.md's "Valid" paragraph, re-checked from the
 * scenario and its capacity calendars alone; see {@link verifyPlan} and {@link VerifyReport}.
 */
export { type VerifyOptions, verifyPlan } from './verify/verify.js';
/** The package version (`package.json`'s). */
export { VERSION } from './version.js';
