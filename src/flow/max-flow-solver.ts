/**
 * Maximum s–t flow by highest-label push-relabel, stateful so that it re-solves warm: the public
 * solver over the phase routines of its sibling modules.
 *
 * Model: a {@link FlowNetwork} with integer capacities (changeable per input arc), a source s and
 * a sink t. The solver holds a preflow f in residual form ({@link PreflowState}); f is a flow
 * when no node but s and t holds excess.
 *
 * Algorithm (Goldberg–Tarjan push-relabel, in the hi_pr variant of Cherkassky–Goldberg):
 * - Phase 1 (`labels.ts`, `discharge.ts`) turns the current preflow into a maximum preflow: label
 *   (flat on the first solve, else an exact global relabelling), saturate the arcs out of s whose
 *   heads can reach t, discharge active nodes highest label first with global relabelling and
 *   the gap heuristic. The sink's excess is then the maximum flow value, and every node left with
 *   excess is cut off from t.
 * - Phase 2 (`return-excess.ts`) sends that parked excess back to s, giving a maximum flow.
 *
 * Lazy phase 2 and warm starts: {@link MaxFlowSolver.solveValue} runs phase 1 only and keeps the
 * excess parked; the value, {@link MaxFlowSolver.minCut} and {@link MaxFlowSolver.snapshot} need
 * nothing more. Phase 2 runs when a flow is asked for ({@link MaxFlowSolver.solve},
 * {@link MaxFlowSolver.flows}, {@link MaxFlowSolver.flowOf}). A later solve continues from the
 * preflow: after capacities rise, a global relabelling finds the parked excess that can now reach
 * t, and it is released in waves, nearest to t first (`discharge.ts`), so that about as much moves
 * as the new capacity takes — instead of re-flooding the network from s, as a solve must after
 * the excess has been returned. A capacity decrease below an arc's flow
 * lowers the flow, parks the difference at the tail and repairs the deficit at the head
 * ({@link repairDeficit}); a preflow allows both, so every solve continues from a preflow.
 *
 * State flags: `maximal` — the preflow is maximum for the current capacities (phase 1 ran and no
 * capacity or flow changed since), so a solve skips phase 1; `parked` — some node but s and t may
 * hold excess, so a flow needs phase 2 first.
 *
 * Complexity: O(n²√m) for phase 1 with highest-label selection, O(n + m) per global relabelling;
 * phase 2 O(nm) worst case (one cancellation per flow cycle), linear in practice. Memory: see
 * {@link PreflowState} (34 bytes per input arc + 40 per node).
 *
 * Exactness: all quantities are integers below 2^53 held in float64, which holds when the
 * capacities out of s sum to less than 2^53 (every excess is a part of that sum); a solve returns
 * `bad-input` otherwise.
 *
 * References: A. V. Goldberg, R. E. Tarjan, "A new approach to the maximum-flow problem", JACM
 * 35(4), 1988; B. V. Cherkassky, A. V. Goldberg, "On implementing the push-relabel method for the
 * maximum flow problem", Algorithmica 19(4), 1997.
 */
import { activateWave, dischargeAll, makeActiveDormant, saturateSource } from './discharge.js';
import { flatLabels, globalRelabel } from './labels.js';
import type {
  MaxFlowCounters,
  MaxFlowOptions,
  MaxFlowResult,
  MaxFlowValueResult,
  MinCut,
} from './maxflow-types.js';
import { diffCounters, zeroCounters } from './maxflow-types.js';
import { preflowMinCut, residualMinCut } from './min-cut.js';
import { CAPACITY_LIMIT, type FlowNetwork } from './network.js';
import { PreflowState } from './preflow-state.js';
import { repairDeficit } from './repair-deficit.js';
import { returnExcess } from './return-excess.js';

/**
 * A push-relabel max-flow solver over one network that keeps its (pre)flow between solves (see
 * the module header): change capacities, snapshot and restore the state, and solve again warm.
 */
export class MaxFlowSolver {
  /** Cumulative work counters over every call on this solver. */
  readonly counters: MaxFlowCounters = zeroCounters();

  private readonly st: PreflowState;
  private readonly badInput: string | null;
  private readonly flatColdStart: boolean;
  /** Phase 1 has run at least once (the flat cold start is for the first run only). */
  private started = false;
  /** The preflow is maximum for the current capacities: phase 1 may be skipped. */
  private maximal = false;
  /** A node other than s and t may hold excess: a flow needs phase 2 first. */
  private parked = false;

  /**
   * @param net - the network (not modified: the solver keeps its own residual capacities)
   * @param source - source node s
   * @param sink - sink node t (≠ s)
   * @param options - see {@link MaxFlowOptions}
   */
  constructor(net: FlowNetwork, source: number, sink: number, options: MaxFlowOptions = {}) {
    this.badInput = checkTerminals(net.n, source, sink);
    this.flatColdStart = options.flatColdStart ?? true;
    const freq = options.globalUpdateFrequency ?? 0.5;
    if (!(freq > 0)) throw new RangeError(`MaxFlowSolver: globalUpdateFrequency must be > 0, got ${freq}`);
    this.st = new PreflowState(net, source, sink, options.heuristics ?? true, freq, this.counters);
  }

  /**
   * Sets the capacity of input arc `inputArc`. Raising it keeps the flow; lowering it below the
   * arc's flow lowers the flow and repairs the state (see the module header), so the next solve
   * is correct either way. Setting the current capacity again changes nothing.
   * @throws RangeError for an arc index out of range or a capacity not an integer in [0, 2^53)
   */
  setCapacity(inputArc: number, capacity: number): void {
    this.checkArc(inputArc);
    if (!(capacity >= 0 && capacity < CAPACITY_LIMIT) || !Number.isInteger(capacity)) {
      throw new RangeError(
        `MaxFlowSolver.setCapacity: arc ${inputArc}: capacity must be an integer in [0, 2^53), got ${capacity}`,
      );
    }
    const { net, res, pair, excess } = this.st;
    const a = net.arcOf[inputArc];
    if (pair[a] === capacity) return;
    this.maximal = false;
    const b = net.rev[a];
    const flow = res[b];
    pair[a] = capacity;
    pair[b] = capacity;
    if (capacity >= flow) {
      res[a] = capacity - flow;
      return;
    }
    res[a] = 0;
    res[b] = capacity;
    const delta = flow - capacity;
    excess[net.head[b]] += delta;
    this.parked = true;
    const w = net.head[a];
    excess[w] -= delta;
    if (w !== this.st.s && w !== this.st.t) this.repair(w);
  }

  /** Current capacity of input arc `inputArc`. */
  capacityOf(inputArc: number): number {
    this.checkArc(inputArc);
    return this.st.pair[this.st.net.arcOf[inputArc]];
  }

  /** Current capacities of all input arcs. */
  capacities(): Float64Array {
    const { arcOf, arcCount } = this.st.net;
    const pair = this.st.pair;
    const out = new Float64Array(arcCount);
    for (let i = 0; i < arcCount; i++) out[i] = pair[arcOf[i]];
    return out;
  }

  /**
   * Computes the maximum flow value (phase 1 only), starting from the current preflow, and keeps
   * the maximum preflow: excess that cannot reach the sink stays parked where it is. Afterwards
   * `value`, {@link MaxFlowSolver.minCut} and {@link MaxFlowSolver.snapshot} are available at no
   * extra cost; {@link MaxFlowSolver.flows} / `flowOf` / `solve()` return the excess to the
   * source first. The cheap way to re-solve after raising capacities (see the module header).
   * @returns `optimal` with the value and this call's counters, or `bad-input`
   */
  solveValue(): MaxFlowValueResult {
    const problem = this.inputProblem();
    if (problem !== null) return { status: 'bad-input', message: problem };
    const before = { ...this.counters };
    this.counters.solves++;
    this.runPhase1();
    return { status: 'optimal', value: this.value, counters: diffCounters(this.counters, before) };
  }

  /**
   * Computes a maximum flow, starting from the current (pre)flow (cold on a fresh solver): phase 1
   * unless the state is already a maximum preflow, then phase 2.
   * @returns `optimal` with the value, per-arc flows and this call's counters, or `bad-input`
   */
  solve(): MaxFlowResult {
    const problem = this.inputProblem();
    if (problem !== null) return { status: 'bad-input', message: problem };
    const before = { ...this.counters };
    this.counters.solves++;
    this.runPhase1();
    this.settle();
    return {
      status: 'optimal',
      value: this.value,
      flow: this.rawFlows(),
      counters: diffCounters(this.counters, before),
    };
  }

  /** Flow value: the sink's excess (net inflow) in the current state, flow or preflow. */
  get value(): number {
    return this.st.excess[this.st.t];
  }

  /** Flow on input arc `inputArc` (returns parked excess to the source first, see `flows`). */
  flowOf(inputArc: number): number {
    this.checkArc(inputArc);
    this.settle();
    const { net, res } = this.st;
    return res[net.rev[net.arcOf[inputArc]]];
  }

  /**
   * Flow on every input arc (a fresh array). If excess is parked at nodes (after `solveValue()`,
   * or a capacity decrease), phase 2 first returns it to the source, so the result is always a
   * flow; it is a maximum flow when no capacity changed since the last solve.
   */
  flows(): Float64Array {
    this.settle();
    return this.rawFlows();
  }

  /**
   * The current state to {@link MaxFlowSolver.restore} later: the flow on every input arc, as it
   * is — after `solveValue()` a preflow with the excess still parked (phase 2 is not forced), so
   * that a restore and a solve continue from it without re-flooding the network.
   */
  snapshot(): Float64Array {
    return this.rawFlows();
  }

  /**
   * Puts back the (pre)flow of a {@link MaxFlowSolver.snapshot} (one flow per input arc), under
   * the capacities as they are now, in O(n + m). Where a capacity is now below the snapshot's
   * flow, the flow is lowered to the capacity and the state repaired as by `setCapacity`, so the
   * next solve is still correct (just warm from a nearby state). A preflow snapshot comes back
   * with its excess parked.
   * @throws RangeError if the length differs from the arc count or a flow is not an integer ≥ 0
   */
  restore(snap: Float64Array): void {
    const st = this.st;
    const { arcOf, rev, head, arcCount } = st.net;
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
    const { res, pair, excess, n, s, t } = st;
    excess.fill(0);
    for (let i = 0; i < arcCount; i++) {
      const a = arcOf[i];
      const b = rev[a];
      const cap = pair[a];
      const f = Math.min(snap[i], cap);
      res[a] = cap - f;
      res[b] = f;
      excess[head[a]] += f;
      excess[head[b]] -= f;
    }
    for (let v = 0; v < n; v++) {
      if (excess[v] < 0 && v !== s && v !== t) this.repair(v);
    }
    this.maximal = false;
    this.parked = false;
    for (let v = 0; v < n; v++) {
      if (excess[v] > 0 && v !== s && v !== t) {
        this.parked = true;
        break;
      }
    }
  }

  /**
   * A minimum cut of the current state: the nodes reachable from s in the residual network (with
   * excess parked, also from the excess nodes, which gives the same cut as after phase 2; see
   * `min-cut.ts`) and the input arcs leaving them. After a solve its capacity equals the value,
   * and it is the same cut whichever way (warm or cold, phase 1 or both) the solve went.
   */
  minCut(): MinCut {
    const { net, res, s, t, excess, queue } = this.st;
    return this.parked ? preflowMinCut(net, res, s, t, excess, queue) : residualMinCut(net, res, s, queue);
  }

  /** Bytes held by the solver's own typed arrays (the network's are separate). */
  byteSize(): number {
    return this.st.byteSize();
  }

  private rawFlows(): Float64Array {
    const { net, pair, res } = this.st;
    const { arcOf, arcCount } = net;
    const out = new Float64Array(arcCount);
    // pair − res on the forward arc: one scattered read per arc instead of two.
    for (let i = 0; i < arcCount; i++) {
      const a = arcOf[i];
      out[i] = pair[a] - res[a];
    }
    return out;
  }

  /** Phase 1, unless the preflow is already maximum for the current capacities. */
  private runPhase1(): void {
    if (this.maximal) return;
    const st = this.st;
    // A warm start relabels exactly and holds the reactivated parked excess back (see
    // discharge.ts): it is released in waves, nearest to the sink first.
    const warm = st.heuristics && (this.started || !this.flatColdStart);
    if (!st.heuristics) flatLabels(st, 0);
    else if (!warm) flatLabels(st, 1);
    else {
      globalRelabel(st);
      makeActiveDormant(st);
    }
    this.started = true;
    saturateSource(st);
    st.work = 0;
    dischargeAll(st);
    if (warm) while (activateWave(st)) dischargeAll(st);
    this.maximal = true;
    this.parked = true;
  }

  /** Phase 2 if excess may be parked: returns it to the source, leaving a flow. */
  private settle(): void {
    if (!this.parked) return;
    const st = this.st;
    const back = returnExcess({
      n: st.n,
      s: st.s,
      t: st.t,
      start: st.net.start,
      head: st.net.head,
      rev: st.net.rev,
      res: st.res,
      forward: st.forward,
      excess: st.excess,
      cur: st.cur,
      color: st.label,
      stack: st.aNext,
      order: st.iNext,
    });
    // Phase 2 used the labels as colours; the deficit repair's visit stamps must exceed them.
    st.stamp = st.n + 1;
    this.parked = false;
    this.counters.cyclesCancelled += back.cycles;
    this.counters.returnPushes += back.pushes;
    if (back.pushes > 0) this.counters.flowReturns++;
  }

  private checkArc(i: number): void {
    const m = this.st.net.arcCount;
    if (!Number.isInteger(i) || i < 0 || i >= m) {
      throw new RangeError(`MaxFlowSolver: input arc ${i} out of range 0…${m - 1}`);
    }
  }

  private repair(v: number): void {
    const st = this.st;
    if (st.stamp > 2 ** 31 - 2 - st.n) {
      // Between solves the labels are scratch (every solve recomputes them): clear and restart.
      st.label.fill(0);
      st.stamp = st.n + 1;
    }
    const r = repairDeficit(
      {
        s: st.s,
        t: st.t,
        start: st.net.start,
        head: st.net.head,
        rev: st.net.rev,
        res: st.res,
        forward: st.forward,
        excess: st.excess,
        seen: st.label,
        stack: st.aNext,
        arcStack: st.iNext,
      },
      v,
      st.stamp,
    );
    // The labels double as visit stamps (every solve recomputes the labels before use).
    st.stamp = r.stamp;
    this.counters.repairPaths += r.paths;
  }

  /** Why a solve cannot run (bad terminals, or capacities out of s summing to 2^53), else null. */
  private inputProblem(): string | null {
    if (this.badInput !== null) return this.badInput;
    const { net, s, forward, pair } = this.st;
    let sum = 0;
    for (let a = net.start[s]; a < net.start[s + 1]; a++) {
      if (forward[a] === 1) sum += pair[a];
    }
    if (sum >= CAPACITY_LIMIT) {
      return `the capacities out of the source sum to ${sum}, at least 2^53: flow values would not be exact`;
    }
    return null;
  }
}

/** Message if s or t is not a node or s = t, else null. */
function checkTerminals(n: number, s: number, t: number): string | null {
  if (!Number.isInteger(s) || s < 0 || s >= n) return `source ${s} is not a node (0…${n - 1})`;
  if (!Number.isInteger(t) || t < 0 || t >= n) return `sink ${t} is not a node (0…${n - 1})`;
  if (s === t) return `source and sink are the same node (${s})`;
  return null;
}
