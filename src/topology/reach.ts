/**
 * Reachability on the topology, over the CSR copy of its links in the topology index (`csr.ts`).
 *
 * Model: directed multigraph G = (V, E) with V the scenario's nodes (indexed in declaration order)
 * and E its links of positive capacity. Windows and shares are ignored: every such link counts as
 * usable, which is right for "can this ever arrive" questions; a link of capacity 0 (a link
 * declared down) carries nothing and is left out (`linkUp` is the arc mask).
 *
 * Complexity: one breadth-first search O(n + m) time, O(n) memory (`src/flow/reach.ts`).
 * Reference: Cormen, Leiserson, Rivest, Stein, "Introduction to Algorithms", 3rd ed., §22.2 (BFS).
 */
import { markReachable } from '../flow/reach.js';
import type { TopologyIndex } from './csr.js';

/**
 * Marks every node reachable from any of `sources` (sources included): along links when
 * `direction` is `'out'`, against them (nodes that can reach a source) when `'in'`.
 */
export function reach(index: TopologyIndex, sources: readonly number[], direction: 'out' | 'in'): Uint8Array {
  const seen = new Uint8Array(index.nodeCount);
  const queue = new Int32Array(index.nodeCount);
  if (direction === 'out') markReachable(index.out, index.linkTo, index.linkUp, sources, seen, queue);
  else markReachable(index.into, index.linkFrom, index.linkUp, sources, seen, queue);
  return seen;
}
