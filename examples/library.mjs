// Using wanplan as a library: load a scenario, plan it, verify the plan independently.
// Run from the repository root: node examples/library.mjs
import { formatBytes, loadScenario, plan, verifyPlan } from 'wanplan';

const scenario = await loadScenario('examples/single-policy.yaml');
const result = await plan(scenario); // earliest completion; quantum 1 MB
const check = verifyPlan(scenario, result); // re-checks every rule from the scenario alone

console.log(`${result.status}, last byte stored ${result.makespan?.end}`);
for (const d of result.datasets) console.log(`  ${d.id}: ${formatBytes(d.wireBytes)} done ${d.completed}`);
console.log(`direct upload: ${result.vsDirect?.note}`);
console.log(`verified: ${check.ok} (${check.violations.length} violations)`);
