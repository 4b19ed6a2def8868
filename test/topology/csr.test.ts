import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { rational } from '../../src/io/rational.js';
import { buildTopology, indexScenario } from '../../src/topology/index.js';
import { cloud, dataset, link, node, scenario } from './fixtures.js';

describe('topology.index', () => {
  const s = scenario({
    nodes: [node('a'), cloud('b', 'p'), node('c')],
    links: [link('b', 'a'), link('a', 'b', { capacity: rational(0n) }), link('a', 'c'), link('c', 'b')],
    datasets: [dataset('d', 'c', ['b']), dataset('e', 'a', ['b'])],
  });

  it('topology.index holds positions by declaration order and the links as typed arrays', () => {
    const { index } = buildTopology(s);
    expect(index.nodeCount).toBe(3);
    expect(index.ids).toEqual(['a', 'b', 'c']);
    expect(index.nodeIndex.get('c')).toBe(2);
    expect([...index.linkFrom]).toEqual([1, 0, 0, 2]);
    expect([...index.linkTo]).toEqual([0, 1, 2, 1]);
    expect([...index.linkUp]).toEqual([1, 0, 1, 1]);
    expect([...index.providerOf]).toEqual([-1, 0, -1]);
    expect([...index.datasetAt]).toEqual([2, 0]);
  });

  it('topology.index groups links by from and by to, in declaration order within a node', () => {
    const { out, into } = buildTopology(s).index;
    expect([...out.start]).toEqual([0, 2, 3, 4]);
    expect([...out.list]).toEqual([1, 2, 0, 3]);
    expect([...into.start]).toEqual([0, 1, 3, 4]);
    expect([...into.list]).toEqual([0, 1, 3, 2]);
  });

  it('indexScenario(scenario) builds the same index without the graph', () => {
    const indexed = indexScenario(s);
    expect(indexed.scenario).toBe(s);
    expect(indexed.index).toEqual(buildTopology(s).index);
    expect(Object.isFrozen(indexed.index)).toBe(true);
  });

  it('indexScenario refuses a link or dataset at an unknown node with a UsageError', () => {
    expect(() => indexScenario(scenario({ nodes: [node('a')], links: [link('a', 'x')] }))).toThrow(
      UsageError,
    );
    expect(() => indexScenario(scenario({ nodes: [node('a')], datasets: [dataset('d', 'x', [])] }))).toThrow(
      /dataset "d" is at unknown node "x"/,
    );
  });
});
