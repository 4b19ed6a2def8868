/**
 * The top of the report: scenario name and status; for partial and infeasible plans a banner with
 * the planner's reasons (its `notes`) before anything else; then key figures — makespan in UTC
 * and local time, the gain over direct upload, data delivered, dues, cost.
 */
import { formatDuration } from '../io/units.js';
import type { PlanStatus } from '../plan/types.js';
import { byteUnit, inUnit, percent } from './axis-units.js';
import { ReportClock } from './clock.js';
import type { ReportContext } from './context.js';
import { el, esc } from './svg.js';

const STATUS_TEXT: Record<PlanStatus, string> = {
  complete: 'Complete',
  partial: 'Partial',
  infeasible: 'Infeasible',
};

function kpi(label: string, value: string, detail: string, tone = '', suffix = ''): string {
  return el('div', { class: `kpi ${tone}`.trim() }, [
    el('div', { class: 'label' }, esc(label)),
    el('div', { class: 'value' }, esc(value) + (suffix ? ` ${el('small', {}, esc(suffix))}` : '')),
    el('div', { class: 'detail' }, esc(detail)),
  ]);
}

/** The banner of a partial or infeasible plan (empty for complete plans). */
export function statusBanner(ctx: ReportContext): string {
  const { plan, scenario } = ctx;
  if (plan.status === 'complete') return '';
  const wire = new Map(scenario.datasets.map((d) => [d.id, d.copies * d.wire]));
  const short = plan.datasets.filter((d) => d.completed === null).map((d) => d.id);
  const delivered = plan.datasets.reduce(
    (s, d) => s + Object.values(d.delivered).reduce((a, b) => a + b, 0),
    0,
  );
  const demand = plan.datasets.reduce((s, d) => s + (wire.get(d.id) ?? d.wireBytes), 0);
  const headline =
    plan.status === 'infeasible'
      ? 'Infeasible: some datasets cannot reach their destinations within the horizon'
      : 'Partial: the horizon is too short to deliver every dataset';
  const reasons = plan.notes.length > 0 ? plan.notes : ['the planner gave no reason (no notes in the plan)'];
  return el('div', { class: `banner ${plan.status}`, role: 'alert' }, [
    el('h2', {}, esc(headline)),
    el(
      'p',
      {},
      esc(
        `${inUnit(delivered, byteUnit(demand))} of ${inUnit(demand, byteUnit(demand))} delivered (${percent(demand > 0 ? delivered / demand : 0)}); ` +
          `${short.length} of ${plan.datasets.length} datasets incomplete${short.length > 0 ? `: ${short.slice(0, 12).join(', ')}${short.length > 12 ? ', …' : ''}` : ''}.`,
      ),
    ),
    el('p', {}, esc(plan.notes.length === 1 ? 'Reason:' : 'Reasons:')),
    el(
      'ul',
      {},
      reasons.map((n) => el('li', {}, esc(n))),
    ),
  ]);
}

/** Header, banners and key figures. */
export function headerHtml(
  ctx: ReportContext,
  warnings: readonly string[],
  totalCost: string | null,
): string {
  const { plan, scenario, clock } = ctx;
  const h = scenario.horizon;
  const name = plan.scenario ?? scenario.name ?? 'Unnamed scenario';
  const horizonEnd = clock.slotStart(h.slots);
  const sub =
    `Backup transfer plan · ${plan.objective} · horizon ${clock.dateTime(h.start)} – ${clock.dateTime(horizonEnd)} UTC ` +
    `(${h.slots} slots of ${formatDuration(h.slotSeconds)})` +
    (clock.zone !== null ? ` · local time: ${clock.zone}` : '');
  const parts: string[] = [
    el('p', { class: 'eyebrow' }, 'wanplan report'),
    el('h1', {}, [esc(name), el('span', { class: `status ${plan.status}` }, STATUS_TEXT[plan.status])]),
    el('p', { class: 'sub' }, esc(sub)),
  ];
  for (const w of warnings)
    parts.push(
      el('div', { class: 'banner warning', role: 'alert' }, [el('h2', {}, 'Warning'), el('p', {}, esc(w))]),
    );
  parts.push(statusBanner(ctx));

  const cards: string[] = [];
  if (plan.makespan !== null) {
    const e = ReportClock.epoch(plan.makespan.end);
    cards.push(
      kpi(
        'Makespan',
        clock.dateTime(e),
        `${clock.zone !== null ? `${clock.dateTime(e, true)} ${clock.zone} · ` : ''}${formatDuration(e - h.start)} after start · slot ${plan.makespan.slot}`,
        plan.status === 'complete' ? '' : 'bad',
        'UTC',
      ),
    );
  } else cards.push(kpi('Makespan', '—', 'nothing delivered', 'bad'));
  const vs = plan.vsDirect;
  if (vs) {
    if (vs.speedup !== null)
      cards.push(
        kpi(
          'Gain over direct upload',
          `${vs.speedup.toFixed(vs.speedup >= 10 ? 0 : 1)}× faster`,
          vs.note,
          'good',
        ),
      );
    else if (vs.makespan === null && plan.status === 'complete') {
      const demand = scenario.datasets.reduce((s, d) => s + d.copies * d.wire, 0);
      cards.push(
        kpi(
          'Gain over direct upload',
          'direct never ends',
          `direct upload delivers ${inUnit(vs.deliveredBytes, byteUnit(demand))} of ${inUnit(demand, byteUnit(demand))} within the horizon`,
          'good',
        ),
      );
    } else cards.push(kpi('Gain over direct upload', '—', vs.note));
  }
  const demand = scenario.datasets.reduce((s, d) => s + d.copies * d.wire, 0);
  const delivered = plan.datasets.reduce(
    (s, d) => s + Object.values(d.delivered).reduce((a, b) => a + b, 0),
    0,
  );
  const unit = byteUnit(demand);
  cards.push(
    kpi(
      'Delivered',
      `${inUnit(delivered, unit)}`,
      `of ${inUnit(demand, unit)} (${percent(demand > 0 ? delivered / demand : 1)}) · ${plan.datasets.length} dataset${plan.datasets.length === 1 ? '' : 's'}, all copies`,
      delivered >= demand ? '' : 'bad',
    ),
  );
  const dues = plan.datasets.filter((d) => d.due !== null);
  if (dues.length > 0) {
    const met = dues.filter((d) => d.met === true).length;
    cards.push(
      kpi(
        'Deadlines',
        `${met} of ${dues.length} met`,
        met === dues.length ? 'every due is met' : `${dues.length - met} missed`,
        met === dues.length ? 'good' : 'bad',
      ),
    );
  }
  if (totalCost !== null)
    cards.push(kpi('Transfer cost', totalCost, 'bytes carried over priced links × their price'));
  parts.push(el('div', { class: 'kpis' }, cards));
  return el('header', { class: 'report-head' }, parts);
}
