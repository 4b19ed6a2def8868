import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareResults, formatChange, formatComparison, relativeChange } from '../../bench/lib/compare.js';
import { measureCase } from '../../bench/lib/harness.js';
import { type BenchCase, type BenchResult, parseResult, RESULT_FORMAT } from '../../bench/lib/result.js';
import { rmfCaseSpec } from '../../bench/lib/suite-maxflow.js';

function benchCase(id: string, over: Partial<BenchCase> = {}): BenchCase {
  return {
    id,
    suite: id.split('/')[0],
    size: { arcs: 1000 },
    basis: 'synthetic',
    time: { reps: 3, medianMs: 100, minMs: 90, maxMs: 120, samplesMs: [90, 100, 120] },
    memory: { peakMB: 50, basis: 'process-maxrss' },
    counters: { pushes: 1000, relabels: 500 },
    deterministic: true,
    ratios: {
      'boost-pr': { value: 2, referenceMs: 50, oursMs: 100, gate: true, basis: 'synthetic' },
    },
    outputs: { flow: 42 },
    ...over,
  };
}

function result(cases: BenchCase[]): BenchResult {
  return {
    format: RESULT_FORMAT,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationS: 1,
    quick: true,
    suites: ['maxflow'],
    machine: {
      cpuModel: 'test',
      cores: 2,
      memoryGiB: 4,
      node: 'v20',
      platform: 'linux',
      arch: 'x64',
      loadAvg: { before: [1, 1, 1], after: [1, 1, 1] },
    },
    git: { commit: 'abc', dirty: false },
    cases,
    errors: [],
  };
}

const base = result([benchCase('maxflow/a')]);

describe('compareResults', () => {
  it('compareResults(base, base) passes and shows every metric', () => {
    const c = compareResults(base, base);
    expect(c.failures).toEqual([]);
    expect(c.rows.map((r) => `${r.kind}:${r.metric}`)).toEqual([
      'time:median ms',
      'memory:peak MB (process-maxrss)',
      'ratio:ratio vs boost-pr',
      'counter:pushes',
      'counter:relabels',
      'output:flow',
    ]);
  });

  it('a counter grown by 11 % fails, by 9 % passes', () => {
    const grown = (f: number) =>
      result([benchCase('maxflow/a', { counters: { pushes: 1000 * f, relabels: 500 } })]);
    const fail = compareResults(base, grown(1.11));
    expect(fail.failures).toHaveLength(1);
    expect(fail.failures[0]).toMatchObject({
      caseId: 'maxflow/a',
      metric: 'pushes',
      kind: 'counter',
      status: 'FAIL',
    });
    expect(fail.failures[0].change).toBeCloseTo(0.11, 10);
    const pass = compareResults(base, grown(1.09));
    expect(pass.failures).toEqual([]);
    expect(pass.rows.find((r) => r.metric === 'pushes')?.status).toBe('ok');
  });

  it('a counter exactly 10 % higher passes (the limit is "more than 10 %"); a smaller one is better', () => {
    const c = compareResults(
      base,
      result([benchCase('maxflow/a', { counters: { pushes: 1100, relabels: 400 } })]),
    );
    expect(c.failures).toEqual([]);
    expect(c.rows.find((r) => r.metric === 'relabels')?.status).toBe('better');
  });

  it('a counter growing from 0 fails (+∞)', () => {
    const zero = result([benchCase('maxflow/a', { counters: { pushes: 1000, relabels: 500, gaps: 0 } })]);
    const some = result([benchCase('maxflow/a', { counters: { pushes: 1000, relabels: 500, gaps: 3 } })]);
    const c = compareResults(zero, some);
    expect(c.failures.map((r) => r.metric)).toEqual(['gaps']);
    expect(formatChange(c.failures[0].change)).toBe('+∞');
  });

  it('a gating ratio worsened by 30 % fails; by 20 % passes; a non-gating one never fails', () => {
    const ratio = (value: number, gate = true) =>
      result([
        benchCase('maxflow/a', {
          ratios: { 'boost-pr': { value, referenceMs: 50, oursMs: 50 * value, gate, basis: 'synthetic' } },
        }),
      ]);
    const fail = compareResults(base, ratio(2.6));
    expect(fail.failures).toHaveLength(1);
    expect(fail.failures[0]).toMatchObject({ metric: 'ratio vs boost-pr', kind: 'ratio', status: 'FAIL' });
    expect(compareResults(base, ratio(2.4)).failures).toEqual([]);
    const ungated = compareResults(base, ratio(2.6, false));
    expect(ungated.failures).toEqual([]);
    expect(ungated.rows.find((r) => r.kind === 'ratio')?.status).toBe('info');
  });

  it('an absolute time ×3 (and memory ×3) is shown but passes', () => {
    const slow = result([
      benchCase('maxflow/a', {
        time: { reps: 3, medianMs: 300, minMs: 270, maxMs: 360, samplesMs: [270, 300, 360] },
        memory: { peakMB: 150, basis: 'process-maxrss' },
      }),
    ]);
    const c = compareResults(base, slow);
    expect(c.failures).toEqual([]);
    const time = c.rows.find((r) => r.kind === 'time');
    expect(time).toMatchObject({ baseline: 100, now: 300, status: 'info' });
    expect(time?.change).toBeCloseTo(2, 10);
    expect(formatComparison(c)).toContain('+200.0 %');
  });

  it('cases on one side only are listed, not failed', () => {
    const now = result([benchCase('maxflow/b')]);
    const c = compareResults(base, now);
    expect(c.failures).toEqual([]);
    expect(c.missingCases).toEqual(['maxflow/a']);
    expect(c.newCases).toEqual(['maxflow/b']);
    const text = formatComparison(c);
    expect(text).toContain('Missing from the result (not failed): maxflow/a');
    expect(text).toContain('New, not in the baseline (not failed): maxflow/b');
    expect(text).toMatch(/^OK: /m);
  });

  it('a case that stops being deterministic fails; a changed output is shown as changed', () => {
    const now = result([benchCase('maxflow/a', { deterministic: false, outputs: { flow: 41 } })]);
    const c = compareResults(base, now);
    expect(c.failures.map((r) => r.kind)).toEqual(['determinism']);
    expect(c.rows.find((r) => r.kind === 'output')).toMatchObject({
      baseline: 42,
      now: 41,
      status: 'changed',
    });
  });

  it('formatComparison prints the table header and the failing rows in the verdict', () => {
    const c = compareResults(
      base,
      result([benchCase('maxflow/a', { counters: { pushes: 2000, relabels: 500 } })]),
    );
    const text = formatComparison(c);
    expect(text.split('\n')[0]).toMatch(/^case\s+metric\s+baseline\s+now\s+change\s+status$/);
    expect(text).toMatch(/maxflow\/a\s+pushes\s+1,000\s+2,000\s+\+100\.0 %\s+FAIL/);
    expect(text).toContain('FAILED: 1 regression(s): maxflow/a pushes +100.0 %');
    expect(formatComparison(c, { onlyChanges: true })).not.toMatch(/relabels/);
  });

  it('relativeChange handles zero baselines', () => {
    expect(relativeChange(0, 0)).toBe(0);
    expect(relativeChange(10, 5)).toBe(-0.5);
  });
});

describe('parseResult', () => {
  it('accepts a result and rejects a document that is not one, naming the field', () => {
    expect(parseResult(JSON.parse(JSON.stringify(base)), 'x.json').cases[0].id).toBe('maxflow/a');
    expect(() => parseResult({ ...base, format: 'other' }, 'x.json')).toThrow(/x\.json: .*\n {2}format:/);
    expect(() => parseResult({ ...base, cases: [{ id: 1 }] }, 'y.json')).toThrow(/cases\.0\.id/);
  });
});

describe('a deliberately slowed max-flow solver', () => {
  // A small RMF network (1,152 nodes, ~5k arcs): the normal solve takes milliseconds, the one
  // without global relabelling and gaps ~50 ms.
  const size = { a: 6, b: 16 };
  const run = async (heuristics: boolean) =>
    result([await measureCase({ ...rmfCaseSpec(size, { heuristics }, 2), warmup: 0 })]);

  it('fails the comparison on its work counters, while a normal rerun passes', async () => {
    const normal = await run(true);
    const again = await run(true);
    const slowed = await run(false);
    expect(normal.cases[0].deterministic).toBe(true);
    expect(normal.cases[0].counters).toEqual(again.cases[0].counters);
    expect(compareResults(normal, again).failures).toEqual([]);
    // Same maximum flow, much more work.
    expect(slowed.cases[0].outputs.flow).toBe(normal.cases[0].outputs.flow);
    const c = compareResults(normal, slowed);
    const failed = c.failures.map((r) => r.metric);
    expect(failed).toContain('pushes');
    expect(failed).toContain('relabels');
    expect(c.rows.find((r) => r.metric === 'pushes')?.change).toBeGreaterThan(5);
    expect(formatComparison(c)).toMatch(/^FAILED: /m);
  });
});

describe('bench/compare.ts (CLI)', () => {
  const dir = join('test', '.tmp');
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(dir, 'bench-compare-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const cli = (args: string[]) => {
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/compare.ts', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { code: 0, out };
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };

  it('exits 0 on a pass, 1 on a regression (printing the table), 2 on an unreadable file', () => {
    const b = join(tmp, 'baseline.json');
    const ok = join(tmp, 'ok.json');
    const bad = join(tmp, 'bad.json');
    writeFileSync(b, JSON.stringify(base));
    writeFileSync(
      ok,
      JSON.stringify(result([benchCase('maxflow/a', { counters: { pushes: 1090, relabels: 500 } })])),
    );
    writeFileSync(
      bad,
      JSON.stringify(result([benchCase('maxflow/a', { counters: { pushes: 1110, relabels: 500 } })])),
    );
    const pass = cli([ok, b]);
    expect(pass.code).toBe(0);
    expect(pass.out).toMatch(/^OK: /m);
    const fail = cli([bad, b]);
    expect(fail.code).toBe(1);
    expect(fail.out).toMatch(/maxflow\/a\s+pushes\s+1,000\s+1,110\s+\+11\.0 %\s+FAIL/);
    const missing = cli([join(tmp, 'nope.json'), b]);
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('cannot read');
  });
});
