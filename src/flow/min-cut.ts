/**
 * Minimum s–t cut from a residual network: the nodes reachable from s along arcs of positive
 * residual capacity, and the input arcs that leave them.
 *
 * Model: for a maximum flow f, the set S of nodes reachable from s in the residual network holds
 * s but not t, every input arc from S to V∖S is saturated and every arc back carries no flow, so
 * u(S, V∖S) = |f| (max-flow min-cut theorem). BFS, O(n + m).
 *
 * Reference: L. R. Ford, D. R. Fulkerson, "Maximal flow through a network", Canadian Journal of
 * Mathematics 8, 1956.
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
  const { n, start, head, rev, arcOf, arcCount } = net;
  const side = new Uint8Array(n);
  side[s] = 1;
  queue[0] = s;
  let qh = 0;
  let qt = 1;
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
