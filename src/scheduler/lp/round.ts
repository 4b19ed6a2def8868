/**
 * Rounding: from a fractional LP optimum (quanta) to an integral multi-commodity flow that obeys
 * every row of the same LP exactly — plans are whole bytes and never exceed an exact capacity.
 *
 * Method.
 * 1. Floor, per class. Each column value is floored (after snapping values within 10⁻⁵ of an
 *    integer to it: solver noise); the floors satisfy every ≤ row (non-negative coefficients,
 *    integer right-hand sides) but not conservation. A maximum flow of the class alone, on its
 *    own columns with the floors as capacities (the flow engine, exact integers), is an integral
 *    flow x_c ≤ floor(LP) arc by arc, so all ≤ rows still hold. It loses less than one quantum
 *    per fractional source–sink path of the LP solution.
 * 2. Repair, per class with a deficit (demand not yet routed): shortest augmenting paths in the
 *    class's residual graph (forward on its columns with spare column bound and spare room in
 *    every shared row the column enters; backward on its own positive flow), each path pushed by
 *    the largest integer that keeps every column bound and every row (a row met k times net on
 *    the path takes ⌊room/k⌋). Stops when the deficit is routed or no path is left. This is a
 *    heuristic for the side-constrained problem: it never breaks a row, but it may leave a
 *    deficit that a better integral flow would route; the caller then relaxes the horizon by a
 *    slot (PLAN.md allows lowerBound < makespan) or reports the shortfall.
 * 3. Exact re-check of every row and bound on the integral vector (sums are exact: integers
 *    below 2^53).
 *
 * Invariants: the returned vector is integral, within column bounds, conserves flow per (class,
 * node) and keeps every shared row; the per-class routed amount is the sum of its source columns.
 *
 * Complexity: step 1, one max-flow per class on its columns; step 2, O(columns of the class) per
 * augmenting path.
 *
 * Reference: Ahuja, Magnanti, Orlin, "Network Flows" (1993), §6.5 (augmenting paths) and §17.2
 * (LP-based multicommodity rounding); P. Raghavan, C. D. Thompson, "Randomized rounding",
 * Combinatorica 7 (1987) for why integral multi-commodity flows need rounding at all.
 */
import { MaxFlowSolver } from '../../flow/maxflow.js';
import { buildFlowNetwork } from '../../flow/network.js';
import { ArcKind } from '../network.js';
import type { LpContext } from './context.js';
import { type BuiltModel, RowKind } from './model.js';

const SNAP = 1e-5;

/** Result of {@link roundSolution}. */
export interface RoundedFlow {
  /** Integral value per LP column. */
  readonly x: Float64Array;
  /** Per class: quanta routed (sum of source columns). */
  readonly routed: Float64Array;
  /** Per class: quanta the floor + max-flow step routed before repair. */
  readonly afterFloor: Float64Array;
  /** Augmenting paths pushed by the repair. */
  readonly repairPaths: number;
}

function snapFloor(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - r) <= SNAP ? r : Math.floor(v);
}

/**
 * Rounds the LP solution `value` of `model` (module header).
 * @param want - per class, the quanta to route (its demand, or for a volume LP its LP volume rounded down)
 * @param until - the limits of the probe being rounded: class c delivers only in slots < until[c]
 * @throws Error if the integral flow breaks a row (an internal bug: the construction prevents it)
 */
export function roundSolution(
  ctx: LpContext,
  model: BuiltModel,
  value: Float64Array,
  want: readonly number[],
  until: Int32Array,
): RoundedFlow {
  const { ten } = ctx;
  const { lp, colArc, classStart } = model;
  const C = ctx.classes.length;
  const x = new Float64Array(lp.numCols);
  const routed = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const lo = classStart[c];
    const hi = classStart[c + 1];
    const k = hi - lo;
    if (k === 0) continue;
    const tails = new Int32Array(k);
    const heads = new Int32Array(k);
    const caps = new Float64Array(k);
    for (let j = lo; j < hi; j++) {
      const a = colArc[j];
      tails[j - lo] = ten.tails[a];
      heads[j - lo] = ten.heads[a];
      caps[j - lo] = Math.max(0, Math.min(upper(model, ten, j, c, until), snapFloor(value[j])));
    }
    const net = buildFlowNetwork(ten.n, tails, heads, caps, k);
    const r = new MaxFlowSolver(net, ten.source, ten.sink).solve();
    if (r.status !== 'optimal') throw new Error(`lp rounding: max-flow rejected class ${c}: ${r.message}`);
    for (let j = lo; j < hi; j++) x[j] = r.flow[j - lo];
    routed[c] = r.value;
  }
  const afterFloor = routed.slice();
  // Repair, trying class orders until every class is routed (module header, step 2): the order
  // of the scenario, earliest due first, then the reverse order.
  let best: { x: Float64Array; routed: Float64Array; paths: number; short: number } | null = null;
  for (const order of repairOrders(ctx)) {
    const xs = x.slice();
    const rs = routed.slice();
    const room = lp.rowUpper.slice();
    for (let j = 0; j < lp.numCols; j++) {
      if (xs[j] === 0) continue;
      for (let p = lp.colStart[j]; p < lp.colStart[j + 1]; p++) room[lp.rowIndex[p]] -= lp.values[p] * xs[j];
    }
    let paths = 0;
    for (const c of order) {
      if (rs[c] < want[c]) paths += repair(ctx, model, c, xs, room, rs, want[c], until[c]);
    }
    const short = want.reduce((s, w, c) => s + Math.max(0, w - rs[c]), 0);
    if (best === null || short < best.short) best = { x: xs, routed: rs, paths, short };
    if (short === 0) break;
  }
  const done = best as { x: Float64Array; routed: Float64Array; paths: number };
  recheck(ctx, model, done.x, until);
  return { x: done.x, routed: done.routed, afterFloor, repairPaths: done.paths };
}

/** Class orders the repair tries (deduplicated): scenario order, earliest due first, reversed. */
function repairOrders(ctx: LpContext): number[][] {
  const natural = ctx.classes.map((_, c) => c);
  const byDue = [...natural].sort((a, b) => {
    const da = ctx.classes[a].due ?? Number.POSITIVE_INFINITY;
    const db = ctx.classes[b].due ?? Number.POSITIVE_INFINITY;
    return da - db || a - b;
  });
  const orders = [natural, byDue, [...natural].reverse()];
  const seen = new Set<string>();
  return orders.filter((o) => {
    const key = o.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Column bound of j under the probe's limits: 0 for a delivery of class c in a slot ≥ until[c]. */
function upper(model: BuiltModel, ten: LpContext['ten'], j: number, c: number, until: Int32Array): number {
  const a = model.colArc[j];
  if (ten.kind[a] === ArcKind.DELIVER && ten.slot[a] >= until[c]) return 0;
  return model.lp.colUpper[j];
}

/** Augmenting-path repair of class c (step 2); returns the number of paths pushed. */
function repair(
  ctx: LpContext,
  model: BuiltModel,
  c: number,
  x: Float64Array,
  room: Float64Array,
  routed: Float64Array,
  want: number,
  until: number,
): number {
  const { ten } = ctx;
  const { lp, colArc, classStart, rowKind } = model;
  const lo = classStart[c];
  const hi = classStart[c + 1];
  const n = ten.n;
  // Class adjacency: columns by tail and by head.
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let j = lo; j < hi; j++) {
    outStart[ten.tails[colArc[j]] + 1]++;
    inStart[ten.heads[colArc[j]] + 1]++;
  }
  for (let v = 0; v < n; v++) {
    outStart[v + 1] += outStart[v];
    inStart[v + 1] += inStart[v];
  }
  const outList = new Int32Array(hi - lo);
  const inList = new Int32Array(hi - lo);
  const oNext = outStart.slice(0, n);
  const iNext = inStart.slice(0, n);
  for (let j = lo; j < hi; j++) {
    outList[oNext[ten.tails[colArc[j]]]++] = j;
    inList[iNext[ten.heads[colArc[j]]]++] = j;
  }
  const sharedRoom = (j: number): boolean => {
    for (let p = lp.colStart[j]; p < lp.colStart[j + 1]; p++) {
      if (rowKind[lp.rowIndex[p]] !== RowKind.CONSERVE && room[lp.rowIndex[p]] < 1) return false;
    }
    return true;
  };
  // Deliveries after the probe's limit are closed: the repair must keep the LP's horizon and dues.
  const colBound = (j: number): number =>
    ten.kind[colArc[j]] === ArcKind.DELIVER && ten.slot[colArc[j]] >= until ? 0 : lp.colUpper[j];
  const via = new Int32Array(n);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  const net = new Map<number, number>();
  let paths = 0;
  while (routed[c] < want) {
    seen.fill(0);
    seen[ten.source] = 1;
    let qh = 0;
    let qt = 0;
    queue[qt++] = ten.source;
    while (qh < qt && seen[ten.sink] === 0) {
      const v = queue[qh++];
      for (let p = outStart[v]; p < outStart[v + 1]; p++) {
        const j = outList[p];
        const w = ten.heads[colArc[j]];
        if (seen[w] === 1 || x[j] >= colBound(j) || !sharedRoom(j)) continue;
        seen[w] = 1;
        via[w] = j + 1;
        queue[qt++] = w;
      }
      for (let p = inStart[v]; p < inStart[v + 1]; p++) {
        const j = inList[p];
        const w = ten.tails[colArc[j]];
        if (seen[w] === 1 || x[j] < 1) continue;
        seen[w] = 1;
        via[w] = -(j + 1);
        queue[qt++] = w;
      }
    }
    if (seen[ten.sink] === 0) break;
    let delta = want - routed[c];
    net.clear();
    for (let v = ten.sink; v !== ten.source; ) {
      const e = via[v];
      const j = Math.abs(e) - 1;
      const sign = e > 0 ? 1 : -1;
      delta = Math.min(delta, sign > 0 ? colBound(j) - x[j] : x[j]);
      for (let p = lp.colStart[j]; p < lp.colStart[j + 1]; p++) {
        const r = lp.rowIndex[p];
        if (rowKind[r] !== RowKind.CONSERVE) net.set(r, (net.get(r) ?? 0) + sign);
      }
      v = sign > 0 ? ten.tails[colArc[j]] : ten.heads[colArc[j]];
    }
    for (const [r, k] of net) if (k > 0) delta = Math.min(delta, Math.floor(room[r] / k));
    if (!(delta >= 1)) break;
    for (let v = ten.sink; v !== ten.source; ) {
      const e = via[v];
      const j = Math.abs(e) - 1;
      const sign = e > 0 ? 1 : -1;
      x[j] += sign * delta;
      v = sign > 0 ? ten.tails[colArc[j]] : ten.heads[colArc[j]];
    }
    for (const [r, k] of net) room[r] -= k * delta;
    routed[c] += delta;
    paths++;
  }
  return paths;
}

/** Step 3: every bound, the probe's delivery limits and every row of the LP holds exactly for the integral vector `x`. */
function recheck(ctx: LpContext, model: BuiltModel, x: Float64Array, until: Int32Array): void {
  const { lp, classStart, colArc } = model;
  const { kind, slot } = ctx.ten;
  const act = new Float64Array(lp.numRows);
  const classOf = new Int32Array(lp.numCols);
  for (let c = 0; c + 1 < classStart.length; c++) classOf.fill(c, classStart[c], classStart[c + 1]);
  for (let j = 0; j < lp.numCols; j++) {
    if (x[j] > 0 && kind[colArc[j]] === ArcKind.DELIVER && slot[colArc[j]] >= until[classOf[j]]) {
      throw new Error(
        `lp rounding: column ${j} delivers in slot ${slot[colArc[j]]}, after the probe's limit`,
      );
    }
    if (!Number.isInteger(x[j]) || x[j] < 0 || x[j] > lp.colUpper[j]) {
      throw new Error(`lp rounding: column ${j} has value ${x[j]} outside [0, ${lp.colUpper[j]}]`);
    }
    for (let p = lp.colStart[j]; p < lp.colStart[j + 1]; p++) act[lp.rowIndex[p]] += lp.values[p] * x[j];
  }
  for (let r = 0; r < lp.numRows; r++) {
    const kind = model.rowKind[r];
    if (kind === RowKind.CONSERVE ? act[r] !== 0 : act[r] > lp.rowUpper[r]) {
      throw new Error(
        `lp rounding: row ${r} (family ${kind}) has activity ${act[r]}, bound ${lp.rowUpper[r]}`,
      );
    }
  }
}
