/**
 * Decoding an integral multi-commodity flow into the plan's rows, with the max-flow planner's
 * decoder ({@link decodeFlow}) run once per commodity class — and, for a class with copies > 1,
 * once per failure domain.
 *
 * Twins (replicated datasets with the same origin, ready slot, policy and copies; lp/classes.ts)
 * share a class: each domain piece is split among them by a small max-flow that gives every twin
 * at most W_i = ceil(wire_i/q) quanta per domain (`splitTwins`), and each twin's real bytes are
 * then handled as below.
 *
 * Why per domain. A replicated dataset's flow releases k·ceil(wire/q) quanta but only k·wire real
 * bytes; the decoder puts up to flow × q real bytes on each arc, so with the class's flow decoded
 * in one piece a domain could end up with more than `wire` real bytes (the ceil'd slack of the
 * last quantum landing elsewhere). Instead the class flow f is split into per-domain flows: for
 * each domain g in order, a maximum flow on capacities f (what is left of it) with deliveries
 * only at g's destinations; its value is exactly f's deliveries at g (those arcs cap it, and the
 * paths of g in any decomposition of f form such a flow), and f minus it is still a flow. Domain
 * g then gets r_g = min(wire, f_g·q) real bytes, trimmed from the last domains so that Σ r_g =
 * k·wire. That sum is reachable: with W = ceil(wire/q) and f_g ≤ W, Σ_g min(wire, f_g·q) ≥
 * (#full domains)·wire + (k − #full)·W·q ≥ k·wire when Σ f_g = k·W. Each domain therefore holds at
 * most `wire` bytes and k·wire bytes are stored (the byte-level reading of SCENARIO.md).
 *
 * Rows of the pieces are merged: transfers by (slot, link, dataset) and deliveries by (slot,
 * node, dataset) summed, storage by (slot, node) summed, then sorted as PLAN.md says.
 *
 * Complexity: one {@link decodeFlow} (O(m) plus cycle cancelling) per class and per domain of a
 * replicated class, one max-flow per domain.
 *
 * Reference: Ahuja, Magnanti, Orlin, "Network Flows" (1993), §3.5 (flow decomposition).
 */
import { MaxFlowSolver } from '../../flow/maxflow.js';
import { buildFlowNetwork } from '../../flow/network.js';
import type { Delivery, StorageRow, Transfer } from '../../plan/types.js';
import { type DecodedFlow, decodeFlow } from '../decode.js';
import { ArcKind } from '../network.js';
import type { LpContext } from './context.js';
import type { BuiltModel } from './model.js';

/** Splits the flow `f` (per TEN arc) of a replicated class into per-domain flows (module header). */
function splitByDomain(
  ctx: LpContext,
  f: Float64Array,
): { domain: number; flow: Float64Array; value: number }[] {
  const { ten } = ctx;
  const m = ten.arcCount;
  const used: number[] = [];
  for (let a = 0; a < m; a++) if (f[a] > 0) used.push(a);
  const domains = [
    ...new Set(used.filter((a) => ten.kind[a] === ArcKind.DELIVER).map((a) => ctx.domainOf[ten.elem[a]])),
  ].sort((a, b) => a - b);
  const left = f.slice();
  const pieces: { domain: number; flow: Float64Array; value: number }[] = [];
  for (const g of domains) {
    const k = used.length;
    const tails = new Int32Array(k);
    const heads = new Int32Array(k);
    const caps = new Float64Array(k);
    used.forEach((a, i) => {
      tails[i] = ten.tails[a];
      heads[i] = ten.heads[a];
      caps[i] = ten.kind[a] === ArcKind.DELIVER && ctx.domainOf[ten.elem[a]] !== g ? 0 : left[a];
    });
    const r = new MaxFlowSolver(buildFlowNetwork(ten.n, tails, heads, caps, k), ten.source, ten.sink).solve();
    if (r.status !== 'optimal') throw new Error(`lp decode: domain split failed: ${r.message}`);
    const flow = new Float64Array(m);
    used.forEach((a, i) => {
      flow[a] = r.flow[i];
      left[a] -= r.flow[i];
    });
    pieces.push({ domain: g, flow, value: r.value });
  }
  return pieces;
}

/** Merged rows of all pieces, as {@link DecodedFlow}. */
export function decodeClasses(ctx: LpContext, model: BuiltModel, x: Float64Array): DecodedFlow {
  return decodeClassFlows(ctx, (c) => {
    const f = new Float64Array(ctx.ten.arcCount);
    for (let j = model.classStart[c]; j < model.classStart[c + 1]; j++) f[model.colArc[j]] = x[j];
    return f;
  });
}

/**
 * Merged rows of per-class flows on the TEN (integral quanta per arc; `flowOf(c)` builds class
 * c's, called once per class in order), as {@link DecodedFlow} — the decoder of any engine that
 * produces one flow per commodity class.
 */
export function decodeClassFlows(ctx: LpContext, flowOf: (c: number) => Float64Array): DecodedFlow {
  const { scenario, ten } = ctx;
  const q = ten.quantum;
  const K = scenario.datasets.length;
  const pieces: DecodedFlow[] = [];
  for (let c = 0; c < ctx.classes.length; c++) {
    const cls = ctx.classes[c];
    const f = flowOf(c);
    const bytesIn = new Array<number>(K).fill(0);
    if (cls.copies === 1) {
      for (const k of cls.datasets) bytesIn[k] = Math.min(scenario.datasets[k].wire, f[ten.sourceArc[k]] * q);
      pieces.push(decodeFlow(scenario, ten, f, bytesIn));
      continue;
    }
    const parts = splitByDomain(ctx, f);
    const split = splitTwins(ctx, c, parts);
    const real = twinBytes(ctx, c, split);
    parts.forEach((p, g) => {
      // The piece's source arcs carry the twins' split (they share one store node, so any
      // split of the piece's flow out of SOURCE is the same flow beyond it).
      for (let i = 0; i < cls.datasets.length; i++) {
        const k = cls.datasets[i];
        p.flow[ten.sourceArc[k]] = split[i][g];
        bytesIn[k] = real[i][g];
      }
      pieces.push(decodeFlow(scenario, ten, p.flow, bytesIn));
      for (const k of cls.datasets) bytesIn[k] = 0;
    });
  }
  return merge(K, pieces);
}

/**
 * Quanta per (twin, domain piece): x[i][g] ≤ W_i, Σ_g x[i][g] ≤ k·W_i, Σ_i x[i][g] = the piece's
 * value — by a max-flow on SOURCE → twin (k·W_i) → piece (W_i) → SINK (value), which saturates
 * every piece (lp/classes.ts has the proof). One dataset: the pieces' values.
 */
function splitTwins(ctx: LpContext, c: number, parts: readonly { value: number }[]): number[][] {
  const cls = ctx.classes[c];
  const I = cls.datasets.length;
  const G = parts.length;
  if (I === 1) return [parts.map((p) => p.value)];
  const W = cls.datasets.map((k) => Math.ceil(ctx.scenario.datasets[k].wire / ctx.ten.quantum));
  const source = 0;
  const sink = 1 + I + G;
  const m = I + I * G + G;
  const tails = new Int32Array(m);
  const heads = new Int32Array(m);
  const caps = new Float64Array(m);
  let a = 0;
  for (let i = 0; i < I; i++) {
    tails[a] = source;
    heads[a] = 1 + i;
    caps[a++] = cls.copies * W[i];
  }
  for (let i = 0; i < I; i++) {
    for (let g = 0; g < G; g++) {
      tails[a] = 1 + i;
      heads[a] = 1 + I + g;
      caps[a++] = W[i];
    }
  }
  for (let g = 0; g < G; g++) {
    tails[a] = 1 + I + g;
    heads[a] = sink;
    caps[a++] = parts[g].value;
  }
  const r = new MaxFlowSolver(buildFlowNetwork(sink + 1, tails, heads, caps, m), source, sink).solve();
  const total = parts.reduce((s, p) => s + p.value, 0);
  if (r.status !== 'optimal' || r.value !== total) {
    throw new Error(`lp decode: the twins of class ${c} cannot split their domain pieces`);
  }
  return Array.from({ length: I }, (_, i) => Array.from({ length: G }, (_, g) => r.flow[I + i * G + g]));
}

/**
 * Real bytes per (twin, piece): min(wire, x·q), trimmed from the last pieces so that no twin
 * stores more than copies × wire (each piece then holds at most `wire` of a twin).
 */
function twinBytes(ctx: LpContext, c: number, split: readonly number[][]): number[][] {
  const cls = ctx.classes[c];
  const q = ctx.ten.quantum;
  return split.map((row, i) => {
    const wire = ctx.scenario.datasets[cls.datasets[i]].wire;
    const real = row.map((x) => Math.min(wire, x * q));
    let excess = real.reduce((s, b) => s + b, 0) - cls.copies * wire;
    for (let g = real.length - 1; g >= 0 && excess > 0; g--) {
      const cut = Math.min(excess, real[g]);
      real[g] -= cut;
      excess -= cut;
    }
    return real;
  });
}

function merge(K: number, pieces: readonly DecodedFlow[]): DecodedFlow {
  const transfers = new Map<string, Transfer>();
  const deliveries = new Map<string, Delivery>();
  const storage = new Map<string, StorageRow>();
  const delivered = Array.from({ length: K }, () => new Map<string, number>());
  const lastSlot = new Int32Array(K).fill(-1);
  let cyclesCancelled = 0;
  for (const p of pieces) {
    for (const t of p.transfers) {
      const key = `${t.slot}\u0000${t.link}\u0000${t.dataset}`;
      const old = transfers.get(key);
      transfers.set(key, old ? { ...old, bytes: old.bytes + t.bytes } : t);
    }
    for (const d of p.deliveries) {
      const key = `${d.slot}\u0000${d.node}\u0000${d.dataset}`;
      const old = deliveries.get(key);
      deliveries.set(key, old ? { ...old, bytes: old.bytes + d.bytes } : d);
    }
    for (const s of p.storage) {
      const key = `${s.slot}\u0000${s.node}`;
      const old = storage.get(key);
      storage.set(key, old ? { ...old, bytes: old.bytes + s.bytes } : s);
    }
    for (let k = 0; k < K; k++) {
      for (const [node, b] of p.delivered[k]) delivered[k].set(node, (delivered[k].get(node) ?? 0) + b);
      lastSlot[k] = Math.max(lastSlot[k], p.lastSlot[k]);
    }
    cyclesCancelled += p.cyclesCancelled;
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    transfers: [...transfers.values()].sort(
      (a, b) => a.slot - b.slot || cmp(a.link, b.link) || cmp(a.dataset, b.dataset),
    ),
    deliveries: [...deliveries.values()].sort(
      (a, b) => a.slot - b.slot || cmp(a.node, b.node) || cmp(a.dataset, b.dataset),
    ),
    storage: [...storage.values()].sort((a, b) => a.slot - b.slot || cmp(a.node, b.node)),
    delivered,
    lastSlot,
    cyclesCancelled,
  };
}
