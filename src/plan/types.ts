/**
 * The plan document (design/PLAN.md, version 1): what `wanplan plan --json` writes, what
 * `verifyPlan` checks and what the report draws. Field names and meanings are the contract;
 * wanplan's own additions (marked "extension") are optional for readers and documented in the
 * README.
 *
 * All volumes are integer bytes (< 2^53), all times ISO 8601 UTC without fractional seconds,
 * slots numbered from 0 at `horizon.start`.
 */

/** Plan status (PLAN.md "Fields"). */
export type PlanStatus = 'complete' | 'partial' | 'infeasible';

/** Objective the plan optimises. */
export type PlanObjective = 'earliest-completion' | 'min-cost';

/** A slot with the instant at which it ends. */
export interface SlotEnd {
  readonly slot: number;
  /** `start + (slot + 1) × slotSeconds`, ISO UTC. */
  readonly end: string;
}

/** Per-dataset outcome. */
export interface PlanDataset {
  readonly id: string;
  readonly wireBytes: number;
  /** Bytes stored per destination node id (keys sorted). */
  readonly delivered: Readonly<Record<string, number>>;
  /** End of the slot in which the last byte of every copy is stored, or null if not complete. */
  readonly completed: string | null;
  /** Due instant in UTC, or null. */
  readonly due: string | null;
  /** `completed ≤ due` (false when not complete); null without a due. */
  readonly met: boolean | null;
  /** Lateness in whole slots (0 when met); null without a due or when not complete. */
  readonly lateSlots: number | null;
}

/** Bytes of one dataset crossing one link in one slot. */
export interface Transfer {
  readonly slot: number;
  readonly link: string;
  readonly from: string;
  readonly to: string;
  readonly dataset: string;
  readonly bytes: number;
}

/** Bytes of one dataset stored at a destination in one slot. */
export interface Delivery {
  readonly slot: number;
  readonly node: string;
  readonly dataset: string;
  readonly bytes: number;
}

/** Staging bytes held at a node at the end of a slot (origin holdings excluded). */
export interface StorageRow {
  readonly slot: number;
  readonly node: string;
  readonly bytes: number;
}

/** What stops the plan from finishing sooner. */
export interface Bottleneck {
  /**
   * What limits the plan: `link`, `node-read`, `node-write`, `provider-ingress`, `provider-egress`,
   * `storage` or `appliance-capacity` — capacities, never policy facts (those are `notes`).
   */
  readonly kind: string;
  /** Link, node or provider id. */
  readonly id: string;
  /** Slots in which it is saturated in the cut (sorted). */
  readonly slots: readonly number[];
  /** Human explanation. */
  readonly note: string;
  /** Extension: bytes the element carries across the cut (its capacity in the cut slots). */
  readonly bytes?: number;
}

/** Extension: the plan compared with naive direct upload (PLAN.md allows added fields). */
export interface VsDirect {
  /** Status of the direct-upload plan. */
  readonly status: PlanStatus;
  /** Makespan of direct upload, or null when it does not complete within the horizon. */
  readonly makespan: SlotEnd | null;
  /** Bytes direct upload delivers within the horizon. */
  readonly deliveredBytes: number;
  /** Direct makespan slots + 1 divided by this plan's makespan slots + 1, or null. */
  readonly speedup: number | null;
  /** Human summary. */
  readonly note: string;
}

/** Extension: what a plan costs, from link `cost` (USD per byte carried) and the plan's transfers. */
export interface PlanCost {
  /** Total in USD (float; the exact sum of per-link rational costs, rounded to a cent-safe double). */
  readonly totalUsd: number;
  /** Per link with a cost and bytes > 0, sorted by link id. */
  readonly links: readonly { readonly link: string; readonly bytes: number; readonly usd: number }[];
  /** Per provider of the sending node (`(none)` for sites and appliances without one), sorted by id. */
  readonly providers: readonly { readonly provider: string; readonly bytes: number; readonly usd: number }[];
  /** For `min-cost` plans: the LP's lower bound on the total (the rounded plan may cost a little more), else null. */
  readonly lowerBoundUsd: number | null;
}

/** The plan document. */
export interface Plan {
  readonly wanplan: 1;
  readonly scenario: string | null;
  readonly status: PlanStatus;
  readonly objective: PlanObjective;
  readonly horizon: { readonly start: string; readonly slotSeconds: number; readonly slots: number };
  readonly quantumBytes: number;
  readonly makespan: SlotEnd | null;
  readonly lowerBound: { readonly slot: number | null; readonly method: string };
  readonly datasets: readonly PlanDataset[];
  readonly transfers: readonly Transfer[];
  readonly deliveries: readonly Delivery[];
  readonly storage: readonly StorageRow[];
  readonly bottlenecks: readonly Bottleneck[];
  readonly notes: readonly string[];
  /** Extension: comparison with naive direct upload. */
  readonly vsDirect?: VsDirect;
  /** Extension: deterministic solver statistics (network sizes, solves, counters); never times, so the document stays byte-identical. */
  readonly stats?: Readonly<Record<string, number | string>>;
  /** Extension: cost breakdown per link and provider when links have a `cost` (LP planner). */
  readonly cost?: PlanCost;
}
