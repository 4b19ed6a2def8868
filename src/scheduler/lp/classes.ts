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
 * - Datasets with `copies: k > 1` form a class only with their *twins*: the same origin, ready
 *   slot, destination set, due and copies. The class's per-failure-domain bound is then
 *   Σ_i W_i (W_i = ceil(wire_i/q)) for every domain g, with each dataset's source fixed at k·W_i.
 *   Proof that this loses nothing: twins share one source node (the origin store at their ready
 *   slot), so any class flow decomposes into domain pieces F_g (the class's deliveries in g, each
 *   F_g ≤ Σ W_i = W, Σ_g F_g ≤ k·W) whose source arcs may be re-split freely among the twins.
 *   A split x[i][g] ≤ W_i with Σ_g x[i][g] ≤ k·W_i (= when complete) and Σ_i x[i][g] = F_g
 *   exists: in the bipartite network SOURCE → i (k·W_i) → g (W_i) → SINK (F_g), a cut with
 *   datasets I and m domains on the sink side costs k·w(Ī) + m·w(I) + F(other domains), and
 *   k·w(Ī) + m·w(I) ≥ min(k, m)·W ≥ F(those m domains) because F_g ≤ W and Σ F ≤ k·W; so the max
 *   flow saturates every F_g (max-flow/min-cut, integral by integrality of max-flow). Decoding
 *   (lp/decode.ts) computes that split. Datasets from *different* origins may not merge.
 *   Counter-example, k = 2 and one quantum each: A's origin reaches only domain g, B's reaches g
 *   and h. Aggregated, the bounds are g ≤ 2, h ≤ 2 with demand 4, met by "A → g twice, B → h
 *   twice"; per dataset the scenario is infeasible (A cannot reach two domains).
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
  /** Copies, the same for every dataset of the class. */
  readonly copies: number;
  /** The shared due (epoch seconds) or null. */
  readonly due: number | null;
  /** Per dataset of the class (same order): demand in quanta, copies × ceil(wire/q). */
  readonly demand: readonly number[];
  /** Σ demand. */
  readonly totalDemand: number;
  /** Per failure domain, in quanta: Σ ceil(wire/q) of the class's datasets when copies > 1, else 0. */
  readonly perDomain: number;
}

/** Groups the datasets of `scenario` into commodity classes (module header). */
export function commodityClasses(scenario: Scenario, quantum: number): CommodityClass[] {
  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const byKey = new Map<string, number[]>();
  const order: string[] = [];
  scenario.datasets.forEach((d, k) => {
    if (d.wire === 0) return;
    const policy = `${d.destinations.join('\u0000')}\u0001${d.due === null ? '' : d.due}`;
    const key = d.copies > 1 ? `${policy}\u0001${d.at}\u0001${d.readySlot}\u0001${d.copies}` : policy;
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
      perDomain: first.copies > 1 ? perCopy.reduce((a, b) => a + b, 0) : 0,
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
