/**
 * The scenario as a graphology `MultiDirectedGraph`: one node per scenario node (key = node id),
 * one directed edge per scenario link (key = link id; parallel links are kept apart, hence multi).
 *
 * Immutability: attribute objects are the scenario's own frozen records wrapped in frozen objects,
 * and every mutating method of the instance is replaced by one that throws, so a graph handed out
 * by a {@link Topology} cannot drift from its scenario. The static type {@link ReadonlyTopologyGraph}
 * leaves those methods out, so misuse fails at compile time first. `graph.copy()` still returns an
 * ordinary, mutable graph for callers that want to experiment.
 */
import { MultiDirectedGraph } from 'graphology';
import { UsageError } from '../errors.js';
import type { Scenario, ScenarioLink, ScenarioNode } from '../io/model.js';

/** Attributes of a topology node: the scenario node it stands for. */
export type TopologyNodeAttributes = { readonly node: ScenarioNode };
/** Attributes of a topology edge: the scenario link it stands for (edge key = `link.id`). */
export type TopologyEdgeAttributes = { readonly link: ScenarioLink };
/** Attributes of the whole graph. */
export type TopologyGraphAttributes = { readonly name: string | null };

/** The mutable graphology class the topology is built on (internal use and `copy()` results). */
export type TopologyGraph = MultiDirectedGraph<
  TopologyNodeAttributes,
  TopologyEdgeAttributes,
  TopologyGraphAttributes
>;

/** graphology methods that change a graph; all of them throw on a topology's graph. */
export const GRAPH_MUTATORS = [
  'addNode',
  'mergeNode',
  'updateNode',
  'dropNode',
  'dropEdge',
  'dropDirectedEdge',
  'dropUndirectedEdge',
  'clear',
  'clearEdges',
  'setAttribute',
  'updateAttribute',
  'removeAttribute',
  'replaceAttributes',
  'mergeAttributes',
  'updateAttributes',
  'updateEachNodeAttributes',
  'updateEachEdgeAttributes',
  'import',
  'addEdge',
  'mergeEdge',
  'updateEdge',
  'addDirectedEdge',
  'mergeDirectedEdge',
  'updateDirectedEdge',
  'addUndirectedEdge',
  'mergeUndirectedEdge',
  'updateUndirectedEdge',
  'addEdgeWithKey',
  'mergeEdgeWithKey',
  'updateEdgeWithKey',
  'addDirectedEdgeWithKey',
  'mergeDirectedEdgeWithKey',
  'updateDirectedEdgeWithKey',
  'addUndirectedEdgeWithKey',
  'mergeUndirectedEdgeWithKey',
  'updateUndirectedEdgeWithKey',
  'setNodeAttribute',
  'setSourceAttribute',
  'setTargetAttribute',
  'setOppositeAttribute',
  'updateNodeAttribute',
  'updateSourceAttribute',
  'updateTargetAttribute',
  'updateOppositeAttribute',
  'removeNodeAttribute',
  'removeSourceAttribute',
  'removeTargetAttribute',
  'removeOppositeAttribute',
  'replaceNodeAttributes',
  'replaceSourceAttributes',
  'replaceTargetAttributes',
  'replaceOppositeAttributes',
  'mergeNodeAttributes',
  'mergeSourceAttributes',
  'mergeTargetAttributes',
  'mergeOppositeAttributes',
  'updateNodeAttributes',
  'updateSourceAttributes',
  'updateTargetAttributes',
  'updateOppositeAttributes',
  'setEdgeAttribute',
  'setDirectedEdgeAttribute',
  'setUndirectedEdgeAttribute',
  'updateEdgeAttribute',
  'updateDirectedEdgeAttribute',
  'updateUndirectedEdgeAttribute',
  'removeEdgeAttribute',
  'removeDirectedEdgeAttribute',
  'removeUndirectedEdgeAttribute',
  'replaceEdgeAttributes',
  'replaceDirectedEdgeAttributes',
  'replaceUndirectedEdgeAttributes',
  'mergeEdgeAttributes',
  'mergeDirectedEdgeAttributes',
  'mergeUndirectedEdgeAttributes',
  'updateEdgeAttributes',
  'updateDirectedEdgeAttributes',
  'updateUndirectedEdgeAttributes',
] as const;

/** A topology graph without its mutating methods (which also throw at run time). */
export type ReadonlyTopologyGraph = Omit<TopologyGraph, (typeof GRAPH_MUTATORS)[number]>;

/**
 * Builds the locked graph of a scenario.
 * @throws UsageError when a link names a node that does not exist or an id repeats (a scenario
 * from `loadScenario` never does; hand-built ones might).
 */
export function buildGraph(scenario: Scenario): TopologyGraph {
  const graph: TopologyGraph = new MultiDirectedGraph<
    TopologyNodeAttributes,
    TopologyEdgeAttributes,
    TopologyGraphAttributes
  >();
  graph.replaceAttributes(Object.freeze({ name: scenario.name }));
  for (const node of scenario.nodes) {
    if (graph.hasNode(node.id)) throw new UsageError(`buildTopology: duplicate node id "${node.id}"`);
    graph.addNode(node.id, Object.freeze({ node }));
  }
  for (const link of scenario.links) {
    for (const end of [link.from, link.to]) {
      if (!graph.hasNode(end))
        throw new UsageError(`buildTopology: link "${link.id}" names unknown node "${end}"`);
    }
    if (graph.hasEdge(link.id)) throw new UsageError(`buildTopology: duplicate link id "${link.id}"`);
    graph.addDirectedEdgeWithKey(link.id, link.from, link.to, Object.freeze({ link }));
  }
  lockGraph(graph);
  return graph;
}

/** Replaces every mutating method of `graph` (the instance only) by one that throws a TypeError. */
function lockGraph(graph: TopologyGraph): void {
  for (const name of GRAPH_MUTATORS) {
    Object.defineProperty(graph, name, {
      value: () => {
        throw new TypeError(
          `topology graph is immutable: ${name}() is not allowed (use graph.copy() to experiment)`,
        );
      },
      writable: false,
      configurable: false,
      enumerable: false,
    });
  }
}
