/**
 * `wanplan calendar FILE`: when each link is open and how many bytes it may carry, per slot and
 * per day, in the link's local time and in UTC — for an operator to check against their change
 * calendar. `--json` / `--csv` write one record per link and slot for other tools. The view itself
 * is built by `src/constraints/calendar-view.ts`; this file parses the options and prints.
 */
import { Command } from 'commander';
import { Temporal } from 'temporal-polyfill';
import {
  calendarRecords,
  calendarTable,
  calendarZone,
  type LinkCalendarView,
  linkCalendarView,
} from '../constraints/calendar-view.js';
import { slotLimitProblems } from '../constraints/calendars.js';
import { daysFromCivil, type ZoneClock, ZoneClocks } from '../constraints/zone-clock.js';
import { InputError, UsageError } from '../errors.js';
import type { Scenario } from '../io/model.js';
import { didYouMean } from '../io/scenario/didYouMean.js';
import { loadScenarioWithWarnings } from '../io/scenario/index.js';
import { isoUtc } from '../plan/time.js';
import type { CommandFactory } from './program.js';

interface CalendarOptions {
  link: string[];
  from?: string;
  to?: string;
  utc?: boolean;
  json?: boolean;
  csv?: boolean;
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
      const views: LinkCalendarView[] = [];
      for (const index of selectLinks(scenario, opts.link)) {
        const clock = clocks.get(calendarZone(scenario, scenario.links[index], utc));
        const from = opts.from === undefined ? null : parseBound('--from', opts.from, clock);
        const to = opts.to === undefined ? null : parseBound('--to', opts.to, clock);
        if (from !== null && to !== null && to <= from) {
          throw new UsageError(`--to ${opts.to} is not after --from ${opts.from}`);
        }
        views.push(linkCalendarView(scenario, index, clocks, { utc, from, to, file }));
      }
      if (!views.some((v) => v.hi > v.lo) && (opts.from !== undefined || opts.to !== undefined)) {
        const end = isoUtc(h.start + h.slots * h.slotSeconds);
        throw new UsageError(`--from/--to select no slot of the horizon ${h.startIso} … ${end}`);
      }
      const text =
        opts.json || opts.csv
          ? calendarRecords(scenario, views, opts.json ? 'json' : 'csv')
          : calendarTable(scenario, views, clocks, utc);
      if (text !== '') io.out(text);
      setExit(0);
    });
