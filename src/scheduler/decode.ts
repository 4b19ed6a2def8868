/**
 * Decoding: from a flow in quanta on the time-expanded network to the plan's rows of real bytes —
 * per-dataset transfers, deliveries, staging levels — shared by every solver that produces a flow
 * on that network (the max-flow planner now, the LP planner per commodity class later).
 *
 * Method.
 * 1. Cycle cancelling, per slot. Holdover and origin-store arcs go forward in time, so every flow
 *    cycle lies inside one slot's block. A depth-first search over the block's positive-flow
 *    intra-slot arcs (links, read/write/egress splits, releases) finds a cycle whenever it meets a
 *    node on its stack; the cycle's minimum flow is subtracted and the search resumes below the
 *    first arc it emptied. Each cancellation empties an arc, so there are at most m of them.
 * 2. Allocation, slot by slot in time order and, inside a slot, in topological order of the now
 *    acyclic positive-flow arcs (Kahn, ties by node index). A node's inventory is the real bytes
 *    per dataset on its incoming arcs (source arcs: `min(wire, flow × q)` of their dataset;
 *    holdovers: what slot t−1 put on them). It is handed to the node's outgoing arcs in arc
 *    order — deliveries, then caps and releases, then links in declaration order, then holding —
 *    each arc taking at most `flow × q` bytes, filled with the inventory's datasets in id order
 *    ("first fit in id order"). This is also the rule that splits interchangeable datasets (same
 *    origin and ready slot): the one with the smaller id moves first.
 *
 * Invariants: real bytes on an arc never exceed flow × q ≤ floor(capacity/q) × q ≤ the exact
 * capacity; at every node real inflow ≤ flow inflow × q = flow outflow × q, so the inventory always
 * fits the outgoing arcs and no byte is stranded (after step 1 the flow is acyclic, so every arc
 * leads on to the sink); the ceil'd slack of a dataset's last quantum simply travels empty. Staging
 * rows count a holdover's bytes except those of datasets whose origin is that node (PLAN.md).
 *
 * Complexity: O(m · B) worst case for step 1 (B = nodes per slot), typically O(m); step 2 is
 * O(m + A log K) for A allocations of K datasets.
 *
 * Reference: flow decomposition, R. K. Ahuja, T. L. Magnanti, J. B. Orlin, "Network Flows" (1993),
 * §3.5; design/PLAN.md for the rows and their order.
 */
import type { Scenario } from '../io/model.js';
import type { DecodedFlow } from '../plan/decoded.js';
import type { Delivery, StorageRow, Transfer } from '../plan/types.js';
import { arcsInto, arcsOut } from './arc-index.js';
import { ArcKind, type TimeExpandedNetwork } from './network.js';

export type { DecodedFlow } from '../plan/decoded.js';

function isIntra(kind: number): boolean {
  return (
    kind === ArcKind.LINK ||
    kind === ArcKind.READ ||
    kind === ArcKind.WRITE ||
    kind === ArcKind.EGRESS ||
    kind === ArcKind.RELEASE
  );
}

/** Growable allocation lists: per arc, a linked list of (dataset, bytes). */
class Allocations {
  first: Int32Array;
  next = new Int32Array(1024);
  dataset = new Int32Array(1024);
  bytes = new Float64Array(1024);
  count = 0;

  constructor(arcs: number) {
    this.first = new Int32Array(arcs).fill(-1);
  }

  add(arc: number, k: number, b: number): void {
    if (this.count === this.next.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T, y: T): T => {
        y.set(x);
        return y;
      };
      const size = this.next.length * 2;
      this.next = grow(this.next, new Int32Array(size));
      this.dataset = grow(this.dataset, new Int32Array(size));
      this.bytes = grow(this.bytes, new Float64Array(size));
    }
    const i = this.count++;
    this.next[i] = this.first[arc];
    this.dataset[i] = k;
    this.bytes[i] = b;
    this.first[arc] = i;
  }
}

/**
 * Cancels the flow cycles of one slot's block in place (step 1 of the module header).
 * @returns the number of cycles cancelled
 */
function cancelCycles(
  ten: TimeExpandedNetwork,
  flow: Float64Array,
  out: { start: Int32Array; list: Int32Array },
  base: number,
  work: { state: Uint8Array; ptr: Int32Array; stack: Int32Array; stackArc: Int32Array },
): number {
  const B = ten.blockSize;
  const { state, ptr, stack, stackArc } = work;
  const { heads, kind } = ten;
  state.fill(0);
  for (let i = 0; i < B; i++) ptr[i] = out.start[base + i];
  let cancelled = 0;
  for (let root = 0; root < B; root++) {
    if (state[root] !== 0) continue;
    let top = 0;
    stack[0] = root;
    state[root] = 1;
    while (top >= 0) {
      const u = stack[top];
      const end = out.start[base + u + 1];
      let p = ptr[u];
      while (
        p < end &&
        (!isIntra(kind[out.list[p]]) || flow[out.list[p]] <= 0 || state[heads[out.list[p]] - base] === 2)
      )
        p++;
      ptr[u] = p;
      if (p === end) {
        state[u] = 2;
        top--;
        continue;
      }
      const a = out.list[p];
      const w = heads[a] - base;
      if (state[w] === 0) {
        state[w] = 1;
        stackArc[top] = a;
        stack[++top] = w;
        continue;
      }
      // w is on the stack: the cycle is stackArc[pos(w) … top−1] plus a.
      stackArc[top] = a;
      let pos = top;
      while (stack[pos] !== w) pos--;
      let min = Number.POSITIVE_INFINITY;
      for (let i = pos; i <= top; i++) min = Math.min(min, flow[stackArc[i]]);
      let firstEmpty = -1;
      for (let i = pos; i <= top; i++) {
        flow[stackArc[i]] -= min;
        if (firstEmpty < 0 && flow[stackArc[i]] === 0) firstEmpty = i;
      }
      cancelled++;
      for (let i = firstEmpty + 1; i <= top; i++) state[stack[i]] = 0;
      top = firstEmpty;
    }
  }
  return cancelled;
}

/**
 * Decodes a flow (quanta per input arc of `ten`) into plan rows.
 * @param bytesIn - real bytes each dataset puts on its source arc (≤ flow × q)
 * @throws Error if the flow is not a valid flow of `ten` (an internal bug)
 */
export function decodeFlow(
  scenario: Scenario,
  ten: TimeExpandedNetwork,
  flowIn: Float64Array,
  bytesIn: readonly number[],
): DecodedFlow {
  const flow = flowIn.slice();
  const { heads, kind, elem } = ten;
  const q = ten.quantum;
  const m = ten.arcCount;
  const B = ten.blockSize;
  const K = scenario.datasets.length;
  const out = arcsOut(ten);
  const inc = arcsInto(ten);
  const nodeIndex = new Map(scenario.nodes.map((nd, i) => [nd.id, i]));
  const originOf = scenario.datasets.map((d) => nodeIndex.get(d.at) as number);
  const rank = new Int32Array(K);
  scenario.datasets
    .map((d, k) => ({ id: d.id, k }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .forEach((e, r) => {
      rank[e.k] = r;
    });

  const alloc = new Allocations(m);
  for (let k = 0; k < K; k++) if (bytesIn[k] > 0) alloc.add(ten.sourceArc[k], k, bytesIn[k]);

  const work = {
    state: new Uint8Array(B),
    ptr: new Int32Array(B),
    stack: new Int32Array(B + 1),
    stackArc: new Int32Array(B + 1),
  };
  const indeg = new Int32Array(B);
  const order = new Int32Array(B);
  const acc = new Float64Array(K);
  const touched: number[] = [];
  const held = new Float64Array(scenario.nodes.length);
  const heldNodes: number[] = [];
  const byRank = (a: number, b: number) => rank[a] - rank[b];
  const transfers: Transfer[] = [];
  const deliveries: Delivery[] = [];
  const storage: StorageRow[] = [];
  const delivered = scenario.datasets.map(() => new Map<string, number>());
  const lastSlot = new Int32Array(K).fill(-1);
  let cyclesCancelled = 0;

  /** Hands node v's inventory (slot t) to its outgoing arcs: step 2 of the module header. */
  const allocate = (v: number, t: number): void => {
    for (let p = inc.start[v]; p < inc.start[v + 1]; p++) {
      for (let e = alloc.first[inc.list[p]]; e >= 0; e = alloc.next[e]) {
        const k = alloc.dataset[e];
        if (acc[k] === 0) touched.push(k);
        acc[k] += alloc.bytes[e];
      }
    }
    if (touched.length === 0) return;
    touched.sort(byRank);
    let next = 0;
    for (let p = out.start[v]; p < out.start[v + 1] && next < touched.length; p++) {
      const a = out.list[p];
      const ka = kind[a];
      if (flow[a] <= 0 || ka === ArcKind.INGRESS || ka === ArcKind.APPCAP) continue;
      let room = flow[a] * q;
      while (room > 0 && next < touched.length) {
        const k = touched[next];
        const b = Math.min(acc[k], room);
        room -= b;
        acc[k] -= b;
        if (acc[k] === 0) next++;
        if (ka === ArcKind.DELIVER) {
          const node = scenario.nodes[elem[a]].id;
          deliveries.push({ slot: t, node, dataset: scenario.datasets[k].id, bytes: b });
          delivered[k].set(node, (delivered[k].get(node) ?? 0) + b);
          lastSlot[k] = t;
          continue;
        }
        alloc.add(a, k, b);
        if (ka === ArcKind.LINK) {
          const link = scenario.links[elem[a]];
          transfers.push({
            slot: t,
            link: link.id,
            from: link.from,
            to: link.to,
            dataset: scenario.datasets[k].id,
            bytes: b,
          });
        } else if (ka === ArcKind.HOLD && originOf[k] !== elem[a]) {
          if (held[elem[a]] === 0) heldNodes.push(elem[a]);
          held[elem[a]] += b;
        }
      }
    }
    if (next < touched.length) {
      throw new Error(
        `scheduler: ${acc[touched[next]]} bytes stranded at ${ten.nodeName(v)} (flow is not conserved)`,
      );
    }
    touched.length = 0;
  };
  // Origin stores first: they feed the releases of every slot.
  for (const x of ten.stores) allocate(x, -1);
  for (let t = 0; t < ten.slots; t++) {
    const base = t * B;
    cyclesCancelled += cancelCycles(ten, flow, out, base, work);
    // Kahn's order over positive-flow intra-slot arcs.
    indeg.fill(0);
    for (let u = 0; u < B; u++) {
      for (let p = out.start[base + u]; p < out.start[base + u + 1]; p++) {
        const a = out.list[p];
        if (isIntra(kind[a]) && flow[a] > 0) indeg[heads[a] - base]++;
      }
    }
    let qh = 0;
    let qt = 0;
    for (let u = 0; u < B; u++) if (indeg[u] === 0) order[qt++] = u;
    while (qh < qt) {
      const u = order[qh++];
      for (let p = out.start[base + u]; p < out.start[base + u + 1]; p++) {
        const a = out.list[p];
        if (isIntra(kind[a]) && flow[a] > 0 && --indeg[heads[a] - base] === 0) order[qt++] = heads[a] - base;
      }
    }
    if (qt !== B) throw new Error(`scheduler: flow cycle left in slot ${t} after cancelling`);
    heldNodes.length = 0;
    for (let i = 0; i < B; i++) allocate(base + order[i], t);
    for (const node of heldNodes) {
      storage.push({ slot: t, node: scenario.nodes[node].id, bytes: held[node] });
      held[node] = 0;
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  transfers.sort((a, b) => a.slot - b.slot || cmp(a.link, b.link) || cmp(a.dataset, b.dataset));
  deliveries.sort((a, b) => a.slot - b.slot || cmp(a.node, b.node) || cmp(a.dataset, b.dataset));
  storage.sort((a, b) => a.slot - b.slot || cmp(a.node, b.node));
  return { transfers, deliveries, storage, delivered, lastSlot, cyclesCancelled };
}
