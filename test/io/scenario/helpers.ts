/**
 * Shared by the scenario reader tests: a small valid scenario as data, a way to mutate it and
 * write it as YAML, and a helper that captures the InputError of a parse.
 */

import { expect } from 'vitest';
import { stringify } from 'yaml';
import { type Diagnostic, InputError } from '../../../src/errors.js';
import { parseScenario } from '../../../src/io/scenario/index.js';

/** A scenario document as plain data, mutated freely by tests to make one mistake each. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary fields of the document.
export type Doc = Record<string, any>;

/** A valid scenario exercising every kind of node, a bidirectional link and windows. */
export function baseScenario(): Doc {
  return {
    wanplan: 1,
    name: 'base',
    horizon: { start: '2026-12-05T00:00:00Z', length: '2d', slot: '1h' },
    providers: { aws: { ingress: '400Gbps', egress: '100Gbps' } },
    nodes: [
      { id: 'munich', kind: 'site', timezone: 'Europe/Berlin', storage: '10TB' },
      { id: 'dedup', kind: 'appliance', timezone: 'Europe/Berlin', storage: '1PB', provider: 'onprem' },
      { id: 'aws-fra', kind: 'cloud', provider: 'aws', region: 'eu-central-1' },
      { id: 'aws-dub', kind: 'cloud', provider: 'aws' },
      { id: 'ix', kind: 'exchange' },
    ],
    links: [
      { from: 'munich', to: 'dedup', capacity: '100Gbps' },
      {
        id: 'wan',
        from: 'dedup',
        to: 'aws-fra',
        capacity: '10Gbps',
        bidirectional: true,
        windows: [
          { days: ['mon', 'tue'], from: '22:00', to: '06:00', share: '80%' },
          { days: ['sat', 'sun'] },
        ],
      },
      { from: 'munich', to: 'ix', capacity: '1Gbps' },
      { from: 'ix', to: 'aws-dub', capacity: '1Gbps' },
    ],
    datasets: [
      { id: 'vms', at: 'munich', size: '100TB', reduction: 4, to: ['aws', 'onprem'], copies: 2 },
      { id: 'files', at: 'munich', size: '1TB', ready: '2026-12-05T10:30:00Z', due: '2026-12-06T00:00:00Z' },
    ],
  };
}

/** The base scenario after `mutate`, as YAML text. */
export function yamlWith(mutate: (doc: Doc) => void): string {
  const doc = baseScenario();
  mutate(doc);
  return stringify(doc);
}

/** Parses text that must be invalid and returns its InputError. */
export function inputError(text: string, fileName = 'bad.yaml'): InputError {
  try {
    parseScenario(text, fileName);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError, but the scenario parsed');
}

/** The errors of an invalid text; asserts each has a position and the file name. */
export function errorsOf(text: string, fileName = 'bad.yaml'): Diagnostic[] {
  const err = inputError(text, fileName);
  const errors = err.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) expect(d.file).toBe(fileName);
  return errors;
}

/** The one error at `path`; fails when there is none. */
export function errorAt(text: string, path: string): Diagnostic {
  const errors = errorsOf(text);
  const found = errors.find((d) => d.path === path);
  if (!found)
    throw new Error(`no error at ${path}; got:\n${errors.map((d) => `${d.path}: ${d.message}`).join('\n')}`);
  expect(found.line).toBeTypeOf('number');
  expect(found.column).toBeTypeOf('number');
  return found;
}
