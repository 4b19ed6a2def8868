import { describe, expect, test } from 'vitest';
import { buildCalendars } from '../../src/constraints/index.js';
import type { Scenario } from '../../src/io/model.js';
import { reachableDomains } from '../../src/verify/reach.js';
import { scenarioIds } from '../../src/verify/rows.js';
import { dataset, link, node, scenario, scenarioC } from './fixtures.js';

function reach(s: Scenario): string[][] {
  const r = reachableDomains(
    s,
    buildCalendars(s),
    scenarioIds(s),
    s.datasets.map((_, d) => d),
  );
  return s.datasets.map((_, d) => r.get(d)!);
}

describe('reachableDomains (time-expanded reachability for status)', () => {
  test('windows that never line up need staging: an exchange cannot bridge them, an appliance can', () => {
    expect(reach(scenarioC('exchange'))).toEqual([[]]);
    expect(reach(scenarioC('appliance'))).toEqual([['p']]);
  });

  test('staging chains across three windows and two storage nodes', () => {
    const s = scenario({
      slots: 4,
      nodes: [
        node('a', 'site'),
        node('m1', 'site', { storage: 1 }),
        node('m2', 'appliance', { storage: 1 }),
        node('c', 'cloud', { provider: 'p' }),
      ],
      links: [link('a', 'm1', 5, [0, 1]), link('m1', 'm2', 5, [1, 2]), link('m2', 'c', 5, [3, 4])],
      datasets: [dataset('d', 'a', 10)],
    });
    expect(reach(s)).toEqual([['p']]);
  });

  test('a ready slot after the last open window makes the destination unreachable', () => {
    const s = scenario({
      slots: 4,
      nodes: [node('a', 'site'), node('c', 'cloud', { provider: 'p' })],
      links: [link('a', 'c', 5, [0, 2])],
      datasets: [dataset('early', 'a', 10, { ready: 1 }), dataset('late', 'a', 10, { ready: 2 })],
    });
    expect(reach(s)).toEqual([['p'], []]);
  });

  test('zero caps block: write 0, provider egress 0, provider ingress 0, appliance capacity 0', () => {
    const s = scenario({
      slots: 2,
      nodes: [
        node('a', 'site'),
        node('w0', 'cloud', { provider: 'p', write: 0 }),
        node('relay', 'cloud', { provider: 'q' }),
        node('beyond', 'cloud', { provider: 'r' }),
        node('full', 'appliance', { capacity: 0 }),
        node('ok', 'appliance'),
      ],
      links: [
        link('a', 'w0', 5),
        link('a', 'relay', 5),
        link('relay', 'beyond', 5),
        link('a', 'full', 5),
        link('a', 'ok', 5),
      ],
      providers: { q: { ingress: 0, egress: 0 } },
      datasets: [dataset('d', 'a', 10, { to: ['p', 'q', 'r', 'full', 'ok'] })],
    });
    // w0 cannot receive, relay cannot store (ingress 0) nor send out of q (egress 0), full has no room.
    expect(reach(s)).toEqual([['ok']]);
  });

  test('counts distinct failure domains: two regions of one provider are one domain', () => {
    const s = scenario({
      slots: 1,
      nodes: [
        node('a', 'site'),
        node('c1', 'cloud', { provider: 'p' }),
        node('c2', 'cloud', { provider: 'p' }),
      ],
      links: [link('a', 'c1', 5), link('a', 'c2', 5)],
      datasets: [dataset('d', 'a', 10)],
    });
    expect(reach(s)).toEqual([['p']]);
  });
});
