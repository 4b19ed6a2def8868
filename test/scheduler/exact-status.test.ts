/**
 * Status on exact capacities (PLAN.md "status"): `infeasible` only when no byte can reach enough
 * failure domains at all — judged on exact capacities, not on capacities floored to quanta.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planLp } from '../../src/scheduler/lp/planner.js';
import { planSync } from '../../src/scheduler/planner.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { HEADER, planAndVerify, scenarioOf } from './helpers.js';
import { lpPlanAndVerify } from './lp/helpers.js';
import { scenarioYaml } from './random-scenarios.js';

// 1 kbps in a one-hour slot is 450 kB: less than one quantum of 1 MB.
const trickle = (extra: string) => `${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: relay, kind: site, timezone: UTC, storage: 500kB }
  - { id: cloud, kind: cloud, provider: aws }
  - { id: other, kind: cloud, provider: gcp }
links:
  - { from: site, to: relay, capacity: 1kbps, windows: [ { from: "00:00", to: "01:00" } ] }
  - { from: relay, to: cloud, capacity: 1kbps, windows: [ { from: "12:00", to: "13:00" } ] }
  - { from: site, to: other, capacity: 1GB/h }
datasets:
${extra}`;

describe('status on exact capacities', () => {
  it('planSync(a route below one quantum per slot) is partial, not infeasible, and verifies', () => {
    const s = scenarioOf(trickle('  - { id: d, at: site, size: 5GB, to: [aws] }\n'));
    const { plan, violations } = planAndVerify(s);
    expect(violations).toEqual([]);
    expect(plan.status).toBe('partial');
    expect(plan.notes.some((n) => n.includes('cannot reach'))).toBe(false);
    // With byte-exact quanta the same route carries bytes: the relay's 500 kB of staging bridges
    // the window.
    const exact = planSync(s, { quantum: 1 });
    expect(exact.status).toBe('partial');
    expect(exact.datasets[0].delivered.cloud).toBeGreaterThan(0);
    expect(verifyPlan(s, JSON.parse(JSON.stringify(exact))).ok).toBe(true);
  });

  it('planLp(copies: 2 where one domain is only reachable below one quantum) is partial and verifies', async () => {
    const s = scenarioOf(trickle('  - { id: d, at: site, size: 1GB, to: [aws, gcp], copies: 2 }\n'));
    const { plan, violations } = await lpPlanAndVerify(s);
    expect(violations).toEqual([]);
    expect(plan.status).toBe('partial');
    expect(plan.datasets[0].delivered.other).toBe(1_000_000_000);
  });

  it('an exactly closed route stays infeasible for both planners', async () => {
    const closed = trickle('  - { id: d, at: site, size: 1GB, to: [aws] }\n').replace(
      'storage: 500kB',
      'storage: 0B',
    );
    const { plan, violations } = planAndVerify(scenarioOf(closed));
    expect(violations).toEqual([]);
    expect(plan.status).toBe('infeasible');
    const lp = await lpPlanAndVerify(scenarioOf(closed));
    expect(lp.violations).toEqual([]);
    expect(lp.plan.status).toBe('infeasible');
  });

  it('an appliance with capacity 0B is not a usable failure domain (LP and max-flow)', async () => {
    const yaml = (copies: number) => `${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: box, kind: appliance, timezone: UTC, provider: onprem, capacity: 0B }
  - { id: cloud, kind: cloud, provider: aws }
links:
  - { from: site, to: box, capacity: 1GB/h }
  - { from: site, to: cloud, capacity: 1GB/h }
datasets:
  - { id: d, at: site, size: 1GB, to: [onprem, aws], copies: ${copies} }
`;
    const lp = await lpPlanAndVerify(scenarioOf(yaml(2)));
    expect(lp.violations).toEqual([]);
    expect(lp.plan.status).toBe('infeasible');
    expect(lp.plan.notes.some((n) => n.includes('can reach 1 of the 2 distinct'))).toBe(true);
    const only = yaml(1).replace('to: [onprem, aws]', 'to: [onprem]');
    const mf = planAndVerify(scenarioOf(only));
    expect(mf.violations).toEqual([]);
    expect(mf.plan.status).toBe('infeasible');
    const viaLp = await planLp(scenarioOf(only));
    expect(viaLp.status).toBe('infeasible');
  });

  // A quantum of 3 GB floors most capacities of the random scenarios (0.5–5 GB/h, half-hour or
  // hour slots) to 0 or 1 quantum: status must still follow the exact capacities.
  it('planSync(random scenario, coarse quantum) has the status the verifier computes', () => {
    fc.assert(
      fc.property(scenarioYaml, (yaml) => {
        const { violations } = planAndVerify(scenarioOf(yaml), { quantum: 3_000_000_000 });
        expect(violations).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('planLp(random scenario, coarse quantum) has the status the verifier computes', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioYaml, async (yaml) => {
        const { violations } = await lpPlanAndVerify(scenarioOf(yaml), { quantum: 3_000_000_000 });
        expect(violations).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
