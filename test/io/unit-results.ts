import { type Rational, rational } from '../../src/io/rational.js';
import type { UnitResult } from '../../src/io/units.js';

/** The parsed value; throws (failing the test) with the parser's message on a failure. */
export function value<T>(r: UnitResult<T>): T {
  if (!r.ok) throw new Error(`expected success, got: ${r.message}`);
  return r.value;
}

/** The message and hint of a failure; throws (failing the test) on a success. */
export function failure(r: UnitResult<unknown>): { message: string; hint?: string } {
  if (r.ok) throw new Error('expected a failure');
  return { message: r.message, hint: r.hint };
}

/** Shorthand for an exact rational in test tables. */
export const q = (n: bigint, d = 1n): Rational => rational(n, d);
