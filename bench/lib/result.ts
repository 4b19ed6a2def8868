/**
 * The benchmark result document: one JSON file per `npm run bench` run (machine, git commit and
 * one entry per case), and its reader. `bench/compare.ts` compares two such documents; the
 * committed `bench/baseline.json` is one of them.
 *
 * Fields that gate a comparison are deterministic (`counters`) or measured in the same run
 * against a reference (`ratios`); times and memory are recorded for reading, never for failing
 * (bench/README.md explains why).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Format tag of the document; bumped when a field changes meaning. */
export const RESULT_FORMAT = 'wanplan-bench/1';

/** Summary of repeated timings of one case, in milliseconds. */
export interface TimeStats {
  /** Number of timed repetitions. */
  readonly reps: number;
  readonly medianMs: number;
  /** Spread: fastest and slowest repetition. */
  readonly minMs: number;
  readonly maxMs: number;
  /** Every repetition, in the order measured. */
  readonly samplesMs: readonly number[];
}

/** wanplan's time divided by a reference solver's on the same instance, in the same run. */
export interface Ratio {
  /** ours / reference (medians); above 1 means wanplan is slower. */
  readonly value: number;
  /** Median time of the reference, in milliseconds. */
  readonly referenceMs: number;
  /** Median time of wanplan's side, in milliseconds. */
  readonly oursMs: number;
  /**
   * Whether this ratio may fail a comparison: false when the reference time is too short (timer
   * and cache noise dominate) or when it comes from a single repetition.
   */
  readonly gate: boolean;
  /** What was timed on both sides. */
  readonly basis: string;
}

/** Peak memory of a case and how it was measured. */
export interface Memory {
  readonly peakMB: number;
  /**
   * `process-maxrss`: the benchmark process's resident-set high-water mark (getrusage) after the
   * case — each suite runs in a fresh process, smallest case first; `solver-arrays`: bytes held by
   * the solver's typed arrays (the instance was solved in a child process).
   */
  readonly basis: 'process-maxrss' | 'solver-arrays';
}

/** One measured case. */
export interface BenchCase {
  /** Stable identifier, `suite/…`; the comparison matches cases by it. */
  readonly id: string;
  readonly suite: string;
  /** Size parameters (arcs, nodes, links, slots, columns, …). */
  readonly size: Readonly<Record<string, number>>;
  /** What the time covers. */
  readonly basis: string;
  readonly time: TimeStats | null;
  readonly memory: Memory | null;
  /** Deterministic work counters; a growth of more than 10 % fails a comparison. */
  readonly counters: Readonly<Record<string, number>>;
  /** True when every repetition gave the same counters (checked by the harness). */
  readonly deterministic: boolean;
  /** Same-run ratios to reference solvers, by reference name. */
  readonly ratios: Readonly<Record<string, Ratio>>;
  /** Results that must not change silently (flow value, status, makespan); shown, not gated. */
  readonly outputs: Readonly<Record<string, string | number | boolean | null>>;
  /** Anything else worth keeping (phase times, secondary references). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The machine a run came from. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  /** 1-, 5- and 15-minute load averages when the run started and ended. */
  readonly loadAvg: { readonly before: readonly number[]; readonly after: readonly number[] };
}

/** The git state of the measured code. */
export interface GitInfo {
  /** Full commit hash, or null outside a git checkout. */
  readonly commit: string | null;
  /** Uncommitted changes to tracked or untracked files at measuring time. */
  readonly dirty: boolean | null;
}

/** A failed suite: recorded so that a run still writes its other cases. */
export interface SuiteError {
  readonly suite: string;
  readonly message: string;
}

/** The whole result document. */
export interface BenchResult {
  readonly format: typeof RESULT_FORMAT;
  /** ISO 8601 time the run started. */
  readonly startedAt: string;
  readonly durationS: number;
  readonly quick: boolean;
  readonly suites: readonly string[];
  readonly machine: MachineInfo;
  readonly git: GitInfo;
  readonly cases: readonly BenchCase[];
  readonly errors: readonly SuiteError[];
}

const num = z.number();
const timeSchema = z.object({
  reps: num,
  medianMs: num,
  minMs: num,
  maxMs: num,
  samplesMs: z.array(num),
});
const caseSchema = z.object({
  id: z.string(),
  suite: z.string(),
  size: z.record(z.string(), num),
  basis: z.string(),
  time: timeSchema.nullable(),
  memory: z.object({ peakMB: num, basis: z.enum(['process-maxrss', 'solver-arrays']) }).nullable(),
  counters: z.record(z.string(), num),
  deterministic: z.boolean(),
  ratios: z.record(
    z.string(),
    z.object({ value: num, referenceMs: num, oursMs: num, gate: z.boolean(), basis: z.string() }),
  ),
  outputs: z.record(z.string(), z.union([z.string(), num, z.boolean(), z.null()])),
  extra: z.record(z.string(), z.unknown()).optional(),
});
const resultSchema = z.object({
  format: z.literal(RESULT_FORMAT),
  startedAt: z.string(),
  durationS: num,
  quick: z.boolean(),
  suites: z.array(z.string()),
  machine: z.object({
    cpuModel: z.string(),
    cores: num,
    memoryGiB: num,
    node: z.string(),
    platform: z.string(),
    arch: z.string(),
    loadAvg: z.object({ before: z.array(num), after: z.array(num) }),
  }),
  git: z.object({ commit: z.string().nullable(), dirty: z.boolean().nullable() }),
  cases: z.array(caseSchema),
  errors: z.array(z.object({ suite: z.string(), message: z.string() })),
});

/**
 * Checks that `value` is a result document.
 * @param source - named in the error message
 * @throws Error listing the first problems (field path, what was found)
 */
export function parseResult(value: unknown, source: string): BenchResult {
  const r = resultSchema.safeParse(value);
  if (!r.success) {
    const issues = r.error.issues
      .slice(0, 5)
      .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('\n');
    throw new Error(`${source}: not a wanplan benchmark result (${RESULT_FORMAT}):\n${issues}`);
  }
  return r.data as BenchResult;
}

/** Reads and checks a result file. */
export function readResult(path: string): BenchResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read (${err instanceof Error ? err.message : String(err)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return parseResult(value, path);
}
