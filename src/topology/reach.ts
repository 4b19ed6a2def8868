/**
 * Reachability on the topology, over a compact CSR (compressed sparse row) copy of its links.
 *
 * Model: directed multigraph G = (V, E) with V the scenario's nodes (indexed in declaration order)
 * and E its links of positive capacity. Windows and shares are ignored: every such link counts as
 * usable, which is right for "can this ever arrive" questions; a link of capacity 0 (a link
 * declared down) carries nothing and is left out.
 *
 * Invariants: `outStart` has n + 1 entries, `outHead[outStart[v] … outStart[v+1])` are the heads
 * of v's out-links in link declaration order, and `outLink` the matching link indices; the `in*`
 * arrays hold the reverse graph the same way.
 *
 * Complexity: building O(n + m); one breadth-first search O(n + m) time, O(n) memory.
 * Reference: Cormen, Leiserson, Rivest, Stein, "Introduction to Algorithms", 3rd ed., §22.2 (BFS).
 */
import type { Scenario } from '../io/model.js';

/** CSR adjacency of a scenario's links, both directions. */
export interface Adjacency {
  /** Number of nodes. */
  readonly n: number;
  /** Node ids by index (declaration order). */
  readonly ids: readonly string[];
  /** Node index by id. */
  readonly index: ReadonlyMap<string, number>;
  readonly outStart: Int32Array;
  readonly outHead: Int32Array;
  readonly outLink: Int32Array;
  readonly inStart: Int32Array;
  readonly inHead: Int32Array;
  readonly inLink: Int32Array;
}

/** Builds the CSR adjacency (links must name existing nodes: see `buildGraph`). */
export function buildAdjacency(scenario: Scenario): Adjacency {
  const ids = scenario.nodes.map((v) => v.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const usable = scenario.links.flatMap((l, e) => (l.capacity.num > 0n ? [e] : []));
  const m = usable.length;
  const tail = new Int32Array(m);
  const head = new Int32Array(m);
  const linkOf = Int32Array.from(usable);
  usable.forEach((e, k) => {
    tail[k] = index.get(scenario.links[e].from)!;
    head[k] = index.get(scenario.links[e].to)!;
  });
  const [outStart, outHead, outLink] = csr(n, tail, head, linkOf);
  const [inStart, inHead, inLink] = csr(n, head, tail, linkOf);
  return { n, ids, index, outStart, outHead, outLink, inStart, inHead, inLink };
}

/** Counting sort of arcs by `from` (stable, so links keep declaration order within a node). */
function csr(
  n: number,
  from: Int32Array,
  to: Int32Array,
  linkOf: Int32Array,
): [Int32Array, Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) start[from[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const heads = new Int32Array(from.length);
  const links = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const p = fill[from[e]]++;
    heads[p] = to[e];
    links[p] = linkOf[e];
  }
  return [start, heads, links];
}

/**
 * Marks every node reachable from any of `sources` (sources included): along links when
 * `direction` is `'out'`, against them (nodes that can reach a source) when `'in'`.
 */
export function reach(adj: Adjacency, sources: readonly number[], direction: 'out' | 'in'): Uint8Array {
  const start = direction === 'out' ? adj.outStart : adj.inStart;
  const next = direction === 'out' ? adj.outHead : adj.inHead;
  const seen = new Uint8Array(adj.n);
  const queue = new Int32Array(adj.n);
  let tail = 0;
  for (const s of sources) {
    if (seen[s] === 0) {
      seen[s] = 1;
      queue[tail++] = s;
    }
  }
  for (let qi = 0; qi < tail; qi++) {
    const v = queue[qi];
    for (let p = start[v]; p < start[v + 1]; p++) {
      const w = next[p];
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return seen;
}
