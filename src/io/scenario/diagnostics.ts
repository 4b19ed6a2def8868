/**
 * Collects the diagnostics of one file: positions come from the {@link SourceMap}, order is
 * errors then warnings, each in file order, and the list handed to {@link InputError} is capped.
 */
import { type Diagnostic, InputError } from '../../errors.js';
import type { Position } from './lineIndex.js';
import { formatPath, type Path } from './path.js';
import type { SourceMap } from './source.js';

/** Most diagnostics an {@link InputError} carries; `total` still counts every error. */
export const MAX_DIAGNOSTICS = 50;

/** Options of one reported problem. */
export interface ReportOptions {
  /** A hint such as `did you mean 10Gbps?`. */
  readonly hint?: string;
  /** Point at the field's key instead of its value (unknown or duplicate fields). */
  readonly at?: 'key' | 'value';
  /** An explicit position, for problems found before a source map exists. */
  readonly position?: Position | null;
}

/** Gathers diagnostics for one file. */
export class DiagnosticSink {
  private readonly items: { d: Diagnostic; seq: number }[] = [];
  /** Set once the file has been read; diagnostics reported before it have no position. */
  map: SourceMap | null = null;

  constructor(readonly file: string) {}

  /** Field paths whose later errors are dropped (see {@link DiagnosticSink.settle}). */
  private readonly settled = new Set<string>();

  /** Reports a problem that makes the file invalid (dropped at a {@link settle}d path). */
  error(path: Path, message: string, options: ReportOptions = {}): void {
    if (this.settled.size > 0 && this.settled.has(formatPath(path))) return;
    this.push('error', path, message, options);
  }

  /**
   * Reports an error at `path` and drops every later error at that same path: one mistake, one
   * message (a number written as `1e3` is not also reported as a bare number by the unit check).
   */
  settle(path: Path, message: string, options: ReportOptions = {}): void {
    this.error(path, message, options);
    this.settled.add(formatPath(path));
  }

  /** Reports a problem that does not make the file invalid. */
  warning(path: Path, message: string, options: ReportOptions = {}): void {
    this.push('warning', path, message, options);
  }

  /** Number of errors so far. */
  get errorCount(): number {
    return this.items.reduce((n, it) => n + (it.d.severity === 'error' ? 1 : 0), 0);
  }

  /** Every diagnostic: errors first, then warnings, each sorted by position (file order). */
  sorted(): Diagnostic[] {
    const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
    return [...this.items]
      .sort(
        (a, b) =>
          rank(a.d) - rank(b.d) ||
          (a.d.line ?? 0) - (b.d.line ?? 0) ||
          (a.d.column ?? 0) - (b.d.column ?? 0) ||
          a.seq - b.seq,
      )
      .map((it) => it.d);
  }

  /** Warnings, in file order. */
  warnings(): Diagnostic[] {
    return this.sorted().filter((d) => d.severity === 'warning');
  }

  /** Throws an {@link InputError} with the first {@link MAX_DIAGNOSTICS} diagnostics when there are errors. */
  throwIfErrors(): void {
    const total = this.errorCount;
    if (total > 0) throw new InputError(this.sorted().slice(0, MAX_DIAGNOSTICS), total);
  }

  private push(severity: Diagnostic['severity'], path: Path, message: string, options: ReportOptions): void {
    const pos =
      options.position !== undefined
        ? options.position
        : (this.map?.locate(path, options.at ?? 'value') ?? null);
    const d: Diagnostic = {
      file: this.file,
      line: pos?.line ?? null,
      column: pos?.column ?? null,
      path: formatPath(path),
      message,
      severity,
      ...(options.hint ? { hint: options.hint } : {}),
    };
    this.items.push({ d, seq: this.items.length });
  }
}
