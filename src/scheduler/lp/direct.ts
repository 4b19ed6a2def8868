/**
 * Naive direct upload for LP plans (`vsDirect`): the same scenario as operators run it — each
 * dataset only over the links from its origin straight to its allowed destinations, no relaying,
 * no staging — with the same policies (destinations, copies, dues, caps), solved with the same LP
 * on the direct-only time-expanded network.
 *
 * Model. {@link buildLpContext} with `direct`: the network keeps the links from an origin to a
 * destination of some class, gives a node that is both an origin and a destination a
 * receive-only core (bytes landing there cannot leave), and has no holdovers; the class's pruning
 * then keeps, per class, exactly the links from its origins to its allowed destinations. The
 * earliest-completion search of `search.ts` gives T* (the LP optimum: the direct makespan is
 * reported as slot T* − 1, a bound the rounded direct plan would meet or exceed by a slot at most
 * rarely); without a complete plan, the volume LP gives the bytes delivered.
 *
 * Cost. No rounding and no decoding: only the search's probes, on an LP that is a fraction of the
 * plan's (no relay arcs, no holdovers). To keep it affordable the LP may have at most as many
 * columns as the plan's own (and at least 20,000); above that, or when a solve fails, the
 * comparison is skipped with a note saying why, and the plan is still returned.
 *
 * Reference: issue "Planner" item 5 (gain over naive upload); design/PLAN.md (extensions).
 */
import type { Calendars } from '../../constraints/calendars.js';
import type { LpSolver } from '../../flow/lp.js';
import type { Scenario } from '../../io/model.js';
import type { DirectOutcome } from '../../plan/vs-direct.js';
import { ArcKind } from '../network.js';
import { buildLpContext } from './context.js';
import { unreachableDatasets } from './explain.js';
import { LpTooLargeError } from './model.js';
import { LpSolveError, searchObjective } from './search.js';

/** Options of {@link solveDirectLp}. */
export interface DirectLpOptions {
  readonly quantum: number;
  /** Most LP columns (module header). */
  readonly columnLimit: number;
  readonly timeLimitSeconds?: number;
  readonly log?: (line: string) => void;
}

/** Outcome of {@link solveDirectLp}: the direct plan's outcome, or why it was not compared. */
export type DirectLpResult =
  | {
      readonly kind: 'solved';
      readonly outcome: DirectOutcome;
      readonly columns: number;
      readonly solves: number;
    }
  | { readonly kind: 'skipped'; readonly reason: string };

/** Solves direct upload with the LP (module header). */
export function solveDirectLp(
  scenario: Scenario,
  cal: Calendars,
  lp: LpSolver,
  options: DirectLpOptions,
): DirectLpResult {
  const q = options.quantum;
  const ctx = buildLpContext(scenario, cal, q, { direct: true });
  const stuck = unreachableDatasets(ctx, []).datasets.length > 0;
  const total = scenario.datasets.reduce((s, d) => s + d.copies * d.wire, 0);
  if (ctx.classes.length === 0) {
    return {
      kind: 'solved',
      outcome: { status: 'complete', lastSlot: -1, deliveredBytes: 0 },
      columns: 0,
      solves: 0,
    };
  }
  let outcome: ReturnType<typeof searchObjective>;
  try {
    outcome = searchObjective(ctx, lp, 'earliest-completion', {
      log: options.log === undefined ? undefined : (line) => options.log?.(`direct upload: ${line}`),
      timeLimitSeconds: options.timeLimitSeconds,
      columnLimit: options.columnLimit,
    });
  } catch (err) {
    if (err instanceof LpTooLargeError) {
      return {
        kind: 'skipped',
        reason:
          `its LP would have ${err.columns} columns, more than the ${options.columnLimit} this plan's own LP ` +
          'has, so it was not solved (the comparison would cost more than the plan)',
      };
    }
    if (err instanceof LpSolveError) return { kind: 'skipped', reason: err.message };
    throw err;
  }
  const { prober } = outcome;
  try {
    const columns = prober.model.lp.numCols;
    const solves = prober.solves.length;
    if (outcome.kind === 'complete' && outcome.T !== null && !stuck) {
      return {
        kind: 'solved',
        outcome: { status: 'complete', lastSlot: outcome.T - 1, deliveredBytes: total },
        columns,
        solves,
      };
    }
    // Partial: the volume optimum, per dataset at most copies × wire.
    const r = outcome.final.result;
    let delivered = 0;
    if (r.status === 'optimal') {
      const { colArc } = prober.model;
      const perDataset = new Float64Array(scenario.datasets.length);
      for (let j = 0; j < colArc.length; j++) {
        const a = colArc[j];
        if (ctx.ten.kind[a] === ArcKind.SOURCE) perDataset[ctx.ten.elem[a]] += r.colValue[j];
      }
      scenario.datasets.forEach((d, k) => {
        delivered += Math.min(d.copies * d.wire, Math.floor(perDataset[k] + 1e-6) * q);
      });
    }
    return {
      kind: 'solved',
      outcome: { status: stuck ? 'infeasible' : 'partial', lastSlot: null, deliveredBytes: delivered },
      columns,
      solves,
    };
  } finally {
    prober.dispose();
  }
}
