import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAndVerify, scenarioOf } from './helpers.js';
import { referenceOptimum } from './independent.js';
import { scenarioYaml } from './random-scenarios.js';

describe('plan on random one-policy scenarios', () => {
  it('plan(random scenario, quantum 1 B) verifies and its makespan equals an independent optimum', () => {
    fc.assert(
      fc.property(scenarioYaml, (yaml) => {
        const s = scenarioOf(yaml);
        const { plan, violations } = planAndVerify(s, { quantum: 1 });
        expect(violations).toEqual([]);
        expect(JSON.stringify(plan)).not.toMatch(/NaN|Infinity/);
        const ref = referenceOptimum(s);
        const delivered = plan.datasets.reduce(
          (x, d) => x + Object.values(d.delivered).reduce((a, b) => a + b, 0),
          0,
        );
        if (ref.slots !== null) {
          expect(plan.status).toBe('complete');
          expect(plan.makespan === null ? 0 : plan.makespan.slot + 1).toBe(ref.slots);
          expect(plan.lowerBound.slot).toBe(plan.makespan?.slot ?? null);
        } else {
          expect(plan.status).not.toBe('complete');
          expect(delivered).toBe(ref.maxBytes);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('plan(random scenario, default quantum) never crashes, verifies, and prints no NaN', () => {
    fc.assert(
      fc.property(scenarioYaml, (yaml) => {
        const s = scenarioOf(yaml);
        const { plan, violations } = planAndVerify(s);
        expect(violations).toEqual([]);
        expect(JSON.stringify(plan)).not.toMatch(/NaN|Infinity/);
        if (plan.status === 'complete' && plan.makespan !== null) {
          expect(plan.lowerBound.slot).toBe(plan.makespan.slot);
        }
      }),
      { numRuns: 150 },
    );
  });
});
