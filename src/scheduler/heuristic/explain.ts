/**
 * Explanations of a heuristic plan, each stating only what was computed: how the plan was built,
 * the datasets that cannot reach their copies at all, missed dues and — per late class — whether
 * even its relaxation alone misses the due (a certified lateness bound) or only the residual the
 * earlier classes left does, the certified lower bound and the gap to this plan's makespan.
 *
 * Invariants: `lowerBound.slot` is the relaxations' bound (`bound.ts`), never above the plan's
 * makespan, and null unless the plan is complete; the notes say that the plan is feasible (its
 * flow fits every capacity and shared row, `residual.ts`) and, unless it ends at the bound, not
 * proven optimal.
 *
 * Reference: docs/plan.md (`notes`, `lowerBound`).
 */
import { formatBytes } from '../../io/units.js';
import type { Bottleneck } from '../../plan/types.js';
import type { Explanation, PlanView } from '../engine.js';
import { lastMeetingSlot } from '../lp/classes.js';
import type { LpContext } from '../lp/context.js';
import type { Unreachable } from '../lp/explain.js';
import { missedDueNotes } from '../maxflow-explain.js';
import { BOUND_METHOD, type Relaxations } from './bound.js';
import type { RoutedClass } from './route.js';

/** What the heuristic engine computed, for its explanations. */
export interface HeuristicRun {
  readonly notes: readonly string[];
  readonly unreachable: Unreachable;
  readonly bounds: Relaxations;
  readonly routed: readonly RoutedClass[];
}

/** Notes, bottlenecks and lower bound of a heuristic plan (module header). */
export function explainHeuristic(ctx: LpContext, run: HeuristicRun, view: PlanView): Explanation {
  const { scenario } = ctx;
  const h = scenario.horizon;
  const notes = [...run.notes, ...missedDueNotes(view)];
  const bottlenecks: Bottleneck[] = [...run.unreachable.bottlenecks];
  const lateIds = new Set(view.datasets.filter((d) => d.met === false).map((d) => d.id));
  ctx.classes.forEach((cls, c) => {
    if (cls.due === null) return;
    const late = cls.datasets.filter((k) => lateIds.has(scenario.datasets[k].id));
    if (late.length === 0) return;
    const ids = late.map((k) => scenario.datasets[k].id).join(', ');
    const until = Math.max(0, lastMeetingSlot(cls.due, h.start, h.slotSeconds, h.slots) + 1);
    const alone = run.bounds.perClass[c];
    if (alone === null || alone > until) {
      notes.push(
        alone === null
          ? `${ids} cannot be delivered whole even alone within the horizon (per-class max-flow relaxation)`
          : `${ids} cannot meet the due even alone: the per-class max-flow relaxation ends in slot ${alone - 1}, ` +
              `so every plan is at least ${alone - until} slot(s) late for it`,
      );
    } else {
      notes.push(
        `${ids} could meet the due alone (the per-class relaxation ends in slot ${alone - 1}); in this plan it is ` +
          'routed on what the classes routed before it left, which could not carry it by its due',
      );
    }
  });
  const partial = run.routed.some((r, c) => r !== undefined && r.routed < ctx.classes[c].totalDemand);
  if (partial) {
    const total = scenario.datasets.reduce((s, d) => s + d.copies * d.wire, 0);
    const got = view.datasets.reduce((s, d) => s + Object.values(d.delivered).reduce((x, b) => x + b, 0), 0);
    notes.push(
      `the horizon ends before every byte is delivered: ${formatBytes(got)} of ${formatBytes(total)} ` +
        '(what class-by-class routing fitted; not proven to be the most any plan can carry)',
    );
  }
  let slot: number | null = null;
  const b = run.bounds;
  if (view.status === 'complete' && view.makespan !== null && b.slot !== null) {
    slot = Math.min(b.slot, view.makespan.slot);
    const slowest = b.perClass.reduce<number>((m, t) => Math.max(m, t ?? 0), 0);
    notes.push(
      `lower bound slot ${slot}: the single-commodity relaxation ends in slot ${(b.single ?? 0) - 1}` +
        (ctx.classes.length > 0 ? `, the slowest class alone in slot ${slowest - 1}` : '') +
        `; this plan ends in slot ${view.makespan.slot}, a gap of ${view.makespan.slot - slot} slot(s). ` +
        (view.makespan.slot === slot
          ? 'The plan ends at the bound, so its makespan is optimal at the quantum'
          : 'The plan is feasible (its flow fits every capacity, cap and copies rule) but not proven optimal'),
    );
  } else if (view.status === 'complete' && view.makespan !== null) {
    notes.push(
      'the plan is feasible (its flow fits every capacity, cap and copies rule) but not proven optimal',
    );
  }
  return { bottlenecks, notes, lowerBound: { slot, method: BOUND_METHOD } };
}
