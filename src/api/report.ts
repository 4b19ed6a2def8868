/**
 * `wanplan/report` — a plan for people: {@link renderReport} returns the self-contained HTML
 * report (inline SVG charts, no script, no external URL), {@link writeReport} writes it to a
 * file, and {@link summarizePlan} returns the text summary `wanplan plan` prints.
 *
 * @example
 * ```js
 * import { summarizePlan, writeReport } from 'wanplan/report';
 * console.log(summarizePlan(result, scenario).join('\n'));
 * await writeReport('plan.html', scenario, result);
 * ```
 * @packageDocumentation
 */

/** The plan summary as text lines. */
export { type PlanSummaryOptions, summarizePlan } from '../plan/summary.js';
/** The HTML report as a string; see {@link ReportOptions}. */
export { type ReportOptions, renderReport } from '../report/render.js';
/** Writes the HTML report to a file. */
export { writeReport } from '../report/write.js';
