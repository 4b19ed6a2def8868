/**
 * The calendar view of `wanplan calendar`: when each link is open and how many bytes it may carry,
 * per slot and per local day, in the link's zone and in UTC — the table an operator checks against
 * their change calendar — and the same per-slot bytes as JSON lines or CSV records for other tools.
 *
 * A link's times are shown in its first window's zone (else its `from` node's, else UTC); a slot
 * counts on the local day it starts. Bytes are the exact capacity calendar ({@link linkCalendar});
 * the sizes beside them (`1.13 TB`) are approximate, for reading only.
 *
 * Pure: every function returns text or data and prints nothing.
 */
import { Temporal } from 'temporal-polyfill';
import type { Horizon, Scenario, ScenarioLink } from '../io/model.js';
import { format as formatRational, toNumber } from '../io/rational.js';
import { formatInstant } from '../io/units/civil.js';
import { linkCalendar } from './link-calendar.js';
import { linkWindows } from './windows.js';
import type { ZoneClocks } from './zone-clock.js';

/** One link's part of the view: its per-slot bytes and the slot range `[lo, hi)` shown. */
export interface LinkCalendarView {
  /** The link. */
  readonly link: ScenarioLink;
  /** Its index in `scenario.links` (field paths of errors name it). */
  readonly index: number;
  /** IANA zone its local times are shown in (`UTC` with `utc`). */
  readonly zone: string;
  /** Exact bytes per slot over the whole horizon (see {@link linkCalendar}). */
  readonly row: Float64Array;
  /** First slot shown. */
  readonly lo: number;
  /** One past the last slot shown. */
  readonly hi: number;
}

/** Options of {@link linkCalendarView}. */
export interface LinkCalendarViewOptions {
  /** Show times in UTC only. @defaultValue false */
  readonly utc?: boolean;
  /** First instant shown (epoch seconds); null or omitted: the horizon start. */
  readonly from?: number | null;
  /** End of the range shown, exclusive (epoch seconds); null or omitted: the horizon end. */
  readonly to?: number | null;
  /** Scenario file name for capacity errors. @defaultValue '<input>' */
  readonly file?: string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `Sat 2026-12-05 01:00 +01:00` (local) or `Sat 2026-12-05 00:00Z` (zone UTC). */
function wallTime(seconds: number, zone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(seconds * 1000).toZonedDateTimeISO(zone);
  const date = z.toPlainDate().toString();
  const time = `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
  const tail = zone === 'UTC' ? 'Z' : ` ${z.offset}`;
  return `${WEEKDAYS[z.dayOfWeek - 1]} ${date} ${time}${tail}`;
}

/** Groups digits by thousands: 1 125 000 000. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/** Approximate SI size for reading (`1.13 TB`); the exact count is always printed beside it. */
function approxBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toPrecision(3)} ${units[u]}`;
}

/** Approximate rate in bits for reading (`10 Gbps`), from bytes per second. */
function approxBits(bytesPerSecond: number): string {
  const units = ['bps', 'kbps', 'Mbps', 'Gbps', 'Tbps', 'Pbps'];
  let v = bytesPerSecond * 8;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${Number(v.toPrecision(4))} ${units[u]}`;
}

function hours(seconds: number): string {
  return `${Number((seconds / 3600).toFixed(2))} h`;
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Zone in which a link's local times are shown: its first window's, else its `from` node's. */
export function calendarZone(scenario: Scenario, link: ScenarioLink, utc = false): string {
  if (utc) return 'UTC';
  if (link.windows !== null && link.windows.length > 0) return link.windows[0].timezone;
  return scenario.nodes.find((n) => n.id === link.from)?.timezone ?? 'UTC';
}

/** Slot range `[lo, hi)` of `horizon` overlapping `[from, to)` (null: the horizon's own bound). */
export function slotRange(horizon: Horizon, from: number | null, to: number | null): [number, number] {
  const h = horizon;
  const lo = from === null ? 0 : Math.max(0, Math.floor((from - h.start) / h.slotSeconds));
  const hi = to === null ? h.slots : Math.min(h.slots, Math.ceil((to - h.start) / h.slotSeconds));
  return [lo, Math.max(lo, hi)];
}

/**
 * The view of link `index` of `scenario`: its display zone, exact bytes per slot and the slots
 * overlapping `[from, to)`.
 * @throws InputError when a slot's amount reaches 2^53 bytes; RangeError for an unknown zone
 */
export function linkCalendarView(
  scenario: Scenario,
  index: number,
  clocks: ZoneClocks,
  options: LinkCalendarViewOptions = {},
): LinkCalendarView {
  const h = scenario.horizon;
  const link = scenario.links[index];
  const zone = calendarZone(scenario, link, options.utc ?? false);
  const [lo, hi] = slotRange(h, options.from ?? null, options.to ?? null);
  const origin = {
    file: options.file ?? '<input>',
    path: `links[${index}].capacity`,
    what: `link "${link.id}"`,
  };
  return { link, index, zone, row: linkCalendar(link, h, clocks, origin), lo, hi };
}

/** One link's table: open intervals, bytes per local day, and bytes per slot (equal ones grouped). */
function describeLink(scenario: Scenario, v: LinkCalendarView, clocks: ZoneClocks, utc: boolean): string {
  const h = scenario.horizon;
  const { link, zone, row, lo, hi } = v;
  const out: string[] = [];
  const zones = [...new Set((link.windows ?? []).map((w) => w.timezone))];
  const rate = `${approxBits(toNumber(link.capacity))} (${formatRational(link.capacity)} B/s)`;
  out.push(`${link.id}: ${link.from} -> ${link.to}, capacity ${rate}`);
  if (link.windows === null) out.push('  no windows: open all the time at full capacity');
  else {
    const note = zones.length > 1 ? ` (windows in ${zones.join(', ')})` : '';
    out.push(`  times in ${utc ? 'UTC' : `${zone} and UTC`}${note}`);
  }
  const both = (t: number) =>
    utc || zone === 'UTC' ? wallTime(t, 'UTC') : `${wallTime(t, zone)}  (${wallTime(t, 'UTC')})`;
  const a = h.start + lo * h.slotSeconds;
  const b = h.start + hi * h.slotSeconds;

  out.push('  open:');
  const open = linkWindows(link, h, clocks)
    .map((x) => ({ ...x, start: Math.max(x.start, a), end: Math.min(x.end, b) }))
    .filter((x) => x.end > x.start);
  if (open.length === 0) out.push('    never in the range shown');
  for (const x of open) {
    const pct = `${Number((toNumber(x.share) * 100).toFixed(4))} %`;
    out.push(`    ${both(x.start)}  →  ${both(x.end)}   ${hours(x.end - x.start)} at ${pct}`);
  }

  // Per local day of the display zone; a slot counts on the day it starts.
  const clock = clocks.get(zone);
  out.push(`  per day (${zone}; a slot counts on the day it starts):`);
  let d = clock.localDay(a);
  let i = lo;
  let total = 0;
  while (i < hi) {
    const dayStart = clock.instant(d, 0);
    const dayEnd = clock.instant(d + 1, 0);
    let bytes = 0;
    for (; i < hi && h.start + i * h.slotSeconds < dayEnd; i++) bytes += row[i];
    let openSeconds = 0;
    for (const x of open) openSeconds += Math.max(0, Math.min(x.end, dayEnd) - Math.max(x.start, dayStart));
    const label = wallTime(Math.max(dayStart, a), zone).slice(0, 14);
    out.push(
      `    ${label}  open ${hours(openSeconds).padStart(8)}  ${grouped(bytes).padStart(24)} B  (${approxBytes(bytes)})`,
    );
    total += bytes;
    d++;
  }
  out.push(`    total ${' '.repeat(24)}${grouped(total).padStart(24)} B  (${approxBytes(total)})`);

  out.push(`  per slot (${h.slotSeconds} s each; equal neighbours grouped):`);
  for (let s = lo; s < hi; ) {
    let e = s;
    while (e + 1 < hi && row[e + 1] === row[s]) e++;
    const what = row[s] === 0 ? 'closed' : `${grouped(row[s])} B each (${approxBytes(row[s])})`;
    const slots = s === e ? `${s}` : `${s}–${e}`;
    const t0 = h.start + s * h.slotSeconds;
    const t1 = h.start + (e + 1) * h.slotSeconds;
    out.push(`    ${slots.padEnd(11)} ${both(t0)}  →  ${both(t1)}   ${what}`);
    s = e + 1;
  }
  return `${out.join('\n')}\n`;
}

/**
 * The readable calendar: a horizon line, then one table per view (open intervals, bytes per local
 * day, bytes per slot with equal neighbours grouped), separated by blank lines.
 * @param utc - the views were made with `utc` (times in UTC only)
 */
export function calendarTable(
  scenario: Scenario,
  views: readonly LinkCalendarView[],
  clocks: ZoneClocks,
  utc = false,
): string {
  const h = scenario.horizon;
  const end = formatInstant(h.start + h.slots * h.slotSeconds);
  const head = `horizon ${h.startIso} … ${end}, ${h.slots} slots of ${h.slotSeconds} s\n\n`;
  return head + views.map((v) => describeLink(scenario, v, clocks, utc)).join('\n');
}

/**
 * The calendar as records, one per view and slot shown: JSON lines
 * `{"link","slot","start","bytes"}` or CSV with the header `link,slot,start,bytes`; every line ends
 * in a newline.
 */
export function calendarRecords(
  scenario: Scenario,
  views: readonly LinkCalendarView[],
  format: 'json' | 'csv',
): string {
  const h = scenario.horizon;
  const starts = new Map<number, string>();
  const startOf = (i: number) => {
    let s = starts.get(i);
    if (s === undefined) starts.set(i, (s = formatInstant(h.start + i * h.slotSeconds)));
    return s;
  };
  const lines: string[] = format === 'csv' ? ['link,slot,start,bytes'] : [];
  for (const v of views) {
    for (let i = v.lo; i < v.hi; i++) {
      lines.push(
        format === 'json'
          ? JSON.stringify({ link: v.link.id, slot: i, start: startOf(i), bytes: v.row[i] })
          : `${csvField(v.link.id)},${i},${startOf(i)},${v.row[i]}`,
      );
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
