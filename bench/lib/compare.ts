/**
 * Compares a benchmark result with a baseline, case by case (matched by id), and decides whether
 * the run regressed. Only two kinds of figures can fail it, because only they survive a noisy,
 * shared machine:
 *
 * - a deterministic work counter (pushes, relabels, max-flow solves, LP iterations, arcs built…)
 *   that grows by more than {@link Thresholds.counterGrowth} (10 %): the same input did more work;
 * - a ratio to a reference solver measured in the same run (wanplan / boost-pr) that worsens by
 *   more than {@link Thresholds.ratioWorsening} (25 %), when both runs marked it as gating.
 *
 * A case that stops being deterministic fails too (its counters could no longer be trusted).
 * Absolute times and memory are shown with their change but never fail. Cases or counters
 * present on one side only are listed and do not fail: a new suite, a renamed case or a removed
 * counter is a change to review, not a regression.
 */
import type { BenchCase, BenchResult } from './result.js';

/** Failure thresholds, as fractions. */
export interface Thresholds {
  /** A counter fails when `(now − baseline) / baseline` exceeds this. @defaultValue 0.10 */
  readonly counterGrowth: number;
  /** A gating ratio fails when `(now − baseline) / baseline` exceeds this. @defaultValue 0.25 */
  readonly ratioWorsening: number;
}

/** The thresholds of the issue. */
export const DEFAULT_THRESHOLDS: Thresholds = { counterGrowth: 0.1, ratioWorsening: 0.25 };

/** What a row compares. */
export type RowKind = 'time' | 'memory' | 'counter' | 'ratio' | 'output' | 'determinism' | 'case';

/**
 * Verdict of a row: `FAIL` fails the comparison; `ok` (within thresholds), `better`, `info`
 * (shown only), `changed` (an output differs), `new` / `missing` (on one side only) do not.
 */
export type RowStatus = 'FAIL' | 'ok' | 'better' | 'info' | 'changed' | 'new' | 'missing';

/** One line of the comparison table. */
export interface CompareRow {
  readonly caseId: string;
  readonly metric: string;
  readonly kind: RowKind;
  readonly baseline: number | string | boolean | null;
  readonly now: number | string | boolean | null;
  /** Relative change `(now − baseline) / baseline`; null when not numeric on both sides. */
  readonly change: number | null;
  readonly status: RowStatus;
  /** Why, for FAIL and for rows that do not gate. */
  readonly note?: string;
}

/** The outcome of {@link compareResults}. */
export interface Comparison {
  readonly rows: readonly CompareRow[];
  /** Rows with status `FAIL`. */
  readonly failures: readonly CompareRow[];
  /** Case ids in the baseline that the result lacks (listed, not failed). */
  readonly missingCases: readonly string[];
  /** Case ids in the result that the baseline lacks (listed, not failed). */
  readonly newCases: readonly string[];
  /** The thresholds applied. */
  readonly thresholds: Thresholds;
}

/** Relative change; +Infinity for growth from 0, 0 for 0 → 0. */
export function relativeChange(baseline: number, now: number): number {
  if (baseline === 0) return now === 0 ? 0 : now > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return (now - baseline) / Math.abs(baseline);
}

function union(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

function caseRows(base: BenchCase, now: BenchCase, th: Thresholds): CompareRow[] {
  const id = base.id;
  const rows: CompareRow[] = [];
  if (base.time && now.time) {
    rows.push({
      caseId: id,
      metric: 'median ms',
      kind: 'time',
      baseline: base.time.medianMs,
      now: now.time.medianMs,
      change: relativeChange(base.time.medianMs, now.time.medianMs),
      status: 'info',
    });
  }
  if (base.memory && now.memory && base.memory.basis === now.memory.basis) {
    rows.push({
      caseId: id,
      metric: `peak MB (${now.memory.basis})`,
      kind: 'memory',
      baseline: base.memory.peakMB,
      now: now.memory.peakMB,
      change: relativeChange(base.memory.peakMB, now.memory.peakMB),
      status: 'info',
    });
  }
  for (const k of union(base.ratios, now.ratios)) {
    const b = base.ratios[k];
    const n = now.ratios[k];
    const metric = `ratio vs ${k}`;
    if (!b || !n) {
      rows.push({
        caseId: id,
        metric,
        kind: 'ratio',
        baseline: b?.value ?? null,
        now: n?.value ?? null,
        change: null,
        status: b ? 'missing' : 'new',
      });
      continue;
    }
    const change = relativeChange(b.value, n.value);
    const gated = b.gate && n.gate;
    let status: RowStatus = 'info';
    let note: string | undefined;
    if (!gated) note = 'not gated';
    else if (change > th.ratioWorsening) {
      status = 'FAIL';
      note = `ratio worsened by more than ${pct(th.ratioWorsening)}`;
    } else status = change < 0 ? 'better' : 'ok';
    rows.push({ caseId: id, metric, kind: 'ratio', baseline: b.value, now: n.value, change, status, note });
  }
  for (const k of union(base.counters, now.counters)) {
    const b = base.counters[k];
    const n = now.counters[k];
    if (b === undefined || n === undefined) {
      rows.push({
        caseId: id,
        metric: k,
        kind: 'counter',
        baseline: b ?? null,
        now: n ?? null,
        change: null,
        status: b === undefined ? 'new' : 'missing',
      });
      continue;
    }
    const change = relativeChange(b, n);
    let status: RowStatus = change < 0 ? 'better' : 'ok';
    let note: string | undefined;
    if (change > th.counterGrowth) {
      status = 'FAIL';
      note = `counter grew by more than ${pct(th.counterGrowth)}`;
    }
    rows.push({ caseId: id, metric: k, kind: 'counter', baseline: b, now: n, change, status, note });
  }
  if (base.deterministic && !now.deterministic) {
    rows.push({
      caseId: id,
      metric: 'deterministic',
      kind: 'determinism',
      baseline: true,
      now: false,
      change: null,
      status: 'FAIL',
      note: 'repetitions of the case reported different counters',
    });
  }
  for (const k of union(base.outputs, now.outputs)) {
    const b = base.outputs[k] ?? null;
    const n = now.outputs[k] ?? null;
    rows.push({
      caseId: id,
      metric: k,
      kind: 'output',
      baseline: b,
      now: n,
      change: typeof b === 'number' && typeof n === 'number' ? relativeChange(b, n) : null,
      status: b === n ? 'ok' : 'changed',
    });
  }
  return rows;
}

/**
 * Compares `now` with `baseline` (see the module header).
 * @param thresholds - failure thresholds, {@link DEFAULT_THRESHOLDS} by default
 */
export function compareResults(
  baseline: BenchResult,
  now: BenchResult,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Comparison {
  const byId = new Map(now.cases.map((c) => [c.id, c]));
  const baseIds = new Set(baseline.cases.map((c) => c.id));
  const rows: CompareRow[] = [];
  const missingCases: string[] = [];
  for (const b of baseline.cases) {
    const n = byId.get(b.id);
    if (n) rows.push(...caseRows(b, n, thresholds));
    else {
      missingCases.push(b.id);
      rows.push({
        caseId: b.id,
        metric: '(case)',
        kind: 'case',
        baseline: 'present',
        now: null,
        change: null,
        status: 'missing',
        note: 'not in the result: listed, not failed',
      });
    }
  }
  const newCases = now.cases.filter((c) => !baseIds.has(c.id)).map((c) => c.id);
  for (const id of newCases) {
    rows.push({
      caseId: id,
      metric: '(case)',
      kind: 'case',
      baseline: null,
      now: 'present',
      change: null,
      status: 'new',
      note: 'not in the baseline: listed, not failed',
    });
  }
  return { rows, failures: rows.filter((r) => r.status === 'FAIL'), missingCases, newCases, thresholds };
}

/** `0.1` → `10 %`. */
function pct(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}

/** A signed percentage with one decimal, `∞` for growth from zero. */
export function formatChange(change: number | null): string {
  if (change === null) return '';
  if (!Number.isFinite(change)) return change > 0 ? '+∞' : '−∞';
  const v = Math.round(change * 1000) / 10;
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)} %`;
}

function formatValue(v: number | string | boolean | null): string {
  if (v === null) return '—';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return String(Number(v.toPrecision(4)));
}

/** Options of {@link formatComparison}. */
export interface FormatOptions {
  /** Leave out counter and output rows that did not change. @defaultValue false */
  readonly onlyChanges?: boolean;
}

/** The comparison as a plain-text table followed by a verdict line. */
export function formatComparison(c: Comparison, options: FormatOptions = {}): string {
  const shown = options.onlyChanges
    ? c.rows.filter((r) => !((r.kind === 'counter' || r.kind === 'output') && r.baseline === r.now))
    : c.rows;
  const header = ['case', 'metric', 'baseline', 'now', 'change', 'status'];
  const cells = shown.map((r) => [
    r.caseId,
    r.metric,
    formatValue(r.baseline),
    formatValue(r.now),
    formatChange(r.change),
    r.note && r.status !== 'ok' ? `${r.status} (${r.note})` : r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const right = new Set([2, 3, 4]);
  const line = (row: string[]) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : right.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]),
      )
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  if (options.onlyChanges && shown.length < c.rows.length) {
    out.push(`(${c.rows.length - shown.length} unchanged counter and output rows not shown)`);
  }
  out.push('');
  if (c.missingCases.length > 0) {
    out.push(`Missing from the result (not failed): ${c.missingCases.join(', ')}`);
  }
  if (c.newCases.length > 0) out.push(`New, not in the baseline (not failed): ${c.newCases.join(', ')}`);
  out.push(
    c.failures.length === 0
      ? `OK: no counter grew by more than ${pct(c.thresholds.counterGrowth)} and no gating ratio worsened by ` +
          `more than ${pct(c.thresholds.ratioWorsening)} (times and memory are shown, never gated).`
      : `FAILED: ${c.failures.length} regression(s): ${c.failures.map((r) => `${r.caseId} ${r.metric} ${formatChange(r.change)}`).join('; ')}`,
  );
  return `${out.join('\n')}\n`;
}
