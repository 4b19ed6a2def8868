/**
 * `wanplan/lp` — the multi-commodity LP planner (docs/policies.md) called directly: residency,
 * dues, copies in distinct failure domains, appliance capacities and cost, on HiGHS. `plan()` at
 * the root dispatches to it when needed; {@link planLp} runs it always, {@link exportLpModel}
 * writes its LP as MPS or LP text for other solvers, {@link commodityClasses} shows how datasets
 * are grouped into commodities.
 *
 * @example
 * ```js
 * import { exportLpModel } from 'wanplan/lp';
 * const mps = await exportLpModel(scenario, { format: 'mps' }); // Uint8Array, or null
 * ```
 * @packageDocumentation
 */

/** Datasets grouped into LP commodity classes (same destinations and due; replicated ones alone). */
export { type CommodityClass, commodityClasses } from '../scheduler/lp/classes.js';
/** The planner's first LP as MPS or LP text. */
export { type ExportLpOptions, exportLpModel } from '../scheduler/lp/export.js';
/** Thrown when the LP does not fit the WebAssembly solver's memory; the message says what to change. */
export { LpTooLargeError } from '../scheduler/lp/model.js';
/** The LP planner itself. */
export { type LpPlanOptions, planLp } from '../scheduler/lp/planner.js';
/** Thrown when an LP solve ends without an answer (time limit, HiGHS error, heap exhausted). */
export { LpSolveError } from '../scheduler/lp/search.js';
