/**
 * Benchmark of the multi-commodity LP planner (issue "Policies"): LP size (rows, columns,
 * non-zeros) before and after reduction, build and solve time, peak memory, as scenarios grow in
 * classes × links × slots; `examples/worldwide.yaml` (target: planned exactly in ≤ 60 s on one
 * core); the largest size solved within 5 minutes; and the WebAssembly HiGHS solve of one LP
 * against native HiGHS (scipy's `linprog(method='highs-ds')` from python3, on the exported MPS
 * parsed by a small reader below — scipy cannot read MPS itself) in the same run, as a ratio.
 *
 * Deterministic work counters (LP solves, simplex iterations, columns) are written beside the
 * times. Scenarios: the seeded worldwide generator of bench/lib with its datasets spread over
 * policies — any cloud, AWS only (residency), GCP or Azure with a due on day 2, and every fourth
 * dataset `copies: 2` over AWS and GCP (each of those is a class of its own).
 *
 * Estates (issue 13, "Performance"): the named realistic estates of bench/lib/estates.ts
 * (bench/lib/estate-gen.ts), each planned with the library's public `plan()` in a fresh child
 * process (bench/lib/estate-run.ts): per phase times, status, makespan, lower bound and its
 * method, gap, classes, LP size and solves, time and the child's peak RSS, or the outcome
 * "refused" (LpTooLargeError), "error" (plan() threw something else) or "timeout" (the child
 * was killed at the wall-clock limit, {@link ESTATE_WALL_SECONDS}) with the message. `--quick`
 * runs only the small CI estate.
 *
 * Usage: `npx tsx bench/policies.ts [--quick] [--out DIR] [--estate NAME]...` (default DIR:
 * bench/results; `--estate` runs only the named estates, nothing else) and
 * `npx tsx bench/policies.ts --write NAME FILE` (writes estate NAME as YAML, or JSON when FILE
 * ends in .json, for `wanplan plan FILE`; `--write list` lists the estates).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { buildCalendars } from '../src/constraints/calendars.js';
import { loadLp } from '../src/flow/lp.js';
import type { Scenario } from '../src/io/model.js';
import { loadScenario, parseScenario } from '../src/io/scenario/index.js';
import { buildLpContext } from '../src/scheduler/lp/context.js';
import { buildLpModel, LpTooLargeError } from '../src/scheduler/lp/model.js';
import { planLp } from '../src/scheduler/lp/planner.js';
import { dueLimits, limitsFor } from '../src/scheduler/lp/search.js';
import { verifyPlan } from '../src/verify/verify.js';
import { generateEstate } from './lib/estate-gen.js';
import { type EstateOutcome, runEstate } from './lib/estate-run.js';
import { ESTATES, estateByName } from './lib/estates.js';
import { generateWorldwideScenario } from './lib/scenario-gen.js';

/** Options of {@link runPoliciesBench}. */
export interface PoliciesBenchOptions {
  /** Only the two smallest grid points (plus worldwide and the native comparison). @defaultValue false */
  readonly quick?: boolean;
  /** Directory for `policies.json`, or null to write nothing. @defaultValue 'bench/results' */
  readonly out?: string | null;
  /** Stop growing once a point takes longer than this (seconds). @defaultValue 300 */
  readonly budgetSeconds?: number;
  /** Progress lines (stderr in the CLI entry). */
  readonly onLine?: (line: string) => void;
  /** Run only these estates (and skip the grid, worldwide and the native comparison). */
  readonly estates?: readonly string[];
}

/** One measured scenario. */
export interface PolicyPoint {
  readonly name: string;
  readonly sites: number;
  readonly links: number;
  readonly slots: number;
  readonly classes: number;
  readonly datasets: number;
  readonly columnsUnreduced: number;
  readonly columns: number;
  readonly rows: number;
  readonly nonZeros: number;
  readonly buildMs: number;
  readonly planMs: number;
  readonly lpSolves: number;
  readonly simplexIterations: number;
  readonly status: string;
  readonly makespanSlot: number | null;
  readonly lowerBoundSlot: number | null;
  readonly verified: boolean;
  readonly wasmHeapMB: number;
  readonly peakRssMB: number;
  readonly error?: string;
}

/** The benchmark's result document. */
export interface PoliciesBenchResult {
  readonly bench: 'policies';
  readonly worldwide: PolicyPoint;
  readonly grid: PolicyPoint[];
  /** The largest grid point (by LP columns) planned within the budget. */
  readonly largestWithinBudget: { name: string; columns: number; planMs: number } | null;
  readonly native: {
    readonly model: string;
    readonly columns: number;
    readonly wasmMs: number;
    readonly nativeMs: number | null;
    readonly ratio: number | null;
    readonly objectiveWasm: number;
    readonly objectiveNative: number | null;
    readonly note: string;
  };
  /** The named estates (module header), smallest first. */
  readonly estates: EstateOutcome[];
}

/** Wall-clock limit of one estate's child process, seconds (plan()'s LP solve limit is 30 s less). */
export const ESTATE_WALL_SECONDS = 300;

/** The estates a run covers: the quick (CI) one, or all. */
export function estateNames(quick: boolean): string[] {
  return quick ? ['estate-20-mixed'] : ESTATES.map((e) => e.name);
}

/** One line about an estate run. */
export function describeEstate(r: EstateOutcome): string {
  const sz = `${r.size.nodes} nodes, ${r.size.links} links, ${r.size.datasets} datasets, ${r.size.slots} slots`;
  const head = `${r.name} (${sz}): ${r.outcome}`;
  if (r.outcome !== 'planned')
    return `${head} after ${r.planMs} ms, peak ${r.peakRssMB} MB${r.lpColumns !== null ? `, ${r.lpColumns} LP columns` : ''}: ${r.message}`;
  return (
    `${head}, ${r.status}, makespan ${r.makespanSlot}, lower bound ${r.lowerBoundSlot} (gap ${r.gapSlots}), ` +
    `${r.classes} classes, ${r.lpColumns ?? '—'} LP columns, ${r.lpSolves ?? r.maxFlowSolves} solves, ` +
    `dues met ${r.duesMet}/${r.duesTotal}, verified ${r.verified}, plan ${r.planMs} ms, peak ${r.peakRssMB} MB`
  );
}

/** Plans the named estates, one child process each (module header). */
export function runEstates(names: readonly string[], line: (l: string) => void = () => {}): EstateOutcome[] {
  return names.map((name) => {
    if (!estateByName(name))
      throw new Error(`unknown estate "${name}" (known: ${ESTATES.map((e) => e.name).join(', ')})`);
    const r = runEstate(name, { wallSeconds: ESTATE_WALL_SECONDS });
    line(describeEstate(r));
    return r;
  });
}

/** The estate `name` as scenario text: YAML with a comment header, or JSON. */
export function estateText(name: string, format: 'yaml' | 'json'): string {
  const e = estateByName(name);
  if (!e) throw new Error(`unknown estate "${name}" (known: ${ESTATES.map((x) => x.name).join(', ')})`);
  const doc = generateEstate(e.options);
  if (format === 'json') return `${JSON.stringify(doc, null, 1)}\n`;
  return (
    `# ${name}: generated by bench/lib/estate-gen.ts (npx tsx bench/policies.ts --write ${name} FILE)\n` +
    `# options: ${JSON.stringify(e.options)}\n# target: ${e.target}\n` +
    stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false })
  );
}

/** The growth grid: scenario generator sizes, smallest first (exported for bench/run.ts). */
export const GRID = [
  { sites: 15, clouds: 6, exchanges: 2, links: 70, days: 2, slotSeconds: 3600 },
  { sites: 30, clouds: 9, exchanges: 3, links: 150, days: 4, slotSeconds: 3600 },
  { sites: 60, clouds: 12, exchanges: 4, links: 300, days: 7, slotSeconds: 3600 },
  { sites: 100, clouds: 18, exchanges: 6, links: 600, days: 7, slotSeconds: 3600 },
  { sites: 150, clouds: 24, exchanges: 8, links: 1000, days: 7, slotSeconds: 1800 },
];

/** The generator's scenario with its datasets spread over policies (module header). */
export function policyScenario(g: (typeof GRID)[number], seed: number): Scenario {
  const doc = generateWorldwideScenario({ seed, ...g }) as { datasets: Record<string, unknown>[] };
  doc.datasets = doc.datasets.map((d, i) => {
    switch (i % 4) {
      case 1:
        return { ...d, to: ['aws'] };
      case 2:
        return { ...d, to: ['gcp', 'azure'], due: '2026-12-07T00:00:00Z' };
      case 3:
        return i % 8 === 3 ? { ...d, to: ['aws', 'gcp'], copies: 2 } : d;
      default:
        return d;
    }
  });
  return parseScenario(JSON.stringify(doc), 'bench.json');
}

const mb = (b: number) => Math.round(b / 1e5) / 10;

/** Builds the LP of `s` (whole horizon), plans it with {@link planLp} and verifies the plan; sizes, times, counters. */
export async function measure(
  name: string,
  s: Scenario,
  sites: number,
  budgetMs = 300_000,
): Promise<PolicyPoint> {
  const cal = buildCalendars(s);
  const t0 = performance.now();
  let ctx: ReturnType<typeof buildLpContext>;
  let built: ReturnType<typeof buildLpModel> | null = null;
  let error: string | undefined;
  try {
    ctx = buildLpContext(s, cal, 1_000_000);
    built = buildLpModel(ctx, limitsFor(ctx, dueLimits(ctx), ctx.ten.slots, ctx.ten.slots), 'earliest');
  } catch (err) {
    if (!(err instanceof LpTooLargeError)) throw err;
    error = err.message;
  }
  const buildMs = performance.now() - t0;
  const sizes = built?.sizes ?? [];
  const last = sizes[sizes.length - 1];
  const base = {
    name,
    sites,
    links: s.links.length,
    slots: s.horizon.slots,
    classes: built === null ? 0 : built.classStart.length - 1,
    datasets: s.datasets.length,
    columnsUnreduced: sizes[0]?.columns ?? 0,
    columns: last?.columns ?? 0,
    rows: last?.rows ?? 0,
    nonZeros: last?.nonZeros ?? 0,
    buildMs: Math.round(buildMs),
  };
  const lp = await loadLp();
  if (error !== undefined) {
    return {
      ...base,
      planMs: 0,
      lpSolves: 0,
      simplexIterations: 0,
      status: 'too-large',
      makespanSlot: null,
      lowerBoundSlot: null,
      verified: false,
      wasmHeapMB: mb(lp.heapBytes),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      error,
    };
  }
  const t1 = performance.now();
  let plan: Awaited<ReturnType<typeof planLp>>;
  try {
    // Each solve gets what is left of the budget: a point over budget ends as a time-limit error.
    plan = await planLp(s, { calendars: cal, timeLimitSeconds: budgetMs / 1000 });
  } catch (err) {
    const planMs = Math.round(performance.now() - t1);
    const message = err instanceof Error ? err.message : String(err);
    return {
      ...base,
      planMs,
      lpSolves: 0,
      simplexIterations: 0,
      status: 'over-budget',
      makespanSlot: null,
      lowerBoundSlot: null,
      verified: false,
      wasmHeapMB: mb(lp.heapBytes),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      error: message,
    };
  }
  const planMs = performance.now() - t1;
  const report = verifyPlan(s, JSON.parse(JSON.stringify(plan)), { calendars: cal });
  const st = plan.stats ?? {};
  return {
    ...base,
    planMs: Math.round(planMs),
    lpSolves: Number(st.lpSolves ?? 0),
    simplexIterations: Number(st.simplexIterations ?? 0),
    status: plan.status,
    makespanSlot: plan.makespan?.slot ?? null,
    lowerBoundSlot: plan.lowerBound.slot,
    verified: report.ok,
    wasmHeapMB: mb(lp.heapBytes),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** Reads free MPS as HiGHS writes it and solves it with scipy's HiGHS dual simplex; prints JSON. */
export const NATIVE = `
import json, sys, time
import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix
rows, kinds, cols, coef, rhs, lo, up = {}, [], {}, {}, {}, {}, {}
obj_name, section = None, None
ent_r, ent_c, ent_v, cost = [], [], [], {}
for line in open(sys.argv[1]):
    if not line.strip(): continue
    if not line[0].isspace():
        section = line.split()[0]; continue
    f = line.split()
    if section == 'ROWS':
        if f[0] == 'N': obj_name = f[1]
        else: rows[f[1]] = len(kinds); kinds.append(f[0])
    elif section == 'COLUMNS':
        if f[1] == "'MARKER'": continue
        j = cols.setdefault(f[0], len(cols))
        for k in range(1, len(f) - 1, 2):
            if f[k] == obj_name: cost[j] = float(f[k + 1])
            else: ent_r.append(rows[f[k]]); ent_c.append(j); ent_v.append(float(f[k + 1]))
    elif section == 'RHS':
        for k in range(1, len(f) - 1, 2):
            if f[k] in rows: rhs[rows[f[k]]] = float(f[k + 1])
    elif section == 'BOUNDS':
        t, j, v = f[0], cols[f[2]], (float(f[3]) if len(f) > 3 else None)
        if t == 'UP': up[j] = v
        elif t == 'LO': lo[j] = v
        elif t == 'FX': lo[j] = v; up[j] = v
        elif t == 'MI': lo[j] = None
        elif t == 'FR': lo[j] = None; up[j] = None
n, m = len(cols), len(kinds)
A = csr_matrix((ent_v, (ent_r, ent_c)), shape=(m, n))
c = np.zeros(n)
for j, v in cost.items(): c[j] = v
b = np.array([rhs.get(i, 0.0) for i in range(m)])
k = np.array(kinds)
sign = np.where(k == 'G', -1.0, 1.0)
ub_rows = np.where(k != 'E')[0]; eq_rows = np.where(k == 'E')[0]
A_ub = csr_matrix(A[ub_rows].multiply(sign[ub_rows][:, None])) if len(ub_rows) else None
b_ub = (b[ub_rows] * sign[ub_rows]) if len(ub_rows) else None
A_eq = A[eq_rows] if len(eq_rows) else None
b_eq = b[eq_rows] if len(eq_rows) else None
bounds = [(lo.get(j, 0.0), up.get(j, None)) for j in range(n)]
t0 = time.perf_counter()
r = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, method='highs-ds')
dt = time.perf_counter() - t0
print(json.dumps({'status': int(r.status), 'objective': float(r.fun) if r.fun is not None else None, 'seconds': dt, 'columns': n, 'rows': m}))
`;

/** Runs the benchmark (module header). */
export async function runPoliciesBench(options: PoliciesBenchOptions = {}): Promise<PoliciesBenchResult> {
  const line = options.onLine ?? (() => {});
  const budget = (options.budgetSeconds ?? 300) * 1000;
  if (options.estates !== undefined) {
    const estates = runEstates(options.estates, line);
    return writeResult(options.out, { bench: 'policies', estates } as unknown as PoliciesBenchResult);
  }
  const worldwideScenario = await loadScenario('examples/worldwide.yaml');
  const worldwide = await measure('examples/worldwide.yaml', worldwideScenario, 25);
  line(
    `worldwide: ${worldwide.columns} columns, ${worldwide.rows} rows, planned in ${worldwide.planMs} ms (${worldwide.lpSolves} LP solves), verified ${worldwide.verified}`,
  );

  // WebAssembly vs native HiGHS on the first LP of worldwide.yaml (dues, whole horizon).
  const cal = buildCalendars(worldwideScenario);
  const ctx = buildLpContext(worldwideScenario, cal, 1_000_000);
  const model = buildLpModel(ctx, limitsFor(ctx, dueLimits(ctx), 0, ctx.ten.slots), 'earliest');
  const lp = await loadLp();
  const tw = performance.now();
  const wasm = lp.solve(model.lp, { solver: 'simplex' });
  const wasmMs = performance.now() - tw;
  const dir = mkdtempSync(join(tmpdir(), 'wanplan-bench-'));
  const mps = join(dir, 'worldwide.mps');
  writeFileSync(mps, lp.exportModel(model.lp, 'mps'));
  let native: PoliciesBenchResult['native'];
  const objectiveWasm = wasm.status === 'optimal' ? wasm.objective : Number.NaN;
  try {
    const out = execFileSync('python3', ['-c', NATIVE, mps], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      timeout: 900_000,
    });
    const r = JSON.parse(out) as { status: number; objective: number | null; seconds: number };
    const nativeMs = r.seconds * 1000;
    native = {
      model: 'worldwide.yaml, first LP (every due, whole horizon, earliest objective)',
      columns: model.lp.numCols,
      wasmMs: Math.round(wasmMs),
      nativeMs: Math.round(nativeMs),
      ratio: Math.round((wasmMs / nativeMs) * 100) / 100,
      objectiveWasm,
      objectiveNative: r.objective,
      note: "native: scipy linprog(method='highs-ds') on the exported MPS (time of the solve only, not of reading)",
    };
  } catch (err) {
    native = {
      model: 'worldwide.yaml, first LP',
      columns: model.lp.numCols,
      wasmMs: Math.round(wasmMs),
      nativeMs: null,
      ratio: null,
      objectiveWasm,
      objectiveNative: null,
      note: `no native HiGHS available: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    };
  }
  line(`native comparison: wasm ${native.wasmMs} ms, native ${native.nativeMs} ms, ratio ${native.ratio}`);

  const grid: PolicyPoint[] = [];
  const points = options.quick ? GRID.slice(0, 2) : GRID;
  for (const g of points) {
    const name = `${g.sites} sites, ${g.links} links, ${g.days}d × ${g.slotSeconds / 60}min`;
    const p = await measure(name, policyScenario(g, 20261125), g.sites, budget);
    grid.push(p);
    line(
      `${name}: ${p.classes} classes, ${p.columns} columns (${p.columnsUnreduced} unreduced), ${p.rows} rows, plan ${p.planMs} ms, ${p.status}`,
    );
    if (p.error !== undefined || p.planMs > budget) break;
  }
  const within = grid
    .filter((p) => p.error === undefined && p.planMs <= budget)
    .sort((a, b) => b.columns - a.columns)[0];
  const estates = runEstates(estateNames(options.quick ?? false), line);
  const result: PoliciesBenchResult = {
    bench: 'policies',
    worldwide,
    grid,
    largestWithinBudget: within
      ? { name: within.name, columns: within.columns, planMs: within.planMs }
      : null,
    native,
    estates,
  };
  return writeResult(options.out, result);
}

/** Writes `policies.json` into `out` (default bench/results; null: nowhere) and returns the result. */
function writeResult(out: string | null | undefined, result: PoliciesBenchResult): PoliciesBenchResult {
  const dir = out === undefined ? 'bench/results' : out;
  if (dir !== null) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'policies.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  return result;
}

async function cli(args: string[]): Promise<number> {
  const writeAt = args.indexOf('--write');
  if (writeAt >= 0) {
    const [name, file] = args.slice(writeAt + 1, writeAt + 3);
    if (name === 'list') {
      for (const e of ESTATES)
        process.stdout.write(`${e.name}  ${JSON.stringify(e.options)}  target: ${e.target}\n`);
      return 0;
    }
    if (name === undefined || file === undefined || !estateByName(name)) {
      process.stderr.write(
        `usage: npx tsx bench/policies.ts --write NAME FILE (NAME: ${ESTATES.map((e) => e.name).join(', ')})\n`,
      );
      return 2;
    }
    writeFileSync(file, estateText(name, file.endsWith('.json') ? 'json' : 'yaml'));
    process.stderr.write(`policies: wrote ${name} to ${file} (plan it with: wanplan plan ${file} --check)\n`);
    return 0;
  }
  const outAt = args.indexOf('--out');
  const estates = args.flatMap((a, i) => (args[i - 1] === '--estate' ? a.split(',') : []));
  const r = await runPoliciesBench({
    quick: args.includes('--quick'),
    out: outAt >= 0 ? args[outAt + 1] : undefined,
    onLine: (l) => process.stderr.write(`policies: ${l}\n`),
    ...(estates.length > 0 ? { estates } : {}),
  });
  process.stdout.write(
    `${JSON.stringify({ worldwide: r.worldwide, largestWithinBudget: r.largestWithinBudget, native: r.native, estates: r.estates }, null, 2)}\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await cli(process.argv.slice(2));
}
