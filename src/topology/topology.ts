/**
 * The topology: a validated scenario as a locked graphology graph, its frozen index (`csr.ts`:
 * positions and CSR typed arrays, from which the scheduler builds the time-expanded network), and
 * the queries the planner and `wanplan validate` need (reachable destinations, routes and shortest
 * paths by latency, provider membership, nodes nothing can use).
 *
 * Reachability ignores windows and capacities (see `reach.ts`): it answers "could data ever get
 * there", not "by when". Results are frozen arrays in a deterministic order (scenario declaration
 * order for nodes, sorted for destinations); per-origin searches are cached, which is invisible to
 * callers because the scenario never changes.
 */
import { UsageError } from '../errors.js';
import type { Dataset, Provider, Scenario, ScenarioLink, ScenarioNode } from '../io/model.js';
import { type IndexedScenario, indexTopology, type TopologyIndex } from './csr.js';
import { buildGraph, type ReadonlyTopologyGraph, type TopologyGraph } from './graph.js';
import { type LatencyPath, latencyPath, latencyRoutes } from './paths.js';
import { reach } from './reach.js';

/** Reachability of one dataset's allowed destinations from its origin. */
export interface DatasetReach {
  readonly dataset: string;
  /** Allowed destinations (`dataset.destinations`) reachable from the origin, sorted. */
  readonly destinations: readonly string[];
  /** Distinct failure domains of those destinations, sorted. */
  readonly domains: readonly string[];
  /** Copies the dataset asks for. */
  readonly copies: number;
}

/** Something valid but probably unintended, positioned by field path for the reader to locate. */
export interface TopologyWarning {
  /** Field path of the scenario element concerned: `datasets[2]`, `nodes[5]`. */
  readonly path: string;
  readonly message: string;
}

/** A scenario's network, immutable; build it with {@link buildTopology}. */
export class Topology implements IndexedScenario {
  /** The scenario this topology was built from. */
  readonly scenario: Scenario;
  /**
   * The graph: node key = node id with `{ node }` attributes, edge key = link id with `{ link }`
   * attributes. Read-only: its mutating methods are absent from the type and throw if called.
   */
  readonly graph: ReadonlyTopologyGraph;
  /**
   * The frozen index: node, provider and dataset positions, links as typed arrays and their CSR
   * adjacency (`csr.ts`). The time-expanded network is built from it; never write its arrays.
   */
  readonly index: TopologyIndex;
  readonly #graph: TopologyGraph;
  readonly #datasets: ReadonlyMap<string, Dataset>;
  readonly #providers: ReadonlyMap<string, Provider>;
  readonly #forward = new Map<number, Uint8Array>();
  #unused: readonly string[] | null = null;

  /** Use {@link buildTopology}. */
  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.#graph = buildGraph(scenario);
    this.graph = this.#graph;
    this.index = indexTopology(scenario);
    this.#datasets = new Map(scenario.datasets.map((d) => [d.id, d]));
    this.#providers = new Map(scenario.providers.map((p) => [p.id, p]));
    Object.freeze(this);
  }

  /** The scenario node with id `id`. @throws UsageError for an unknown id. */
  node(id: string): ScenarioNode {
    this.#nodeIndexChecked(id, 'node');
    return this.#graph.getNodeAttributes(id).node;
  }

  /** The scenario link with id `id`. @throws UsageError for an unknown id. */
  link(id: string): ScenarioLink {
    if (!this.#graph.hasEdge(id)) throw new UsageError(`topology.link: unknown link "${id}"`);
    return this.#graph.getEdgeAttributes(id).link;
  }

  /**
   * Allowed destinations of a dataset (`dataset.destinations`) that its origin can reach over
   * links, sorted; windows are ignored. @throws UsageError for an unknown dataset id.
   */
  reachableDestinations(datasetId: string): readonly string[] {
    return this.datasetReach(datasetId).destinations;
  }

  /** Reachable destinations and failure domains of a dataset. @throws UsageError for an unknown id. */
  datasetReach(datasetId: string): DatasetReach {
    const d = this.#datasets.get(datasetId);
    if (!d) throw new UsageError(`topology.reachableDestinations: unknown dataset "${datasetId}"`);
    const seen = this.#reachFrom(this.index.nodeIndex.get(d.at)!);
    const destinations = d.destinations.filter((id) => {
      const i = this.index.nodeIndex.get(id);
      return i !== undefined && seen[i] === 1;
    });
    const domains = [...new Set(destinations.map((id) => this.node(id).domain ?? id))].sort();
    return Object.freeze({
      dataset: d.id,
      destinations: Object.freeze(destinations),
      domains: Object.freeze(domains),
      copies: d.copies,
    });
  }

  /** Ids of datasets that cannot reach any allowed destination, in declaration order. */
  unreachableDatasets(): readonly string[] {
    return Object.freeze(
      this.scenario.datasets.filter((d) => this.reachableDestinations(d.id).length === 0).map((d) => d.id),
    );
  }

  /**
   * Datasets that reach at least one allowed destination but fewer distinct failure domains than
   * their `copies`, so they can never be fully replicated; in declaration order.
   */
  underReplicatedDatasets(): readonly DatasetReach[] {
    return Object.freeze(
      this.scenario.datasets
        .map((d) => this.datasetReach(d.id))
        .filter((r) => r.domains.length > 0 && r.domains.length < r.copies),
    );
  }

  /**
   * Shortest path by latency (`latencyMs`; links without a latency count 0), or null when `to`
   * is unreachable from `from`. @throws UsageError for an unknown node id.
   */
  shortestPathByLatency(from: string, to: string): LatencyPath | null {
    this.#nodeIndexChecked(from, 'shortestPathByLatency');
    this.#nodeIndexChecked(to, 'shortestPathByLatency');
    return latencyPath(this.#graph, this.index, this.scenario, from, to);
  }

  /**
   * Shortest paths by latency from `from` to each node of `to` it can reach, nearest first (ties
   * in the order of `to`; unreachable targets and repeats left out): the routes a fixed-route
   * practice would use from an origin to its destinations, or from a backup back to its origin.
   * Links declared down (capacity 0) are never used; windows are ignored.
   * @throws UsageError for an unknown node id
   */
  routes(from: string, to: readonly string[]): readonly LatencyPath[] {
    this.#nodeIndexChecked(from, 'routes');
    for (const id of to) this.#nodeIndexChecked(id, 'routes');
    return latencyRoutes(this.#graph, this.index, this.scenario, from, to);
  }

  /**
   * Node ids of a provider's clouds and appliances, in declaration order.
   * @throws UsageError when no provider has that name.
   */
  nodesOfProvider(provider: string): readonly string[] {
    const p = this.#providers.get(provider);
    if (!p) throw new UsageError(`topology.nodesOfProvider: unknown provider "${provider}"`);
    return p.nodes;
  }

  /**
   * Nodes no dataset can use, in declaration order: not a dataset's origin, and not on any route
   * (a walk along links) from a dataset's origin to one of its allowed destinations.
   * O(g · (n + m)) for g distinct origin/destination-set pairs; computed once.
   */
  unusedNodes(): readonly string[] {
    if (this.#unused) return this.#unused;
    const used = new Uint8Array(this.index.nodeCount);
    const groups = new Map<string, { origin: number; targets: number[] }>();
    for (const d of this.scenario.datasets) {
      const origin = this.index.nodeIndex.get(d.at)!;
      used[origin] = 1;
      const key = `${d.at}\u0000${d.destinations.join('\u0000')}`;
      if (groups.has(key)) continue;
      const seen = this.#reachFrom(origin);
      const targets = d.destinations
        .map((id) => this.index.nodeIndex.get(id))
        .filter((i) => i !== undefined && seen[i] === 1);
      groups.set(key, { origin, targets: targets as number[] });
    }
    for (const { origin, targets } of groups.values()) {
      if (targets.length === 0) continue;
      const forward = this.#reachFrom(origin);
      const backward = reach(this.index, targets, 'in');
      for (let v = 0; v < this.index.nodeCount; v++) if (forward[v] === 1 && backward[v] === 1) used[v] = 1;
    }
    this.#unused = Object.freeze(this.index.ids.filter((_, v) => used[v] === 0));
    return this.#unused;
  }

  /**
   * Warnings for `wanplan validate`: datasets with no allowed destination in reach, datasets that
   * can reach fewer failure domains than their copies, nodes nothing uses.
   */
  warnings(): readonly TopologyWarning[] {
    const out: TopologyWarning[] = [];
    const datasetIndex = new Map(this.scenario.datasets.map((d, i) => [d.id, i]));
    for (const id of this.unreachableDatasets()) {
      const d = this.#datasets.get(id)!;
      const what =
        d.destinations.length === 0
          ? 'has no allowed destination'
          : `has no path to any allowed destination (${d.destinations.join(', ')})`;
      out.push({
        path: `datasets[${datasetIndex.get(id)}]`,
        message: `dataset "${id}" at "${d.at}" ${what}`,
      });
    }
    for (const r of this.underReplicatedDatasets()) {
      out.push({
        path: `datasets[${datasetIndex.get(r.dataset)}]`,
        message: `dataset "${r.dataset}" asks for ${r.copies} copies but reaches only ${r.domains.length} failure domain${r.domains.length === 1 ? '' : 's'} (${r.domains.join(', ')})`,
      });
    }
    const unused = new Set(this.unusedNodes());
    this.scenario.nodes.forEach((v, i) => {
      if (unused.has(v.id)) {
        out.push({
          path: `nodes[${i}]`,
          message: `node "${v.id}" is not used: no dataset can pass through or reach it`,
        });
      }
    });
    return Object.freeze(out);
  }

  #reachFrom(origin: number): Uint8Array {
    let seen = this.#forward.get(origin);
    if (!seen) {
      seen = reach(this.index, [origin], 'out');
      this.#forward.set(origin, seen);
    }
    return seen;
  }

  #nodeIndexChecked(id: string, api: string): number {
    const i = this.index.nodeIndex.get(id);
    if (i === undefined) throw new UsageError(`topology.${api}: unknown node "${id}"`);
    return i;
  }
}

/**
 * Builds the immutable topology of a validated scenario.
 * @throws UsageError when the scenario is inconsistent (unknown node ids, duplicate ids): a
 * scenario from the reader never is.
 */
export function buildTopology(scenario: Scenario): Topology {
  return new Topology(scenario);
}
