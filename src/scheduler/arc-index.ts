/**
 * The arcs of a time-expanded network grouped by one of their ends, as CSR (`src/flow/reach.ts`):
 * the arcs whose tail (or head) is node v are `list[start[v]] … list[start[v+1] − 1]`, in
 * increasing arc index, so walks over a node's arcs keep the network's arc order (which decoding
 * relies on).
 *
 * Invariants: one index per network and direction, built on first use and kept for the network's
 * lifetime, keyed by the network's `tails` (or `heads`) array — never written after the network is
 * built, and shared by copies that only change capacities (`{ ...ten, caps }`), which therefore
 * share the index too. Decoding, reachability and the LP's pruning all read these two indices.
 *
 * Complexity: O(n + m) time and memory per network and direction, once.
 */
import { type ArcIndex, arcsByEnd } from '../flow/reach.js';
import type { TimeExpandedNetwork } from './ten-types.js';

/** CSR adjacency: arcs of node v are `list[start[v]] … list[start[v+1]−1]`, in arc order. */
export type Adjacency = ArcIndex;

export { arcsByEnd } from '../flow/reach.js';

const built = new WeakMap<Int32Array, ArcIndex>();

function byEnd(n: number, ends: Int32Array, m: number): ArcIndex {
  let index = built.get(ends);
  if (index === undefined || index.start.length !== n + 1) {
    index = arcsByEnd(n, ends, m);
    built.set(ends, index);
  }
  return index;
}

/** The arcs of `ten` grouped by tail (a node's out-arcs), built once per network. */
export function arcsOut(ten: TimeExpandedNetwork): ArcIndex {
  return byEnd(ten.n, ten.tails, ten.arcCount);
}

/** The arcs of `ten` grouped by head (a node's in-arcs), built once per network. */
export function arcsInto(ten: TimeExpandedNetwork): ArcIndex {
  return byEnd(ten.n, ten.heads, ten.arcCount);
}
