/**
 * Replicated twins (same origin, ready slot, destinations, due and copies) share one commodity
 * class (lp/classes.ts has the proof); decoding splits each failure domain's flow among them so
 * that no twin stores more than its wire bytes in a domain. Checked against the verifier and the
 * independent reference LP (test/reference), which keeps one commodity per dataset.
 */
import { describe, expect, it } from 'vitest';
import { buildCalendars } from '../../../src/constraints/calendars.js';
import { commodityClasses } from '../../../src/scheduler/lp/classes.js';
import { referenceOptimum } from '../../reference/lp-reference.js';
import { HEADER, scenarioOf } from '../helpers.js';
import { lpPlanAndVerify } from './helpers.js';

// Three twins at site a (sizes 3, 2 and 1.5 GB, copies 2 over an appliance and a cloud) and one
// replicated dataset at b with the same policy; the appliance's uplink is narrow, so the
// domains fill at different speeds and the split per domain is not trivial.
const s = scenarioOf(`${HEADER}
nodes:
  - { id: a, kind: site, timezone: UTC }
  - { id: b, kind: site, timezone: UTC }
  - { id: box, kind: appliance, timezone: UTC, provider: onprem }
  - { id: c1, kind: cloud, provider: aws }
links:
  - { from: a, to: box, capacity: 1GB/h }
  - { from: a, to: c1, capacity: 2GB/h }
  - { from: b, to: c1, capacity: 1GB/h }
  - { from: b, to: box, capacity: 500MB/h }
datasets:
  - { id: t1, at: a, size: 3GB, to: [onprem, aws], copies: 2 }
  - { id: t2, at: a, size: 2GB, to: [onprem, aws], copies: 2 }
  - { id: t3, at: a, size: 1500MB, to: [onprem, aws], copies: 2 }
  - { id: u1, at: b, size: 1GB, to: [onprem, aws], copies: 2 }
`);

describe('replicated twins in one class', () => {
  it('commodityClasses merges the twins at a, not the dataset at b', () => {
    expect(commodityClasses(s, 1_000_000).map((c) => c.datasets)).toEqual([[0, 1, 2], [3]]);
  });

  it('planLp(twins) verifies, stores one whole copy of each twin per domain, and is as early as the per-dataset reference', async () => {
    const { plan, violations } = await lpPlanAndVerify(s);
    expect(violations).toEqual([]);
    expect(plan.status).toBe('complete');
    for (const d of plan.datasets) {
      expect(Object.values(d.delivered)).toEqual([d.wireBytes, d.wireBytes]);
    }
    const ref = await referenceOptimum(s, buildCalendars(s), 1_000_000);
    expect(ref.status).toBe('complete');
    expect(plan.makespan?.slot).toBe(ref.makespanSlot);
    expect(plan.stats?.commodityClasses).toBe(2);
  });
});
