/**
 * Max-flow entry points: the cold one-shot {@link maxFlow} and the re-exports of the solver, its
 * types, the min cut and the checker (see `max-flow-solver.ts` for the algorithm and the
 * modules it names for its phases).
 */
import { MaxFlowSolver } from './max-flow-solver.js';
import type { MaxFlowOptions, MaxFlowResult } from './maxflow-types.js';
import type { FlowNetwork } from './network.js';

export { checkMaxFlow } from './check.js';
export { MaxFlowSolver } from './max-flow-solver.js';
export type {
  MaxFlowCounters,
  MaxFlowOptions,
  MaxFlowResult,
  MaxFlowValueResult,
  MinCut,
} from './maxflow-types.js';
export { residualMinCut } from './min-cut.js';

/**
 * Computes a maximum s–t flow of `net` from zero flow (a fresh {@link MaxFlowSolver}).
 * @returns `optimal` with value, per-arc flows and counters, or `bad-input` with a message
 */
export function maxFlow(net: FlowNetwork, s: number, t: number, options?: MaxFlowOptions): MaxFlowResult {
  return new MaxFlowSolver(net, s, t, options).solve();
}
