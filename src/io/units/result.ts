/**
 * The outcome type shared by every unit parser. Parsers never throw on bad text: the scenario
 * reader attaches file, line, column and field path to a failure and collects all of them.
 */

/** Outcome of parsing one unit-bearing value: the reader attaches file/line/path to failures. */
export type UnitResult<T> = { ok: true; value: T } | { ok: false; message: string; hint?: string };

/** A failed {@link UnitResult}. */
export type UnitFailure = Extract<UnitResult<unknown>, { ok: false }>;

/** Success. */
export function ok<T>(value: T): UnitResult<T> {
  return { ok: true, value };
}

/** Failure with a message saying what was found and what is expected, and an optional hint. */
export function fail(message: string, hint?: string): UnitFailure {
  return hint === undefined ? { ok: false, message } : { ok: false, message, hint };
}
