/**
 * Local wall-clock times of one IANA zone → UTC instants, computed once per local day.
 *
 * Model: a window edge is "minute m of local date d in zone z". SCENARIO.md maps it to an instant
 * with Temporal's `disambiguation: "compatible"` (RFC 5545): a time skipped by a spring-forward gap
 * moves forward by the length of the gap; a time that occurs twice takes its first occurrence.
 *
 * Method: for each local date we ask Temporal (temporal-polyfill, i.e. the IANA database, never a
 * hand-made offset table) for the instant of local midnight, of the next local midnight and for the
 * next offset transition. A day is *plain* when it is exactly 86 400 s long and no transition falls
 * inside it; then the offset is constant over the whole local day and minute m is simply
 * `midnight + 60·m`. Only the few days around a transition (23/25 h days, 23.5/24.5 h on
 * Lord Howe) ask Temporal again, once per distinct minute, memoized.
 *
 * Invariants: `instant(d, m)` is non-decreasing in (d, m) (compatible disambiguation is monotone);
 * `instant(d, 1440) === instant(d + 1, 0)`.
 *
 * Complexity: O(1) Temporal calls per (zone, local day) plus O(1) per distinct minute on transition
 * days; every later lookup is a Map hit and an addition.
 *
 * Reference: TC39 Temporal, ZonedDateTime disambiguation (https://tc39.es/proposal-temporal/docs/
 * zoneddatetime.html#ambiguity-due-to-dst-or-other-time-zone-offset-changes); RFC 5545 §3.3.5.
 * Calendar arithmetic: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil).
 */
import { Temporal } from 'temporal-polyfill';
import { civilFromDays, daysFromCivil } from '../io/units/civil.js';

const MINUTES_PER_DAY = 1440;
const SECONDS_PER_DAY = 86_400;

/** Facts about one local date, computed once. */
interface LocalDay {
  /** Instant (epoch seconds) of local 00:00, compatible disambiguation. */
  readonly midnight: number;
  /** True when the day is 86 400 s long with no offset transition inside it. */
  readonly plain: boolean;
  /** On non-plain days: minute of day → instant, filled on demand. */
  readonly exact: Map<number, number> | null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (shared with the unit parsers). */
export { daysFromCivil };

/** ISO weekday of a day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/**
 * The wall clock of one IANA time zone: local (date, minute) → UTC epoch seconds, cached per day.
 * Build one per zone and share it between links ({@link ZoneClocks}).
 */
export class ZoneClock {
  /** The IANA zone name. */
  readonly zone: string;
  private readonly days = new Map<number, LocalDay>();
  private readonly midnights = new Map<number, number>();
  private readonly localDays = new Map<number, number>();

  /** @throws RangeError when `zone` is not a time zone Temporal knows. */
  constructor(zone: string) {
    try {
      // Resolving the zone once here turns a bad name into an error before any window is read.
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    } catch {
      throw new RangeError(`unknown IANA time zone "${zone}"`);
    }
    this.zone = zone;
  }

  /**
   * Local date (days since 1970-01-01) that contains `instant` (epoch seconds). Memoized: every
   * link asks for the horizon's first and last second.
   */
  localDay(instant: number): number {
    let d = this.localDays.get(instant);
    if (d === undefined) {
      const z = Temporal.Instant.fromEpochMilliseconds(instant * 1000).toZonedDateTimeISO(this.zone);
      d = daysFromCivil(z.year, z.month, z.day);
      this.localDays.set(instant, d);
    }
    return d;
  }

  /** UTC offset in seconds at `instant` (for display). */
  offsetSeconds(instant: number): number {
    const z = Temporal.Instant.fromEpochMilliseconds(instant * 1000).toZonedDateTimeISO(this.zone);
    return z.offsetNanoseconds / 1e9;
  }

  /**
   * Instant (epoch seconds) of minute `minute` of local date `day`; minutes ≥ 1440 run into the
   * following days (1440 = 24:00 = next local midnight). Compatible disambiguation.
   */
  instant(day: number, minute: number): number {
    const d = day + Math.floor(minute / MINUTES_PER_DAY);
    const m = minute - (d - day) * MINUTES_PER_DAY;
    const info = this.day(d);
    if (m === 0 || info.plain) return info.midnight + m * 60;
    const exact = info.exact!;
    let t = exact.get(m);
    if (t === undefined) {
      t = this.convert(d, m);
      exact.set(m, t);
    }
    return t;
  }

  private day(d: number): LocalDay {
    let info = this.days.get(d);
    if (info === undefined) {
      const midnight = this.midnight(d);
      const next = this.midnight(d + 1);
      const transition = Temporal.Instant.fromEpochMilliseconds(midnight * 1000)
        .toZonedDateTimeISO(this.zone)
        .getTimeZoneTransition('next');
      const plain =
        next - midnight === SECONDS_PER_DAY &&
        (transition === null || transition.epochMilliseconds / 1000 >= next);
      info = { midnight, plain, exact: plain ? null : new Map() };
      this.days.set(d, info);
    }
    return info;
  }

  private midnight(d: number): number {
    let t = this.midnights.get(d);
    if (t === undefined) {
      t = this.convert(d, 0);
      this.midnights.set(d, t);
    }
    return t;
  }

  private convert(d: number, minute: number): number {
    const [year, month, day] = civilFromDays(d);
    const local = new Temporal.PlainDateTime(year, month, day, Math.floor(minute / 60), minute % 60);
    const ms = local.toZonedDateTime(this.zone, { disambiguation: 'compatible' }).epochMilliseconds;
    // tzdb offsets since 1972 are whole seconds; LMT offsets may carry fractions: keep seconds.
    return Math.floor(ms / 1000);
  }
}

/** A cache of {@link ZoneClock}s by zone name, shared by all links of one computation. */
export class ZoneClocks {
  private readonly clocks = new Map<string, ZoneClock>();

  /** The clock of `zone`, created on first use. @throws RangeError for an unknown zone. */
  get(zone: string): ZoneClock {
    let c = this.clocks.get(zone);
    if (c === undefined) {
      c = new ZoneClock(zone);
      this.clocks.set(zone, c);
    }
    return c;
  }
}
