/**
 * Which planner a scenario needs: the single-commodity max-flow planner handles scenarios whose
 * datasets share one policy; everything else needs the multi-commodity LP (issue "Policies").
 *
 * One policy (PLAN.md "lowerBound"): every dataset has the same resolved destination set (node
 * ids, the origin already excluded by the scenario reader), `copies: 1`, and the same `due` (all
 * null, or all one instant — then the earliest plan meets it iff any plan does, so minimising the
 * makespan also minimises the lateness). Identical destination sets also mean no dataset's origin
 * is a destination of another dataset's policy… except when that origin was excluded from its
 * own set, which makes the sets differ: such scenarios are multi-policy, because one commodity
 * could not stop a dataset's bytes from being "delivered" back at its own origin.
 */

import { WanplanError } from '../errors.js';
import type { Scenario } from '../io/model.js';

/**
 * The scenario is valid but the one-policy max-flow planner cannot plan it (several policies, or
 * caps a single max-flow cannot represent): {@link planSync} throws it; `plan` catches it and
 * (with the engines' `representable` checks) hands the scenario to the LP engine (lp/engine.ts).
 */
export class PlannerLimitError extends WanplanError {
  override name = 'PlannerLimitError';
  /** One sentence per reason, naming the datasets, nodes or providers involved. */
  readonly reasons: readonly string[];

  constructor(reasons: readonly string[]) {
    super(
      `this scenario needs the multi-commodity LP planner (plan(), not planSync()): ${reasons.join('; ')}`,
    );
    this.reasons = reasons;
  }
}

/** Outcome of {@link classifyPolicy}. */
export type PolicyClass =
  | {
      readonly kind: 'single';
      /** Indices (into scenario.nodes) of the shared allowed destinations, ascending. */
      readonly destinations: readonly number[];
      /** The shared due (epoch seconds) or null. */
      readonly due: number | null;
    }
  | { readonly kind: 'multi'; readonly reasons: readonly string[] };

/** Decides whether the scenario's datasets share one policy (see the module header). */
export function classifyPolicy(scenario: Scenario): PolicyClass {
  const ds = scenario.datasets;
  const index = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  if (ds.length === 0) return { kind: 'single', destinations: [], due: null };
  const reasons: string[] = [];
  const first = ds[0];
  const key = first.destinations.join('\u0000');
  const differing = ds.filter((d) => d.destinations.join('\u0000') !== key).map((d) => d.id);
  if (differing.length > 0) {
    reasons.push(
      `datasets have different allowed destinations (${first.id}: [${first.destinations.join(', ')}]; ` +
        `different: ${list(differing)})`,
    );
  }
  const multi = ds.filter((d) => d.copies > 1).map((d) => `${d.id} (copies: ${d.copies})`);
  if (multi.length > 0) reasons.push(`copies > 1 needs replication: ${list(multi)}`);
  const dues = new Set(ds.map((d) => d.due));
  if (dues.size > 1) reasons.push('datasets have different dues (per-dataset deadlines)');
  if (reasons.length > 0) return { kind: 'multi', reasons };
  const destinations = first.destinations.map((id) => index.get(id) as number).sort((a, b) => a - b);
  return { kind: 'single', destinations, due: first.due };
}

function list(items: readonly string[]): string {
  return items.length <= 5
    ? items.join(', ')
    : `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
}
