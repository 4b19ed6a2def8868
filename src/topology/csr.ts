/**
 * The frozen index of a topology: every scenario id mapped to its position once, and the links as
 * typed arrays with their CSR adjacency (`src/flow/reach.ts`), both directions. Reachability here,
 * the time-expanded network and its cap layout (`src/scheduler`) all read node, link, provider and
 * dataset positions from this one index instead of building their own maps.
 *
 * Model: nodes 0 … n−1 in declaration order, links 0 … L−1 in declaration order with
 * `linkFrom[l]` → `linkTo[l]`; `linkUp[l]` is 1 when the link's capacity is positive (a link of
 * capacity 0 is declared down: reachability and routes leave it out, the network keeps its arcs).
 *
 * Invariants: the typed arrays are never written after {@link indexTopology} returns (typed arrays
 * cannot be frozen, so the type is the guard); `out` lists link indices grouped by `linkFrom`,
 * `into` by `linkTo`, each increasing within a node (declaration order).
 *
 * Complexity: O(n + L + P + K) time and memory for n nodes, L links, P providers, K datasets.
 */
import { UsageError } from '../errors.js';
import { type ArcIndex, arcsByEnd } from '../flow/reach.js';
import type { Scenario } from '../io/model.js';

/** Positions of a scenario's elements and its links as CSR (module header). */
export interface TopologyIndex {
  /** Node count n. */
  readonly nodeCount: number;
  /** Node ids by index (declaration order). */
  readonly ids: readonly string[];
  /** Node index by id. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Per link: index of its `from` node. */
  readonly linkFrom: Int32Array;
  /** Per link: index of its `to` node. */
  readonly linkTo: Int32Array;
  /** Per link: 1 when its capacity is positive, 0 for a link declared down. */
  readonly linkUp: Uint8Array;
  /** Links grouped by `from` node (every link, up or down). */
  readonly out: ArcIndex;
  /** Links grouped by `to` node (every link, up or down). */
  readonly into: ArcIndex;
  /** Provider index by id. */
  readonly providerIndex: ReadonlyMap<string, number>;
  /** Per node: index of its provider, or −1 (also for a provider name no provider declares). */
  readonly providerOf: Int32Array;
  /** Per dataset: index of its origin node (`dataset.at`). */
  readonly datasetAt: Int32Array;
}

/**
 * A scenario with its index: a `Topology` is one; {@link indexScenario} makes one without
 * the graphology graph, for callers that need positions only (the engines' `representable`).
 */
export interface IndexedScenario {
  readonly scenario: Scenario;
  readonly index: TopologyIndex;
}

/** A scenario with its {@link TopologyIndex} (the topology's index without its graph). */
export function indexScenario(scenario: Scenario): IndexedScenario {
  return Object.freeze({ scenario, index: indexTopology(scenario) });
}

/**
 * Indexes a scenario.
 * @throws UsageError when a link or a dataset names a node that does not exist (a scenario from
 * `loadScenario` never does; hand-built ones might)
 */
export function indexTopology(scenario: Scenario): TopologyIndex {
  const ids = Object.freeze(scenario.nodes.map((v) => v.id));
  const nodeIndex: ReadonlyMap<string, number> = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const L = scenario.links.length;
  const linkFrom = new Int32Array(L);
  const linkTo = new Int32Array(L);
  const linkUp = new Uint8Array(L);
  scenario.links.forEach((l, e) => {
    linkFrom[e] = position(nodeIndex, l.from, `link "${l.id}" names unknown node`);
    linkTo[e] = position(nodeIndex, l.to, `link "${l.id}" names unknown node`);
    linkUp[e] = l.capacity.num > 0n ? 1 : 0;
  });
  const providerIndex: ReadonlyMap<string, number> = new Map(scenario.providers.map((p, i) => [p.id, i]));
  const providerOf = Int32Array.from(scenario.nodes, (v) =>
    v.provider === null ? -1 : (providerIndex.get(v.provider) ?? -1),
  );
  const datasetAt = Int32Array.from(scenario.datasets, (d) =>
    position(nodeIndex, d.at, `dataset "${d.id}" is at unknown node`),
  );
  return Object.freeze({
    nodeCount: n,
    ids,
    nodeIndex,
    linkFrom,
    linkTo,
    linkUp,
    out: Object.freeze(arcsByEnd(n, linkFrom, L)),
    into: Object.freeze(arcsByEnd(n, linkTo, L)),
    providerIndex,
    providerOf,
    datasetAt,
  });
}

function position(index: ReadonlyMap<string, number>, id: string, what: string): number {
  const i = index.get(id);
  if (i === undefined) throw new UsageError(`buildTopology: ${what} "${id}"`);
  return i;
}
