/**
 * Chart 4: staging storage over time — bytes held in transit at each node that stages data (the
 * plan's `storage` rows), with each node's `storage` limit dashed in the same colour. Long
 * horizons are drawn per column with the column's peak level, so no peak is hidden.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { formatBytes } from '../../io/units.js';
import { timeAxis, timeAxisHeight, valueAxis } from '../axes.js';
import { byteUnit, inUnit, percent } from '../axis-units.js';
import { dataTable, type Figure, type ReportContext } from '../context.js';
import { type LegendItem, legend } from '../legend.js';
import { ROLE, seriesColour } from '../palette.js';
import { binsFor } from '../series.js';
import { chartSvg, el, esc, text } from '../svg.js';

const WIDTH = 1000;
const LEFT = 72;
const RIGHT = 24;
const PLOT_HEIGHT = 240;

/** Builds chart 4. */
export function storageFigure(ctx: ReportContext): Figure {
  const { scenario, clock, series, limits } = ctx;
  const view = series.viewSlots;
  const bins = binsFor(view, Math.max(limits.maxColumns, 400));
  const endSlot = Math.min(view, bins.count * bins.size);
  const nodes = scenario.nodes.map((n, i) => ({ n, s: series.storage[i] })).filter((q) => q.s !== null);
  const peaks = nodes.map((q) => {
    const s = q.s as Float64Array;
    const out = new Float64Array(bins.count);
    for (let t = 0; t < endSlot; t++) {
      const c = Math.floor(t / bins.size);
      if (s[t] > out[c]) out[c] = s[t];
    }
    return out;
  });
  const items: LegendItem[] = nodes.map((q, i) => ({ label: q.n.id, colour: seriesColour(i), kind: 'line' }));
  if (nodes.length > 0) items.push({ label: 'storage limit', colour: ROLE.target, kind: 'dash' });
  const lg = legend(items, LEFT, 8, WIDTH - LEFT - RIGHT);
  const box = { left: LEFT, top: lg.height + 18, width: WIDTH - LEFT - RIGHT, height: PLOT_HEIGHT };
  const height = box.top + box.height + timeAxisHeight(clock) + 4;
  const peak = peaks.reduce((m, p) => Math.max(m, ...p), 0);
  const limitMax = nodes.reduce((m, q) => Math.max(m, Number(q.n.storage)), 0);
  const yMax = Math.max(peak, limitMax, 1);
  const unit = byteUnit(yMax);
  const x = scaleUtc()
    .domain([new Date(clock.slotStart(0) * 1000), new Date(clock.slotStart(endSlot) * 1000)])
    .range([box.left, box.left + box.width]);
  const y = scaleLinear()
    .domain([0, yMax * 1.06])
    .range([box.top + box.height, box.top])
    .nice();
  const colX = (c: number) => x(new Date(clock.slotStart(Math.min(endSlot, c * bins.size)) * 1000));
  const body: string[] = [valueAxis(y, box, unit), timeAxis(x, box, clock)];
  const marks: string[] = [];
  const rows: string[][] = [];
  let fullest = { id: '', share: -1 };
  nodes.forEach((q, i) => {
    const colour = seriesColour(i);
    const limit = Number(q.n.storage);
    const ly = y(limit);
    marks.push(
      el('line', {
        class: 'limit',
        x1: box.left,
        x2: box.left + box.width,
        y1: ly,
        y2: ly,
        stroke: colour,
        'stroke-dasharray': '6 4',
        'stroke-opacity': 0.7,
      }),
    );
    const p = peaks[i];
    const idx = Array.from({ length: bins.count + 1 }, (_, c) => c);
    const d = line<number>()
      .x(colX)
      .y((c) => y(p[Math.min(c, bins.count - 1)]))
      .curve(curveStepAfter)
      .digits(1)(idx);
    marks.push(
      el(
        'path',
        { class: 'level', d: d ?? '', fill: 'none', stroke: colour, 'stroke-width': 2 },
        el('title', {}, esc(q.n.id)),
      ),
    );
    const s = q.s as Float64Array;
    let max = 0;
    let at = 0;
    let used = 0;
    for (let t = 0; t < series.slots; t++) {
      if (s[t] > max) {
        max = s[t];
        at = t;
      }
      if (s[t] > 0) used++;
    }
    if (limit > 0 && max / limit > fullest.share) fullest = { id: q.n.id, share: max / limit };
    rows.push([
      q.n.id,
      q.n.kind,
      formatBytes(q.n.storage),
      inUnit(max, byteUnit(max)),
      limit > 0 ? percent(max / limit) : '—',
      `${clock.dateTime(clock.slotStart(at + 1))} UTC`,
      String(used),
    ]);
  });
  if (nodes.length === 0) {
    marks.push(
      text(
        box.left + box.width / 2,
        box.top + box.height / 2,
        'No node holds data in transit in this plan.',
        {
          class: 'empty-note',
          'text-anchor': 'middle',
        },
      ),
    );
  }
  body.push(el('g', { class: 'marks' }, marks), lg.svg);
  const desc =
    nodes.length === 0
      ? 'No staging: no node holds data in transit.'
      : `Staging levels of ${nodes.length} nodes; the fullest is ${fullest.id} at ${percent(fullest.share)} of its limit.`;
  const svg = chartSvg({
    id: 'chart-storage',
    title: 'Staging storage over time',
    desc,
    width: WIDTH,
    height,
    body,
  });
  return {
    id: 'chart-storage',
    heading: 'Staging storage',
    caption: esc(
      'Bytes held in transit at each staging node at the end of each slot (store-and-forward: data waits here for a window to open downstream), with its storage limit dashed. ' +
        (bins.size > 1 ? `Each step is the peak of ${bins.size} slots.` : ''),
    ),
    svg,
    table: dataTable(
      'Staging nodes: storage limit, peak level, when the peak is reached, slots with data held',
      [
        'node',
        'kind',
        'storage limit',
        'peak held',
        'peak / limit',
        'peak at (end of slot, UTC)',
        'slots holding data',
      ],
      rows,
      [2, 3, 4, 6],
    ),
  };
}
