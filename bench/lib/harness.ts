/**
 * Measures one in-process benchmark case with tinybench: untimed warm-up calls (JIT), then a
 * fixed number of timed calls; every call's counters are compared, so a case whose work is not
 * deterministic is flagged instead of silently gating on noise. Peak memory is the process's
 * resident-set high-water mark after the case (suites run in a fresh process each, smallest case
 * first, so it is the peak of this case or of a smaller one before it).
 */
import { Bench } from 'tinybench';
import type { BenchCase, Ratio } from './result.js';
import { sig4, timeStats } from './stats.js';

/** What one call of a case reports besides its time. */
export interface CaseReport {
  /** Deterministic work counters. */
  readonly counters: Record<string, number>;
  /** Results that must not change silently (see {@link BenchCase.outputs}). */
  readonly outputs?: Record<string, string | number | boolean | null>;
  /** Other figures of this call (phase times, …); the median call's are kept. */
  readonly extra?: Record<string, unknown>;
  /**
   * The call's time in ms when it measured the part that matters itself (the planner without
   * generating and verifying); tinybench then records this instead of the whole call.
   */
  readonly durationMs?: number;
}

/** An in-process case. */
export interface CaseSpec {
  readonly id: string;
  readonly suite: string;
  readonly size: Record<string, number>;
  /** What the timed call covers (written to the result). */
  readonly basis: string;
  /** Timed repetitions. */
  readonly reps: number;
  /** Untimed calls before timing (0 for cases that take seconds: their JIT cost is small). */
  readonly warmup: number;
  /** Whether `run` returns a promise (declared: tinybench would otherwise call it once to find out). */
  readonly async?: boolean;
  /** One repetition. */
  readonly run: () => CaseReport | Promise<CaseReport>;
}

/** Peak resident set of this process so far, in MB. */
export function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Stable JSON of a counter record (sorted keys), for comparing repetitions. */
function counterKey(c: Record<string, number>): string {
  return JSON.stringify(
    Object.keys(c)
      .sort()
      .map((k) => [k, c[k]]),
  );
}

/** Runs `spec` under tinybench and returns its {@link BenchCase} (without ratios). */
export async function measureCase(spec: CaseSpec): Promise<BenchCase> {
  if (!(spec.reps >= 1)) throw new RangeError(`${spec.id}: reps must be ≥ 1, got ${spec.reps}`);
  // Every call's report, warm-up calls first: all of them count for the determinism check.
  const reports: CaseReport[] = [];
  const bench = new Bench({
    name: spec.id,
    // Exactly `reps` timed calls and `warmup` untimed ones: a time budget of 0 makes the
    // iteration counts the only limits.
    iterations: spec.reps,
    time: 0,
    warmup: spec.warmup > 0,
    warmupIterations: spec.warmup,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  const record = (r: CaseReport) => {
    reports.push(r);
    return r.durationMs === undefined ? undefined : { overriddenDuration: r.durationMs };
  };
  const isAsync = spec.async ?? false;
  bench.add(
    spec.id,
    () => {
      const r = spec.run();
      if (r instanceof Promise) {
        if (!isAsync) throw new Error(`${spec.id}: run returned a promise; declare async: true`);
        return r.then(record);
      }
      return record(r);
    },
    { async: isAsync },
  );
  await bench.run();
  const task = bench.getTask(spec.id);
  const result = task?.result;
  if (!result || (result.state !== 'completed' && result.state !== 'aborted-with-statistics')) {
    throw new Error(`${spec.id}: tinybench did not complete (${result?.state ?? 'no task'})`);
  }
  const samples = result.latency.samples ?? [];
  const first = reports[0];
  const deterministic = reports.every((r) => counterKey(r.counters) === counterKey(first.counters));
  // The extra figures of the call whose time is the median (the middle one of the timed calls).
  const timedReports = reports.slice(reports.length - samples.length);
  const order = samples.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const mid = timedReports[order[(order.length - 1) >> 1]?.[1] ?? 0] ?? first;
  return {
    id: spec.id,
    suite: spec.suite,
    size: spec.size,
    basis: spec.basis,
    time: timeStats(samples),
    memory: { peakMB: peakRssMB(), basis: 'process-maxrss' },
    counters: first.counters,
    deterministic,
    ratios: {},
    outputs: first.outputs ?? {},
    ...(mid.extra ? { extra: mid.extra } : {}),
  };
}

/**
 * A same-run ratio from two sets of times (ms).
 * @param minReferenceMs - below this reference median the ratio is recorded but does not gate
 */
export function ratioOf(
  oursMs: readonly number[],
  referenceMs: readonly number[],
  basis: string,
  minReferenceMs: number,
): Ratio {
  const med = (xs: readonly number[]) => timeStats(xs).medianMs;
  const ours = med(oursMs);
  const ref = med(referenceMs);
  return {
    value: sig4(ours / ref),
    referenceMs: ref,
    oursMs: ours,
    gate: referenceMs.length >= 3 && oursMs.length >= 3 && ref >= minReferenceMs,
    basis,
  };
}
