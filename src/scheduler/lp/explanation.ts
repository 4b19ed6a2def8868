/**
 * Explanations of an LP plan, each from a computation whose result it states: unreachable
 * datasets (found before the search), late datasets — a per-class cut when the class cannot meet
 * its due even alone, else "it shares capacity" — the capacities the LP duals price at the
 * binding probe, the lower bound T* − 1 and what rounding to whole quanta cost against it, the
 * shortfall of a partial plan, and the cost breakdown.
 *
 * Reference: docs/plan.md (`bottlenecks`, `notes`, `lowerBound`); Ahuja, Magnanti, Orlin,
 * "Network Flows" (1993), §17.4 (LP duality for multicommodity flows).
 */

import { formatBytes } from '../../io/units.js';
import type { DecodedFlow } from '../../plan/decoded.js';
import type { Bottleneck, PlanObjective } from '../../plan/types.js';
import type { Explanation, PlanView } from '../engine.js';
import { missedDueNotes } from '../maxflow-explain.js';
import type { LpContext } from './context.js';
import { costBreakdown } from './cost.js';
import { dualBottlenecks, lateCut, type Unreachable } from './explain.js';
import { dueLimits, type Probe, type SearchOutcome } from './search.js';

/** The method named in the plan's notes and `lowerBound`. */
export const LP_METHOD = 'multi-commodity LP (HiGHS)';

/** What the LP engine computed, for its explanations. */
export interface LpRun {
  readonly outcome: SearchOutcome | null;
  /** The probe the plan was rounded from. */
  readonly final: Probe | null;
  /** Notes so far (classes, unreachable datasets, rounding). */
  readonly notes: readonly string[];
  readonly unreachable: Unreachable;
  readonly decoded: DecodedFlow;
  readonly objective: PlanObjective;
}

/** Bottlenecks, notes, lower bound and cost of an LP plan (module header). */
export function explainLp(ctx: LpContext, run: LpRun, view: PlanView, maxBottlenecks: number): Explanation {
  const { scenario } = ctx;
  const { outcome, final, objective } = run;
  const q = ctx.ten.quantum;
  const { datasets, makespan, status } = view;
  const notes = [...run.notes, ...missedDueNotes(view)];
  const bottlenecks: Bottleneck[] = [...run.unreachable.bottlenecks];
  const due = dueLimits(ctx);
  ctx.classes.forEach((cls, c) => {
    if (cls.due === null) return;
    const late = cls.datasets.filter(
      (k) => datasets.find((d) => d.id === scenario.datasets[k].id)?.met === false,
    );
    if (late.length === 0) return;
    const ids = late.map((k) => scenario.datasets[k].id).join(', ');
    const cut = lateCut(ctx, c, due[c]);
    const need = cls.datasets.reduce(
      (s, k) => s + scenario.datasets[k].copies * scenario.datasets[k].wire,
      0,
    );
    if (cut !== null) {
      // An empty cut means no element has capacity left to name: the quantum itself is the limit
      // (every capacity floors to zero quanta) or the due falls before anything can move.
      const where =
        cut.bottlenecks.length > 0
          ? `the cut is ${cut.bottlenecks
              .map((b) => `${b.kind} ${b.id}`)
              .slice(0, 5)
              .join(', ')}`
          : `no link or cap limits it at the planner's granularity: the due leaves no usable slot, or every capacity before it is below one quantum (${formatBytes(q)}; try a smaller --quantum)`;
      notes.push(
        `${ids} cannot meet the due even alone: by then the network carries at most ${formatBytes(Math.min(need, cut.deliverable * q))} of ` +
          `${formatBytes(need)}; ${where}`,
      );
      for (const b of cut.bottlenecks)
        bottlenecks.push({ ...b, note: `keeps ${ids} from its due: ${b.note}` });
    } else {
      notes.push(
        `${ids} could meet the due alone: it is late because it shares capacity with other datasets (bottlenecks list where)`,
      );
    }
  });
  if (outcome !== null) {
    const priced =
      outcome.below ?? outcome.lateBelow ?? (final !== null && final.mode === 'volume' ? final : null);
    if (priced !== null) {
      const dual = dualBottlenecks(ctx, outcome.prober, priced);
      bottlenecks.push(...dual.bottlenecks);
      notes.push(...dual.notes);
    }
  }
  if (bottlenecks.length > maxBottlenecks) {
    notes.push(`${bottlenecks.length - maxBottlenecks} more bottleneck(s) are not listed`);
  }
  let lowerBound: { slot: number | null; method: string } = { slot: null, method: LP_METHOD };
  if (status === 'complete' && makespan !== null) {
    if (objective === 'earliest-completion' && outcome?.T != null) {
      const lb = Math.min(outcome.T - 1, makespan.slot);
      lowerBound = { slot: lb, method: LP_METHOD };
      if (lb < makespan.slot) {
        notes.push(
          `rounding the LP optimum to whole quanta cost ${makespan.slot - lb} slot(s): the LP finishes in slot ${lb}, this plan in slot ${makespan.slot}`,
        );
      }
    } else if (objective === 'min-cost') {
      lowerBound = { slot: null, method: `${LP_METHOD}; min-cost does not minimise the makespan` };
    }
  }
  if (status === 'partial') {
    const total = scenario.datasets.reduce((s, d) => s + d.copies * d.wire, 0);
    const got = datasets.reduce((s, d) => s + Object.values(d.delivered).reduce((x, b) => x + b, 0), 0);
    notes.push(
      `the horizon ends before every byte is delivered: ${formatBytes(got)} of ${formatBytes(total)} (the most the LP can carry)`,
    );
  }
  let lpCost: number | null = null;
  if (
    objective === 'min-cost' &&
    final !== null &&
    final.result.status === 'optimal' &&
    final.mode === 'cost'
  ) {
    const maxCost = ctx.costPerQuantum.reduce((m, x) => Math.max(m, x), 0);
    lpCost = final.result.objective * maxCost;
  }
  if (objective === 'min-cost' && !ctx.hasCosts)
    notes.push('no link has a cost: every plan meeting the dues costs 0');
  const cost = costBreakdown(scenario, run.decoded.transfers, lpCost);
  return { bottlenecks, notes, lowerBound, cost };
}
