/**
 * Earliest completion on a time-expanded network: the smallest T such that the max flow with the
 * delivery switches of slots 0 … T−1 enabled carries the total demand D.
 *
 * Model: F(T) = max-flow value with slots < T enabled is non-decreasing in T (enabling a slot only
 * raises capacities), so the answer is found by galloping (T = 1, 2, 4, … up to the horizon S)
 * and then binary search between the largest infeasible T (`lo`) and the smallest feasible one
 * (`hi`).
 *
 * Warm solves. The solver keeps snapshots of the flows at `lo` and `hi`. A probe T restores the
 * nearer of the two: `lo`'s maximum flow (feasible for T > lo: the switches of slots ≥ lo carry
 * none of it), or `hi`'s flow *truncated* to the slots < T ({@link truncateFlow}: a preflow whose
 * excess sits where bytes crossed into slot T). Switches are raised before the restore and
 * lowered after it, so neither step ever lowers a capacity under flow. The solve then continues
 * from there: its work is what the changed slots add or give back, plus the solver's O(n + m)
 * global relabelling.
 *
 * Invariants: F(lo) < D ≤ F(hi); at return the solver holds the flow at `hi` (or, when no T ≤ S
 * works, the maximum flow at S) with the switches of the returned T enabled.
 *
 * A lower bound T_lb ({@link originCutBound}: origin cuts) lets the search start with one solve
 * at T_lb − 1 instead of galloping up to it; where the origins' links are what binds (the usual
 * case for backups) the bound is exact and the search ends after two probes. A caller that needs
 * only T*, not the maximum flow at T* − 1 (the "what if"), probes T_lb itself first
 * (`boundFirst`): one probe where the bound is exact, none when it already equals a known
 * feasible `hi`. With a known `hi` the search gallops up from `lo` towards it, then bisects.

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

/**
 * The part of `flow` (a flow of `ten` with the slots < T' enabled, T' ≥ T) that the network with
 * only the slots < T enabled keeps: every arc of a slot ≥ T and every holdover into slot T
 * emptied, each appliance-capacity arc lowered to what still reaches it. Source, chain and
 * release arcs of earlier slots keep their flow, so the result is a *preflow*: excess ≥ 0 at the
 * origin stores (bytes no longer released later) and at the nodes of slot T − 1 that held bytes
 * into slot T; no node has a deficit. {@link MaxFlowSolver.restore} takes it and `solve()` turns
 * it into a maximum flow for T, routing that excess to earlier deliveries or back to the source —
 * work in proportion to what crossed the boundary, not to the whole flow. O(m).
 */
export function truncateFlow(ten: TimeExpandedNetwork, flow: Float64Array, T: number): Float64Array {
  const { kind, slot, heads, tails, arcCount: m } = ten;
  const out = flow.slice();
  // Global nodes (appliance capacity nodes among them) follow the slot blocks.
  const base = ten.slots * ten.blockSize;
  const appIn = new Float64Array(ten.n - base);
  for (let a = 0; a < m; a++) {
    const k = kind[a];
    if (k === ArcKind.SOURCE || k === ArcKind.CHAIN || k === ArcKind.APPCAP) continue;
    if (slot[a] >= T || (k === ArcKind.HOLD && slot[a] === T - 1)) out[a] = 0;
    else if ((k === ArcKind.DELIVER || k === ArcKind.INGRESS) && heads[a] >= base)
      appIn[heads[a] - base] += out[a];
  }
  for (let a = 0; a < m; a++) {
    if (kind[a] === ArcKind.APPCAP) out[a] = Math.min(out[a], appIn[tails[a] - base]);
  }
  return out;
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
  /**
   * Largest infeasible point probed (T = 0 with zero flow when none was: T* = 1, or `boundFirst`
   * found T* at the bound).
   */
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
  /** A known feasible point (bounds the search; its flow must fit the current capacities). */
  readonly hi?: SearchPoint;
  /**
   * Probe `minT` itself first instead of `minT − 1`, for callers that need only T* and not the
   * maximum flow at T* − 1 (the "what if"): where the bound is exact that is the only probe.
   * @defaultValue false
   */
  readonly boundFirst?: boolean;
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
  let hi: SearchPoint | null = options.hi ?? null;
  // Switches of slots < enabledUpTo may be on; those ≥ it are off.
  let enabledUpTo = options.hi?.T ?? lo.T;
  let solves = 0;
  const probe = (T: number): SearchPoint => {
    // Warm start: the maximum flow at lo (feasible for T: it uses no slot ≥ lo.T), or, when the
    // known feasible point is nearer, hi's flow truncated to the slots < T (a preflow).
    const start = hi !== null && hi.T > T && hi.T - T < T - lo.T ? truncateFlow(ten, hi.flow, T) : lo.flow;
    // Raise first, so that `start` fits the capacities it is restored under; the switches then
    // lowered carry none of it (no flow repair).
    if (T > enabledUpTo) setSwitches(solver, ten, enabledUpTo, T, T);
    solver.restore(start);
    if (T < enabledUpTo) setSwitches(solver, ten, T, enabledUpTo, T);
    enabledUpTo = T;
    // Phase 1 only: the value and a maximum preflow (excess parked where it cannot reach the
    // sink). The snapshot keeps that preflow for later warm starts; a flow is decomposed only
    // when the planner asks for one (`solver.flows()`), once.
    const r = solver.solveValue();
    solves++;
    if (r.status !== 'optimal') throw new Error(`scheduler: max-flow rejected the network: ${r.message}`);
    options.onProbe?.(T, r.value);
    return { T, flow: solver.snapshot(), value: r.value };
  };
  if (hi !== null && options.minT !== undefined && options.minT >= hi.T) {
    // Every T < hi.T is infeasible by the bound: hi is the answer, no solve needed.
    setSwitches(solver, ten, 0, Math.max(enabledUpTo, hi.T), hi.T);
    solver.restore(hi.flow);
    return { T: hi.T, lo, hi, solves };
  }
  if (options.minT !== undefined) {
    // Start right below the bound (or at it): one solve replaces the galloping up to it. Every
    // T < minT is infeasible by the bound, so a probe at minT that is feasible ends the search.
    const below = options.boundFirst ? 0 : 1;
    const T0 = Math.min(options.minT - below, (options.hi?.T ?? S + 1) - 1, S);
    if (T0 > lo.T) {
      const p = probe(T0);
      if (p.value >= D) {
        hi = p;
        if (below === 0 && T0 === options.minT) {
          // Proven optimal by the bound; lo keeps the largest infeasible point probed (none).
          return { T: T0, lo, hi, solves };
        }
      } else lo = p;
    }
  }
  // Gallop up from lo (the bound is usually exact or nearly so: T* is found in a probe or two),
  // up to the horizon or to a known feasible hi; then bisect.
  if (hi === null && lo.T >= S) return { T: null, lo, hi: null, solves };
  for (let step = 1; hi === null || lo.T + step < hi.T; step *= 2) {
    const T = Math.min(lo.T + step, S);
    const p = probe(T);
    if (p.value >= D) {
      hi = p;
      break;
    }
    lo = p;
    if (T === S) return { T: null, lo, hi: null, solves };
  }
  if (hi === null) throw new Error('scheduler: the search ended without a feasible point');
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
