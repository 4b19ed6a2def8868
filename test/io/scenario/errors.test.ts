/** Every bad input of SCENARIO.md's list: the reader reports it at the right field with a position. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/errors.js';
import { MAX_DIAGNOSTICS } from '../../../src/io/scenario/index.js';
import { BAD_INPUTS } from './badInputs.js';
import { errorsOf, inputError, yamlWith } from './helpers.js';

function matches(text: string | undefined, expected: string | RegExp): boolean {
  if (text === undefined) return false;
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

describe('bad inputs', () => {
  for (const bad of BAD_INPUTS) {
    it(`reports ${bad.name} at ${bad.path || 'the document'}`, () => {
      const errors = errorsOf(bad.text, bad.file ?? 'bad.yaml');
      const at = errors.filter((d) => d.path === bad.path);
      const listing = errors.map(formatDiagnostic).join('\n');
      expect(at.length, `no error at ${bad.path}:\n${listing}`).toBeGreaterThan(0);
      const d = at.find((x) => matches(x.message, bad.message));
      expect(d, `no message matching ${bad.message} at ${bad.path}:\n${listing}`).toBeDefined();
      expect(d?.line).toBeGreaterThan(0);
      expect(d?.column).toBeGreaterThan(0);
      if (bad.hint !== undefined) expect(matches(d?.hint, bad.hint), `hint ${d?.hint}`).toBe(true);
    });
  }
});

describe('diagnostics', () => {
  it('point at the line and column of the bad value', () => {
    const text = yamlWith((d) => void (d.links[0].capacity = '10 Gigabit'));
    const [d] = errorsOf(text);
    const line = text.split('\n')[(d.line ?? 0) - 1];
    expect(line.slice((d.column ?? 0) - 1)).toBe('10 Gigabit');
  });

  it('point at the key of an unknown field', () => {
    const text = yamlWith((d) => void (d.horizon.slots = '1h'));
    const [d] = errorsOf(text);
    const line = text.split('\n')[(d.line ?? 0) - 1];
    expect(line.slice((d.column ?? 0) - 1)).toBe('slots: 1h');
    expect(d.hint).toBe('did you mean slot?');
  });

  it('come all at once, errors before warnings, each in file order', () => {
    const text = yamlWith((d) => {
      d.providers.gcp = {};
      d.datasets[1].size = 'big';
      d.nodes[0].timezone = 'Mars/Olympus';
      d.links[0].capacity = 'fast';
    });
    const err = inputError(text);
    expect(err.diagnostics.map((d) => [d.severity, d.path])).toEqual([
      ['error', 'nodes[0].timezone'],
      ['error', 'links[0].capacity'],
      ['error', 'datasets[1].size'],
      ['warning', 'providers.gcp'],
    ]);
    expect(err.total).toBe(3);
  });

  it('still check the good fields of an element with a bad one', () => {
    const text = yamlWith((d) => {
      d.links[1].windows[0].days = ['monday'];
      d.links[1].capacity = '10 Gigabit';
    });
    expect(errorsOf(text).map((d) => d.path)).toEqual(['links[1].capacity', 'links[1].windows[0].days[0]']);
  });

  it('do not repeat a mistake through references to the broken element', () => {
    const text = yamlWith((d) => void (d.nodes[1].kind = 'applience'));
    expect(errorsOf(text).map((d) => d.path)).toEqual(['nodes[1].kind']);
  });

  it(`are capped at ${MAX_DIAGNOSTICS} with the total of errors`, () => {
    const text = yamlWith((d) => {
      for (let i = 0; i < 70; i++)
        d.links.push({ from: 'munich', to: `nowhere-${i}`, capacity: '1Gbps', id: `x${i}` });
    });
    const err = inputError(text);
    expect(err.diagnostics).toHaveLength(MAX_DIAGNOSTICS);
    expect(err.total).toBe(70);
    expect(err.message).toContain('(and 69 more)');
  });
});
