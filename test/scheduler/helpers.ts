/** Helpers of the scheduler tests: scenarios from YAML text, planning and verifying in one go. */

import type { Scenario } from '../../src/io/model.js';
import { parseScenario } from '../../src/io/scenario/index.js';
import type { Plan } from '../../src/plan/types.js';
import { type PlanOptions, planSync } from '../../src/scheduler/planner.js';
import { verifyPlan } from '../../src/verify/verify.js';

/** Parses a scenario written as YAML. */
export function scenarioOf(yaml: string): Scenario {
  return parseScenario(yaml, 'test.yaml');
}

/** Plans and returns the plan with the verifier's violations (as messages). */
export function planAndVerify(s: Scenario, options: PlanOptions = {}): { plan: Plan; violations: string[] } {
  const plan = planSync(s, options);
  const report = verifyPlan(s, JSON.parse(JSON.stringify(plan)));
  return { plan, violations: report.violations.map((v) => `${v.rule}: ${v.message}`) };
}

/** A scenario header: one day of one-hour slots from 2026-12-05 00:00 UTC. */
export const HEADER = `wanplan: 1
name: test
horizon: { start: 2026-12-05T00:00:00Z, length: 1d, slot: 1h }
`;
