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
 * Complexity: O(n + m) per class (two breadth-first searches on the CSR adjacency).
 *
 * Reference: any textbook breadth-first search; Ahuja, Magnanti, Orlin, "Network Flows" (1993),
 * §3.5 (flow decomposition).
 */
import { ArcKind } from '../network.js';
import type { LpContext } from './context.js';

/** Arcs of class `c` (ascending TEN arc indices) that some path of the class can use. */
export function classArcs(ctx: LpContext, c: number, until: number, scratch: PruneScratch): Int32Array {
  const { ten, cap, out, into } = ctx;
  const { kind, elem, slot, heads, tails } = ten;
  const allowed = ctx.allowed[c];
  const cls = ctx.classes[c];
  const { fwd, bwd, queue } = scratch;
  fwd.fill(0);
  bwd.fill(0);
  const deliverOk = (a: number) => allowed[elem[a]] === 1 && slot[a] < until;
  // Forward from the class's source arcs.
  let qh = 0;
  let qt = 0;
  fwd[ten.source] = 1;
  for (const k of cls.datasets) {
    const w = heads[ten.sourceArc[k]];
    if (fwd[w] === 0) {
      fwd[w] = 1;
      queue[qt++] = w;
    }
  }
  while (qh < qt) {
    const v = queue[qh++];
    for (let p = out.start[v]; p < out.start[v + 1]; p++) {
      const a = out.list[p];
      const w = heads[a];
      if (fwd[w] === 1 || !(cap[a] > 0) || w === ten.sink) continue;
      fwd[w] = 1;
      queue[qt++] = w;
    }
  }
  // Backward from SINK through allowed delivery arcs.
  qh = 0;
  qt = 0;
  bwd[ten.sink] = 1;
  for (let p = into.start[ten.sink]; p < into.start[ten.sink + 1]; p++) {
    const a = into.list[p];
    if (kind[a] !== ArcKind.DELIVER || !deliverOk(a)) continue;
    const u = tails[a];
    if (bwd[u] === 0 && fwd[u] === 1) {
      bwd[u] = 1;
      queue[qt++] = u;
    }
  }
  while (qh < qt) {
    const v = queue[qh++];
    for (let p = into.start[v]; p < into.start[v + 1]; p++) {
      const a = into.list[p];
      const u = tails[a];
      if (bwd[u] === 1 || fwd[u] === 0 || !(cap[a] > 0) || u === ten.source) continue;
      bwd[u] = 1;
      queue[qt++] = u;
    }
  }
  const kept: number[] = [];
  for (let a = 0; a < ten.arcCount; a++) {
    if (!(cap[a] > 0) || fwd[tails[a]] === 0 || bwd[heads[a]] === 0) continue;
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
