/**
 * Distance labels of push-relabel: the exact global relabelling, the flat start and the gap
 * heuristic, on a {@link PreflowState}.
 *
 * Model: labels d estimate the residual distance to the sink t; they are valid when d(t) = 0,
 * d(s) = n and d(v) ≤ d(w) + 1 on every residual arc v→w (arcs out of s excepted: phase 1
 * saturates those whose heads can still reach t). A node at label n cannot reach t.
 * - Global relabelling: a backward BFS from t over residual arcs sets d to the exact distance,
 *   n where t is out of reach, and rebuilds the buckets. O(n + m).
 * - Flat labels: d = `base` at every node but s and t, valid from any preflow once the arcs out of
 *   s are saturated. O(n).
 * - Gap: when a label d < n holds no node any more, no node above d can reach t (its residual path
 *   would need a node at label d), so all of them go to n at once. O(nodes lifted + labels).
 * Invariants kept: those of {@link PreflowState} (every bucketed node in the bucket of its label).
 *
 * Reference: A. V. Goldberg, R. E. Tarjan, "A new approach to the maximum-flow problem", JACM
 * 35(4), 1988; B. V. Cherkassky, A. V. Goldberg, "On implementing the push-relabel method for the
 * maximum flow problem", Algorithmica 19(4), 1997 (global update and gap heuristics).
 */
import type { PreflowState } from './preflow-state.js';

/** Exact distance labels by backward BFS from t; rebuilds the buckets. O(n + m). */
export function globalRelabel(st: PreflowState): void {
  const { n, t, label, aFirst, iFirst, queue } = st;
  st.counters.globalUpdates++;
  // The deficit repair's visit stamps live in `label` above n: restart them, as every label is
  // rewritten here.
  st.stamp = n + 1;
  label.fill(n);
  aFirst.fill(-1);
  iFirst.fill(-1);
  label[t] = 0;
  queue[0] = t;
  st.aMax = -1;
  st.dMax = 0;
  let qt = 1;
  // One call per node: short, frequently called functions get optimised with full type
  // feedback, which a single long loop (compiled by on-stack replacement) does not.
  for (let qh = 0; qh < qt; qh++) qt = labelNeighbours(st, queue[qh], qt);
}

/** BFS step of {@link globalRelabel}: labels the unlabelled nodes that reach w, enqueues them. */
function labelNeighbours(st: PreflowState, w: number, qt: number): number {
  const { n, s, label, cur, excess, aFirst, aNext, iFirst, iNext, iPrev, res, pair, queue } = st;
  const { start, head } = st.net;
  const d = label[w] + 1;
  const end = start[w + 1];
  for (let a = start[w]; a < end; a++) {
    const v = head[a];
    // The arc v→w is the reverse of a; it is residual unless a itself is at its full pair capacity.
    if (label[v] !== n || v === s || res[a] >= pair[a]) continue;
    label[v] = d;
    if (cur[v] < 0) {
      // Dormant (warm start, see discharge.ts): stays inactive, its mark and its queue link kept.
      insertInactive(st, v, d);
    } else if (excess[v] > 0) {
      cur[v] = start[v];
      aNext[v] = aFirst[d];
      aFirst[d] = v;
      st.aMax = d;
    } else {
      cur[v] = start[v];
      const f = iFirst[d];
      iNext[v] = f;
      iPrev[v] = -1;
      if (f >= 0) iPrev[f] = v;
      iFirst[d] = v;
    }
    st.dMax = d;
    queue[qt++] = v;
  }
  return qt;
}

/** Puts v at the front of the inactive list of label d. */
export function insertInactive(st: PreflowState, v: number, d: number): void {
  const { iFirst, iNext, iPrev } = st;
  const f = iFirst[d];
  iNext[v] = f;
  iPrev[v] = -1;
  if (f >= 0) iPrev[f] = v;
  iFirst[d] = v;
}

/**
 * Flat labels: every node `base` (s: n, t: 0). `base` 0 without heuristics (textbook start); 1
 * for the cold start, which lets the first global relabelling wait for the first relabel work, as
 * Boost and hi_pr's variants do.
 */
export function flatLabels(st: PreflowState, base: number): void {
  const { n, s, t, label, cur, excess, aFirst, aNext, iFirst, iNext, iPrev } = st;
  st.stamp = n + 1;
  label.fill(base);
  label[s] = n;
  label[t] = 0;
  cur.set(st.net.start.subarray(0, n));
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
  st.aMax = aMax;
  st.dMax = base;
}

/** Gap at label d (no node holds it): every node above d is cut off from t, so lift it to n. */
export function liftGap(st: PreflowState, d: number): void {
  const { n, label, aFirst, aNext, iFirst, iNext } = st;
  let lifted = 0;
  for (let l = d + 1; l <= st.dMax; l++) {
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
  st.dMax = d - 1;
  if (st.aMax > d - 1) st.aMax = d - 1;
  st.counters.gaps++;
  st.counters.gapNodes += lifted;
}
