/**
 * Numbers are plain decimals (SCENARIO.md "Units"): the reader checks the source text of YAML and
 * JSON numbers, since their JS value no longer shows an exponent, a hex form or `.inf`.
 */
import { describe, expect, it } from 'vitest';
import { rational } from '../../../src/io/rational.js';
import { parseScenario } from '../../../src/io/scenario/index.js';
import { baseScenario, errorsOf, yamlWith } from './helpers.js';

/** The base scenario as YAML with `reduction: 4` of the first dataset written as `written`. */
function yamlReduction(written: string): string {
  const text = yamlWith(() => {});
  expect(text).toContain('reduction: 4\n');
  return text.replace('reduction: 4\n', `reduction: ${written}\n`);
}

describe('YAML numbers', () => {
  it('reports each non-plain form at the value, with the plain form as a hint', () => {
    const cases: [string, string, string | undefined][] = [
      ['1e3', '"1e3" uses exponent notation; expected a plain decimal number', 'write 1000'],
      ['1E1', '"1E1" uses exponent notation; expected a plain decimal number', 'write 10'],
      ['2.5e+1', '"2.5e+1" uses exponent notation; expected a plain decimal number', 'write 25'],
      ['0x10', '"0x10" is a hexadecimal number; expected a plain decimal number', 'write 16'],
      ['0o17', '"0o17" is an octal number; expected a plain decimal number', 'write 15'],
      ['.inf', '".inf" is not a finite number; expected a plain decimal number', undefined],
      ['.NaN', '".NaN" is not a finite number; expected a plain decimal number', undefined],
      ['12.', '"12." is not a plain decimal number; expected a plain decimal number', 'write 12'],
    ];
    for (const [written, message, hint] of cases) {
      const text = yamlReduction(written);
      const at = errorsOf(text).filter((d) => d.path === 'datasets[0].reduction');
      // One mistake, one message: no second error from the ratio check of the same field.
      expect(at, written).toHaveLength(1);
      expect([at[0].message, at[0].hint], written).toEqual([message, hint]);
      const line = text.split('\n')[(at[0].line ?? 0) - 1];
      expect(line.slice((at[0].column ?? 0) - 1), written).toBe(written);
    }
  });

  it('accepts plain decimals, a redundant + and a leading dot, and keeps huge plain numbers as today', () => {
    const s = parseScenario(
      yamlWith((d) => {
        d.nodes[0].location = [48, 11];
        d.links[1].windows[0].share = 0.5;
      })
        .replace('- 48\n', '- +48.25\n')
        .replace('- 11\n', '- -.5\n')
        .replace('share: 0.5', 'share: .8')
        .replace('reduction: 4\n', 'reduction: 100000000000000000000\n'),
      'ok.yaml',
    );
    expect(s.nodes[0].location).toEqual([48.25, -0.5]);
    expect(s.links[1].windows?.[0].share).toEqual(rational(4n, 5n));
    expect(s.datasets[0].wire).toBe(1);
  });

  it('reports a number written with an exponent where a unit is required once, not also as a bare number', () => {
    const text = yamlWith((d) => void (d.links[0].capacity = 1000)).replace(
      'capacity: 1000',
      'capacity: 1e3',
    );
    const at = errorsOf(text).filter((d) => d.path === 'links[0].capacity');
    expect(at.map((d) => [d.message, d.hint])).toEqual([
      ['"1e3" uses exponent notation; expected a plain decimal number', 'write 1000'],
    ]);
  });

  it('still checks the rest of the file', () => {
    const text = yamlWith((d) => void (d.links[2].to = 'nowhere')).replace(
      'reduction: 4\n',
      'reduction: 4e0\n',
    );
    expect(errorsOf(text).map((d) => d.path)).toEqual(['links[2].to', 'datasets[0].reduction']);
  });

  it('reports an anchored number once, where it is written, not at its aliases', () => {
    const text = yamlWith((d) => {
      d.nodes[0].location = [48, 11];
      d.nodes[1].location = [48, 11];
    });
    const anchored = text.replace('- 48\n', '- &lat 4.8e1\n').replace(/- 48\n(?![\s\S]*- 48\n)/, '- *lat\n');
    expect(anchored).toContain('*lat');
    const errors = errorsOf(anchored);
    expect(errors.map((d) => [d.path, d.message])).toEqual([
      ['nodes[0].location[0]', '"4.8e1" uses exponent notation; expected a plain decimal number'],
    ]);
  });

  it('leaves quoted text to the unit parsers', () => {
    const text = yamlWith((d) => void (d.datasets[0].size = '1e3GB'));
    const d = errorsOf(text).find((x) => x.path === 'datasets[0].size');
    expect([d?.message, d?.hint]).toEqual([
      '"1e3" uses exponent notation; expected a plain decimal number',
      'write 1000GB',
    ]);
  });
});

describe('JSON numbers', () => {
  it('reports an exponent at its position and accepts plain numbers', () => {
    const doc = baseScenario();
    doc.links[1].windows[0].share = 0.8;
    const text = JSON.stringify(doc, null, 2).replace('"share": 0.8', '"share": 8E-1');
    const [d] = errorsOf(text, 'bad.json');
    expect([d.path, d.message, d.hint]).toEqual([
      'links[1].windows[0].share',
      '"8E-1" uses exponent notation; expected a plain decimal number',
      'write 0.8',
    ]);
    const line = text.split('\n')[(d.line ?? 0) - 1];
    expect(line.slice((d.column ?? 0) - 1)).toBe('8E-1');
    expect(parseScenario(JSON.stringify(doc), 'ok.json').links[1].windows?.[0].share).toEqual(
      rational(4n, 5n),
    );
  });

  it('reports a negative exponent form with its sign in the hint', () => {
    const doc = baseScenario();
    doc.nodes[0].location = [48, 11];
    const text = JSON.stringify(doc).replace('"location":[48,11]', '"location":[48,-1.1e1]');
    const [d] = errorsOf(text, 'bad.json');
    expect([d.path, d.hint]).toEqual(['nodes[0].location[1]', 'write -11']);
  });
});
