/**
 * `wanplan/scenario` — the scenario reader (SCENARIO.md version 1) with its extras: the readers
 * (also at the root), the JSON Schema of the format for editors and other tools, and the types
 * of the validated {@link Scenario} model (plain immutable data, exact units).
 *
 * @example
 * ```js
 * import { scenarioJsonSchemaText } from 'wanplan/scenario';
 * await writeFile('scenario.schema.json', scenarioJsonSchemaText());
 * ```
 * @packageDocumentation
 */

/** One problem of an input; the readers throw every one inside an `InputError` (root export). */
export type { Diagnostic } from '../errors.js';
/** The validated scenario model. */
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
} from '../io/model.js';
/** An exact rational number (rates, shares, costs in the model). */
export type { Rational } from '../io/rational.js';
/**
 * The JSON Schema of the format (draft 2020-12), generated from the reader's own schema:
 * {@link scenarioJsonSchema} as an object, {@link scenarioJsonSchemaText} as the text shipped in
 * `wanplan/schema/scenario.schema.json`; {@link SCENARIO_SCHEMA_ID} is its `$id`.
 */
export { SCENARIO_SCHEMA_ID, scenarioJsonSchema, scenarioJsonSchemaText } from '../io/scenario/jsonSchema.js';
/**
 * The readers: {@link loadScenario} (a YAML or JSON file, at most 32 MiB, UTF-8) and
 * {@link parseScenario} (text); the `…WithWarnings` variants also return warnings and a field
 * locator. Invalid input throws `InputError` (a root export) with every diagnostic.
 */
export {
  loadScenario,
  loadScenarioWithWarnings,
  parseScenario,
  parseScenarioWithWarnings,
  type ScenarioReadResult,
} from '../io/scenario/read.js';
