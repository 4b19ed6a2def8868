import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { rational } from '../../src/io/rational.js';
import { loadScenario } from '../../src/io/scenario/index.js';
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

describe('routes', () => {
  it('routes(from, to) on examples/worldwide.yaml: nearest first, ties in the order of to', async () => {
    const t = buildTopology(await loadScenario('examples/worldwide.yaml'));
    const db = t.scenario.datasets.find((d) => d.id === 'munich-db')!;
    const routes = t.routes('munich', db.destinations);
    expect(routes.map((r) => [r.nodes.at(-1), r.latencyMs])).toEqual([
      ['aws-eu-central-1', 7],
      ['azure-germanywestcentral', 7],
      ['gcp-europe-west3', 7],
      ['azure-westeurope', 14],
    ]);
    expect(routes[0]).toEqual({
      nodes: ['munich', 'dedup-munich', 'ix-frankfurt', 'aws-eu-central-1'],
      links: ['munich->dedup-munich', 'dedup-munich->ix-frankfurt', 'ix-frankfurt->aws-eu-central-1'],
      latencyMs: 7,
    });
    for (const r of routes) expect(r).toEqual(t.shortestPathByLatency('munich', r.nodes.at(-1)!));
  });

  it('routes(from, to) on examples/worldwide.yaml takes a reverse link and leaves out what it cannot reach', async () => {
    const t = buildTopology(await loadScenario('examples/worldwide.yaml'));
    expect(t.routes('hamburg', ['dedup-munich', 'munich', 'dedup-frankfurt', 'dedup-munich'])).toEqual([
      { nodes: ['hamburg', 'dedup-frankfurt'], links: ['hamburg->dedup-frankfurt'], latencyMs: 8 },
      {
        nodes: ['hamburg', 'dedup-frankfurt', 'dedup-munich'],
        links: ['hamburg->dedup-frankfurt', 'munich-frankfurt-wan:reverse'],
        latencyMs: 14,
      },
    ]);
  });

  it('routes and shortestPathByLatency never take a link of capacity 0', () => {
    const t = buildTopology(
      scenario({
        nodes: [node('a'), node('b'), node('c')],
        links: [
          link('a', 'b', { id: 'down', latencyMs: 1, capacity: rational(0n) }),
          link('a', 'b', { id: 'up', latencyMs: 9 }),
          link('b', 'c', { id: 'b-c-down', capacity: rational(0n) }),
        ],
      }),
    );
    expect(t.shortestPathByLatency('a', 'b')).toEqual({ nodes: ['a', 'b'], links: ['up'], latencyMs: 9 });
    expect(t.shortestPathByLatency('a', 'c')).toBeNull();
    expect(t.routes('a', ['c', 'b', 'a'])).toEqual([
      { nodes: ['a'], links: [], latencyMs: 0 },
      { nodes: ['a', 'b'], links: ['up'], latencyMs: 9 },
    ]);
  });

  it('routes throws UsageError for unknown nodes', () => {
    const t = buildTopology(scenario({ nodes: [node('a')] }));
    expect(() => t.routes('a', ['zz'])).toThrow(/topology.routes: unknown node "zz"/);
    expect(() => t.routes('zz', [])).toThrow(UsageError);
  });

  it('routes agrees with Floyd–Warshall over the links that are up, on random graphs', () => {
    const graphArb = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(
          fc.record({
            from: fc.nat(n - 1),
            to: fc.nat(n - 1),
            latency: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
            up: fc.boolean(),
          }),
          { maxLength: 18 },
        ),
      ),
    );
    fc.assert(
      fc.property(graphArb, fc.nat(), ([n, arcs], i) => {
        // Arrange
        const ids = Array.from({ length: n }, (_, v) => `n${v}`);
        const links = arcs.map((a, e) =>
          link(ids[a.from], ids[a.to], {
            id: `e${e}`,
            latencyMs: a.latency,
            ...(a.up ? {} : { capacity: rational(0n) }),
          }),
        );
        const topo = buildTopology(scenario({ nodes: ids.map((id) => node(id)), links }));
        const dist = Array.from({ length: n }, (_, v) =>
          Array.from({ length: n }, (_, w) => (v === w ? 0 : Infinity)),
        );
        for (const a of arcs) if (a.up) dist[a.from][a.to] = Math.min(dist[a.from][a.to], a.latency ?? 0);
        for (let k = 0; k < n; k++)
          for (let v = 0; v < n; v++)
            for (let w = 0; w < n; w++) dist[v][w] = Math.min(dist[v][w], dist[v][k] + dist[k][w]);
        const from = i % n;
        // Act
        const routes = topo.routes(ids[from], ids);
        // Assert
        const reachable = ids.filter((_, w) => dist[from][w] < Infinity);
        expect(routes.map((r) => r.nodes.at(-1)).sort()).toEqual([...reachable].sort());
        for (let k = 1; k < routes.length; k++)
          expect(routes[k].latencyMs).toBeGreaterThanOrEqual(routes[k - 1].latencyMs);
        for (const r of routes) {
          const to = ids.indexOf(r.nodes.at(-1)!);
          expect(r.latencyMs).toBe(dist[from][to]);
          expect(topo.shortestPathByLatency(ids[from], ids[to])?.latencyMs).toBe(dist[from][to]);
          let sum = 0;
          r.links.forEach((id, k) => {
            const l = topo.link(id);
            expect([l.from, l.to]).toEqual([r.nodes[k], r.nodes[k + 1]]);
            expect(l.capacity.num > 0n).toBe(true);
            sum += l.latencyMs ?? 0;
          });
          expect(sum).toBe(r.latencyMs);
        }
        for (let w = 0; w < n; w++)
          if (dist[from][w] === Infinity) expect(topo.shortestPathByLatency(ids[from], ids[w])).toBeNull();
      }),
    );
  });
});
