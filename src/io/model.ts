/**
 * The validated scenario: what `loadScenario` returns and every later stage reads.
 *
 * It is plain, immutable data (no classes, no graphology objects), with every unit converted to
 * exact numbers and every default and cross-reference resolved, so that calendars, the planner and
 * the verifier never re-interpret the text of a scenario file. The field meanings are those of
 * `design/SCENARIO.md`; what is resolved here is stated on each field.
 *
 * Units inside the model:
 * - byte amounts: `bigint` where a scenario may exceed 2^53 (logical sizes, storage, appliance
 *   capacity), `number` where SCENARIO.md bounds them below 2^53 (a dataset's wire bytes);
 * - rates: exact {@link Rational} bytes per second (`1bps` is 1/8 B/s);
 * - instants: whole seconds since the Unix epoch (UTC), as `number`;
 * - shares: exact {@link Rational} in (0, 1].
 */
import type { Rational } from './rational.js';

/** Rate in bytes per second, exact. */
export type Rate = Rational;

/** Kinds of node (SCENARIO.md). */
export type NodeKind = 'site' | 'appliance' | 'cloud' | 'exchange';

/** Day of the week, 0 = Monday … 6 = Sunday (ISO 8601 order). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The planning horizon, slotted. */
export interface Horizon {
  /** Start instant, seconds since the epoch (UTC). */
  readonly start: number;
  /** Start as ISO 8601 UTC text without fractional seconds (`2026-12-05T00:00:00Z`). */
  readonly startIso: string;
  /** Length of one slot in whole seconds. */
  readonly slotSeconds: number;
  /** Number of slots (`length / slot`, a whole number by validation). */
  readonly slots: number;
}

/** A provider: an aggregate of cloud nodes (and appliances that name it) with shared caps. */
export interface Provider {
  /** Provider name, as in `providers` keys or nodes' `provider` fields. */
  readonly id: string;
  /** Cap on bytes stored at the provider's nodes per second, or null when uncapped. */
  readonly ingress: Rate | null;
  /** Cap on bytes leaving the provider's nodes to outside nodes per second, or null. */
  readonly egress: Rate | null;
  /** Citation for the caps, shown in reports, or null. */
  readonly source: string | null;
  /** Ids of the nodes (clouds and appliances) that name this provider, in declaration order. */
  readonly nodes: readonly string[];
}

/** A node of the network. */
export interface ScenarioNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** IANA time zone name, or null when not given. */
  readonly timezone: string | null;
  /** `[lat, lon]` in degrees, or null. */
  readonly location: readonly [number, number] | null;
  /** Staging space for data in transit in bytes (0n: no holdover). */
  readonly storage: bigint;
  /** Cap on the node's total link outflow, or null. */
  readonly read: Rate | null;
  /** Cap on the node's total link inflow, or null. */
  readonly write: Rate | null;
  /** Appliance backup-store capacity in bytes, or null for unlimited (always null for non-appliances). */
  readonly capacity: bigint | null;
  /** Provider as declared, or null. */
  readonly provider: string | null;
  /**
   * Failure domain when the node can be a destination: a cloud's provider, an appliance's
   * provider or else its own id; null for sites and exchanges.
   */
  readonly domain: string | null;
  /** Cloud region label, or null. */
  readonly region: string | null;
}

/**
 * A transfer window: local time `from`–`to` starting on each of `days`, in `timezone`.
 * `to ≤ from` (in minutes) means the window ends on the next local day; `from == to` is 24 hours.
 */
export interface Window {
  /** Days on which the window starts; all seven when omitted in the file. Sorted, unique. */
  readonly days: readonly Weekday[];
  /** Local start, minutes after midnight, 0–1439. */
  readonly fromMinute: number;
  /** Local end, minutes after midnight, 1–1440 (1440 = 24:00); next day when `≤ fromMinute`. */
  readonly toMinute: number;
  /** IANA zone the local times are read in (the window's own, else the declared `from` node's). */
  readonly timezone: string;
  /** Part of the link's capacity available to backups, exact, in (0, 1]. */
  readonly share: Rational;
}

/** A directed link (a bidirectional link in the file becomes two of these). */
export interface ScenarioLink {
  /** Unique id after defaults (`<from>-><to>`, or `<id>:reverse` for a named reverse). */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Capacity in bytes per second. */
  readonly capacity: Rate;
  /** Round-trip latency in milliseconds, or null. */
  readonly latencyMs: number | null;
  /** Cost in USD per byte carried, or null. */
  readonly costPerByte: Rational | null;
  /** Windows (zones resolved), or null when the link is always open at full capacity. */
  readonly windows: readonly Window[] | null;
  /** For the generated reverse of a bidirectional link: the id of the declared link; else null. */
  readonly reverseOf: string | null;
}

/** A dataset to back up. */
export interface Dataset {
  readonly id: string;
  /** Origin node id (a site, appliance or cloud; never an exchange). */
  readonly at: string;
  /** Logical size in bytes. */
  readonly size: bigint;
  /** Reduction ratio (≥ 1), exact. */
  readonly reduction: Rational;
  /** Wire bytes, `ceil(size / reduction)`, below 2^53. */
  readonly wire: number;
  /** Release instant (seconds since the epoch); the horizon start when omitted. */
  readonly ready: number;
  /** First slot starting at or after `ready` (0 if `ready` is before the horizon). */
  readonly readySlot: number;
  /** Deadline instant (seconds since the epoch), or null. */
  readonly due: number | null;
  /** `to` as written (provider names and node ids); empty when omitted (= any cloud). */
  readonly to: readonly string[];
  /** Allowed destination node ids, resolved from `to`, origin excluded, sorted. */
  readonly destinations: readonly string[];
  /** Distinct failure domains of `destinations`, sorted. */
  readonly domains: readonly string[];
  /** Copies in distinct failure domains (≥ 1). */
  readonly copies: number;
}

/** A validated scenario (SCENARIO.md version 1). */
export interface Scenario {
  readonly wanplan: 1;
  /** The scenario's `name`, or null. */
  readonly name: string | null;
  readonly horizon: Horizon;
  /** Providers: every key of `providers` and every provider a node names, sorted by id. */
  readonly providers: readonly Provider[];
  /** Nodes in declaration order. */
  readonly nodes: readonly ScenarioNode[];
  /** Links in declaration order; a bidirectional link's reverse follows it directly. */
  readonly links: readonly ScenarioLink[];
  /** Datasets in declaration order. */
  readonly datasets: readonly Dataset[];
}
