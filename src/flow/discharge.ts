/**
 * Phase 1 of push-relabel: from a preflow with valid labels, push excess towards the sink until
 * no active node is left below label n. The result is a maximum preflow: its sink excess is the
 * maximum flow value, and every node left with excess is cut off from the sink.
 *
 * Model: a {@link PreflowState} with valid labels and its buckets built (by `labels.ts`). An arc
 * v→w is admissible when it is residual and d(v) = d(w) + 1. The active node of highest label is
 * discharged: it pushes min(excess, residual) along admissible arcs, scanned from its current-arc
 * pointer; when none is left it is relabelled to 1 + min d(w) over its residual arcs, or lifted
 * to n with every node above its old label when that label is now empty (gap). After relabel
 * work of `updatePeriod` the labels are recomputed exactly (global relabelling).
 *
 * Warm starts in waves. Continuing from a maximum preflow after capacities changed, the exact
 * relabelling finds every parked excess node that can reach t again. Discharging them all,
 * farthest first, would push all of that excess towards t although only the new capacity's worth
 * gets through, the rest to be lifted back to n (on the planner's time-expanded networks, whose
 * origins hold far more than the open slots take, that costs as much as a cold solve). Instead
 * they are made *dormant*: kept in the inactive lists (a push into one adds to its excess without
 * activating it) and queued by label. Whenever no node is active, the next wave — the dormant
 * nodes of lowest label — is activated and discharged highest label first. Dormant excess that
 * is cut off meanwhile (by a gap or a global relabelling) is never moved. Phase 1 ends when no
 * node is active and no dormant node is left below n, so the result is a maximum preflow as
 * before; only the order of discharges changes.
 *
 * Invariants: label validity and the bucket invariants of {@link PreflowState} hold between two
 * discharges (a dormant node counts as inactive); the current arc of v only moves past arcs that
 * are not admissible, and is reset when v is relabelled (to the arc that gave the new label, the
 * first admissible one).
 *
 * Complexity: O(n²√m) pushes and relabels with highest-label selection (a warm start in waves
 * keeps the O(n²m) bound of generic push-relabel); O(n + m) per global relabelling. In practice
 * close to linear on the families of the benchmark.
 *
 * Performance note: the loop body lives in small functions. V8 optimises them from full type
 * feedback, whereas one long loop would depend on on-stack replacement and deoptimise at every
 * rare branch (measured: up to 2× slower on RMF).
 *
 * Reference: A. V. Goldberg, R. E. Tarjan, "A new approach to the maximum-flow problem", JACM
 * 35(4), 1988; B. V. Cherkassky, A. V. Goldberg, "On implementing the push-relabel method for the
 * maximum flow problem", Algorithmica 19(4), 1997 (hi_pr).
 */
import { globalRelabel, insertInactive, liftGap } from './labels.js';
import { type PreflowState, RELABEL_WORK } from './preflow-state.js';

/**
 * Pushes the full residual capacity of every arc out of s whose head has a label below n (or is
 * t), which makes the labels valid on the arcs out of s.
 */
export function saturateSource(st: PreflowState): void {
  const { n, s, t, label, excess, aFirst, aNext, iFirst, iNext, iPrev, res } = st;
  const { start, head, rev } = st.net;
  let aMax = st.aMax;
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
  st.aMax = aMax;
  st.counters.pushes += pushes;
}

/** Discharges active nodes, highest label first, until none is left below n. */
export function dischargeAll(st: PreflowState): void {
  const period = st.updatePeriod;
  const heuristics = st.heuristics;
  for (let v = nextActive(st); v >= 0; v = nextActive(st)) {
    discharge(st, v);
    if (heuristics && st.work > period) {
      globalRelabel(st);
      st.work = 0;
    }
  }
}

/**
 * Warm start from a maximum preflow: makes every active node (parked excess that can reach t
 * again) dormant — moved to the inactive list of its label, marked by `cur = −1` and queued by
 * label, lowest first, through `aNext`.
 */
export function makeActiveDormant(st: PreflowState): void {
  const { aFirst, aNext, cur } = st;
  let first = -1;
  let last = -1;
  for (let l = 0; l <= st.aMax; l++) {
    for (let v = aFirst[l]; v >= 0; ) {
      const next = aNext[v];
      insertInactive(st, v, l);
      cur[v] = -1;
      if (last >= 0) aNext[last] = v;
      else first = v;
      last = v;
      v = next;
    }
    aFirst[l] = -1;
  }
  if (last >= 0) aNext[last] = -1;
  st.aMax = -1;
  st.dormantFirst = first;
}

/**
 * Wakes the next wave of dormant nodes: from the front of the queue, those whose label is at most
 * that of the first one still below n; nodes lifted to n meanwhile stay parked.
 * @returns false when no dormant node is left
 */
export function activateWave(st: PreflowState): boolean {
  const { n, label, cur, excess, aFirst, aNext, iFirst, iNext, iPrev } = st;
  const start = st.net.start;
  let v = st.dormantFirst;
  while (v >= 0 && label[v] >= n) {
    const next = aNext[v];
    cur[v] = start[v];
    v = next;
  }
  if (v < 0) {
    st.dormantFirst = -1;
    return false;
  }
  const top = label[v];
  while (v >= 0) {
    const d = label[v];
    if (d > top) break;
    const next = aNext[v];
    cur[v] = start[v];
    if (excess[v] > 0) {
      const nx = iNext[v];
      const pv = iPrev[v];
      if (pv >= 0) iNext[pv] = nx;
      else iFirst[d] = nx;
      if (nx >= 0) iPrev[nx] = pv;
      aNext[v] = aFirst[d];
      aFirst[d] = v;
      if (d > st.aMax) st.aMax = d;
    }
    v = next;
  }
  st.dormantFirst = v;
  return true;
}

/** Removes and returns an active node of highest label, or −1 if none is left. */
function nextActive(st: PreflowState): number {
  const aFirst = st.aFirst;
  let aMax = st.aMax;
  while (aMax >= 0) {
    const v = aFirst[aMax];
    if (v >= 0) {
      aFirst[aMax] = st.aNext[v];
      st.aMax = aMax;
      return v;
    }
    aMax--;
  }
  st.aMax = -1;
  return -1;
}

/** Pushes v's excess along admissible arcs, relabelling v as needed, until it is empty or cut off. */
function discharge(st: PreflowState, v: number): void {
  const { n, t, label, cur, excess, aFirst, aNext, iFirst, iNext, iPrev, res } = st;
  const { start, head, rev } = st.net;
  const counters = st.counters;
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
            if (dm1 > st.aMax) st.aMax = dm1;
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
    st.work += RELABEL_WORK + end - s0;
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
    if (aFirst[d] < 0 && iFirst[d] < 0 && st.heuristics) {
      liftGap(st, d);
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
    if (nd > st.dMax) st.dMax = nd;
  }
  excess[v] = ex;
  counters.pushes += pushes;
}
