import { describe, expect, it } from 'vitest';
import { buildCalendars } from '../../../src/constraints/calendars.js';
import { type LpModel, loadLp } from '../../../src/flow/lp.js';
import { buildLpContext } from '../../../src/scheduler/lp/context.js';
import { buildLpModel, LpTooLargeError } from '../../../src/scheduler/lp/model.js';
import { HEADER, scenarioOf } from '../helpers.js';

/** max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6, 0 ≤ x, y ≤ 10: optimum (1.6, 1.2), value 2.8. */
function small(): LpModel {
  return {
    numCols: 2,
    numRows: 2,
    sense: 'max',
    colCost: new Float64Array([1, 1]),
    colLower: new Float64Array([0, 0]),
    colUpper: new Float64Array([10, 10]),
    rowLower: new Float64Array([-Infinity, -Infinity]),
    rowUpper: new Float64Array([4, 6]),
    colStart: new Int32Array([0, 2, 4]),
    rowIndex: new Int32Array([0, 1, 0, 1]),
    values: new Float64Array([1, 3, 2, 1]),
  };
}

describe('HiGHS wrapper (src/flow/lp.ts)', () => {
  it('solve(model) returns the optimum with primal and dual values', async () => {
    const lp = await loadLp();
    const r = lp.solve(small(), { solver: 'simplex' });
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.objective).toBeCloseTo(2.8, 9);
    expect([...r.colValue].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1.6, 1.2]);
    expect(r.rowDual[0]).toBeCloseTo(0.4, 9);
    expect(r.rowDual[1]).toBeCloseTo(0.2, 9);
  });

  it('a session re-solves warm after bound changes, and reports infeasible models as a status', async () => {
    const lp = await loadLp();
    const s = lp.open(small());
    try {
      expect(s.solve().status).toBe('optimal');
      s.setColBounds(new Int32Array([0]), new Float64Array([1]), new Float64Array([1]));
      const r = s.solve();
      expect(r.status === 'optimal' && Math.round(r.objective * 1e9) / 1e9).toBe(2.5);
      s.setColBounds(new Int32Array([0]), new Float64Array([3]), new Float64Array([3]));
      expect(s.solve().status).toBe('infeasible');
      s.setColBounds(new Int32Array([0, 1]), new Float64Array([0, 0]), new Float64Array([10, 10]));
      s.setObjective('min', new Float64Array([1, 1]));
      const z = s.solve();
      expect(z.status === 'optimal' && z.objective).toBe(0);
    } finally {
      s.dispose();
    }
  });

  it('exportModel(model, "mps" | "lp") writes the formats other solvers read', async () => {
    const lp = await loadLp();
    const mps = new TextDecoder().decode(lp.exportModel(small(), 'mps'));
    expect(mps).toMatch(/^NAME/);
    expect(mps).toContain('ENDATA');
    const text = new TextDecoder().decode(lp.exportModel(small(), 'lp'));
    expect(text).toContain('max');
    expect(text).toContain('r0: +1 c0 +2 c1 <= +4');
  });

  it('a malformed CSC model is a RangeError naming the problem', async () => {
    const lp = await loadLp();
    expect(() => lp.solve({ ...small(), colStart: new Int32Array([0, 2]) })).toThrow(RangeError);
    expect(() => lp.solve({ ...small(), rowIndex: new Int32Array([0, 5, 0, 1]) })).toThrow(/row 5/);
  });
});

describe('buildLpModel size guard', () => {
  it('buildLpModel(ctx, …, { columnLimit }) throws LpTooLargeError with the size and what to change', () => {
    const s = scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: c1, kind: cloud, provider: aws }
links:
  - { from: site, to: c1, capacity: 1GB/h }
datasets:
  - { id: d, at: site, size: 5GB }
`);
    const ctx = buildLpContext(s, buildCalendars(s), 1_000_000);
    const until = new Int32Array([24]);
    const ok = buildLpModel(ctx, until, 'earliest');
    expect(ok.lp.numCols).toBeGreaterThan(10);
    expect(ok.sizes.map((x) => x.step)).toEqual([
      'one commodity per dataset, every arc',
      '1 commodity classes, every arc',
      'classes, arcs of positive capacity',
      'classes, arcs on some source–sink path (pruned)',
    ]);
    expect(() => buildLpModel(ctx, until, 'earliest', { columnLimit: 10 })).toThrow(LpTooLargeError);
    expect(() => buildLpModel(ctx, until, 'earliest', { columnLimit: 10 })).toThrow(
      /coarser slot.*shorter horizon/,
    );
  });
});
