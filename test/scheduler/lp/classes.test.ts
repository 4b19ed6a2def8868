import { describe, expect, it } from 'vitest';
import { commodityClasses, lastMeetingSlot } from '../../../src/scheduler/lp/classes.js';
import { HEADER, scenarioOf } from '../helpers.js';

const s = scenarioOf(`${HEADER}
nodes:
  - { id: a, kind: site, timezone: UTC }
  - { id: b, kind: site, timezone: UTC }
  - { id: box, kind: appliance, timezone: UTC, provider: onprem }
  - { id: c1, kind: cloud, provider: aws }
  - { id: c2, kind: cloud, provider: gcp }
links:
  - { from: a, to: c1, capacity: 1GB/h }
datasets:
  - { id: d1, at: a, size: 1GB }
  - { id: d2, at: b, size: 2500kB }
  - { id: d3, at: a, size: 1GB, to: [aws] }
  - { id: d4, at: a, size: 1GB, due: 2026-12-05T10:00:00Z }
  - { id: d5, at: a, size: 3GB, to: [onprem, aws], copies: 2 }
  - { id: d6, at: b, size: 3GB, to: [onprem, aws], copies: 2 }
  - { id: d7, at: b, size: 0B }
  - { id: d8, at: a, size: 2GB, to: [onprem, aws], copies: 2 }
`);

describe('commodityClasses', () => {
  it('commodityClasses(scenario, q) groups copies-1 datasets by destinations and due, replicated twins by origin and ready slot too', () => {
    const classes = commodityClasses(s, 1_000_000);
    // d5 and d8: same origin a, ready, destinations and copies — twins, one class; d6 (origin b) not.
    expect(classes.map((c) => c.datasets)).toEqual([[0, 1], [2], [3], [4, 7], [5]]);
    expect(classes[0].demand).toEqual([1000, 3]);
    expect(classes[0].totalDemand).toBe(1003);
    expect(classes[3]).toMatchObject({
      copies: 2,
      demand: [6000, 4000],
      perDomain: 5000,
      destinations: [2, 3],
    });
    expect(classes[4]).toMatchObject({ copies: 2, demand: [6000], perDomain: 3000 });
    expect(classes[2].due).toBe(Date.UTC(2026, 11, 5, 10) / 1000);
  });

  it('lastMeetingSlot(due) is the last slot that ends at or before the due', () => {
    const start = Date.UTC(2026, 11, 5) / 1000;
    expect(lastMeetingSlot(null, start, 3600, 24)).toBe(23);
    expect(lastMeetingSlot(start + 3 * 3600, start, 3600, 24)).toBe(2);
    expect(lastMeetingSlot(start + 3 * 3600 + 59, start, 3600, 24)).toBe(2);
    expect(lastMeetingSlot(start + 100 * 3600, start, 3600, 24)).toBe(23);
    expect(lastMeetingSlot(start + 1800, start, 3600, 24)).toBe(-1);
  });
});
