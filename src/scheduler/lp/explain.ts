/**
 * Explanations of LP plans: what stops the plan from finishing sooner (bottlenecks from LP duals),
 * which datasets cannot reach their copies at all, and which cut keeps a dataset from its due.
 *
 * Bottlenecks. In the `volume` LP at the largest infeasible horizon (or lateness), a capacity
 * whose dual price is non-zero limits the volume: raising it by one quantum raises the optimum by
 * its dual. For a single-commodity max-flow these are exactly the arcs of a minimum cut; for the
 * multi-commodity LP they are the binding part of the dual (Farkas-like) certificate. Binding
 * arcs (shared capacity rows, and single-class columns at their bound with a non-zero reduced
 * cost) are grouped by scenario element with the max-flow planner's {@link rankCut}; binding rows
 * of the LP-only families (provider ingress/egress, appliance capacity) are listed beside them.
 * Binding copies-per-domain rows are not capacities anyone can raise (a domain holds one copy by
 * policy): they become notes, which say which domain is full and that the other domains' routes
 * set the pace.
 *
 * Late dataset. The class alone, on the network with full capacities and deliveries allowed
 * only up to its due: if even that max-flow cannot carry its demand, its min cut (ranked the same
 * way) is what stops it, whatever the other datasets do; otherwise it is late because it shares
 * capacity with them, and the LP duals say where.
 *
 * Reference: G. B. Dantzig, "Linear Programming and Extensions" (1963), ch. 6 (duality, shadow
 * prices); L. R. Ford, D. R. Fulkerson (1956) — max-flow/min-cut.
 */
import { MaxFlowSolver } from '../../flow/maxflow.js';
import { buildFlowNetwork } from '../../flow/network.js';
import { markReachable } from '../../flow/reach.js';
import { formatBytes } from '../../io/units.js';
import type { Bottleneck } from '../../plan/types.js';
import { rankCut } from '../bottlenecks.js';
import { ArcKind } from '../network.js';
import { blockingLinkArcs } from '../reach.js';
import type { LpContext } from './context.js';
import { RowKind } from './model.js';
import type { Probe, Prober } from './search.js';

const DUAL_EPS = 1e-9;

function slotList(slots: readonly number[]): string {
  if (slots.length === 1) return `slot ${slots[0]}`;
  return `${slots.length} slots (${slots[0]}…${slots[slots.length - 1]})`;
}

/** Binding capacities of a volume probe, and the policy facts that explain them. */
export interface DualExplanation {
  /** Capacities (links, caps, staging, appliance capacity) with non-zero duals, ranked. */
  readonly bottlenecks: Bottleneck[];
  /**
   * Binding `copies` rows as sentences: a failure domain that would take more of a replicated
   * dataset, but already receives one whole copy — a policy fact, not a capacity to raise.
   */
  readonly notes: string[];
}

/** Binding capacities of an optimal volume probe, ranked (module header). */
export function dualBottlenecks(ctx: LpContext, prober: Prober, probe: Probe): DualExplanation {
  const r = probe.result;
  if (r.status !== 'optimal') return { bottlenecks: [], notes: [] };
  const { model } = prober;
  const { lp, colArc, rowKind, rowElem, rowSlot } = model;
  const { ten, scenario, cal } = ctx;
  const arcs = new Set<number>();
  for (let j = 0; j < lp.numCols; j++) {
    const a = colArc[j];
    const k = ten.kind[a];
    if (k === ArcKind.SOURCE || k === ArcKind.DELIVER) continue;
    if (Math.abs(r.colDual[j]) > DUAL_EPS && r.colValue[j] >= lp.colUpper[j] - 1e-6) arcs.add(a);
  }
  const families = new Map<string, { kind: string; id: string; slots: number[]; bytes: number }>();
  const copies = new Map<string, string[]>();
  for (let i = 0; i < lp.numRows; i++) {
    if (Math.abs(r.rowDual[i]) <= DUAL_EPS) continue;
    const kind = rowKind[i];
    if (kind === RowKind.CAPACITY) {
      arcs.add(rowElem[i]);
      continue;
    }
    let key: string;
    let entry: { kind: string; id: string; slots: number[]; bytes: number };
    if (kind === RowKind.INGRESS || kind === RowKind.EGRESS) {
      const p = scenario.providers[rowElem[i]];
      const name = kind === RowKind.INGRESS ? 'provider-ingress' : 'provider-egress';
      key = `${name}\u0000${p.id}`;
      const per = (kind === RowKind.INGRESS ? cal.providerIngress : cal.providerEgress)[rowElem[i]] ?? 0;
      entry = families.get(key) ?? { kind: name, id: p.id, slots: [], bytes: 0 };
      entry.slots.push(rowSlot[i]);
      entry.bytes += per;
    } else if (kind === RowKind.APPLIANCE) {
      const n = scenario.nodes[rowElem[i]];
      key = `appliance-capacity\u0000${n.id}`;
      entry = { kind: 'appliance-capacity', id: n.id, slots: [], bytes: Number(n.capacity ?? 0n) };
    } else if (kind === RowKind.DOMAIN) {
      const cls = ctx.classes[rowElem[i]];
      // Twins share a class (classes.ts): the note names them all.
      const id = cls.datasets.map((k) => scenario.datasets[k].id).join(', ');
      const list = copies.get(id) ?? [];
      list.push(ctx.domains[rowSlot[i]]);
      copies.set(id, list);
      continue;
    } else continue;
    families.set(key, entry);
  }
  const ranked = rankCut(scenario, cal, ten, Int32Array.from([...arcs].sort((a, b) => a - b))).bottlenecks;
  const extra: Bottleneck[] = [...families.values()].map((f) => {
    const slots = f.slots.sort((a, b) => a - b);
    const note =
      f.kind === 'appliance-capacity'
        ? `backup store capacity (${formatBytes(f.bytes)}) full`
        : `${f.kind === 'provider-ingress' ? 'provider ingress' : 'provider egress'} cap saturated in ${slotList(slots)}, ${formatBytes(f.bytes)}`;
    return { kind: f.kind, id: f.id, slots, note, bytes: f.bytes };
  });
  const all = [...ranked, ...extra];
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  all.sort((x, y) => (y.bytes ?? 0) - (x.bytes ?? 0) || cmp(x.kind, y.kind) || cmp(x.id, y.id));
  const notes = [...copies.keys()].sort().map((id) => {
    const domains = [...new Set(copies.get(id))].sort();
    return (
      `copies of ${id}: ${domains.join(', ')} could take its bytes faster but already ${domains.length > 1 ? 'hold' : 'holds'} ` +
      'a whole copy (one copy per failure domain), so the routes to its other domains set the pace'
    );
  });
  return { bottlenecks: all, notes };
}

/** Datasets found unreachable, and the closed links that block them. */
export interface Unreachable {
  /** Dataset indices (scenario order). */
  readonly datasets: number[];
  readonly bottlenecks: Bottleneck[];
}

/**
 * Datasets that cannot reach `copies` distinct allowed failure domains within the horizon at all;
 * each gets a note and the closed links at the edge of where it can get to.
 */
export function unreachableDatasets(ctx: LpContext, notes: string[]): Unreachable {
  const { ten, scenario, out } = ctx;
  const stuck: number[] = [];
  const blocked = new Set<number>();
  const seen = new Uint8Array(ten.n);
  const queue = new Int32Array(ten.n);
  // Exact positivity (network.ts `open`): a link below one quantum per slot still lets bytes
  // through; a delivery arc is closed where the appliance capacity or the provider's ingress is 0.
  // Delivery arcs end a search: the domains reached are read off them afterwards.
  const walk = Uint8Array.from(ten.open, (o, a) => (o === 1 && ten.kind[a] !== ArcKind.DELIVER ? 1 : 0));
  ctx.classes.forEach((cls, c) => {
    for (const k of cls.datasets) {
      seen.fill(0);
      const from = ten.heads[ten.sourceArc[k]];
      const count = markReachable(out, ten.heads, walk, [from], seen, queue);
      const domains = new Set<number>();
      for (let i = 0; i < count; i++) {
        const v = queue[i];
        for (let p = out.start[v]; p < out.start[v + 1]; p++) {
          const a = out.list[p];
          if (ten.open[a] === 0 || ten.kind[a] !== ArcKind.DELIVER) continue;
          if (ctx.allowed[c][ten.elem[a]] === 1) domains.add(ctx.domainOf[ten.elem[a]]);
        }
      }
      if (domains.size >= cls.copies) continue;
      stuck.push(k);
      const d = scenario.datasets[k];
      const arcs = blockingLinkArcs(ten, from);
      for (const a of arcs) blocked.add(a);
      notes.push(
        `dataset ${d.id} at ${d.at} (ready slot ${d.readySlot}) can reach ${domains.size} of the ${cls.copies} distinct ` +
          `allowed failure domain(s) it needs within the horizon` +
          (arcs.length > 0
            ? `: ${new Set(arcs.map((a) => scenario.links[ten.elem[a]].id)).size} link(s) have no capacity when its data could use them`
            : ''),
      );
    }
  });
  const ranked = rankCut(scenario, ctx.cal, ten, Int32Array.from([...blocked].sort((a, b) => a - b)));
  return {
    datasets: stuck,
    bottlenecks: ranked.bottlenecks.map((b) => ({
      ...b,
      note: `no capacity (closed or zero) in ${b.slots.length} slot(s) where the data could use it`,
    })),
  };
}

/**
 * Why class `c` misses its due (module header): its own min cut when it cannot make the due
 * even alone, else null (it is late because of the other datasets).
 */
export function lateCut(
  ctx: LpContext,
  c: number,
  dueUntil: number,
): { bottlenecks: Bottleneck[]; deliverable: number } | null {
  const { ten, cap, scenario } = ctx;
  const cls = ctx.classes[c];
  const big = Math.min(2 ** 52, Math.max(1, ctx.totalDemand) * 2);
  const caps = new Float64Array(ten.arcCount);
  for (let a = 0; a < ten.arcCount; a++) {
    const k = ten.kind[a];
    let x = cap[a] === Number.POSITIVE_INFINITY ? big : cap[a];
    if (k === ArcKind.SOURCE)
      x = cls.datasets.includes(ten.elem[a]) ? cls.demand[cls.datasets.indexOf(ten.elem[a])] : 0;
    else if (k === ArcKind.DELIVER && (ctx.allowed[c][ten.elem[a]] === 0 || ten.slot[a] >= dueUntil)) x = 0;
    caps[a] = x;
  }
  const solver = new MaxFlowSolver(
    buildFlowNetwork(ten.n, ten.tails, ten.heads, caps, ten.arcCount),
    ten.source,
    ten.sink,
  );
  const r = solver.solve();
  if (r.status !== 'optimal' || r.value >= cls.totalDemand) return null;
  const cut = solver.minCut();
  const ranked = rankCut(scenario, ctx.cal, ten, cut.arcs);
  return { bottlenecks: ranked.bottlenecks, deliverable: r.value };
}
