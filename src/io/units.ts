/**
 * Units of the scenario format (SCENARIO.md "Units"): parsers from text to exact values and
 * formatters back to text. The implementation is split by family under `./units/`; this module is
 * the contract other modules import.
 */
export { formatInstant } from './units/civil.js';
export {
  formatBytes,
  formatCost,
  formatDuration,
  formatDurationExact,
  formatRate,
  formatRateExact,
  formatShare,
  formatSizeExact,
} from './units/format.js';
export { parseRate, RATE_TIME_UNITS } from './units/rate.js';
export type { UnitResult } from './units/result.js';
export { COST_UNITS, parseCost, parseRatio, parseShare } from './units/scalar.js';
export { parseSize, SIZE_UNITS } from './units/size.js';
export { DURATION_UNITS, parseDuration, parseInstant, parseLatency, parseTimeOfDay } from './units/time.js';
