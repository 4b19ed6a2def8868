/**
 * `wanplan calendar FILE`: when each link is open and how many bytes it may carry, per slot and
 * per day, in the link's local time and in UTC — for an operator to check against their change
 * calendar. `--json` / `--csv` write one record per link and slot for other tools.
 */
import { Command } from 'commander';
import { Temporal } from 'temporal-polyfill';
import { slotLimitProblems } from '../constraints/calendars.js';
import { linkCalendar, linkWindows, ZoneClocks } from '../constraints/index.js';
import type { ZoneClock } from '../constraints/zone-clock.js';
import { daysFromCivil } from '../constraints/zone-clock.js';
import { InputError, UsageError } from '../errors.js';
import type { Horizon, Scenario, ScenarioLink } from '../io/model.js';
import { format as formatRational, toNumber } from '../io/rational.js';
import { didYouMean } from '../io/scenario/didYouMean.js';
import { loadScenarioWithWarnings } from '../io/scenario/index.js';
import type { CommandFactory } from './program.js';

interface CalendarOptions {
  link: string[];
  from?: string;
  to?: string;
  utc?: boolean;
  json?: boolean;
  csv?: boolean;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `2026-12-05T00:00:00Z` for epoch seconds. */
function isoUtc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

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

/**
 * Parses `--from` / `--to`: `YYYY-MM-DD` is local midnight of that date in the display zone; any
 * other text must be an ISO 8601 instant with `Z` or an offset.
 */
function parseBound(option: string, text: string, clock: ZoneClock): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  try {
    if (date) {
      const p = Temporal.PlainDate.from(text, { overflow: 'reject' });
      return clock.instant(daysFromCivil(p.year, p.month, p.day), 0);
    }
    const ms = Temporal.Instant.from(text).epochMilliseconds;
    return Math.floor(ms / 1000);
  } catch {
    throw new UsageError(
      `${option} "${text}": expected a date YYYY-MM-DD or an ISO 8601 instant with Z or an offset ` +
        '(2026-12-05T18:00:00+01:00)',
    );
  }
}

/** Picks the links named by `--link` (in the order given), or all. */
function selectLinks(scenario: Scenario, ids: readonly string[]): number[] {
  if (ids.length === 0) return scenario.links.map((_, i) => i);
  const known = scenario.links.map((l) => l.id);
  const chosen: number[] = [];
  for (const id of ids) {
    const i = known.indexOf(id);
    if (i < 0) {
      const guess = didYouMean(id, known);
      const list =
        known.length <= 20 ? known.join(', ') : `${known.slice(0, 20).join(', ')}, … (${known.length})`;
      throw new UsageError(
        `--link: unknown link "${id}"${guess ? ` — did you mean "${guess}"?` : ''} (known links: ${list})`,
      );
    }
    if (!chosen.includes(i)) chosen.push(i);
  }
  return chosen;
}

/** Zone in which a link's local times are shown: its first window's, else its `from` node's. */
function displayZone(scenario: Scenario, link: ScenarioLink, utc: boolean): string {
  if (utc) return 'UTC';
  if (link.windows !== null && link.windows.length > 0) return link.windows[0].timezone;
  return scenario.nodes.find((n) => n.id === link.from)?.timezone ?? 'UTC';
}

/** Slot range `[lo, hi)` overlapping `[from, to)`. */
function slotRange(h: Horizon, from: number | null, to: number | null): [number, number] {
  const lo = from === null ? 0 : Math.max(0, Math.floor((from - h.start) / h.slotSeconds));
  const hi = to === null ? h.slots : Math.min(h.slots, Math.ceil((to - h.start) / h.slotSeconds));
  return [lo, Math.max(lo, hi)];
}

interface LinkView {
  readonly link: ScenarioLink;
  readonly index: number;
  readonly zone: string;
  readonly row: Float64Array;
  readonly lo: number;
  readonly hi: number;
}

function describeLink(scenario: Scenario, v: LinkView, clocks: ZoneClocks, utc: boolean): string {
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

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The `calendar` subcommand. */
export const calendarCommand: CommandFactory = (io, setExit) =>
  new Command('calendar')
    .description('Show when each link is open and how many bytes it may carry, per slot and per day.')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option(
      '--link <id>',
      'only this link (repeat for several)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option(
      '--from <date>',
      "start of the range shown: YYYY-MM-DD (local midnight in the link's zone) or an instant",
    )
    .option('--to <date>', 'end of the range shown, exclusive: YYYY-MM-DD (local midnight) or an instant')
    .option('--utc', 'show times in UTC only (and read --from/--to dates as UTC days)')
    .option('--json', 'JSON lines {"link","slot","start","bytes"}, one per link and slot')
    .option('--csv', 'CSV with header link,slot,start,bytes, one row per link and slot')
    .addHelpText(
      'after',
      `
Local times are those of the link's first window's zone (or its sending node's); a slot counts on
the local day it starts. Bytes are exact: floor(capacity × ∫ share over the slot).

Examples:
  wanplan calendar examples/worldwide.yaml --link munich-frankfurt-wan
  wanplan calendar examples/worldwide.yaml --from 2026-12-05 --to 2026-12-07 --utc
  wanplan calendar examples/worldwide.yaml --json > calendar.jsonl`,
    )
    .action(async (file: string, opts: CalendarOptions) => {
      if (opts.json && opts.csv) throw new UsageError('--json and --csv cannot be combined: choose one');
      const read = await loadScenarioWithWarnings(file);
      const scenario = read.scenario;
      // Amounts per slot at or above 2^53 bytes, positioned at the field as written in the file.
      const tooLarge = slotLimitProblems(scenario, { file, locate: read.locate });
      if (tooLarge.length > 0) throw new InputError(tooLarge);
      const h = scenario.horizon;
      const utc = Boolean(opts.utc);
      const clocks = new ZoneClocks();
      const views: LinkView[] = [];
      let any = false;
      for (const index of selectLinks(scenario, opts.link)) {
        const link = scenario.links[index];
        const zone = displayZone(scenario, link, utc);
        const clock = clocks.get(zone);
        const from = opts.from === undefined ? null : parseBound('--from', opts.from, clock);
        const to = opts.to === undefined ? null : parseBound('--to', opts.to, clock);
        if (from !== null && to !== null && to <= from) {
          throw new UsageError(`--to ${opts.to} is not after --from ${opts.from}`);
        }
        const [lo, hi] = slotRange(h, from, to);
        any ||= hi > lo;
        const origin = { file, path: `links[${index}].capacity`, what: `link "${link.id}"` };
        views.push({ link, index, zone, row: linkCalendar(link, h, clocks, origin), lo, hi });
      }
      if (!any && (opts.from !== undefined || opts.to !== undefined)) {
        const end = isoUtc(h.start + h.slots * h.slotSeconds);
        throw new UsageError(`--from/--to select no slot of the horizon ${h.startIso} … ${end}`);
      }

      if (opts.json || opts.csv) {
        const starts = new Map<number, string>();
        const startOf = (i: number) => {
          let s = starts.get(i);
          if (s === undefined) starts.set(i, (s = isoUtc(h.start + i * h.slotSeconds)));
          return s;
        };
        if (opts.csv) io.out('link,slot,start,bytes\n');
        for (const v of views) {
          const lines: string[] = [];
          for (let i = v.lo; i < v.hi; i++) {
            lines.push(
              opts.json
                ? JSON.stringify({ link: v.link.id, slot: i, start: startOf(i), bytes: v.row[i] })
                : `${csvField(v.link.id)},${i},${startOf(i)},${v.row[i]}`,
            );
          }
          if (lines.length > 0) io.out(`${lines.join('\n')}\n`);
        }
      } else {
        const end = isoUtc(h.start + h.slots * h.slotSeconds);
        io.out(`horizon ${h.startIso} … ${end}, ${h.slots} slots of ${h.slotSeconds} s\n\n`);
        io.out(views.map((v) => describeLink(scenario, v, clocks, utc)).join('\n'));
      }
      setExit(0);
    });
