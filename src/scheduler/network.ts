/**
 * The time-expanded network of a one-policy scenario, built straight into typed arrays.
 *
 * Model. Slots t = 0 … S−1; flows in quanta of q bytes (capacities floored to quanta, demands
 * ceil'd). Every node of slot t lives in a block of B local nodes, global index t·B + local:
 *   - v@t, the core of scenario node v (in `direct` mode a node that is both an origin and a
 *     destination gets a second, receive-only core, so data landing there cannot leave again);
 *   - vW@t → v@t with capacity floor(write/q) when v has a `write` cap: every link arc into v
 *     enters vW@t instead of v@t;
 *   - v@t → vR@t with capacity floor(read/q) when v has a `read` cap: every link arc out of v
 *     leaves vR@t instead of v@t;
 *   - PE_p@t for a provider p with an `egress` cap whose external out-links (to nodes outside p)
 *     all leave one node u: (uR|u)@t → PE_p@t with capacity floor(egress/q), and those links
 *     leave PE_p@t. External links from several nodes cross the read/write families: such a cap
 *     is not network-representable (`cap-layout.ts`: engines ask `capReasons` first);
 *   - PI_p@t for a provider p with an `ingress` cap that has allowed destinations: d@t → PI_p@t
 *     (unbounded) for its destinations d, PI_p@t → SINK with capacity floor(ingress/q);
 * Global nodes: SOURCE, SINK, the origin stores and aC_a (below). The origin store of origin o
 * is one node X_{o,j} per distinct ready slot r_1 < r_2 < … of its datasets: SOURCE → X_{o,j}
 * with ceil(wire(d)/q) per dataset d ready at r_j, X_{o,j} → o@t (release) for r_j ≤ t < r_{j+1}
 * and X_{o,j} → X_{o,j+1}, all unbounded. This is the same as a holdover chain O_o@t → O_o@t+1
 * with free holding (data waits at its origin for free), but every origin slot is two arcs from
 * the source instead of up to S, which keeps push-relabel's distance labels short. Also global: for an appliance destination a with a `capacity`:
 * a@t → aC_a (unbounded), aC_a → SINK with capacity floor(capacity/q) (the capacity is cumulative
 * over the horizon, so one node for all slots). An appliance with a capacity whose provider also
 * has an ingress cap over other destinations is not representable (two crossing cap families).
 * Arcs per slot: link l from (R|core|PE)@t to (W|core)@t with floor(calendar[l][t]/q), kept even
 * at 0 so that a "what if" can reopen it; holdover v@t → v@t+1 with floor(storage/q) for nodes
 * with storage > 0 bytes (never exchanges; none in `direct` mode) — even when that floors to 0.
 *
 * Exact positivity. Quantised capacities decide how much flows; whether anything can get through
 * at all (PLAN.md's `infeasible`) is decided on exact bytes: every arc records in `open` whether
 * its exact capacity is positive (a link carrying 1 kbps in an hour-long slot is open although it
 * floors to 0 quanta of 1 MB). Reachability (`reach.ts`, `lp/explain.ts`)
 * reads `open`, never `caps`.
 *
 * There is no arc back into an origin store: bringing data back to its origin is never needed for
 * optimality (replace the detour by holding the same bytes in the store, which is unbounded and
 * costs no staging), so the model loses no plan's makespan or volume.
 *
 * Switches. Deliveries in slot t are possible only while slot t is *enabled*: the last arc of
 * each delivery chain (d@t → SINK, d@t → aC_a, or PI_p@t → SINK/aC_a) is a switch whose capacity
 * is 0 when disabled and its real capacity when enabled. The earliest-completion search enables a
 * prefix of slots by raising switch capacities (warm re-solves, capacities only go up).
 *
 * Arc order: per slot, deliveries first, then caps and releases, then links (declaration order),
 * then holdovers. Decoding allocates a node's bytes to its out-arcs in this order, so real bytes
 * are delivered as early as the flow allows and the ceil'd slack of the last quantum goes last.
 *
 * Invariants: every capacity is an integer in [0, 2^53); "unbounded" is the total demand D (no
 * arc can carry more); `kind/elem/slot` map every arc back to its scenario element for decoding,
 * bottlenecks and what-if. Complexity: O(S·(V + L)) time and memory, no per-arc objects.
 *
 * Reference: L. R. Ford, D. R. Fulkerson, "Constructing maximal dynamic flows from static flows",
 * Operations Research 6 (1958) — time-expanded networks; design/ARCHITECTURE.md, SCENARIO.md.
 */
import type { Calendars } from '../constraints/calendars.js';
import { UsageError } from '../errors.js';
import type { IndexedScenario } from '../topology/csr.js';
import { capLayout, networkLinks } from './cap-layout.js';
import { ArcBuffer, ArcKind, type NetworkOptions, type TimeExpandedNetwork } from './ten-types.js';

export { ArcKind, type NetworkOptions, type TimeExpandedNetwork } from './ten-types.js';

const CAP_LIMIT = 2 ** 53;

/**
 * Builds the time-expanded network of a one-policy scenario from its topology (a `Topology`, or
 * `indexScenario(scenario)`): node, link, provider and dataset positions come from
 * `topology.index`, the scenario's one index.
 * Call it only for caps it can represent (`capReasons` is empty): it throws an internal
 * error otherwise.
 * @throws UsageError when the quantum is not a positive safe integer or the total demand in
 *   quanta reaches 2^53
 */
export function buildTimeExpandedNetwork(
  topology: IndexedScenario,
  cal: Calendars,
  options: NetworkOptions,
): TimeExpandedNetwork {
  const q = options.quantum;
  if (!Number.isSafeInteger(q) || q < 1) {
    throw new UsageError(`scheduler: the quantum must be a positive whole number of bytes, got ${q}`);
  }
  const direct = options.direct ?? false;
  const { scenario, index } = topology;
  const nodes = scenario.nodes;
  const N = nodes.length;
  const S = cal.slots;
  const datasetAt = index.datasetAt;

  const demand = new Float64Array(scenario.datasets.length);
  let D = 0;
  for (let k = 0; k < demand.length; k++) {
    demand[k] = Math.ceil(scenario.datasets[k].wire / q);
    D += demand[k];
  }
  if (D >= CAP_LIMIT) {
    throw new UsageError(
      `scheduler: the total demand is ${D} quanta of ${q} bytes, at or above 2^53: use a larger --quantum`,
    );
  }
  const capsAsRows = options.capsAsRows ?? false;
  const INF = Math.max(D, options.unbounded ?? 0, 1);
  if (INF >= CAP_LIMIT) {
    throw new UsageError(
      `scheduler: the demand is ${INF} quanta of ${q} bytes, at or above 2^53: use a larger --quantum`,
    );
  }
  const toQ = (bytes: number): number => Math.min(Math.floor(bytes / q), INF);

  const isDest = new Uint8Array(N);
  for (const d of options.destinations) isDest[d] = 1;
  const minReady = new Int32Array(N).fill(-1);
  scenario.datasets.forEach((d, k) => {
    const o = datasetAt[k];
    if (minReady[o] < 0 || d.readySlot < minReady[o]) minReady[o] = d.readySlot;
  });
  const isOrigin = (v: number) => minReady[v] >= 0;

  const links = networkLinks(topology, options.destinations, direct);
  const { linkFrom, linkTo } = index;
  const hasIn = new Uint8Array(N);
  const hasOut = new Uint8Array(N);
  for (const l of links) {
    hasOut[linkFrom[l]] = 1;
    hasIn[linkTo[l]] = 1;
  }
  const layout = capLayout(topology, cal, links, options.destinations, capsAsRows);
  if (layout.reasons.length > 0) {
    // The planner asks `capReasons` first (engines' `representable`); reaching this is a bug.
    throw new Error(`buildTimeExpandedNetwork: caps not representable: ${layout.reasons.join('; ')}`);
  }

  // Local layout of a slot block.
  const names: string[] = nodes.map((nd) => nd.id);
  let B = N;
  const local = (name: string): number => {
    names.push(name);
    return B++;
  };
  const sendCore = Int32Array.from({ length: N }, (_, v) => v);
  const recvCore = Int32Array.from({ length: N }, (_, v) => v);
  if (direct) {
    for (let v = 0; v < N; v++) if (isOrigin(v) && isDest[v]) recvCore[v] = local(`${nodes[v].id}#in`);
  }
  const writeNode = new Int32Array(N).fill(-1);
  const readNode = new Int32Array(N).fill(-1);
  for (let v = 0; v < N; v++) {
    if (cal.nodeWrite[v] !== null && hasIn[v]) writeNode[v] = local(`${nodes[v].id}#write`);
    if (cal.nodeRead[v] !== null && hasOut[v]) readNode[v] = local(`${nodes[v].id}#read`);
  }
  const providerOf = (v: number): number => index.providerOf[v];
  const egressFrom = layout.egressFrom;
  const egressOfLink = layout.egressOfLink;
  const egressNode = new Int32Array(scenario.providers.length).fill(-1);
  for (let p = 0; p < egressNode.length; p++)
    if (egressFrom[p] >= 0) egressNode[p] = local(`${scenario.providers[p].id}#egress`);
  const ingressNode = new Int32Array(scenario.providers.length).fill(-1);
  const destsOfProvider = new Map<number, readonly number[]>();
  for (const { provider, destinations } of layout.ingress) {
    ingressNode[provider] = local(`${scenario.providers[provider].id}#ingress`);
    destsOfProvider.set(provider, destinations);
  }

  const source = S * B;
  const sink = S * B + 1;
  let n = S * B + 2;
  const appCap = new Int32Array(N).fill(-1);
  for (const d of layout.appliances) appCap[d] = n++;
  // Origin stores: per origin (ascending), one node per distinct ready slot (ascending).
  const storeReady: number[][] = Array.from({ length: N }, () => []);
  for (let k = 0; k < datasetAt.length; k++) storeReady[datasetAt[k]].push(scenario.datasets[k].readySlot);
  const storeFirst = new Int32Array(N).fill(-1);
  const stores: number[] = [];
  const storeOrigin: number[] = [];
  const storeNames: string[] = [];
  for (let v = 0; v < N; v++) {
    storeReady[v] = [...new Set(storeReady[v])].sort((a, b) => a - b);
    if (storeReady[v].length === 0) continue;
    storeFirst[v] = n;
    for (const r of storeReady[v]) {
      stores.push(n++);
      storeOrigin.push(v);
      storeNames.push(`${nodes[v].id}#store@${r}`);
    }
  }

  // Upper bound of the arc count per slot: deliveries, ingress, write/read, egress, links, holds.
  const perSlot = options.destinations.length + 2 * scenario.providers.length + 3 * N + links.length;
  const buf = new ArcBuffer(S * perSlot + N * S + scenario.datasets.length + N + stores.length);
  const switchArcs: number[] = [];
  const switchCap: number[] = [];
  const switchStart = new Int32Array(S + 1);
  for (let d = 0; d < N; d++) {
    const c = nodes[d].capacity;
    if (appCap[d] >= 0 && c !== null) {
      const capQ = c / BigInt(q) >= BigInt(INF) ? INF : Number(c / BigInt(q));
      buf.add(appCap[d], sink, capQ, ArcKind.APPCAP, d, -1, c > 0n);
    }
  }
  // Exact positivity (module header, `open`): bytes may be stored at d at all.
  const canStore = Uint8Array.from(nodes, (nd, v) => {
    const p = providerOf(v);
    return nd.capacity !== 0n && (p < 0 || cal.providerIngress[p] !== 0) ? 1 : 0;
  });
  // LP mode: links leaving a provider whose egress cap is exactly 0 (a row there, not an arc).
  const egressClosed = new Uint8Array(scenario.links.length);
  if (capsAsRows) {
    for (const l of links) {
      const p = providerOf(linkFrom[l]);
      if (p >= 0 && providerOf(linkTo[l]) !== p && cal.providerEgress[p] === 0) egressClosed[l] = 1;
    }
  }
  const writeQ = cal.nodeWrite.map((x) => (x === null ? 0 : toQ(x)));
  const readQ = cal.nodeRead.map((x) => (x === null ? 0 : toQ(x)));
  const storageQ = cal.storage.map((s) => (s / BigInt(q) >= BigInt(INF) ? INF : Number(s / BigInt(q))));
  for (let t = 0; t < S; t++) {
    const base = t * B;
    switchStart[t] = switchArcs.length;
    for (const d of options.destinations) {
      const p = providerOf(d);
      if (p >= 0 && ingressNode[p] >= 0) {
        buf.add(base + recvCore[d], base + ingressNode[p], INF, ArcKind.DELIVER, d, t, canStore[d] === 1);
      } else {
        const head = appCap[d] >= 0 ? appCap[d] : sink;
        const a = buf.add(base + recvCore[d], head, 0, ArcKind.DELIVER, d, t, canStore[d] === 1);
        switchArcs.push(a);
        switchCap.push(INF);
      }
    }
    for (let p = 0; p < ingressNode.length; p++) {
      if (ingressNode[p] < 0) continue;
      const ds = destsOfProvider.get(p) as readonly number[];
      const head = ds.length === 1 && appCap[ds[0]] >= 0 ? appCap[ds[0]] : sink;
      const ingress = cal.providerIngress[p] as number;
      switchArcs.push(buf.add(base + ingressNode[p], head, 0, ArcKind.INGRESS, p, t, ingress > 0));
      switchCap.push(toQ(ingress));
    }
    for (let v = 0; v < N; v++) {
      if (writeNode[v] >= 0) {
        const open = (cal.nodeWrite[v] as number) > 0;
        buf.add(base + writeNode[v], base + recvCore[v], writeQ[v], ArcKind.WRITE, v, t, open);
      }
      if (readNode[v] >= 0) {
        const open = (cal.nodeRead[v] as number) > 0;
        buf.add(base + sendCore[v], base + readNode[v], readQ[v], ArcKind.READ, v, t, open);
      }
    }
    for (let p = 0; p < egressNode.length; p++) {
      if (egressNode[p] < 0) continue;
      const u = egressFrom[p];
      const tail = readNode[u] >= 0 ? readNode[u] : sendCore[u];
      const egress = cal.providerEgress[p] as number;
      buf.add(base + tail, base + egressNode[p], toQ(egress), ArcKind.EGRESS, p, t, egress > 0);
    }
    for (const l of links) {
      const u = linkFrom[l];
      const w = linkTo[l];
      const tail =
        egressOfLink[l] >= 0 ? egressNode[egressOfLink[l]] : readNode[u] >= 0 ? readNode[u] : sendCore[u];
      const head = writeNode[w] >= 0 ? writeNode[w] : recvCore[w];
      const exact = cal.links[l][t];
      buf.add(base + tail, base + head, toQ(exact), ArcKind.LINK, l, t, exact > 0 && egressClosed[l] === 0);
    }
    if (t + 1 < S) {
      if (!direct) {
        for (let v = 0; v < N; v++) {
          // Storage below one quantum holds nothing in the flow but still counts for reachability.
          if (cal.storage[v] > 0n && nodes[v].kind !== 'exchange') {
            buf.add(base + sendCore[v], base + B + sendCore[v], storageQ[v], ArcKind.HOLD, v, t, true);
          }
        }
      }
    }
  }
  switchStart[S] = switchArcs.length;
  // Origin stores: releases in slot order, then the arc to the store of the next ready slot.
  for (let v = 0; v < N; v++) {
    const rs = storeReady[v];
    for (let j = 0; j < rs.length; j++) {
      const x = storeFirst[v] + j;
      const until = j + 1 < rs.length ? rs[j + 1] : S;
      for (let t = rs[j]; t < until; t++) buf.add(x, t * B + sendCore[v], INF, ArcKind.RELEASE, v, t, true);
      if (j + 1 < rs.length) buf.add(x, x + 1, INF, ArcKind.CHAIN, v, rs[j + 1], true);
    }
  }
  const sourceArc = new Int32Array(scenario.datasets.length);
  scenario.datasets.forEach((d, k) => {
    const o = datasetAt[k];
    const x = storeFirst[o] + storeReady[o].indexOf(d.readySlot);
    sourceArc[k] = buf.add(source, x, demand[k], ArcKind.SOURCE, k, d.readySlot, true);
  });

  const m = buf.count;
  return {
    n,
    arcCount: m,
    tails: buf.tails.subarray(0, m),
    heads: buf.heads.subarray(0, m),
    caps: buf.caps.subarray(0, m),
    kind: buf.kind.subarray(0, m),
    elem: buf.elem.subarray(0, m),
    slot: buf.slot.subarray(0, m),
    open: buf.open.subarray(0, m),
    source,
    sink,
    slots: S,
    blockSize: B,
    switchStart,
    switchArcs: Int32Array.from(switchArcs),
    switchCap: Float64Array.from(switchCap),
    sourceArc,
    demand,
    totalDemand: D,
    quantum: q,
    links,
    stores: Int32Array.from(stores),
    storeOrigin: Int32Array.from(storeOrigin),
    capsDropped: layout.dropped,
    nodeName(v: number): string {
      if (v === source) return 'SOURCE';
      if (v === sink) return 'SINK';
      if (stores.includes(v)) return storeNames[stores.indexOf(v)];
      if (v >= S * B) return `${nodes[appCap.indexOf(v)]?.id ?? '?'}#capacity`;
      return `${names[v % B]}@${Math.floor(v / B)}`;
    },
  };
}
