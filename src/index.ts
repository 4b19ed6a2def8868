/**
 * wanplan — plans worldwide backup transfers over real networks.
 *
 * This file is the whole public API: everything a library user may import is exported here.
 * @packageDocumentation
 */

export {
  type Diagnostic,
  formatDiagnostic,
  InputError,
  UsageError,
  WanplanError,
} from './errors.js';
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
export type {
  Bottleneck,
  Delivery,
  Plan,
  PlanDataset,
  PlanObjective,
  PlanStatus,
  SlotEnd,
  StorageRow,
  Transfer,
  VsDirect,
} from './scheduler/plan.js';
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
export { VERSION } from './version.js';
