/**
 * Commodity classes of the multi-commodity LP: which datasets may share one flow variable per arc.
 *
 * Rule.
 * - Datasets with `copies: 1` and identical requirements — the same resolved destination set and
 *   the same `due` — form one class. Their bytes are interchangeable: any flow of the class that
 *   carries Σ ceil(wire/q) quanta out of the datasets' own source arcs (different origins and ready
 *   slots are fine: each dataset keeps its own source arc, SOURCE → its origin store) is a flow in
 *   which every path starts at one dataset's origin and ends at a destination every dataset of the
 *   class may use, before the class's due. Decomposing it path by path gives per-dataset flows
 *   with the same arc totals, so the LP grows with the number of policies, not of datasets.
 * - A dataset with `copies: k > 1` is a class of its own. Its per-failure-domain bound ("a domain
 *   holds at most `wire` bytes of it", SCENARIO.md byte-level reading) is per dataset; summing the
 *   bounds of datasets from different origins would be wrong. Counter-example, k = 2 and one
 *   quantum each: A's origin reaches only domain g, B's reaches g and h. Aggregated, the bounds
 *   are g ≤ 2, h ≤ 2 with demand 4, met by "A → g twice, B → h twice"; per dataset the scenario
 *   is infeasible (A cannot reach two domains). Datasets with the same origin, ready slot,
 *   destinations, due and copies could be grouped (a transportation argument — Gale's theorem,
 *   Σ over any domain set G' of the group's deliveries ≤ min(|G'|, k)·Σ wire — splits any group
 *   flow per dataset), but real scenarios rarely have such twins: one class per replicated
 *   dataset.
 * - Datasets of zero wire bytes need no flow and belong to no class.
 *
 * Demands are in quanta: ceil(wire/q) per copy. Classes are ordered by their first dataset in
 * scenario order (deterministic).
 *
 * Reference: R. K. Ahuja, T. L. Magnanti, J. B. Orlin, "Network Flows" (1993), ch. 17
 * (multicommodity flows); D. Gale, "A theorem on flows in networks", Pacific J. Math. 7 (1957).
 */
import type { Scenario } from '../../io/model.js';

/** One commodity of the LP. */
export interface CommodityClass {
  /** Dataset indices (scenario order), ascending. */
  readonly datasets: readonly number[];
  /** Allowed destination node indices, ascending. */
  readonly destinations: readonly number[];
  /** Copies (1, or the one dataset's `copies`). */
  readonly copies: number;
  /** The shared due (epoch seconds) or null. */
  readonly due: number | null;
  /** Per dataset of the class (same order): demand in quanta, copies × ceil(wire/q). */
  readonly demand: readonly number[];
  /** Σ demand. */
  readonly totalDemand: number;
  /** Per copy, in quanta: ceil(wire/q) of the one dataset when copies > 1, else 0. */
  readonly perDomain: number;
}

/** Groups the datasets of `scenario` into commodity classes (module header). */
export function commodityClasses(scenario: Scenario, quantum: number): CommodityClass[] {
  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const byKey = new Map<string, number[]>();
  const order: string[] = [];
  scenario.datasets.forEach((d, k) => {
    if (d.wire === 0) return;
    const key =
      d.copies > 1 ? `#${k}` : `${d.destinations.join('\u0000')}\u0001${d.due === null ? '' : d.due}`;
    const list = byKey.get(key);
    if (list === undefined) {
      byKey.set(key, [k]);
      order.push(key);
    } else list.push(k);
  });
  return order.map((key) => {
    const ks = byKey.get(key) as number[];
    const first = scenario.datasets[ks[0]];
    const perCopy = ks.map((k) => Math.ceil(scenario.datasets[k].wire / quantum));
    const demand = perCopy.map((w) => w * first.copies);
    return {
      datasets: ks,
      destinations: first.destinations.map((id) => nodeIndex.get(id) as number).sort((a, b) => a - b),
      copies: first.copies,
      due: first.due,
      demand,
      totalDemand: demand.reduce((s, x) => s + x, 0),
      perDomain: first.copies > 1 ? perCopy[0] : 0,
    };
  });
}

/**
 * Last slot in which a delivery still meets `due` (the slot must end at or before it), or
 * `slots − 1` without a due; may be negative when the due falls inside the first slot.
 */
export function lastMeetingSlot(
  due: number | null,
  start: number,
  slotSeconds: number,
  slots: number,
): number {
  if (due === null) return slots - 1;
  return Math.min(slots - 1, Math.floor((due - start) / slotSeconds) - 1);
}
