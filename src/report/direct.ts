/**
 * The naive direct-upload curve drawn for comparison: what each origin could store at its allowed
 * destinations over its own direct links, slot by slot, with no relaying and no staging.
 *
 * Model (a greedy schedule, feasible for the scenario's direct links): in each slot, datasets in
 * priority order (earlier ready slot first, then id) push bytes over the links from their origin
 * to an allowed destination, in declaration order, each transfer limited by the link's calendar
 * capacity in that slot, the origin's `read`, the destination's `write` and appliance `capacity`,
 * the destination provider's `ingress`, the origin provider's `egress` when leaving it, and by
 * `wire` bytes per failure domain (so `copies` land in distinct domains). It is not optimal: the
 * planner's own direct-upload comparison (`plan.vsDirect`: a max-flow, or the LP for mixed
 * policies, on the direct links) is the exact figure and is marked separately; this curve shows
 * the shape over time.
 *
 * Complexity: O(slots × Σ direct links per dataset) time, O(links + nodes + datasets) memory.
 */
import type { Calendars } from '../constraints/calendars.js';
import type { Scenario } from '../io/model.js';

/** The greedy direct-upload outcome. */
export interface DirectCurve {
  /** Cumulative bytes stored (all datasets, all copies) at the end of each slot. */
  readonly cumulative: Float64Array;
  /** Last slot in which a byte is stored when every dataset completes, else null. */
  readonly completeSlot: number | null;
  /** Total bytes the greedy stores within the horizon. */
  readonly total: number;
}

/** Runs the greedy direct upload of the module header. */
export function directCurve(scenario: Scenario, calendars: Calendars): DirectCurve {
  const S = scenario.horizon.slots;
  const nodeIdx = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const provIdx = new Map(scenario.providers.map((p, i) => [p.id, i]));
  const nodeProv = scenario.nodes.map((n) => (n.provider === null ? -1 : (provIdx.get(n.provider) ?? -1)));
  const order = scenario.datasets
    .map((_, i) => i)
    .sort((a, b) => {
      const da = scenario.datasets[a];
      const db = scenario.datasets[b];
      return da.readySlot - db.readySlot || (da.id < db.id ? -1 : da.id > db.id ? 1 : 0);
    });
  const direct = scenario.datasets.map((d) =>
    scenario.links.flatMap((l, i) => (l.from === d.at && d.destinations.includes(l.to) ? [i] : [])),
  );
  const remaining = scenario.datasets.map((d) => d.copies * d.wire);
  const domainLeft = scenario.datasets.map((d) => new Map(d.domains.map((dom) => [dom, d.wire])));
  const capacityLeft = scenario.nodes.map((n) => (n.capacity === null ? Infinity : Number(n.capacity)));
  const cumulative = new Float64Array(S);
  const linkLeft = new Float64Array(scenario.links.length);
  const readLeft = new Float64Array(scenario.nodes.length);
  const writeLeft = new Float64Array(scenario.nodes.length);
  const ingressLeft = new Float64Array(scenario.providers.length);
  const egressLeft = new Float64Array(scenario.providers.length);
  let total = 0;
  let completeSlot: number | null = remaining.every((r) => r === 0) ? -1 : null;
  for (let s = 0; s < S; s++) {
    for (let l = 0; l < linkLeft.length; l++) linkLeft[l] = calendars.links[l][s];
    for (let n = 0; n < readLeft.length; n++) {
      readLeft[n] = calendars.nodeRead[n] ?? Infinity;
      writeLeft[n] = calendars.nodeWrite[n] ?? Infinity;
    }
    for (let p = 0; p < ingressLeft.length; p++) {
      ingressLeft[p] = calendars.providerIngress[p] ?? Infinity;
      egressLeft[p] = calendars.providerEgress[p] ?? Infinity;
    }
    for (const k of order) {
      const d = scenario.datasets[k];
      if (d.readySlot > s || remaining[k] === 0) continue;
      const o = nodeIdx.get(d.at) as number;
      for (const l of direct[k]) {
        const to = nodeIdx.get(scenario.links[l].to) as number;
        const dom = scenario.nodes[to].domain ?? '';
        const po = nodeProv[o];
        const pt = nodeProv[to];
        const leaves = po >= 0 && po !== pt;
        const x = Math.min(
          remaining[k],
          linkLeft[l],
          readLeft[o],
          writeLeft[to],
          capacityLeft[to],
          pt >= 0 ? ingressLeft[pt] : Infinity,
          leaves ? egressLeft[po] : Infinity,
          domainLeft[k].get(dom) ?? 0,
        );
        if (!(x > 0)) continue;
        remaining[k] -= x;
        linkLeft[l] -= x;
        readLeft[o] -= x;
        writeLeft[to] -= x;
        capacityLeft[to] -= x;
        if (pt >= 0) ingressLeft[pt] -= x;
        if (leaves) egressLeft[po] -= x;
        domainLeft[k].set(dom, (domainLeft[k].get(dom) ?? 0) - x);
        total += x;
      }
    }
    cumulative[s] = total;
    if (completeSlot === null && remaining.every((r) => r === 0)) completeSlot = s;
  }
  return { cumulative, completeSlot: completeSlot === -1 ? null : completeSlot, total };
}
