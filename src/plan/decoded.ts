/**
 * The engine-neutral result of decoding a flow into plan rows: what every engine hands to
 * {@link assemblePlan} (src/plan/assemble.ts) — the rows of PLAN.md in their order, and per
 * dataset what was delivered where and in which slot the last byte landed.
 */
import type { Delivery, StorageRow, Transfer } from './types.js';

/** Decoded rows of a plan, sorted as PLAN.md says. */
export interface DecodedFlow {
  readonly transfers: Transfer[];
  readonly deliveries: Delivery[];
  readonly storage: StorageRow[];
  /** Per dataset (scenario order): bytes delivered per destination node id. */
  readonly delivered: Map<string, number>[];
  /** Per dataset: last slot with a delivery, or −1. */
  readonly lastSlot: Int32Array;
  /** Flow cycles cancelled. */
  readonly cyclesCancelled: number;
}
