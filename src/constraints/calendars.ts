/**
 * Capacity calendars of a scenario: everything the planner and the plan verifier know about time.
 *
 * Model (SCENARIO.md "Capacities are exact", "Caps", "Holding"): per slot of the horizon,
 * - a link carries at most `floor(capacity × ∫ share over the slot)` bytes ({@link linkCalendar});
 * - a node's `read` / `write` and a provider's `ingress` / `egress` cap `floor(rate × slot seconds)`
 *   bytes per slot (the same in every slot);
 * - a node's `storage` caps the level held at the end of every slot (bytes, bigint).
 * All arrays are aligned with the scenario's `links`, `nodes` and `providers`.
 *
 * Invariants: every number is an exact non-negative integer below 2^53 (else an InputError names
 * the field); no float arithmetic touches a rate or a share.
 *
 * Complexity: O(links × (slots + windows × days)) plus O(zones × days) Temporal calls.
 *
 * Reference: SCENARIO.md; ARCHITECTURE.md "Numbers".
 */
import type { Horizon, Rate, Scenario } from '../io/model.js';
import { capPerSlot, linkCalendar } from './link-calendar.js';
import { ZoneClocks } from './zone-clock.js';

/** Per-slot capacities of a scenario, aligned with its links, nodes and providers. */
export interface Calendars {
  /** Number of slots of the horizon. */
  readonly slots: number;
  /** Slot length in seconds. */
  readonly slotSeconds: number;
  /** Horizon start, epoch seconds (UTC). */
  readonly start: number;
  /** Per link (aligned with scenario.links): exact integer bytes the link may carry in each slot. */
  readonly links: readonly Float64Array[];
  /** Per node (aligned with scenario.nodes): read cap in bytes per slot (floor(rate × slotSeconds)), or null. */
  readonly nodeRead: readonly (number | null)[];
  /** Per node (aligned with scenario.nodes): write cap in bytes per slot, or null. */
  readonly nodeWrite: readonly (number | null)[];
  /** Per provider (aligned with scenario.providers): ingress cap in bytes per slot, or null. */
  readonly providerIngress: readonly (number | null)[];
  /** Per provider (aligned with scenario.providers): egress cap in bytes per slot, or null. */
  readonly providerEgress: readonly (number | null)[];
  /** Per node: staging storage level limit in bytes (bigint, may exceed 2^53). */
  readonly storage: readonly bigint[];
}

/** Options of {@link buildCalendars}. */
export interface CalendarOptions {
  /**
   * File name used in diagnostics when a per-slot amount reaches 2^53 bytes.
   * @defaultValue `'<input>'`
   */
  readonly file?: string;
}

function cap(rate: Rate | null, horizon: Horizon, file: string, path: string, what: string): number | null {
  return rate === null ? null : capPerSlot(rate, horizon.slotSeconds, { file, path, what });
}

/**
 * Computes every per-slot capacity of a validated scenario.
 * @throws InputError naming the link, node or provider whose amount per slot reaches 2^53 bytes
 *   (shorten the slot or lower the rate); RangeError for a time zone Temporal does not know
 *   (the scenario reader rejects those first).
 */
export function buildCalendars(scenario: Scenario, options: CalendarOptions = {}): Calendars {
  const file = options.file ?? '<input>';
  const h = scenario.horizon;
  const clocks = new ZoneClocks();
  const links = scenario.links.map((link, i) =>
    linkCalendar(link, h, clocks, { file, path: `links[${i}].capacity`, what: `link "${link.id}"` }),
  );
  const nodeRead = scenario.nodes.map((n, i) =>
    cap(n.read, h, file, `nodes[${i}].read`, `node "${n.id}" (read)`),
  );
  const nodeWrite = scenario.nodes.map((n, i) =>
    cap(n.write, h, file, `nodes[${i}].write`, `node "${n.id}" (write)`),
  );
  const providerIngress = scenario.providers.map((p) =>
    cap(p.ingress, h, file, `providers.${p.id}.ingress`, `provider "${p.id}" (ingress)`),
  );
  const providerEgress = scenario.providers.map((p) =>
    cap(p.egress, h, file, `providers.${p.id}.egress`, `provider "${p.id}" (egress)`),
  );
  return {
    slots: h.slots,
    slotSeconds: h.slotSeconds,
    start: h.start,
    links,
    nodeRead,
    nodeWrite,
    providerIngress,
    providerEgress,
    storage: scenario.nodes.map((n) => n.storage),
  };
}
