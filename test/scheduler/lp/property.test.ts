import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSync } from '../../../src/scheduler/planner.js';
import { scenarioOf } from '../helpers.js';
import { lpPlanAndVerify } from './helpers.js';

const RATES = ['500MB/h', '1GB/h', '2GB/h', '5GB/h'];
const SIZES = ['300MB', '1GB', '5GB', '12GB', '1500kB'];
const TIMES = ['00:00', '02:30', '06:00', '12:00', '22:00'];
const ZONES = ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York'];

interface Shape {
  sites: { storage: string; zone: string }[];
  clouds: string[];
  appliance: boolean;
  links: {
    from: number;
    to: number;
    rate: string;
    window: { from: string; to: string } | null;
    cost: boolean;
  }[];
  datasets: { at: number; size: string; ready: number; policy: number; due: number | null }[];
}

const shape: fc.Arbitrary<Shape> = fc.record({
  sites: fc.array(
    fc.record({ storage: fc.constantFrom('0B', '3GB', '20GB'), zone: fc.constantFrom(...ZONES) }),
    {
      minLength: 2,
      maxLength: 3,
    },
  ),
  clouds: fc.array(fc.constantFrom('aws', 'gcp'), { minLength: 1, maxLength: 3 }),
  appliance: fc.boolean(),
  links: fc.array(
    fc.record({
      from: fc.nat(6),
      to: fc.nat(6),
      rate: fc.constantFrom(...RATES),
      window: fc.option(fc.record({ from: fc.constantFrom(...TIMES), to: fc.constantFrom(...TIMES) }), {
        nil: null,
      }),
      cost: fc.boolean(),
    }),
    { minLength: 3, maxLength: 9 },
  ),
  datasets: fc.array(
    fc.record({
      at: fc.nat(2),
      size: fc.constantFrom(...SIZES),
      ready: fc.nat(6),
      policy: fc.nat(3),
      due: fc.option(fc.integer({ min: 4, max: 30 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** YAML of a random scenario; `onePolicy` drops `to`, `copies` and dues. */
function yamlOf(r: Shape, onePolicy: boolean): string {
  const ids = [
    ...r.sites.map((_, i) => `s${i}`),
    ...(r.appliance ? ['box'] : []),
    ...r.clouds.map((_, i) => `c${i}`),
  ];
  const nodes = [
    ...r.sites.map((s, i) => `  - { id: s${i}, kind: site, timezone: ${s.zone}, storage: ${s.storage} }`),
    ...(r.appliance
      ? ['  - { id: box, kind: appliance, timezone: UTC, provider: onprem, storage: 5GB, capacity: 30GB }']
      : []),
    ...r.clouds.map((p, i) => `  - { id: c${i}, kind: cloud, provider: ${p} }`),
  ];
  const links = r.links
    .map((l) => ({ ...l, from: l.from % ids.length, to: l.to % ids.length }))
    .filter((l) => l.from !== l.to)
    .map((l, i) => {
      const w = l.window
        ? `, windows: [ { from: "${l.window.from}", to: "${l.window.to}", timezone: UTC } ]`
        : '';
      return `  - { id: l${i}, from: ${ids[l.from]}, to: ${ids[l.to]}, capacity: ${l.rate}${l.cost ? ', cost: 0.02USD/GB' : ''}${w} }`;
    });
  // Every site gets an uplink to the first cloud so that most data can move.
  const first = ids[r.sites.length + (r.appliance ? 1 : 0)];
  for (let i = 0; i < r.sites.length; i++)
    links.push(`  - { id: up${i}, from: s${i}, to: ${first}, capacity: 1GB/h }`);
  const policies = [
    '',
    `, to: [${r.clouds[0]}]`,
    r.appliance ? `, to: [onprem, ${r.clouds[0]}], copies: 2` : `, to: [c0]`,
    r.appliance ? ', to: [box]' : '',
  ];
  const datasets = r.datasets.map((d, i) => {
    const at = `s${d.at % r.sites.length}`;
    const policy = onePolicy ? '' : policies[d.policy];
    const due =
      !onePolicy && d.due !== null
        ? `, due: 2026-12-05T${String(d.ready + 1 + (d.due % 17)).padStart(2, '0')}:00:00Z`
        : '';
    return `  - { id: d${i}, at: ${at}, size: ${d.size}, ready: 2026-12-05T0${d.ready}:00:00Z${policy}${due} }`;
  });
  return `wanplan: 1
name: random
horizon: { start: 2026-12-05T00:00:00Z, length: 1d, slot: 1h }
nodes:
${nodes.join('\n')}
links:
${links.join('\n')}
datasets:
${datasets.join('\n')}
`;
}

describe('LP planner properties', () => {
  it('on random one-policy scenarios the LP and the max-flow planner give the same makespan, and LP plans verify', async () => {
    await fc.assert(
      fc.asyncProperty(shape, async (r) => {
        const s = scenarioOf(yamlOf(r, true));
        const mf = planSync(s, { compareDirect: false });
        const { plan, violations } = await lpPlanAndVerify(s);
        expect(violations).toEqual([]);
        expect(plan.status).toBe(mf.status);
        if (mf.status === 'complete') {
          expect(plan.makespan?.slot).toBe(mf.makespan?.slot);
          expect(plan.lowerBound.slot).toBe(mf.lowerBound.slot);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('on random multi-policy scenarios (residency, copies, dues, costs) every LP plan verifies, for both objectives', async () => {
    await fc.assert(
      fc.asyncProperty(
        shape,
        fc.constantFrom('earliest-completion', 'min-cost') as fc.Arbitrary<
          'earliest-completion' | 'min-cost'
        >,
        async (r, objective) => {
          const s = scenarioOf(yamlOf(r, false));
          const { plan, violations } = await lpPlanAndVerify(s, { objective });
          expect(violations).toEqual([]);
          expect(plan.objective).toBe(objective);
          if (plan.status === 'complete' && objective === 'earliest-completion') {
            expect(plan.lowerBound.slot).not.toBeNull();
            expect(plan.lowerBound.slot as number).toBeLessThanOrEqual(plan.makespan?.slot as number);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
