/**
 * Earliest completion on a time-expanded network: the smallest T such that the max flow with the
 * delivery switches of slots 0 … T−1 enabled carries the total demand D.
 *
 * Model: F(T) = max-flow value with slots < T enabled is non-decreasing in T (enabling a slot only
 * raises capacities), so the answer is found by galloping (T = 1, 2, 4, … up to the horizon S)
 * and then binary search between the largest infeasible T (`lo`) and the smallest feasible one
 * (`hi`).
 *
 * Warm solves that only ever raise capacities: the solver keeps a snapshot of the flow at `lo`.
 * Every probe T > lo restores that flow (it is feasible for T: the switches of slots ≥ lo carry
 * none of it), sets the switches of slots < T on and ≥ T off (the latter carry no flow after the
 * restore, so turning them off changes nothing), and re-solves from there. A feasible probe keeps
 * its own snapshot as the flow at `hi`. Every solve therefore continues a flow that is already
 * maximal for a smaller T: its work is what the new slots add, plus the solver's O(n + m) global
 * relabelling.
 *
 * Invariants: F(lo) < D ≤ F(hi); at return the solver holds the flow at `hi` (or, when no T ≤ S
 * works, the maximum flow at S) with the switches of the returned T enabled.
 *
 * A lower bound T_lb ({@link originCutBound}: origin cuts) lets the search start with one solve
 * at T_lb − 1 instead of galloping up to it; where the origins' links are what binds (the usual
 * case for backups) the bound is exact and the search ends after two probes.
 *
 * Complexity: 1 + ⌈log₂(T* − T_lb + 1)⌉ galloping probes and as many bisection probes.
 *
 * Reference: galloping (exponential) search — J. L. Bentley, A. C.-C. Yao, "An almost optimal
 * algorithm for unbounded searching", IPL 5(3), 1976.
 */
import type { MaxFlowSolver } from '../flow/maxflow.js';
import { ArcKind, type TimeExpandedNetwork } from './network.js';

/** Sets the switches of slots in [from, to) on when the slot is below T, off otherwise. */
export function setSwitches(
  solver: MaxFlowSolver,
  ten: TimeExpandedNetwork,
  from: number,
  to: number,
  T: number,
): void {
  const { switchStart, switchArcs, switchCap } = ten;
  for (let t = Math.max(0, from); t < Math.min(to, ten.slots); t++) {
    const on = t < T;
    for (let i = switchStart[t]; i < switchStart[t + 1]; i++)
      solver.setCapacity(switchArcs[i], on ? switchCap[i] : 0);
  }
}

/** A known state of the search: T slots enabled and the maximum flow for it. */
export interface SearchPoint {
  readonly T: number;
  readonly flow: Float64Array;
  readonly value: number;
}

/** Result of {@link earliestCompletion}. */
export interface SearchResult {
  /** Smallest feasible T (slots enabled), or null when even the whole horizon is not enough. */
  readonly T: number | null;
  /** Largest infeasible point found (T = 0 with zero flow when T* = 1). */
  readonly lo: SearchPoint;
  /** Smallest feasible point, or null. */
  readonly hi: SearchPoint | null;
  /** Max-flow solves this search ran. */
  readonly solves: number;
}

/**
 * Upper bounds U(T) ≥ F(T) from the origin cuts, and the smallest T with U(T) ≥ D.
 *
 * The cut: SOURCE, every origin store and send core of the origins in a set O, and every node of
 * the slots ≥ T (none of them can reach the sink while their switches are off, and no arc goes
 * back in time) on the source side. Its capacity is Σ_{o∈O} Σ_{ready(o) ≤ t < T} out_o(t) plus
 * the demands of the origins outside O, where out_o(t) sums the capacities of the arcs leaving
 * o's send core in slot t (links, read and egress splits; holdovers stay inside). Choosing O per
 * origin gives U(T) = Σ_o min(demand_o, Σ_{t<T} out_o(t)) — an upper bound (arcs between two
 * origins of O are counted although they stay inside, which only raises it). Counting is O(m + S·origins).
 * @param caps - current capacities per input arc (switches do not matter: they leave destinations)
 * @returns the smallest T in 1 … S with U(T) ≥ D, or null when even U(S) < D (then no T works)
 */
export function originCutBound(ten: TimeExpandedNetwork, caps: Float64Array): number | null {
  const { tails, heads, kind, elem, slot, arcCount: m } = ten;
  const D = ten.totalDemand;
  if (D === 0) return 0;
  const nodeOut = new Float64Array(ten.n);
  for (let a = 0; a < m; a++) if (kind[a] !== ArcKind.HOLD) nodeOut[tails[a]] += caps[a];
  const S = ten.slots;
  const origins = [...new Set(ten.storeOrigin)];
  const index = new Map(origins.map((o, i) => [o, i]));
  const perSlot = new Float64Array(origins.length * S);
  const demand = new Float64Array(origins.length);
  for (let a = 0; a < m; a++) {
    if (kind[a] === ArcKind.RELEASE)
      perSlot[(index.get(elem[a]) as number) * S + slot[a]] += nodeOut[heads[a]];
    else if (kind[a] === ArcKind.SOURCE) {
      demand[index.get(ten.storeOrigin[heads[a] - ten.stores[0]]) as number] += caps[a];
    }
  }
  const cum = new Float64Array(origins.length);
  for (let T = 1; T <= S; T++) {
    let u = 0;
    for (let i = 0; i < origins.length; i++) {
      cum[i] += perSlot[i * S + T - 1];
      u += Math.min(demand[i], cum[i]);
    }
    if (u >= D) return T;
  }
  return null;
}

/** Options of {@link earliestCompletion}. */
export interface SearchOptions {
  /** Every T below it is known to be infeasible (from {@link originCutBound}). */
  readonly minT?: number;
  /** A known feasible point (skips galloping; its flow must fit the current capacities). */
  readonly hi?: SearchPoint;
  /** Called after each probe. */
  readonly onProbe?: (T: number, value: number) => void;
}

/**
 * Runs the search on `solver`, whose network is `ten`. The solver holds a flow that fits with
 * every switch off (any flow is restored over before the first probe), or, with `options.hi`,
 * hi's flow with the switches of slots < hi.T on.
 * @throws Error if the solver reports bad input (a bug in the builder: demands are checked there)
 */
export function earliestCompletion(
  solver: MaxFlowSolver,
  ten: TimeExpandedNetwork,
  options: SearchOptions = {},
): SearchResult {
  const D = ten.totalDemand;
  const S = ten.slots;
  let lo: SearchPoint = { T: 0, flow: new Float64Array(ten.arcCount), value: 0 };
  let hi: SearchPoint | null = null;
  // Switches of slots < enabledUpTo may be on; those ≥ it are off.
  let enabledUpTo = options.hi?.T ?? lo.T;
  let solves = 0;
  const probe = (T: number): SearchPoint => {
    solver.restore(lo.flow);
    setSwitches(solver, ten, lo.T, Math.max(enabledUpTo, T), T);
    enabledUpTo = T;
    const r = solver.solve();
    solves++;
    if (r.status !== 'optimal') throw new Error(`scheduler: max-flow rejected the network: ${r.message}`);
    options.onProbe?.(T, r.value);
    return { T, flow: r.flow, value: r.value };
  };
  if (options.minT !== undefined) {
    // Start right below the bound: one (cold) solve replaces the galloping up to it.
    const T0 = Math.min(options.minT - 1, (options.hi?.T ?? S + 1) - 1, S);
    if (T0 > lo.T) {
      const p = probe(T0);
      if (p.value >= D) hi = p;
      else lo = p;
    }
  }
  if (hi === null && options.hi !== undefined) hi = options.hi;
  if (hi === null) {
    if (lo.T >= S) return { T: null, lo, hi: null, solves };
    for (let step = 1; ; step *= 2) {
      const T = Math.min(lo.T + step, S);
      const p = probe(T);
      if (p.value >= D) {
        hi = p;
        break;
      }
      lo = p;
      if (T === S) return { T: null, lo, hi: null, solves };
    }
  }
  while (hi.T - lo.T > 1) {
    const p = probe((lo.T + hi.T) >>> 1);
    if (p.value >= D) hi = p;
    else lo = p;
  }
  if (enabledUpTo !== hi.T) {
    // Raise first (the current flow carries nothing at slots ≥ enabledUpTo), then put hi's flow back.
    setSwitches(solver, ten, 0, Math.max(enabledUpTo, hi.T), hi.T);
    solver.restore(hi.flow);
    enabledUpTo = hi.T;
  }
  return { T: hi.T, lo, hi, solves };
}
