/** Small statistics helpers for the benchmarks. */
import type { TimeStats } from './result.js';

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 === 1 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** Rounds to 4 significant digits (for readable JSON). */
export function sig4(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}

/**
 * Median and spread (fastest, slowest) of repeated timings in milliseconds; samples are kept in
 * the order measured, rounded to 4 significant digits.
 * @throws RangeError for an empty list (a case that timed nothing has no statistics)
 */
export function timeStats(samplesMs: readonly number[]): TimeStats {
  if (samplesMs.length === 0) throw new RangeError('timeStats: no samples');
  return {
    reps: samplesMs.length,
    medianMs: sig4(median(samplesMs)),
    minMs: sig4(Math.min(...samplesMs)),
    maxMs: sig4(Math.max(...samplesMs)),
    samplesMs: samplesMs.map(sig4),
  };
}
