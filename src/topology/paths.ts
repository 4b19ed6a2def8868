/**
 * Shortest path by latency between two nodes of a topology.
 *
 * Model: edge weight = the link's round-trip `latencyMs`, or 0 for a link without a latency (an
 * unknown latency is not evidence of a slow link, and 0 keeps weights non-negative). The path
 * minimises the sum of weights; nodes come from graphology-shortest-path's bidirectional Dijkstra.
 * Between consecutive nodes of that path the parallel link with the least latency is reported
 * (first declared on ties), so the reported total equals the minimum.
 *
 * Complexity: O((n + m) log n) for Dijkstra, plus O(k · p) to choose among p parallel links on a
 * path of k hops. Reference: E. W. Dijkstra, "A note on two problems in connexion with graphs",
 * Numerische Mathematik 1 (1959) 269–271; graphology-shortest-path `dijkstra.bidirectional`.
 */
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import type { Scenario } from '../io/model.js';
import type { TopologyEdgeAttributes, TopologyGraph } from './graph.js';
import type { Adjacency } from './reach.js';

/** A path through the topology. */
export interface LatencyPath {
  /** Node ids from the start to the end (one node when both are the same). */
  readonly nodes: readonly string[];
  /** Link ids taken, one per hop. */
  readonly links: readonly string[];
  /** Sum of the links' latencies in milliseconds (links without a latency count 0). */
  readonly latencyMs: number;
}

/** The weight Dijkstra uses for a link. */
export function linkWeight(_edge: string, attributes: TopologyEdgeAttributes): number {
  return attributes.link.latencyMs ?? 0;
}

/** Shortest path by latency from `from` to `to`, or null when `to` cannot be reached. */
export function latencyPath(
  graph: TopologyGraph,
  adj: Adjacency,
  scenario: Scenario,
  from: string,
  to: string,
): LatencyPath | null {
  const nodes = bidirectional(graph, from, to, linkWeight);
  if (!nodes) return null;
  const links: string[] = [];
  let latencyMs = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const v = adj.index.get(nodes[i])!;
    const w = adj.index.get(nodes[i + 1])!;
    let best = -1;
    let bestWeight = Number.POSITIVE_INFINITY;
    for (let p = adj.outStart[v]; p < adj.outStart[v + 1]; p++) {
      if (adj.outHead[p] !== w) continue;
      const weight = scenario.links[adj.outLink[p]].latencyMs ?? 0;
      if (weight < bestWeight) {
        best = adj.outLink[p];
        bestWeight = weight;
      }
    }
    links.push(scenario.links[best].id);
    latencyMs += bestWeight;
  }
  return Object.freeze({ nodes: Object.freeze(nodes), links: Object.freeze(links), latencyMs });
}
