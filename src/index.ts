/**
 * wanplan — plans worldwide backup transfers over real networks.
 *
 * This file is the whole public API: everything a library user may import is exported here.
 * @packageDocumentation
 */

export {
  buildCalendars,
  type CalendarOptions,
  type Calendars,
  type CapacityOrigin,
  linkCalendar,
  linkWindows,
  type OpenInterval,
  ZoneClock,
  ZoneClocks,
} from './constraints/index.js';
export {
  type Diagnostic,
  formatDiagnostic,
  InputError,
  UsageError,
  WanplanError,
} from './errors.js';
/**
 * A thin HiGHS (WebAssembly) wrapper for LPs in CSC typed arrays: `loadLp()` once, then solve,
 * warm re-solve through sessions, export.
 */
export {
  LP_COLUMN_LIMIT,
  type LpModel,
  type LpResult,
  LpSession,
  type LpSolveOptions,
  LpSolver,
  type LpStats,
  loadLp,
} from './flow/lp.js';
/** Max-flow engine: CSR flow network, warm-restartable push-relabel solver, min cut, checker. */
export {
  checkMaxFlow,
  type MaxFlowCounters,
  type MaxFlowOptions,
  type MaxFlowResult,
  MaxFlowSolver,
  type MaxFlowValueResult,
  type MinCut,
  maxFlow,
  residualMinCut,
} from './flow/maxflow.js';
export {
  buildFlowNetwork,
  CAPACITY_LIMIT,
  type FlowNetwork,
  headOf,
  networkBytes,
  tailOf,
} from './flow/network.js';
/** DIMACS max-flow instances and flow solutions: reader and writer. */
export {
  type DimacsFlowSolution,
  type DimacsMaxFlow,
  formatDimacsFlowSolution,
  formatDimacsMaxFlow,
  parseDimacsFlowSolution,
  parseDimacsMaxFlow,
  readDimacsMaxFlowFile,
} from './io/dimacs.js';
/**
 * Importers (`wanplan import`): Topology Zoo GraphML, SNDlib networks (native and XML) and Skyplane's
 * measured cloud grids become scenario drafts, written as commented YAML or JSON; see docs/import.md.
 */
export type { DraftDataset, DraftHorizon, DraftLink, DraftNode, ScenarioDraft } from './io/import/draft.js';
export {
  type EmitOptions,
  emitScenarioJson,
  emitScenarioYaml,
  SCENARIO_SCHEMA_URL,
} from './io/import/emit.js';
export type { HorizonOptions } from './io/import/horizon.js';
export {
  importSkyplane,
  loadSkyplaneGrid,
  type NamedText,
  type PairMeasurement,
  type SkyplaneFiles,
  type SkyplaneGrid,
  type SkyplaneImportOptions,
} from './io/import/skyplane.js';
export {
  mergeSkyplaneInto,
  type SkyplaneIntoOptions,
  type SkyplaneIntoResult,
} from './io/import/skyplane-into.js';
export { importSndlib, type SndlibImportOptions } from './io/import/sndlib.js';
export { decodeImportBytes } from './io/import/text.js';
export { importZoo, type ZooImportOptions } from './io/import/zoo.js';
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
export type { Rational } from './io/rational.js';
export * as rational from './io/rational.js';
/**
 * The scenario reader (SCENARIO.md version 1). `loadScenario(path)` reads a YAML or JSON file (at
 * most 32 MiB, UTF-8) and `parseScenario(text, fileName)` parses text, both returning the
 * validated {@link Scenario} model; the `…WithWarnings` variants also return warnings and a
 * field locator. Invalid input throws {@link InputError} carrying every diagnostic (file, line,
 * column, field path, found/expected, hint), errors first, capped at 50 with `total`.
 * `scenarioJsonSchema()` is the JSON Schema of the format, generated from the same zod schema.
 */
export {
  loadScenario,
  loadScenarioWithWarnings,
  parseScenario,
  parseScenarioWithWarnings,
  SCENARIO_SCHEMA_ID,
  type ScenarioReadResult,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
} from './io/scenario/index.js';
export {
  formatBytes,
  formatCost,
  formatDuration,
  formatDurationExact,
  formatInstant,
  formatRate,
  formatRateExact,
  formatShare,
  formatSizeExact,
  parseCost,
  parseDuration,
  parseInstant,
  parseLatency,
  parseRate,
  parseRatio,
  parseShare,
  parseSize,
  parseTimeOfDay,
  type UnitResult,
} from './io/units.js';
/** Reads a plan file (PLAN.md JSON); throws `InputError` for unreadable or non-JSON files. */
export { MAX_PLAN_FILE_BYTES, parsePlanText, readPlanFile } from './plan/read.js';
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
 */
export { type ReportOptions, renderReport, writeReport } from './report/index.js';
/**
 * The multi-commodity LP planner (docs/policies.md): residency, dues, copies in distinct failure
 * domains, appliance capacities and cost, on HiGHS; {@link plan} dispatches to it, `planLp` calls
 * it directly, `exportLpModel` writes its LP as MPS or LP text.
 */
export {
  type CommodityClass,
  commodityClasses,
  type ExportLpOptions,
  exportLpModel,
  type LpPlanOptions,
  LpSolveError,
  LpTooLargeError,
  planLp,
} from './scheduler/lp/index.js';
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
export {
  buildTopology,
  type DatasetReach,
  type LatencyPath,
  type ReadonlyTopologyGraph,
  type ScenarioSummary,
  summarize,
  Topology,
  type TopologyEdgeAttributes,
  type TopologyGraphAttributes,
  type TopologyNodeAttributes,
  type TopologyWarning,
} from './topology/index.js';
/** Verifier report types, rule ids and the one-line formatting `wanplan verify` prints. */
export {
  formatViolation,
  type PlanTable,
  type VerifyReport,
  type VerifyRule,
  type Violation,
  type ViolationRow,
} from './verify/report.js';
/** Zod schema of the plan document (PLAN.md version 1), as the verifier checks its shape. */
export { PlanSchema } from './verify/shape.js';
/**
 * The independent plan verifier: every rule of PLAN.md's "Valid" paragraph, re-checked from the
 * scenario and its capacity calendars alone; see {@link verifyPlan} and {@link VerifyReport}.
 */
export { type VerifyOptions, verifyPlan } from './verify/verify.js';
export { VERSION } from './version.js';
