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
 * Complexity: O(n + m) for the backward search, O(n + m) per unreachable origin group.
 *
 * Reference: any textbook breadth-first search (Cormen et al., "Introduction to Algorithms", §22.2).
 */
import { ArcKind, type TimeExpandedNetwork } from './network.js';

/** Capacities with every switch enabled. */
export function openCapacities(ten: TimeExpandedNetwork): Float64Array {
  const caps = ten.caps.slice();
  for (let i = 0; i < ten.switchArcs.length; i++) caps[ten.switchArcs[i]] = ten.switchCap[i];
  return caps;
}

/** Per dataset (scenario order): true when it has nothing to move or a usable path to the sink. */
export function reachableDatasets(ten: TimeExpandedNetwork): boolean[] {
  const { n, tails, heads, open, arcCount: m } = ten;
  const start = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) start[heads[a] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const into = new Int32Array(m);
  for (let a = 0; a < m; a++) into[fill[heads[a]]++] = a;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let qh = 0;
  let qt = 0;
  queue[qt++] = ten.sink;
  seen[ten.sink] = 1;
  while (qh < qt) {
    const v = queue[qh++];
    for (let p = start[v]; p < start[v + 1]; p++) {
      const a = into[p];
      const u = tails[a];
      if (open[a] === 1 && seen[u] === 0) {
        seen[u] = 1;
        queue[qt++] = u;
      }
    }
  }
  // A dataset of zero bytes has nothing to move: it is complete wherever it is.
  return Array.from(ten.sourceArc, (a, k) => ten.demand[k] === 0 || seen[heads[a]] === 1);
}

/**
 * Link arcs (exactly closed) that leave the part of the network reachable from `node` (an origin
 * store node) over usable arcs: the closed links blocking it.
 */
export function blockingLinkArcs(ten: TimeExpandedNetwork, node: number): number[] {
  const { n, tails, heads, open, arcCount: m } = ten;
  const start = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) start[tails[a] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const outOf = new Int32Array(m);
  for (let a = 0; a < m; a++) outOf[fill[tails[a]]++] = a;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let qh = 0;
  let qt = 0;
  queue[qt++] = node;
  seen[node] = 1;
  while (qh < qt) {
    const v = queue[qh++];
    for (let p = start[v]; p < start[v + 1]; p++) {
      const a = outOf[p];
      if (open[a] === 1 && seen[heads[a]] === 0) {
        seen[heads[a]] = 1;
        queue[qt++] = heads[a];
      }
    }
  }
  const blocked: number[] = [];
  for (let a = 0; a < m; a++) {
    if (ten.kind[a] === ArcKind.LINK && seen[tails[a]] === 1 && seen[heads[a]] === 0) blocked.push(a);
  }
  return blocked;
}
