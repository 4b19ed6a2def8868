/**
 * The static part of the multi-commodity LP of a scenario: the time-expanded network in LP mode
 * (the max-flow planner's network, {@link buildTimeExpandedNetwork} with `capsAsRows`, so provider
 * egress, provider ingress and appliance capacity are LP rows instead of cap nodes), the commodity
 * classes, and the per-arc data every LP built on it needs — open capacities, adjacency, which
 * shared-cap family an arc belongs to, its cost per quantum.
 *
 * Invariants: built once per scenario and quantum; every LP of the search (other horizons, other
 * dues) is a restriction of this network (fewer sink arcs), so columns map to the same TEN arcs
 * and decoding, bottlenecks and verification are shared with the max-flow planner.
 *
 * Complexity: O(n + m) memory and time beyond the network itself.
 *
 * Reference: design/ARCHITECTURE.md ("one network, several solvers").
 */
import type { Calendars } from '../../constraints/calendars.js';
import type { Scenario } from '../../io/model.js';
import { toNumber } from '../../io/rational.js';
import { type IndexedScenario, indexScenario } from '../../topology/csr.js';
import { type Adjacency, arcsInto, arcsOut } from '../arc-index.js';
import { buildTimeExpandedNetwork, type TimeExpandedNetwork } from '../network.js';
import { presolveCaps } from '../presolve.js';
import { openCapacities } from '../reach.js';
import { type CommodityClass, commodityClasses } from './classes.js';

export type { Adjacency } from '../arc-index.js';

/** Everything the LP models of one scenario share (module header). */
export interface LpContext {
  readonly scenario: Scenario;
  readonly cal: Calendars;
  readonly ten: TimeExpandedNetwork;
  readonly classes: readonly CommodityClass[];
  /** Capacity per arc with every delivery switch on (quanta); `Infinity` for unbounded arcs. */
  readonly cap: Float64Array;
  /** Per arc: 1 when {@link LpContext.cap} is positive (the arc mask of the LP's searches). */
  readonly positive: Uint8Array;
  /** The network's arcs by tail and by head (`arc-index.ts`: one index per network). */
  readonly out: Adjacency;
  readonly into: Adjacency;
  /** Per class: 1 for allowed destination nodes (scenario node index). */
  readonly allowed: readonly Uint8Array[];
  /** Per node: failure-domain index into {@link domains}, or −1. */
  readonly domainOf: Int32Array;
  /** Failure domains of every destination node, sorted. */
  readonly domains: readonly string[];
  /** Per node: appliance capacity in quanta (floored), or −1 when unlimited. */
  readonly applianceCap: Float64Array;
  /** Per node: provider index when that provider has an ingress cap, else −1. */
  readonly ingressProvider: Int32Array;
  /** Per provider: ingress cap in quanta per slot, or −1. */
  readonly ingressCap: Float64Array;
  /** Per arc: provider index when the arc is a link leaving that provider (which has an egress cap), else −1. */
  readonly egressProvider: Int32Array;
  /** Per provider: egress cap in quanta per slot, or −1. */
  readonly egressCap: Float64Array;
  /** Per arc: cost in USD per quantum (0 for arcs without a cost). */
  readonly costPerQuantum: Float64Array;
  /** True when some link has a cost. */
  readonly hasCosts: boolean;
  /** Σ class demands (quanta). */
  readonly totalDemand: number;
  /** Provider caps the exact presolve dropped: they cannot bind, so they have no LP rows. */
  readonly capsDropped: readonly string[];
}

/** Options of {@link buildLpContext}. */
export interface LpContextOptions {
  /**
   * Naive direct upload (the `vsDirect` comparison): the network keeps only links from an origin
   * to a destination, without staging ({@link buildTimeExpandedNetwork}'s `direct` mode).
   * @defaultValue false
   */
  readonly direct?: boolean;
  /**
   * The scenario's topology (`PlanProblem.topology`), to build the network from its index.
   * @defaultValue the index of `scenario`, built here
   */
  readonly topology?: IndexedScenario;
}

/**
 * Builds the LP context of `scenario` at quantum `q`.
 * @throws UsageError when the demand in quanta reaches 2^53 (a larger quantum is needed)
 */
export function buildLpContext(
  scenario: Scenario,
  cal: Calendars,
  quantum: number,
  options: LpContextOptions = {},
): LpContext {
  const classes = commodityClasses(scenario, quantum);
  const totalDemand = classes.reduce((s, c) => s + c.totalDemand, 0);
  const destSet = new Set<number>();
  for (const c of classes) for (const d of c.destinations) destSet.add(d);
  const ten = buildTimeExpandedNetwork(options.topology ?? indexScenario(scenario), cal, {
    quantum,
    destinations: [...destSet].sort((a, b) => a - b),
    capsAsRows: true,
    unbounded: totalDemand,
    direct: options.direct ?? false,
  });
  const INF = Math.max(ten.totalDemand, totalDemand, 1);
  const cap = openCapacities(ten);
  for (let a = 0; a < ten.arcCount; a++) if (cap[a] >= INF) cap[a] = Number.POSITIVE_INFINITY;
  const N = scenario.nodes.length;
  const allowed = classes.map((c) => {
    const mask = new Uint8Array(N);
    for (const d of c.destinations) mask[d] = 1;
    return mask;
  });
  const domains = [
    ...new Set(scenario.nodes.map((n) => n.domain).filter((d): d is string => d !== null)),
  ].sort();
  const domainIndex = new Map(domains.map((d, i) => [d, i]));
  const domainOf = Int32Array.from(scenario.nodes, (n) =>
    n.domain === null ? -1 : (domainIndex.get(n.domain) as number),
  );
  const q = BigInt(quantum);
  const applianceCap = Float64Array.from(scenario.nodes, (n) =>
    n.capacity === null ? -1 : n.capacity / q >= BigInt(INF) ? INF : Number(n.capacity / q),
  );
  const providerIndex = new Map(scenario.providers.map((p, i) => [p.id, i]));
  const providerOf = Int32Array.from(scenario.nodes, (n) =>
    n.provider === null ? -1 : (providerIndex.get(n.provider) ?? -1),
  );
  const perSlot = (x: number | null): number => (x === null ? -1 : Math.min(INF, Math.floor(x / quantum)));
  // Exact presolve: caps that cannot bind in any slot get no rows (presolve.ts).
  const free = presolveCaps(
    scenario,
    cal,
    ten.links,
    [...destSet].sort((a, b) => a - b),
  );
  const ingressCap = Float64Array.from(cal.providerIngress, (x, p) =>
    free.ingressFree[p] ? -1 : perSlot(x),
  );
  const egressCap = Float64Array.from(cal.providerEgress, (x, p) => (free.egressFree[p] ? -1 : perSlot(x)));
  const ingressProvider = Int32Array.from(providerOf, (p) => (p >= 0 && ingressCap[p] >= 0 ? p : -1));
  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const linkEgress = Int32Array.from(scenario.links, (l) => {
    const p = providerOf[nodeIndex.get(l.from) as number];
    return p >= 0 && egressCap[p] >= 0 && providerOf[nodeIndex.get(l.to) as number] !== p ? p : -1;
  });
  const linkCost = scenario.links.map((l) =>
    l.costPerByte === null ? 0 : toNumber(l.costPerByte) * quantum,
  );
  const m = ten.arcCount;
  const egressProvider = new Int32Array(m).fill(-1);
  const costPerQuantum = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    if (ten.kind[a] !== 1) continue; // ArcKind.LINK
    egressProvider[a] = linkEgress[ten.elem[a]];
    costPerQuantum[a] = linkCost[ten.elem[a]];
  }
  return {
    scenario,
    cal,
    ten,
    classes,
    cap,
    positive: Uint8Array.from(cap, (x) => (x > 0 ? 1 : 0)),
    out: arcsOut(ten),
    into: arcsInto(ten),
    allowed,
    domainOf,
    domains,
    applianceCap,
    ingressProvider,
    ingressCap,
    egressProvider,
    egressCap,
    costPerQuantum,
    hasCosts: linkCost.some((c) => c > 0),
    totalDemand,
    capsDropped: free.dropped,
  };
}
