/** Test helpers: arc lists to networks, and a fast-check arbitrary for small random networks. */
import fc from 'fast-check';
import { buildFlowNetwork, type FlowNetwork } from '../../src/flow/network.js';

/** One input arc. */
export interface Arc {
  from: number;
  to: number;
  cap: number;
}

/** Builds a network from an arc list. */
export function netOf(n: number, arcs: readonly Arc[]): FlowNetwork {
  return buildFlowNetwork(
    n,
    Int32Array.from(arcs, (a) => a.from),
    Int32Array.from(arcs, (a) => a.to),
    Float64Array.from(arcs, (a) => a.cap),
  );
}

/** Random network: 2–12 nodes, up to 40 arcs (parallel, anti-parallel, self-loops, zero caps), s = 0, t = n−1. */
export const arbNetwork = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: n - 1 }),
        to: fc.integer({ min: 0, max: n - 1 }),
        cap: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2 ** 40 })),
      }),
      { maxLength: 40 },
    ),
  }),
);
