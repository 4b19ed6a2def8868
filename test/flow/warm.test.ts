import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMaxFlow, MaxFlowSolver, maxFlow } from '../../src/flow/maxflow.js';
import { edmondsKarp } from './edmonds-karp.js';
import { type Arc, arbNetwork, netOf } from './helpers.js';

const arbStep = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      arc: fc.nat(),
      cap: fc.integer({ min: 0, max: 40 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('snap' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('solve' as const) }) },
);

function solveChecked(solver: MaxFlowSolver, n: number, arcs: Arc[]): number {
  const net = netOf(n, arcs);
  const r = solver.solve();
  if (r.status !== 'optimal') throw new Error(r.message);
  const caps = solver.capacities();
  expect(Array.from(caps)).toEqual(arcs.map((a) => a.cap));
  const check = checkMaxFlow(net, 0, n - 1, r.flow, caps);
  expect(check.errors).toEqual([]);
  expect(solver.minCut().capacity).toBe(r.value);
  expect(r.value).toBe(edmondsKarp(n, arcs, 0, n - 1));
  return r.value;
}

describe('MaxFlowSolver warm re-solve', () => {
  it('raises and lowers capacities, re-solves warm, and matches a cold solve every time', () => {
    let repairs = 0;
    fc.assert(
      fc.property(arbNetwork, fc.array(arbStep, { maxLength: 25 }), ({ n, arcs }, steps) => {
        const current = arcs.map((a) => ({ ...a }));
        const solver = new MaxFlowSolver(netOf(n, arcs), 0, n - 1);
        solveChecked(solver, n, current);
        let snap: Float64Array | null = null;
        for (const st of steps) {
          if (st.kind === 'set' && current.length > 0) {
            const i = st.arc % current.length;
            current[i].cap = st.cap;
            solver.setCapacity(i, st.cap);
            expect(solver.capacityOf(i)).toBe(st.cap);
            expect(solver.flowOf(i)).toBeLessThanOrEqual(st.cap);
          } else if (st.kind === 'snap') {
            snap = solver.snapshot();
          } else if (st.kind === 'restore' && snap) {
            solver.restore(snap);
          } else {
            solveChecked(solver, n, current);
          }
        }
        const warm = solveChecked(solver, n, current);
        const cold = maxFlow(netOf(n, current), 0, n - 1);
        expect(cold.status === 'optimal' && cold.value).toBe(warm);
        repairs += solver.counters.repairPaths;
      }),
      { numRuns: 200 },
    );
    // The runs lowered capacities below flows, so the deficit repair was exercised.
    expect(repairs).toBeGreaterThan(0);
  });

  it('change capacities, re-solve, restore the snapshot and the capacities: the original value again', () => {
    fc.assert(
      fc.property(
        arbNetwork,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 50 })), { maxLength: 10 }),
        ({ n, arcs }, changes) => {
          const solver = new MaxFlowSolver(netOf(n, arcs), 0, n - 1);
          const r0 = solver.solve();
          if (r0.status !== 'optimal') return false;
          const snap = solver.snapshot();
          expect(Array.from(snap)).toEqual(Array.from(r0.flow));
          if (arcs.length === 0) return true;
          for (const [k, cap] of changes) solver.setCapacity(k % arcs.length, cap);
          solver.solve();
          for (let i = 0; i < arcs.length; i++) solver.setCapacity(i, arcs[i].cap);
          solver.restore(snap);
          // The restored state is the optimal flow itself: its value is back before any solve.
          expect(solver.value).toBe(r0.value);
          expect(Array.from(solver.flows())).toEqual(Array.from(r0.flow));
          const r1 = solver.solve();
          expect(r1.status === 'optimal' && r1.value).toBe(r0.value);
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a warm solve after raising a sink arc does less work than the cold solve', () => {
    // A ladder: s → a_i → b_i → t with the sink arcs the bottleneck, like the planner's growth.
    const k = 200;
    const arcs: Arc[] = [];
    for (let i = 0; i < k; i++) {
      arcs.push({ from: 0, to: 1 + i, cap: 10 });
      arcs.push({ from: 1 + i, to: 1 + k + i, cap: 10 });
      arcs.push({ from: 1 + k + i, to: 2 * k + 1, cap: 5 });
      if (i > 0) arcs.push({ from: i, to: 1 + i, cap: 3 });
    }
    const n = 2 * k + 2;
    const solver = new MaxFlowSolver(netOf(n, arcs), 0, n - 1);
    const first = solver.solve();
    expect(first.status === 'optimal' && first.value).toBe(5 * k);
    solver.setCapacity(
      arcs.findIndex((a) => a.to === n - 1),
      9,
    );
    const warm = solver.solve();
    if (warm.status !== 'optimal' || first.status !== 'optimal') throw new Error('not optimal');
    expect(warm.value).toBe(5 * k + 4);
    expect(warm.counters.pushes).toBeLessThan(first.counters.pushes / 4);
  });

  it('restore lowers flows above the current capacities and stays correct', () => {
    const arcs: Arc[] = [
      { from: 0, to: 1, cap: 10 },
      { from: 1, to: 2, cap: 10 },
      { from: 1, to: 3, cap: 10 },
      { from: 2, to: 3, cap: 10 },
    ];
    const solver = new MaxFlowSolver(netOf(4, arcs), 0, 3);
    solver.solve();
    const snap = solver.snapshot();
    solver.setCapacity(1, 1);
    solver.setCapacity(2, 2);
    solver.restore(snap);
    expect(solver.flowOf(1)).toBeLessThanOrEqual(1);
    const r = solver.solve();
    expect(r.status === 'optimal' && r.value).toBe(3);
    if (r.status === 'optimal')
      expect(checkMaxFlow(netOf(4, arcs), 0, 3, r.flow, solver.capacities()).ok).toBe(true);
  });

  it('rejects bad arguments with RangeError', () => {
    const solver = new MaxFlowSolver(netOf(2, [{ from: 0, to: 1, cap: 1 }]), 0, 1);
    expect(() => solver.setCapacity(1, 1)).toThrow(/input arc 1 out of range/);
    expect(() => solver.setCapacity(0, -2)).toThrow(/integer in \[0, 2\^53\)/);
    expect(() => solver.setCapacity(0, 0.5)).toThrow(RangeError);
    expect(() => solver.restore(new Float64Array(2))).toThrow(/snapshot has 2 arcs, the network 1/);
    expect(() => solver.restore(Float64Array.of(-1))).toThrow(/flow must be an integer/);
    expect(() => new MaxFlowSolver(netOf(2, []), 0, 1, { globalUpdateFrequency: 0 })).toThrow(
      /globalUpdateFrequency/,
    );
  });
});
