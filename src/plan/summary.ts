/**
 * The readable summary of a plan that `wanplan plan` prints: status and makespan (UTC and the
 * local time of the first dataset's site), the lower bound, one line per dataset (size,
 * completion or bytes delivered, due met or missed), the first bottlenecks, the comparison with
 * direct upload, the planner's notes and the solver's sizes. Sizes are SI (`formatBytes`).
 *
 * Pure: it returns the lines and prints nothing.
 */
import { Temporal } from 'temporal-polyfill';
import type { Scenario } from '../io/model.js';
import { formatBytes } from '../io/units.js';
import type { Plan } from './types.js';
import { vsDirectLine } from './vs-direct.js';
import { plural } from './words.js';

/** Options of {@link summarizePlan}. */
export interface PlanSummaryOptions {
  /**
   * Most bottlenecks listed; a last line says how many more the JSON plan holds.
   * @defaultValue 10
   */
  readonly maxBottlenecks?: number;
}

/** `2026-12-08 23:00 Europe/Berlin` for an ISO instant (the instant itself without a zone). */
function localText(iso: string, zone: string | null): string {
  if (zone === null) return iso;
  const z = Temporal.Instant.from(iso).toZonedDateTimeISO(zone);
  return `${z.toPlainDateTime().toString({ smallestUnit: 'minute' }).replace('T', ' ')} ${zone}`;
}

/** The `datasets:` lines: size, completion (or bytes delivered of those needed), due. */
function datasetLines(plan: Plan, scenario: Scenario, zoneOf: ReadonlyMap<string, string | null>): string[] {
  const ds = new Map(scenario.datasets.map((d) => [d.id, d]));
  return plan.datasets.map((d) => {
    const total = Object.values(d.delivered).reduce((s, b) => s + b, 0);
    const zone = zoneOf.get(ds.get(d.id)?.at ?? '') ?? null;
    // A replicated dataset needs its wire bytes once per copy: "20 TB of 20 TB" would read as done.
    const copies = ds.get(d.id)?.copies ?? 1;
    const needed =
      copies > 1 ? `${formatBytes(d.wireBytes * copies)} (${copies} copies)` : formatBytes(d.wireBytes);
    const when =
      d.completed === null
        ? `${formatBytes(total)} of ${needed} delivered`
        : `complete ${d.completed} (${localText(d.completed, zone)})`;
    const due =
      d.due === null
        ? ''
        : d.met
          ? `, due ${d.due}: met`
          : `, due ${d.due}: missed${d.lateSlots !== null ? ` by ${d.lateSlots} slot(s)` : ''}`;
    return `  ${d.id}: ${formatBytes(d.wireBytes)}, ${when}${due}`;
  });
}

/** The `solver:` line from the plan's `stats` (network size, LP size or max-flow solves). */
function solverLine(plan: Plan, stats: NonNullable<Plan['stats']>): string {
  const s = stats;
  return (
    `solver: ${s.networkNodes} nodes, ${s.networkArcs} arcs, ` +
    (s.lpSolves !== undefined
      ? `${plural(s.commodityClasses, 'commodity class', 'commodity classes')}, ` +
        `LP ${s.lpColumns} columns × ${s.lpRows} rows, ${plural(s.lpSolves, 'LP solve')}, `
      : `${plural(s.maxFlowSolves, 'max-flow solve')}, `) +
    `${plural(plan.transfers.length, 'transfer row')}, quantum ${formatBytes(plan.quantumBytes)}`
  );
}

/**
 * The summary of `plan` (for `scenario`, the one it was planned from) as text lines, without
 * line ends: `wanplan plan` prints them joined by newlines.
 */
export function summarizePlan(plan: Plan, scenario: Scenario, options: PlanSummaryOptions = {}): string[] {
  const maxBottlenecks = options.maxBottlenecks ?? 10;
  const p = plan;
  const lines: string[] = [];
  const zoneOf = new Map(scenario.nodes.map((n) => [n.id, n.timezone]));
  const firstZone = scenario.datasets.map((d) => zoneOf.get(d.at) ?? null).find((z) => z !== null) ?? null;
  lines.push(`${p.scenario ?? 'scenario'}: ${p.status} (${p.objective})`);
  if (p.makespan !== null) {
    lines.push(
      `makespan: slot ${p.makespan.slot}, ends ${p.makespan.end} (${localText(p.makespan.end, firstZone)})`,
    );
  } else lines.push('makespan: nothing delivered');
  if (p.lowerBound.slot !== null)
    lines.push(`lower bound: slot ${p.lowerBound.slot} (${p.lowerBound.method})`);
  lines.push('', 'datasets:', ...datasetLines(p, scenario, zoneOf));
  if (p.bottlenecks.length > 0) {
    lines.push('', 'bottlenecks:');
    for (const b of p.bottlenecks.slice(0, maxBottlenecks)) lines.push(`  ${b.kind} ${b.id}: ${b.note}`);
    if (p.bottlenecks.length > maxBottlenecks) {
      lines.push(`  … ${p.bottlenecks.length - maxBottlenecks} more in the JSON plan`);
    }
  }
  if (p.vsDirect) lines.push('', `vs direct upload: ${vsDirectLine(scenario, p.vsDirect)}`);
  if (p.notes.length > 0) {
    lines.push('', 'notes:');
    for (const n of p.notes) lines.push(`  ${n}`);
  }
  if (p.stats) lines.push('', solverLine(p, p.stats));
  return lines;
}
