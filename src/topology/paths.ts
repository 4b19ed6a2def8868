/**
 * Shortest path by latency between two nodes of a topology.
 *
 * Model: edge weight = the link's round-trip `latencyMs`, or 0 for a link without a latency (an
 * unknown latency is not evidence of a slow link, and 0 keeps weights non-negative); a link of
 * capacity 0 (declared down) is never on a route. The path minimises the sum of weights; nodes
 * come from graphology-shortest-path's bidirectional Dijkstra (one pair) or its single-source
 * Dijkstra (one origin, several targets: {@link latencyRoutes}).
 * Between consecutive nodes of that path the parallel link with the least latency is reported
 * (first declared on ties), so the reported total equals the minimum.
 *
 * Complexity: O((n + m) log n) for Dijkstra, plus O(k · d) to choose among the d out-links of each
 * node on a path of k hops. Reference: E. W. Dijkstra, "A note on two problems in connexion with graphs",
 * Numerische Mathematik 1 (1959) 269–271; graphology-shortest-path `dijkstra.bidirectional`.
 */
import { bidirectional, singleSource } from 'graphology-shortest-path/dijkstra.js';
import type { Scenario } from '../io/model.js';
import type { TopologyIndex } from './csr.js';
import type { TopologyEdgeAttributes, TopologyGraph } from './graph.js';

/** A path through the topology. */
export interface LatencyPath {
  /** Node ids from the start to the end (one node when both are the same). */
  readonly nodes: readonly string[];
  /** Link ids taken, one per hop. */
  readonly links: readonly string[];
  /** Sum of the links' latencies in milliseconds (links without a latency count 0). */
  readonly latencyMs: number;
}

/**
 * The weight Dijkstra uses for a link: its latency, or +∞ for a link declared down (capacity 0),
 * which no route may take (a path of infinite weight is reported as no path).
 */
export function linkWeight(_edge: string, attributes: TopologyEdgeAttributes): number {
  return attributes.link.capacity.num > 0n ? (attributes.link.latencyMs ?? 0) : Number.POSITIVE_INFINITY;
}

/** Shortest path by latency from `from` to `to`, or null when `to` cannot be reached. */
export function latencyPath(
  graph: TopologyGraph,
  index: TopologyIndex,
  scenario: Scenario,
  from: string,
  to: string,
): LatencyPath | null {
  const nodes = bidirectional(graph, from, to, linkWeight);
  return nodes ? pathOf(index, scenario, nodes) : null;
}

/**
 * Shortest paths by latency from `from` to each reachable node of `targets` (one Dijkstra from
 * `from`), ascending by latency, ties in the order of `targets`; unreachable targets and repeats
 * are left out, so the first path (if any) leads to the nearest target.
 */
export function latencyRoutes(
  graph: TopologyGraph,
  index: TopologyIndex,
  scenario: Scenario,
  from: string,
  targets: readonly string[],
): readonly LatencyPath[] {
  const paths = singleSource(graph, from, linkWeight);
  const routes: LatencyPath[] = [];
  for (const to of new Set(targets)) {
    const nodes = paths[to];
    const path = nodes ? pathOf(index, scenario, nodes) : null;
    if (path) routes.push(path);
  }
  // Array.prototype.sort is stable: equal latencies keep the order of `targets`.
  return Object.freeze(routes.sort((a, b) => a.latencyMs - b.latencyMs));
}

/**
 * The links of a node path: between consecutive nodes the up link with the least latency (first
 * declared on ties); null when some hop has no up link (Dijkstra only reaches such a node through
 * a down link, at infinite weight).
 */
function pathOf(index: TopologyIndex, scenario: Scenario, nodes: string[]): LatencyPath | null {
  const links: string[] = [];
  let latencyMs = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const v = index.nodeIndex.get(nodes[i]) as number;
    const w = index.nodeIndex.get(nodes[i + 1]) as number;
    let best = -1;
    let bestWeight = Number.POSITIVE_INFINITY;
    for (let p = index.out.start[v]; p < index.out.start[v + 1]; p++) {
      const l = index.out.list[p];
      if (index.linkTo[l] !== w || index.linkUp[l] === 0) continue;
      const weight = scenario.links[l].latencyMs ?? 0;
      if (best < 0 || weight < bestWeight) {
        best = l;
        bestWeight = weight;
      }
    }
    if (best < 0) return null;
    links.push(scenario.links[best].id);
    latencyMs += bestWeight;
  }
  return Object.freeze({ nodes: Object.freeze(nodes), links: Object.freeze(links), latencyMs });
}
