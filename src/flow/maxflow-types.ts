/**
 * Types shared by the max-flow solver, its min cut and its checker: options, results, counters.
 */

/** Options of {@link MaxFlowSolver} and {@link maxFlow}. */
export interface MaxFlowOptions {
  /**
   * Global relabelling (periodic exact distance labels by a backward BFS from the sink) and the
   * gap heuristic. Turning them off leaves textbook highest-label push-relabel, which is correct
   * but much slower: it exists so that a benchmark-regression test can make the solver slower on
   * purpose.
   * @internal
   * @defaultValue true
   */
  readonly heuristics?: boolean;
  /**
   * How often global relabelling runs: after relabel work (12 per relabel plus the arcs it
   * scans) exceeds `(6·n + m) / globalUpdateFrequency`, as in Cherkassky & Goldberg's hi_pr.
   * @defaultValue 0.5
   */
  readonly globalUpdateFrequency?: number;
  /**
   * First solve of a solver: start from flat labels (1 everywhere) instead of a global
   * relabelling. Measured faster on the AK family and no slower elsewhere; later (warm) solves
   * always start with a global relabelling.
   * @internal
   * @defaultValue true
   */
  readonly flatColdStart?: boolean;
}

/**
 * Work counters of the solver, deterministic for a given network and sequence of calls (a
 * regression shows as a jump in a counter, which timing noise cannot hide).
 */
export interface MaxFlowCounters {
  /**
   * Calls of `solve()` and `solveValue()` (one right after another with no change in between
   * skips phase 1: then only phase 2 may run).
   */
  solves: number;
  /** Pushes of flow along one residual arc in phase 1 (source saturation included). */
  pushes: number;
  /** Relabel operations. */
  relabels: number;
  /** Global relabellings (backward BFS from the sink). */
  globalUpdates: number;
  /** Gaps found (a label with no node left: every node above it is cut off from the sink). */
  gaps: number;
  /** Nodes lifted to n by gaps. */
  gapNodes: number;
  /** Arcs scanned by relabels. */
  relabelArcScans: number;
  /** Flow cycles cancelled in phase 2 (returning excess to the source). */
  cyclesCancelled: number;
  /** Pushes back towards the source in phase 2. */
  returnPushes: number;
  /** Flow paths cancelled to repair a capacity decrease (in `setCapacity` and `restore`). */
  repairPaths: number;
  /** Runs of phase 2 (a preflow with excess left at some node turned into a flow). */
  flowReturns: number;
}

/** Fresh zeroed counters. */
export function zeroCounters(): MaxFlowCounters {
  return {
    solves: 0,
    pushes: 0,
    relabels: 0,
    globalUpdates: 0,
    gaps: 0,
    gapNodes: 0,
    relabelArcScans: 0,
    cyclesCancelled: 0,
    returnPushes: 0,
    repairPaths: 0,
    flowReturns: 0,
  };
}

/** `after − before`, field by field. */
export function diffCounters(after: MaxFlowCounters, before: MaxFlowCounters): MaxFlowCounters {
  const out = zeroCounters();
  for (const k of Object.keys(out) as (keyof MaxFlowCounters)[]) out[k] = after[k] - before[k];
  return out;
}

/**
 * Outcome of a max-flow solve: `optimal` with the value, the flow on every input arc and the
 * work counters of this solve; or `bad-input` (source = sink, a node out of range, or capacities
 * so large that a flow value could exceed 2^53) with a message.
 */
export type MaxFlowResult =
  | { status: 'optimal'; value: number; flow: Float64Array; counters: MaxFlowCounters }
  | { status: 'bad-input'; message: string };

/**
 * Outcome of a phase-1 solve (`MaxFlowSolver.solveValue`): `optimal` with the maximum flow value
 * and the work counters of this call, without per-arc flows (the solver holds a maximum preflow);
 * or `bad-input` as for {@link MaxFlowResult}.
 */
export type MaxFlowValueResult =
  | { status: 'optimal'; value: number; counters: MaxFlowCounters }
  | { status: 'bad-input'; message: string };

/** A minimum s–t cut. */
export interface MinCut {
  /** Per node: 1 if reachable from the source in the residual network, else 0. */
  sourceSide: Uint8Array;
  /** Input arcs from the source side to the sink side with capacity > 0, in input order. */
  arcs: Int32Array;
  /** Sum of the capacities of `arcs` (equals the maximum flow value). */
  capacity: number;
}
