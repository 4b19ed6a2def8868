/**
 * Reachability on the time-expanded network: which datasets can reach an allowed destination at
 * all within the horizon, and, for those that cannot, the closed links at the edge of where they
 * can get to (the explanation an infeasible plan owes its user).
 *
 * Model: an arc is usable when its *exact* capacity with every delivery switch enabled is positive
 * (`ten.open`), not its capacity floored to quanta: PLAN.md's `infeasible` means no byte can get
 * through, and a link carrying less than one quantum per slot still lets bytes through (the plan
 * is then `partial`). A dataset can deliver anything iff its origin store node O_o@ready reaches
 * SINK over usable arcs; one backward breadth-first search from SINK decides it for every dataset
 * at once. For an unreachable dataset, a forward search from O_o@ready gives the set R it can
 * reach; the link arcs leaving R (all exactly closed) are the closed windows or zero links that
 * block it.
 *
 * Both searches run on the network's one pair of arc indices (`arc-index.ts`, built once per
 * network) with `open` as the arc mask (`src/flow/reach.ts`).
 *
 * Complexity: O(n + m) for the backward search, O(n + m) per unreachable origin group.
 *
 * Reference: any textbook breadth-first search (Cormen et al., "Introduction to Algorithms", §22.2).
 */
import { markReachable } from '../flow/reach.js';
import { arcsInto, arcsOut } from './arc-index.js';
import { ArcKind, type TimeExpandedNetwork } from './network.js';

/** Capacities with every switch enabled. */
export function openCapacities(ten: TimeExpandedNetwork): Float64Array {
  const caps = ten.caps.slice();
  for (let i = 0; i < ten.switchArcs.length; i++) caps[ten.switchArcs[i]] = ten.switchCap[i];
  return caps;
}

/** Per dataset (scenario order): true when it has nothing to move or a usable path to the sink. */
export function reachableDatasets(ten: TimeExpandedNetwork): boolean[] {
  const seen = new Uint8Array(ten.n);
  markReachable(arcsInto(ten), ten.tails, ten.open, [ten.sink], seen, new Int32Array(ten.n));
  // A dataset of zero bytes has nothing to move: it is complete wherever it is.
  return Array.from(ten.sourceArc, (a, k) => ten.demand[k] === 0 || seen[ten.heads[a]] === 1);
}

/**
 * Link arcs (exactly closed) that leave the part of the network reachable from `node` (an origin
 * store node) over usable arcs: the closed links blocking it.
 */
export function blockingLinkArcs(ten: TimeExpandedNetwork, node: number): number[] {
  const { tails, heads, kind, arcCount: m } = ten;
  const seen = new Uint8Array(ten.n);
  markReachable(arcsOut(ten), heads, ten.open, [node], seen, new Int32Array(ten.n));
  const blocked: number[] = [];
  for (let a = 0; a < m; a++) {
    if (kind[a] === ArcKind.LINK && seen[tails[a]] === 1 && seen[heads[a]] === 0) blocked.push(a);
  }
  return blocked;
}
