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
export { VERSION } from './version.js';
