/**
 * Chart 3: provider ingress (bytes stored at the provider's nodes) and egress (bytes its nodes
 * send to outside nodes) per time column, as average rates, against the provider's caps — one
 * panel per provider that has traffic or a cap, all on the same time axis.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import { formatRate } from '../../io/units.js';
import { timeAxis, timeAxisHeight, valueAxis } from '../axes.js';
import { byteUnit, inUnit, rateUnit } from '../axis-units.js';
import { dataTable, type Figure, type ReportContext } from '../context.js';
import { legend } from '../legend.js';
import { ROLE } from '../palette.js';
import { binSums, binsFor } from '../series.js';
import { chartSvg, el, esc, text } from '../svg.js';

const WIDTH = 1000;
const LEFT = 72;
const RIGHT = 24;
const PANEL = 84;
const GAP = 30;

/** Builds chart 3 (null when no provider has traffic or a cap). */
export function providersFigure(ctx: ReportContext): Figure | null {
  const { scenario, clock, series, calendars, limits } = ctx;
  const view = series.viewSlots;
  const bins = binsFor(view, limits.maxColumns);
  const endSlot = Math.min(view, bins.count * bins.size);
  const secondsOf = (c: number) => (Math.min(view, (c + 1) * bins.size) - c * bins.size) * clock.slotSeconds;
  const panels = scenario.providers
    .map((p, i) => {
      const inSum = binSums(series.ingress[i], bins, view);
      const outSum = binSums(series.egress[i], bins, view);
      const inRate = inSum.map((b, c) => b / secondsOf(c));
      const outRate = outSum.map((b, c) => b / secondsOf(c));
      const inCap = calendars.providerIngress[i];
      const outCap = calendars.providerEgress[i];
      return {
        p,
        inRate,
        outRate,
        inCap: inCap === null ? null : inCap / clock.slotSeconds,
        outCap: outCap === null ? null : outCap / clock.slotSeconds,
        inTotal: inSum.reduce((a, b) => a + b, 0),
        outTotal: outSum.reduce((a, b) => a + b, 0),
      };
    })
    .filter((q) => q.inTotal > 0 || q.outTotal > 0 || q.inCap !== null || q.outCap !== null);
  if (panels.length === 0) return null;

  const lg = legend(
    [
      { label: 'ingress (stored at the provider)', colour: ROLE.ingress },
      { label: 'egress (sent to other providers and sites)', colour: ROLE.egress, kind: 'line' },
      { label: 'ingress cap', colour: ROLE.ingress, kind: 'dash' },
      { label: 'egress cap', colour: ROLE.egress, kind: 'dash' },
    ],
    LEFT,
    8,
    WIDTH - LEFT - RIGHT,
  );
  const top0 = lg.height + 16;
  const plotW = WIDTH - LEFT - RIGHT;
  const x = scaleUtc()
    .domain([new Date(clock.slotStart(0) * 1000), new Date(clock.slotStart(endSlot) * 1000)])
    .range([LEFT, LEFT + plotW]);
  const colX = (c: number) => x(new Date(clock.slotStart(Math.min(endSlot, c * bins.size)) * 1000));
  const body: string[] = [lg.svg];
  let top = top0;
  const rows: string[][] = [];
  for (const q of panels) {
    const peakIn = Math.max(0, ...q.inRate);
    const peakOut = Math.max(0, ...q.outRate);
    const max = Math.max(peakIn, peakOut, q.inCap ?? 0, q.outCap ?? 0, 1);
    const unit = rateUnit(max);
    const box = { left: LEFT, top: top + GAP - 8, width: plotW, height: PANEL };
    const y = scaleLinear()
      .domain([0, max * 1.08])
      .range([box.top + box.height, box.top])
      .nice();
    const idx = Array.from({ length: bins.count + 1 }, (_, c) => c);
    const at = (r: Float64Array) => (c: number) => y(r[Math.min(c, bins.count - 1)]);
    const caps = [
      q.inCap === null ? 'no ingress cap' : `ingress cap ${formatRate(q.inCap)}`,
      q.outCap === null ? 'no egress cap' : `egress cap ${formatRate(q.outCap)}`,
    ].join(' · ');
    const marks: string[] = [
      text(LEFT, top + 12, q.p.id, { class: 'panel-title' }),
      text(LEFT + 12 + q.p.id.length * 8, top + 12, caps, { class: 'panel-sub' }),
      valueAxis(y, box, unit, 3),
      el('path', {
        class: 'ingress',
        d:
          area<number>()
            .x(colX)
            .y0(box.top + box.height)
            .y1(at(q.inRate))
            .curve(curveStepAfter)
            .digits(1)(idx) ?? '',
        fill: ROLE.ingress,
        'fill-opacity': 0.55,
      }),
      el('path', {
        class: 'egress',
        d: line<number>().x(colX).y(at(q.outRate)).curve(curveStepAfter).digits(1)(idx) ?? '',
        fill: 'none',
        stroke: ROLE.egress,
        'stroke-width': 1.8,
      }),
    ];
    for (const [cap, colour, what] of [
      [q.inCap, ROLE.ingress, 'ingress'],
      [q.outCap, ROLE.egress, 'egress'],
    ] as const) {
      if (cap === null) continue;
      const cy = y(cap);
      marks.push(
        el('line', {
          class: `cap ${what}-cap`,
          x1: LEFT,
          x2: LEFT + plotW,
          y1: cy,
          y2: cy,
          stroke: colour,
          'stroke-dasharray': '6 4',
          'stroke-width': 1.5,
        }),
      );
    }
    body.push(el('g', { class: 'panel' }, marks));
    rows.push([
      q.p.id,
      q.inCap === null ? '—' : formatRate(q.inCap),
      formatRate(peakIn),
      inUnit(q.inTotal, byteUnit(q.inTotal)),
      q.outCap === null ? '—' : formatRate(q.outCap),
      formatRate(peakOut),
      inUnit(q.outTotal, byteUnit(q.outTotal)),
    ]);
    top = box.top + box.height + 8;
  }
  const lastBox = { left: LEFT, top: top0, width: plotW, height: top - 8 - top0 };
  body.push(timeAxis(x, lastBox, clock, false));
  const height = top - 8 + timeAxisHeight(clock) + 4;
  const colText = bins.size === 1 ? 'per slot' : `averaged over ${bins.size} slots per column`;
  const svg = chartSvg({
    id: 'chart-providers',
    title: 'Provider ingress and egress against their caps',
    desc: `Average rates ${colText} for ${panels.length} providers: ${rows.map((r) => `${r[0]} peak ingress ${r[2]} (cap ${r[1]}), peak egress ${r[5]} (cap ${r[4]})`).join('; ')}.`,
    width: WIDTH,
    height,
    body,
  });
  return {
    id: 'chart-providers',
    heading: 'Provider ingress and egress',
    caption: esc(
      `Bytes stored at each provider’s nodes (ingress) and sent from its nodes to nodes outside it (egress), as average rates ${colText}, with the provider’s caps (dashed). Each panel has its own scale.`,
    ),
    svg,
    table: dataTable(
      'Providers: caps, peak average rate and total bytes, ingress and egress',
      ['provider', 'ingress cap', 'peak ingress', 'stored', 'egress cap', 'peak egress', 'sent'],
      rows,
      [1, 2, 3, 4, 5, 6],
    ),
  };
}
