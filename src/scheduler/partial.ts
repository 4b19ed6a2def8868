/**
 * Partial plans: when the horizon cannot carry every byte, the plan delivers the most bytes it
 * allows, split among datasets by priority — earlier ready slot first, then id — each dataset
 * getting the most the network can carry given every dataset before it.
 *
 * Model: the amounts deliverable per dataset form a polymatroid (a max-flow with one source arc
 * per dataset); raising the datasets' source capacities one at a time in priority order and
 * keeping each one's marginal gain is its greedy vertex, so the total is still the maximum flow.
 * Invariants: each solve is warm (capacities only rise) until the final solve, which fixes every
 * source at its marginal amount from zero flow; the solver is left with the full demands so the
 * min cut (bottlenecks) is that of the real network. Complexity: one max-flow per dataset, plus
 * two. Reference: J. Edmonds, "Submodular functions, matroids, and certain polyhedra" (1970) —
 * the greedy algorithm on polymatroids.
 */
import type { MaxFlowSolver } from '../flow/maxflow.js';
import type { Scenario } from '../io/model.js';
import { setSwitches } from './search.js';
import type { TimeExpandedNetwork } from './ten-types.js';

/**
 * Greedy priority split of a partial plan; returns the final flow (per input arc).
 * @param solved - called once per max-flow solve (for the plan's statistics)
 */
export function mostDeliverable(
  scenario: Scenario,
  solver: MaxFlowSolver,
  ten: TimeExpandedNetwork,
  solved: () => void,
): Float64Array {
  // Start from zero flow so that closing the sources needs no flow repair.
  solver.restore(new Float64Array(ten.arcCount));
  setSwitches(solver, ten, 0, ten.slots, ten.slots);
  const order = scenario.datasets
    .map((d, k) => ({ k, r: d.readySlot, id: d.id }))
    .sort((a, b) => a.r - b.r || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const k of ten.sourceArc) solver.setCapacity(k, 0);
  const marginal = new Float64Array(scenario.datasets.length);
  let value = 0;
  for (const { k } of order) {
    if (ten.demand[k] === 0) continue;
    solver.setCapacity(ten.sourceArc[k], ten.demand[k]);
    const r = solver.solve();
    solved();
    if (r.status !== 'optimal') throw new Error(`scheduler: max-flow rejected the network: ${r.message}`);
    marginal[k] = r.value - value;
    value = r.value;
  }
  // Fix each source at its marginal amount and solve from zero flow (lowering capacities under a
  // flow would need the solver's flow repair, which is not needed here).
  solver.restore(new Float64Array(ten.arcCount));
  for (let k = 0; k < marginal.length; k++) solver.setCapacity(ten.sourceArc[k], marginal[k]);
  const r = solver.solve();
  solved();
  if (r.status !== 'optimal' || r.value !== value)
    throw new Error('scheduler: the priority split is not a maximum flow');
  const flow = r.flow;
  // Restore the full demands so that the min cut (bottlenecks) is that of the real network.
  for (let k = 0; k < marginal.length; k++) solver.setCapacity(ten.sourceArc[k], ten.demand[k]);
  solver.solve();
  solved();
  return flow;
}
