/**
 * The objectives of PLAN.md on the multi-commodity LP, with as few LP solves as possible.
 *
 * One model, many probes. The LP is built once for the widest limits the phase needs (every
 * class's deliveries allowed up to its due plus the largest lateness considered, within the
 * horizon) and loaded once into HiGHS; a probe with tighter limits (a horizon T, a lateness L)
 * only fixes the delivery columns of the slots it excludes to 0 and changes the source bounds and
 * the objective. Dual simplex restarts from the previous basis, so a probe costs a fraction of a
 * cold solve. The probes' models are restrictions of the built one, so their optima are those of
 * the LPs built for their own limits (pruning only drops columns that cannot carry flow).
 *
 * Probes. `volume`: maximise the quanta delivered under the limits; feasible when that reaches
 * the demand (within 10⁻⁹ relative). Its duals at the largest infeasible T price the binding
 * capacities — the LP analogue of the min cut, used for the bottlenecks.
 *
 * earliest-completion.
 * 1. Dues: `earliest` (fixed demand, min Σ (t+1)·deliveries) with deliveries of class c allowed in
 *    slots t < due_c + 1 (the last slot meeting its due) — feasible ⇒ every due can be met.
 *    Else the smallest lateness L* (gallop 1, 2, 4, … then bisection on volume probes; feasible at
 *    L = S by the no-due check) with limits lastMeet_c + 1 + L.
 * 2. Makespan: the `earliest` optimum under the limits ends in some slot T_ub − 1. Downward
 *    galloping (T_ub − 1, T_ub − 2, T_ub − 4, … each feasible probe lowering T_ub to its own last
 *    delivery + 1) then bisection finds T*, the smallest horizon with a feasible LP; T* − 1 being
 *    infeasible proves lowerBound = T* − 1. In practice the time-weighted optimum is already at or
 *    next to T*, so this costs one or two probes.
 * min-cost: the `cost` LP under the due limits, or under L* when the dues cannot all be met.
 * Partial (even the whole horizon without dues cannot carry the demand): the `volume` optimum.
 *
 * Complexity: O(log S) probes at worst per phase, usually 2–4 solves in all.
 *
 * Reference: design/PLAN.md (objectives); J. L. Bentley, A. C.-C. Yao, "An almost optimal
 * algorithm for unbounded searching", IPL 5 (1976).
 */
import { WanplanError } from '../../errors.js';
import type { LpResult, LpSession, LpSolver } from '../../flow/lp.js';
import { ArcKind } from '../network.js';
import { lastMeetingSlot } from './classes.js';
import type { LpContext } from './context.js';
import { type BuiltModel, buildLpModel, type LpMode } from './model.js';

type Optimal = Extract<LpResult, { status: 'optimal' }>;

/**
 * An LP solve that did not end with an answer: its time limit ran out, HiGHS reported an error,
 * or the WebAssembly runtime aborted (its 2 GiB heap exhausted). Not a bug of the scenario or of
 * wanplan: the message says how large the LP was and what the user can change; the CLI prints it
 * and exits 1.
 */
export class LpSolveError extends WanplanError {
  override name = 'LpSolveError';
  /** Why the solve ended: `time-limit`, `error` (HiGHS status) or `aborted` (runtime). */
  readonly reason: 'time-limit' | 'error' | 'aborted';
  readonly columns: number;
  readonly rows: number;

  constructor(
    reason: 'time-limit' | 'error' | 'aborted',
    what: string,
    size: { columns: number; rows: number; slots: number },
    detail: string,
  ) {
    const change =
      `use a coarser slot (twice the slot length about halves the LP), a shorter horizon (now ${size.slots} slots) ` +
      'or fewer distinct policies, or write the model with --export-lp and solve it with a native solver';
    super(
      `the LP (${what}: ${size.columns} columns, ${size.rows} rows) ${detail}; ${
        reason === 'time-limit' ? 'raise the limit (--lp-time-limit SECONDS), or ' : ''
      }${change}`,
    );
    this.reason = reason;
    this.columns = size.columns;
    this.rows = size.rows;
  }
}

/** A solved probe. */
export interface Probe {
  readonly until: Int32Array;
  readonly mode: LpMode;
  readonly result: LpResult;
  /** Quanta delivered (Σ source columns) when optimal. */
  readonly volume: number;
  /** 1 + last slot with a delivery (0 when none), when optimal. */
  readonly end: number;
}

/** Progress and statistics callbacks of the search. */
export interface SearchHooks {
  /** One line per step for `--verbose` (sizes, probes, times). */
  readonly log?: (line: string) => void;
  /** HiGHS's own log. */
  readonly highsLog?: (line: string) => void;
  /** Wall-clock limit per LP solve, seconds. */
  readonly timeLimitSeconds?: number;
  /** Most LP columns built ({@link buildLpModel} throws `LpTooLargeError` above). */
  readonly columnLimit?: number;
}

/** Loads a built model and runs probes on it (module header). */
export class Prober {
  readonly model: BuiltModel;
  readonly solves: Probe[] = [];
  private readonly ctx: LpContext;
  private readonly session: LpSession;
  private readonly hooks: SearchHooks;
  private readonly deliverCols: Int32Array;
  private readonly sourceCols: Int32Array;
  private readonly sourceDemand: Float64Array;
  private readonly colClass: Int32Array;
  private currentMode: LpMode;

  constructor(ctx: LpContext, solver: LpSolver, model: BuiltModel, hooks: SearchHooks) {
    this.ctx = ctx;
    this.model = model;
    this.hooks = hooks;
    this.currentMode = model.mode;
    const { colArc, classStart } = model;
    const { kind } = ctx.ten;
    const deliver: number[] = [];
    const source: number[] = [];
    this.colClass = new Int32Array(colArc.length);
    for (let c = 0; c < ctx.classes.length; c++) {
      for (let j = classStart[c]; j < classStart[c + 1]; j++) {
        this.colClass[j] = c;
        if (kind[colArc[j]] === ArcKind.DELIVER) deliver.push(j);
        else if (kind[colArc[j]] === ArcKind.SOURCE) source.push(j);
      }
    }
    this.deliverCols = Int32Array.from(deliver);
    this.sourceCols = Int32Array.from(source);
    this.sourceDemand = Float64Array.from(source, (j) => model.lp.colUpper[j]);
    this.session = solver.open(model.lp);
  }

  /** Objective vector of `mode` over the model's columns. */
  private costs(mode: LpMode): Float64Array {
    const { ten, costPerQuantum } = this.ctx;
    const cost = new Float64Array(this.model.colArc.length);
    let max = 0;
    for (const x of costPerQuantum) max = Math.max(max, x);
    this.model.colArc.forEach((a, j) => {
      const k = ten.kind[a];
      if (mode === 'volume') cost[j] = k === ArcKind.SOURCE ? 1 : 0;
      else if (mode === 'earliest')
        cost[j] = k === ArcKind.DELIVER ? ten.slot[a] + 1 : k === ArcKind.LINK ? 1e-4 : 0;
      else cost[j] = k === ArcKind.LINK && max > 0 ? costPerQuantum[a] / max : 0;
    });
    return cost;
  }

  /** Solves with deliveries of class c allowed in slots < until[c], in `mode`. */
  probe(until: Int32Array, mode: LpMode, label: string): Probe {
    const { ten } = this.ctx;
    const { colArc, lp } = this.model;
    const lo = new Float64Array(this.deliverCols.length);
    const hi = Float64Array.from(this.deliverCols, (j) =>
      ten.slot[colArc[j]] < until[this.colClass[j]] ? lp.colUpper[j] : 0,
    );
    this.session.setColBounds(this.deliverCols, lo, hi);
    this.session.setColBounds(
      this.sourceCols,
      mode === 'volume' ? new Float64Array(this.sourceCols.length) : this.sourceDemand,
      this.sourceDemand,
    );
    if (mode !== this.currentMode) {
      this.session.setObjective(mode === 'volume' ? 'max' : 'min', this.costs(mode));
      this.currentMode = mode;
    }
    const size = { columns: lp.numCols, rows: lp.numRows, slots: ten.slots };
    let result: LpResult;
    try {
      result = this.session.solve({
        solver: 'simplex',
        timeLimitSeconds: this.hooks.timeLimitSeconds,
        onLog: this.hooks.highsLog,
      });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new LpSolveError('aborted', label, size, `made the WebAssembly HiGHS abort (${why})`);
    }
    let volume = 0;
    let end = 0;
    if (result.status === 'optimal') {
      for (const j of this.sourceCols) volume += result.colValue[j];
      for (const j of this.deliverCols)
        if (result.colValue[j] > 1e-6) end = Math.max(end, ten.slot[colArc[j]] + 1);
    }
    const p: Probe = { until: until.slice(), mode, result, volume, end };
    this.solves.push(p);
    this.hooks.log?.(
      `LP ${label} (${mode}): ${result.status}` +
        (result.status === 'optimal'
          ? `, ${Math.round(volume)} of ${this.ctx.totalDemand} quanta, last delivery slot ${end - 1}`
          : '') +
        `, ${result.stats.simplexIterations} iterations, ${result.stats.seconds.toFixed(2)} s`,
    );
    if (result.status === 'time-limit') {
      const limit = this.hooks.timeLimitSeconds ?? Number.POSITIVE_INFINITY;
      throw new LpSolveError(
        'time-limit',
        label,
        size,
        `was not solved within its time limit of ${limit} s (${result.stats.simplexIterations} simplex iterations)`,
      );
    }
    if (result.status === 'error') {
      throw new LpSolveError('error', label, size, `could not be solved: ${result.message}`);
    }
    if (result.status === 'unbounded') {
      // Every column is bounded by a capacity or a demand: an unbounded LP is a bug in the model.
      throw new Error(`lp: the ${label} LP is unbounded, which its bounded columns rule out`);
    }
    return p;
  }

  /** Σ demand of the source columns the model kept (quanta). */
  keptDemand(): number {
    return this.sourceDemand.reduce((s, x) => s + x, 0);
  }

  /** Frees the HiGHS model. */
  dispose(): void {
    this.session.dispose();
  }
}

/**
 * True when the probe delivers the whole demand. Demands are whole quanta, so the slack is less
 * than one quantum whatever the demand: a relative slack (it was 10⁻⁹ of the demand) exceeds a
 * quantum once the demand passes 10⁹ quanta (`--quantum 1B` on gigabytes) and then accepts
 * limits that leave quanta undelivered.
 */
export function feasible(ctx: LpContext, p: Probe): boolean {
  if (p.result.status !== 'optimal') return false;
  return p.volume >= ctx.totalDemand - 0.5;
}

/** Per class: 1 + the last slot meeting its due (may be ≤ 0), or S without a due. */
export function dueLimits(ctx: LpContext): Int32Array {
  const h = ctx.scenario.horizon;
  return Int32Array.from(ctx.classes, (c) =>
    Math.max(0, lastMeetingSlot(c.due, h.start, h.slotSeconds, h.slots) + 1),
  );
}

/** Limits for lateness L (due classes get L more slots) capped by T. */
export function limitsFor(ctx: LpContext, due: Int32Array, L: number, T: number): Int32Array {
  return Int32Array.from(ctx.classes, (c, i) => Math.min(T, c.due === null ? ctx.ten.slots : due[i] + L));
}

/** Outcome of {@link searchObjective}. */
export interface SearchOutcome {
  readonly prober: Prober;
  /** The probe whose solution is rounded into the plan. */
  readonly final: Probe;
  /** `complete`-able (the LP carries the demand) or only partial. */
  readonly kind: 'complete' | 'partial';
  /** Smallest lateness in slots (0 when every due can be met). */
  readonly lateness: number;
  /** For earliest completion: T* (smallest feasible horizon); else null. */
  readonly T: number | null;
  /** Largest infeasible probe of the makespan search (duals for bottlenecks), or null. */
  readonly below: Probe | null;
  /** Lateness probe at L* − 1 (duals for late datasets), or null. */
  readonly lateBelow: Probe | null;
}

/** Runs the objective's search (module header) and returns the solution to round. */
export function searchObjective(
  ctx: LpContext,
  solver: LpSolver,
  objective: 'earliest-completion' | 'min-cost',
  hooks: SearchHooks,
): SearchOutcome {
  const S = ctx.ten.slots;
  const due = dueLimits(ctx);
  const mode: LpMode = objective === 'min-cost' ? 'cost' : 'earliest';
  const all = limitsFor(ctx, due, S, S);
  const model = buildLpModel(ctx, all, mode, { columnLimit: hooks.columnLimit });
  for (const s of model.sizes) {
    hooks.log?.(
      `LP size, ${s.step}: ${s.columns} columns, ${s.rows} rows${s.nonZeros === null ? '' : `, ${s.nonZeros} non-zeros`}`,
    );
  }
  const prober = new Prober(ctx, solver, model, hooks);
  try {
    // A dataset whose source column was pruned (no path at the quantum's granularity, or none at
    // all) cannot be delivered whole: fixed-demand probes would silently drop its demand, so the
    // plan is the volume optimum (partial, or infeasible when the dataset is unreachable).
    if (prober.keptDemand() < ctx.totalDemand) {
      hooks.log?.(
        `LP: ${ctx.totalDemand - prober.keptDemand()} quanta of demand have no usable path; volume optimum`,
      );
      const free = prober.probe(all, 'volume', 'without dues');
      return { prober, final: free, kind: 'partial', lateness: 0, T: null, below: null, lateBelow: null };
    }
    let L = 0;
    let lateBelow: Probe | null = null;
    let first = prober.probe(limitsFor(ctx, due, 0, S), mode, 'with every due');
    if (first.result.status !== 'optimal') {
      const free = prober.probe(all, 'volume', 'without dues');
      if (!feasible(ctx, free)) {
        return { prober, final: free, kind: 'partial', lateness: 0, T: null, below: null, lateBelow: null };
      }
      // Smallest lateness: gallop then bisect on volume probes.
      let lo = 0;
      let hi = S;
      for (let step = 1; step < S; step *= 2) {
        const p = prober.probe(limitsFor(ctx, due, step, S), 'volume', `lateness ${step}`);
        if (feasible(ctx, p)) {
          hi = step;
          break;
        }
        lo = step;
        lateBelow = p;
      }
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        const p = prober.probe(limitsFor(ctx, due, mid, S), 'volume', `lateness ${mid}`);
        if (feasible(ctx, p)) hi = mid;
        else {
          lo = mid;
          lateBelow = p;
        }
      }
      L = hi;
      first = prober.probe(limitsFor(ctx, due, L, S), mode, `with lateness ${L}`);
      if (first.result.status !== 'optimal') {
        // The volume probes' sum can differ from the fixed-demand probe's verdict by HiGHS's
        // tolerances (on large demands): trust the fixed-demand probe. If not even the whole
        // horizon carries the demand the plan is partial, else bisect L on fixed-demand probes.
        const top = prober.probe(all, mode, 'with any lateness');
        if (top.result.status !== 'optimal') {
          return { prober, final: free, kind: 'partial', lateness: 0, T: null, below: null, lateBelow: null };
        }
        let lo2 = L;
        let hi2 = S;
        first = top;
        while (hi2 - lo2 > 1) {
          const mid = (lo2 + hi2) >>> 1;
          const p = prober.probe(limitsFor(ctx, due, mid, S), mode, `with lateness ${mid}`);
          if (p.result.status === 'optimal') {
            hi2 = mid;
            first = p;
          } else lo2 = mid;
        }
        L = hi2;
      }
    }
    if (objective === 'min-cost') {
      return { prober, final: first, kind: 'complete', lateness: L, T: null, below: null, lateBelow };
    }
    // Makespan: downward galloping from the earliest optimum, then bisection.
    let best = first;
    let hi = first.end;
    let lo = 0;
    let below: Probe | null = null;
    for (let step = 1; hi - step > lo; step *= 2) {
      const T = hi - step;
      const p = prober.probe(limitsFor(ctx, due, L, T), 'volume', `horizon ${T} slots`);
      if (feasible(ctx, p)) {
        hi = Math.min(T, p.end);
        best = p;
      } else {
        lo = T;
        below = p;
        break;
      }
    }
    while (hi - lo > 1) {
      const T = (lo + hi) >>> 1;
      const p = prober.probe(limitsFor(ctx, due, L, T), 'volume', `horizon ${T} slots`);
      if (feasible(ctx, p)) {
        hi = Math.min(T, p.end);
        best = p;
      } else {
        lo = T;
        below = p;
      }
    }
    const final =
      best === first && best.mode === mode
        ? best
        : prober.probe(limitsFor(ctx, due, L, hi), mode, `final, horizon ${hi} slots`);
    return { prober, final, kind: 'complete', lateness: L, T: hi, below, lateBelow };
  } catch (err) {
    prober.dispose();
    throw err;
  }
}

export type { Optimal };
