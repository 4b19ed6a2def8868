/**
 * Minimum s–t cut from a residual network: the nodes reachable from s along arcs of positive
 * residual capacity, and the input arcs that leave them.
 *
 * Model: for a maximum flow f, the set S of nodes reachable from s in the residual network holds
 * s but not t, every input arc from S to V∖S is saturated and every arc back carries no flow, so
 * u(S, V∖S) = |f| (max-flow min-cut theorem). S is the smallest source side of any minimum cut.
 *
 * From a maximum *preflow* (phase 1 of push-relabel only, excess parked at nodes X that cannot
 * reach t) the same S is found by a search from s and from every node of X: S_min, the smallest
 * minimum-cut source side, holds X (flow across any cut is the value plus the excess on its sink
 * side, and a minimum cut carries exactly the value) and is closed under residual arcs (its cut
 * is saturated), so the search stays inside S_min; and the set R it reaches has no residual arc
 * leaving it and only t with excess outside, so u(R, V∖R) = value, R is a minimum cut and holds
 * S_min. Phase 2 (returning the excess) is not needed for the cut. BFS, O(n + m).
 *
 * Reference: L. R. Ford, D. R. Fulkerson, "Maximal flow through a network", Canadian Journal of
 * Mathematics 8, 1956; J.-C. Picard, M. Queyranne, "On the structure of all minimum cuts in a
 * network", Math. Programming Study 13, 1980 (the smallest minimum-cut source side).
 */
import type { MinCut } from './maxflow-types.js';
import type { FlowNetwork } from './network.js';

/**
 * The cut of the nodes reachable from `s` in the residual network given by `res` (residual
 * capacity per residual arc of `net`).
 * @param queue - optional scratch of length ≥ n
 */
export function residualMinCut(
  net: FlowNetwork,
  res: Float64Array,
  s: number,
  queue: Int32Array = new Int32Array(net.n),
): MinCut {
  const side = new Uint8Array(net.n);
  side[s] = 1;
  queue[0] = s;
  return cutAround(net, res, side, queue, 1);
}

/**
 * The cut of the nodes reachable from `s` or from a node other than `t` with positive excess, in
 * the residual network given by `res`: for a maximum preflow, the same minimum cut as
 * {@link residualMinCut} gives after the preflow is turned into a flow (see the module header).
 * @param excess - inflow − outflow per node
 * @param queue - scratch of length ≥ n
 */
export function preflowMinCut(
  net: FlowNetwork,
  res: Float64Array,
  s: number,
  t: number,
  excess: Float64Array,
  queue: Int32Array = new Int32Array(net.n),
): MinCut {
  const side = new Uint8Array(net.n);
  side[s] = 1;
  queue[0] = s;
  let qt = 1;
  for (let v = 0; v < net.n; v++) {
    if (v !== s && v !== t && excess[v] > 0) {
      side[v] = 1;
      queue[qt++] = v;
    }
  }
  return cutAround(net, res, side, queue, qt);
}

/** Closes `side` (seeded with `queue[0 … qt−1]`) under residual arcs; returns its cut. */
function cutAround(
  net: FlowNetwork,
  res: Float64Array,
  side: Uint8Array,
  queue: Int32Array,
  qt: number,
): MinCut {
  const { start, head, rev, arcOf, arcCount } = net;
  let qh = 0;
  while (qh < qt) {
    const v = queue[qh++];
    for (let a = start[v]; a < start[v + 1]; a++) {
      const w = head[a];
      if (side[w] === 0 && res[a] > 0) {
        side[w] = 1;
        queue[qt++] = w;
      }
    }
  }
  let capacity = 0;
  const cut: number[] = [];
  for (let i = 0; i < arcCount; i++) {
    const a = arcOf[i];
    const b = rev[a];
    if (side[head[b]] === 1 && side[head[a]] === 0) {
      const c = res[a] + res[b];
      if (c > 0) {
        cut.push(i);
        capacity += c;
      }
    }
  }
  return { sourceSide: side, arcs: Int32Array.from(cut), capacity };
}
