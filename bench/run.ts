/**
 * `npm run bench [-- --quick] [--suite NAME]... [--out DIR] [--reps R]`: runs the benchmark
 * suites (maxflow, calendar, plan, policies) with fixed seeds and writes one JSON result,
 * `DIR/<time>-<commit>.json` and `DIR/latest.json` (DIR defaults to bench/results): machine, git
 * commit and, per case, size, median and spread of the repetitions, peak memory, deterministic
 * work counters and same-run ratios to reference solvers. `npm run bench:compare` compares it
 * with bench/baseline.json. See bench/README.md.
 *
 * Each suite runs in a fresh Node process (this file with `--worker`), so that its peak memory is
 * its own, its JIT state does not carry over and a crash costs one suite, not the run. Progress
 * goes to stderr; a summary table to stdout. Exit status 1 if a suite failed (the other cases
 * are still written), 2 for a usage error.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gitInfo, loadAverage, machineInfo } from './lib/machine.js';
import { type BenchCase, type BenchResult, RESULT_FORMAT, type SuiteError } from './lib/result.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);

/** The suites, in the order they run (cheapest first, so that a quick look comes early). */
const SUITES = ['calendar', 'maxflow', 'plan', 'policies'] as const;
type Suite = (typeof SUITES)[number];

const USAGE = `usage: npm run bench -- [--quick] [--suite NAME]... [--out DIR] [--reps R]
  --quick        CI sizes (under 3 minutes on 2 cores)
  --suite NAME   run only this suite (repeatable, or comma-separated): ${SUITES.join(', ')}
  --out DIR      where to write <time>-<commit>.json and latest.json (default bench/results)
  --reps R       repetitions per maxflow instance (default 5)`;

class UsageError extends Error {}

interface Args {
  quick: boolean;
  suites: Suite[];
  out: string;
  reps: number;
}

const OPTIONS = {
  quick: { type: 'boolean' },
  suite: { type: 'string', multiple: true },
  out: { type: 'string' },
  reps: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]): Args {
  let v: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    v = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (v.help) throw new UsageError('');
  const names = (v.suite ?? []).flatMap((s) => s.split(',')).filter((s) => s.length > 0);
  for (const n of names) {
    if (!(SUITES as readonly string[]).includes(n)) throw new UsageError(`unknown suite "${n}"`);
  }
  const reps = v.reps === undefined ? 5 : Number(v.reps);
  if (!(Number.isInteger(reps) && reps >= 1))
    throw new UsageError(`--reps must be a positive integer, got ${v.reps}`);
  return {
    quick: v.quick ?? false,
    // Keep the canonical order whatever order the flags came in.
    suites: names.length === 0 ? [...SUITES] : SUITES.filter((s) => names.includes(s)),
    out: resolve(v.out ?? join(ROOT, 'bench/results')),
    reps,
  };
}

/** Runs one suite in this process (the worker side). */
async function runSuite(suite: Suite, quick: boolean, reps: number): Promise<BenchCase[]> {
  const log = (line: string) => process.stderr.write(`  ${line}\n`);
  switch (suite) {
    case 'calendar':
      return (await import('./lib/suite-calendar.js')).calendarCases({ quick, log });
    case 'maxflow':
      return (await import('./lib/suite-maxflow.js')).maxflowCases({ quick, reps, log });
    case 'plan':
      return (await import('./lib/suite-plan.js')).planCases({ quick, log });
    case 'policies':
      return (await import('./lib/suite-policies.js')).policiesCases({ quick, log });
  }
}

/** Runs one suite in a fresh process; its cases, or the reason it failed. */
function spawnSuite(suite: Suite, a: Args): BenchCase[] | SuiteError {
  const dir = mkdtempSync(join(tmpdir(), 'wanplan-bench-'));
  const file = join(dir, 'cases.json');
  try {
    const args = ['--import', 'tsx', SELF, '--worker', suite, '--cases', file, '--reps', String(a.reps)];
    if (a.quick) args.push('--quick');
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      return { suite, message: `worker exited with ${r.status ?? r.signal ?? r.error?.message}` };
    }
    return JSON.parse(readFileSync(file, 'utf8')) as BenchCase[];
  } catch (err) {
    return { suite, message: err instanceof Error ? err.message : String(err) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summary(result: BenchResult): string {
  const rows = result.cases.map((c) => {
    const t = c.time;
    const ratios = Object.entries(c.ratios)
      .map(([k, r]) => `${k} ${r.value}${r.gate ? '' : '*'}`)
      .join(', ');
    return [
      c.id,
      t ? String(t.medianMs) : '—',
      t ? `${t.minMs}–${t.maxMs}` : '—',
      c.memory ? `${c.memory.peakMB} ${c.memory.basis === 'process-maxrss' ? 'rss' : 'arrays'}` : '—',
      ratios,
    ];
  });
  const header = ['case', 'median ms', 'min–max ms', 'peak MB', 'ratios (* = not gated)'];
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : i === 0 ? c.padEnd(w[i]) : c.padStart(w[i])))
      .join('  ')
      .trimEnd();
  return [fmt(header), ...rows.map(fmt)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const workerAt = argv.indexOf('--worker');
  if (workerAt >= 0) {
    const suite = argv[workerAt + 1] as Suite;
    const file = argv[argv.indexOf('--cases') + 1];
    const reps = Number(argv[argv.indexOf('--reps') + 1]);
    const cases = await runSuite(suite, argv.includes('--quick'), reps);
    writeFileSync(file, JSON.stringify(cases));
    return 0;
  }
  let a: Args;
  try {
    a = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message ? `bench: ${err.message}\n` : ''}${USAGE}\n`);
    return err.message ? 2 : 0;
  }
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const git = gitInfo(ROOT);
  const cases: BenchCase[] = [];
  const errors: SuiteError[] = [];
  for (const suite of a.suites) {
    const t0 = performance.now();
    process.stderr.write(`bench: ${suite}${a.quick ? ' (quick)' : ''}…\n`);
    const r = spawnSuite(suite, a);
    if (Array.isArray(r)) cases.push(...r);
    else errors.push(r);
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    process.stderr.write(`bench: ${suite} ${Array.isArray(r) ? `done in ${s} s` : `FAILED: ${r.message}`}\n`);
  }
  const result: BenchResult = {
    format: RESULT_FORMAT,
    startedAt: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    quick: a.quick,
    suites: a.suites,
    machine: machineInfo(loadBefore),
    git,
    cases,
    errors,
  };
  mkdirSync(a.out, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  const name = `${stamp}-${git.commit?.slice(0, 10) ?? 'nogit'}${git.dirty ? '-dirty' : ''}.json`;
  const text = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(join(a.out, name), text);
  writeFileSync(join(a.out, 'latest.json'), text);
  process.stdout.write(`${summary(result)}\n\n`);
  process.stdout.write(
    `${cases.length} cases in ${result.durationS} s on ${result.machine.cpuModel} (${result.machine.cores} cores), ` +
      `load ${loadBefore.join(' ')} → ${result.machine.loadAvg.after.join(' ')}\n` +
      `wrote ${join(a.out, name)} and latest.json\n`,
  );
  for (const e of errors) process.stderr.write(`bench: suite ${e.suite} failed: ${e.message}\n`);
  return errors.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
