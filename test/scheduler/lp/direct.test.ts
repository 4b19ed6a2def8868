/** LP plans compared with naive direct upload (`vsDirect`), and how LP bottlenecks read. */
import { describe, expect, it } from 'vitest';
import { buildCalendars } from '../../../src/constraints/calendars.js';
import { loadLp } from '../../../src/flow/lp.js';
import { solveDirectLp } from '../../../src/scheduler/lp/direct.js';
import { HEADER, scenarioOf } from '../helpers.js';
import { lpPlanAndVerify } from './helpers.js';

// Residency: `a` may only go to aws, `b` only to gcp. `a` gains from the relay through `hub`
// (1 + 3 GB/h instead of 1 GB/h); `b` has only its direct link.
const relayed = `${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: hub, kind: site, timezone: UTC }
  - { id: c1, kind: cloud, provider: aws }
  - { id: c2, kind: cloud, provider: gcp }
links:
  - { from: site, to: c1, capacity: 1GB/h }
  - { from: site, to: hub, capacity: 3GB/h }
  - { from: hub, to: c1, capacity: 3GB/h }
  - { from: site, to: c2, capacity: 1GB/h }
datasets:
  - { id: a, at: site, size: 8GB, to: [aws] }
  - { id: b, at: site, size: 2GB, to: [gcp] }
`;

describe('vsDirect for LP plans', () => {
  it('planLp(mixed policies) compares with direct upload under the same policies: 4× sooner', async () => {
    const { plan, violations } = await lpPlanAndVerify(scenarioOf(relayed));
    expect(violations).toEqual([]);
    expect(plan.makespan?.slot).toBe(1);
    // Direct: `a` over site->c1 alone takes 8 slots (0 … 7); `b` 2 slots.
    expect(plan.vsDirect).toMatchObject({
      status: 'complete',
      makespan: { slot: 7, end: '2026-12-05T08:00:00Z' },
      deliveredBytes: 10_000_000_000,
      speedup: 4,
    });
    expect(plan.vsDirect?.note).toContain('this plan finishes 4× sooner');
    expect(plan.stats?.directLpColumns).toBeGreaterThan(0);
  });

  it('planLp(direct upload that cannot reach a destination) reports what direct upload delivers', async () => {
    const s = scenarioOf(relayed.replace('  - { from: site, to: c1, capacity: 1GB/h }\n', ''));
    const { plan, violations } = await lpPlanAndVerify(s);
    expect(violations).toEqual([]);
    expect(plan.status).toBe('complete');
    expect(plan.vsDirect).toMatchObject({ status: 'infeasible', makespan: null, speedup: null });
    expect(plan.vsDirect?.deliveredBytes).toBe(2_000_000_000);
    expect(plan.vsDirect?.note).toBe(
      'direct upload does not finish within the horizon: 2 GB of 10 GB delivered ' +
        '(some datasets have no direct link to enough allowed destinations)',
    );
  });

  it('solveDirectLp above its column limit is skipped with the reason, not solved', async () => {
    const s = scenarioOf(relayed);
    const r = solveDirectLp(s, buildCalendars(s), await loadLp(), { quantum: 1_000_000, columnLimit: 3 });
    expect(r.kind).toBe('skipped');
    expect(r.kind === 'skipped' ? r.reason : '').toMatch(/^its LP would have \d+ columns, more than the 3/);
  });

  it('planLp(min-cost) has no vsDirect: the comparison is of makespans', async () => {
    const { plan } = await lpPlanAndVerify(scenarioOf(relayed), { objective: 'min-cost' });
    expect(plan.vsDirect).toBeUndefined();
  });
});

describe('LP bottlenecks', () => {
  it('planLp(copies: 2, a fast and a slow domain) lists capacities only; the full domain is a note', async () => {
    const { plan, violations } = await lpPlanAndVerify(
      scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: box, kind: appliance, timezone: UTC, provider: onprem }
  - { id: cloud, kind: cloud, provider: aws }
links:
  - { from: site, to: box, capacity: 10GB/h }
  - { from: site, to: cloud, capacity: 1GB/h }
datasets:
  - { id: vms, at: site, size: 4GB, to: [onprem, aws], copies: 2 }
`),
    );
    expect(violations).toEqual([]);
    expect(plan.status).toBe('complete');
    expect(plan.makespan?.slot).toBe(3);
    expect(plan.bottlenecks.map((b) => b.kind)).not.toContain('copies');
    expect(plan.bottlenecks[0]).toMatchObject({ kind: 'link', id: 'site->cloud', slots: [0, 1, 2] });
    expect(plan.bottlenecks[0].note).toBe('saturated in 3 slots (0–2), 3 GB');
    expect(plan.notes).toContain(
      'copies of vms: onprem could take its bytes faster but already holds a whole copy (one copy per ' +
        'failure domain), so the routes to its other domains set the pace',
    );
  });
});
