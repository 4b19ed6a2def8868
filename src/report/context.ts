/**
 * What every chart builder reads (the scenario, the plan and the series derived once) and what it
 * returns: a figure with its SVG, caption and the data table behind it.
 */
import type { Calendars } from '../constraints/calendars.js';
import type { Scenario } from '../io/model.js';
import type { Plan } from '../plan/types.js';
import type { ReportClock } from './clock.js';
import type { DirectCurve } from './direct.js';
import type { Series } from './series.js';
import { el, esc } from './svg.js';

/** Limits that keep the page small for large plans. */
export interface ReportLimits {
  /** Most time columns in the heatmap and the provider chart. */
  readonly maxColumns: number;
  /** Most links shown in the heatmap (top by bytes carried). */
  readonly maxLinks: number;
  /** Most datasets drawn as their own series (the rest are summed as "other"). */
  readonly maxSeries: number;
}

/** Inputs shared by the chart builders. */
export interface ReportContext {
  readonly scenario: Scenario;
  readonly plan: Plan;
  readonly clock: ReportClock;
  readonly calendars: Calendars;
  readonly series: Series;
  readonly direct: DirectCurve;
  readonly limits: ReportLimits;
}

/** One section of the report. */
export interface Figure {
  /** Stable id (also the `data-chart` of its SVG). */
  readonly id: string;
  readonly heading: string;
  /** Caption markup (trusted: builders escape user text). */
  readonly caption: string;
  /** The chart SVG, or '' for table-only sections. */
  readonly svg: string;
  /** The data table behind the chart (`<table>` markup), or ''. */
  readonly table: string;
  /** True when the table is the content itself (shown open, not behind a disclosure). */
  readonly tableIsContent?: boolean;
}

/** A `<table>` from a header row and body rows of plain text (escaped here); `numeric` columns align right. */
export function dataTable(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
): string {
  const cls = (i: number) => (numeric.includes(i) ? 'num' : null);
  const head = el(
    'tr',
    {},
    header.map((h, i) => el('th', { scope: 'col', class: cls(i) }, esc(h))),
  );
  const body = rows.map((r) =>
    el(
      'tr',
      {},
      r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, esc(c)) : el('td', { class: cls(i) }, esc(c)))),
    ),
  );
  return el('table', {}, [el('caption', {}, esc(caption)), el('thead', {}, head), el('tbody', {}, body)]);
}

/** Compact text of sorted slot numbers: `72–74, 80`. */
export function slotRanges(slots: readonly number[], max = 8): string {
  const parts: string[] = [];
  let i = 0;
  while (i < slots.length) {
    let j = i;
    while (j + 1 < slots.length && slots[j + 1] === slots[j] + 1) j++;
    parts.push(j > i ? `${slots[i]}–${slots[j]}` : String(slots[i]));
    i = j + 1;
  }
  return parts.length > max
    ? `${parts.slice(0, max).join(', ')}, … (${parts.length - max} more ranges)`
    : parts.join(', ');
}
