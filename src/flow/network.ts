/**
 * The compact flow network every max-flow routine works on: a residual graph in CSR form.
 *
 * Model: a directed multigraph G = (V, E) with V = {0, …, n−1} and integer capacities
 * u(e) ≥ 0. Each input arc e = (v, w) becomes two *residual arcs*: the forward arc v→w with
 * capacity u(e) and its reverse w→v with capacity 0, so that a flow f is stored as residual
 * capacities r(a) = u(a) − f(a) with f(reverse(a)) = −f(a) (antisymmetry).
 *
 * Layout (CSR, Compressed Sparse Row): the residual arcs leaving node v are the indices
 * `start[v] … start[v+1]−1`; for each residual arc a, `head[a]` is its head, `rev[a]` the index of
 * its reverse arc (`rev[rev[a]] === a`) and `capacity[a]` its capacity. Arcs leaving a node keep
 * the input order. No object is allocated per arc: building is two counting passes over the
 * input arrays, O(n + m) time and 36 bytes per input arc.
 *
 * Capacities are held exactly in float64, so they must be integers in [0, 2^53).
 */

/** A network in CSR form with paired residual arcs; see the module header for the layout. */
export interface FlowNetwork {
  /** Number of nodes; nodes are 0 … n−1. */
  readonly n: number;
  /** Number of input arcs (the network has 2·arcCount residual arcs). */
  readonly arcCount: number;
  /** CSR offsets, length n+1: the residual arcs leaving v are `start[v] … start[v+1]−1`. */
  readonly start: Int32Array;
  /** Head node of each residual arc. */
  readonly head: Int32Array;
  /** Index of the reverse of each residual arc. */
  readonly rev: Int32Array;
  /** Capacity of each residual arc: the input capacity on forward arcs, 0 on reverse arcs. */
  readonly capacity: Float64Array;
  /** Input arc i → index of its forward residual arc. */
  readonly arcOf: Int32Array;
}

/** Largest capacity (exclusive) that float64 holds exactly with all integers below it: 2^53. */
export const CAPACITY_LIMIT = 2 ** 53;

/**
 * Builds a {@link FlowNetwork} from an arc list: input arc i goes from `tails[i]` to `heads[i]`
 * with capacity `caps[i]`.
 *
 * @param n - number of nodes (ids 0 … n−1)
 * @param tails - tail node of each input arc
 * @param heads - head node of each input arc
 * @param caps - capacity of each input arc: an integer in [0, 2^53)
 * @param arcCount - how many leading entries of the arrays are arcs (default: `tails.length`)
 * @throws RangeError naming the arc and the value, for a bad node id, capacity or size
 */
export function buildFlowNetwork(
  n: number,
  tails: Int32Array,
  heads: Int32Array,
  caps: Float64Array,
  arcCount: number = tails.length,
): FlowNetwork {
  if (!Number.isInteger(n) || n < 1 || n >= 2 ** 31) {
    throw new RangeError(`buildFlowNetwork: node count must be an integer in [1, 2^31), got ${n}`);
  }
  const m = arcCount;
  if (!Number.isInteger(m) || m < 0 || 2 * m >= 2 ** 31) {
    throw new RangeError(`buildFlowNetwork: arc count must be an integer in [0, 2^30), got ${m}`);
  }
  if (tails.length < m || heads.length < m || caps.length < m) {
    throw new RangeError(
      `buildFlowNetwork: arrays hold ${Math.min(tails.length, heads.length, caps.length)} arcs, ${m} expected`,
    );
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const v = tails[i];
    const w = heads[i];
    if (v < 0 || v >= n || w < 0 || w >= n) {
      throw new RangeError(
        `buildFlowNetwork: arc ${i} (${v} → ${w}) names a node outside 0…${n - 1} (the network has ${n} nodes)`,
      );
    }
    const c = caps[i];
    if (!(c >= 0 && c < CAPACITY_LIMIT) || !Number.isInteger(c)) {
      throw new RangeError(
        `buildFlowNetwork: arc ${i} (${v} → ${w}) has capacity ${c}; expected an integer in [0, 2^53)`,
      );
    }
    start[v + 1]++;
    start[w + 1]++;
  }
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const next = start.slice(0, n);
  const head = new Int32Array(2 * m);
  const rev = new Int32Array(2 * m);
  const capacity = new Float64Array(2 * m);
  const arcOf = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const v = tails[i];
    const w = heads[i];
    const a = next[v]++;
    const b = next[w]++;
    head[a] = w;
    head[b] = v;
    rev[a] = b;
    rev[b] = a;
    capacity[a] = caps[i];
    arcOf[i] = a;
  }
  return { n, arcCount: m, start, head, rev, capacity, arcOf };
}

/** Tail node of input arc `i` (the head of its reverse residual arc). */
export function tailOf(net: FlowNetwork, i: number): number {
  return net.head[net.rev[net.arcOf[i]]];
}

/** Head node of input arc `i`. */
export function headOf(net: FlowNetwork, i: number): number {
  return net.head[net.arcOf[i]];
}

/** Bytes held by the network's typed arrays (for the memory-per-arc figure of the benchmark). */
export function networkBytes(net: FlowNetwork): number {
  return (
    net.start.byteLength +
    net.head.byteLength +
    net.rev.byteLength +
    net.capacity.byteLength +
    net.arcOf.byteLength
  );
}
