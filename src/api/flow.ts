/**
 * `wanplan/flow` — the max-flow engine on its own, without the scheduling domain: a flow network
 * in CSR typed arrays, a warm-restartable push-relabel solver (capacity changes, snapshots, the
 * minimum cut of the last solve), an independent result checker, and DIMACS max-flow files.
 *
 * @example
 * ```js
 * import { buildFlowNetwork, maxFlow } from 'wanplan/flow';
 * const net = buildFlowNetwork(3, [0, 1], [1, 2], [5, 3]);
 * maxFlow(net, 0, 2).value; // 3
 * ```
 * @packageDocumentation
 */

/**
 * Max-flow: {@link maxFlow} solves once; {@link MaxFlowSolver} keeps its state for warm re-solves
 * after capacity changes and gives the minimum cut (`minCut()`); {@link checkMaxFlow} re-checks a
 * result (capacities, conservation, no augmenting path left).
 */
export {
  checkMaxFlow,
  type MaxFlowCounters,
  type MaxFlowOptions,
  type MaxFlowResult,
  MaxFlowSolver,
  type MaxFlowValueResult,
  type MinCut,
  maxFlow,
} from '../flow/maxflow.js';
/**
 * The flow network: {@link buildFlowNetwork} builds it from an arc list; {@link tailOf} and
 * {@link headOf} read a residual arc's ends; capacities must be integers below
 * {@link CAPACITY_LIMIT} (2^53).
 */
export { buildFlowNetwork, CAPACITY_LIMIT, type FlowNetwork, headOf, tailOf } from '../flow/network.js';
/** DIMACS max-flow instances (`p max`) and flow solutions: readers and writers. */
export {
  type DimacsFlowSolution,
  type DimacsMaxFlow,
  formatDimacsFlowSolution,
  formatDimacsMaxFlow,
  parseDimacsFlowSolution,
  parseDimacsMaxFlow,
  readDimacsMaxFlowFile,
} from '../io/dimacs.js';
