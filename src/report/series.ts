/**
 * The plan's rows turned into per-slot series the charts draw: bytes per link, deliveries per
 * dataset, provider ingress/egress, staging per node, plus the time range worth showing.
 *
 * Model: transfers, deliveries and storage rows of PLAN.md summed per (element, slot); provider
 * ingress is what is stored at the provider's nodes, egress what its nodes send over links to
 * nodes outside it (SCENARIO.md "Caps", the verifier's reading). Rows naming ids the scenario does
 * not have are skipped (the CLI verifies the plan first and says so at the top of the page).
 *
 * Complexity: O(rows + (links + datasets + providers + nodes) × slots) time and memory.
 */
import type { Scenario } from '../io/model.js';
import type { Plan } from '../plan/types.js';
import { ReportClock } from './clock.js';

/** Per-slot series of one report. */
export interface Series {
  /** Horizon slots. */
  readonly slots: number;
  /** Slots shown in time charts: `[0, viewSlots)` (the horizon, or up to a margin after the last event). */
  readonly viewSlots: number;
  /** Bytes per link (aligned with scenario.links) per slot. */
  readonly linkBytes: readonly Float64Array[];
  /** Total bytes per link over the horizon. */
  readonly linkTotal: Float64Array;
  /** Bytes delivered per dataset (aligned with scenario.datasets) per slot (not cumulative). */
  readonly delivered: readonly Float64Array[];
  /** Bytes stored at each provider's nodes per slot (aligned with scenario.providers). */
  readonly ingress: readonly Float64Array[];
  /** Bytes leaving each provider's nodes to outside nodes per slot. */
  readonly egress: readonly Float64Array[];
  /** Staging bytes held per node (aligned with scenario.nodes) at the end of each slot; null when never used. */
  readonly storage: readonly (Float64Array | null)[];
}

/** Slot of an ISO instant (the slot it ends, for `…end` instants: `end − 1`), clamped to the horizon. */
function slotOfEnd(clock: ReportClock, iso: string | null | undefined): number {
  if (!iso) return -1;
  const t = ReportClock.epoch(iso);
  return Math.min(clock.slots - 1, Math.ceil((t - clock.start) / clock.slotSeconds) - 1);
}

/**
 * The slots worth showing: up to the last event (makespan, a due, the direct-upload makespan or
 * `extraEnd`) plus an eighth, never past the horizon; the whole horizon for incomplete plans.
 */
export function viewSlots(scenario: Scenario, plan: Plan, clock: ReportClock, extraEnd = -1): number {
  const S = scenario.horizon.slots;
  if (plan.status !== 'complete' || plan.makespan === null) return S;
  let last = Math.max(plan.makespan.slot, extraEnd);
  for (const d of plan.datasets) last = Math.max(last, slotOfEnd(clock, d.due));
  last = Math.max(last, slotOfEnd(clock, plan.vsDirect?.makespan?.end));
  const shown = last + 1;
  return Math.min(S, Math.max(1, shown + Math.ceil(shown / 8)));
}

/** Sums the plan's rows per element and slot. */
export function buildSeries(scenario: Scenario, plan: Plan, view: number): Series {
  const S = scenario.horizon.slots;
  const linkIdx = new Map(scenario.links.map((l, i) => [l.id, i]));
  const nodeIdx = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const dsIdx = new Map(scenario.datasets.map((d, i) => [d.id, i]));
  const provIdx = new Map(scenario.providers.map((p, i) => [p.id, i]));
  const nodeProv = scenario.nodes.map((n) => (n.provider === null ? -1 : (provIdx.get(n.provider) ?? -1)));
  const inSlot = (s: number) => Number.isInteger(s) && s >= 0 && s < S;

  const linkBytes = scenario.links.map(() => new Float64Array(S));
  const linkTotal = new Float64Array(scenario.links.length);
  const ingress = scenario.providers.map(() => new Float64Array(S));
  const egress = scenario.providers.map(() => new Float64Array(S));
  for (const t of plan.transfers) {
    const l = linkIdx.get(t.link);
    if (l === undefined || !inSlot(t.slot)) continue;
    linkBytes[l][t.slot] += t.bytes;
    linkTotal[l] += t.bytes;
    const link = scenario.links[l];
    const pf = nodeProv[nodeIdx.get(link.from) ?? -1] ?? -1;
    const pt = nodeProv[nodeIdx.get(link.to) ?? -1] ?? -1;
    if (pf >= 0 && pf !== pt) egress[pf][t.slot] += t.bytes;
  }
  const delivered = scenario.datasets.map(() => new Float64Array(S));
  for (const d of plan.deliveries) {
    const k = dsIdx.get(d.dataset);
    const n = nodeIdx.get(d.node);
    if (k === undefined || n === undefined || !inSlot(d.slot)) continue;
    delivered[k][d.slot] += d.bytes;
    if (nodeProv[n] >= 0) ingress[nodeProv[n]][d.slot] += d.bytes;
  }
  const storage: (Float64Array | null)[] = scenario.nodes.map(() => null);
  for (const r of plan.storage) {
    const n = nodeIdx.get(r.node);
    if (n === undefined || !inSlot(r.slot)) continue;
    if (storage[n] === null) storage[n] = new Float64Array(S);
    (storage[n] as Float64Array)[r.slot] += r.bytes;
  }
  return { slots: S, viewSlots: view, linkBytes, linkTotal, delivered, ingress, egress, storage };
}

/** Column binning of `[0, view)` into at most `maxColumns` bins of `size` slots each. */
export interface Bins {
  /** Slots per column. */
  readonly size: number;
  /** Number of columns (the last may be shorter). */
  readonly count: number;
}

/** Bins `view` slots into at most `maxColumns` columns. */
export function binsFor(view: number, maxColumns: number): Bins {
  const size = Math.max(1, Math.ceil(view / Math.max(1, maxColumns)));
  return { size, count: Math.ceil(view / size) };
}

/** Sum of `a` over each bin. */
export function binSums(a: ArrayLike<number>, bins: Bins, view: number): Float64Array {
  const out = new Float64Array(bins.count);
  for (let s = 0; s < view; s++) out[Math.floor(s / bins.size)] += a[s];
  return out;
}
