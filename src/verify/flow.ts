/**
 * Flow checks of the verifier (PLAN.md "Valid", second rule): conservation, holding and staging.
 *
 * Model. For dataset d, node v and slot t,
 *   in(d,v,t) + held(d,v,t−1) + released(d,v,t) = out(d,v,t) + held(d,v,t) + stored(d,v,t),
 * with held(d,v,−1) = 0, `released` = copies × wire at the origin in the ready slot, `in`/`out`
 * the dataset's transfers into/out of v in slot t and `stored` its deliveries at v. `held` is
 * derived from the equation (the running balance), so the plan is conservative exactly when:
 *   - held(d,v,t) ≥ 0 everywhere (`conservation`: more bytes leave than are there);
 *   - held(d,v,t) = 0 at exchanges (`hold-exchange`) and at nodes without storage other than the
 *     dataset's origin (`hold-no-storage`), where bytes are held for free (SCENARIO.md "Holding");
 *   - the staging total Σ_d held(d,v,t) over datasets whose origin is not v equals the plan's
 *     `storage` row for (t, v), 0 without a row (`storage-row`), and stays within the node's
 *     `storage` (`storage-limit`). A negative staging total is left to `conservation`, which has
 *     reported the negative balance behind it.
 * Moves before the ready slot are reported by the row checks; here they simply count.
 *
 * Method: rows are bucketed by slot (stable counting sort), and the slots are swept in order with
 * exact running balances per (dataset, node) pair ({@link ExactSums}); only pairs touched in a
 * slot are re-examined, since an untouched balance keeps its value. A fault is reported when it
 * starts (a balance becomes negative, or a forbidden holding appears), not again while it lasts
 * unchanged; a storage mismatch or excess that persists unchanged is reported once, with the last
 * slot of the run.
 *
 * Complexity: O(rows + slots × nodes) time, O(pairs + nodes + slots) memory.
 * Reference: PLAN.md "Valid"; SCENARIO.md "Holding".
 */
import type { Scenario } from '../io/model.js';
import type { Pairs } from './pairs.js';
import type { ViolationSink } from './report.js';
import type { PlanRows } from './rows.js';
import { ExactSums } from './sums.js';

/** Row indices bucketed by slot: rows of slot t are `order[start[t] .. start[t+1])`, in plan order. */
export interface SlotBuckets {
  readonly start: Int32Array;
  readonly order: Int32Array;
}

/** Stable counting sort of the counted rows (`ok[i]`) by slot. */
export function bySlot(slot: Int32Array, ok: Uint8Array, slots: number): SlotBuckets {
  const start = new Int32Array(slots + 1);
  for (let i = 0; i < slot.length; i++) if (ok[i]) start[slot[i] + 1]++;
  for (let t = 0; t < slots; t++) start[t + 1] += start[t];
  const fill = start.slice(0, slots);
  const order = new Int32Array(start[slots]);
  for (let i = 0; i < slot.length; i++) if (ok[i]) order[fill[slot[i]]++] = i;
  return { start, order };
}

/** How a node may hold a dataset's bytes. */
const FREE = 0; // the dataset's origin
const STAGING = 1; // a node with storage
const EXCHANGE = 2;
const NO_STORAGE = 3;

/** Per-pair fault flags (a fault is reported when it starts). */
const NEGATIVE = 1;
const HOLDING = 2;

const NONE = -1;

/** Checks conservation, holding and staging; appends violations to `sink`. */
export function checkFlow(s: Scenario, rows: PlanRows, pairs: Pairs, sink: ViolationSink): void {
  const S = s.horizon.slots;
  const N = s.nodes.length;
  const P = pairs.count;
  const tb = bySlot(rows.tSlot, rows.tOk, S);
  const db = bySlot(rows.dSlot, rows.dOk, S);
  const sb = bySlot(rows.sSlot, rows.sOk, S);
  const readyOk = new Uint8Array(s.datasets.length).fill(1);
  const rb = bySlot(
    Int32Array.from(s.datasets, (d) => d.readySlot),
    readyOk,
    S,
  );

  const kind = new Uint8Array(P);
  for (let p = 0; p < P; p++) {
    const node = s.nodes[pairs.node[p]];
    kind[p] =
      s.datasets[pairs.ds[p]].at === node.id
        ? FREE
        : node.kind === 'exchange'
          ? EXCHANGE
          : node.storage > 0n
            ? STAGING
            : NO_STORAGE;
  }
  const held = new ExactSums(P);
  const inS = new ExactSums(P);
  const outS = new ExactSums(P);
  const storedS = new ExactSums(P);
  const released = new ExactSums(P);
  const firstIn = new Int32Array(P).fill(NONE);
  const firstOut = new Int32Array(P).fill(NONE); // transfer i → i, delivery j → −2 − j
  const stamp = new Int32Array(P).fill(-1);
  const touched = new Int32Array(P);
  const fault = new Uint8Array(P);

  const staging = new ExactSums(N);
  const stagingDelta = new ExactSums(N); // change of the staging total within the current slot
  const nodeStamp = new Int32Array(N).fill(-1);
  const limit = s.nodes.map((n) =>
    n.storage <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n.storage) : n.storage,
  );
  const rowAt = new Int32Array(N).fill(NONE);
  const rowRun = new Runs(N, sink);
  const limitRun = new Runs(N, sink);

  for (let t = 0; t < S; t++) {
    let nt = 0;
    for (let k = rb.start[t]; k < rb.start[t + 1]; k++) {
      const d = rb.order[k];
      const p = d; // pair d is dataset d at its origin (buildPairs)
      if (stamp[p] !== t) {
        stamp[p] = t;
        touched[nt++] = p;
      }
      const ds = s.datasets[d];
      const amount = BigInt(ds.copies) * BigInt(ds.wire);
      held.addBig(p, amount);
      released.addBig(p, amount);
    }
    for (let k = tb.start[t]; k < tb.start[t + 1]; k++) {
      const i = tb.order[k];
      const b = rows.tBytes[i];
      const pf = pairs.tFrom[i];
      const pt = pairs.tTo[i];
      if (stamp[pf] !== t) {
        stamp[pf] = t;
        touched[nt++] = pf;
      }
      if (stamp[pt] !== t) {
        stamp[pt] = t;
        touched[nt++] = pt;
      }
      held.add(pf, -b);
      held.add(pt, b);
      outS.add(pf, b);
      inS.add(pt, b);
      if (firstOut[pf] === NONE) firstOut[pf] = i;
      if (firstIn[pt] === NONE) firstIn[pt] = i;
      if (kind[pf] !== FREE) {
        staging.add(pairs.node[pf], -b);
        stagingDelta.add(pairs.node[pf], -b);
        nodeStamp[pairs.node[pf]] = t;
      }
      if (kind[pt] !== FREE) {
        staging.add(pairs.node[pt], b);
        stagingDelta.add(pairs.node[pt], b);
        nodeStamp[pairs.node[pt]] = t;
      }
    }
    for (let k = db.start[t]; k < db.start[t + 1]; k++) {
      const j = db.order[k];
      const b = rows.dBytes[j];
      const p = pairs.del[j];
      if (stamp[p] !== t) {
        stamp[p] = t;
        touched[nt++] = p;
      }
      held.add(p, -b);
      storedS.add(p, b);
      if (firstOut[p] === NONE) firstOut[p] = -2 - j;
      if (kind[p] !== FREE) {
        staging.add(pairs.node[p], -b);
        stagingDelta.add(pairs.node[p], -b);
        nodeStamp[pairs.node[p]] = t;
      }
    }
    for (let k = 0; k < nt; k++) {
      const p = touched[k];
      const sign = held.sign(p);
      if (sign < 0) {
        if (!(fault[p] & NEGATIVE))
          reportNegative(
            s,
            rows,
            pairs,
            sink,
            t,
            p,
            { held, inS, outS, storedS, released },
            firstOut[p],
            firstIn[p],
          );
        fault[p] |= NEGATIVE;
      } else fault[p] &= ~NEGATIVE;
      if (sign > 0 && kind[p] >= EXCHANGE) {
        if (!(fault[p] & HOLDING))
          reportHolding(s, rows, pairs, sink, t, p, kind[p], held.get(p), firstIn[p], firstOut[p]);
        fault[p] |= HOLDING;
      } else fault[p] &= ~HOLDING;
      inS.clear(p);
      outS.clear(p);
      storedS.clear(p);
      released.clear(p);
      firstIn[p] = NONE;
      firstOut[p] = NONE;
    }
    for (let k = sb.start[t]; k < sb.start[t + 1]; k++) rowAt[rows.sNode[sb.order[k]]] = sb.order[k];
    for (let v = 0; v < N; v++) {
      const r = rowAt[v];
      const moved = nodeStamp[v] === t && stagingDelta.sign(v) !== 0;
      if (nodeStamp[v] === t) stagingDelta.clear(v);
      const changed = r !== NONE || moved;
      const rowBytes = r === NONE ? 0 : rows.sBytes[r];
      const id = s.nodes[v].id;
      if (staging.compare(v, rowBytes) !== 0 && staging.sign(v) >= 0) {
        if (changed || !rowRun.extends(v, t)) {
          const got = staging.get(v);
          if (r === NONE) {
            rowRun.open(
              v,
              t,
              'storage-row',
              `node ${id} holds ${got} staging bytes at the end of slot ${t}, but the plan has no storage row for it`,
            );
          } else {
            rowRun.open(
              v,
              t,
              'storage-row',
              `the row says ${rowBytes} bytes, but the transfers and deliveries leave ${got} staging bytes at ${id} at the end of slot ${t}`,
              r,
              rows.storage[r],
            );
          }
        }
      } else rowRun.close(v);
      const lim = limit[v];
      if (lim !== 0 && staging.compare(v, lim) > 0) {
        if (moved || !limitRun.extends(v, t)) {
          limitRun.open(
            v,
            t,
            'storage-limit',
            `node ${id} holds ${staging.get(v)} staging bytes at the end of slot ${t}, over its storage ${lim} bytes`,
            r === NONE ? undefined : r,
            r === NONE ? undefined : rows.storage[r],
          );
        }
      } else limitRun.close(v);
    }
    for (let k = sb.start[t]; k < sb.start[t + 1]; k++) rowAt[rows.sNode[sb.order[k]]] = NONE;
  }
  rowRun.closeAll();
  limitRun.closeAll();
}

/** Per-node runs of one persisting fault: reported once, with the last slot appended. */
class Runs {
  private readonly violation: Int32Array;
  private readonly first: Int32Array;
  private readonly last: Int32Array;

  constructor(
    n: number,
    private readonly sink: ViolationSink,
  ) {
    this.violation = new Int32Array(n).fill(NONE);
    this.first = new Int32Array(n);
    this.last = new Int32Array(n);
  }

  /** Extends node v's open run to slot t when it ran through slot t − 1; false otherwise. */
  extends(v: number, t: number): boolean {
    if (this.violation[v] === NONE || this.last[v] !== t - 1) return false;
    this.last[v] = t;
    return true;
  }

  /** Closes node v's run, if any, and opens a new one with a fresh violation. */
  open(
    v: number,
    t: number,
    rule: 'storage-row' | 'storage-limit',
    message: string,
    row?: number,
    value?: unknown,
  ): void {
    this.close(v);
    this.violation[v] = this.sink.add(rule, message, row === undefined ? undefined : 'storage', row, value);
    this.first[v] = t;
    this.last[v] = t;
  }

  /** Closes node v's run: notes the slots it lasted beyond its first. */
  close(v: number): void {
    const k = this.violation[v];
    if (k === NONE) return;
    if (this.last[v] > this.first[v])
      this.sink.list[k].message += ` (unchanged through slot ${this.last[v]})`;
    this.violation[v] = NONE;
  }

  closeAll(): void {
    for (let v = 0; v < this.violation.length; v++) this.close(v);
  }
}

interface Balances {
  readonly held: ExactSums;
  readonly inS: ExactSums;
  readonly outS: ExactSums;
  readonly storedS: ExactSums;
  readonly released: ExactSums;
}

function rowOf(rows: PlanRows, code: number): ['transfers' | 'deliveries', number, unknown] | undefined {
  if (code === NONE) return undefined;
  if (code >= 0) return ['transfers', code, rows.transfers[code]];
  const j = -2 - code;
  return ['deliveries', j, rows.deliveries[j]];
}

function reportNegative(
  s: Scenario,
  rows: PlanRows,
  pairs: Pairs,
  sink: ViolationSink,
  t: number,
  p: number,
  b: Balances,
  firstOut: number,
  firstIn: number,
): void {
  const ds = s.datasets[pairs.ds[p]].id;
  const node = s.nodes[pairs.node[p]].id;
  const h = b.held.bigint(p);
  const inB = b.inS.bigint(p);
  const out = b.outS.bigint(p);
  const st = b.storedS.bigint(p);
  const rel = b.released.bigint(p);
  const before = h - inB - rel + out + st;
  const row = rowOf(rows, firstOut) ?? rowOf(rows, firstIn);
  sink.add(
    'conservation',
    `dataset ${ds} at node ${node} in slot ${t}: ${out + st} bytes leave (out ${out}, stored ${st}) but only ` +
      `${before + inB + rel} are there (held ${before} from slot ${t - 1}, in ${inB}, released ${rel}); held would be ${h}`,
    row?.[0],
    row?.[1],
    row?.[2],
  );
}

function reportHolding(
  s: Scenario,
  rows: PlanRows,
  pairs: Pairs,
  sink: ViolationSink,
  t: number,
  p: number,
  kind: number,
  amount: number | bigint,
  firstIn: number,
  firstOut: number,
): void {
  const ds = s.datasets[pairs.ds[p]].id;
  const node = s.nodes[pairs.node[p]].id;
  const row = rowOf(rows, firstIn) ?? rowOf(rows, firstOut);
  const message =
    kind === EXCHANGE
      ? `dataset ${ds} holds ${amount} bytes at exchange ${node} at the end of slot ${t}; exchanges hold nothing`
      : `dataset ${ds} holds ${amount} bytes at node ${node} at the end of slot ${t}, but ${node} has no storage ` +
        '(only a dataset’s own origin holds without storage)';
  sink.add(kind === EXCHANGE ? 'hold-exchange' : 'hold-no-storage', message, row?.[0], row?.[1], row?.[2]);
}
