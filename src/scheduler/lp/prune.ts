/**
 * Size reduction of the multi-commodity LP without losing any solution: per commodity class, the
 * time-expanded arcs that lie on some source → sink path of that class.
 *
 * Model. For class c with deliveries allowed in slots t < until[c] at its allowed destinations,
 * an arc a = (u, w) of positive open capacity can carry flow of c in some feasible flow only if
 * u is reachable from SOURCE through c's own source arcs (the class's origins since their ready
 * slots) and SINK is reachable from w through c's allowed delivery arcs. Any flow of c decomposes
 * into source–sink paths and cycles; path arcs satisfy both conditions, and cycles can be removed
 * without changing any row activity except by lowering ≤ rows, so dropping every other arc (and
 * every (class, node) conservation row that no kept arc touches) keeps the LP's optimum and its
 * feasible set's projection on the kept columns. This covers the (class, node, slot) triples
 * that cannot be reached since `ready`, those that cannot reach an allowed destination by the due
 * or by the horizon T being probed, and arcs of zero capacity (closed windows).
 *
 * The two searches are `markReachable` (`src/flow/reach.ts`) on the context's arc indices with
 * `positive` (cap > 0) as the arc mask; the special cases are pre-marked nodes: the forward search
 * never enters SINK, the backward one enters only nodes the forward search reached and never
 * SOURCE. Marks: 1 = reached, {@link EXCLUDED} = never entered, 0 = not reached.
 *
 * Complexity: O(n + m) per class (two breadth-first searches on the CSR adjacency).
 *
 * Reference: any textbook breadth-first search; Ahuja, Magnanti, Orlin, "Network Flows" (1993),
 * §3.5 (flow decomposition).
 */
import { markReachable } from '../../flow/reach.js';
import { ArcKind } from '../network.js';
import type { LpContext } from './context.js';

/** Mark of a node a search must not enter (`markReachable` enters only nodes marked 0). */
const EXCLUDED = 2;

/** Arcs of class `c` (ascending TEN arc indices) that some path of the class can use. */
export function classArcs(ctx: LpContext, c: number, until: number, scratch: PruneScratch): Int32Array {
  const { ten, cap, positive, out, into } = ctx;
  const { kind, elem, slot, heads, tails, n } = ten;
  const allowed = ctx.allowed[c];
  const cls = ctx.classes[c];
  const { fwd, bwd, queue } = scratch;
  const deliverOk = (a: number) => allowed[elem[a]] === 1 && slot[a] < until;
  // Forward from the class's source arcs, never entering SINK (marked EXCLUDED beforehand).
  fwd.fill(0);
  fwd[ten.source] = 1;
  fwd[ten.sink] = EXCLUDED;
  const origins = cls.datasets.map((k) => heads[ten.sourceArc[k]]);
  markReachable(out, heads, positive, origins, fwd, queue);
  // Backward from SINK, entering only nodes the forward search reached, never SOURCE; SINK's
  // in-arcs are walked here (allowed deliveries only), the search goes on from their tails.
  for (let v = 0; v < n; v++) bwd[v] = fwd[v] === 1 ? 0 : EXCLUDED;
  bwd[ten.source] = EXCLUDED;
  bwd[ten.sink] = 1;
  const delivering: number[] = [];
  for (let p = into.start[ten.sink]; p < into.start[ten.sink + 1]; p++) {
    const a = into.list[p];
    if (kind[a] === ArcKind.DELIVER && deliverOk(a)) delivering.push(tails[a]);
  }
  markReachable(into, tails, positive, delivering, bwd, queue);
  const kept: number[] = [];
  for (let a = 0; a < ten.arcCount; a++) {
    if (!(cap[a] > 0) || fwd[tails[a]] !== 1 || bwd[heads[a]] !== 1) continue;
    const k = kind[a];
    if (k === ArcKind.DELIVER && !deliverOk(a)) continue;
    if (k === ArcKind.SOURCE && !cls.datasets.includes(elem[a])) continue;
    kept.push(a);
  }
  return Int32Array.from(kept);
}

/** Reusable buffers of {@link classArcs} (one per network). */
export interface PruneScratch {
  readonly fwd: Uint8Array;
  readonly bwd: Uint8Array;
  readonly queue: Int32Array;
}

/** Scratch for a network of `n` nodes. */
export function pruneScratch(n: number): PruneScratch {
  return { fwd: new Uint8Array(n), bwd: new Uint8Array(n), queue: new Int32Array(n) };
}
