/** Helpers of the heuristic engine tests: plan with the heuristic engine and verify independently. */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../../../src/io/model.js';
import { parseScenario } from '../../../src/io/scenario/index.js';
import type { Plan } from '../../../src/plan/types.js';
import { heuristicEngine } from '../../../src/scheduler/heuristic/engine.js';
import { type PlanOptions, planWithEngine } from '../../../src/scheduler/planner.js';
import { verifyPlan } from '../../../src/verify/verify.js';

/** Plans with the heuristic engine and returns the plan with the verifier's violations (as messages). */
export async function heuristicPlanAndVerify(
  s: Scenario,
  options: PlanOptions = {},
): Promise<{ plan: Plan; violations: string[] }> {
  const plan = await planWithEngine(heuristicEngine, s, options);
  const report = verifyPlan(s, JSON.parse(JSON.stringify(plan)));
  return { plan, violations: report.violations.map((v) => `${v.rule}: ${v.message}`) };
}

/** A scenario file of the repository, parsed. */
export function scenarioFile(path: string): Scenario {
  return parseScenario(readFileSync(path, 'utf8'), path);
}
