/**
 * Axes rendered to SVG from d3 scales: a time axis with two readings per tick (UTC above, the
 * report's local zone below, in grey) and value axes in one human unit (TB, Gbps, %).
 */
import type { ScaleLinear, ScaleTime } from 'd3-scale';
import { type AxisUnit, inUnit } from './axis-units.js';
import type { ReportClock } from './clock.js';
import { el, text } from './svg.js';

/** Layout of a plot area inside its SVG. */
export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The time axis under `box`: ticks chosen by d3 (about one per 115 px), vertical grid lines,
 * UTC labels and local labels (kept inside the plot's width at both ends), and a caption naming
 * the zones at the right.
 */
export function timeAxis(
  x: ScaleTime<number, number>,
  box: PlotBox,
  clock: ReportClock,
  grid = true,
): string {
  const ticks = x.ticks(Math.max(2, Math.floor(box.width / 115)));
  const step = ticks.length > 1 ? (ticks[1].getTime() - ticks[0].getTime()) / 1000 : 86400;
  const daily = step >= 86400;
  const y = box.top + box.height;
  const parts: string[] = [];
  for (const t of ticks) {
    const e = t.getTime() / 1000;
    const px = x(t);
    if (grid) parts.push(el('line', { class: 'grid', x1: px, x2: px, y1: box.top, y2: y }));
    parts.push(el('line', { class: 'tick', x1: px, x2: px, y1: y, y2: y + 4 }));
    const midnight = clock.time(e) === '00:00';
    const utc = daily || midnight ? clock.date(e) : clock.time(e);
    // Labels near an end are anchored inwards so they never overflow the chart.
    const half = 34;
    const anchor =
      px - half < box.left - 20 ? 'start' : px + half > box.left + box.width + 20 ? 'end' : 'middle';
    const lx = anchor === 'start' ? px - 4 : anchor === 'end' ? px + 4 : px;
    parts.push(text(lx, y + 16, utc, { class: 'tick-label', 'text-anchor': anchor }));
    if (clock.zone !== null) {
      const local = daily ? `${clock.date(e, true).slice(0, 3)} ${clock.time(e, true)}` : clock.time(e, true);
      parts.push(text(lx, y + 29, local, { class: 'tick-label local', 'text-anchor': anchor }));
    }
  }
  const caption = clock.zone === null ? 'UTC' : `UTC · local: ${clock.zone}`;
  parts.push(el('line', { class: 'axis', x1: box.left, x2: box.left + box.width, y1: y, y2: y }));
  parts.push(
    text(box.left + box.width, y + (clock.zone === null ? 32 : 44), caption, {
      class: 'axis-title',
      'text-anchor': 'end',
    }),
  );
  return el('g', { class: 'x-axis' }, parts);
}

/** Vertical extra space a {@link timeAxis} needs below its plot. */
export function timeAxisHeight(clock: ReportClock): number {
  return clock.zone === null ? 38 : 50;
}

/** A value axis at the left of `box`: horizontal grid lines and labels in `unit`. */
export function valueAxis(
  y: ScaleLinear<number, number>,
  box: PlotBox,
  unit: AxisUnit,
  ticks = 5,
  format: (v: number) => string = (v) => inUnit(v, unit),
): string {
  const parts: string[] = [];
  for (const v of y.ticks(ticks)) {
    const py = y(v);
    parts.push(
      el('line', {
        class: v === 0 ? 'axis' : 'grid',
        x1: box.left,
        x2: box.left + box.width,
        y1: py,
        y2: py,
      }),
    );
    parts.push(text(box.left - 6, py + 4, format(v), { class: 'tick-label', 'text-anchor': 'end' }));
  }
  return el('g', { class: 'y-axis' }, parts);
}
