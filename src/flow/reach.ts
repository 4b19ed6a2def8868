/**
 * Reachability on a directed multigraph held in typed arrays: arcs grouped by one of their ends
 * (CSR, compressed sparse row) and one breadth-first search over them, in either direction.
 *
 * Model: nodes 0 … n−1, arcs 0 … m−1 with `tails[a]` → `heads[a]`. {@link arcsByEnd} groups the
 * arcs by their tails (search along arcs: pass `heads` as the other end) or by their heads
 * (search against arcs: pass `tails`). {@link markReachable} marks every node that a seed reaches
 * over arcs whose mask entry is 1, entering only nodes whose mark is 0: a caller excludes nodes
 * (a terminal the search must not cross, nodes another search did not reach) by marking them
 * with any non-zero value before the search, and excludes arcs by the mask.
 *
 * Invariants: `start` has n + 1 non-decreasing entries with `start[n] = m`; the arcs of node v
 * are `list[start[v]] … list[start[v+1] − 1]` in increasing arc index (the counting sort is
 * stable), so walks over a node's arcs keep the caller's arc order. After a search, `queue[0 …
 * count)` holds the nodes it marked, in the order it reached them (seeds first).
 *
 * Complexity: building O(n + m) time and memory; one search O(n + m) time, no allocation (the
 * caller owns `seen` and `queue`, so repeated searches reuse them).
 *
 * Reference: Cormen, Leiserson, Rivest, Stein, "Introduction to Algorithms", 3rd ed., §22.2
 * (breadth-first search); Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., §3.4
 * (compressed sparse row storage).
 */

/** Arcs grouped by one end: the arcs of node v are `list[start[v]] … list[start[v+1] − 1]`. */
export interface ArcIndex {
  /** n + 1 offsets into {@link ArcIndex.list}. */
  readonly start: Int32Array;
  /** Arc indices, grouped by node, increasing within a node. */
  readonly list: Int32Array;
}

/**
 * Groups arcs `0 … m−1` by `ends[a]` (the tails for out-arcs, the heads for in-arcs).
 * @param n - node count (every `ends[a]` is in 0 … n−1)
 * @param m - arc count (at most `ends.length`)
 */
export function arcsByEnd(n: number, ends: Int32Array, m: number): ArcIndex {
  const start = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) start[ends[a] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const next = start.slice(0, n);
  const list = new Int32Array(m);
  for (let a = 0; a < m; a++) list[next[ends[a]]++] = a;
  return { start, list };
}

/**
 * Breadth-first search from `seeds` over the arcs of `index` whose `arcMask` entry is 1 (every arc
 * when `arcMask` is null), stepping from a node to `otherEnd[a]`. Marks with 1 each node it
 * enters: seeds, then nodes reached; a node whose `seen` entry is already non-zero is never
 * entered (neither as a seed nor as a step), which is how callers exclude nodes.
 * @param seen - one entry per node; read and written
 * @param queue - scratch of at least n entries; holds the marked nodes afterwards
 * @returns the number of nodes marked (they are `queue[0 … count)`)
 */
export function markReachable(
  index: ArcIndex,
  otherEnd: Int32Array,
  arcMask: Uint8Array | null,
  seeds: ArrayLike<number>,
  seen: Uint8Array,
  queue: Int32Array,
): number {
  const { start, list } = index;
  let tail = 0;
  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i];
    if (seen[s] === 0) {
      seen[s] = 1;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    const end = start[v + 1];
    for (let p = start[v]; p < end; p++) {
      const a = list[p];
      if (arcMask !== null && arcMask[a] === 0) continue;
      const w = otherEnd[a];
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return tail;
}
