/**
 * Exact presolve of shared caps: a provider `egress` or `ingress` cap that cannot bind in any
 * slot is dropped before a network or an LP is built. Dropping a constraint that no feasible flow
 * can violate changes neither the feasible set nor the optimum, so this is exact — and it is what
 * lets a one-policy scenario with ordinary provider caps go to the exact max-flow engine instead
 * of the multi-commodity LP (`cap-layout.ts` would otherwise find an egress cap over several
 * nodes unrepresentable).
 *
 * Model. Egress of provider p in slot t is the flow on links from p's nodes to nodes outside p;
 * it is at most Σ of those links' exact capacities in slot t. If that sum is ≤ the cap in every
 * slot, the cap cannot bind. Ingress of p in slot t is what is delivered (stored) at p's allowed
 * destinations in slot t; at destination d that is at most what reaches d in slot t — over its
 * links (Σ exact capacities, or its `write` cap if smaller) plus what it held from slot t − 1
 * (its `storage`, when it stages). A destination that is also an origin releases its own data
 * without limit, so its bound is infinite. If the sum over p's destinations is ≤ the cap in every
 * slot, the cap cannot bind.
 *
 * Invariants: sums are exact (integers, and any partial sum reaching 2^53 counts as "may bind");
 * the result depends only on the scenario, its calendars and the links kept.
 *
 * Complexity: O(S · L) for S slots and L links.
 *
 * Reference: E. D. Andersen, K. D. Andersen, "Presolving in linear programming", Math.
 * Programming 71 (1995) — redundant (forcing-free) constraints.
 */
import type { Calendars } from '../constraints/calendars.js';
import type { Scenario } from '../io/model.js';

const EXACT = 2 ** 53;

/** Which provider caps cannot bind (module header). */
export interface CapPresolve {
  /** Per provider: 1 when its egress cap cannot bind in any slot (or it has none). */
  readonly egressFree: Uint8Array;
  /** Per provider: 1 when its ingress cap cannot bind in any slot (or it has none). */
  readonly ingressFree: Uint8Array;
  /** Providers whose cap was dropped, as `provider p egress` / `… ingress`, for logs and stats. */
  readonly dropped: readonly string[];
}

/**
 * Finds the provider caps that cannot bind on a network over `links` (link indices kept) with
 * allowed `destinations` (node indices).
 */
export function presolveCaps(
  scenario: Scenario,
  cal: Calendars,
  links: readonly number[],
  destinations: readonly number[],
): CapPresolve {
  const P = scenario.providers.length;
  const S = cal.slots;
  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const providerIndex = new Map(scenario.providers.map((p, i) => [p.id, i]));
  const providerOf = Int32Array.from(scenario.nodes, (n) =>
    n.provider === null ? -1 : (providerIndex.get(n.provider) ?? -1),
  );
  const from = Int32Array.from(scenario.links, (l) => nodeIndex.get(l.from) as number);
  const to = Int32Array.from(scenario.links, (l) => nodeIndex.get(l.to) as number);
  const egressFree = new Uint8Array(P).fill(1);
  const ingressFree = new Uint8Array(P).fill(1);
  const dropped: string[] = [];
  const sum = new Float64Array(S);
  for (let p = 0; p < P; p++) {
    const cap = cal.providerEgress[p];
    if (cap === null) continue;
    sum.fill(0);
    for (const l of links) {
      if (providerOf[from[l]] !== p || providerOf[to[l]] === p) continue;
      const c = cal.links[l];
      for (let t = 0; t < S; t++) sum[t] = Math.min(EXACT, sum[t] + c[t]);
    }
    egressFree[p] = sum.every((x) => x < EXACT && x <= cap) ? 1 : 0;
    if (egressFree[p] === 1) dropped.push(`provider ${scenario.providers[p].id} egress`);
  }
  const isOrigin = new Uint8Array(scenario.nodes.length);
  for (const d of scenario.datasets) isOrigin[nodeIndex.get(d.at) as number] = 1;
  const inflow = new Float64Array(S);
  for (let p = 0; p < P; p++) {
    const cap = cal.providerIngress[p];
    if (cap === null) continue;
    const dests = destinations.filter((d) => providerOf[d] === p);
    if (dests.some((d) => isOrigin[d] === 1)) {
      ingressFree[p] = 0;
      continue;
    }
    sum.fill(0);
    for (const d of dests) {
      inflow.fill(0);
      for (const l of links) {
        if (to[l] !== d) continue;
        const c = cal.links[l];
        for (let t = 0; t < S; t++) inflow[t] = Math.min(EXACT, inflow[t] + c[t]);
      }
      const write = cal.nodeWrite[d];
      const storage = cal.storage[d];
      const held = storage >= BigInt(EXACT) ? EXACT : Number(storage);
      for (let t = 0; t < S; t++) {
        const arriving = write === null ? inflow[t] : Math.min(inflow[t], write);
        sum[t] = Math.min(EXACT, sum[t] + arriving + (t > 0 ? held : 0));
      }
    }
    ingressFree[p] = sum.every((x) => x < EXACT && x <= cap) ? 1 : 0;
    if (ingressFree[p] === 1) dropped.push(`provider ${scenario.providers[p].id} ingress`);
  }
  return { egressFree, ingressFree, dropped };
}
