/**
 * Error types shared by the library. Bad input is an exception carrying structured diagnostics;
 * "no result" outcomes (infeasible, no path) are results, not exceptions.
 *
 * The CLI maps these classes to exit codes: {@link InputError} → 1, {@link UsageError} → 2;
 * anything else is a bug and is reported as such (still without a stack trace unless
 * `WANPLAN_DEBUG` is set).
 */

/** One problem found in an input file, positioned for a human. */
export interface Diagnostic {
  /** File name as given by the user, or `<input>` for in-memory text. */
  readonly file: string;
  /** 1-based line, or null when the problem has no single position (a whole-file problem). */
  readonly line: number | null;
  /** 1-based column, or null. */
  readonly column: number | null;
  /** Field path such as `links[3].windows[0].from`, or `''` for the document itself. */
  readonly path: string;
  /** What is wrong, in one sentence, naming what was found and what is expected. */
  readonly message: string;
  /** Optional hint (`did you mean 10Gbps?`). */
  readonly hint?: string;
  /** `error` makes the input invalid; `warning` does not. */
  readonly severity: 'error' | 'warning';
}

/** Formats a diagnostic as `file:line:col: path: message (hint)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === null ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const path = d.path === '' ? '' : ` ${d.path}:`;
  const hint = d.hint ? ` — ${d.hint}` : '';
  const level = d.severity === 'warning' ? ' warning:' : '';
  return `${where}:${level}${path} ${d.message}${hint}`;
}

/** Base class of every error wanplan throws on purpose. */
export class WanplanError extends Error {
  override name = 'WanplanError';
}

/** Invalid input (a scenario, plan, DIMACS or import file): carries every diagnostic found. */
export class InputError extends WanplanError {
  override name = 'InputError';
  /** All problems found, errors first, in file order. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many errors were found in all (the list may be capped for readability). */
  readonly total: number;

  constructor(diagnostics: readonly Diagnostic[], total = diagnostics.length) {
    const first = diagnostics[0];
    super(
      first ? `${formatDiagnostic(first)}${total > 1 ? ` (and ${total - 1} more)` : ''}` : 'invalid input',
    );
    this.diagnostics = diagnostics;
    this.total = total;
  }
}

/** Misuse of an API or CLI (bad option values, missing arguments). */
export class UsageError extends WanplanError {
  override name = 'UsageError';
}
