/**
 * Chart 1: cumulative bytes delivered per dataset over time (stacked areas; the largest datasets
 * on their own, the rest summed), the total demand, the naive direct-upload curve for comparison,
 * `due` markers (green when met, red when missed) and the makespan.
 *
 * Curves are sampled at slot ends (at most ~300 points; cumulative series are monotone, so the
 * samples are exact values joined by straight lines).
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, line } from 'd3-shape';
import { timeAxis, timeAxisHeight, valueAxis } from '../axes.js';
import { byteUnit, inUnit } from '../axis-units.js';
import { ReportClock } from '../clock.js';
import { dataTable, type Figure, type ReportContext } from '../context.js';
import { type LegendItem, legend, textWidth } from '../legend.js';
import { OTHER, ROLE, seriesColour } from '../palette.js';
import { chartSvg, clip, el, esc, num, text } from '../svg.js';

const WIDTH = 1000;
const PLOT_HEIGHT = 320;
const LEFT = 72;
const RIGHT = 24;

interface Stack {
  readonly label: string;
  readonly colour: string;
  /** Cumulative bytes at each sample. */
  readonly values: Float64Array;
}

/** Sample slots: the end of every `step`-th slot, always including the last shown. */
function sampleSlots(view: number): number[] {
  const step = Math.max(1, Math.ceil(view / 300));
  const out: number[] = [];
  for (let s = step - 1; s < view; s += step) out.push(s);
  if (out[out.length - 1] !== view - 1) out.push(view - 1);
  return out;
}

function cumulativeAt(perSlot: ArrayLike<number>, samples: readonly number[]): Float64Array {
  const out = new Float64Array(samples.length + 1);
  let acc = 0;
  let s = 0;
  for (let i = 0; i < samples.length; i++) {
    for (; s <= samples[i]; s++) acc += perSlot[s];
    out[i + 1] = acc;
  }
  return out;
}

/** Builds chart 1 and its per-dataset table. */
export function cumulativeFigure(ctx: ReportContext): Figure {
  const { scenario, plan, clock, series } = ctx;
  const view = series.viewSlots;
  const samples = sampleSlots(view);
  const times = [clock.slotStart(0), ...samples.map((s) => clock.slotStart(s + 1))];

  // Largest datasets (by bytes to deliver) get their own colour; the rest are one "other" band.
  const demand = scenario.datasets.map((d) => d.copies * d.wire);
  const order = scenario.datasets.map((_, i) => i).sort((a, b) => demand[b] - demand[a] || a - b);
  const own = order.length <= ctx.limits.maxSeries ? order : order.slice(0, ctx.limits.maxSeries - 1);
  const rest = order.slice(own.length);
  const stacks: Stack[] = own.map((k, i) => ({
    label: scenario.datasets[k].id,
    colour: seriesColour(i),
    values: cumulativeAt(series.delivered[k], samples),
  }));
  if (rest.length > 0) {
    const sum = new Float64Array(series.slots);
    for (const k of rest) for (let s = 0; s < view; s++) sum[s] += series.delivered[k][s];
    stacks.push({
      label: `${rest.length} other datasets`,
      colour: OTHER,
      values: cumulativeAt(sum, samples),
    });
  }

  const totalDemand = demand.reduce((a, b) => a + b, 0);
  const directValues = [0, ...samples.map((s) => ctx.direct.cumulative[s])];
  const deliveredTotal = stacks.reduce((a, st) => a + st.values[st.values.length - 1], 0);
  const yMax = Math.max(totalDemand, deliveredTotal, 1);
  const unit = byteUnit(yMax);

  const items: LegendItem[] = stacks.map((s) => ({ label: s.label, colour: s.colour }));
  items.push({ label: 'all bytes to deliver', colour: ROLE.target, kind: 'dash' });
  items.push({ label: 'direct upload (greedy, no relay)', colour: ROLE.direct, kind: 'dash' });
  if (plan.datasets.some((d) => d.due !== null && d.met === true))
    items.push({ label: 'due met', colour: ROLE.good, kind: 'marker' });
  if (plan.datasets.some((d) => d.due !== null && d.met !== true))
    items.push({ label: 'due missed', colour: ROLE.bad, kind: 'marker' });
  const lg = legend(items, LEFT, 8, WIDTH - LEFT - RIGHT);
  const dueBand = 34;
  const box = { left: LEFT, top: lg.height + 16 + dueBand, width: WIDTH - LEFT - RIGHT, height: PLOT_HEIGHT };
  const height = box.top + box.height + timeAxisHeight(clock) + 4;

  const x = scaleUtc()
    .domain([new Date(times[0] * 1000), new Date(times[times.length - 1] * 1000)])
    .range([box.left, box.left + box.width]);
  const y = scaleLinear()
    .domain([0, yMax * 1.04])
    .range([box.top + box.height, box.top])
    .nice();
  const xAt = (i: number) => x(new Date(times[i] * 1000));

  const body: string[] = [valueAxis(y, box, unit), timeAxis(x, box, clock)];
  // Stacked areas, bottom-up.
  const base = new Float64Array(times.length);
  const bands: string[] = [];
  for (const st of stacks) {
    const lower = Float64Array.from(base);
    for (let i = 0; i < times.length; i++) base[i] += st.values[i];
    const upper = Float64Array.from(base);
    const d = area<number>()
      .x((i) => xAt(i))
      .y0((i) => y(lower[i]))
      .y1((i) => y(upper[i]))
      .digits(1)(times.map((_, i) => i));
    bands.push(el('path', { class: 'band', d: d ?? '', fill: st.colour }, el('title', {}, esc(st.label))));
  }
  body.push(el('g', { class: 'marks' }, bands));

  // Demand and direct-upload comparison.
  const yd = y(totalDemand);
  body.push(
    el('line', {
      class: 'target',
      x1: box.left,
      x2: box.left + box.width,
      y1: yd,
      y2: yd,
      stroke: ROLE.target,
      'stroke-dasharray': '6 4',
    }),
  );
  body.push(text(box.left + 6, yd - 6, `all copies: ${inUnit(totalDemand, unit)}`, { class: 'annotation' }));
  const dPath = line<number>()
    .x((i) => xAt(i))
    .y((i) => y(directValues[i]))
    .digits(1)(times.map((_, i) => i));
  body.push(
    el('path', {
      class: 'direct',
      d: dPath ?? '',
      fill: 'none',
      stroke: ROLE.direct,
      'stroke-width': 2,
      'stroke-dasharray': '7 4',
    }),
  );

  // Makespan.
  if (plan.makespan !== null) {
    const mx = x(new Date(ReportClock.epoch(plan.makespan.end) * 1000));
    if (mx <= box.left + box.width + 0.5) {
      body.push(el('line', { class: 'makespan', x1: mx, x2: mx, y1: box.top, y2: box.top + box.height }));
      const label = `makespan ${clock.dateTime(ReportClock.epoch(plan.makespan.end))} UTC`;
      const anchor = mx + textWidth(label) + 8 > box.left + box.width ? 'end' : 'start';
      body.push(
        text(anchor === 'end' ? mx - 6 : mx + 6, box.top + 14, label, {
          class: 'annotation strong',
          'text-anchor': anchor,
        }),
      );
    }
  }

  // Due markers, grouped by instant, labels staggered in two rows above the plot.
  const groups = new Map<number, { ids: string[]; missed: boolean }>();
  for (const d of plan.datasets) {
    if (d.due === null) continue;
    const e = ReportClock.epoch(d.due);
    if (e < times[0] || e > times[times.length - 1]) continue;
    const g = groups.get(e) ?? { ids: [], missed: false };
    g.ids.push(d.id);
    g.missed ||= d.met !== true;
    groups.set(e, g);
  }
  const dueMarks: string[] = [];
  let row = 0;
  let lastEnd = -Infinity;
  for (const [e, g] of [...groups].sort((a, b) => a[0] - b[0])) {
    const px = x(new Date(e * 1000));
    const colour = g.missed ? ROLE.bad : ROLE.good;
    const label = clip(`due: ${g.ids.join(', ')}`, 48);
    row = px - textWidth(label, 11) / 2 < lastEnd + 8 ? 1 - row : 0;
    lastEnd = px + textWidth(label, 11) / 2;
    const ly = box.top - dueBand + 10 + row * 13;
    dueMarks.push(
      el('g', { class: `due ${g.missed ? 'missed' : 'met'}` }, [
        el('title', {}, esc(`${g.ids.join(', ')} due ${clock.both(e)}: ${g.missed ? 'missed' : 'met'}`)),
        el('line', {
          x1: px,
          x2: px,
          y1: box.top,
          y2: box.top + box.height,
          stroke: colour,
          'stroke-dasharray': '3 3',
        }),
        el('path', {
          d: `M${num(px - 5)},${num(box.top - 9)}L${num(px + 5)},${num(box.top - 9)}L${num(px)},${num(box.top)}Z`,
          fill: colour,
        }),
        text(px, ly, label, { class: 'due-label', 'text-anchor': 'middle', fill: colour }),
      ]),
    );
  }
  body.push(el('g', { class: 'dues' }, dueMarks));
  body.push(lg.svg);

  const desc =
    `Cumulative bytes stored at destinations from ${clock.both(times[0])} to ${clock.both(times[times.length - 1])}: ` +
    `${inUnit(deliveredTotal, unit)} of ${inUnit(totalDemand, unit)} delivered; greedy direct upload reaches ` +
    `${inUnit(directValues[directValues.length - 1], unit)} in the same time.`;
  const svg = chartSvg({
    id: 'chart-cumulative',
    title: 'Cumulative bytes delivered per dataset',
    desc,
    width: WIDTH,
    height,
    body,
  });

  const vs = plan.vsDirect ? ` The planner's own comparison: ${esc(plan.vsDirect.note)}.` : '';
  const caption =
    `Bytes stored at destinations over time, all copies, stacked by dataset${rest.length > 0 ? ` (the ${own.length} largest; ${rest.length} more summed as “other”)` : ''}. ` +
    'The dashed dark line is naive direct upload: each origin sends only over its own links to an allowed destination, ' +
    'no relaying and no staging, greedily slot by slot within every cap (computed for this report; a feasible schedule, not an optimum).' +
    vs;
  return { id: 'chart-cumulative', heading: 'Delivery over time', caption, svg, table: datasetTable(ctx) };
}

function datasetTable(ctx: ReportContext): string {
  const { scenario, plan } = ctx;
  const zoneOf = new Map(scenario.nodes.map((n) => [n.id, n.timezone]));
  const byId = new Map(scenario.datasets.map((d) => [d.id, d]));
  const rows = plan.datasets.map((d) => {
    const sd = byId.get(d.id);
    const zone = sd ? (zoneOf.get(sd.at) ?? null) : null;
    const delivered = Object.values(d.delivered).reduce((a, b) => a + b, 0);
    const done = d.completed === null ? '—' : `${ctx.clock.dateTime(ReportClock.epoch(d.completed))} UTC`;
    const local =
      d.completed === null ? '—' : (ReportClock.inZone(ReportClock.epoch(d.completed), zone) ?? '—');
    const due = d.due === null ? '—' : `${ctx.clock.dateTime(ReportClock.epoch(d.due))} UTC`;
    const met =
      d.met === null
        ? '—'
        : d.met
          ? 'met'
          : d.lateSlots !== null
            ? `missed by ${d.lateSlots} slot(s)`
            : 'missed';
    return [
      d.id,
      sd?.at ?? '?',
      inUnit(d.wireBytes, byteUnit(d.wireBytes)),
      String(sd?.copies ?? 1),
      inUnit(delivered, byteUnit(delivered)),
      done,
      local,
      due,
      met,
    ];
  });
  return dataTable(
    'Datasets: bytes on the wire, copies, bytes delivered (all copies), completion in UTC and in the origin’s local time, due',
    [
      'dataset',
      'origin',
      'wire bytes',
      'copies',
      'delivered',
      'completed (UTC)',
      'completed (origin local)',
      'due (UTC)',
      'due',
    ],
    rows,
    [2, 3, 4],
  );
}
