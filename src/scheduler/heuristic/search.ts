/**
 * Earliest completion on one heuristic sub-network (`subnet.ts`): the smallest T in
 * [lowKnown, maxT] such that the max flow with the delivery switches of slots < T enabled carries
 * the sub-network's whole demand, searched around a guess.
 *
 * Model: F(T) is non-decreasing in T (enabling a slot only raises capacities). Probe the guess;
 * if it carries the demand gallop down (g − 1, g − 2, g − 4, …) until a probe fails or lowKnown
 * is reached, else gallop up (g + 1, g + 2, …) up to maxT; then bisect between the largest
 * failing and the smallest carrying T. Every T < lowKnown is known to fail (a relaxation's
 * bound), so a carrying probe at lowKnown ends the search.
 *
 * Warm solves (as `src/scheduler/search.ts`): each probe keeps a snapshot of its maximum preflow.
 * Going up, switches are raised and the solver continues from its state; going down, the
 * snapshot of the largest failing probe (it uses no switch of a slot ≥ its T, zero flow when
 * there is none) is restored before the switches above T are lowered, so no capacity ever drops
 * under flow.
 *
 * Invariants: at return the solver holds a maximum flow for the returned T (or, when none works,
 * for maxT) and `flow` is it, per sub-network arc.
 *
 * Complexity: O(log |T* − guess|) probes, each a warm push-relabel solve.
 *
 * Reference: J. L. Bentley, A. C.-C. Yao, "An almost optimal algorithm for unbounded searching",
 * IPL 5 (1976).
 */
import { MaxFlowSolver } from '../../flow/maxflow.js';
import { buildFlowNetwork } from '../../flow/network.js';
import type { Subnet } from './subnet.js';

/** Result of {@link searchSubnet}. */
export interface SubnetOutcome {
  /** Smallest carrying T in [lowKnown, maxT], or null when maxT does not carry the demand. */
  readonly T: number | null;
  /** Flow value of `flow` (the demand when T is not null). */
  readonly value: number;
  /** Maximum flow at T (or at maxT), per sub-network arc. */
  readonly flow: Float64Array;
  /** Max-flow probes run. */
  readonly solves: number;
}

/** Search window of {@link searchSubnet}. */
export interface SubnetWindow {
  /** Every T below it is known not to carry the demand (≥ 1). */
  readonly lowKnown: number;
  /** Largest T considered (≤ slots). */
  readonly maxT: number;
  /** First T probed. */
  readonly guess: number;
}

/** Runs the search (module header). */
export function searchSubnet(sub: Subnet, win: SubnetWindow): SubnetOutcome {
  const D = sub.demand;
  if (D === 0) return { T: 0, value: 0, flow: new Float64Array(sub.m), solves: 0 };
  const lowKnown = Math.max(1, win.lowKnown);
  const maxT = Math.min(win.maxT, sub.slots);
  if (maxT < lowKnown) return { T: null, value: 0, flow: new Float64Array(sub.m), solves: 0 };
  const solver = new MaxFlowSolver(buildFlowNetwork(sub.n, sub.tails, sub.heads, sub.caps, sub.m), 0, 1);
  const { switchStart, switchArcs, switchCap } = sub;
  const set = (from: number, to: number, on: boolean) => {
    for (let i = switchStart[from]; i < switchStart[to]; i++)
      solver.setCapacity(switchArcs[i], on ? switchCap[i] : 0);
  };
  let enabled = 0;
  let loT = lowKnown - 1;
  let loSnap: Float64Array = new Float64Array(sub.m);
  const hi = { T: -1, snap: null as Float64Array | null };
  let solves = 0;
  let lastValue = 0;
  const probe = (T: number): boolean => {
    if (T > enabled) set(enabled, T, true);
    else if (T < enabled) {
      solver.restore(loSnap);
      set(T, enabled, false);
    }
    enabled = T;
    const r = solver.solveValue();
    solves++;
    if (r.status !== 'optimal') throw new Error(`heuristic: max-flow rejected a sub-network: ${r.message}`);
    lastValue = r.value;
    const ok = r.value >= D;
    if (ok) {
      hi.T = T;
      hi.snap = solver.snapshot();
    } else {
      loT = T;
      loSnap = solver.snapshot();
    }
    return ok;
  };
  const g = Math.min(maxT, Math.max(lowKnown, win.guess));
  if (probe(g)) {
    for (let step = 1; hi.T - step > loT; step *= 2) if (!probe(hi.T - step)) break;
  } else {
    for (let step = 1; hi.T < 0; step *= 2) {
      if (loT >= maxT) break;
      probe(Math.min(maxT, loT + step));
    }
  }
  const hiSnap = hi.snap;
  if (hi.T < 0 || hiSnap === null) {
    // Even maxT does not carry the demand: the solver holds the maximum preflow at maxT.
    const r = solver.solve();
    if (r.status !== 'optimal') throw new Error(`heuristic: max-flow failed: ${r.message}`);
    return { T: null, value: lastValue, flow: r.flow, solves };
  }
  while (hi.T - loT > 1) probe((loT + hi.T) >>> 1);
  const hiT = hi.T;
  if (enabled !== hiT) {
    if (enabled < hiT) set(enabled, hiT, true);
    solver.restore(hi.snap ?? hiSnap);
    if (enabled > hiT) set(hiT, enabled, false);
    enabled = hiT;
  }
  const r = solver.solve();
  if (r.status !== 'optimal' || r.value < D) throw new Error('heuristic: the carrying flow was lost');
  return { T: hiT, value: r.value, flow: r.flow, solves };
}
