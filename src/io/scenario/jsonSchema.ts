/**
 * The published JSON Schema of scenario files, generated from the same zod schema the reader
 * uses (so the two cannot disagree on shape), for editors and other tools. The committed copy is
 * `schema/scenario.schema.json`; a test fails when it drifts from this output.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** `$id` of the scenario JSON Schema (format version 1). */
export const SCENARIO_SCHEMA_ID = 'urn:wanplan:scenario:1';

/**
 * The JSON Schema (draft 2020-12) of scenario files, format version 1. It describes shape, types
 * and field documentation; units, time zones and cross-references are checked by the reader.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'wanplan scenario',
    ...rest,
  };
}

/** The JSON Schema as the text `wanplan schema` prints and the repository commits. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
