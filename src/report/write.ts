/**
 * Writing a report file: what `wanplan report` and `wanplan plan --report` call.
 */
import { writeFile } from 'node:fs/promises';
import type { Scenario } from '../io/model.js';
import type { Plan } from '../plan/types.js';
import { type ReportOptions, renderReport } from './render.js';

/**
 * Renders the report of `plan` (see {@link renderReport}) and writes it to `file` as UTF-8.
 * @returns the number of bytes written.
 */
export async function writeReport(
  file: string,
  scenario: Scenario,
  plan: Plan,
  options: ReportOptions = {},
): Promise<number> {
  const html = renderReport(scenario, plan, options);
  await writeFile(file, html, 'utf8');
  return Buffer.byteLength(html, 'utf8');
}
