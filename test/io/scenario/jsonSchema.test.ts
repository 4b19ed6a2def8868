/** The committed JSON Schema matches the one generated from the zod schema, and describes the format. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SCENARIO_SCHEMA_ID,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
} from '../../../src/io/scenario/index.js';

const COMMITTED = join(import.meta.dirname, '../../../schema/scenario.schema.json');

describe('scenarioJsonSchema', () => {
  it('matches the committed schema/scenario.schema.json', () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    expect(
      committed === scenarioJsonSchemaText(),
      'schema/scenario.schema.json is out of date: regenerate it with `npx tsx src/cli/main.ts schema > schema/scenario.schema.json`',
    ).toBe(true);
  });

  it('has $schema, $id and title, and rejects unknown top-level fields', () => {
    const s = scenarioJsonSchema();
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.$id).toBe(SCENARIO_SCHEMA_ID);
    expect(s.title).toBe('wanplan scenario');
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(['wanplan', 'horizon', 'nodes']);
  });

  it('has one strict variant per node kind, and a description on every field', () => {
    interface JsonSchemaNode {
      properties?: Record<string, JsonSchemaNode>;
      items?: JsonSchemaNode;
      oneOf?: JsonSchemaNode[];
      additionalProperties?: boolean;
      description?: string;
      const?: unknown;
    }
    const s = scenarioJsonSchema() as JsonSchemaNode;
    const variants = s.properties?.nodes.items?.oneOf ?? [];
    expect(variants.map((v) => v.properties?.kind.const)).toEqual(['site', 'appliance', 'cloud', 'exchange']);
    for (const v of variants) {
      expect(v.additionalProperties).toBe(false);
      for (const [key, field] of Object.entries(v.properties ?? {}))
        expect(field.description, key).toBeTruthy();
    }
    expect(variants[3].properties?.storage).toBeUndefined();
    const link = s.properties?.links.items;
    for (const [key, field] of Object.entries(link?.properties ?? {}))
      expect(field.description, key).toBeTruthy();
    const windowFields = link?.properties?.windows.items?.properties ?? {};
    expect(Object.keys(windowFields)).toEqual(['days', 'from', 'to', 'timezone', 'share']);
  });
});
