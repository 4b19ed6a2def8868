import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { buildTopology } from '../../src/topology/index.js';
import { cloud, dataset, link, node, scenario } from './fixtures.js';

/**
 * munich (site) → munich-dedup (appliance) → ix-fra (exchange) → aws-fra (cloud, aws)
 *                                           ↘ azure-ams (cloud, azure)
 * tokyo (site) → ix-tyo (exchange)      (dead end: no cloud behind it)
 * gcp-iowa (cloud, gcp) → ix-fra        (reachable from nobody)
 */
function world() {
  return scenario({
    name: 'world',
    nodes: [
      node('munich', 'site', { timezone: 'Europe/Berlin' }),
      node('munich-dedup', 'appliance', { storage: 10n ** 15n }),
      node('ix-fra', 'exchange'),
      cloud('aws-fra', 'aws'),
      cloud('azure-ams', 'azure'),
      node('tokyo'),
      node('ix-tyo', 'exchange'),
      cloud('gcp-iowa', 'gcp'),
    ],
    links: [
      link('munich', 'munich-dedup', { latencyMs: 1 }),
      link('munich-dedup', 'ix-fra', { latencyMs: 5 }),
      link('ix-fra', 'aws-fra', { latencyMs: 2 }),
      link('munich-dedup', 'azure-ams', { latencyMs: 20 }),
      link('tokyo', 'ix-tyo'),
      link('gcp-iowa', 'ix-fra', { latencyMs: 100 }),
    ],
    datasets: [
      dataset('munich-vms', 'munich', ['aws-fra', 'azure-ams', 'gcp-iowa'], { copies: 2 }),
      dataset('tokyo-db', 'tokyo', ['aws-fra']),
      dataset('dedup-store', 'munich-dedup', ['aws-fra'], { copies: 2 }),
    ],
  });
}

describe('buildTopology', () => {
  it('buildTopology(scenario) has one node per scenario node and one edge per link, keyed by id', () => {
    const s = world();
    const t = buildTopology(s);
    expect(t.graph.order).toBe(8);
    expect(t.graph.size).toBe(6);
    expect(t.graph.nodes()).toEqual(s.nodes.map((v) => v.id));
    expect(t.graph.edges()).toEqual(s.links.map((l) => l.id));
    expect(t.graph.getNodeAttributes('munich').node).toBe(s.nodes[0]);
    expect(t.graph.getEdgeAttributes('ix-fra->aws-fra').link).toBe(s.links[2]);
    expect(t.graph.source('ix-fra->aws-fra')).toBe('ix-fra');
    expect(t.graph.target('ix-fra->aws-fra')).toBe('aws-fra');
    expect(t.graph.type).toBe('directed');
    expect(t.graph.multi).toBe(true);
    expect(t.graph.getAttribute('name')).toBe('world');
  });

  it('buildTopology keeps parallel links apart (multigraph) and a bidirectional pair as two edges', () => {
    const s = scenario({
      nodes: [node('a'), cloud('b', 'p')],
      links: [
        link('a', 'b', { id: 'fast' }),
        link('a', 'b', { id: 'slow' }),
        link('b', 'a', { id: 'fast:reverse', reverseOf: 'fast' }),
      ],
    });
    const t = buildTopology(s);
    expect(t.graph.size).toBe(3);
    // graphology does not promise an order among parallel edges.
    expect([...t.graph.outEdges('a')].sort()).toEqual(['fast', 'slow']);
    expect(t.graph.outEdges('b')).toEqual(['fast:reverse']);
    expect(t.link('slow')).toBe(s.links[1]);
  });

  it('buildTopology refuses links to unknown nodes and duplicate ids with a UsageError', () => {
    expect(() => buildTopology(scenario({ nodes: [node('a')], links: [link('a', 'x')] }))).toThrow(
      /link "a->x" names unknown node "x"/,
    );
    expect(() => buildTopology(scenario({ nodes: [node('a'), node('a')] }))).toThrow(UsageError);
    expect(() =>
      buildTopology(scenario({ nodes: [node('a'), node('b')], links: [link('a', 'b'), link('a', 'b')] })),
    ).toThrow(/duplicate link id "a->b"/);
    expect(() =>
      buildTopology(scenario({ nodes: [node('a')], datasets: [dataset('d', 'nowhere', [])] })),
    ).toThrow(/dataset "d" is at unknown node "nowhere"/);
  });

  it('the topology and its graph are immutable: mutators throw, attributes and results are frozen', () => {
    const t = buildTopology(world());
    const g = t.graph as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(() => g.addNode('x')).toThrow(TypeError);
    expect(() => g.dropNode('munich')).toThrow(/immutable/);
    expect(() => g.setNodeAttribute('munich', 'node', null)).toThrow(TypeError);
    expect(() => g.addDirectedEdgeWithKey('e', 'munich', 'tokyo', {})).toThrow(TypeError);
    expect(() => g.clear()).toThrow(TypeError);
    expect(() => g.updateEachEdgeAttributes(() => ({}))).toThrow(TypeError);
    expect(t.graph.order).toBe(8);
    expect(Object.isFrozen(t.graph.getNodeAttributes('munich'))).toBe(true);
    expect(Object.isFrozen(t.graph.getEdgeAttributes('tokyo->ix-tyo'))).toBe(true);
    expect(Object.isFrozen(t.graph.getAttributes())).toBe(true);
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.reachableDestinations('munich-vms'))).toBe(true);
    expect(Object.isFrozen(t.unusedNodes())).toBe(true);
    // A copy is an ordinary graph for experiments, and leaves the topology untouched.
    const copy = t.graph.copy();
    copy.addNode('x', { node: world().nodes[0] });
    expect(copy.order).toBe(9);
    expect(t.graph.order).toBe(8);
  });
});

describe('reachability', () => {
  it('reachableDestinations(id) lists the allowed destinations reachable from the origin, sorted', () => {
    const t = buildTopology(world());
    expect(t.reachableDestinations('munich-vms')).toEqual(['aws-fra', 'azure-ams']);
    expect(t.reachableDestinations('tokyo-db')).toEqual([]);
    expect(t.reachableDestinations('dedup-store')).toEqual(['aws-fra']);
  });

  it('reachableDestinations follows link direction', () => {
    const s = scenario({
      nodes: [node('a'), cloud('c', 'p')],
      links: [link('c', 'a')],
      datasets: [dataset('d', 'a', ['c'])],
    });
    expect(buildTopology(s).reachableDestinations('d')).toEqual([]);
  });

  it('reachableDestinations skips a link of capacity 0 (a link declared down)', () => {
    const s = scenario({
      nodes: [node('a'), cloud('c', 'p')],
      links: [link('a', 'c', { capacity: { num: 0n, den: 1n } })],
      datasets: [dataset('d', 'a', ['c'])],
    });
    expect(buildTopology(s).reachableDestinations('d')).toEqual([]);
    expect(buildTopology(s).unreachableDatasets()).toEqual(['d']);
  });

  it('reachableDestinations ignores windows (a link with a narrow window still connects)', () => {
    const window = {
      days: [0],
      fromMinute: 60,
      toMinute: 120,
      timezone: 'UTC',
      share: { num: 1n, den: 2n },
    } as const;
    const s = scenario({
      nodes: [node('a'), cloud('c', 'p')],
      links: [link('a', 'c', { windows: [window] })],
      datasets: [dataset('d', 'a', ['c'])],
    });
    expect(buildTopology(s).reachableDestinations('d')).toEqual(['c']);
  });

  it('datasetReach reports the reachable failure domains', () => {
    const t = buildTopology(world());
    expect(t.datasetReach('munich-vms')).toEqual({
      dataset: 'munich-vms',
      destinations: ['aws-fra', 'azure-ams'],
      domains: ['aws', 'azure'],
      copies: 2,
    });
  });

  it('unreachableDatasets() lists datasets with no reachable destination, in declaration order', () => {
    expect(buildTopology(world()).unreachableDatasets()).toEqual(['tokyo-db']);
  });

  it('underReplicatedDatasets() lists datasets reaching fewer failure domains than copies', () => {
    const under = buildTopology(world()).underReplicatedDatasets();
    expect(under.map((r) => r.dataset)).toEqual(['dedup-store']);
    expect(under[0].domains).toEqual(['aws']);
  });

  it('queries on unknown ids throw UsageError', () => {
    const t = buildTopology(world());
    expect(() => t.reachableDestinations('nope')).toThrow(UsageError);
    expect(() => t.node('nope')).toThrow(/unknown node "nope"/);
    expect(() => t.link('nope')).toThrow(/unknown link "nope"/);
    expect(() => t.nodesOfProvider('oracle')).toThrow(/unknown provider "oracle"/);
  });
});

describe('nodesOfProvider', () => {
  it('nodesOfProvider(p) lists the clouds and appliances naming p, in declaration order', () => {
    const s = scenario({
      nodes: [
        cloud('aws-1', 'aws'),
        node('dedup', 'appliance', { provider: 'aws' }),
        cloud('aws-2', 'aws'),
        cloud('g', 'gcp'),
      ],
      providers: [{ id: 'azure' }],
    });
    const t = buildTopology(s);
    expect(t.nodesOfProvider('aws')).toEqual(['aws-1', 'dedup', 'aws-2']);
    expect(t.nodesOfProvider('gcp')).toEqual(['g']);
    expect(t.nodesOfProvider('azure')).toEqual([]);
  });
});

describe('unusedNodes', () => {
  it('unusedNodes() lists nodes that are neither origins nor on a route from an origin to its destinations', () => {
    // ix-tyo: reachable from tokyo but leads nowhere; gcp-iowa: nobody reaches it.
    expect(buildTopology(world()).unusedNodes()).toEqual(['ix-tyo', 'gcp-iowa']);
  });

  it('a destination reachable only by a dataset that may not use it is unused', () => {
    const s = scenario({
      nodes: [node('a'), cloud('x', 'p'), cloud('y', 'q')],
      links: [link('a', 'x'), link('a', 'y')],
      datasets: [dataset('d', 'a', ['x'])],
    });
    expect(buildTopology(s).unusedNodes()).toEqual(['y']);
  });

  it('with no datasets every node is unused', () => {
    const s = scenario({ nodes: [node('a'), cloud('x', 'p')], links: [link('a', 'x')] });
    expect(buildTopology(s).unusedNodes()).toEqual(['a', 'x']);
  });
});

describe('warnings', () => {
  it('warnings() names the dataset or node by field path', () => {
    expect(buildTopology(world()).warnings()).toEqual([
      {
        path: 'datasets[1]',
        message: 'dataset "tokyo-db" at "tokyo" has no path to any allowed destination (aws-fra)',
      },
      {
        path: 'datasets[2]',
        message: 'dataset "dedup-store" asks for 2 copies but reaches only 1 failure domain (aws)',
      },
      { path: 'nodes[6]', message: 'node "ix-tyo" is not used: no dataset can pass through or reach it' },
      { path: 'nodes[7]', message: 'node "gcp-iowa" is not used: no dataset can pass through or reach it' },
    ]);
  });
});
