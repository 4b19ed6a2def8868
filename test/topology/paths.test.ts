import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { buildTopology } from '../../src/topology/index.js';
import { cloud, link, node, scenario } from './fixtures.js';

describe('shortestPathByLatency', () => {
  const s = scenario({
    nodes: [node('a'), node('b'), node('c'), cloud('d', 'p'), node('island')],
    links: [
      link('a', 'd', { id: 'direct', latencyMs: 50 }),
      link('a', 'b', { latencyMs: 10 }),
      link('b', 'c', { id: 'b-c-slow', latencyMs: 30 }),
      link('b', 'c', { id: 'b-c-fast', latencyMs: 5 }),
      link('c', 'd', { latencyMs: 10 }),
    ],
  });
  const t = buildTopology(s);

  it('shortestPathByLatency(from, to) prefers lower total latency over fewer hops', () => {
    expect(t.shortestPathByLatency('a', 'd')).toEqual({
      nodes: ['a', 'b', 'c', 'd'],
      links: ['a->b', 'b-c-fast', 'c->d'],
      latencyMs: 25,
    });
  });

  it('shortestPathByLatency picks the fastest of parallel links', () => {
    expect(t.shortestPathByLatency('b', 'c')?.links).toEqual(['b-c-fast']);
  });

  it('shortestPathByLatency returns null when there is no path (direction matters)', () => {
    expect(t.shortestPathByLatency('d', 'a')).toBeNull();
    expect(t.shortestPathByLatency('a', 'island')).toBeNull();
  });

  it('shortestPathByLatency from a node to itself is the empty path', () => {
    expect(t.shortestPathByLatency('c', 'c')).toEqual({ nodes: ['c'], links: [], latencyMs: 0 });
  });

  it('links without a latency count as 0 ms', () => {
    const u = buildTopology(
      scenario({
        nodes: [node('a'), node('b'), node('c')],
        links: [link('a', 'c', { latencyMs: 1 }), link('a', 'b'), link('b', 'c')],
      }),
    );
    expect(u.shortestPathByLatency('a', 'c')).toEqual({
      nodes: ['a', 'b', 'c'],
      links: ['a->b', 'b->c'],
      latencyMs: 0,
    });
  });

  it('shortestPathByLatency throws UsageError for unknown nodes', () => {
    expect(() => t.shortestPathByLatency('a', 'zz')).toThrow(UsageError);
    expect(() => t.shortestPathByLatency('zz', 'a')).toThrow(/unknown node "zz"/);
  });

  it('agrees with Floyd–Warshall on random graphs, and its path is a real path of that length', () => {
    const graphArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(
          fc.record({
            from: fc.nat(n - 1),
            to: fc.nat(n - 1),
            latency: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
          }),
          { maxLength: 20 },
        ),
      ),
    );
    fc.assert(
      fc.property(graphArb, fc.nat(), fc.nat(), ([n, arcs], i, j) => {
        // Arrange
        const ids = Array.from({ length: n }, (_, v) => `n${v}`);
        const links = arcs.map((a, e) => link(ids[a.from], ids[a.to], { id: `e${e}`, latencyMs: a.latency }));
        const topo = buildTopology(scenario({ nodes: ids.map((id) => node(id)), links }));
        const dist = Array.from({ length: n }, (_, v) =>
          Array.from({ length: n }, (_, w) => (v === w ? 0 : Infinity)),
        );
        for (const a of arcs) dist[a.from][a.to] = Math.min(dist[a.from][a.to], a.latency ?? 0);
        for (let k = 0; k < n; k++)
          for (let v = 0; v < n; v++)
            for (let w = 0; w < n; w++) dist[v][w] = Math.min(dist[v][w], dist[v][k] + dist[k][w]);
        const from = i % n;
        const to = j % n;
        // Act
        const path = topo.shortestPathByLatency(ids[from], ids[to]);
        // Assert
        if (dist[from][to] === Infinity) {
          expect(path).toBeNull();
          return;
        }
        expect(path).not.toBeNull();
        expect(path!.latencyMs).toBe(dist[from][to]);
        expect(path!.nodes[0]).toBe(ids[from]);
        expect(path!.nodes.at(-1)).toBe(ids[to]);
        expect(path!.links.length).toBe(path!.nodes.length - 1);
        let sum = 0;
        path!.links.forEach((id, k) => {
          const l = topo.link(id);
          expect([l.from, l.to]).toEqual([path!.nodes[k], path!.nodes[k + 1]]);
          sum += l.latencyMs ?? 0;
        });
        expect(sum).toBe(path!.latencyMs);
      }),
    );
  });
});
