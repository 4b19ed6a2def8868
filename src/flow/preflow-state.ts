/**
 * The state push-relabel works on: a preflow in residual form, distance labels and the label
 * buckets, all in typed arrays owned by one {@link MaxFlowSolver}.
 *
 * Model: a {@link FlowNetwork} G = (V, E) with integer capacities u, a source s and a sink t. A
 * preflow f satisfies 0 ≤ f ≤ u on every input arc and inflow ≥ outflow at every node but s; the
 * difference is the node's excess. `res[a]` is the residual capacity of residual arc a; on a
 * reverse arc it equals the flow of its input arc; `pair[a]` is the capacity of the input arc a
 * belongs to, so the other arc of the pair has residual `pair[a] − res[a]`.
 *
 * Invariants during phase 1 (between a labelling and the end of the discharge loop):
 * - validity: d(t) = 0, d(s) = n and d(v) ≤ d(w) + 1 on every residual arc v→w but those out of s;
 * - every node v ∉ {s, t} with d(v) < n is in exactly one bucket of its label: the singly linked
 *   stack `aFirst/aNext` if it is active (excess > 0 and not dormant), the doubly linked list
 *   `iFirst/iNext/iPrev` otherwise — dormant nodes (parked excess held back at a warm start, see
 *   `discharge.ts`) are in the inactive lists; nodes at label n (cut off from t) are in no
 *   bucket, whatever their excess;
 * - `aMax` ≥ the highest label of an active node, `dMax` ≥ the highest label of any bucketed node;
 * - `cur[v]` (current arc): no arc of v before it is admissible.
 * Between solves the labels are scratch: the deficit repair and phase 2 borrow the label array as
 * visit stamps and colours, and every phase 1 recomputes the labels first.
 *
 * Memory: 34 bytes per input arc (`res` and `pair` per residual arc, `forward`) and 40 bytes per
 * node, on top of the network's 36 bytes per arc.
 *
 * Reference: B. V. Cherkassky, A. V. Goldberg, "On implementing the push-relabel method for the
 * maximum flow problem", Algorithmica 19(4), 1997 (the bucket structure of hi_pr).
 */
import type { MaxFlowCounters } from './maxflow-types.js';
import type { FlowNetwork } from './network.js';

/** Relabel work weight of one relabel (hi_pr's BETA) and node weight of the update period (ALPHA). */
export const RELABEL_WORK = 12;
const NODE_WORK = 6;

/**
 * Preflow, labels and buckets of one solver (see the module header). Fields are public so that
 * the phase routines in sibling modules reach them directly.
 * @internal
 */
export class PreflowState {
  readonly net: FlowNetwork;
  readonly n: number;
  readonly s: number;
  readonly t: number;
  /** Global relabelling and gap heuristic on (see `MaxFlowOptions.heuristics`). */
  readonly heuristics: boolean;
  /** Relabel work after which phase 1 relabels globally. */
  readonly updatePeriod: number;
  /** Cumulative work counters (the solver's public `counters`). */
  readonly counters: MaxFlowCounters;
  /** Residual capacity per residual arc; on reverse arcs, the flow of the input arc. */
  readonly res: Float64Array;
  /** Capacity of the input arc of each residual arc (on both arcs of the pair). */
  readonly pair: Float64Array;
  /** 1 on forward residual arcs. */
  readonly forward: Uint8Array;
  /** Inflow − outflow per node (negative at s). */
  readonly excess: Float64Array;
  readonly label: Int32Array;
  readonly cur: Int32Array;
  readonly aFirst: Int32Array;
  readonly aNext: Int32Array;
  readonly iFirst: Int32Array;
  readonly iNext: Int32Array;
  readonly iPrev: Int32Array;
  /** Scratch of length n: BFS queue of the global relabelling and the min cut. */
  readonly queue: Int32Array;
  /**
   * First of the dormant nodes of a warm start (see `discharge.ts`), or −1: a list in order of
   * label, linked through `aNext` (free while a node is not active); a dormant node has
   * `cur = −1` (its current arc is reset when it wakes).
   */
  dormantFirst = -1;
  /** Next visit stamp of the deficit repair (> n, so that no label is mistaken for a stamp). */
  stamp: number;
  aMax = -1;
  dMax = 0;
  /** Relabel work since the last global relabelling. */
  work = 0;

  /**
   * @param globalUpdateFrequency - global relabelling after relabel work `(6n + m) / frequency`
   */
  constructor(
    net: FlowNetwork,
    s: number,
    t: number,
    heuristics: boolean,
    globalUpdateFrequency: number,
    counters: MaxFlowCounters,
  ) {
    const n = net.n;
    this.net = net;
    this.n = n;
    this.s = s;
    this.t = t;
    this.heuristics = heuristics;
    this.updatePeriod = (NODE_WORK * n + net.arcCount) / globalUpdateFrequency;
    this.counters = counters;
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

  /** Bytes held by the typed arrays (the network's are separate). */
  byteSize(): number {
    let b = this.res.byteLength + this.pair.byteLength + this.forward.byteLength;
    b += this.excess.byteLength + this.label.byteLength;
    b += this.cur.byteLength + this.aFirst.byteLength + this.aNext.byteLength + this.iFirst.byteLength;
    b += this.iNext.byteLength + this.iPrev.byteLength + this.queue.byteLength;
    return b;
  }
}
