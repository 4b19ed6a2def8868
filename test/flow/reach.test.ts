import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcsByEnd, markReachable } from '../../src/flow/reach.js';

/** Reachability by repeated relaxation over an arc list: an oracle independent of the CSR. */
function closureFrom(
  n: number,
  arcs: readonly { from: number; to: number; on: boolean }[],
  seeds: readonly number[],
  excluded: ReadonlySet<number>,
  backward: boolean,
): boolean[] {
  const r = Array.from({ length: n }, (_, v) => seeds.includes(v) && !excluded.has(v));
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of arcs) {
      const [u, w] = backward ? [a.to, a.from] : [a.from, a.to];
      if (a.on && r[u] && !r[w] && !excluded.has(w)) r[w] = changed = true;
    }
  }
  return r;
}

const graphArb = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), on: fc.boolean() }), {
      maxLength: 30,
    }),
    seeds: fc.array(fc.nat(n - 1), { maxLength: 3 }),
    excluded: fc.uniqueArray(fc.nat(n - 1), { maxLength: 3 }),
    backward: fc.boolean(),
  }),
);

describe('arcsByEnd', () => {
  it('arcsByEnd(n, ends, m) groups arcs by end, increasing arc index within a node', () => {
    const ends = Int32Array.from([2, 0, 2, 1, 0]);
    const { start, list } = arcsByEnd(3, ends, ends.length);
    expect([...start]).toEqual([0, 2, 3, 5]);
    expect([...list]).toEqual([1, 4, 3, 0, 2]);
  });

  it('arcsByEnd(n, ends, m) reads only the first m ends', () => {
    const { start, list } = arcsByEnd(2, Int32Array.from([1, 0, 1]), 2);
    expect([...start]).toEqual([0, 1, 2]);
    expect([...list]).toEqual([1, 0]);
  });
});

describe('markReachable', () => {
  it('markReachable(...) marks seeds and what they reach over masked arcs, nodes in BFS order', () => {
    // 0 → 1 → 2, 0 → 3 (masked off), 2 → 0
    const tails = Int32Array.from([0, 1, 0, 2]);
    const heads = Int32Array.from([1, 2, 3, 0]);
    const seen = new Uint8Array(4);
    const queue = new Int32Array(4);
    const count = markReachable(
      arcsByEnd(4, tails, 4),
      heads,
      Uint8Array.from([1, 1, 0, 1]),
      [0],
      seen,
      queue,
    );
    expect(count).toBe(3);
    expect([...queue.subarray(0, count)]).toEqual([0, 1, 2]);
    expect([...seen]).toEqual([1, 1, 1, 0]);
  });

  it('markReachable(...) never enters a node marked beforehand, as a seed or as a step', () => {
    const tails = Int32Array.from([0, 1]);
    const heads = Int32Array.from([1, 2]);
    const seen = Uint8Array.from([0, 2, 0]);
    const count = markReachable(arcsByEnd(3, tails, 2), heads, null, [0, 1], seen, new Int32Array(3));
    expect(count).toBe(1);
    expect([...seen]).toEqual([1, 2, 0]);
  });

  it('agrees with a relaxation oracle on random graphs, both directions, masks and excluded nodes', () => {
    fc.assert(
      fc.property(graphArb, ({ n, arcs, seeds, excluded, backward }) => {
        // Arrange
        const tails = Int32Array.from(arcs, (a) => a.from);
        const heads = Int32Array.from(arcs, (a) => a.to);
        const mask = Uint8Array.from(arcs, (a) => (a.on ? 1 : 0));
        const index = backward ? arcsByEnd(n, heads, arcs.length) : arcsByEnd(n, tails, arcs.length);
        const seen = new Uint8Array(n);
        for (const v of excluded) seen[v] = 2;
        const queue = new Int32Array(n);
        // Act
        const count = markReachable(index, backward ? tails : heads, mask, seeds, seen, queue);
        // Assert
        const expected = closureFrom(n, arcs, seeds, new Set(excluded), backward);
        expect(Array.from(seen, (x, v) => (excluded.includes(v) ? 2 : x === 1))).toEqual(
          expected.map((r, v) => (excluded.includes(v) ? 2 : r)),
        );
        expect(count).toBe(expected.filter(Boolean).length);
        expect(new Set(queue.subarray(0, count))).toEqual(
          new Set(expected.flatMap((r, v) => (r ? [v] : []))),
        );
      }),
    );
  });
});
