/**
 * Maximum s–t flow by highest-label push-relabel, stateful so that it can re-solve warm.
 *
 * Model: a {@link FlowNetwork} G = (V, E) with integer capacities u, a source s and a sink t. A
 * preflow f satisfies 0 ≤ f ≤ u on every input arc and inflow ≥ outflow at every node but s; the
 * difference is the node's excess. The solver keeps f in residual form: `res[a]` is the residual
 * capacity of residual arc a, and on a reverse arc it equals the flow of its input arc.
 *
 * Algorithm (Goldberg–Tarjan push-relabel, in the hi_pr variant of Cherkassky–Goldberg):
 * - Phase 1 computes a maximum preflow. Distance labels d satisfy d(t) = 0, d(s) = n and
 *   d(v) ≤ d(w) + 1 for every residual arc v→w (validity). The active node (excess > 0,
 *   d < n) of highest label is discharged: pushes along admissible arcs (d(v) = d(w) + 1),
 *   scanned from a current-arc pointer, then a relabel to 1 + min d(w) over residual arcs.
 *   Global relabelling (backward BFS from t: exact distances, n for nodes that cannot reach t)
 *   runs at the start and after relabel work of about (6n + m)/0.5; the gap heuristic lifts to n
 *   every node above a label that no node holds any more. Nodes at label n are cut off from t.
 * - Phase 2 ({@link returnExcess}) sends the excess of cut-off nodes back to s.
 * Buckets: per label, a singly linked stack of active nodes and a doubly linked list of inactive
 * ones (the gap test and gap lifting need the latter).
 *
 * Warm start: `solve()` always starts from the current flow. It relabels globally, then saturates
 * the residual arcs out of s whose heads can reach t (validity needs d(w) ≥ n − 1 only on residual
 * arcs out of s, which holds for the heads left at label n). After a capacity increase the old
 * flow stays feasible; after a decrease below the flow, `setCapacity` lowers the flow on the arc,
 * leaving excess at its tail (a preflow allows that) and repairing the deficit at its head
 * ({@link repairDeficit}). So every solve continues from a preflow and does work in proportion to
 * what changed, plus O(n + m) for the global relabelling and the flow conversion.
 *
 * Complexity: O(n²√m) for phase 1 with highest-label selection; phase 2 O(nm) worst case.
 * Memory: 34 bytes per input arc (residuals, pair capacities, direction flags) + 40 bytes per
 * node, on top of the
 * network's 36 bytes per arc.
 *
 * Exactness: all quantities are integers below 2^53 held in float64, which holds when the
 * capacities out of s sum to less than 2^53 (every excess is a part of that sum); `solve()`
 * returns `bad-input` otherwise.
 *
 * References: A. V. Goldberg, R. E. Tarjan, "A new approach to the maximum-flow problem", JACM
 * 35(4), 1988; B. V. Cherkassky, A. V. Goldberg, "On implementing the push-relabel method for the
 * maximum flow problem", Algorithmica 19(4), 1997.
 */
import type { MaxFlowCounters, MaxFlowOptions, MaxFlowResult, MinCut } from './maxflow-types.js';
import { diffCounters, zeroCounters } from './maxflow-types.js';
import { residualMinCut } from './min-cut.js';
import { CAPACITY_LIMIT, type FlowNetwork } from './network.js';
import { repairDeficit } from './repair-deficit.js';
import { returnExcess } from './return-excess.js';

/** Relabel work weight of one relabel (hi_pr's BETA) and node weight of the update period (ALPHA). */
const RELABEL_WORK = 12;
const NODE_WORK = 6;

/**
 * A push-relabel max-flow solver over one network that keeps its flow between solves (see the
 * module header): change capacities, snapshot and restore the flow, and solve again warm.
 */
export class MaxFlowSolver {
  /** Cumulative work counters over every call on this solver. */
  readonly counters: MaxFlowCounters = zeroCounters();

  private readonly net: FlowNetwork;
  private readonly n: number;
  private readonly s: number;
  private readonly t: number;
  private readonly badInput: string | null;
  private readonly heuristics: boolean;
  private readonly updatePeriod: number;
  private readonly flatColdStart: boolean;
  /** Residual capacity per residual arc; on reverse arcs, the flow of the input arc. */
  private readonly res: Float64Array;
  /**
   * Capacity of each residual arc plus that of its reverse (= the input arc's capacity), so that
   * res[rev[a]] = pair[a] − res[a] is known without touching the reverse arc's memory.
   */
  private readonly pair: Float64Array;
  /** 1 on forward residual arcs. */
  private readonly forward: Uint8Array;
  /** Inflow − outflow per node (negative at s). */
  private readonly excess: Float64Array;
  private readonly label: Int32Array;
  private readonly cur: Int32Array;
  private readonly aFirst: Int32Array;
  private readonly aNext: Int32Array;
  private readonly iFirst: Int32Array;
  private readonly iNext: Int32Array;
  private readonly iPrev: Int32Array;
  private readonly queue: Int32Array;
  /** Next visit stamp of the deficit repair (> n, so that no label is mistaken for a stamp). */
  private stamp: number;
  private aMax = -1;
  private dMax = 0;
  /** Relabel work since the last global relabelling. */
  private work = 0;

  /**
   * @param net - the network (not modified: the solver keeps its own residual capacities)
   * @param source - source node s
   * @param sink - sink node t (≠ s)
   * @param options - see {@link MaxFlowOptions}
   */
  constructor(net: FlowNetwork, source: number, sink: number, options: MaxFlowOptions = {}) {
    this.net = net;
    const n = net.n;
    this.n = n;
    this.s = source;
    this.t = sink;
    this.badInput = checkTerminals(n, source, sink);
    this.heuristics = options.heuristics ?? true;
    this.flatColdStart = options.flatColdStart ?? true;
    const freq = options.globalUpdateFrequency ?? 0.5;
    if (!(freq > 0)) throw new RangeError(`MaxFlowSolver: globalUpdateFrequency must be > 0, got ${freq}`);
    this.updatePeriod = (NODE_WORK * n + net.arcCount) / freq;
    this.res = net.capacity.slice();
    this.forward = new Uint8Array(net.head.length);
    this.pair = new Float64Array(net.head.length);
    for (let i = 0; i < net.arcCount; i++) {
      const a = net.arcOf[i];
      this.forward[a] = 1;
      this.pair[a] = net.capacity[a];
      this.pair[net.rev[a]] = net.capacity[a];
    }
    this.excess = new Float64Array(n);
    this.label = new Int32Array(n);
    this.cur = new Int32Array(n);
    this.aFirst = new Int32Array(n + 1).fill(-1);
    this.aNext = new Int32Array(n);
    this.iFirst = new Int32Array(n + 1).fill(-1);
    this.iNext = new Int32Array(n);
    this.iPrev = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.stamp = n + 1;
  }

  /**
   * Sets the capacity of input arc `inputArc`. Raising it keeps the flow; lowering it below the
   * arc's flow lowers the flow and repairs the state (see the module header), so the next
   * `solve()` is correct either way.
   * @throws RangeError for an arc index out of range or a capacity not an integer in [0, 2^53)
   */
  setCapacity(inputArc: number, capacity: number): void {
    this.checkArc(inputArc);
    if (!(capacity >= 0 && capacity < CAPACITY_LIMIT) || !Number.isInteger(capacity)) {
      throw new RangeError(
        `MaxFlowSolver.setCapacity: arc ${inputArc}: capacity must be an integer in [0, 2^53), got ${capacity}`,
      );
    }
    const a = this.net.arcOf[inputArc];
    const b = this.net.rev[a];
    const flow = this.res[b];
    this.pair[a] = capacity;
    this.pair[b] = capacity;
    if (capacity >= flow) {
      this.res[a] = capacity - flow;
      return;
    }
    this.res[a] = 0;
    this.res[b] = capacity;
    const delta = flow - capacity;
    this.excess[this.net.head[b]] += delta;
    const w = this.net.head[a];
    this.excess[w] -= delta;
    if (w !== this.s && w !== this.t) this.repair(w);
  }

  /** Current capacity of input arc `inputArc`. */
  capacityOf(inputArc: number): number {
    this.checkArc(inputArc);
    return this.pair[this.net.arcOf[inputArc]];
  }

  /** Current capacities of all input arcs. */
  capacities(): Float64Array {
    const { arcOf, arcCount } = this.net;
    const out = new Float64Array(arcCount);
    for (let i = 0; i < arcCount; i++) out[i] = this.pair[arcOf[i]];
    return out;
  }

  /**
   * Computes a maximum flow, starting from the current flow (cold on a fresh solver).
   * @returns `optimal` with the value, per-arc flows and this solve's counters, or `bad-input`
   */
  solve(): MaxFlowResult {
    if (this.badInput !== null) return { status: 'bad-input', message: this.badInput };
    const overflow = this.sourceOverflow();
    if (overflow !== null) return { status: 'bad-input', message: overflow };
    const before = { ...this.counters };
    this.counters.solves++;
    if (!this.heuristics) this.flatLabels(0);
    else if (this.counters.solves === 1 && this.flatColdStart) this.flatLabels(1);
    else this.globalRelabel();
    this.saturateSource();
    this.phase1();
    const st = this.net;
    const back = returnExcess({
      n: this.n,
      s: this.s,
      t: this.t,
      start: st.start,
      head: st.head,
      rev: st.rev,
      res: this.res,
      forward: this.forward,
      excess: this.excess,
      cur: this.cur,
      color: this.label,
      stack: this.aNext,
      order: this.iNext,
    });
    // Phase 2 used the labels as colours; the deficit repair's visit stamps must exceed them.
    this.stamp = this.n + 1;
    this.counters.cyclesCancelled += back.cycles;
    this.counters.returnPushes += back.pushes;
    return {
      status: 'optimal',
      value: this.excess[this.t],
      flow: this.flows(),
      counters: diffCounters(this.counters, before),
    };
  }

  /** Flow value: net inflow of the sink in the current state. */
  get value(): number {
    return this.excess[this.t];
  }

  /** Flow on input arc `inputArc`. */
  flowOf(inputArc: number): number {
    this.checkArc(inputArc);
    return this.res[this.net.rev[this.net.arcOf[inputArc]]];
  }

  /** Flow on every input arc (a fresh array). */
  flows(): Float64Array {
    const { arcOf, arcCount } = this.net;
    const out = new Float64Array(arcCount);
    // pair − res on the forward arc: one scattered read per arc instead of two.
    for (let i = 0; i < arcCount; i++) {
      const a = arcOf[i];
      out[i] = this.pair[a] - this.res[a];
    }
    return out;
  }

  /** The current flow on every input arc, to {@link MaxFlowSolver.restore} later. */
  snapshot(): Float64Array {
    return this.flows();
  }

  /**
   * Puts back the flow of a {@link MaxFlowSolver.snapshot} (one flow per input arc), under the
   * capacities as they are now, in O(n + m). Where a capacity is now below the snapshot's flow,
   * the flow is lowered to the capacity and the state repaired as by `setCapacity`, so the next
   * `solve()` is still correct (just warm from a nearby state).
   * @throws RangeError if the length differs from the arc count or a flow is not an integer ≥ 0
   */
  restore(snap: Float64Array): void {
    const { arcOf, rev, head, arcCount } = this.net;
    if (snap.length !== arcCount) {
      throw new RangeError(
        `MaxFlowSolver.restore: snapshot has ${snap.length} arcs, the network ${arcCount}`,
      );
    }
    for (let i = 0; i < arcCount; i++) {
      const f = snap[i];
      if (!(f >= 0 && f < CAPACITY_LIMIT) || !Number.isInteger(f)) {
        throw new RangeError(
          `MaxFlowSolver.restore: arc ${i}: flow must be an integer in [0, 2^53), got ${f}`,
        );
      }
    }
    const res = this.res;
    const excess = this.excess;
    excess.fill(0);
    for (let i = 0; i < arcCount; i++) {
      const a = arcOf[i];
      const b = rev[a];
      const cap = this.pair[a];
      const f = Math.min(snap[i], cap);
      res[a] = cap - f;
      res[b] = f;
      excess[head[a]] += f;
      excess[head[b]] -= f;
    }
    for (let v = 0; v < this.n; v++) {
      if (excess[v] < 0 && v !== this.s && v !== this.t) this.repair(v);
    }
  }

  /**
   * A minimum cut of the current state: the nodes reachable from s in the residual network and
   * the input arcs leaving them. After `solve()` its capacity equals the flow value.
   */
  minCut(): MinCut {
    return residualMinCut(this.net, this.res, this.s, this.queue);
  }

  /** Bytes held by the solver's own typed arrays (the network's are separate). */
  byteSize(): number {
    let b = this.res.byteLength + this.pair.byteLength + this.forward.byteLength;
    b += this.excess.byteLength + this.label.byteLength;
    b += this.cur.byteLength + this.aFirst.byteLength + this.aNext.byteLength + this.iFirst.byteLength;
    b += this.iNext.byteLength + this.iPrev.byteLength + this.queue.byteLength;
    return b;
  }

  private checkArc(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.net.arcCount) {
      throw new RangeError(`MaxFlowSolver: input arc ${i} out of range 0…${this.net.arcCount - 1}`);
    }
  }

  private repair(v: number): void {
    if (this.stamp > 2 ** 31 - 2 - this.n) {
      // Between solves the labels are scratch (every solve recomputes them): clear and restart.
      this.label.fill(0);
      this.stamp = this.n + 1;
    }
    const r = repairDeficit(
      {
        s: this.s,
        t: this.t,
        start: this.net.start,
        head: this.net.head,
        rev: this.net.rev,
        res: this.res,
        forward: this.forward,
        excess: this.excess,
        seen: this.label,
        stack: this.aNext,
        arcStack: this.iNext,
      },
      v,
      this.stamp,
    );
    // The labels double as visit stamps (every solve recomputes the labels before use).
    this.stamp = r.stamp;
    this.counters.repairPaths += r.paths;
  }

  /** Message if the capacities out of s could make an excess reach 2^53, else null. */
  private sourceOverflow(): string | null {
    const { start } = this.net;
    let sum = 0;
    for (let a = start[this.s]; a < start[this.s + 1]; a++) {
      if (this.forward[a] === 1) sum += this.pair[a];
    }
    if (sum >= CAPACITY_LIMIT) {
      return `the capacities out of the source sum to ${sum}, at least 2^53: flow values would not be exact`;
    }
    return null;
  }

  /** Exact distance labels by backward BFS from t; rebuilds the buckets. O(n + m). */
  private globalRelabel(): void {
    const { n, t, label, aFirst, iFirst, queue } = this;
    this.counters.globalUpdates++;
    // The visit stamps of repairDeficit live in `label` above n: restart them, as every label is
    // rewritten here.
    this.stamp = n + 1;
    label.fill(n);
    aFirst.fill(-1);
    iFirst.fill(-1);
    label[t] = 0;
    queue[0] = t;
    this.aMax = -1;
    this.dMax = 0;
    let qt = 1;
    // One call per node: short, frequently called functions get optimised with full type
    // feedback, which a single long loop (compiled by on-stack replacement) does not.
    for (let qh = 0; qh < qt; qh++) qt = this.labelNeighbours(queue[qh], qt);
  }

  /** BFS step of {@link globalRelabel}: labels the unlabelled nodes that reach w, enqueues them. */
  private labelNeighbours(w: number, qt: number): number {
    const { n, s, label, cur, excess, aFirst, aNext, iFirst, iNext, iPrev, res, pair, queue } = this;
    const { start, head } = this.net;
    const d = label[w] + 1;
    const end = start[w + 1];
    for (let a = start[w]; a < end; a++) {
      const v = head[a];
      if (label[v] !== n || v === s || res[a] >= pair[a]) continue;
      label[v] = d;
      cur[v] = start[v];
      if (excess[v] > 0) {
        aNext[v] = aFirst[d];
        aFirst[d] = v;
        this.aMax = d;
      } else {
        const f = iFirst[d];
        iNext[v] = f;
        iPrev[v] = -1;
        if (f >= 0) iPrev[f] = v;
        iFirst[d] = v;
      }
      this.dMax = d;
      queue[qt++] = v;
    }
    return qt;
  }

  /**
   * Flat labels: every node `base` (s: n, t: 0), valid once every residual arc out of s is
   * saturated. `base` 0 without heuristics (textbook start); 1 for the cold start, which lets the
   * first global relabelling wait for the first relabel work, as Boost and hi_pr's variants do.
   */
  private flatLabels(base: number): void {
    const { n, s, t, label, cur, excess, aFirst, aNext, iFirst, iNext, iPrev } = this;
    this.stamp = n + 1;
    label.fill(base);
    label[s] = n;
    label[t] = 0;
    cur.set(this.net.start.subarray(0, n));
    aFirst.fill(-1);
    iFirst.fill(-1);
    let aMax = -1;
    for (let v = 0; v < n; v++) {
      if (v === s || v === t) continue;
      if (excess[v] > 0) {
        aNext[v] = aFirst[base];
        aFirst[base] = v;
        aMax = base;
      } else {
        const f = iFirst[base];
        iNext[v] = f;
        iPrev[v] = -1;
        if (f >= 0) iPrev[f] = v;
        iFirst[base] = v;
      }
    }
    this.aMax = aMax;
    this.dMax = base;
  }

  /** Pushes the full residual capacity of every arc out of s whose head has a label below n. */
  private saturateSource(): void {
    const { n, s, t, label, excess, aFirst, aNext, iFirst, iNext, iPrev, res } = this;
    const { start, head, rev } = this.net;
    let aMax = this.aMax;
    let pushes = 0;
    for (let a = start[s]; a < start[s + 1]; a++) {
      const r = res[a];
      if (r <= 0) continue;
      const w = head[a];
      const d = label[w];
      if (d >= n && w !== t) continue;
      res[a] = 0;
      res[rev[a]] += r;
      excess[s] -= r;
      if (excess[w] === 0 && w !== t) {
        const nx = iNext[w];
        const pv = iPrev[w];
        if (pv >= 0) iNext[pv] = nx;
        else iFirst[d] = nx;
        if (nx >= 0) iPrev[nx] = pv;
        aNext[w] = aFirst[d];
        aFirst[d] = w;
        if (d > aMax) aMax = d;
      }
      excess[w] += r;
      pushes++;
    }
    this.aMax = aMax;
    this.counters.pushes += pushes;
  }

  /** Phase 1: discharge active nodes, highest label first, until none is left below n. */
  private phase1(): void {
    // The loop body lives in small methods: V8 optimises them from full type feedback, whereas
    // one long loop would depend on on-stack replacement and deoptimise at every rare branch.
    const period = this.updatePeriod;
    const heuristics = this.heuristics;
    this.work = 0;
    for (let v = this.nextActive(); v >= 0; v = this.nextActive()) {
      this.discharge(v);
      if (heuristics && this.work > period) {
        this.globalRelabel();
        this.work = 0;
      }
    }
  }

  /** Removes and returns an active node of highest label, or −1 if none is left. */
  private nextActive(): number {
    const aFirst = this.aFirst;
    let aMax = this.aMax;
    while (aMax >= 0) {
      const v = aFirst[aMax];
      if (v >= 0) {
        aFirst[aMax] = this.aNext[v];
        this.aMax = aMax;
        return v;
      }
      aMax--;
    }
    this.aMax = -1;
    return -1;
  }

  /** Pushes v's excess along admissible arcs, relabelling v as needed, until it is empty or cut off. */
  private discharge(v: number): void {
    const { n, t, label, cur, excess, aFirst, aNext, iFirst, iNext, iPrev, res } = this;
    const { start, head, rev } = this.net;
    const counters = this.counters;
    let d = label[v];
    let ex = excess[v];
    let pushes = 0;
    for (;;) {
      const end = start[v + 1];
      const dm1 = d - 1;
      let a = cur[v];
      for (; a < end; a++) {
        const r = res[a];
        if (r > 0) {
          const w = head[a];
          if (label[w] === dm1) {
            const delta = Math.min(ex, r);
            res[a] = r - delta;
            res[rev[a]] += delta;
            if (excess[w] === 0 && w !== t) {
              // w turns active: move it from the inactive list to the active stack of its label.
              const nx = iNext[w];
              const pv = iPrev[w];
              if (pv >= 0) iNext[pv] = nx;
              else iFirst[dm1] = nx;
              if (nx >= 0) iPrev[nx] = pv;
              aNext[w] = aFirst[dm1];
              aFirst[dm1] = w;
              if (dm1 > this.aMax) this.aMax = dm1;
            }
            excess[w] += delta;
            pushes++;
            ex -= delta;
            if (ex === 0) break;
          }
        }
      }
      if (ex === 0) {
        cur[v] = a;
        const f = iFirst[d];
        iNext[v] = f;
        iPrev[v] = -1;
        if (f >= 0) iPrev[f] = v;
        iFirst[d] = v;
        break;
      }
      // Relabel v to 1 + the lowest label over its residual arcs.
      const s0 = start[v];
      counters.relabels++;
      counters.relabelArcScans += end - s0;
      this.work += RELABEL_WORK + end - s0;
      let minD = n;
      let minA = s0;
      for (let b = s0; b < end; b++) {
        if (res[b] > 0) {
          const dw = label[head[b]];
          if (dw < minD) {
            minD = dw;
            minA = b;
          }
        }
      }
      if (aFirst[d] < 0 && iFirst[d] < 0 && this.heuristics) {
        this.gap(d);
        label[v] = n;
        break;
      }
      const nd = minD + 1;
      if (nd >= n) {
        label[v] = n;
        break;
      }
      label[v] = nd;
      d = nd;
      cur[v] = minA;
      if (nd > this.dMax) this.dMax = nd;
    }
    excess[v] = ex;
    counters.pushes += pushes;
  }

  /** Gap at label d (no node holds it): every node above d is cut off from t, so lift it to n. */
  private gap(d: number): void {
    const { n, label, aFirst, aNext, iFirst, iNext } = this;
    let lifted = 0;
    for (let l = d + 1; l <= this.dMax; l++) {
      for (let x = iFirst[l]; x >= 0; x = iNext[x]) {
        label[x] = n;
        lifted++;
      }
      for (let x = aFirst[l]; x >= 0; x = aNext[x]) {
        label[x] = n;
        lifted++;
      }
      iFirst[l] = -1;
      aFirst[l] = -1;
    }
    this.dMax = d - 1;
    if (this.aMax > d - 1) this.aMax = d - 1;
    this.counters.gaps++;
    this.counters.gapNodes += lifted;
  }
}

/** Message if s or t is not a node or s = t, else null. */
function checkTerminals(n: number, s: number, t: number): string | null {
  if (!Number.isInteger(s) || s < 0 || s >= n) return `source ${s} is not a node (0…${n - 1})`;
  if (!Number.isInteger(t) || t < 0 || t >= n) return `sink ${t} is not a node (0…${n - 1})`;
  if (s === t) return `source and sink are the same node (${s})`;
  return null;
}
