/**
 * The heuristic's certified lower bound on the makespan, from relaxations that single-commodity
 * max-flow solves exactly on the time-expanded network (LP mode, full capacities).
 *
 * Model. (a) Single commodity: every dataset's copies × ceil(wire/q) quanta from its own source
 * arc to the union of all allowed destinations, with every row that is not a plain arc capacity
 * dropped except appliance capacity and, where no appliance crosses it, provider ingress (both
 * are exact cap nodes, `subnet.ts` bound mode). Every plan's flow, summed over its classes, is a
 * flow of this network, so no plan completes with fewer slots than its earliest completion T_a.
 * (b) Each class alone: its demand (k·ceil(wire/q) for copies k) to its own destinations, with
 * ceil(wire/q) at most per failure domain when k > 1 and the same cap nodes; every plan
 * restricted to the class is a flow of it, so the class ends no sooner than T_c, and — for a
 * class with a due — is at least max(0, T_c − (last meeting slot + 1)) slots late. Hence
 * makespan.slot ≥ max(T_a, max_c T_c) − 1 for every plan at the quantum's granularity. When some
 * relaxation cannot carry its demand within the horizon, no plan is complete (bound null).
 *
 * Invariants: each T is the exact earliest completion of its relaxation (the search ends with a
 * carrying probe at T and a failing one at T − 1, or at T = 1).
 *
 * Complexity: C + 1 sub-network builds and searches (O(log S) warm probes each), C classes.
 *
 * Reference: L. R. Ford, D. R. Fulkerson, "Flows in Networks" (1962), ch. III; Ahuja, Magnanti,
 * Orlin, "Network Flows" (1993), §17.4 (relaxations of multicommodity flows).
 */
import type { LpContext } from '../lp/context.js';
import { Residual } from './residual.js';
import { searchSubnet } from './search.js';
import { buildSubnet, type SubnetScratch } from './subnet.js';

/** The method named in the plan's `lowerBound`. */
export const BOUND_METHOD =
  'max of the single-commodity and per-class time-expanded max-flow relaxations (at the quantum)';

/** Earliest completions of the relaxations (module header); null where the horizon is not enough. */
export interface Relaxations {
  /** T_a of (a), or null. */
  readonly single: number | null;
  /** T_c of (b) per class, or null. */
  readonly perClass: (number | null)[];
  readonly solves: number;
  /** Lower bound on the makespan slot, or null when some relaxation cannot complete. */
  readonly slot: number | null;
}

/** Solves the relaxations (module header). */
export function relaxations(
  ctx: LpContext,
  sc: SubnetScratch,
  onClass?: (done: number, solves: number) => void,
): Relaxations {
  const full = new Residual(ctx);
  const S = ctx.ten.slots;
  let solves = 0;
  let guess = Math.max(1, Math.ceil(S / 8));
  const perClass: (number | null)[] = ctx.classes.map((cls, c) => {
    const sub = buildSubnet(
      ctx,
      full,
      {
        datasets: cls.datasets,
        sourceCap: cls.demand,
        allowed: ctx.allowed[c],
        until: S,
        mode: 'bound',
        domainCap: cls.copies > 1 ? cls.perDomain : 0,
      },
      sc,
    );
    const r = searchSubnet(sub, { lowKnown: 1, maxT: S, guess });
    solves += r.solves;
    if (r.T !== null) guess = Math.max(1, r.T);
    onClass?.(c + 1, solves);
    return r.T;
  });
  const union = new Uint8Array(ctx.scenario.nodes.length);
  const datasets: number[] = [];
  const sourceCap: number[] = [];
  ctx.classes.forEach((cls, c) => {
    for (let d = 0; d < union.length; d++) if (ctx.allowed[c][d] === 1) union[d] = 1;
    cls.datasets.forEach((k, i) => {
      datasets.push(k);
      sourceCap.push(cls.demand[i]);
    });
  });
  let single: number | null = 0;
  if (datasets.length > 0) {
    const sub = buildSubnet(
      ctx,
      full,
      { datasets, sourceCap, allowed: union, until: S, mode: 'bound', domainCap: 0 },
      sc,
    );
    const most = perClass.reduce<number>((m, t) => Math.max(m, t ?? 0), 1);
    const r = searchSubnet(sub, { lowKnown: 1, maxT: S, guess: most });
    solves += r.solves;
    single = r.T;
  }
  let slot: number | null = single === null ? null : single - 1;
  for (const t of perClass) slot = t === null || slot === null ? null : Math.max(slot, t - 1);
  return { single, perClass, solves, slot };
}
