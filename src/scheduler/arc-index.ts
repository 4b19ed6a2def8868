/**
 * Arcs of the time-expanded network grouped by one of their ends, as CSR: the arcs whose tail (or
 * head) is node v are `list[start[v]] … list[start[v+1] − 1]`, in increasing arc index, so
 * walks over a node's arcs keep the network's arc order (which decoding relies on).
 * Counting sort: O(n + m) time and memory. Shared by decoding and the LP's pruning.
 */

/** CSR adjacency: arcs of node v are `list[start[v]] … list[start[v+1]−1]`, in arc order. */
export interface Adjacency {
  readonly start: Int32Array;
  readonly list: Int32Array;
}

/**
 * Groups arcs `0 … m−1` by `ends[a]` (pass the tails for out-arcs, the heads for in-arcs).
 * @param n - node count (every `ends[a]` is in 0 … n−1)
 */
export function arcsByEnd(n: number, ends: Int32Array, m: number): Adjacency {
  const start = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) start[ends[a] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const next = start.slice(0, n);
  const list = new Int32Array(m);
  for (let a = 0; a < m; a++) list[next[ends[a]]++] = a;
  return { start, list };
}
