/**
 * Independent reference for the tests: Edmonds–Karp (shortest augmenting paths by BFS) on a
 * dense residual matrix. O(n·m²), for graphs of a few dozen nodes. Shares no code with src/flow.
 */
export function edmondsKarp(
  n: number,
  arcs: readonly { from: number; to: number; cap: number }[],
  s: number,
  t: number,
): number {
  const r: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const { from, to, cap } of arcs) if (from !== to) r[from][to] += cap;
  let value = 0;
  for (;;) {
    const parent = new Array<number>(n).fill(-1);
    parent[s] = s;
    const queue = [s];
    for (let k = 0; k < queue.length && parent[t] < 0; k++) {
      const v = queue[k];
      for (let w = 0; w < n; w++) {
        if (parent[w] < 0 && r[v][w] > 0) {
          parent[w] = v;
          queue.push(w);
        }
      }
    }
    if (parent[t] < 0) return value;
    let delta = Number.POSITIVE_INFINITY;
    for (let w = t; w !== s; w = parent[w]) delta = Math.min(delta, r[parent[w]][w]);
    for (let w = t; w !== s; w = parent[w]) {
      r[parent[w]][w] -= delta;
      r[w][parent[w]] += delta;
    }
    value += delta;
  }
}
