/**
 * The multi-commodity LP on the time-expanded network, built straight into CSC typed arrays.
 *
 * Model (flows in quanta of q bytes). Variables x[c, a] ≥ 0 for every commodity class c and every
 * arc a of the time-expanded network that a path of c can use ({@link classArcs}). Rows:
 *   - conservation, per (c, node v) touched by a kept arc: Σ_in x[c,·] − Σ_out x[c,·] = 0
 *     (SOURCE and SINK excepted);
 *   - shared capacity, per arc a kept by two or more classes: Σ_c x[c,a] ≤ cap[a]; an arc kept by
 *     one class only gets the bound as a column bound instead;
 *   - copies, per (class c with copies k > 1, failure domain g): Σ of c's deliveries at
 *     destinations of g ≤ ceil(wire/q) — with the source fixed at k·ceil(wire/q) this forces k
 *     distinct domains (decoding then gives each domain at most `wire` real bytes, see lp/decode);
 *   - appliance capacity, per appliance with a `capacity`: Σ_c Σ_t deliveries ≤ floor(capacity/q);
 *   - provider ingress, per (provider with an ingress cap, slot): Σ_c deliveries at its nodes ≤
 *     floor(ingress/q);
 *   - provider egress, per (provider with an egress cap, slot): Σ_c flow on links from its nodes
 *     to nodes outside it ≤ floor(egress/q) (several sending nodes are fine here: a plain row).
 * Source columns (SOURCE → origin store, per dataset) have bounds [0, demand] in `volume` mode
 * (maximise Σ sources: the most that can be delivered) and [demand, demand] otherwise. Delivery
 * columns exist only at a class's allowed destinations in slots t < until[c] (the horizon being
 * probed, and the due plus any lateness allowed). Objectives: `volume` — max Σ sources;
 * `earliest` — min Σ (t+1)·delivery + 10⁻⁴·Σ link flow (earliest deliveries; the small link
 * term removes pointless detours and cycles); `cost` — min Σ cost per quantum · link flow.
 *
 * Invariants: columns are grouped by class (`classStart`) in ascending TEN arc order; every row
 * of a column is distinct (tail ≠ head; the families are disjoint); all bounds are integers, so a
 * floored LP solution satisfies every ≤ row.
 *
 * Complexity: O(C·(n + m)) time; memory O(columns + non-zeros), about 3.3 non-zeros per column.
 *
 * Reference: Ahuja, Magnanti, Orlin, "Network Flows" (1993), ch. 17 (multicommodity flows);
 * Ford, Fulkerson (1958) for the time expansion.
 */
import { WanplanError } from '../../errors.js';
import { LP_COLUMN_LIMIT, type LpModel } from '../../flow/lp.js';
import { ArcKind } from '../network.js';
import type { LpContext } from './context.js';
import { classArcs, pruneScratch } from './prune.js';

/** Row families of the LP (values of {@link BuiltModel.rowKind}). */
export const RowKind = {
  /** elem = class, slot = TEN node. */
  CONSERVE: 1,
  /** elem = TEN arc. */
  CAPACITY: 2,
  /** elem = class, slot = domain index. */
  DOMAIN: 3,
  /** elem = node. */
  APPLIANCE: 4,
  /** elem = provider, slot = slot. */
  INGRESS: 5,
  /** elem = provider, slot = slot. */
  EGRESS: 6,
} as const;

/** What the LP optimises (module header). */
export type LpMode = 'volume' | 'earliest' | 'cost';

/** LP size at one reduction step. */
export interface ModelSize {
  readonly step: string;
  readonly columns: number;
  readonly rows: number;
  /** Non-zeros, or null for a step that is only counted, not built. */
  readonly nonZeros: number | null;
}

/** A built LP with its maps back to the network. */
export interface BuiltModel {
  readonly lp: LpModel;
  /** TEN arc of each column. */
  readonly colArc: Int32Array;
  /** Columns of class c are `classStart[c] … classStart[c+1]−1`. */
  readonly classStart: Int32Array;
  readonly rowKind: Uint8Array;
  readonly rowElem: Int32Array;
  readonly rowSlot: Int32Array;
  /** Deliveries allowed in slots t < until[c]. */
  readonly until: Int32Array;
  readonly mode: LpMode;
  /** Sizes before and after each reduction step. */
  readonly sizes: readonly ModelSize[];
}

/** The LP does not fit the WebAssembly solver's memory; the message says what to change. */
export class LpTooLargeError extends WanplanError {
  override name = 'LpTooLargeError';
  readonly columns: number;
  readonly rows: number;

  constructor(columns: number, rows: number, limit: number, slots: number) {
    super(
      `the multi-commodity LP has ${columns} columns and up to ${rows} rows after reduction, above the ` +
        `${limit} columns the WebAssembly HiGHS solver can hold in its 2 GiB heap; use a coarser ` +
        `slot (e.g. twice the slot length halves the LP), a shorter horizon (now ${slots} slots), fewer ` +
        'distinct policies, or --export-lp to solve the model with a native solver',
    );
    this.columns = columns;
    this.rows = rows;
  }
}

class Grow {
  i32: Int32Array;
  f64: Float64Array;
  n = 0;
  constructor(size: number) {
    this.i32 = new Int32Array(size);
    this.f64 = new Float64Array(size);
  }
  push(i: number, x: number): void {
    if (this.n === this.i32.length) {
      const a = new Int32Array(this.n * 2);
      a.set(this.i32);
      this.i32 = a;
      const b = new Float64Array(this.n * 2);
      b.set(this.f64);
      this.f64 = b;
    }
    this.i32[this.n] = i;
    this.f64[this.n++] = x;
  }
}

/** Options of {@link buildLpModel}. */
export interface BuildOptions {
  /** @defaultValue {@link LP_COLUMN_LIMIT} */
  readonly columnLimit?: number;
}

/** Columns of the pruned LP of `ctx` with deliveries of class c in slots t < until[c] (nothing built). */
export function lpColumnCount(ctx: LpContext, until: Int32Array): number {
  const scratch = pruneScratch(ctx.ten.n);
  return ctx.classes.reduce((s, _, c) => s + classArcs(ctx, c, until[c], scratch).length, 0);
}

/**
 * Builds the LP of `ctx` with deliveries of class c allowed in slots t < until[c].
 * @throws LpTooLargeError above the column limit (before anything large is allocated for HiGHS)
 */
export function buildLpModel(
  ctx: LpContext,
  until: Int32Array,
  mode: LpMode,
  options: BuildOptions = {},
): BuiltModel {
  const { ten, classes, cap } = ctx;
  const C = classes.length;
  const S = ten.slots;
  const m = ten.arcCount;
  const scratch = pruneScratch(ten.n);
  const kept = classes.map((_, c) => classArcs(ctx, c, until[c], scratch));
  const positive = cap.reduce((s, x) => s + (x > 0 ? 1 : 0), 0);
  const datasetsWithData = classes.reduce((s, c) => s + c.datasets.length, 0);
  const sizes: ModelSize[] = [
    {
      step: 'one commodity per dataset, every arc',
      columns: datasetsWithData * m,
      rows: datasetsWithData * ten.n,
      nonZeros: null,
    },
    { step: `${C} commodity classes, every arc`, columns: C * m, rows: C * ten.n, nonZeros: null },
    { step: 'classes, arcs of positive capacity', columns: C * positive, rows: C * ten.n, nonZeros: null },
  ];
  const columns = kept.reduce((s, k) => s + k.length, 0);
  const limit = options.columnLimit ?? LP_COLUMN_LIMIT;
  if (columns > limit) throw new LpTooLargeError(columns, C * ten.n, limit, S);
  const uses = new Uint8Array(m);
  for (const k of kept) for (const a of k) if (uses[a] < 2) uses[a]++;

  const rowLo = new Grow(1024);
  const rowHi: number[] = [];
  const rowKind: number[] = [];
  const rowElem: number[] = [];
  const rowSlot: number[] = [];
  const addRow = (kind: number, elem: number, slot: number, lo: number, hi: number): number => {
    rowLo.push(0, lo);
    rowHi.push(hi);
    rowKind.push(kind);
    rowElem.push(elem);
    rowSlot.push(slot);
    return rowHi.length - 1;
  };
  const capRow = new Int32Array(m).fill(-1);
  const appRow = new Int32Array(ctx.scenario.nodes.length).fill(-1);
  const ingressRow = new Int32Array(ctx.scenario.providers.length * S).fill(-1);
  const egressRow = new Int32Array(ctx.scenario.providers.length * S).fill(-1);
  const consRow = new Int32Array(ten.n).fill(-1);
  const inf = Number.POSITIVE_INFINITY;

  const colArc = new Int32Array(columns);
  const classStart = new Int32Array(C + 1);
  const colStart = new Int32Array(columns + 1);
  const colLower = new Float64Array(columns);
  const colUpper = new Float64Array(columns);
  const colCost = new Float64Array(columns);
  const nz = new Grow(Math.max(16, columns * 4));
  let maxCost = 0;
  if (mode === 'cost') for (const x of ctx.costPerQuantum) maxCost = Math.max(maxCost, x);
  const { kind, elem, slot, tails, heads } = ten;
  let j = 0;
  for (let c = 0; c < C; c++) {
    classStart[c] = j;
    const cls = classes[c];
    const domRow = new Map<number, number>();
    const touched: number[] = [];
    const cons = (v: number): number => {
      if (consRow[v] < 0) {
        consRow[v] = addRow(RowKind.CONSERVE, c, v, 0, 0);
        touched.push(v);
      }
      return consRow[v];
    };
    for (const a of kept[c]) {
      colArc[j] = a;
      colStart[j] = nz.n;
      const k = kind[a];
      if (tails[a] !== ten.source) nz.push(cons(tails[a]), -1);
      if (heads[a] !== ten.sink) nz.push(cons(heads[a]), 1);
      colUpper[j] = cap[a];
      if (uses[a] > 1 && cap[a] < inf) {
        if (capRow[a] < 0) capRow[a] = addRow(RowKind.CAPACITY, a, slot[a], -inf, cap[a]);
        nz.push(capRow[a], 1);
      }
      if (k === ArcKind.SOURCE) {
        const d = cls.demand[cls.datasets.indexOf(elem[a])];
        colUpper[j] = d;
        colLower[j] = mode === 'volume' ? 0 : d;
        if (mode === 'volume') colCost[j] = 1;
      } else if (k === ArcKind.DELIVER) {
        const v = elem[a];
        const t = slot[a];
        if (mode === 'earliest') colCost[j] = t + 1;
        if (cls.copies > 1) {
          const g = ctx.domainOf[v];
          let r = domRow.get(g);
          if (r === undefined) {
            r = addRow(RowKind.DOMAIN, c, g, -inf, cls.perDomain);
            domRow.set(g, r);
          }
          nz.push(r, 1);
        }
        if (ctx.applianceCap[v] >= 0) {
          if (appRow[v] < 0) appRow[v] = addRow(RowKind.APPLIANCE, v, -1, -inf, ctx.applianceCap[v]);
          nz.push(appRow[v], 1);
        }
        const p = ctx.ingressProvider[v];
        if (p >= 0) {
          const key = p * S + t;
          if (ingressRow[key] < 0) ingressRow[key] = addRow(RowKind.INGRESS, p, t, -inf, ctx.ingressCap[p]);
          nz.push(ingressRow[key], 1);
        }
      } else if (k === ArcKind.LINK) {
        if (mode === 'earliest') colCost[j] = 1e-4;
        else if (mode === 'cost' && maxCost > 0) colCost[j] = ctx.costPerQuantum[a] / maxCost;
        const p = ctx.egressProvider[a];
        if (p >= 0) {
          const key = p * S + slot[a];
          if (egressRow[key] < 0) egressRow[key] = addRow(RowKind.EGRESS, p, slot[a], -inf, ctx.egressCap[p]);
          nz.push(egressRow[key], 1);
        }
      }
      j++;
    }
    for (const v of touched) consRow[v] = -1;
  }
  classStart[C] = j;
  colStart[columns] = nz.n;
  const numRows = rowHi.length;
  sizes.push({
    step: 'classes, arcs on some source–sink path (pruned)',
    columns,
    rows: numRows,
    nonZeros: nz.n,
  });
  return {
    lp: {
      numCols: columns,
      numRows,
      sense: mode === 'volume' ? 'max' : 'min',
      colCost,
      colLower,
      colUpper,
      rowLower: rowLo.f64.slice(0, numRows),
      rowUpper: Float64Array.from(rowHi),
      colStart,
      rowIndex: nz.i32.slice(0, nz.n),
      values: nz.f64.slice(0, nz.n),
    },
    colArc,
    classStart,
    rowKind: Uint8Array.from(rowKind),
    rowElem: Int32Array.from(rowElem),
    rowSlot: Int32Array.from(rowSlot),
    until,
    mode,
    sizes,
  };
}
