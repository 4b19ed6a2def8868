/**
 * The HTML report of a plan: one self-contained page (inline CSS and SVG, no script, no URL that
 * the browser would fetch) with the header and the seven sections — delivery over time, map,
 * link utilisation, provider ingress/egress, staging storage, bottlenecks and cost.
 *
 * Invariants: the output depends only on the scenario, the plan and the options (no clock, no
 * locale), so the same input gives a byte-identical page; every piece of user text is escaped.
 *
 * Complexity: O(plan rows + (links + nodes + datasets + providers) × slots); the page holds at
 * most `maxLinks × maxColumns` heatmap cells (fewer after merging equal neighbours), so its size
 * grows with the scenario's entities, not with its slots.
 */
import { buildCalendars, type Calendars } from '../constraints/calendars.js';
import type { Scenario } from '../io/model.js';
import { formatBytes } from '../io/units.js';
import type { Plan } from '../plan/types.js';
import { VERSION } from '../version.js';
import { cumulativeFigure } from './charts/cumulative.js';
import { heatmapFigure } from './charts/heatmap.js';
import { providersFigure } from './charts/providers.js';
import { storageFigure } from './charts/storage.js';
import { bottleneckFigure, costBreakdown, costFigure, usd } from './charts/tables.js';
import { mapFigure } from './charts/worldmap.js';
import { dominantZone, ReportClock } from './clock.js';
import type { Figure, ReportContext, ReportLimits } from './context.js';
import { directCurve } from './direct.js';
import { headerHtml } from './header.js';
import { buildSeries, viewSlots } from './series.js';
import { STYLE } from './style.js';
import { el, esc } from './svg.js';

/** Options of {@link renderReport}. */
export interface ReportOptions {
  /**
   * IANA time zone of the local times shown beside UTC.
   * @defaultValue the zone of the dataset origins holding the most bytes (UTC only when no origin has one)
   */
  readonly timezone?: string | null;
  /**
   * Most time columns in the heatmap and the provider chart (consecutive slots are summed).
   * @defaultValue 200
   */
  readonly maxColumns?: number;
  /**
   * Most links in the heatmap (those carrying most bytes).
   * @defaultValue 60
   */
  readonly maxLinks?: number;
  /**
   * Most datasets drawn as their own band in the delivery chart (the rest are summed).
   * @defaultValue 12
   */
  readonly maxSeries?: number;
  /** Warnings shown in red at the top (e.g. "the plan does not verify"). */
  readonly warnings?: readonly string[];
  /** The scenario's calendars, when the caller has them (saves recomputing them). */
  readonly calendars?: Calendars;
}

const DEFAULTS = { maxColumns: 200, maxLinks: 60, maxSeries: 12 } as const;

function section(f: Figure): string {
  const table =
    f.table === ''
      ? ''
      : f.tableIsContent
        ? f.table
        : el('details', {}, [el('summary', {}, 'Data table'), f.table]);
  return el(
    'section',
    { class: 'figure', id: f.id.replace(/^chart-|^table-/, ''), 'aria-labelledby': `${f.id}-h` },
    [el('h2', { id: `${f.id}-h` }, esc(f.heading)), el('p', { class: 'caption' }, f.caption), f.svg, table],
  );
}

function positive(name: string, v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1)
    throw new RangeError(`renderReport: ${name} must be a positive integer, got ${v}`);
  return v;
}

/**
 * Everything the chart builders read, derived once (exported for the builders' tests).
 * @throws RangeError for a non-positive limit or an unknown `timezone`.
 */
export function buildContext(scenario: Scenario, plan: Plan, options: ReportOptions = {}): ReportContext {
  const limits: ReportLimits = {
    maxColumns: positive('maxColumns', options.maxColumns, DEFAULTS.maxColumns),
    maxLinks: positive('maxLinks', options.maxLinks, DEFAULTS.maxLinks),
    maxSeries: positive('maxSeries', options.maxSeries, DEFAULTS.maxSeries),
  };
  const h = scenario.horizon;
  const zone = options.timezone === undefined ? dominantZone(scenario) : options.timezone;
  const clock = new ReportClock(h.start, h.slotSeconds, h.slots, zone);
  if (zone !== null) clock.dateTime(h.start, true); // fail early on an unknown zone
  const calendars = options.calendars ?? buildCalendars(scenario);
  const direct = directCurve(scenario, calendars);
  const view = viewSlots(scenario, plan, clock, direct.completeSlot ?? -1);
  const series = buildSeries(scenario, plan, view);
  return { scenario, plan, clock, calendars, series, direct, limits };
}

/**
 * Renders the report of `plan` for `scenario` as one self-contained HTML document.
 * @param scenario - the validated scenario the plan was made for.
 * @param plan - the plan document (PLAN.md); rows naming unknown ids are ignored, so verify
 *   untrusted plans first (`verifyPlan`) and pass any problem in `options.warnings`.
 * @returns the HTML text (UTF-8, starting with `<!doctype html>`).
 * @throws RangeError for a non-positive limit or an unknown `timezone`.
 */
export function renderReport(scenario: Scenario, plan: Plan, options: ReportOptions = {}): string {
  const ctx = buildContext(scenario, plan, options);
  const costs = costBreakdown(ctx);
  const figures = [
    cumulativeFigure(ctx),
    mapFigure(ctx),
    heatmapFigure(ctx),
    providersFigure(ctx),
    storageFigure(ctx),
    bottleneckFigure(ctx),
    costFigure(ctx),
  ].filter((f): f is Figure => f !== null);
  const notes =
    plan.notes.length === 0
      ? ''
      : el('section', { class: 'figure', id: 'notes' }, [
          el('h2', {}, 'Planner notes'),
          el(
            'ul',
            { class: 'notes' },
            plan.notes.map((n) => el('li', {}, esc(n))),
          ),
        ]);
  const lb = plan.lowerBound.slot === null ? 'none (plan not complete)' : `slot ${plan.lowerBound.slot}`;
  const footer = el(
    'footer',
    {},
    esc(
      `Generated by wanplan ${VERSION} from a plan document (PLAN.md version ${plan.wanplan}). ` +
        `Lower bound on the makespan: ${lb} (${plan.lowerBound.method}). Flow quantum: ${formatBytes(plan.quantumBytes)}. ` +
        `${plan.transfers.length} transfer rows, ${plan.deliveries.length} delivery rows, ${plan.storage.length} storage rows.`,
    ),
  );
  const title = `${plan.scenario ?? scenario.name ?? 'wanplan'} — ${plan.status} backup plan`;
  return (
    '<!doctype html>\n' +
    el('html', { lang: 'en' }, [
      el('head', {}, [
        el('meta', { charset: 'utf-8' }),
        el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        el('title', {}, esc(title)),
        el('style', {}, STYLE),
      ]),
      el('body', {}, [
        el('main', {}, [
          headerHtml(ctx, options.warnings ?? [], costs === null ? null : usd(costs.total)),
          ...figures.map(section),
          notes,
          footer,
        ]),
      ]),
    ]) +
    '\n'
  );
}
