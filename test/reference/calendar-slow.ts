/**
 * A slow, deliberately simple reference for the capacity calendars of a scenario.
 *
 * What it computes: the same numbers as `buildCalendars` (src/constraints/calendars.ts), as
 * bigints, from a scenario already read by the library's reader:
 * - per link and slot, `floor(capacity × ∫ share dt over the slot)` bytes, where the share at an
 *   instant is the largest share among the link's windows open then, 0 outside every window, 1
 *   everywhere for a link without windows (SCENARIO.md "Capacities are exact", "Windows");
 * - per slot, every node's `read`/`write` and every provider's `ingress`/`egress` cap,
 *   `floor(rate × slot seconds)`, or null when the cap is absent;
 * - per node, the `storage` level limit (copied from the model);
 * - the horizon's slot count, slot length and start.
 *
 * How (the dumbest way that is still exact):
 * 1. Walk the horizon one UTC minute at a time (a slot may start off the minute: a minute is cut
 *    at slot boundaries and each piece counts only its own seconds).
 * 2. A window is open at instant t when one of its occurrences contains t. The occurrence that
 *    starts on local date d (when d's weekday is in `days`) runs from local `from` on d to local
 *    `to` on d, or on d + 1 when `to ≤ from` (`to = 24:00` is the midnight ending that day); both
 *    local times become instants with Temporal's `disambiguation: 'compatible'`, which is the rule
 *    of SCENARIO.md word for word (a skipped time moves forward by the gap, a repeated time takes
 *    its first occurrence). For each minute t the reference tests `open ≤ t < close` for every
 *    occurrence starting within three days of t's UTC date: enough, with margin, since a local
 *    date is within a day of the UTC date and an occurrence ends by the second local midnight
 *    after it opens.
 * 3. The share of the minute is the largest share of the windows containing t. It is the share of
 *    the whole minute because every window edge is a whole UTC minute (checked: an edge that is
 *    not throws, so the reference never silently integrates a wrong piece).
 * 4. Add `seconds × share` to the slot of each piece, over a common denominator of the link's
 *    shares, in bigint; the floor is taken once per slot on the exact sum.
 *
 * Why it is independent: it imports only types and nothing from src/constraints, it shares no
 * date arithmetic with production (production caches local midnights per zone and day, treats
 * "plain" days as midnight + 60·m, sweeps window edges and fills whole slots per share rank;
 * none of that exists here), it does exact arithmetic with plain bigints instead of
 * src/io/rational.ts, and it asks Temporal for every instant it needs instead of deriving
 * one from another. A bug in any of those shortcuts shows up as a difference.
 *
 * Cost: O(links × windows × minutes) plus two Temporal conversions per window and local date
 * (each 25–75 µs with temporal-polyfill, which is why t itself is not converted to local time:
 * one conversion per zone and minute took longer than the whole comparison). Tests only.
 */
import { Temporal } from 'temporal-polyfill';
import type { Rate, Scenario, ScenarioLink, Window } from '../../src/io/model.js';

/** The reference calendars: every amount in exact bigint bytes. */
export interface ReferenceCalendars {
  readonly slots: number;
  readonly slotSeconds: number;
  /** Horizon start, epoch seconds (UTC). */
  readonly start: number;
  /** Per link (aligned with scenario.links), per slot. */
  readonly links: readonly bigint[][];
  /** Per node, per slot; null when the node has no such cap. */
  readonly nodeRead: readonly (bigint[] | null)[];
  readonly nodeWrite: readonly (bigint[] | null)[];
  /** Per provider (aligned with scenario.providers), per slot; null when uncapped. */
  readonly providerIngress: readonly (bigint[] | null)[];
  readonly providerEgress: readonly (bigint[] | null)[];
  /** Per node: staging storage in bytes. */
  readonly storage: readonly bigint[];
}

/** `floor(a / b)` for bigints with `b > 0` (`/` truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** Epoch seconds of a Temporal instant; throws when it is not a whole second. */
function epochSeconds(ms: number): number {
  if (ms % 1000 !== 0) throw new Error(`calendar-slow: instant ${ms} ms is not a whole second`);
  return ms / 1000;
}

/** Instant of local minute `minute` (0–1440) of `date` in `zone`, compatible disambiguation. */
function localToInstant(zone: string, date: Temporal.PlainDate, minute: number): number {
  const day = minute === 1440 ? date.add({ days: 1 }) : date;
  const m = minute === 1440 ? 0 : minute;
  const local = day.toPlainDateTime({ hour: Math.floor(m / 60), minute: m % 60 });
  const instant = epochSeconds(
    local.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds,
  );
  if (instant % 60 !== 0) {
    throw new Error(`calendar-slow: ${local} in ${zone} is ${instant}, not a whole UTC minute`);
  }
  return instant;
}

/** One occurrence of a window: `[open, close)` in epoch seconds. */
interface Occurrence {
  readonly open: number;
  readonly close: number;
}

/** The occurrence of `w` that starts on local date `date`, or null when `w` does not start then. */
function occurrence(w: Window, date: Temporal.PlainDate): Occurrence | null {
  // Temporal: dayOfWeek 1 = Monday … 7 = Sunday; the model: 0 = Monday … 6 = Sunday.
  if (!w.days.includes((date.dayOfWeek - 1) as Window['days'][number])) return null;
  const closeDate = w.toMinute > w.fromMinute ? date : date.add({ days: 1 });
  return {
    open: localToInstant(w.timezone, date, w.fromMinute),
    close: localToInstant(w.timezone, closeDate, w.toMinute),
  };
}

/** 1970-01-01, day 0 of the UTC day numbers below. */
const EPOCH_DATE = Temporal.PlainDate.from('1970-01-01');

/** The occurrences of windows, memoized per window and local start date (Temporal's values only). */
class Occurrences {
  private readonly memo = new Map<Window, Map<string, Occurrence | null>>();
  private readonly aroundMemo = new Map<Window, Map<number, Occurrence[]>>();

  /** See {@link occurrence}. */
  of(w: Window, date: Temporal.PlainDate): Occurrence | null {
    let byDate = this.memo.get(w);
    if (byDate === undefined) this.memo.set(w, (byDate = new Map()));
    const key = date.toString();
    let o = byDate.get(key);
    if (o === undefined) {
      o = occurrence(w, date);
      byDate.set(key, o);
    }
    return o;
  }

  /**
   * Every occurrence of `w` that may contain an instant of UTC day `utcDay` (days since
   * 1970-01-01): those starting on local dates from three days before that UTC date to three days
   * after. Enough, with margin: a local date is within one day of the UTC date (offsets are under
   * 24 h), and an occurrence closes by the midnight after the day after it opens.
   */
  around(w: Window, utcDay: number): Occurrence[] {
    let byDay = this.aroundMemo.get(w);
    if (byDay === undefined) this.aroundMemo.set(w, (byDay = new Map()));
    let list = byDay.get(utcDay);
    if (list === undefined) {
      list = [];
      for (let k = -3; k <= 3; k++) {
        const o = this.of(w, EPOCH_DATE.add({ days: utcDay + k }));
        if (o !== null) list.push(o);
      }
      byDay.set(utcDay, list);
    }
    return list;
  }
}

/** True when window `w` is open at instant `t`: some occurrence of it has `open ≤ t < close`. */
function windowOpen(occurrences: Occurrences, w: Window, t: number): boolean {
  return occurrences.around(w, Math.floor(t / 86_400)).some((o) => o.open <= t && t < o.close);
}

/** Bytes per slot of one link. */
function linkSlots(occurrences: Occurrences, link: ScenarioLink, scenario: Scenario): bigint[] {
  const { start, slotSeconds, slots } = scenario.horizon;
  const end = start + slots * slotSeconds;
  const windows = link.windows;
  if (windows === null) {
    return Array.from({ length: slots }, () => capPerSlot(link.capacity, slotSeconds));
  }
  // A common denominator of the shares, so each share is an integer numerator over it.
  let den = 1n;
  for (const w of windows) den = (den * w.share.den) / gcd(den, w.share.den);
  const numerator = (w: Window) => w.share.num * (den / w.share.den);

  // sum[i] = ∫ share dt over slot i, times den (seconds × share numerators: an integer).
  const sum: bigint[] = new Array(slots).fill(0n);
  for (let minute = Math.floor(start / 60) * 60; minute < end; minute += 60) {
    let best = 0n;
    for (const w of windows) {
      if (windowOpen(occurrences, w, minute) && numerator(w) > best) best = numerator(w);
    }
    if (best === 0n) continue;
    // The part of this minute inside the horizon, cut at slot boundaries.
    let a = Math.max(minute, start);
    const b = Math.min(minute + 60, end);
    while (a < b) {
      const slot = Math.floor((a - start) / slotSeconds);
      const pieceEnd = Math.min(b, start + (slot + 1) * slotSeconds);
      sum[slot] += BigInt(pieceEnd - a) * best;
      a = pieceEnd;
    }
  }
  const cap = link.capacity;
  return sum.map((s) => floorDiv(cap.num * s, cap.den * den));
}

/** `floor(rate × seconds)`. */
function capPerSlot(rate: Rate, seconds: number): bigint {
  return floorDiv(rate.num * BigInt(seconds), rate.den);
}

/** The same cap in every slot, or null without a rate. */
function capRow(rate: Rate | null, scenario: Scenario): bigint[] | null {
  if (rate === null) return null;
  const { slots, slotSeconds } = scenario.horizon;
  return Array.from({ length: slots }, () => capPerSlot(rate, slotSeconds));
}

/** Computes the reference calendars of a scenario (see the file header). */
export function slowCalendars(scenario: Scenario): ReferenceCalendars {
  const occurrences = new Occurrences();
  const h = scenario.horizon;
  return {
    slots: h.slots,
    slotSeconds: h.slotSeconds,
    start: h.start,
    links: scenario.links.map((l) => linkSlots(occurrences, l, scenario)),
    nodeRead: scenario.nodes.map((n) => capRow(n.read, scenario)),
    nodeWrite: scenario.nodes.map((n) => capRow(n.write, scenario)),
    providerIngress: scenario.providers.map((p) => capRow(p.ingress, scenario)),
    providerEgress: scenario.providers.map((p) => capRow(p.egress, scenario)),
    storage: scenario.nodes.map((n) => n.storage),
  };
}
