/**
 * The data types of the time-expanded network (the model and its construction are in
 * `network.ts`): arc kinds, build options, the built network, and the growable typed arc buffer
 * the builder fills. Kept apart so that search, decoding, bottlenecks and the LP read the types
 * without the builder.
 */
/** Arc kinds of the time-expanded network (values of {@link TimeExpandedNetwork.kind}). */
export const ArcKind = {
  /** A link in a slot; elem = link index. */
  LINK: 1,
  /** v@t → vR@t; elem = node. */
  READ: 2,
  /** vW@t → v@t; elem = node. */
  WRITE: 3,
  /** (uR|u)@t → PE_p@t; elem = provider. */
  EGRESS: 4,
  /** Staging holdover v@t → v@t+1; elem = node. */
  HOLD: 5,
  /** Origin store X_{o,j} → X_{o,j+1} (next ready slot); elem = origin node. */
  CHAIN: 6,
  /** Origin store release X_{o,j} → o@t; elem = origin node. */
  RELEASE: 7,
  /** SOURCE → X_{o,j}; elem = dataset. */
  SOURCE: 8,
  /** Storing at a destination d@t → …; elem = destination node. */
  DELIVER: 9,
  /** PI_p@t → SINK or aC_a; elem = provider. */
  INGRESS: 10,
  /** aC_a → SINK; elem = appliance node. */
  APPCAP: 11,
} as const;

/** Options of {@link buildTimeExpandedNetwork}. */
export interface NetworkOptions {
  /** Quantum in bytes (a positive safe integer). */
  readonly quantum: number;
  /** Allowed destinations (indices into scenario.nodes), the one policy's. */
  readonly destinations: readonly number[];
  /**
   * Naive direct upload: only links from an origin to an allowed destination, no relaying, no
   * staging.
   * @defaultValue false
   */
  readonly direct?: boolean;
  /**
   * LP mode (the multi-commodity LP planner, src/scheduler/lp): no PE/PI/aC cap nodes — provider
   * egress, provider ingress and appliance capacity become rows of the LP — so every delivery arc
   * goes straight to SINK and no {@link PlannerLimitError} is thrown.
   * @defaultValue false
   */
  readonly capsAsRows?: boolean;
  /**
   * Capacity standing for "unbounded" (at least the total demand D); the LP passes its demand
   * with copies (copies × wire per dataset).
   * @defaultValue D
   */
  readonly unbounded?: number;
}

/** A built time-expanded network; see the module header. */
export interface TimeExpandedNetwork {
  readonly n: number;
  readonly arcCount: number;
  readonly tails: Int32Array;
  readonly heads: Int32Array;
  /** Capacities in quanta with every switch disabled (0). */
  readonly caps: Float64Array;
  /** {@link ArcKind} per arc. */
  readonly kind: Uint8Array;
  /** Scenario element per arc (link, node, provider or dataset index, by kind). */
  readonly elem: Int32Array;
  /** Slot per arc (−1 for global arcs; the ready slot for source arcs). */
  readonly slot: Int32Array;
  /**
   * 1 when the arc's *exact* capacity (bytes, every switch enabled) is positive, 0 when it is
   * exactly zero — a closed window, a zero cap, a full-zero appliance. Reachability (PLAN.md
   * `infeasible`) is judged on this, not on the quantised `caps`: a link carrying less than one
   * quantum per slot is open for reachability although the flow cannot use it. In `capsAsRows`
   * mode it also closes what the LP's rows would: links leaving a provider whose `egress` is 0
   * and deliveries at nodes whose provider `ingress` or appliance `capacity` is 0.
   */
  readonly open: Uint8Array;
  readonly source: number;
  readonly sink: number;
  readonly slots: number;
  /** Local nodes per slot block. */
  readonly blockSize: number;
  /** Switch arcs of slot t are `switchArcs[switchStart[t] … switchStart[t+1]−1]`. */
  readonly switchStart: Int32Array;
  readonly switchArcs: Int32Array;
  /** Capacity of each switch arc when enabled. */
  readonly switchCap: Float64Array;
  /** Source arc of each dataset (scenario order). */
  readonly sourceArc: Int32Array;
  /** Demand of each dataset in quanta, `ceil(wire/q)`. */
  readonly demand: Float64Array;
  /** Total demand D in quanta (also the "unbounded" capacity). */
  readonly totalDemand: number;
  readonly quantum: number;
  /** Links present (all, or in `direct` mode the origin → destination ones), ascending. */
  readonly links: readonly number[];
  /** Origin store nodes in topological order (per origin, by ready slot); consecutive ids. */
  readonly stores: Int32Array;
  /** Origin (scenario node index) of each store, aligned with `stores`. */
  readonly storeOrigin: Int32Array;
  /** Provider caps the exact presolve dropped because they cannot bind (`presolve.ts`). */
  readonly capsDropped: readonly string[];
  /** Human name of a local node (for messages and tests). */
  nodeName(v: number): string;
}

/** Growable typed arc arrays. */
export class ArcBuffer {
  tails: Int32Array;
  heads: Int32Array;
  caps: Float64Array;
  kind: Uint8Array;
  elem: Int32Array;
  slot: Int32Array;
  open: Uint8Array;
  count = 0;

  /** @param size - expected arc count (an upper bound avoids every regrowth) */
  constructor(size: number) {
    const n = Math.max(16, size);
    this.tails = new Int32Array(n);
    this.heads = new Int32Array(n);
    this.caps = new Float64Array(n);
    this.kind = new Uint8Array(n);
    this.elem = new Int32Array(n);
    this.slot = new Int32Array(n);
    this.open = new Uint8Array(n);
  }

  /** Adds an arc; `open` says whether its exact capacity is positive (see {@link TimeExpandedNetwork.open}). */
  add(
    tail: number,
    head: number,
    cap: number,
    kind: number,
    elem: number,
    slot: number,
    open: boolean,
  ): number {
    if (this.count === this.tails.length) this.grow();
    const i = this.count++;
    this.open[i] = open ? 1 : 0;
    this.tails[i] = tail;
    this.heads[i] = head;
    this.caps[i] = cap;
    this.kind[i] = kind;
    this.elem[i] = elem;
    this.slot[i] = slot;
    return i;
  }

  private grow(): void {
    const size = this.tails.length * 2;
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.tails = g(this.tails, (n) => new Int32Array(n));
    this.heads = g(this.heads, (n) => new Int32Array(n));
    this.caps = g(this.caps, (n) => new Float64Array(n));
    this.kind = g(this.kind, (n) => new Uint8Array(n));
    this.elem = g(this.elem, (n) => new Int32Array(n));
    this.slot = g(this.slot, (n) => new Int32Array(n));
    this.open = g(this.open, (n) => new Uint8Array(n));
  }
}
