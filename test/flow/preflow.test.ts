import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMaxFlow, MaxFlowSolver, maxFlow } from '../../src/flow/maxflow.js';
import { edmondsKarp } from './edmonds-karp.js';
import { type Arc, arbNetwork, netOf } from './helpers.js';

/** Conservation holds at every node but s and t. */
function isFlow(n: number, arcs: readonly Arc[], flow: Float64Array, s: number, t: number): boolean {
  const bal = new Float64Array(n);
  arcs.forEach((a, i) => {
    bal[a.from] -= flow[i];
    bal[a.to] += flow[i];
  });
  return bal.every((b, v) => v === s || v === t || b === 0);
}

const arbOp = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      arc: fc.nat(),
      cap: fc.integer({ min: 0, max: 40 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('value' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('solve' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flows' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('snap' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const) }) },
);

describe('MaxFlowSolver.solveValue (phase 1 only, preflow kept)', () => {
  it('raise/lower/snapshot/restore sequences: value = Edmonds–Karp = cold, cut = value, flows pass the checker', () => {
    let parkedSeen = 0;
    fc.assert(
      fc.property(arbNetwork, fc.array(arbOp, { maxLength: 30 }), ({ n, arcs }, ops) => {
        const cur = arcs.map((a) => ({ ...a }));
        const net = netOf(n, arcs);
        const solver = new MaxFlowSolver(net, 0, n - 1);
        let snap: Float64Array | null = null;
        const expectMaximal = (value: number) => {
          const ek = edmondsKarp(n, cur, 0, n - 1);
          expect(value).toBe(ek);
          expect(solver.value).toBe(ek);
          // The cut from the preflow (excess parked) is the one phase 2 would leave behind.
          const cut = solver.minCut();
          expect(cut.capacity).toBe(ek);
          const cold = new MaxFlowSolver(netOf(n, cur), 0, n - 1);
          const r = cold.solve();
          expect(r.status === 'optimal' && r.value).toBe(ek);
          expect(Array.from(cut.sourceSide)).toEqual(Array.from(cold.minCut().sourceSide));
        };
        for (const op of [...ops, { kind: 'value' as const }, { kind: 'flows' as const }]) {
          if (op.kind === 'set') {
            if (cur.length === 0) continue;
            const i = op.arc % cur.length;
            cur[i].cap = op.cap;
            solver.setCapacity(i, op.cap);
          } else if (op.kind === 'value') {
            const r = solver.solveValue();
            if (r.status !== 'optimal') throw new Error(r.message);
            expectMaximal(r.value);
            if (!isFlow(n, cur, solver.snapshot(), 0, n - 1)) parkedSeen++;
          } else if (op.kind === 'solve') {
            const r = solver.solve();
            if (r.status !== 'optimal') throw new Error(r.message);
            expectMaximal(r.value);
            expect(checkMaxFlow(net, 0, n - 1, r.flow, solver.capacities()).errors).toEqual([]);
          } else if (op.kind === 'flows') {
            // Always a feasible flow (parked excess returned first); maximal right after a solve.
            const f = solver.flows();
            expect(isFlow(n, cur, f, 0, n - 1)).toBe(true);
            f.forEach((x, i) => {
              expect(x).toBeGreaterThanOrEqual(0);
              expect(x).toBeLessThanOrEqual(cur[i].cap);
            });
            expect(solver.value).toBe(
              f.reduce((s, x, i) => s + (cur[i].to === n - 1 ? x : 0) - (cur[i].from === n - 1 ? x : 0), 0),
            );
          } else if (op.kind === 'snap') {
            snap = solver.snapshot();
          } else if (snap !== null) {
            solver.restore(snap);
          }
        }
        const r = solver.solveValue();
        const cold = maxFlow(netOf(n, cur), 0, n - 1);
        expect(r.status === 'optimal' && r.value).toBe(cold.status === 'optimal' && cold.value);
        const f = solver.flows();
        expect(checkMaxFlow(net, 0, n - 1, f, solver.capacities()).errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // Some solves did leave excess parked, so the preflow paths (cut, snapshot, phase 2) ran.
    expect(parkedSeen).toBeGreaterThan(0);
  });

  it('keeps the excess parked: no phase 2 until a flow is asked for; snapshot and restore keep the preflow', () => {
    // s → a (10), a → t (3): 7 units are parked at a.
    const arcs: Arc[] = [
      { from: 0, to: 1, cap: 10 },
      { from: 1, to: 2, cap: 3 },
    ];
    const solver = new MaxFlowSolver(netOf(3, arcs), 0, 2);
    const r = solver.solveValue();
    expect(r.status === 'optimal' && r.value).toBe(3);
    expect(solver.counters.returnPushes).toBe(0);
    const snap = solver.snapshot();
    expect(Array.from(snap)).toEqual([10, 3]);
    expect(Array.from(solver.minCut().arcs)).toEqual([1]);
    expect(Array.from(solver.minCut().sourceSide)).toEqual([1, 1, 0]);
    // Raise the sink arc: the parked excess goes on to t, the source arc is not pushed again.
    solver.setCapacity(1, 8);
    const w = solver.solveValue();
    expect(w.status === 'optimal' && w.value).toBe(8);
    if (w.status === 'optimal') expect(w.counters.pushes).toBe(1);
    expect(Array.from(solver.flows())).toEqual([8, 8]);
    expect(solver.counters.flowReturns).toBe(1);
    // Restore the preflow under the raised capacity: excess parked again, a solve finishes it.
    solver.restore(snap);
    expect(solver.value).toBe(3);
    expect(solver.flowOf(0)).toBe(3);
    solver.restore(snap);
    const again = solver.solve();
    expect(again.status === 'optimal' && Array.from(again.flow)).toEqual([8, 8]);
    // A second solve with nothing changed skips phase 1.
    const idle = solver.solve();
    if (idle.status === 'optimal') expect(idle.counters.pushes + idle.counters.globalUpdates).toBe(0);
  });

  it('warm re-solves of a growing time-expanded network do less work than cold ones and than solve() each step', () => {
    const { n, arcs, sinkArcs, slotOf } = growingNetwork(20, 24, 7);
    const open = arcs.map((a) => ({ ...a }));
    for (const i of sinkArcs) open[i].cap = 0;
    const warm = new MaxFlowSolver(netOf(n, open), 0, n - 1);
    // The same warm sequence through solve(): the parked excess is returned every time.
    const full = new MaxFlowSolver(netOf(n, open), 0, n - 1);
    let warmWork = 0;
    let coldWork = 0;
    let fullWork = 0;
    for (let upTo = 4; upTo <= 24; upTo += 4) {
      for (const i of sinkArcs) {
        if (slotOf[i] < upTo && slotOf[i] >= upTo - 4) {
          open[i].cap = arcs[i].cap;
          warm.setCapacity(i, arcs[i].cap);
          full.setCapacity(i, arcs[i].cap);
        }
      }
      const w = warm.solveValue();
      const c = new MaxFlowSolver(netOf(n, open), 0, n - 1).solveValue();
      const f = full.solve();
      if (w.status !== 'optimal' || c.status !== 'optimal' || f.status !== 'optimal')
        throw new Error('bad input');
      expect(f.value).toBe(c.value);
      fullWork += f.counters.pushes + f.counters.relabels;
      expect(w.value).toBe(c.value);
      expect(w.value).toBe(edmondsKarp(n, open, 0, n - 1));
      warmWork += w.counters.pushes + w.counters.relabels;
      coldWork += c.counters.pushes + c.counters.relabels;
    }
    expect(checkMaxFlow(netOf(n, open), 0, n - 1, warm.flows()).errors).toEqual([]);
    // Deterministic counters (fixed network): 12,667 warm, 23,461 cold, 26,835 through solve().
    expect(warmWork).toBeLessThan(0.6 * coldWork);
    expect(warmWork).toBeLessThan(0.5 * fullWork);
  });
});

/**
 * A small time-expanded network like `dimacs-gen time-expanded`: `sites` sites over `slots`
 * slots, random links per slot, holdovers at every site, three origins fed by s far beyond what
 * the sink arcs (two clouds per slot) take. Node (v, t) = 1 + t·sites + v; s = 0, t = n − 1.
 */
function growingNetwork(sites: number, slots: number, seed: number) {
  let x = seed;
  const rand = (k: number) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % k;
  };
  const n = 2 + sites * slots;
  const node = (v: number, t: number) => 1 + t * sites + v;
  const arcs: Arc[] = [];
  const sinkArcs: number[] = [];
  const slotOf: number[] = [];
  const add = (from: number, to: number, cap: number, slot: number) => {
    arcs.push({ from, to, cap });
    slotOf.push(slot);
  };
  for (let o = 0; o < 3; o++) add(0, node(o, 0), 5000, 0);
  for (let t = 0; t < slots; t++) {
    for (let l = 0; l < 3 * sites; l++) {
      const u = rand(sites);
      const v = rand(sites);
      if (u !== v) add(node(u, t), node(v, t), rand(3) === 0 ? 0 : 10 + rand(90), t);
    }
    if (t + 1 < slots) for (let v = 0; v < sites; v++) add(node(v, t), node(v, t + 1), 1_000_000, t);
    for (const c of [sites - 1, sites - 2]) {
      sinkArcs.push(arcs.length);
      add(node(c, t), n - 1, 20 + rand(60), t);
    }
  }
  return { n, arcs, sinkArcs, slotOf };
}
