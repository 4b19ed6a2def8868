/**
 * `wanplan/topology` — a scenario's network on graphology: {@link buildTopology} returns a
 * {@link Topology} with the queries the planner and users need (reachable destinations, latency
 * paths, provider nodes, unused nodes, warnings), and {@link summarize} counts a scenario for
 * `wanplan validate`.
 *
 * @example
 * ```js
 * import { buildTopology } from 'wanplan/topology';
 * const t = buildTopology(scenario);
 * t.warnings(); // e.g. datasets with no path to a destination
 * ```
 * @packageDocumentation
 */

/** The read-only graphology graph a {@link Topology} exposes, and its attributes. */
export type {
  ReadonlyTopologyGraph,
  TopologyEdgeAttributes,
  TopologyGraphAttributes,
  TopologyNodeAttributes,
} from '../topology/graph.js';
/** A lowest-latency path between two nodes. */
export type { LatencyPath } from '../topology/paths.js';
/** Counts of a scenario (nodes by kind, links, providers, datasets, bytes, horizon). */
export { type ScenarioSummary, summarize } from '../topology/summary.js';
/** The topology and its queries. */
export { buildTopology, type DatasetReach, Topology, type TopologyWarning } from '../topology/topology.js';
