/**
 * The multi-commodity LP planner (docs/policies.md): commodity classes, the LP on the
 * time-expanded network, size reduction, search over the objectives, rounding, decoding,
 * explanations, cost breakdown and model export.
 */
export { type CommodityClass, commodityClasses } from './classes.js';
export { type ExportLpOptions, exportLpModel } from './export.js';
export { LpTooLargeError } from './model.js';
export { type LpPlanOptions, planLp } from './planner.js';
export { LpSolveError } from './search.js';
