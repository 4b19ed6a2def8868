/**
 * Which shared caps the time-expanded network carries as cap nodes, and whether it can carry them
 * at all — decided before anything is built, so the planner can ask an engine whether it
 * represents a scenario ({@link capReasons}) and the builder ({@link buildTimeExpandedNetwork})
 * reads the same decisions instead of re-deriving them.
 *
 * Model (network.ts has the nodes): a provider `egress` cap becomes one node PE_p per slot when
 * every link leaving the provider (to a node outside it) leaves one node u; links leaving several
 * nodes would need the cap across the read/write families of several nodes, which a single
 * max-flow cannot represent. A provider `ingress` cap over allowed destinations becomes PI_p per
 * slot; an appliance `capacity` becomes aC_a for the horizon, except under a provider ingress
 * cap that also covers other destinations (two crossing cap families). Caps that cannot bind in
 * any slot (`presolve.ts`) are left out: no node, no reason. In LP mode (`asRows`)
 * every such cap is a row of the LP instead, so the layout has no cap nodes and no reasons.
 *
 * Complexity: O(P · L) for P providers and L links.
 */
import type { Calendars } from '../constraints/calendars.js';
import type { IndexedScenario } from '../topology/csr.js';
import { presolveCaps } from './presolve.js';

/** Cap decisions of one network (module header). */
export interface CapLayout {
  /** Per provider: the node every external link leaves when its egress cap is a PE node, else −1. */
  readonly egressFrom: Int32Array;
  /** Per link: the provider whose PE node it leaves from, else −1. */
  readonly egressOfLink: Int32Array;
  /** Providers whose ingress cap is a PI node, ascending, with their allowed destinations. */
  readonly ingress: readonly { readonly provider: number; readonly destinations: readonly number[] }[];
  /** Appliance destinations whose `capacity` is an aC node, ascending. */
  readonly appliances: readonly number[];
  /** Why the network cannot represent the caps (empty when it can). */
  readonly reasons: readonly string[];
  /** Provider caps dropped by the exact presolve (`presolve.ts`: they cannot bind). */
  readonly dropped: readonly string[];
}

/**
 * The cap layout of a network over `links` (link indices present) with allowed `destinations`.
 * @param asRows - LP mode: every shared cap is an LP row, no cap node
 */
export function capLayout(
  topology: IndexedScenario,
  cal: Calendars,
  links: readonly number[],
  destinations: readonly number[],
  asRows: boolean,
): CapLayout {
  const { scenario, index } = topology;
  const nodes = scenario.nodes;
  const P = scenario.providers.length;
  const egressFrom = new Int32Array(P).fill(-1);
  const egressOfLink = new Int32Array(scenario.links.length).fill(-1);
  if (asRows) return { egressFrom, egressOfLink, ingress: [], appliances: [], reasons: [], dropped: [] };
  const free = presolveCaps(scenario, cal, links, destinations);
  const providerOf = (v: number): number => index.providerOf[v];
  const from = (l: number) => index.linkFrom[l];
  const to = (l: number) => index.linkTo[l];
  const reasons: string[] = [];
  scenario.providers.forEach((p, pi) => {
    if (cal.providerEgress[pi] === null || free.egressFree[pi] === 1) return;
    const external = links.filter((l) => providerOf(from(l)) === pi && providerOf(to(l)) !== pi);
    const froms = [...new Set(external.map(from))];
    if (froms.length === 0) return;
    if (froms.length > 1) {
      reasons.push(
        `provider ${p.id}'s egress cap spans links leaving several nodes (${froms.map((v) => nodes[v].id).join(', ')})`,
      );
      return;
    }
    egressFrom[pi] = froms[0];
    for (const l of external) egressOfLink[l] = pi;
  });
  const destsOfProvider = new Map<number, number[]>();
  for (const d of destinations) {
    const p = providerOf(d);
    if (p >= 0) destsOfProvider.set(p, [...(destsOfProvider.get(p) ?? []), d]);
  }
  const ingress: { provider: number; destinations: number[] }[] = [];
  for (const [p, ds] of [...destsOfProvider].sort((a, b) => a[0] - b[0])) {
    if (cal.providerIngress[p] === null || free.ingressFree[p] === 1) continue;
    ingress.push({ provider: p, destinations: ds });
    const capped = ds.filter((d) => nodes[d].capacity !== null);
    if (capped.length > 0 && ds.length > 1) {
      reasons.push(
        `appliance ${capped.map((d) => nodes[d].id).join(', ')} has a capacity while provider ` +
          `${scenario.providers[p].id}'s ingress cap also covers other destinations`,
      );
    }
  }
  const appliances = destinations.filter((d) => nodes[d].capacity !== null);
  return { egressFrom, egressOfLink, ingress, appliances, reasons, dropped: free.dropped };
}

/** The links a network keeps: every link but self-links, or in `direct` mode origin → destination links. */
export function networkLinks(
  topology: IndexedScenario,
  destinations: readonly number[],
  direct: boolean,
): number[] {
  const { index } = topology;
  const isDest = new Uint8Array(index.nodeCount);
  for (const d of destinations) isDest[d] = 1;
  const isOrigin = new Uint8Array(index.nodeCount);
  for (let k = 0; k < index.datasetAt.length; k++) isOrigin[index.datasetAt[k]] = 1;
  const links: number[] = [];
  for (let i = 0; i < index.linkFrom.length; i++) {
    const u = index.linkFrom[i];
    const w = index.linkTo[i];
    // A link from a node to itself can never help a plan (the reader warns about it): no arc.
    if (u === w) continue;
    if (!direct || (isOrigin[u] === 1 && isDest[w] === 1)) links.push(i);
  }
  return links;
}

/** Why a network over `destinations` cannot represent the scenario's caps (empty when it can). */
export function capReasons(
  topology: IndexedScenario,
  cal: Calendars,
  destinations: readonly number[],
  direct = false,
): readonly string[] {
  return capLayout(topology, cal, networkLinks(topology, destinations, direct), destinations, false).reasons;
}
