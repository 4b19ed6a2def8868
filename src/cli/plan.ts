/**
 * `wanplan plan FILE [--json] [--out plan.json] [--check] [--quantum 1MB] [--report plan.html] …`:
 * plans a scenario. A readable summary by default (sizes in SI units, times in UTC and local);
 * the PLAN.md document with `--json` (stdout) or `--out` (file); the HTML report with `--report`.
 * Progress goes to stderr, only when it is a terminal and only once a run has taken over a second.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { buildCalendars } from '../constraints/calendars.js';
import { UsageError } from '../errors.js';
import { loadScenario } from '../io/scenario/index.js';
import { parseSize } from '../io/units.js';
import { summarizePlan } from '../plan/summary.js';
import type { PlanObjective } from '../plan/types.js';
import { writeReport } from '../report/index.js';
import type { PlanProgress } from '../scheduler/engine.js';
import { exportLpModel } from '../scheduler/lp/export.js';
import { plan } from '../scheduler/planner.js';
import { formatViolation } from '../verify/report.js';
import { verifyPlan } from '../verify/verify.js';
import type { CliIo } from './io.js';
import { guardWrite, writeOutputFile } from './output.js';
import type { CommandFactory } from './program.js';

interface PlanFlags {
  json?: boolean;
  out?: string;
  check?: boolean;
  quantum?: string;
  objective?: string;
  exportLp?: string;
  verbose?: boolean;
  report?: string;
  lpTimeLimit?: string;
}

function objectiveOf(text: string | undefined): PlanObjective | undefined {
  if (text === undefined) return undefined;
  if (text === 'earliest-completion' || text === 'min-cost') return text;
  throw new UsageError(`--objective ${text}: expected earliest-completion or min-cost`);
}

function seconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!(Number.isFinite(v) && v > 0)) {
    throw new UsageError(`--lp-time-limit ${text}: expected a positive number of seconds, e.g. 1800`);
  }
  return v;
}

function quantumBytes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const r = parseSize(text);
  if (!r.ok) throw new UsageError(`--quantum ${text}: ${r.message}${r.hint ? ` (${r.hint})` : ''}`);
  if (r.value < 1n || r.value >= 2n ** 53n) {
    throw new UsageError(`--quantum ${text}: expected a size from 1B to below 2^53 bytes`);
  }
  return Number(r.value);
}

function progressPrinter(io: CliIo): (e: PlanProgress) => void {
  const started = Date.now();
  let shown = false;
  return (e) => {
    if (!io.errIsTTY || Date.now() - started < 1000) return;
    shown = true;
    const probe = e.probe
      ? ` (T=${e.probe.T}: ${e.probe.value}/${e.probe.demand} quanta)`
      : e.detail
        ? ` — ${e.detail}`
        : '';
    io.err(
      `\r\u001b[2Kwanplan plan: ${e.phase}, ${e.solves} solves${probe}${e.phase === 'done' && shown ? '\n' : ''}`,
    );
  };
}

/** The `plan` subcommand. */
export const planCommand: CommandFactory = (io, setExit) =>
  new Command('plan')
    .description(
      'Plan the earliest-completion transfers of a scenario (PLAN.md), with bottlenecks and the gain over direct upload.',
    )
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('--json', 'write the plan document (PLAN.md) to stdout')
    .option('--out <file>', 'write the plan document to a file')
    .option('--check', 'verify the plan independently before writing it; exit 1 on violations')
    .option('--quantum <size>', 'flow granularity, e.g. 1MB (default) or 1B for byte-exact plans')
    .option(
      '--objective <name>',
      'earliest-completion (default) or min-cost (cheapest plan meeting every due)',
    )
    .option(
      '--export-lp <file>',
      'also write the multi-commodity LP as MPS (.mps) or LP text (.lp) for Gurobi/CPLEX',
    )
    .option('--verbose', 'LP sizes per reduction step and each solve on stderr')
    .option('--report <file>', 'also write the HTML report of the plan (see wanplan report)')
    .option('--lp-time-limit <seconds>', 'wall-clock limit per LP solve (default 600)')
    .addHelpText(
      'after',
      `
Examples:
  wanplan plan examples/single-policy.yaml
  wanplan plan examples/single-policy.yaml --check --out plan.json
  wanplan plan examples/single-policy.yaml --json --quantum 1B
  wanplan plan examples/worldwide.yaml --check --report plan.html`,
    )
    .action(async (file: string, flags: PlanFlags) => {
      for (const [option, out] of [
        ['--out', flags.out],
        ['--report', flags.report],
        ['--export-lp', flags.exportLp],
      ] as const) {
        if (out !== undefined && resolve(out) === resolve(file)) {
          throw new UsageError(
            `${option} ${out}: that is the scenario file itself; write the output elsewhere`,
          );
        }
      }
      const quantum = quantumBytes(flags.quantum);
      const timeLimitSeconds = seconds(flags.lpTimeLimit);
      const scenario = await loadScenario(file);
      const calendars = buildCalendars(scenario, { file });
      const objective = objectiveOf(flags.objective);
      if (flags.exportLp !== undefined) {
        const format = flags.exportLp.toLowerCase().endsWith('.lp')
          ? 'lp'
          : flags.exportLp.toLowerCase().endsWith('.mps')
            ? 'mps'
            : null;
        if (format === null)
          throw new UsageError(`--export-lp ${flags.exportLp}: the file name must end in .mps or .lp`);
        const bytes = await exportLpModel(scenario, { format, quantum, objective, calendars });
        if (bytes === null) io.err('wanplan plan: no dataset has bytes to move: no LP written\n');
        else await writeOutputFile('--export-lp', flags.exportLp, bytes);
      }
      const onLog = flags.verbose ? (line: string) => io.err(`wanplan plan: ${line}\n`) : undefined;
      const result = await plan(scenario, {
        quantum,
        calendars,
        objective,
        onLog,
        onProgress: progressPrinter(io),
        ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
      });
      const doc = JSON.stringify(result, null, 2);
      if (flags.check) {
        const report = verifyPlan(scenario, JSON.parse(doc), { calendars });
        if (!report.ok) {
          for (const v of report.violations) io.err(`${formatViolation(v)}\n`);
          io.err(`plan check failed: ${report.violations.length} violation(s); nothing written\n`);
          setExit(1);
          return;
        }
      }
      if (flags.out !== undefined) await writeOutputFile('--out', flags.out, `${doc}\n`);
      const reportFile = flags.report;
      if (reportFile !== undefined)
        await guardWrite('--report', reportFile, () =>
          writeReport(reportFile, scenario, result, { calendars }),
        );
      if (flags.json) io.out(`${doc}\n`);
      else {
        const summary = `${summarizePlan(result, scenario).join('\n')}\n`;
        io.out(summary + (flags.check ? 'check: the plan verifies\n' : ''));
        if (flags.report !== undefined) io.out(`report written to ${flags.report}\n`);
      }
      setExit(0);
    });
