/**
 * Benchmark: the planner (earliest completion, exact) on a seeded worldwide one-policy scenario —
 * 300 sites, 40 cloud regions, 8 exchanges, 2,000 links, 7 days × 15-minute slots — and on the
 * same scenario with twice the slots (7.5-minute slots), to show how time grows.
 *
 * Target (issue 5): ≤ 10 s and ≤ 2 GB peak memory on one core; doubling the slots ≤ 2.2× time.
 * Recorded per run: network sizes, max-flow solves and push/relabel counters (deterministic, so
 * a change in work shows even through timing noise), time per phase (parse, calendars, build,
 * solve, decode, bottlenecks, what-if, direct upload, verify) and the process's peak RSS.
 *
 * Usage: `npx tsx bench/plan.ts [--out DIR] [--no-double]` (default DIR: bench/results).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCalendars } from '../src/constraints/index.js';
import { parseScenario } from '../src/io/scenario/index.js';
import { planSync } from '../src/scheduler/planner.js';
import { verifyPlan } from '../src/verify/verify.js';
import { generateWorldwideScenario, type ScenarioGenOptions } from './lib/scenario-gen.js';

/** Options of {@link runPlanBench}. */
export interface PlanBenchOptions {
  /** Generator options (seed, sizes, slot length). @defaultValue the issue's size, seed 20261125 */
  readonly scenario?: ScenarioGenOptions;
  /** Also run with half-length slots (twice the slots) and report the time ratio. @defaultValue true */
  readonly doubleSlots?: boolean;
  /** Directory for `plan.json`, or null to write nothing. @defaultValue 'bench/results' */
  readonly out?: string | null;
}

/** One planner run. */
export interface PlanRun {
  readonly slots: number;
  readonly slotSeconds: number;
  readonly status: string;
  readonly makespanSlot: number | null;
  readonly networkNodes: number;
  readonly networkArcs: number;
  readonly maxFlowSolves: number;
  readonly pushes: number;
  readonly relabels: number;
  readonly transfers: number;
  readonly verified: boolean;
  /** Milliseconds per phase. */
  readonly phasesMs: Record<string, number>;
  /** Plan time without parsing and verifying (calendars … direct upload). */
  readonly planMs: number;
  readonly totalMs: number;
}

/** What {@link runPlanBench} measured. */
export interface PlanBenchResult {
  readonly bench: 'plan';
  readonly sites: number;
  readonly clouds: number;
  readonly links: number;
  readonly datasets: number;
  readonly runs: PlanRun[];
  /** Plan time of the doubled-slot run divided by the base run's (target ≤ 2.2). */
  readonly doubleSlotsRatio: number | null;
  /** Peak resident set size of the process, MB (target ≤ 2048). */
  readonly peakRssMB: number;
  readonly targetMs: number;
  readonly node: string;
  readonly seed: number;
}

const round = (x: number) => Math.round(x * 10) / 10;

function runOnce(gen: ScenarioGenOptions): PlanRun {
  const phasesMs: Record<string, number> = {};
  const t0 = performance.now();
  const text = JSON.stringify(generateWorldwideScenario(gen));
  const scenario = parseScenario(text, 'bench.json');
  const t1 = performance.now();
  phasesMs.parse = round(t1 - t0);
  let phase = 'calendars';
  let since = performance.now();
  const names: Record<string, string> = { network: 'build', search: 'solve' };
  const calendars = buildCalendars(scenario);
  const plan = planSync(scenario, {
    calendars,
    onProgress: (e) => {
      if (e.probe !== undefined || e.phase === phase) return;
      const now = performance.now();
      const key = names[phase] ?? phase;
      phasesMs[key] = round((phasesMs[key] ?? 0) + now - since);
      phase = e.phase;
      since = now;
    },
  });
  const t2 = performance.now();
  const report = verifyPlan(scenario, plan, { calendars });
  const t3 = performance.now();
  phasesMs.verify = round(t3 - t2);
  const stats = plan.stats ?? {};
  return {
    slots: scenario.horizon.slots,
    slotSeconds: scenario.horizon.slotSeconds,
    status: plan.status,
    makespanSlot: plan.makespan?.slot ?? null,
    networkNodes: Number(stats.networkNodes),
    networkArcs: Number(stats.networkArcs),
    maxFlowSolves: Number(stats.maxFlowSolves),
    pushes: Number(stats.pushes),
    relabels: Number(stats.relabels),
    transfers: plan.transfers.length,
    verified: report.ok,
    phasesMs,
    planMs: round(t2 - t1),
    totalMs: round(t3 - t0),
  };
}

/** Runs the planner benchmark (see the module header) and returns, and by default writes, the figures. */
export function runPlanBench(options: PlanBenchOptions = {}): PlanBenchResult {
  const gen: ScenarioGenOptions = { seed: 20261125, ...options.scenario };
  const runs = [runOnce(gen)];
  if (options.doubleSlots ?? true) runs.push(runOnce({ ...gen, slotSeconds: (gen.slotSeconds ?? 900) / 2 }));
  const result: PlanBenchResult = {
    bench: 'plan',
    sites: gen.sites ?? 300,
    clouds: gen.clouds ?? 40,
    links: gen.links ?? 2000,
    datasets: gen.sites ?? 300,
    runs,
    doubleSlotsRatio: runs.length > 1 ? Math.round((runs[1].planMs / runs[0].planMs) * 100) / 100 : null,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    targetMs: 10_000,
    node: process.version,
    seed: gen.seed ?? 20261125,
  };
  const dir = options.out === undefined ? join('bench', 'results') : options.out;
  if (dir !== null) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'plan.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const r = runPlanBench({
    out: outAt >= 0 ? args[outAt + 1] : undefined,
    doubleSlots: !args.includes('--no-double'),
  });
  for (const run of r.runs) {
    process.stdout.write(
      `plan: ${r.sites} sites, ${r.clouds} clouds, ${r.links} links, ${run.slots} slots: ${run.status}, makespan slot ` +
        `${run.makespanSlot}; ${run.networkNodes} nodes, ${run.networkArcs} arcs, ${run.maxFlowSolves} solves; ` +
        `plan ${run.planMs} ms (${Object.entries(run.phasesMs)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}); verified ${run.verified}\n`,
    );
  }
  process.stdout.write(
    `doubling the slots: ×${r.doubleSlotsRatio} (target ≤ 2.2); peak RSS ${r.peakRssMB} MB\n`,
  );
}
