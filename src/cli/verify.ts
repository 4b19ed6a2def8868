/**
 * `wanplan verify SCENARIO PLAN.json [--json]`: re-checks a plan against its scenario with the
 * independent verifier and prints every violation, one per line, naming the plan row it concerns;
 * "plan is valid" and exit 0 when there is none, exit 1 when there is any. With `--json` the report
 * is printed as JSON (`{ ok, violations: [{ rule, message, row: { table, index } }] }`).
 * Unreadable or non-JSON files are `InputError`s (exit 1, with the position of a syntax error).
 */
import { Command } from 'commander';
import { buildCalendars } from '../constraints/calendars.js';
import { loadScenarioWithWarnings } from '../io/scenario/index.js';
import { readPlanFile } from '../plan/read.js';
import { plural } from '../plan/words.js';
import { formatViolation, type Violation } from '../verify/report.js';
import { verifyPlan } from '../verify/verify.js';
import type { CommandFactory } from './program.js';

function tableSize(plan: unknown, table: string): number {
  const t = typeof plan === 'object' && plan !== null ? (plan as Record<string, unknown>)[table] : undefined;
  return Array.isArray(t) ? t.length : 0;
}

function ruleCounts(violations: readonly Violation[]): string {
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(v.rule, (counts.get(v.rule) ?? 0) + 1);
  return [...counts.entries()].map(([rule, n]) => `${rule} ${n}`).join(', ');
}

/** The `verify` subcommand. */
export const verifyCommand: CommandFactory = (io, setExit) =>
  new Command('verify')
    .description(
      'Re-check a plan against its scenario; print every violation (exit 1) or "plan is valid" (exit 0).',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .argument('<plan>', 'plan file (the JSON of `wanplan plan --json`)')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
Examples:
  wanplan verify examples/worldwide.yaml plan.json
  wanplan verify scenario.yaml plan.json --json`,
    )
    .action(async (scenarioFile: string, planFile: string, opts: { json?: boolean }) => {
      const read = await loadScenarioWithWarnings(scenarioFile);
      const plan = await readPlanFile(planFile);
      const calendars = buildCalendars(read.scenario, { file: scenarioFile, locate: read.locate });
      const report = verifyPlan(read.scenario, plan, { calendars });
      if (opts.json) {
        const violations = report.violations.map((v) => ({
          rule: v.rule,
          message: v.message,
          ...(v.row ? { row: { table: v.row.table, index: v.row.index } } : {}),
          text: formatViolation(v),
        }));
        io.out(`${JSON.stringify({ ok: report.ok, violations }, null, 2)}\n`);
      } else if (report.ok) {
        const rows = `${plural(tableSize(plan, 'transfers'), 'transfer')}, ${plural(tableSize(plan, 'deliveries'), 'delivery', 'deliveries')}, ${plural(tableSize(plan, 'storage'), 'storage row')}`;
        io.out(`plan is valid (${planFile} against ${scenarioFile}: ${rows})\n`);
      } else {
        let text = '';
        for (const v of report.violations) text += `${formatViolation(v)}\n`;
        text += `${planFile}: ${plural(report.violations.length, 'violation')} (${ruleCounts(report.violations)})\n`;
        io.out(text);
      }
      setExit(report.ok ? 0 : 1);
    });
