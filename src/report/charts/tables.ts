/**
 * Sections 6 and 7: the bottleneck table (what stops the plan from finishing sooner) and the cost
 * breakdown (links with `costPerByte`: bytes carried × price, per link as bars and per dataset).
 *
 * Costs are computed exactly in micro-dollars with bigint (bytes × num × 10^6 / den, rounded half
 * up per link total, and per transfer row for the per-dataset sums), so they do not drift with
 * float rounding.
 */
import type { ScenarioLink } from '../../io/model.js';
import type { Rational } from '../../io/rational.js';
import { formatCost } from '../../io/units.js';
import { byteUnit, inUnit } from '../axis-units.js';
import { dataTable, type Figure, type ReportContext, slotRanges } from '../context.js';
import { ROLE } from '../palette.js';
import { chartSvg, clip, el, esc, text } from '../svg.js';

/** Builds the bottleneck section (a table; no chart). */
export function bottleneckFigure(ctx: ReportContext): Figure {
  const { plan, clock } = ctx;
  const rows = plan.bottlenecks.map((b) => {
    const first = b.slots.length > 0 ? b.slots[0] : null;
    const last = b.slots.length > 0 ? b.slots[b.slots.length - 1] : null;
    const when =
      first === null || last === null
        ? '—'
        : `${clock.dateTime(clock.slotStart(first))} – ${clock.dateTime(clock.slotStart(last + 1))} UTC`;
    return [
      b.id,
      b.kind,
      b.slots.length === 0 ? '—' : slotRanges(b.slots),
      when,
      b.bytes === undefined ? '—' : inUnit(b.bytes, byteUnit(b.bytes)),
      b.note,
    ];
  });
  const table =
    rows.length === 0
      ? '<p class="empty">No bottleneck reported: nothing saturated limits this plan.</p>'
      : dataTable(
          'Bottlenecks: elements saturated in the minimum cut that limits the makespan',
          ['element', 'kind', 'slots', 'time (UTC)', 'bytes across the cut', 'why'],
          rows,
          [4],
        );
  return {
    id: 'table-bottlenecks',
    heading: 'Bottlenecks',
    caption: esc(
      'What stops the plan from finishing sooner: links, caps and storage that are full in the slots listed (the minimum cut of the time-expanded network one slot before the makespan).',
    ),
    svg: '',
    table,
    tableIsContent: true,
  };
}

/** USD text of micro-dollars: `$1,234.57`. */
export function usd(micro: bigint): string {
  const cents = (micro + 5000n) / 10000n;
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${whole}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/** Cost of one priced link. */
export interface LinkCost {
  readonly link: ScenarioLink;
  /** Bytes carried over the horizon. */
  readonly bytes: number;
  /** Micro-dollars. */
  readonly cost: bigint;
}

/** Costs per link (costliest first) and per dataset, and the total; null without priced links. */
export function costBreakdown(
  ctx: ReportContext,
): { perLink: LinkCost[]; perDataset: [string, bigint][]; total: bigint } | null {
  const { scenario, plan, series } = ctx;
  const priced = scenario.links.map((l, i) => ({ l, i })).filter((q) => q.l.costPerByte !== null);
  if (priced.length === 0) return null;
  // Half-up rounding to whole micro-dollars: (2·bytes·num·10^6 + den) / (2·den).
  const micro = (bytes: number, r: Rational) =>
    (BigInt(Math.round(bytes)) * r.num * 2_000_000n + r.den) / (2n * r.den);
  const perLink = priced
    .map((q) => ({
      i: q.i,
      link: q.l,
      bytes: series.linkTotal[q.i],
      cost: micro(series.linkTotal[q.i], q.l.costPerByte!),
    }))
    .sort((a, b) => (b.cost > a.cost ? 1 : b.cost < a.cost ? -1 : a.i - b.i))
    .map(({ link, bytes, cost }) => ({ link, bytes, cost }));
  const total = perLink.reduce((s, q) => s + q.cost, 0n);
  const linkIdx = new Map(scenario.links.map((l, i) => [l.id, i]));
  const perDataset = new Map<string, bigint>();
  for (const t of plan.transfers) {
    const l = linkIdx.get(t.link);
    const c = l === undefined ? null : scenario.links[l].costPerByte;
    if (c === null) continue;
    perDataset.set(t.dataset, (perDataset.get(t.dataset) ?? 0n) + micro(t.bytes, c));
  }
  const ds = [...perDataset].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0] < b[0] ? -1 : 1));
  return { perLink, perDataset: ds, total };
}

/** Builds the cost section, or null when no link has a cost. */
export function costFigure(ctx: ReportContext): Figure | null {
  const costs = costBreakdown(ctx);
  if (costs === null) return null;
  const { perLink, total } = costs;
  // Horizontal bars of the costliest links.
  const bars = perLink.filter((q) => q.cost > 0n).slice(0, 12);
  const W = 1000;
  const LABEL = 230;
  const rowH = 24;
  const top = 10;
  const height = top + Math.max(1, bars.length) * rowH + 10;
  const max = bars.length > 0 ? Number(bars[0].cost) : 1;
  const plotW = W - LABEL - 120;
  const marks = bars.map((q, k) => {
    const y = top + k * rowH;
    const w = Math.max(1, (Number(q.cost) / max) * plotW);
    return el('g', { class: 'bar' }, [
      el('title', {}, esc(`${q.link.id}: ${usd(q.cost)}`)),
      text(LABEL - 8, y + 16, clip(q.link.id, 36), { class: 'row-label', 'text-anchor': 'end' }),
      el('rect', { x: LABEL, y: y + 4, width: w, height: rowH - 8, rx: 2, fill: ROLE.egress }),
      text(LABEL + w + 6, y + 16, usd(q.cost), { class: 'row-total' }),
    ]);
  });
  if (bars.length === 0)
    marks.push(
      text(W / 2, top + 16, 'No priced link carries data in this plan.', {
        class: 'empty-note',
        'text-anchor': 'middle',
      }),
    );
  const svg = chartSvg({
    id: 'chart-cost',
    title: 'Transfer cost by link',
    desc: `Total transfer cost ${usd(total)} over ${perLink.length} priced links${bars.length > 0 ? `; the costliest is ${bars[0].link.id} at ${usd(bars[0].cost)}` : ''}.`,
    width: W,
    height,
    body: el('g', { class: 'marks' }, marks),
  });
  const linkRows = perLink.map((q) => [
    q.link.id,
    formatCost(q.link.costPerByte!),
    inUnit(q.bytes, byteUnit(q.bytes)),
    usd(q.cost),
  ]);
  const dsRows = costs.perDataset.map(([id, c]) => [id, usd(c)]);
  const table =
    dataTable(
      'Cost by link: price, bytes carried, cost',
      ['link', 'price', 'carried', 'cost'],
      linkRows,
      [1, 2, 3],
    ) + dataTable('Cost by dataset (bytes over priced links × price)', ['dataset', 'cost'], dsRows, [1]);
  return {
    id: 'chart-cost',
    heading: `Transfer cost: ${usd(total)}`,
    caption: esc(
      `Bytes carried over links with a price (costPerByte) times that price${bars.length > 0 ? `; the ${bars.length === 1 ? 'one link' : `${bars.length} costliest links`} with a cost drawn` : ''}. Links without a price cost nothing here.`,
    ),
    svg,
    table,
  };
}
