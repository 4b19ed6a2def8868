/**
 * `wanplan report SCENARIO PLAN.json [-o report.html] [--timezone ZONE]`: the self-contained HTML
 * report of a plan. The plan is verified against the scenario first; a plan that does not verify
 * is still drawn, with a warning at the top of the page, and the command exits 1. A plan whose
 * shape is not PLAN.md's cannot be drawn: that is an input error naming the fields.
 */
import { Command } from 'commander';
import { buildCalendars } from '../constraints/calendars.js';
import { type Diagnostic, InputError, UsageError } from '../errors.js';
import { loadScenario } from '../io/scenario/index.js';
import { readPlanFile } from '../plan/read.js';
import type { Plan } from '../plan/types.js';
import { plural } from '../plan/words.js';
import { renderReport } from '../report/render.js';
import { formatViolation } from '../verify/report.js';
import { PlanSchema } from '../verify/shape.js';
import { verifyPlan } from '../verify/verify.js';
import { writeOutputFile } from './output.js';
import type { CommandFactory } from './program.js';

interface ReportFlags {
  out?: string;
  timezone?: string;
}

/** A field path the way every other message writes it: `transfers[5].bytes`. */
function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** The plan document, or an InputError naming what does not have PLAN.md's shape. */
function planShape(doc: unknown, file: string): Plan {
  const parsed = PlanSchema.safeParse(doc);
  if (parsed.success) return doc as Plan;
  const diagnostics: Diagnostic[] = parsed.error.issues.slice(0, 20).map((i) => ({
    file,
    line: null,
    column: null,
    path: fieldPath(i.path),
    message: `not a plan document (PLAN.md): ${i.message}`,
    severity: 'error',
  }));
  throw new InputError(diagnostics, parsed.error.issues.length);
}

/** The `report` subcommand. */
export const reportCommand: CommandFactory = (io, setExit) =>
  new Command('report')
    .description('Write a self-contained HTML report of a plan: charts, a world map, bottlenecks and costs.')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .argument('<plan>', 'plan file (the JSON of `wanplan plan --json`)')
    .option('-o, --out <file>', 'write the HTML to a file (default: stdout)')
    .option('--timezone <zone>', 'IANA zone of the local times (default: where most data originates)')
    .addHelpText(
      'after',
      `
Examples:
  wanplan plan examples/worldwide.yaml --out plan.json
  wanplan report examples/worldwide.yaml plan.json -o report.html
  wanplan report examples/worldwide.yaml plan.json --timezone America/New_York -o report.html`,
    )
    .action(async (scenarioFile: string, planFile: string, flags: ReportFlags) => {
      const scenario = await loadScenario(scenarioFile);
      const plan = planShape(await readPlanFile(planFile), planFile);
      const calendars = buildCalendars(scenario, { file: scenarioFile });
      const verdict = verifyPlan(scenario, plan, { calendars });
      const warnings: string[] = [];
      if (!verdict.ok) {
        const n = verdict.violations.length;
        warnings.push(
          `This plan does not verify against the scenario: ${plural(n, 'violation')} ` +
            `(first: ${formatViolation(verdict.violations[0])}). Run \`wanplan verify\` for the list; the charts below draw the plan as written.`,
        );
        for (const v of verdict.violations.slice(0, 10)) io.err(`${formatViolation(v)}\n`);
        io.err(`${planFile}: ${plural(n, 'violation')}; the report says so at the top\n`);
      }
      let html: string;
      try {
        html = renderReport(scenario, plan, {
          calendars,
          warnings,
          ...(flags.timezone !== undefined ? { timezone: flags.timezone } : {}),
        });
      } catch (err) {
        if (err instanceof RangeError && flags.timezone !== undefined) {
          throw new UsageError(
            `--timezone ${flags.timezone}: not a time zone this system knows (${err.message})`,
          );
        }
        throw err;
      }
      if (flags.out !== undefined) {
        await writeOutputFile('--out', flags.out, html);
        io.out(`report written to ${flags.out} (${Math.ceil(Buffer.byteLength(html, 'utf8') / 1000)} kB)\n`);
      } else io.out(html);
      setExit(verdict.ok ? 0 : 1);
    });
