import { describe, expect, it } from 'vitest';
import { planSync } from '../../src/scheduler/planner.js';
import { PlannerLimitError } from '../../src/scheduler/policy.js';
import { HEADER, planAndVerify, scenarioOf } from './helpers.js';

const GB = 1_000_000_000;

// Tokyo 09:00–11:00 is 00:00–02:00 UTC (slots 0–1); New York 05:00–07:00 is 10:00–12:00 UTC
// (slots 10–11): the windows never overlap, so the data must wait at the relay.
const twoZones = (relayKind: string, storage: string) => `${HEADER}
nodes:
  - { id: tokyo, kind: site, timezone: Asia/Tokyo }
  - { id: relay, kind: ${relayKind}, timezone: America/New_York${storage ? `, storage: ${storage}` : ''} }
  - { id: cloud, kind: cloud, provider: aws }
links:
  - { from: tokyo, to: relay, capacity: 1GB/h, windows: [ { from: "09:00", to: "11:00" } ] }
  - { from: relay, to: cloud, capacity: 1GB/h, windows: [ { from: "05:00", to: "07:00" } ] }
datasets:
  - { id: vms, at: tokyo, size: 2GB }
`;

describe('plan on hand-made scenarios', () => {
  it('plan(store-and-forward across two zones) stages at the relay and ends in slot 11', () => {
    const { plan, violations } = planAndVerify(scenarioOf(twoZones('site', '10GB')));
    expect(violations).toEqual([]);
    expect(plan.status).toBe('complete');
    expect(plan.makespan).toEqual({ slot: 11, end: '2026-12-05T12:00:00Z' });
    expect(plan.lowerBound).toEqual({ slot: 11, method: 'time-expanded max-flow' });
    expect(plan.storage[0]).toEqual({ slot: 0, node: 'relay', bytes: GB });
    expect(plan.storage.find((r) => r.slot === 9)).toEqual({ slot: 9, node: 'relay', bytes: 2 * GB });
    expect(plan.storage.some((r) => r.slot >= 11)).toBe(false);
    expect(plan.datasets[0]).toMatchObject({
      id: 'vms',
      delivered: { cloud: 2 * GB },
      completed: '2026-12-05T12:00:00Z',
    });
    expect(plan.deliveries.map((d) => [d.slot, d.bytes])).toEqual([
      [10, GB],
      [11, GB],
    ]);
  });

  it('plan(an exchange between non-overlapping windows) is infeasible: exchanges hold nothing', () => {
    const { plan, violations } = planAndVerify(scenarioOf(twoZones('exchange', '')));
    expect(violations).toEqual([]);
    expect(plan.status).toBe('infeasible');
    expect(plan.makespan).toBeNull();
    expect(plan.storage).toEqual([]);
    expect(plan.notes.some((n) => n.includes('dataset vms at tokyo') && n.includes('cannot reach'))).toBe(
      true,
    );
    expect(plan.bottlenecks.map((b) => b.id)).toContain('relay->cloud');
  });

  it('plan(a provider ingress cap over two regions) is limited by the provider cap', () => {
    const { plan, violations } = planAndVerify(
      scenarioOf(`${HEADER}
providers: { aws: { ingress: 5GB/h } }
nodes:
  - { id: site, kind: site, timezone: Europe/Berlin }
  - { id: aws-1, kind: cloud, provider: aws }
  - { id: aws-2, kind: cloud, provider: aws }
links:
  - { from: site, to: aws-1, capacity: 4GB/h }
  - { from: site, to: aws-2, capacity: 4GB/h }
datasets:
  - { id: d, at: site, size: 50GB }
`),
    );
    expect(violations).toEqual([]);
    expect(plan.status).toBe('complete');
    expect(plan.makespan?.slot).toBe(9);
    expect(plan.bottlenecks[0]).toMatchObject({ kind: 'provider-ingress', id: 'aws' });
    for (let t = 0; t <= 9; t++) {
      const stored = plan.deliveries.filter((d) => d.slot === t).reduce((s, d) => s + d.bytes, 0);
      expect(stored).toBe(5 * GB);
    }
    expect(plan.notes.some((n) => n.startsWith('what if: with provider-ingress aws'))).toBe(true);
  });

  it('plan(more data than the horizon carries) is partial and split by ready slot, then id', () => {
    const { plan, violations } = planAndVerify(
      scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: cloud, kind: cloud, provider: gcp }
links:
  - { from: site, to: cloud, capacity: 1GB/h }
datasets:
  - { id: b-late, at: site, size: 10GB, ready: 2026-12-05T04:00:00Z }
  - { id: a, at: site, size: 20GB }
`),
    );
    expect(violations).toEqual([]);
    expect(plan.status).toBe('partial');
    expect(plan.lowerBound.slot).toBeNull();
    const a = plan.datasets.find((d) => d.id === 'a');
    const b = plan.datasets.find((d) => d.id === 'b-late');
    expect(a?.delivered).toEqual({ cloud: 20 * GB });
    expect(a?.completed).not.toBeNull();
    expect(b?.delivered).toEqual({ cloud: 4 * GB });
    expect(b?.completed).toBeNull();
    expect(plan.makespan?.slot).toBe(23);
  });

  it('plan(a destination with no route) is infeasible and says why', () => {
    const { plan, violations } = planAndVerify(
      scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: other, kind: site, timezone: UTC }
  - { id: cloud, kind: cloud, provider: gcp }
links:
  - { from: other, to: cloud, capacity: 1GB/h }
  - { from: cloud, to: site, capacity: 1GB/h }
datasets:
  - { id: island, at: site, size: 1GB }
  - { id: fine, at: other, size: 1GB }
`),
    );
    expect(violations).toEqual([]);
    expect(plan.status).toBe('infeasible');
    expect(plan.notes.some((n) => n.includes('island') && n.includes('no link leads'))).toBe(true);
    expect(plan.datasets.find((d) => d.id === 'fine')?.completed).toBe('2026-12-05T01:00:00Z');
  });

  it('plan(relaying beats direct upload) reports the gain over direct upload', () => {
    const { plan, violations } = planAndVerify(
      scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: hub, kind: site, timezone: UTC }
  - { id: cloud, kind: cloud, provider: gcp }
links:
  - { from: site, to: cloud, capacity: 1GB/h }
  - { from: site, to: hub, capacity: 3GB/h }
  - { from: hub, to: cloud, capacity: 3GB/h }
datasets:
  - { id: d, at: site, size: 16GB }
`),
    );
    expect(violations).toEqual([]);
    expect(plan.makespan?.slot).toBe(3);
    expect(plan.vsDirect).toMatchObject({ status: 'complete', makespan: { slot: 15 }, speedup: 4 });
  });

  it('plan(the same scenario twice) gives byte-identical documents', () => {
    const s = scenarioOf(twoZones('site', '1.5GB'));
    expect(JSON.stringify(planSync(s))).toBe(JSON.stringify(planSync(s)));
  });

  it('plan(copies: 2 or different destinations) throws PlannerLimitError with the reasons', () => {
    const s = scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: c1, kind: cloud, provider: aws }
  - { id: c2, kind: cloud, provider: gcp }
links:
  - { from: site, to: c1, capacity: 1GB/h }
  - { from: site, to: c2, capacity: 1GB/h }
datasets:
  - { id: two, at: site, size: 1GB, copies: 2 }
  - { id: eu, at: site, size: 1GB, to: [gcp] }
`);
    expect(() => planSync(s)).toThrow(PlannerLimitError);
    try {
      planSync(s);
    } catch (e) {
      expect((e as PlannerLimitError).reasons.join(' ')).toMatch(/different allowed destinations.*|copies/);
    }
  });
});
