/**
 * The scenario reader (SCENARIO.md version 1): YAML/JSON text to the validated {@link Scenario}
 * model (`../model.ts`), and the JSON Schema of the format.
 */
export { MAX_DIAGNOSTICS } from './diagnostics.js';
export { SCENARIO_SCHEMA_ID, scenarioJsonSchema, scenarioJsonSchemaText } from './jsonSchema.js';
export {
  loadScenario,
  loadScenarioWithWarnings,
  MAX_FILE_BYTES,
  parseScenario,
  parseScenarioWithWarnings,
  type ScenarioReadResult,
} from './read.js';
