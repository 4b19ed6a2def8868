/** Helpers of the LP planner tests: plan with the LP planner and verify independently. */
import type { Scenario } from '../../../src/io/model.js';
import type { Plan } from '../../../src/plan/types.js';
import { type LpPlanOptions, planLp } from '../../../src/scheduler/lp/planner.js';
import { verifyPlan } from '../../../src/verify/verify.js';

/** Plans with the LP planner and returns the plan with the verifier's violations (as messages). */
export async function lpPlanAndVerify(
  s: Scenario,
  options: LpPlanOptions = {},
): Promise<{ plan: Plan; violations: string[] }> {
  const plan = await planLp(s, options);
  const report = verifyPlan(s, JSON.parse(JSON.stringify(plan)));
  return { plan, violations: report.violations.map((v) => `${v.rule}: ${v.message}`) };
}

/** Bytes of the plan's deliveries per node. */
export function deliveredAt(plan: Plan): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of plan.deliveries) out[d.node] = (out[d.node] ?? 0) + d.bytes;
  return out;
}
