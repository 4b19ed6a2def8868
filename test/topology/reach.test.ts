import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../src/topology/index.js';
import { cloud, dataset, link, node, scenario } from './fixtures.js';

/** Transitive closure by Floyd–Warshall on booleans: an independent oracle for BFS reachability. */
function closure(n: number, arcs: readonly { from: number; to: number }[]): boolean[][] {
  const r = Array.from({ length: n }, (_, v) => Array.from({ length: n }, (_, w) => v === w));
  for (const a of arcs) r[a.from][a.to] = true;
  for (let k = 0; k < n; k++)
    for (let v = 0; v < n; v++) for (let w = 0; w < n; w++) r[v][w] ||= r[v][k] && r[k][w];
  return r;
}

const worldArb = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    clouds: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    arcs: fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1) }), { maxLength: 25 }),
    datasets: fc.array(
      fc.record({ at: fc.nat(n - 1), to: fc.uniqueArray(fc.nat(n - 1), { maxLength: 3 }) }),
      {
        maxLength: 4,
      },
    ),
  }),
);

describe('reachability (property)', () => {
  it('reachableDestinations and unusedNodes agree with the transitive closure', () => {
    fc.assert(
      fc.property(worldArb, ({ n, clouds, arcs, datasets }) => {
        // Arrange: node i is a cloud of provider p<i> when clouds[i]; destinations must be clouds.
        const ids = Array.from({ length: n }, (_, v) => `v${v}`);
        const nodes = ids.map((id, v) => (clouds[v] ? cloud(id, `p${v}`) : node(id)));
        const ds = datasets.map((d, k) =>
          dataset(
            `d${k}`,
            ids[d.at],
            d.to.filter((v) => clouds[v] && v !== d.at).map((v) => ids[v]),
          ),
        );
        const links = arcs.map((a, e) => link(ids[a.from], ids[a.to], { id: `e${e}` }));
        const topo = buildTopology(scenario({ nodes, links, datasets: ds }));
        const r = closure(n, arcs);
        // Act + Assert
        const used = new Set<number>();
        datasets.forEach((d, k) => {
          const expected = ds[k].destinations.filter((id) => r[d.at][ids.indexOf(id)]);
          expect(topo.reachableDestinations(`d${k}`)).toEqual(expected);
          used.add(d.at);
          for (let v = 0; v < n; v++) {
            if (r[d.at][v] && expected.some((id) => r[v][ids.indexOf(id)])) used.add(v);
          }
        });
        expect(topo.unusedNodes()).toEqual(ids.filter((_, v) => !used.has(v)));
        expect(topo.unreachableDatasets()).toEqual(
          ds.filter((d) => topo.reachableDestinations(d.id).length === 0).map((d) => d.id),
        );
      }),
    );
  });
});
