/**
 * (dataset, node) pairs touched by a plan: the cells of the verifier's per-dataset flow balance.
 *
 * Every counted transfer touches two pairs (dataset at `from`, dataset at `to`), every counted
 * delivery one, and every dataset one at its origin (its release). Pairs are numbered densely in
 * order of first appearance (releases first, so pair d is dataset d at its origin), which keeps
 * the flow check on typed arrays sized by what the plan actually uses, not datasets × nodes.
 *
 * Complexity: O(datasets + rows) time, one table lookup per row end (a typed array while
 * datasets × nodes ≤ 2^22, else a Map); O(pairs) memory plus the table.
 */
import type { Scenario } from '../io/model.js';
import type { PlanRows, ScenarioIds } from './rows.js';

/** Largest datasets × nodes for which pairs are looked up in a dense table (16 MiB). */
const DENSE_LIMIT = 1 << 22;

/** The pair index of a plan. */
export interface Pairs {
  readonly count: number;
  /** Dataset index of each pair. */
  readonly ds: Int32Array;
  /** Node index of each pair. */
  readonly node: Int32Array;
  /** Per transfer row: pair at the link's `from` (−1 when the row is not counted). */
  readonly tFrom: Int32Array;
  /** Per transfer row: pair at the link's `to` (−1 when the row is not counted). */
  readonly tTo: Int32Array;
  /** Per delivery row: pair at the node (−1 when the row is not counted). */
  readonly del: Int32Array;
}

/** Numbers the (dataset, node) pairs of a plan; pair d is dataset d at its origin. */
export function buildPairs(s: Scenario, ids: ScenarioIds, rows: PlanRows): Pairs {
  const N = s.nodes.length;
  const nT = rows.tSlot.length;
  const nD = rows.dSlot.length;
  const max = s.datasets.length + 2 * nT + nD;
  const ds = new Int32Array(max);
  const node = new Int32Array(max);
  // Pair numbers by key d × N + v: a dense table while it is small, else a Map.
  const dense = s.datasets.length * N <= DENSE_LIMIT ? new Int32Array(s.datasets.length * N).fill(-1) : null;
  const sparse = dense === null ? new Map<number, number>() : null;
  let count = 0;
  const pairOf = (d: number, v: number): number => {
    const key = d * N + v;
    let p = dense !== null ? dense[key] : (sparse!.get(key) ?? -1);
    if (p < 0) {
      p = count++;
      if (dense !== null) dense[key] = p;
      else sparse!.set(key, p);
      ds[p] = d;
      node[p] = v;
    }
    return p;
  };
  for (let d = 0; d < s.datasets.length; d++) pairOf(d, ids.node.get(s.datasets[d].at)!);
  const linkFrom = s.links.map((l) => ids.node.get(l.from)!);
  const linkTo = s.links.map((l) => ids.node.get(l.to)!);
  const tFrom = new Int32Array(nT).fill(-1);
  const tTo = new Int32Array(nT).fill(-1);
  for (let i = 0; i < nT; i++) {
    if (!rows.tOk[i]) continue;
    const d = rows.tDs[i];
    const l = rows.tLink[i];
    tFrom[i] = pairOf(d, linkFrom[l]);
    tTo[i] = pairOf(d, linkTo[l]);
  }
  const del = new Int32Array(nD).fill(-1);
  for (let i = 0; i < nD; i++) if (rows.dOk[i]) del[i] = pairOf(rows.dDs[i], rows.dNode[i]);
  return { count, ds: ds.slice(0, count), node: node.slice(0, count), tFrom, tTo, del };
}
