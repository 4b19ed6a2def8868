/**
 * Chart 2: link utilisation heatmap — one row per link, one column per group of slots, coloured by
 * the share of the capacity the calendars offer in that column that the plan uses; columns in
 * which the link's windows are closed (zero capacity) are hatched.
 *
 * Size control: at most `maxLinks` rows (the links carrying most bytes) and `maxColumns` columns
 * (consecutive slots summed); cells of equal colour next to each other are merged into one
 * rectangle, so a mostly idle or mostly closed row costs a few elements, not one per column.
 * Utilisation is quantised to tenths for colouring (the table gives exact totals).
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { formatDuration, formatRate } from '../../io/units.js';
import { timeAxis, timeAxisHeight } from '../axes.js';
import { byteUnit, inUnit, percent } from '../axis-units.js';
import { dataTable, type Figure, type ReportContext } from '../context.js';
import { type LegendItem, legend } from '../legend.js';
import { binsFor } from '../series.js';
import { chartSvg, clip, el, esc, text } from '../svg.js';

const WIDTH = 1000;
const LABEL = 210;
const TOTAL = 78;
const HATCH = 'heatmap-hatch';
const LEVELS = 10;

const ramp = scaleLinear<string>().domain([0, 0.5, 1]).range(['#c6dbef', '#4a89c4', '#08306b']);
/** Fill of utilisation level 0 (open, unused) … LEVELS (full); -1 is closed. */
function levelFill(level: number): string {
  if (level < 0) return `url(#${HATCH})`;
  if (level === 0) return '#f4f6f8';
  return ramp((level - 1) / (LEVELS - 1));
}

/** Links shown: the `max` carrying most bytes (declaration order breaks ties), in that order. */
export function topLinks(total: Float64Array, max: number): number[] {
  const idx = Array.from(total, (_, i) => i).sort((a, b) => total[b] - total[a] || a - b);
  return idx.slice(0, max);
}

/** Builds chart 2. */
export function heatmapFigure(ctx: ReportContext): Figure {
  const { scenario, clock, series, calendars, limits } = ctx;
  const view = series.viewSlots;
  const bins = binsFor(view, limits.maxColumns);
  const shown = topLinks(series.linkTotal, limits.maxLinks);
  const rowH = shown.length > 30 ? 12 : 16;
  const items: LegendItem[] = [
    { label: 'window closed', colour: `url(#${HATCH})`, kind: 'hatch' },
    { label: 'open, unused', colour: levelFill(0) },
    { label: '1–10%', colour: levelFill(1) },
    { label: '41–50%', colour: levelFill(5) },
    { label: '91–100% (saturated)', colour: levelFill(LEVELS) },
  ];
  const lg = legend(items, LABEL, 8, WIDTH - LABEL - TOTAL);
  const box = { left: LABEL, top: lg.height + 30, width: WIDTH - LABEL - TOTAL, height: rowH * shown.length };
  const height = box.top + box.height + timeAxisHeight(clock) + 4;
  const cellW = box.width / bins.count;
  const endSlot = Math.min(view, bins.count * bins.size);
  const x = scaleUtc()
    .domain([new Date(clock.slotStart(0) * 1000), new Date(clock.slotStart(endSlot) * 1000)])
    .range([box.left, box.left + box.width]);

  const rows: string[] = [];
  const tableRows: string[][] = [];
  for (let r = 0; r < shown.length; r++) {
    const l = shown[r];
    const link = scenario.links[l];
    const used = series.linkBytes[l];
    const cap = calendars.links[l];
    const y = box.top + r * rowH;
    const cells: string[] = [];
    let runStart = 0;
    let runLevel = Number.NaN;
    let offered = 0;
    let carried = 0;
    let open = 0;
    let saturated = 0;
    const flush = (end: number) => {
      if (end > runStart) {
        cells.push(
          el('rect', {
            x: box.left + runStart * cellW,
            y: y + 1,
            width: (end - runStart) * cellW,
            height: rowH - 2,
            fill: levelFill(runLevel),
            class: runLevel < 0 ? 'closed' : 'open',
          }),
        );
      }
    };
    for (let c = 0; c < bins.count; c++) {
      let u = 0;
      let k = 0;
      for (let s = c * bins.size; s < Math.min(view, (c + 1) * bins.size); s++) {
        u += used[s];
        k += cap[s];
        if (cap[s] > 0) open++;
        if (cap[s] > 0 && used[s] >= cap[s] * 0.999) saturated++;
      }
      offered += k;
      carried += u;
      const level =
        k === 0 ? -1 : u === 0 ? 0 : Math.min(LEVELS, Math.max(1, Math.ceil((u / k) * LEVELS - 1e-9)));
      if (level !== runLevel) {
        flush(c);
        runStart = c;
        runLevel = level;
      }
    }
    flush(bins.count);
    const name = link.id;
    rows.push(
      el('g', { class: 'heat-row' }, [
        el(
          'title',
          {},
          esc(
            `${name}: ${inUnit(carried, byteUnit(carried))} carried, ${percent(offered > 0 ? carried / offered : 0)} of the capacity offered`,
          ),
        ),
        text(box.left - 8, y + rowH / 2 + 4, clip(name, 34), { class: 'row-label', 'text-anchor': 'end' }),
        ...cells,
        text(
          box.left + box.width + 8,
          y + rowH / 2 + 4,
          inUnit(series.linkTotal[l], byteUnit(series.linkTotal[l])),
          {
            class: 'row-total',
          },
        ),
      ]),
    );
    tableRows.push([
      name,
      `${link.from} → ${link.to}`,
      formatRate(link.capacity),
      inUnit(carried, byteUnit(carried)),
      inUnit(offered, byteUnit(offered)),
      percent(offered > 0 ? carried / offered : 0),
      String(open),
      String(saturated),
    ]);
  }

  const defs = el(
    'pattern',
    { id: HATCH, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    [
      el('rect', { width: 6, height: 6, fill: '#eef0f3' }),
      el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#bcc4cc', 'stroke-width': 2 }),
    ],
  );
  const header = [
    text(box.left - 8, box.top - 8, 'link', { class: 'col-head', 'text-anchor': 'end' }),
    text(box.left + box.width + 8, box.top - 8, 'carried', { class: 'col-head' }),
  ];
  const body = [lg.svg, ...header, el('g', { class: 'marks' }, rows), timeAxis(x, box, clock, false)];
  const colText =
    bins.size === 1
      ? `one slot (${formatDuration(clock.slotSeconds)})`
      : `${bins.size} slots (${formatDuration(bins.size * clock.slotSeconds)})`;
  const linksText =
    shown.length < scenario.links.length
      ? `the ${shown.length} links carrying most bytes, of ${scenario.links.length}`
      : `all ${scenario.links.length} links, most bytes first`;
  const svg = chartSvg({
    id: 'chart-heatmap',
    title: 'Link utilisation per time column',
    desc: `Heatmap of ${linksText}; each column is ${colText}; colour is the share of the capacity offered in that column that the plan uses, hatching marks closed windows.`,
    width: WIDTH,
    height,
    body,
    defs,
  });
  const caption =
    `Share of each link’s capacity used by the plan. Rows: ${linksText}. ` +
    `Columns: ${bins.count}, each ${colText}${bins.size > 1 ? ' summed (at most ' + limits.maxColumns + ' columns are drawn)' : ''}. ` +
    'Hatched cells: the link’s windows are closed for the whole column. Right: bytes carried over the horizon.';
  const table = dataTable(
    `Links shown in the heatmap (${linksText}): capacity, bytes carried and offered within the time shown, open and saturated slots`,
    ['link', 'from → to', 'capacity', 'carried', 'offered', 'utilisation', 'open slots', 'saturated slots'],
    tableRows,
    [2, 3, 4, 5, 6, 7],
  );
  return { id: 'chart-heatmap', heading: 'Link utilisation', caption: esc(caption), svg, table };
}
