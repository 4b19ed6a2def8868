/**
 * `wanplan/import` — the importers of `wanplan import`: Internet Topology Zoo GraphML, SNDlib
 * networks (native and XML) and Skyplane's measured cloud grids become {@link ScenarioDraft}s,
 * which the emitters write as commented YAML or JSON scenario files (docs/import.md).
 *
 * @example
 * ```js
 * import { emitScenarioYaml, importZoo } from 'wanplan/import';
 * const yaml = emitScenarioYaml(importZoo(graphmlText, { file: 'Geant2012.graphml' }));
 * ```
 * @packageDocumentation
 */

/** The draft an importer returns: plain data, written out by the emitters. */
export type { DraftDataset, DraftHorizon, DraftLink, DraftNode, ScenarioDraft } from '../io/import/draft.js';
/**
 * Emitters: {@link emitScenarioYaml} (commented YAML with a `$schema` line pointing at
 * {@link SCENARIO_SCHEMA_URL}) and {@link emitScenarioJson}.
 */
export {
  type EmitOptions,
  emitScenarioJson,
  emitScenarioYaml,
  SCENARIO_SCHEMA_URL,
} from '../io/import/emit.js';
/** The horizon options every importer takes (start, length, slot). */
export type { HorizonOptions } from '../io/import/horizon.js';
/**
 * Skyplane: {@link loadSkyplaneGrid} reads its throughput, latency and cost CSVs;
 * {@link importSkyplane} turns chosen regions into a draft.
 */
export {
  importSkyplane,
  loadSkyplaneGrid,
  type NamedText,
  type PairMeasurement,
  type SkyplaneFiles,
  type SkyplaneGrid,
  type SkyplaneImportOptions,
} from '../io/import/skyplane.js';
/** Adds Skyplane's measured links between the clouds of an existing scenario (`--into`). */
export {
  mergeSkyplaneInto,
  type SkyplaneIntoOptions,
  type SkyplaneIntoResult,
} from '../io/import/skyplane-into.js';
/** SNDlib networks (native text or XML) → draft. */
export { importSndlib, type SndlibImportOptions } from '../io/import/sndlib.js';
/** Decodes an input file's bytes the way the importers read them (UTF-8; ISO-8859-1 when declared). */
export { decodeImportBytes } from '../io/import/text.js';
/** Topology Zoo GraphML → draft. */
export { importZoo, type ZooImportOptions } from '../io/import/zoo.js';
