/**
 * The flow network one routing step (or one relaxation) of the heuristic solves: a compact
 * single-commodity max-flow network cut out of the shared time-expanded network (LP mode).
 *
 * Model. Given datasets with their source capacities, a mask of allowed destinations and a
 * delivery limit `until`, keep the TEN arcs of positive capacity that lie on some path from those
 * datasets' source arcs to an allowed delivery in a slot < until (forward search from the stores,
 * backward search from SINK — `lp/prune.ts`'s rule on the residual), renumber their nodes
 * (SOURCE = 0, SINK = 1, then in arc order) and add cap nodes for the rows a path crosses:
 *   - appliance a with a capacity: its deliveries go to aC_a, aC_a → SINK with the budget;
 *   - provider p with an ingress cap (route mode): deliveries at p's allowed destinations in slot
 *     t go to PI_{p,t}, PI_{p,t} → SINK (or → aC_a when a is p's only allowed destination) with
 *     the budget of (p, t); an appliance with a capacity next to other allowed destinations of p
 *     (two crossing families) gets ⌊budget/#destinations of p⌋ on its own delivery arc instead,
 *     and PI_{p,t} what is left of the budget;
 *   - provider p with an egress cap (route mode): each kept link arc leaving p in slot t is capped
 *     at its share of the budget of (p, t) — its whole residual when the arcs' residuals fit the
 *     budget, else ⌊residual·budget/Σ residuals⌋, handed out in arc order and never more than
 *     what is left, so Σ shares ≤ budget;
 *   - `bound` mode (relaxations): full capacities, egress rows dropped, ingress kept as PI nodes
 *     only where exact (no crossing appliance, no per-domain node), and with `domainCap` > 0 a
 *     node G_g per failure domain, (aC_a →) G_g → SINK with `domainCap` (one copy per domain).
 * Every delivery arc is a switch of its slot (capacity 0 until the search enables the slot).
 *
 * Invariants. Route mode: every flow of the network maps (by `tenArc`; synthetic arcs have −1)
 * to a TEN flow that fits the residual arcs and every residual budget (the shares and cap nodes
 * never offer more than what is left). Bound mode: every plan's flow of these datasets restricted
 * to them is a flow of the network (only dropped rows and exact nodes), so its max-flow is an
 * upper bound on what any plan delivers by `until`. Capacities are integers < 2^53 ("unbounded"
 * is the context's total demand).
 *
 * Complexity: O(n + m) for the two searches and one pass over the kept arcs; the network has
 * O(kept arcs + P·S + N) arcs.
 *
 * Reference: Ahuja, Magnanti, Orlin, "Network Flows" (1993), §3.5 and §17.2.
 */
import type { LpContext } from '../lp/context.js';
import { ArcKind } from '../network.js';
import type { Residual } from './residual.js';

/** What to cut out (module header). */
export interface SubnetSpec {
  /** Dataset indices routed. */
  readonly datasets: readonly number[];
  /** Source capacity (quanta) per listed dataset, same order. */
  readonly sourceCap: readonly number[];
  /** Per scenario node: 1 when deliveries there are allowed. */
  readonly allowed: Uint8Array;
  /** Deliveries only in slots < until. */
  readonly until: number;
  readonly mode: 'route' | 'bound';
  /** Bound mode: quanta per failure domain (copies > 1), or 0 for none. */
  readonly domainCap: number;
}

/** A compact max-flow network with per-slot switches (module header). */
export interface Subnet {
  readonly n: number;
  readonly m: number;
  readonly tails: Int32Array;
  readonly heads: Int32Array;
  /** Capacities with every switch off. */
  readonly caps: Float64Array;
  /** TEN arc of each arc, or −1 for a cap node's arc. */
  readonly tenArc: Int32Array;
  /** Switches of slot t: `switchArcs[switchStart[t] … switchStart[t+1]−1]`. */
  readonly switchStart: Int32Array;
  readonly switchArcs: Int32Array;
  readonly switchCap: Float64Array;
  /** Σ source capacities. */
  readonly demand: number;
  readonly slots: number;
  /** Kept TEN arcs, ascending. */
  readonly arcs: Int32Array;
}

/** Reusable buffers of {@link buildSubnet} (one per context). */
export class SubnetScratch {
  readonly fwd: Uint8Array;
  readonly bwd: Uint8Array;
  readonly queue: Int32Array;
  readonly local: Int32Array;
  readonly srcCap: Float64Array;

  constructor(ctx: LpContext) {
    const n = ctx.ten.n;
    this.fwd = new Uint8Array(n);
    this.bwd = new Uint8Array(n);
    this.queue = new Int32Array(n);
    this.local = new Int32Array(n).fill(-1);
    this.srcCap = new Float64Array(ctx.scenario.datasets.length).fill(-1);
  }
}

/** Capacity of TEN arc a usable now (egress budget included in route mode). */
function capOf(ctx: LpContext, res: Residual, route: boolean, a: number): number {
  const x = res.arc[a];
  if (!route || ctx.ten.kind[a] !== ArcKind.LINK) return x;
  const p = ctx.egressProvider[a];
  return p < 0 ? x : Math.min(x, res.egress[p * ctx.ten.slots + ctx.ten.slot[a]]);
}

/** Builds the network of `spec` on what `res` leaves (module header). */
export function buildSubnet(ctx: LpContext, res: Residual, spec: SubnetSpec, sc: SubnetScratch): Subnet {
  const { ten, out, into, ingressProvider, applianceCap, egressProvider, domainOf } = ctx;
  const { kind, elem, slot, heads: th, tails: tt } = ten;
  const S = ten.slots;
  const N = ctx.scenario.nodes.length;
  const P = ctx.scenario.providers.length;
  const route = spec.mode === 'route';
  const big = Math.max(1, ctx.totalDemand);
  const { fwd, bwd, queue, local, srcCap } = sc;
  const allowed = spec.allowed;
  const until = spec.until;
  fwd.fill(0);
  bwd.fill(0);
  spec.datasets.forEach((k, i) => {
    srcCap[k] = spec.sourceCap[i];
  });
  const deliverOk = (a: number): boolean => {
    const d = elem[a];
    if (allowed[d] === 0 || slot[a] >= until || !(res.arc[a] > 0) || res.appliance[d] === 0) return false;
    const p = ingressProvider[d];
    return !route || p < 0 || res.ingress[p * S + slot[a]] > 0;
  };
  // Forward from the datasets' stores.
  let qh = 0;
  let qt = 0;
  fwd[ten.source] = 1;
  for (const k of spec.datasets) {
    const w = th[ten.sourceArc[k]];
    if (fwd[w] === 0 && srcCap[k] > 0) {
      fwd[w] = 1;
      queue[qt++] = w;
    }
  }
  while (qh < qt) {
    const v = queue[qh++];
    for (let p = out.start[v]; p < out.start[v + 1]; p++) {
      const a = out.list[p];
      const w = th[a];
      if (fwd[w] === 1 || w === ten.sink || !(capOf(ctx, res, route, a) > 0)) continue;
      fwd[w] = 1;
      queue[qt++] = w;
    }
  }
  // Backward from SINK through allowed deliveries.
  qh = 0;
  qt = 0;
  bwd[ten.sink] = 1;
  for (let p = into.start[ten.sink]; p < into.start[ten.sink + 1]; p++) {
    const a = into.list[p];
    const u = tt[a];
    if (kind[a] !== ArcKind.DELIVER || fwd[u] === 0 || bwd[u] === 1 || !deliverOk(a)) continue;
    bwd[u] = 1;
    queue[qt++] = u;
  }
  while (qh < qt) {
    const v = queue[qh++];
    for (let p = into.start[v]; p < into.start[v + 1]; p++) {
      const a = into.list[p];
      const u = tt[a];
      if (bwd[u] === 1 || fwd[u] === 0 || u === ten.source || !(capOf(ctx, res, route, a) > 0)) continue;
      bwd[u] = 1;
      queue[qt++] = u;
    }
  }
  // Kept arcs; egress sums per (provider, slot).
  const keptList: number[] = [];
  const egressSum = route && P > 0 ? new Float64Array(P * S) : null;
  for (let a = 0; a < ten.arcCount; a++) {
    if (fwd[tt[a]] === 0 || bwd[th[a]] === 0) continue;
    const k = kind[a];
    if (k === ArcKind.SOURCE) {
      if (!(srcCap[elem[a]] > 0)) continue;
    } else if (k === ArcKind.DELIVER) {
      if (!deliverOk(a)) continue;
    } else if (!(capOf(ctx, res, route, a) > 0)) continue;
    keptList.push(a);
    if (egressSum !== null && k === ArcKind.LINK && egressProvider[a] >= 0)
      egressSum[egressProvider[a] * S + slot[a]] += capOf(ctx, res, true, a);
  }
  const kept = Int32Array.from(keptList);
  // Allowed destinations per ingress-capped provider, and how many of them are capped appliances.
  const cntP = new Int32Array(P);
  const appP = new Int32Array(P);
  for (let d = 0; d < N; d++) {
    const p = ingressProvider[d];
    if (allowed[d] === 0 || p < 0) continue;
    cntP[p]++;
    if (applianceCap[d] >= 0) appP[p]++;
  }
  const crossing = (p: number) => cntP[p] > 1 && appP[p] > 0;
  const usePI = (p: number) => p >= 0 && (route || (spec.domainCap === 0 && !crossing(p)));

  let n = 2;
  local[ten.source] = 0;
  local[ten.sink] = 1;
  const cap0 = kept.length + P * S + N + ctx.domains.length + 1;
  const tails = new Int32Array(cap0);
  const heads = new Int32Array(cap0);
  const caps = new Float64Array(cap0);
  const tenArc = new Int32Array(cap0).fill(-1);
  let m = 0;
  const add = (u: number, w: number, c: number, a: number): number => {
    tails[m] = u;
    heads[m] = w;
    caps[m] = c;
    tenArc[m] = a;
    return m++;
  };
  const nodeOf = (v: number): number => {
    if (local[v] < 0) local[v] = n++;
    return local[v];
  };
  const appNode = new Int32Array(N).fill(-1);
  const domNode = new Int32Array(ctx.domains.length).fill(-1);
  const piNode = new Map<number, number>();
  const piHead: number[] = [];
  const piCap: number[] = [];
  const piNodes: number[] = [];
  const domHead = (d: number): number => {
    const g = domainOf[d];
    if (route || spec.domainCap === 0 || g < 0) return 1;
    if (domNode[g] < 0) domNode[g] = n++;
    return domNode[g];
  };
  const appOf = (d: number): number => {
    if (appNode[d] < 0) appNode[d] = n++;
    return appNode[d];
  };
  const egressLeft = egressSum !== null ? new Float64Array(P * S).fill(-1) : null;
  const swArc: number[] = [];
  const swCap: number[] = [];
  const swSlot: number[] = [];
  let demand = 0;
  for (let i = 0; i < kept.length; i++) {
    const a = kept[i];
    const k = kind[a];
    const u = nodeOf(tt[a]);
    if (k === ArcKind.SOURCE) {
      demand += srcCap[elem[a]];
      add(u, nodeOf(th[a]), srcCap[elem[a]], a);
      continue;
    }
    if (k !== ArcKind.DELIVER) {
      let c = capOf(ctx, res, route, a);
      if (egressSum !== null && egressLeft !== null && k === ArcKind.LINK && egressProvider[a] >= 0) {
        const key = egressProvider[a] * S + slot[a];
        const budget = res.egress[key];
        if (egressLeft[key] < 0) egressLeft[key] = budget;
        if (egressSum[key] > budget) c = Math.floor((c * budget) / egressSum[key]);
        c = Math.min(c, egressLeft[key]);
        egressLeft[key] -= c;
      }
      add(u, nodeOf(th[a]), Math.min(c, big), a);
      continue;
    }
    const d = elem[a];
    const t = slot[a];
    const p = ingressProvider[d];
    const app = applianceCap[d] >= 0;
    let head: number;
    let on = big;
    if (usePI(p) && !(route && app && crossing(p))) {
      const key = p * S + t;
      let x = piNode.get(key);
      if (x === undefined) {
        x = n++;
        piNode.set(key, x);
        const budget = route ? res.ingress[key] : ctx.ingressCap[p];
        const unit = route && crossing(p) ? Math.floor(budget / cntP[p]) : 0;
        piNodes.push(x);
        piHead.push(cntP[p] === 1 && app ? appOf(d) : 1);
        piCap.push(Math.min(big, budget - appP[p] * unit));
      }
      head = x;
    } else if (app) {
      head = appOf(d);
      if (route && p >= 0) on = Math.min(big, Math.floor(res.ingress[p * S + t] / cntP[p]));
    } else head = domHead(d);
    swArc.push(add(u, head, 0, a));
    swCap.push(on);
    swSlot.push(t);
  }
  for (let i = 0; i < piNodes.length; i++) add(piNodes[i], piHead[i], piCap[i], -1);
  for (let d = 0; d < N; d++) {
    if (appNode[d] < 0) continue;
    const c = route ? res.appliance[d] : applianceCap[d];
    add(appNode[d], domHead(d), Math.min(big, c), -1);
  }
  for (let g = 0; g < domNode.length; g++) if (domNode[g] >= 0) add(domNode[g], 1, spec.domainCap, -1);
  for (let i = 0; i < kept.length; i++) {
    local[tt[kept[i]]] = -1;
    local[th[kept[i]]] = -1;
  }
  for (const k of spec.datasets) srcCap[k] = -1;
  // Switches by slot (deliveries come in slot order in the TEN, but sort to be safe).
  const switchStart = new Int32Array(S + 1);
  for (const t of swSlot) switchStart[t + 1]++;
  for (let t = 0; t < S; t++) switchStart[t + 1] += switchStart[t];
  const fill = switchStart.slice(0, S);
  const switchArcs = new Int32Array(swArc.length);
  const switchCap = new Float64Array(swArc.length);
  for (let i = 0; i < swArc.length; i++) {
    const j = fill[swSlot[i]]++;
    switchArcs[j] = swArc[i];
    switchCap[j] = swCap[i];
  }
  return {
    n,
    m,
    tails: tails.subarray(0, m),
    heads: heads.subarray(0, m),
    caps: caps.subarray(0, m),
    tenArc: tenArc.subarray(0, m),
    switchStart,
    switchArcs,
    switchCap,
    demand,
    slots: S,
    arcs: kept,
  };
}
