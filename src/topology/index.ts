/**
 * The topology layer: a scenario's network on graphology with the queries the planner and users
 * need. Re-exports only; see the files for the models.
 */

export { type IndexedScenario, indexScenario, indexTopology, type TopologyIndex } from './csr.js';
export {
  GRAPH_MUTATORS,
  type ReadonlyTopologyGraph,
  type TopologyEdgeAttributes,
  type TopologyGraph,
  type TopologyGraphAttributes,
  type TopologyNodeAttributes,
} from './graph.js';
export type { LatencyPath } from './paths.js';
export { type ScenarioSummary, summarize } from './summary.js';
export { buildTopology, type DatasetReach, Topology, type TopologyWarning } from './topology.js';
