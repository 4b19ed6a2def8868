import { describe, expect, test } from 'vitest';
import { formatViolation } from '../../src/verify/report.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { clone, dataset, link, node, SLOT, START_ISO, scenario, slotStart } from './fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: corruption tests write arbitrary values into plans.
type Loose = any;

/** The largest wire a dataset may have, sent twice: the release (2^54 − 2) is beyond 2^53. */
const W = Number.MAX_SAFE_INTEGER;

function bigScenario() {
  return scenario({
    slots: 2,
    nodes: [
      node('s', 'site'),
      node('c1', 'cloud', { provider: 'p1' }),
      node('c2', 'cloud', { provider: 'p2' }),
    ],
    links: [link('s', 'c1', W), link('s', 'c2', W)],
    datasets: [dataset('big', 's', W, { copies: 2 })],
  });
}

function bigPlan(): Loose {
  return {
    wanplan: 1,
    scenario: 'fixture',
    status: 'complete',
    objective: 'earliest-completion',
    horizon: { start: START_ISO, slotSeconds: SLOT, slots: 2 },
    quantumBytes: 1,
    makespan: { slot: 0, end: slotStart(1) },
    lowerBound: { slot: 0, method: 'hand-made' },
    datasets: [
      {
        id: 'big',
        wireBytes: W,
        delivered: { c1: W, c2: W },
        completed: slotStart(1),
        due: null,
        met: null,
        lateSlots: null,
      },
    ],
    transfers: [
      { slot: 0, link: 's->c1', from: 's', to: 'c1', dataset: 'big', bytes: W },
      { slot: 0, link: 's->c2', from: 's', to: 'c2', dataset: 'big', bytes: W },
    ],
    deliveries: [
      { slot: 0, node: 'c1', dataset: 'big', bytes: W },
      { slot: 0, node: 'c2', dataset: 'big', bytes: W },
    ],
    storage: [],
    bottlenecks: [],
    notes: [],
  };
}

describe('verifyPlan is exact beyond 2^53 (copies × wire)', () => {
  test('two copies of a 2^53 − 1 byte dataset: valid', () => {
    expect(verifyPlan(bigScenario(), bigPlan()).violations.map(formatViolation)).toEqual([]);
  });

  test('one byte short of the second copy is seen: the dataset is not complete', () => {
    const p = clone(bigPlan());
    p.transfers[1].bytes = W - 1;
    p.deliveries[1].bytes = W - 1;
    p.datasets[0].delivered.c2 = W - 1;
    const rules = verifyPlan(bigScenario(), p).violations.map((v) => v.rule);
    // Claimed complete with a lower bound: wrong on all three counts, and nothing else.
    expect(rules).toEqual(['copies', 'status', 'lower-bound']);
  });

  test('one byte stored more than arrived, at 2^53 − 1: conservation, exactly', () => {
    const p = clone(bigPlan());
    p.transfers[0].bytes = W - 1;
    const v = verifyPlan(bigScenario(), p).violations;
    expect(v.map((x) => x.rule)).toEqual(['conservation']);
    expect(v[0].message).toContain('held would be -1');
  });

  test('a link load of two rows beyond 2^53 is compared exactly with its capacity', () => {
    const s = scenario({
      slots: 1,
      nodes: [node('s', 'site'), node('c', 'cloud', { provider: 'p' })],
      links: [link('s', 'c', W)],
      datasets: [dataset('x', 's', W), dataset('y', 's', 1)],
    });
    const p = {
      ...bigPlan(),
      horizon: { start: START_ISO, slotSeconds: SLOT, slots: 1 },
      datasets: [
        {
          id: 'x',
          wireBytes: W,
          delivered: { c: W },
          completed: slotStart(1),
          due: null,
          met: null,
          lateSlots: null,
        },
        {
          id: 'y',
          wireBytes: 1,
          delivered: { c: 1 },
          completed: slotStart(1),
          due: null,
          met: null,
          lateSlots: null,
        },
      ],
      transfers: [
        { slot: 0, link: 's->c', from: 's', to: 'c', dataset: 'x', bytes: W },
        { slot: 0, link: 's->c', from: 's', to: 'c', dataset: 'y', bytes: 1 },
      ],
      deliveries: [
        { slot: 0, node: 'c', dataset: 'x', bytes: W },
        { slot: 0, node: 'c', dataset: 'y', bytes: 1 },
      ],
    };
    const v = verifyPlan(s, p).violations;
    expect(v.map((x) => x.rule)).toEqual(['link-capacity']);
    expect(v[0].message).toBe(
      `link s->c carries ${BigInt(W) + 1n} bytes in slot 0 (2 rows), over its capacity ${W} in slot 0`,
    );
  });
});
