import { describe, expect, it } from 'vitest';
import { rational } from '../../src/io/rational.js';
import { summarize } from '../../src/topology/index.js';
import { cloud, dataset, link, node, START, scenario } from './fixtures.js';

describe('summarize', () => {
  it('summarize(scenario) counts nodes by kind, links, providers and datasets', () => {
    const s = scenario({
      name: 'demo',
      nodes: [
        node('a'),
        node('b'),
        node('dedup', 'appliance'),
        node('ix', 'exchange'),
        cloud('c1', 'aws'),
        cloud('c2', 'gcp'),
      ],
      links: [
        link('a', 'dedup'),
        link('dedup', 'ix'),
        link('ix', 'c1'),
        link('c1', 'ix', { reverseOf: 'ix->c1' }),
      ],
      datasets: [dataset('d', 'a', ['c1'])],
    });
    const sum = summarize(s);
    expect(sum.name).toBe('demo');
    expect(sum.nodes).toEqual({ total: 6, byKind: { site: 2, appliance: 1, cloud: 2, exchange: 1 } });
    expect(sum.links).toBe(4);
    expect(sum.providers).toBe(2);
    expect(sum.datasets).toBe(1);
  });

  it('summarize totals logical, wire and released bytes exactly as bigints beyond 2^53', () => {
    // Two 6 PB logical datasets with reduction 2 and 3; copies 2 on the second.
    const big = 6n * 10n ** 15n;
    const s = scenario({
      nodes: [node('a'), cloud('c', 'aws'), cloud('g', 'gcp')],
      datasets: [
        dataset('x', 'a', ['c'], { size: big, reduction: rational(2n), wire: 3e15 }),
        dataset('y', 'a', ['c', 'g'], { size: big + 1n, reduction: rational(3n), wire: 2e15 + 1, copies: 2 }),
      ],
    });
    const sum = summarize(s);
    expect(sum.logicalBytes).toBe(12n * 10n ** 15n + 1n);
    expect(sum.logicalBytes > 2n ** 53n).toBe(true);
    expect(sum.wireBytes).toBe(5n * 10n ** 15n + 1n);
    expect(sum.releasedBytes).toBe(3n * 10n ** 15n + 2n * (2n * 10n ** 15n + 1n));
  });

  it('summarize reports the horizon with its end', () => {
    const sum = summarize(scenario({ nodes: [node('a')] }));
    expect(sum.horizon).toEqual({
      start: START,
      startIso: '2026-12-05T00:00:00Z',
      end: START + 7 * 86400,
      endIso: '2026-12-12T00:00:00Z',
      slots: 168,
      slotSeconds: 3600,
      lengthSeconds: 604800,
    });
  });
});
