/**
 * A thin wrapper over HiGHS (the `highs` package: HiGHS compiled to WebAssembly) for linear
 * programs given as typed arrays: load the runtime once, pass a model in compressed sparse column
 * (CSC) form, solve it with options and a wall-clock time limit, read the solution, dispose.
 *
 * Model: min or max c·x subject to rowLower ≤ A·x ≤ rowUpper and colLower ≤ x ≤ colUpper, with A
 * in CSC (`colStart` of length numCols+1, `rowIndex`, `values`). No LP text round trip: the
 * arrays are copied straight into the WebAssembly heap (a 2M-column model loads in under a
 * second; parsing LP text of that size takes ~20 s, design/TOOLCHAIN.md).
 *
 * Outcomes are a status union like the max-flow solver's (`optimal | infeasible | unbounded |
 * time-limit | error`), never exceptions for solver outcomes. Exceptions are kept for misuse (a
 * malformed model) and for the runtime aborting (the 2 GiB heap exhausted): after an abort the
 * runtime is unusable, so the wrapper drops it and the next {@link loadLp} loads a fresh one.
 *
 * Memory: the WebAssembly heap is capped at 2 GiB and never shrinks; HiGHS needs about 1.35 kB
 * per column on time-expanded multi-commodity LPs, so ~1M columns is the ceiling
 * ({@link LP_COLUMN_LIMIT}). Callers check the size before building.
 *
 * Reference: Q. Huangfu, J. A. J. Hall, "Parallelizing the dual revised simplex method",
 * Math. Prog. Comp. 10 (2018) — HiGHS; https://ergo-code.github.io/HiGHS/.
 */
import highsModule from 'highs';

type HighsLoader = typeof highsModule.default;
type Highs = Awaited<ReturnType<HighsLoader>>;

/** Most columns a model may have in the 2 GiB WebAssembly heap (≈1.35 kB per column). */
export const LP_COLUMN_LIMIT = 900_000;

/** A linear program in CSC form; see the module header. */
export interface LpModel {
  readonly numCols: number;
  readonly numRows: number;
  /** `min` or `max` of `colCost · x`. */
  readonly sense: 'min' | 'max';
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  /** Upper bounds; `Infinity` for none. */
  readonly colUpper: Float64Array;
  /** Row lower bounds; `-Infinity` for none. */
  readonly rowLower: Float64Array;
  /** Row upper bounds; `Infinity` for none. */
  readonly rowUpper: Float64Array;
  /** CSC offsets, length numCols + 1. */
  readonly colStart: Int32Array;
  /** Row of each non-zero. */
  readonly rowIndex: Int32Array;
  /** Value of each non-zero. */
  readonly values: Float64Array;
}

/** Options of {@link LpSolver.solve}. */
export interface LpSolveOptions {
  /**
   * Wall-clock limit in seconds.
   * @defaultValue Infinity
   */
  readonly timeLimitSeconds?: number;
  /**
   * HiGHS algorithm: `simplex` (dual simplex, gives a basis and exact vertex solutions), `ipm`
   * (interior point with crossover: faster on large time-expanded LPs) or `choose`.
   * @defaultValue 'choose'
   */
  readonly solver?: 'choose' | 'simplex' | 'ipm';
  /** Receives HiGHS's log lines (off when omitted: the library never prints). */
  readonly onLog?: (line: string) => void;
}

/** Solve statistics. */
export interface LpStats {
  /** Wall-clock seconds inside HiGHS. */
  readonly seconds: number;
  /** Simplex iterations (including crossover's). */
  readonly simplexIterations: number;
  /** Interior-point iterations. */
  readonly ipmIterations: number;
}

/** Outcome of {@link LpSolver.solve}. */
export type LpResult =
  | {
      readonly status: 'optimal';
      readonly objective: number;
      readonly colValue: Float64Array;
      readonly rowValue: Float64Array;
      readonly colDual: Float64Array;
      readonly rowDual: Float64Array;
      readonly stats: LpStats;
    }
  | { readonly status: 'infeasible' | 'unbounded' | 'time-limit'; readonly stats: LpStats }
  | { readonly status: 'error'; readonly message: string; readonly stats: LpStats };

let runtime: Promise<Highs> | null = null;
let lines: ((line: string) => void) | null = null;

/**
 * Loads the HiGHS runtime once (30–70 ms) and returns a solver on it; later calls reuse it.
 */
export async function loadLp(): Promise<LpSolver> {
  if (runtime === null) {
    const load = highsModule as unknown as HighsLoader;
    runtime = load({ print: (s) => lines?.(s), printErr: (s) => lines?.(s) });
  }
  try {
    return new LpSolver(await runtime);
  } catch (err) {
    runtime = null;
    throw err;
  }
}

/** Checks the CSC arrays (cheap, O(nnz)); throws RangeError naming the first problem. */
function checkModel(m: LpModel): void {
  const { numCols: n, numRows: r } = m;
  if (m.colStart.length !== n + 1 || m.colStart[0] !== 0) {
    throw new RangeError(`lp: colStart must have numCols + 1 = ${n + 1} entries starting at 0`);
  }
  const nnz = m.colStart[n];
  if (m.rowIndex.length < nnz || m.values.length < nnz) {
    throw new RangeError(
      `lp: ${nnz} non-zeros announced, ${Math.min(m.rowIndex.length, m.values.length)} given`,
    );
  }
  for (const [name, a, len] of [
    ['colCost', m.colCost, n],
    ['colLower', m.colLower, n],
    ['colUpper', m.colUpper, n],
    ['rowLower', m.rowLower, r],
    ['rowUpper', m.rowUpper, r],
  ] as const) {
    if (a.length !== len) throw new RangeError(`lp: ${name} has ${a.length} entries, expected ${len}`);
  }
  for (let k = 0; k < nnz; k++) {
    if (m.rowIndex[k] < 0 || m.rowIndex[k] >= r) {
      throw new RangeError(`lp: non-zero ${k} names row ${m.rowIndex[k]} outside 0…${r - 1}`);
    }
  }
}

/** A solver on the loaded runtime. Calls are synchronous and block the thread. */
export class LpSolver {
  private readonly highs: Highs;

  /** @internal use {@link loadLp} */
  constructor(highs: Highs) {
    this.highs = highs;
  }

  /** Current size of the WebAssembly heap in bytes (it grows and never shrinks). */
  get heapBytes(): number {
    return this.highs.memoryBytes;
  }

  /**
   * Loads `model` into HiGHS for repeated solves (bound and cost changes keep the basis, so the
   * next dual simplex solve starts warm). Dispose the session when done.
   * @throws RangeError for malformed arrays
   */
  open(model: LpModel): LpSession {
    checkModel(model);
    const h = this.highs;
    const nnz = model.colStart[model.numCols];
    const x = h.createModel({
      numCols: model.numCols,
      numRows: model.numRows,
      sense:
        model.sense === 'min' ? h.constants.objectiveSense.minimize : h.constants.objectiveSense.maximize,
      colCost: model.colCost,
      colLower: model.colLower,
      colUpper: model.colUpper,
      rowLower: model.rowLower,
      rowUpper: model.rowUpper,
      matrix: {
        format: 'csc',
        numRows: model.numRows,
        numCols: model.numCols,
        starts: model.colStart,
        indices: model.rowIndex.subarray(0, nnz),
        values: model.values.subarray(0, nnz),
      },
    });
    return new LpSession(h, x, model.numCols, model.numRows);
  }

  /** Solves `model` once (open, solve, dispose). */
  solve(model: LpModel, options: LpSolveOptions = {}): LpResult {
    const session = this.open(model);
    try {
      return session.solve(options);
    } finally {
      session.dispose();
    }
  }

  /**
   * Writes `model` as free MPS or CPLEX LP text (bytes), the formats Gurobi, CPLEX and HiGHS read.
   * Columns are named `c0, c1, …` and rows `r0, r1, …` (HiGHS's default names).
   */
  exportModel(model: LpModel, format: 'mps' | 'lp'): Uint8Array {
    const session = this.open(model);
    try {
      return session.exportModel(format);
    } finally {
      session.dispose();
    }
  }
}

type HighsModel = ReturnType<Highs['createModel']>;

/** A model loaded in HiGHS (see {@link LpSolver.open}). */
export class LpSession {
  private readonly highs: Highs;
  private readonly model: HighsModel;
  private readonly numCols: number;
  private readonly numRows: number;

  /** @internal */
  constructor(highs: Highs, model: HighsModel, numCols: number, numRows: number) {
    this.highs = highs;
    this.model = model;
    this.numCols = numCols;
    this.numRows = numRows;
  }

  /** Sets the bounds of columns `cols` (strictly increasing) to `lower[i]`, `upper[i]`. */
  setColBounds(cols: Int32Array, lower: Float64Array, upper: Float64Array): void {
    if (cols.length === 0) return;
    this.model.changeColsBounds({ kind: 'set', indices: cols }, lower, upper);
  }

  /** Replaces the whole objective: `sense` and one cost per column. */
  setObjective(sense: 'min' | 'max', cost: Float64Array): void {
    const c = this.highs.constants.objectiveSense;
    this.model.changeObjectiveSense(sense === 'min' ? c.minimize : c.maximize);
    if (this.numCols > 0) this.model.changeColsCost({ kind: 'range', from: 0, to: this.numCols - 1 }, cost);
  }

  /** Writes the current model as MPS or LP bytes. */
  exportModel(format: 'mps' | 'lp'): Uint8Array {
    return format === 'mps'
      ? this.model.exportModel('mps')
      : new TextEncoder().encode(this.model.exportModel('lp'));
  }

  /**
   * Solves the current model (warm from the last basis when there is one).
   * @throws Error when the runtime aborts (heap exhausted)
   */
  solve(options: LpSolveOptions = {}): LpResult {
    const h = this.highs;
    const x = this.model;
    lines = options.onLog ?? null;
    try {
      x.options.set({
        output_flag: options.onLog !== undefined,
        log_to_console: options.onLog !== undefined,
        solver: options.solver ?? 'choose',
      });
      x.options.set(
        'time_limit',
        options.timeLimitSeconds !== undefined && Number.isFinite(options.timeLimitSeconds)
          ? options.timeLimitSeconds
          : 1e20,
      );
      x.zeroAllClocks();
      const run = x.run();
      const int = (name: string): number => {
        try {
          return Math.max(0, Number(x.info.get(name)));
        } catch {
          return 0;
        }
      };
      const stats: LpStats = {
        seconds: x.getRunTime(),
        simplexIterations: int('simplex_iteration_count') + int('crossover_iteration_count'),
        ipmIterations: int('ipm_iteration_count'),
      };
      const s = h.constants.modelStatus;
      switch (run.modelStatus) {
        case s.optimal: {
          const sol = x.getSolution();
          return {
            status: 'optimal',
            objective: x.getObjectiveValue(),
            colValue: sol.colValue,
            rowValue: sol.rowValue,
            colDual: sol.colDual,
            rowDual: sol.rowDual,
            stats,
          };
        }
        case s.empty: {
          const z = new Float64Array(this.numCols);
          return {
            status: 'optimal',
            objective: 0,
            colValue: z,
            rowValue: new Float64Array(this.numRows),
            colDual: z.slice(),
            rowDual: new Float64Array(this.numRows),
            stats,
          };
        }
        case s.infeasible:
          return { status: 'infeasible', stats };
        case s.unbounded:
        case s.unboundedOrInfeasible:
          return { status: 'unbounded', stats };
        case s.timeLimit:
          return { status: 'time-limit', stats };
        default:
          return { status: 'error', message: `HiGHS ended with model status ${run.modelStatus}`, stats };
      }
    } catch (err) {
      if (err instanceof Error && /abort/i.test(err.message)) runtime = null;
      throw err;
    } finally {
      lines = null;
    }
  }

  /** Frees the model's WebAssembly memory (idempotent). */
  dispose(): void {
    this.model.dispose();
  }
}
