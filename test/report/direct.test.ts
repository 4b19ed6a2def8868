import { describe, expect, it } from 'vitest';
import { buildCalendars } from '../../src/constraints/calendars.js';
import { parseScenario } from '../../src/io/scenario/index.js';
import { directCurve } from '../../src/report/direct.js';
import { smallYaml } from './fixtures.js';

const GB = 1e9;

describe('directCurve', () => {
  it('directCurve(small) uses only the direct link: 0.1 GB per slot until 2 GB, done in slot 19', () => {
    const s = parseScenario(smallYaml(), 'small.yaml');
    const d = directCurve(s, buildCalendars(s));
    expect(d.completeSlot).toBe(19);
    expect(d.total).toBe(2 * GB);
    for (let t = 0; t < 24; t++)
      expect(d.cumulative[t]).toBeCloseTo(Math.min(2 * GB, 0.1 * GB * (t + 1)), -1);
  });

  it('directCurve respects the provider ingress cap', () => {
    const s = parseScenario(smallYaml().replace('ingress: 10GB/h', 'ingress: 0.05GB/h'), 'capped.yaml');
    const d = directCurve(s, buildCalendars(s));
    expect(d.cumulative[0]).toBe(0.05 * GB);
    expect(d.completeSlot).toBeNull();
    expect(d.total).toBe(1.2 * GB); // 24 slots × 50 MB
  });

  it('directCurve puts copies in distinct failure domains (at most wire bytes per domain)', () => {
    const yaml = `wanplan: 1
horizon: { start: 2026-12-05T00:00:00Z, length: 4h, slot: 1h }
nodes:
  - { id: site, kind: site, timezone: Europe/Berlin }
  - { id: a1, kind: cloud, provider: a }
  - { id: a2, kind: cloud, provider: a }
  - { id: b1, kind: cloud, provider: b }
links:
  - { from: site, to: a1, capacity: 10GB/h }
  - { from: site, to: a2, capacity: 10GB/h }
  - { from: site, to: b1, capacity: 1GB/h }
datasets:
  - { id: d, at: site, size: 2GB, copies: 2 }
`;
    const s = parseScenario(yaml, 'copies.yaml');
    const d = directCurve(s, buildCalendars(s));
    // Domain a takes its 2 GB at once; domain b gets 1 GB per slot.
    expect(Array.from(d.cumulative)).toEqual([3 * GB, 4 * GB, 4 * GB, 4 * GB]);
    expect(d.completeSlot).toBe(1);
  });
});
