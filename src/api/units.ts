/**
 * `wanplan/units` — the units of the scenario format (SCENARIO.md "Units"): parsers from text to
 * exact values (sizes and rates in bigint bytes or rationals, durations, instants, times of day,
 * shares, ratios, costs, latencies), formatters back to text, and the exact {@link Rational}
 * arithmetic they use (`rational`). Parsers return a {@link UnitResult} instead of throwing.
 *
 * @example
 * ```js
 * import { formatBytes, parseSize } from 'wanplan/units';
 * const r = parseSize('1.5TB'); // { ok: true, value: 1500000000000n }
 * formatBytes(1.5e12); // '1.5 TB'
 * ```
 * @packageDocumentation
 */

/** An exact rational number (bigint numerator and denominator, reduced). */
export type { Rational } from '../io/rational.js';
/** Exact rational arithmetic: `rational.rational(1n, 3n)`, `add`, `mul`, `compare`, `format`, … */
export * as rational from '../io/rational.js';
/** Parsers (text → exact value, as a {@link UnitResult}) and formatters (value → text). */
export {
  formatBytes,
  formatCost,
  formatDuration,
  formatDurationExact,
  formatInstant,
  formatRate,
  formatRateExact,
  formatShare,
  formatSizeExact,
  parseCost,
  parseDuration,
  parseInstant,
  parseLatency,
  parseRate,
  parseRatio,
  parseShare,
  parseSize,
  parseTimeOfDay,
  type UnitResult,
} from '../io/units.js';
