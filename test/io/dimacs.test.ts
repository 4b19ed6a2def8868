import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  formatDimacsFlowSolution,
  formatDimacsMaxFlow,
  parseDimacsFlowSolution,
  parseDimacsMaxFlow,
  readDimacsMaxFlowFile,
} from '../../src/io/dimacs.js';

function errorsOf(
  text: string,
): { line: number | null; column: number | null; path: string; message: string }[] {
  try {
    parseDimacsMaxFlow(text, 'x.max');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).diagnostics.map(({ line, column, path, message }) => ({
      line,
      column,
      path,
      message,
    }));
  }
  throw new Error('expected an InputError');
}

describe('parseDimacsMaxFlow', () => {
  it('reads boost-example.max with 0-based ids in file order', () => {
    const inst = readDimacsMaxFlowFile('test/fixtures/data/dimacs/boost-example.max');
    expect([inst.nodes, inst.arcs, inst.source, inst.sink]).toEqual([8, 11, 0, 7]);
    expect([inst.tails[0], inst.heads[0], inst.caps[0]]).toEqual([0, 1, 5]);
    expect([inst.tails[10], inst.heads[10], inst.caps[10]]).toEqual([5, 7, 4]);
  });

  it('accepts comments, blank lines, tabs, CRLF, zero capacities and 2^53 − 1', () => {
    const inst = parseDimacsMaxFlow(
      'c hi\r\n\r\np max 3 2\r\nn 1 s\nn\t3 t\n\na 1 2 0\na 2 3 9007199254740991\n',
    );
    expect(Array.from(inst.caps)).toEqual([0, 2 ** 53 - 1]);
    expect(inst.sink).toBe(2);
  });

  it('names line, column and field of every problem', () => {
    const text = ['p max 3 2', 'n 1 s', 'n 3 t', 'a 1 4 5', 'a 1 2 -3', 'x'].join('\n');
    expect(errorsOf(text)).toEqual([
      { line: 4, column: 5, path: 'a[0].head', message: 'node id 4 is outside 1…3 (p line: 3 nodes)' },
      {
        line: 5,
        column: 7,
        path: 'a[1].capacity',
        message: 'capacity is negative; expected an integer in [0, 2^53)',
      },
      { line: 6, column: 1, path: '', message: "unknown line type 'x'; expected c, p, n or a" },
    ]);
  });

  it('rejects fractional and too large capacities', () => {
    const e = errorsOf('p max 2 2\nn 1 s\nn 2 t\na 1 2 1.5\na 1 2 9007199254740992\n');
    expect(e.map((d) => [d.line, d.message])).toEqual([
      [4, 'capacity is not a whole number; expected an integer in [0, 2^53)'],
      [5, 'capacity is 2^53 or more (not exact in float64); expected an integer in [0, 2^53)'],
    ]);
  });

  it('checks the p line, the arc count and the terminals', () => {
    expect(errorsOf('a 1 2 3\n')[0]).toMatchObject({ line: 1, message: 'a line before the p line' });
    expect(errorsOf('p min 2 0\nn 1 s\nn 2 t\n')[0]).toMatchObject({
      line: 1,
      path: 'p',
      message: "problem type 'min'; expected 'max'",
    });
    expect(errorsOf('p max 2 2\nn 1 s\nn 2 t\na 1 2 3\n')[0]).toMatchObject({
      line: null,
      message: '1 arc lines, but the p line announces 2',
    });
    expect(errorsOf('p max 2 0\nn 1 s\na 1 2 3\n').map((d) => d.message)).toEqual([
      'more arc lines than the 0 announced on the p line',
      'no sink line (n ID t)',
    ]);
    expect(errorsOf('p max 2 0\nn 1 s\nn 1 t\n')[0].message).toBe('node 1 is both source and sink');
    expect(errorsOf('p max 2 0\nn 1 s\nn 2 s\nn 2 t\n')[0]).toMatchObject({
      line: 3,
      message: 'a second source (n … s) line',
    });
    expect(errorsOf('p max 2 0\nn 1 q\n')[0]).toMatchObject({ line: 2, path: 'n.kind' });
    expect(errorsOf('')[0].message).toBe('no p line (p max NODES ARCS)');
    expect(errorsOf('p max 2 0 7\nn 1 s\nn 2 t\n')[0].message).toBe('unexpected text after the arc count');
  });

  it('reports a missing file as an InputError', () => {
    expect(() => readDimacsMaxFlowFile('/nonexistent/x.max')).toThrow(/cannot read the file/);
  });
});

describe('DIMACS writers', () => {
  it('formatDimacsMaxFlow round-trips through the reader', () => {
    const text = 'p max 3 3\nn 1 s\nn 3 t\na 1 2 4\na 2 3 0\na 1 3 7\n';
    const inst = parseDimacsMaxFlow(text);
    expect(formatDimacsMaxFlow(inst)).toBe(text);
    expect(formatDimacsMaxFlow(inst, ['made by a test']).startsWith('c made by a test\np max 3 3\n')).toBe(
      true,
    );
  });

  it('formats and parses solutions (s VALUE, f U V FLOW)', () => {
    const text = formatDimacsFlowSolution(5, {
      tails: Int32Array.of(0, 1),
      heads: Int32Array.of(1, 2),
      flows: Float64Array.of(5, 5),
    });
    expect(text).toBe('s 5\nf 1 2 5\nf 2 3 5\n');
    expect(formatDimacsFlowSolution(7)).toBe('s 7\n');
    const sol = parseDimacsFlowSolution(`c x\n${text}`);
    expect([sol.value, Array.from(sol.tails), Array.from(sol.heads), Array.from(sol.flows)]).toEqual([
      5,
      [0, 1],
      [1, 2],
      [5, 5],
    ]);
    expect(() => parseDimacsFlowSolution('f 1 2 3\n')).toThrow(/no s line/);
    expect(() => parseDimacsFlowSolution('s 1\nf 1 x 3\n', 'sol.txt')).toThrow(/sol\.txt:2:/);
  });

  it('reads a file of a few hundred thousand arcs from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dimacs-'));
    const m = 300_000;
    const lines = ['p max 1001 300000', 'n 1 s', 'n 1001 t'];
    for (let i = 0; i < m; i++) lines.push(`a ${1 + (i % 1000)} ${2 + (i % 1000)} ${i}`);
    writeFileSync(join(dir, 'big.max'), `${lines.join('\n')}\n`);
    const inst = readDimacsMaxFlowFile(join(dir, 'big.max'));
    expect(inst.arcs).toBe(m);
    expect(inst.caps[m - 1]).toBe(m - 1);
    expect(inst.heads[999]).toBe(1000);
  });
});
