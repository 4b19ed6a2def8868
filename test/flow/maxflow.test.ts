import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMaxFlow, MaxFlowSolver, maxFlow } from '../../src/flow/maxflow.js';
import { buildFlowNetwork } from '../../src/flow/network.js';
import { readDimacsMaxFlowFile } from '../../src/io/dimacs.js';
import { edmondsKarp } from './edmonds-karp.js';
import { type Arc, arbNetwork, netOf } from './helpers.js';

interface Case {
  name: string;
  n: number;
  s: number;
  t: number;
  arcs: Arc[];
  value: number;
  /** Source side of the cut reachable from s, as node ids. */
  side: number[];
  /** Cut arcs (input indices). */
  cut: number[];
}

const CASES: Case[] = [
  { name: 'single arc', n: 2, s: 0, t: 1, arcs: [{ from: 0, to: 1, cap: 7 }], value: 7, side: [0], cut: [0] },
  { name: 'no arc', n: 2, s: 0, t: 1, arcs: [], value: 0, side: [0], cut: [] },
  {
    name: 'path with bottleneck in the middle',
    n: 4,
    s: 0,
    t: 3,
    arcs: [
      { from: 0, to: 1, cap: 10 },
      { from: 1, to: 2, cap: 3 },
      { from: 2, to: 3, cap: 10 },
    ],
    value: 3,
    side: [0, 1],
    cut: [1],
  },
  {
    name: 'diamond (CLRS-like) with a cross arc',
    n: 4,
    s: 0,
    t: 3,
    arcs: [
      { from: 0, to: 1, cap: 3 },
      { from: 0, to: 2, cap: 2 },
      { from: 1, to: 2, cap: 5 },
      { from: 1, to: 3, cap: 2 },
      { from: 2, to: 3, cap: 3 },
    ],
    value: 5,
    side: [0],
    cut: [0, 1],
  },
  {
    name: 'parallel arcs add up, zero arcs carry nothing',
    n: 2,
    s: 0,
    t: 1,
    arcs: [
      { from: 0, to: 1, cap: 2 },
      { from: 0, to: 1, cap: 3 },
      { from: 0, to: 1, cap: 0 },
    ],
    value: 5,
    side: [0],
    cut: [0, 1],
  },
  {
    name: 'sink unreachable',
    n: 4,
    s: 0,
    t: 3,
    arcs: [
      { from: 0, to: 1, cap: 4 },
      { from: 1, to: 2, cap: 4 },
      { from: 3, to: 2, cap: 4 },
    ],
    value: 0,
    side: [0, 1, 2],
    cut: [],
  },
  {
    name: 'flow cycle and self-loop, excess returned to the source',
    n: 5,
    s: 0,
    t: 4,
    arcs: [
      { from: 0, to: 1, cap: 100 },
      { from: 1, to: 2, cap: 50 },
      { from: 2, to: 1, cap: 50 },
      { from: 2, to: 2, cap: 9 },
      { from: 2, to: 3, cap: 60 },
      { from: 3, to: 4, cap: 1 },
    ],
    value: 1,
    side: [0, 1, 2, 3],
    cut: [5],
  },
  {
    name: 'arcs into the source and out of the sink',
    n: 3,
    s: 0,
    t: 2,
    arcs: [
      { from: 1, to: 0, cap: 5 },
      { from: 0, to: 1, cap: 4 },
      { from: 2, to: 1, cap: 5 },
      { from: 1, to: 2, cap: 3 },
    ],
    value: 3,
    side: [0, 1],
    cut: [3],
  },
  {
    name: 'large capacities stay exact',
    n: 3,
    s: 0,
    t: 2,
    arcs: [
      { from: 0, to: 1, cap: 2 ** 52 },
      { from: 1, to: 2, cap: 2 ** 52 - 1 },
      { from: 0, to: 2, cap: 2 ** 52 - 1 },
    ],
    value: 2 ** 53 - 2,
    side: [0, 1],
    cut: [1, 2],
  },
];

describe('maxFlow on small graphs with known flows and cuts', () => {
  for (const c of CASES) {
    it(`${c.name}: value ${c.value}`, () => {
      const net = netOf(c.n, c.arcs);
      for (const heuristics of [true, false]) {
        const solver = new MaxFlowSolver(net, c.s, c.t, { heuristics });
        const r = solver.solve();
        expect(r.status).toBe('optimal');
        if (r.status !== 'optimal') return;
        expect(r.value).toBe(c.value);
        const check = checkMaxFlow(net, c.s, c.t, r.flow);
        expect(check.errors).toEqual([]);
        expect(check.value).toBe(c.value);
        const cut = solver.minCut();
        expect(cut.capacity).toBe(c.value);
        expect([...cut.sourceSide.keys()].filter((v) => cut.sourceSide[v] === 1)).toEqual(c.side);
        expect(Array.from(cut.arcs)).toEqual(c.cut);
      }
    });
  }

  it('boost-example.max (Boost Graph Library example, test/fixtures/data) has flow 4', () => {
    const inst = readDimacsMaxFlowFile('test/fixtures/data/dimacs/boost-example.max');
    const net = buildFlowNetwork(inst.nodes, inst.tails, inst.heads, inst.caps);
    const r = maxFlow(net, inst.source, inst.sink);
    expect(r.status === 'optimal' && r.value).toBe(4);
    if (r.status === 'optimal') expect(checkMaxFlow(net, inst.source, inst.sink, r.flow).ok).toBe(true);
  });

  it('returns bad-input for s = t, terminals out of range, and capacities out of s summing to 2^53', () => {
    const net = netOf(3, [
      { from: 0, to: 1, cap: 2 ** 52 },
      { from: 0, to: 1, cap: 2 ** 52 },
    ]);
    expect(maxFlow(net, 1, 1)).toEqual({
      status: 'bad-input',
      message: 'source and sink are the same node (1)',
    });
    expect(maxFlow(net, 0, 3)).toMatchObject({
      status: 'bad-input',
      message: expect.stringMatching(/sink 3 is not a node/),
    });
    expect(maxFlow(net, -1, 2)).toMatchObject({ status: 'bad-input' });
    expect(maxFlow(net, 0, 1)).toMatchObject({
      status: 'bad-input',
      message: expect.stringMatching(/2\^53/),
    });
  });

  it('counts its work', () => {
    const net = netOf(4, CASES[3].arcs);
    const solver = new MaxFlowSolver(net, 0, 3);
    const r = solver.solve();
    expect(r.status === 'optimal' && r.counters.pushes).toBeGreaterThan(0);
    expect(solver.counters.solves).toBe(1);
    solver.solve();
    expect(solver.counters.solves).toBe(2);
  });
});

describe('maxFlow on random graphs (fast-check)', () => {
  it('value equals Edmonds–Karp, the checker passes and the min cut has the same capacity', () => {
    fc.assert(
      fc.property(arbNetwork, fc.boolean(), ({ n, arcs }, heuristics) => {
        const net = netOf(n, arcs);
        const t = n - 1;
        const solver = new MaxFlowSolver(net, 0, t, { heuristics, flatColdStart: arcs.length % 2 === 0 });
        const r = solver.solve();
        if (r.status !== 'optimal') return false;
        expect(r.value).toBe(edmondsKarp(n, arcs, 0, t));
        expect(checkMaxFlow(net, 0, t, r.flow).errors).toEqual([]);
        const cut = solver.minCut();
        expect(cut.capacity).toBe(r.value);
        expect(cut.sourceSide[0]).toBe(1);
        expect(cut.sourceSide[t]).toBe(0);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
