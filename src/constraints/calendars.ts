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
 * every field that reaches it, see {@link slotLimitProblems}); no float arithmetic touches a rate or
 * a share. Rates may be zero (a link that is down, a cap that lets nothing pass): nothing here
 * divides by one.
 *
 * Complexity: O(links × (slots + windows × days)) plus O(zones × days) Temporal calls.
 *
 * Reference: SCENARIO.md; ARCHITECTURE.md "Numbers".
 */
import { type Diagnostic, InputError } from '../errors.js';
import type { Horizon, Rate, Scenario } from '../io/model.js';
import { floor, mul, rational } from '../io/rational.js';
import { formatPath } from '../io/scenario/path.js';
import { capPerSlot, linkCalendar, SLOT_BYTES_LIMIT, slotLimitDiagnostic } from './link-calendar.js';
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

/** Where a field is written in the scenario file, by field path; the reader's `locate`. */
export type FieldLocator = (path: string) => { readonly line: number; readonly column: number } | null;

/** Options of {@link buildCalendars} and {@link slotLimitProblems}. */
export interface CalendarOptions {
  /**
   * File name used in diagnostics when a per-slot amount reaches 2^53 bytes.
   * @defaultValue `'<input>'`
   */
  readonly file?: string;
  /**
   * Positions of the scenario's fields (`ScenarioReadResult.locate`), so that such a diagnostic
   * names the line and column of the rate; without it the diagnostic has the field path only.
   */
  readonly locate?: FieldLocator;
}

/** A rate of the scenario, the field it is written in and what it belongs to. */
interface RateField {
  readonly rate: Rate;
  /** Field path in the file (a reverse link points at its declared link's `capacity`). */
  readonly path: string;
  readonly what: string;
}

/**
 * Field path of each link's capacity in the file: the model appends the reverse of a
 * bidirectional link after it, so model indices and file indices differ after the first one.
 */
function linkCapacityPaths(scenario: Scenario): string[] {
  const declared = new Map<string, number>();
  let k = -1;
  return scenario.links.map((l) => {
    const forward = l.reverseOf === null ? undefined : declared.get(l.reverseOf);
    if (forward !== undefined) return formatPath(['links', forward, 'capacity']);
    declared.set(l.id, ++k);
    return formatPath(['links', k, 'capacity']);
  });
}

/** Every rate of the scenario with its field, in file order of kind: links, nodes, providers. */
function rateFields(scenario: Scenario, linkPaths: readonly string[]): RateField[] {
  const out: RateField[] = [];
  scenario.links.forEach((l, i) => {
    const what = l.reverseOf === null ? `link "${l.id}"` : `link "${l.id}" (the reverse of "${l.reverseOf}")`;
    out.push({ rate: l.capacity, path: linkPaths[i], what });
  });
  scenario.nodes.forEach((n, i) => {
    if (n.read) out.push({ rate: n.read, path: `nodes[${i}].read`, what: `node "${n.id}" (read)` });
    if (n.write) out.push({ rate: n.write, path: `nodes[${i}].write`, what: `node "${n.id}" (write)` });
  });
  for (const p of scenario.providers) {
    for (const field of ['ingress', 'egress'] as const) {
      const rate = p[field];
      if (rate) {
        out.push({
          rate,
          path: formatPath(['providers', p.id, field]),
          what: `provider "${p.id}" (${field})`,
        });
      }
    }
  }
  return out;
}

/**
 * Every per-slot amount of the scenario that reaches 2^53 bytes, as positioned diagnostics: a
 * link's `floor(capacity × slot)` (windows and shares only lower it), a node's `read`/`write` and a
 * provider's `ingress`/`egress`. The same condition {@link buildCalendars} throws on, checked in
 * O(links + nodes + providers) without computing any calendar (what `wanplan validate` runs).
 */
export function slotLimitProblems(scenario: Scenario, options: CalendarOptions = {}): Diagnostic[] {
  const file = options.file ?? '<input>';
  const dt = rational(scenario.horizon.slotSeconds);
  const problems: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const f of rateFields(scenario, linkCapacityPaths(scenario))) {
    // A bidirectional link's reverse shares its written capacity: one field, one message.
    if (reported.has(f.path)) continue;
    const bytes = floor(mul(f.rate, dt));
    if (bytes < SLOT_BYTES_LIMIT) continue;
    reported.add(f.path);
    const position = options.locate?.(f.path) ?? null;
    problems.push(
      slotLimitDiagnostic(bytes, scenario.horizon.slotSeconds, {
        file,
        path: f.path,
        what: f.what,
        position,
      }),
    );
  }
  // File order when positions are known (a stable sort keeps the order of kinds otherwise).
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function cap(rate: Rate | null, horizon: Horizon, file: string, path: string, what: string): number | null {
  return rate === null ? null : capPerSlot(rate, horizon.slotSeconds, { file, path, what });
}

/**
 * Computes every per-slot capacity of a validated scenario.
 * @throws InputError naming every link, node or provider whose amount per slot reaches 2^53 bytes
 *   (shorten the slot or lower the rate), at its line and column when `options.locate` is given;
 *   RangeError for a time zone Temporal does not know (the scenario reader rejects those first).
 */
export function buildCalendars(scenario: Scenario, options: CalendarOptions = {}): Calendars {
  const file = options.file ?? '<input>';
  const problems = slotLimitProblems(scenario, options);
  if (problems.length > 0) throw new InputError(problems);
  const h = scenario.horizon;
  const clocks = new ZoneClocks();
  const linkPaths = linkCapacityPaths(scenario);
  const links = scenario.links.map((link, i) =>
    linkCalendar(link, h, clocks, { file, path: linkPaths[i], what: `link "${link.id}"` }),
  );
  const nodeRead = scenario.nodes.map((n, i) =>
    cap(n.read, h, file, `nodes[${i}].read`, `node "${n.id}" (read)`),
  );
  const nodeWrite = scenario.nodes.map((n, i) =>
    cap(n.write, h, file, `nodes[${i}].write`, `node "${n.id}" (write)`),
  );
  const providerPath = (id: string, field: string) => formatPath(['providers', id, field]);
  const providerIngress = scenario.providers.map((p) =>
    cap(p.ingress, h, file, providerPath(p.id, 'ingress'), `provider "${p.id}" (ingress)`),
  );
  const providerEgress = scenario.providers.map((p) =>
    cap(p.egress, h, file, providerPath(p.id, 'egress'), `provider "${p.id}" (egress)`),
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
