/**
 * Plans one named estate (bench/lib/estates.ts) with the library's public `plan()` in a fresh
 * Node process, so that its peak memory (`process.resourceUsage().maxRSS` of the child) and its
 * JIT state are its own and a crash or a hang costs one case.
 *
 * Child side (this file run with `--child NAME FILE TIME_LIMIT`): generates the estate, reads it
 * with `parseScenario`, plans it with `onProgress` and verifies the plan with `verifyPlan`,
 * appending one JSON line per event to FILE — every phase start (elapsed ms, solves, peak RSS so
 * far), then `result` or `error` (plan() threw: LpTooLargeError is "refused", anything else
 * "error", with the message). Parent side ({@link runEstate}): spawns the child with a wall-clock
 * limit, reads the lines back and summarises them as an {@link EstateOutcome}; a child killed at
 * the limit is "timeout", with the phases it reached and its last peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commodityClasses } from '../../src/api/lp.js';
import { buildCalendars, type Plan, parseScenario, plan, verifyPlan } from '../../src/index.js';
import { generateEstate } from './estate-gen.js';
import { estateByName } from './estates.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(SELF), '../..');

/** How a run ended. */
export type EstateStatus = 'planned' | 'refused' | 'error' | 'timeout';

/** What one estate run measured. */
export interface EstateOutcome {
  readonly name: string;
  readonly outcome: EstateStatus;
  /** plan()'s message when it threw, or why the child stopped. */
  readonly message: string | null;
  /** The thrown error's class name (LpTooLargeError, LpSolveError, …). */
  readonly errorName: string | null;
  readonly size: {
    readonly nodes: number;
    readonly links: number;
    readonly datasets: number;
    readonly slots: number;
    readonly slotSeconds: number;
    readonly policies: number;
    readonly dues: number;
    readonly replicated: number;
    /** Commodity classes of the LP planner (`commodityClasses`), also when plan() refuses. */
    readonly classes: number;
  };
  readonly status: string | null;
  readonly makespanSlot: number | null;
  readonly lowerBoundSlot: number | null;
  readonly lowerBoundMethod: string | null;
  /** makespan − lower bound, in slots. */
  readonly gapSlots: number | null;
  readonly classes: number | null;
  readonly lpColumns: number | null;
  readonly lpRows: number | null;
  readonly lpSolves: number | null;
  readonly maxFlowSolves: number | null;
  readonly simplexIterations: number | null;
  readonly duesMet: number | null;
  readonly duesTotal: number | null;
  readonly verified: boolean | null;
  /** Generating and reading the scenario (not part of the plan time). */
  readonly generateMs: number | null;
  readonly parseMs: number | null;
  /** plan() from call to return (or throw). */
  readonly planMs: number | null;
  readonly verifyMs: number | null;
  /** Milliseconds per plan() phase, in the order reached (from `onProgress`). */
  readonly phasesMs: Record<string, number>;
  /** The child's peak resident set, MB. */
  readonly peakRssMB: number | null;
}

type Line =
  | { kind: 'size'; size: EstateOutcome['size']; generateMs: number; parseMs: number }
  | { kind: 'phase'; phase: string; atMs: number; solves: number; rssMB: number }
  | { kind: 'result'; planMs: number; verifyMs: number; rssMB: number; plan: Summary }
  | {
      kind: 'error';
      planMs: number;
      rssMB: number;
      name: string;
      message: string;
      columns?: number;
      rows?: number;
    };

type Summary = Pick<
  EstateOutcome,
  | 'status'
  | 'makespanSlot'
  | 'lowerBoundSlot'
  | 'lowerBoundMethod'
  | 'gapSlots'
  | 'classes'
  | 'lpColumns'
  | 'lpRows'
  | 'lpSolves'
  | 'maxFlowSolves'
  | 'simplexIterations'
  | 'duesMet'
  | 'duesTotal'
  | 'verified'
>;

const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const num = (x: unknown) => (typeof x === 'number' ? x : null);

function summarise(p: Plan, verified: boolean): Summary {
  const st = p.stats ?? {};
  const withDue = p.datasets.filter((d) => d.due !== null);
  const mk = p.makespan?.slot ?? null;
  const lb = p.lowerBound.slot;
  return {
    status: p.status,
    makespanSlot: mk,
    lowerBoundSlot: lb,
    lowerBoundMethod: p.lowerBound.method,
    gapSlots: mk !== null && lb !== null ? mk - lb : null,
    // The max-flow planner has one commodity and does not report classes.
    classes: num(st.commodityClasses) ?? (st.maxFlowSolves !== undefined ? 1 : null),
    lpColumns: num(st.lpColumns),
    lpRows: num(st.lpRows),
    lpSolves: num(st.lpSolves),
    maxFlowSolves: num(st.maxFlowSolves),
    simplexIterations: num(st.simplexIterations),
    duesMet: withDue.filter((d) => d.met === true).length,
    duesTotal: withDue.length,
    verified,
  };
}

/** The child: see the module header. */
async function child(name: string, file: string, timeLimitSeconds: number): Promise<void> {
  const out = (l: Line) => appendFileSync(file, `${JSON.stringify(l)}\n`);
  const estate = estateByName(name);
  if (!estate) throw new Error(`unknown estate "${name}"`);
  const t0 = performance.now();
  const text = JSON.stringify(generateEstate(estate.options));
  const t1 = performance.now();
  const s = parseScenario(text, `${name}.json`);
  const t2 = performance.now();
  const policies = new Set(s.datasets.map((d) => `${d.destinations.join(',')}|${d.copies}|${d.due}`));
  out({
    kind: 'size',
    size: {
      nodes: s.nodes.length,
      links: s.links.length,
      datasets: s.datasets.length,
      slots: s.horizon.slots,
      slotSeconds: s.horizon.slotSeconds,
      policies: policies.size,
      dues: new Set(s.datasets.filter((d) => d.due !== null).map((d) => d.due)).size,
      replicated: s.datasets.filter((d) => d.copies > 1).length,
      classes: commodityClasses(s, 1_000_000).length,
    },
    generateMs: Math.round(t1 - t0),
    parseMs: Math.round(t2 - t1),
  });
  // Calendars are computed inside plan() (its `calendars` phase), then reused by the verifier.
  const start = performance.now();
  let result: Plan;
  try {
    result = await plan(s, {
      timeLimitSeconds,
      onProgress: (e) => {
        if ('probe' in e && e.probe !== undefined) return;
        out({
          kind: 'phase',
          phase: e.phase,
          atMs: performance.now() - start,
          solves: e.solves,
          rssMB: rssMB(),
        });
      },
    });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const sized = e as Error & { columns?: unknown; rows?: unknown };
    out({
      kind: 'error',
      planMs: performance.now() - start,
      rssMB: rssMB(),
      name: e.name,
      message: e.message,
      ...(typeof sized.columns === 'number' ? { columns: sized.columns } : {}),
      ...(typeof sized.rows === 'number' ? { rows: sized.rows } : {}),
    });
    return;
  }
  const planMs = performance.now() - start;
  const tv = performance.now();
  const report = verifyPlan(s, JSON.parse(JSON.stringify(result)), { calendars: buildCalendars(s) });
  const verifyMs = performance.now() - tv;
  out({ kind: 'result', planMs, verifyMs, rssMB: rssMB(), plan: summarise(result, report.ok) });
}

/** Options of {@link runEstate}. */
export interface RunEstateOptions {
  /** Wall-clock limit of the child, seconds (it is killed then: "timeout"). @defaultValue 330 */
  readonly wallSeconds?: number;
  /** plan()'s per-LP-solve limit, seconds. @defaultValue wallSeconds − 30 */
  readonly timeLimitSeconds?: number;
}

const round = (x: number) => Math.round(x);

/** Plans estate `name` in a fresh child process and summarises what it reported. */
export function runEstate(name: string, o: RunEstateOptions = {}): EstateOutcome {
  const wall = o.wallSeconds ?? 330;
  const limit = o.timeLimitSeconds ?? Math.max(10, wall - 30);
  const dir = mkdtempSync(join(tmpdir(), 'wanplan-estate-'));
  const file = join(dir, 'lines.jsonl');
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', name, file, String(limit)], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: wall * 1000,
      killSignal: 'SIGKILL',
      maxBuffer: 1 << 24,
    });
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // The child wrote nothing (crashed before generating).
    }
    const lines = text
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as Line);
    const size = lines.find((l) => l.kind === 'size');
    const phases = lines.filter((l) => l.kind === 'phase');
    const end = lines.find((l) => l.kind === 'result' || l.kind === 'error');
    const endMs = end ? end.planMs : (phases[phases.length - 1]?.atMs ?? 0);
    const phasesMs: Record<string, number> = {};
    phases.forEach((p, i) => {
      const next = i + 1 < phases.length ? phases[i + 1].atMs : end ? endMs : null;
      if (next !== null) phasesMs[p.phase] = round((phasesMs[p.phase] ?? 0) + next - p.atMs);
    });
    const lastRss = Math.max(0, ...lines.map((l) => ('rssMB' in l ? l.rssMB : 0)));
    const empty: Summary = {
      status: null,
      makespanSlot: null,
      lowerBoundSlot: null,
      lowerBoundMethod: null,
      gapSlots: null,
      classes: null,
      lpColumns: null,
      lpRows: null,
      lpSolves: null,
      maxFlowSolves: null,
      simplexIterations: null,
      duesMet: null,
      duesTotal: null,
      verified: null,
    };
    let outcome: EstateStatus;
    let message: string | null = null;
    let errorName: string | null = null;
    let summary = empty;
    if (end?.kind === 'result') {
      outcome = 'planned';
      summary = end.plan;
    } else if (end?.kind === 'error') {
      outcome = end.name === 'LpTooLargeError' ? 'refused' : 'error';
      message = end.message;
      errorName = end.name;
      summary = { ...empty, lpColumns: end.columns ?? null, lpRows: end.rows ?? null };
    } else if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
      outcome = 'timeout';
      message = `killed after ${wall} s (last phase: ${phases[phases.length - 1]?.phase ?? 'none'})`;
    } else {
      outcome = 'error';
      const stderr = (r.stderr?.toString() ?? '').trim().split('\n').slice(-3).join(' | ');
      message = `child exited with ${r.status ?? r.signal ?? r.error?.message}${stderr ? `: ${stderr}` : ''}`;
    }
    return {
      name,
      outcome,
      message,
      errorName,
      size: size?.size ?? {
        nodes: 0,
        links: 0,
        datasets: 0,
        slots: 0,
        slotSeconds: 0,
        policies: 0,
        dues: 0,
        replicated: 0,
        classes: 0,
      },
      ...summary,
      generateMs: size?.generateMs ?? null,
      parseMs: size?.parseMs ?? null,
      planMs: end ? round(end.planMs) : outcome === 'timeout' ? wall * 1000 : null,
      verifyMs: end?.kind === 'result' ? round(end.verifyMs) : null,
      phasesMs,
      peakRssMB: lastRss > 0 ? lastRss : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--child');
  if (at < 0) {
    process.stderr.write(
      'usage: estate-run.ts --child NAME FILE TIME_LIMIT_SECONDS (see bench/policies.ts)\n',
    );
    process.exitCode = 2;
  } else {
    const [name, file, limit] = process.argv.slice(at + 1, at + 4);
    child(name, file, Number(limit)).catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    });
  }
}
