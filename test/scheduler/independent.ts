/**
 * An independent reference for the planner tests: its own time-expanded network (every node split
 * into in/core/out copies, whatever its caps) and Edmonds–Karp max-flow, in bytes (quantum 1).
 * It shares nothing with src/scheduler but the scenario model and the calendars.
 */
import { buildCalendars } from '../../src/constraints/calendars.js';
import type { Scenario } from '../../src/io/model.js';

interface Graph {
  head: number[];
  cap: number[];
  adj: number[][];
}

function addArc(g: Graph, u: number, v: number, c: number): number {
  const a = g.head.length;
  g.head.push(v, u);
  g.cap.push(c, 0);
  g.adj[u].push(a);
  g.adj[v].push(a + 1);
  return a;
}

/** Augments along shortest residual paths until none is left; returns the flow added. */
function edmondsKarp(g: Graph, s: number, t: number): number {
  let total = 0;
  const n = g.adj.length;
  for (;;) {
    const via = new Int32Array(n).fill(-1);
    via[s] = -2;
    const queue = [s];
    for (let i = 0; i < queue.length && via[t] === -1; i++) {
      const u = queue[i];
      for (const a of g.adj[u]) {
        const v = g.head[a];
        if (g.cap[a] > 0 && via[v] === -1) {
          via[v] = a;
          queue.push(v);
        }
      }
    }
    if (via[t] === -1) return total;
    let push = Number.POSITIVE_INFINITY;
    for (let v = t; v !== s; v = g.head[via[v] ^ 1]) push = Math.min(push, g.cap[via[v]]);
    for (let v = t; v !== s; v = g.head[via[v] ^ 1]) {
      g.cap[via[v]] -= push;
      g.cap[via[v] ^ 1] += push;
    }
    total += push;
  }
}

/** Result of {@link referenceOptimum}. */
export interface Reference {
  /** Smallest number of slots that delivers every wire byte, or null. */
  readonly slots: number | null;
  /** Most bytes deliverable within the horizon. */
  readonly maxBytes: number;
}

/**
 * Earliest completion of a one-policy scenario (default destinations: every cloud; no egress
 * caps, no appliance destinations), by opening the delivery arcs slot after slot.
 */
export function referenceOptimum(s: Scenario): Reference {
  const cal = buildCalendars(s);
  const S = cal.slots;
  const N = s.nodes.length;
  const idx = new Map(s.nodes.map((n, i) => [n.id, i]));
  const g: Graph = { head: [], cap: [], adj: [] };
  const node = () => g.adj.push([]) - 1;
  const INF = 2 ** 52;
  const src = node();
  const sink = node();
  const inN: number[][] = [];
  const core: number[][] = [];
  const outN: number[][] = [];
  for (let t = 0; t < S; t++) {
    inN.push([]);
    core.push([]);
    outN.push([]);
    for (let v = 0; v < N; v++) {
      inN[t].push(node());
      core[t].push(node());
      outN[t].push(node());
      addArc(g, inN[t][v], core[t][v], cal.nodeWrite[v] ?? INF);
      addArc(g, core[t][v], outN[t][v], cal.nodeRead[v] ?? INF);
    }
    s.links.forEach((l, i) => {
      addArc(g, outN[t][idx.get(l.from) as number], inN[t][idx.get(l.to) as number], cal.links[i][t]);
    });
  }
  for (let t = 0; t + 1 < S; t++) {
    for (let v = 0; v < N; v++) {
      const st = cal.storage[v];
      if (st > 0n && s.nodes[v].kind !== 'exchange') addArc(g, core[t][v], core[t + 1][v], Number(st));
    }
  }
  // Origin stores: one chain per dataset (free holding at the origin).
  for (const d of s.datasets) {
    let prev = -1;
    for (let t = d.readySlot; t < S; t++) {
      const st = node();
      if (prev < 0) addArc(g, src, st, d.wire);
      else addArc(g, prev, st, INF);
      addArc(g, st, core[t][idx.get(d.at) as number], INF);
      prev = st;
    }
  }
  const ingressCap = new Map<number, number>();
  const dests = s.datasets[0].destinations.map((id) => idx.get(id) as number);
  const perSlot: number[][] = [];
  for (let t = 0; t < S; t++) {
    perSlot.push([]);
    const byProvider = new Map<string, number>();
    for (const d of dests) {
      const p = s.nodes[d].provider as string;
      const pi = s.providers.findIndex((x) => x.id === p);
      const ingress = pi >= 0 ? cal.providerIngress[pi] : null;
      if (ingress === null) {
        perSlot[t].push(addArc(g, core[t][d], sink, 0));
        continue;
      }
      let hub = byProvider.get(p);
      if (hub === undefined) {
        hub = node();
        byProvider.set(p, hub);
        const a = addArc(g, hub, sink, 0);
        perSlot[t].push(a);
        ingressCap.set(a, ingress);
      }
      addArc(g, core[t][d], hub, INF);
    }
  }
  const demand = s.datasets.reduce((x, d) => x + d.wire, 0);
  if (demand === 0) return { slots: 0, maxBytes: 0 };
  let flow = 0;
  for (let T = 1; T <= S; T++) {
    for (const a of perSlot[T - 1]) g.cap[a] = ingressCap.get(a) ?? INF;
    flow += edmondsKarp(g, src, sink);
    if (flow >= demand) return { slots: T, maxBytes: flow };
  }
  return { slots: null, maxBytes: flow };
}
