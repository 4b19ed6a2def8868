/**
 * An independent optimality reference for multi-policy plans: a per-dataset multi-commodity LP
 * built straight from the scenario model and its capacity calendars, solved with HiGHS loaded
 * directly from the `highs` package.
 *
 * Why it is independent. It imports only the scenario model (src/io), `buildCalendars`
 * (src/constraints) and the `highs` package — nothing from src/scheduler or src/flow: no
 * time-expanded network, no commodity classes, no pruning, no origin stores, no search code. The
 * formulation is written from docs/scenario.md ("Semantics") and docs/plan.md ("objective",
 * "status", "quantumBytes") alone, and differs on purpose from the planner's (docs/policies.md):
 * one commodity per *dataset* (never per class), node-slot conservation rows with explicit
 * holding variables instead of a network with holdover arcs, every cap written as a row (the
 * planner turns single-use rows into column bounds and drops arcs by reachability), free holding
 * at the origin as a plain unbounded holding variable instead of origin-store chains, and the
 * search over plain bisection of volume LPs built afresh for each probe (no warm restarts).
 *
 * Model, in quanta of `quantum` bytes exactly as the planner claims optimality (PLAN.md
 * "quantumBytes": every per-slot capacity, cap, storage and appliance capacity floored to whole
 * quanta, every copy's demand rounded up to ⌈wire/q⌉ quanta), fractional (an LP: the planner's
 * `lowerBound` is its LP's optimum too, so the reference and the planner's LP must agree exactly;
 * the planner's *rounded* plan can only be later). For a probe of T slots (deliveries in slots
 * 0…T−1) and a last delivery slot lim[k] per dataset:
 *
 *   variables (all ≥ 0)
 *     r[k]        quanta released at k's origin in its ready slot, ≤ copies_k·⌈wire_k/q⌉
 *     x[k,l,t]    quanta of k on link l in slot t, t ≥ ready_k (self-links are left out: they carry
 *                 nothing useful), ≤ ⌊cal.links[l][t]/q⌋
 *     h[k,v,t]    quanta of k held at node v from the end of slot t to slot t+1: unbounded at k's own
 *                 origin (free holding), ≤ ⌊storage_v/q⌋ at other nodes with storage, absent at
 *                 exchanges and nodes without storage
 *     y[k,d,t]    quanta of k stored at d in slot t: only for d ∈ destinations_k (residency), only
 *                 ready_k ≤ t ≤ lim[k] (ready, due + lateness, horizon)
 *   rows
 *     conservation (k,v,t)  Σ_in x + h[t−1] + r·[v = origin, t = ready] = Σ_out x + h[t] + y   (= 0)
 *     link (l,t)            Σ_k x[k,l,t] ≤ ⌊cal.links[l][t]/q⌋
 *     read / write (v,t)    Σ_k Σ_{l out of / into v} x ≤ ⌊cal.nodeRead / nodeWrite⌋
 *     storage (v,t)         Σ_{k: origin ≠ v} h[k,v,t] ≤ ⌊storage_v/q⌋
 *     copies (k,g)          Σ_{d ∈ g} Σ_t y[k,d,t] ≤ ⌈wire_k/q⌉ for copies_k > 1 (g a failure domain:
 *                           a node's `domain`, i.e. its provider, or an appliance's own id)
 *     appliance (v)         Σ_k Σ_t y[k,v,t] ≤ ⌊capacity_v/q⌋
 *     ingress (p,t)         Σ_k Σ_{d ∈ p.nodes} y[k,d,t] ≤ ⌊ingress_p/q⌋
 *     egress (p,t)          Σ_k Σ_{l: from ∈ p.nodes, to ∉ p.nodes} x[k,l,t] ≤ ⌊egress_p/q⌋
 *   objective: maximise Σ_k r[k]; the probe is feasible when it reaches the whole demand.
 *
 * Holding only between slots 0…T−1 means everything released is delivered by slot T−1
 * (conservation), so Σ_t y[k,·,t] = r[k]; with r[k] = copies·⌈wire/q⌉ and at most ⌈wire/q⌉ per
 * domain, k lands in ≥ copies domains. Free holding at the origin also for data that left and came
 * back (SCENARIO.md "Holding") gives the same optimum as never sending it.
 *
 * Objective (PLAN.md "objective", earliest-completion): with Ld_k = ⌊(due_k − start)/slot⌋ − 1
 * the last slot that meets k's due, lateness L allows deliveries of k up to Ld_k + L.
 *   1. complete iff the whole horizon without dues carries the demand; else `infeasible` when some
 *      dataset cannot reach `copies` distinct allowed failure domains on exact (byte) capacities
 *      (a reachability sweep over positive link calendars, open read/write caps, storage > 0, caps
 *      that are not 0), else `partial` (the most the LP can carry is reported).
 *   2. L* = the smallest L ≥ 0 whose horizon-long LP carries the demand (bisection; monotone in L).
 *   3. T* = the smallest T whose LP under L* carries the demand (bisection; monotone in T); the
 *      makespan slot is T* − 1.
 *   Dues met at that optimum: all of them when L* = 0; otherwise those with Ld_k ≥ T* − 1, which
 *   every plan of makespan T* − 1 meets (which of the others are met depends on the plan).
 *
 * Invariants: every bound is an integer number of quanta (< 2^53); the LP is feasible at r = 0, so
 * each probe is an optimal solve; the tolerance for "carries the demand" is 10⁻⁶ quanta per quantum
 * of demand (plus 10⁻⁶), far below one quantum.
 *
 * Reference: docs/scenario.md "Semantics"; docs/plan.md "objective", "status", "quantumBytes";
 * R. K. Ahuja, T. L. Magnanti, J. B. Orlin, Network Flows (1993), ch. 17 (multi-commodity flows).
 */
import type { Calendars } from '../../src/constraints/calendars.js';
import type { Scenario } from '../../src/io/model.js';

type HighsLoader = typeof import('highs')['default'];
type Highs = Awaited<ReturnType<HighsLoader>>;

let runtime: Promise<Highs> | null = null;

/** Loads HiGHS once, silently. */
function highs(): Promise<Highs> {
  runtime ??= import('highs').then((m) => (m.default as unknown as HighsLoader)({}));
  return runtime;
}

/** The reference's optimum (PLAN.md objective, at the quantum). */
export interface ReferenceOptimum {
  /** Status: complete, partial or infeasible. */
  readonly status: 'complete' | 'partial' | 'infeasible';
  /** Last slot with a delivery at the optimum (T* − 1); null unless complete (or nothing to deliver). */
  readonly makespanSlot: number | null;
  /** Smallest maximum lateness in slots over datasets with a due; null without dues or unless complete. */
  readonly maxLateness: number | null;
  /** Ids of datasets whose due every lexicographic optimum meets (see the header). */
  readonly metDues: readonly string[];
  /** Ids of datasets that cannot reach `copies` allowed failure domains on exact capacities. */
  readonly unreachable: readonly string[];
  /** Most quanta the horizon can carry without dues (the demand when complete). */
  readonly maxQuanta: number;
  /** Demand in quanta: Σ copies × ⌈wire/q⌉. */
  readonly demandQuanta: number;
  /** LP solves used. */
  readonly solves: number;
}

/** Options of {@link referenceOptimum}. */
export interface ReferenceOptions {
  /**
   * Solve every probe as a MIP with whole quanta on every column: the optimum of integral plans at
   * the quantum, which the rounded plan can reach at best (small scenarios only).
   * @defaultValue false (the LP relaxation, which the planner's `lowerBound` reports)
   */
  readonly integral?: boolean;
}

/** Everything the LP needs, in quanta, computed once per scenario. */
interface Data {
  readonly s: Scenario;
  readonly S: number;
  readonly N: number;
  readonly node: ReadonlyMap<string, number>;
  readonly linkCap: readonly number[][];
  readonly read: readonly (number | null)[];
  readonly write: readonly (number | null)[];
  readonly storage: readonly number[];
  readonly applianceCap: readonly (number | null)[];
  readonly ingress: readonly (number | null)[];
  readonly egress: readonly (number | null)[];
  /** Per provider: the node indices that belong to it. */
  readonly members: readonly ReadonlySet<number>[];
  readonly perCopy: readonly number[];
  readonly demand: readonly number[];
  /** Last slot meeting each dataset's due, or null. */
  readonly dueSlot: readonly (number | null)[];
}

const floorQ = (bytes: number, q: number): number => Math.floor(bytes / q);
const floorBig = (bytes: bigint, q: number): number => {
  const v = bytes / BigInt(q);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
};

function prepare(s: Scenario, cal: Calendars, q: number): Data {
  const node = new Map(s.nodes.map((n, i) => [n.id, i]));
  const nullable = (v: number | null) => (v === null ? null : floorQ(v, q));
  const perCopy = s.datasets.map((d) => Math.ceil(d.wire / q));
  return {
    s,
    S: cal.slots,
    N: s.nodes.length,
    node,
    linkCap: cal.links.map((c) => Array.from(c, (b) => floorQ(b, q))),
    read: cal.nodeRead.map(nullable),
    write: cal.nodeWrite.map(nullable),
    storage: cal.storage.map((b) => floorBig(b, q)),
    applianceCap: s.nodes.map((n) => (n.capacity === null ? null : floorBig(n.capacity, q))),
    ingress: cal.providerIngress.map(nullable),
    egress: cal.providerEgress.map(nullable),
    members: s.providers.map((p) => new Set(p.nodes.map((id) => node.get(id) as number))),
    perCopy,
    demand: s.datasets.map((d, k) => d.copies * perCopy[k]),
    dueSlot: s.datasets.map((d) =>
      d.due === null ? null : Math.floor((d.due - s.horizon.start) / s.horizon.slotSeconds) - 1,
    ),
  };
}

/** A sparse LP being assembled: columns with their (row, coefficient) entries, rows by key. */
class Builder {
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly cost: number[] = [];
  readonly entries: number[][] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  private readonly rows = new Map<string, number>();

  /** The row named `key`, created with bounds [lo, hi] on first use. */
  row(key: string, lo: number, hi: number): number {
    let r = this.rows.get(key);
    if (r === undefined) {
      r = this.rowLower.length;
      this.rows.set(key, r);
      this.rowLower.push(lo);
      this.rowUpper.push(hi);
    }
    return r;
  }

  col(lo: number, hi: number, cost: number, entries: number[]): number {
    this.lower.push(lo);
    this.upper.push(hi);
    this.cost.push(cost);
    this.entries.push(entries);
    return this.lower.length - 1;
  }
}

/**
 * The most quanta deliverable when deliveries happen in slots 0…T−1 and dataset k's no later than
 * lim[k] (lim[k] ≥ T−1 means no due limit).
 */
async function maxVolume(d: Data, T: number, lim: readonly number[], integral: boolean): Promise<number> {
  const { s } = d;
  const b = new Builder();
  const INF = Number.POSITIVE_INFINITY;
  const cons = (k: number, v: number, t: number) => b.row(`c${k},${v},${t}`, 0, 0);
  s.datasets.forEach((ds, k) => {
    const o = d.node.get(ds.at) as number;
    const r0 = ds.readySlot;
    if (r0 >= T) return; // nothing of k can move inside the probe
    b.col(0, d.demand[k], 1, [cons(k, o, r0), 1]);
    for (let t = r0; t < T; t++) {
      s.links.forEach((l, li) => {
        const cap = d.linkCap[li][t];
        if (cap <= 0 || l.from === l.to) return;
        const u = d.node.get(l.from) as number;
        const w = d.node.get(l.to) as number;
        const e = [cons(k, u, t), -1, cons(k, w, t), 1, b.row(`l${li},${t}`, -INF, cap), 1];
        const rd = d.read[u];
        if (rd !== null) e.push(b.row(`r${u},${t}`, -INF, rd), 1);
        const wr = d.write[w];
        if (wr !== null) e.push(b.row(`w${w},${t}`, -INF, wr), 1);
        s.providers.forEach((_, p) => {
          const cap = d.egress[p];
          if (cap !== null && d.members[p].has(u) && !d.members[p].has(w)) {
            e.push(b.row(`e${p},${t}`, -INF, cap), 1);
          }
        });
        b.col(0, cap, 0, e);
      });
      if (t + 1 < T) {
        for (let v = 0; v < d.N; v++) {
          if (v === o) {
            b.col(0, INF, 0, [cons(k, v, t), -1, cons(k, v, t + 1), 1]);
          } else if (s.nodes[v].kind !== 'exchange' && d.storage[v] > 0) {
            const st = b.row(`h${v},${t}`, -INF, d.storage[v]);
            b.col(0, d.storage[v], 0, [cons(k, v, t), -1, cons(k, v, t + 1), 1, st, 1]);
          }
        }
      }
      if (t <= lim[k]) {
        for (const id of ds.destinations) {
          const v = d.node.get(id) as number;
          const e = [cons(k, v, t), -1];
          if (ds.copies > 1) e.push(b.row(`g${k},${s.nodes[v].domain}`, -INF, d.perCopy[k]), 1);
          const app = d.applianceCap[v];
          if (app !== null) e.push(b.row(`a${v}`, -INF, app), 1);
          s.providers.forEach((_, p) => {
            const cap = d.ingress[p];
            if (cap !== null && d.members[p].has(v)) e.push(b.row(`i${p},${t}`, -INF, cap), 1);
          });
          b.col(0, d.perCopy[k], 0, e);
        }
      }
    }
  });
  const numCols = b.lower.length;
  const numRows = b.rowLower.length;
  if (numCols === 0) return 0;
  const starts = new Int32Array(numCols + 1);
  let nnz = 0;
  for (let c = 0; c < numCols; c++) nnz += b.entries[c].length / 2;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  for (let c = 0; c < numCols; c++) {
    starts[c] = at;
    // Merge repeated rows of one column (a column never meets a row twice here, but be safe).
    const seen = new Map<number, number>();
    const e = b.entries[c];
    for (let i = 0; i < e.length; i += 2) seen.set(e[i], (seen.get(e[i]) ?? 0) + e[i + 1]);
    for (const [r, v] of [...seen].sort((x, y) => x[0] - y[0])) {
      indices[at] = r;
      values[at] = v;
      at++;
    }
  }
  starts[numCols] = at;
  const h = await highs();
  const model = h.createModel({
    numCols,
    numRows,
    sense: h.constants.objectiveSense.maximize,
    colCost: Float64Array.from(b.cost),
    colLower: Float64Array.from(b.lower),
    colUpper: Float64Array.from(b.upper, (u) => (u === INF ? h.infinity : u)),
    rowLower: Float64Array.from(b.rowLower, (u) => (u === -INF ? -h.infinity : u)),
    rowUpper: Float64Array.from(b.rowUpper, (u) => (u === INF ? h.infinity : u)),
    ...(integral ? { integrality: new Int32Array(numCols).fill(h.constants.variableType.integer) } : {}),
    matrix: {
      format: 'csc',
      numRows,
      numCols,
      starts,
      indices: indices.subarray(0, at),
      values: values.subarray(0, at),
    },
  });
  try {
    model.options.set({ output_flag: false, log_to_console: false });
    if (integral) model.options.set({ mip_rel_gap: 0, mip_abs_gap: 0.5 });
    else model.options.set({ solver: 'simplex' });
    const run = model.run();
    if (run.modelStatus === h.constants.modelStatus.empty) return 0;
    if (run.modelStatus !== h.constants.modelStatus.optimal) {
      throw new Error(`reference LP: HiGHS model status ${run.modelStatus} (T = ${T})`);
    }
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

/**
 * Datasets that cannot reach `copies` distinct allowed failure domains within the horizon on exact
 * capacities (PLAN.md "status"): a sweep over (node, slot) from the origin at the ready slot.
 */
export function unreachableDatasets(s: Scenario, cal: Calendars): string[] {
  const S = cal.slots;
  const idx = new Map(s.nodes.map((n, i) => [n.id, i]));
  const egressClosed = (from: number, to: number) =>
    s.providers.some((p, pi) => {
      if (cal.providerEgress[pi] !== 0) return false;
      const m = p.nodes.map((id) => idx.get(id));
      return m.includes(from) && !m.includes(to);
    });
  const storable = s.nodes.map((n) => {
    if (n.capacity === 0n) return false;
    const pi = s.providers.findIndex((p) => p.nodes.includes(n.id));
    return !(pi >= 0 && cal.providerIngress[pi] === 0);
  });
  const out: string[] = [];
  for (const ds of s.datasets) {
    const o = idx.get(ds.at) as number;
    const dest = new Set(ds.destinations.map((id) => idx.get(id) as number));
    const seen = new Uint8Array(s.nodes.length * S);
    const domains = new Set<string>();
    const queue: number[] = [];
    const push = (v: number, t: number) => {
      if (t < S && !seen[t * s.nodes.length + v]) {
        seen[t * s.nodes.length + v] = 1;
        queue.push(v, t);
      }
    };
    push(o, ds.readySlot);
    for (let i = 0; i < queue.length; i += 2) {
      const v = queue[i];
      const t = queue[i + 1];
      if (dest.has(v) && storable[v]) domains.add(s.nodes[v].domain as string);
      if (v === o || (s.nodes[v].kind !== 'exchange' && cal.storage[v] > 0n)) push(v, t + 1);
      s.links.forEach((l, li) => {
        const u = idx.get(l.from) as number;
        const w = idx.get(l.to) as number;
        if (u !== v || w === v || cal.links[li][t] <= 0) return;
        if (cal.nodeRead[u] === 0 || cal.nodeWrite[w] === 0 || egressClosed(u, w)) return;
        push(w, t);
      });
    }
    if (domains.size < ds.copies) out.push(ds.id);
  }
  return out;
}

/** Smallest x in [lo, hi] with ok(x), given ok(hi). */
async function smallest(lo: number, hi: number, ok: (x: number) => Promise<boolean>): Promise<number> {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

/**
 * The lexicographic optimum the planner claims (PLAN.md earliest-completion): smallest maximum
 * lateness, then smallest makespan, at quantum `quantum`; see the header.
 */
export async function referenceOptimum(
  s: Scenario,
  cal: Calendars,
  quantum = 1_000_000,
  options: ReferenceOptions = {},
): Promise<ReferenceOptimum> {
  const integral = options.integral ?? false;
  const d = prepare(s, cal, quantum);
  const D = d.demand.reduce((a, b) => a + b, 0);
  const eps = 1e-6 * D + 1e-6;
  let solves = 0;
  const limits = (T: number, L: number | null) =>
    d.dueSlot.map((u) => (L === null || u === null ? T - 1 : Math.min(T - 1, u + L)));
  const volume = (T: number, L: number | null) => {
    solves++;
    return maxVolume(d, T, limits(T, L), integral);
  };
  const carries = async (T: number, L: number | null) => (await volume(T, L)) >= D - eps;
  const unreachable = unreachableDatasets(s, cal);
  const dues = d.dueSlot.flatMap((u, k) => (u === null ? [] : [k]));
  if (D === 0) {
    return {
      status: 'complete',
      makespanSlot: null,
      maxLateness: dues.length > 0 ? 0 : null,
      metDues: dues.map((k) => s.datasets[k].id),
      unreachable,
      maxQuanta: 0,
      demandQuanta: 0,
      solves,
    };
  }
  const whole = await volume(d.S, null);
  if (whole < D - eps) {
    return {
      status: unreachable.length > 0 ? 'infeasible' : 'partial',
      makespanSlot: null,
      maxLateness: null,
      metDues: [],
      unreachable,
      maxQuanta: whole,
      demandQuanta: D,
      solves,
    };
  }
  // Beyond lMax every due limit reaches the last slot: the LP without dues, which carries D.
  const lMax = Math.max(0, ...dues.map((k) => d.S - 1 - (d.dueSlot[k] as number)));
  const L = dues.length === 0 ? null : await smallest(0, lMax, (x) => carries(d.S, x));
  const T = await smallest(1, d.S, (x) => carries(x, L));
  const met = L === 0 ? dues : dues.filter((k) => (d.dueSlot[k] as number) >= T - 1);
  return {
    status: 'complete',
    makespanSlot: T - 1,
    maxLateness: L,
    metDues: met.map((k) => s.datasets[k].id),
    unreachable,
    maxQuanta: whole,
    demandQuanta: D,
    solves,
  };
}
