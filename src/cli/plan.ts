/**
 * `wanplan plan FILE [--json] [--out plan.json] [--check] [--quantum 1MB] [--report plan.html] …`:
 * plans a scenario. A readable summary by default (sizes in SI units, times in UTC and local);
 * the PLAN.md document with `--json` (stdout) or `--out` (file); the HTML report with `--report`.
 * Progress goes to stderr, only when it is a terminal and only once a run has taken over a second.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { Temporal } from 'temporal-polyfill';
import { buildCalendars } from '../constraints/calendars.js';
import { UsageError } from '../errors.js';
import type { Scenario } from '../io/model.js';
import { loadScenario } from '../io/scenario/index.js';
import { formatBytes, parseSize } from '../io/units.js';
import type { Plan, PlanObjective } from '../plan/types.js';
import { vsDirectLine } from '../plan/vs-direct.js';
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

function localText(iso: string, zone: string | null): string {
  if (zone === null) return iso;
  const z = Temporal.Instant.from(iso).toZonedDateTimeISO(zone);
  return `${z.toPlainDateTime().toString({ smallestUnit: 'minute' }).replace('T', ' ')} ${zone}`;
}

/** The readable summary of a plan. */
export /** `1 LP solve`, `2 LP solves`. */
function count(n: number | string | undefined, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatPlanSummary(scenario: Scenario, p: Plan): string {
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
  lines.push('', 'datasets:');
  const ds = new Map(scenario.datasets.map((d) => [d.id, d]));
  for (const d of p.datasets) {
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
    lines.push(`  ${d.id}: ${formatBytes(d.wireBytes)}, ${when}${due}`);
  }
  if (p.bottlenecks.length > 0) {
    lines.push('', 'bottlenecks:');
    for (const b of p.bottlenecks.slice(0, 10)) lines.push(`  ${b.kind} ${b.id}: ${b.note}`);
    if (p.bottlenecks.length > 10) lines.push(`  … ${p.bottlenecks.length - 10} more in the JSON plan`);
  }
  if (p.vsDirect) lines.push('', `vs direct upload: ${vsDirectLine(scenario, p.vsDirect)}`);
  if (p.notes.length > 0) {
    lines.push('', 'notes:');
    for (const n of p.notes) lines.push(`  ${n}`);
  }
  if (p.stats) {
    const s = p.stats;
    lines.push(
      '',
      `solver: ${s.networkNodes} nodes, ${s.networkArcs} arcs, ` +
        (s.lpSolves !== undefined
          ? `${count(s.commodityClasses, 'commodity class', 'commodity classes')}, ` +
            `LP ${s.lpColumns} columns × ${s.lpRows} rows, ${count(s.lpSolves, 'LP solve')}, `
          : `${count(s.maxFlowSolves, 'max-flow solve')}, `) +
        `${count(p.transfers.length, 'transfer row')}, quantum ${formatBytes(p.quantumBytes)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function progressPrinter(io: CliIo): (e: PlanProgress) => void {
  const started = Date.now();
  let shown = false;
  return (e) => {
    if (!io.errIsTTY || Date.now() - started < 1000) return;
    shown = true;
    const probe = e.probe ? ` (T=${e.probe.T}: ${e.probe.value}/${e.probe.demand} quanta)` : '';
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
        io.out(formatPlanSummary(scenario, result) + (flags.check ? 'check: the plan verifies\n' : ''));
        if (flags.report !== undefined) io.out(`report written to ${flags.report}\n`);
      }
      setExit(0);
    });
