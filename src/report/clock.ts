/**
 * Time in the report: slot ↔ instant, and the two readings every time label gets — UTC and the
 * report's local zone (the zone holding most of the data, unless the caller names one).
 *
 * Labels are built from Temporal fields with fixed English names, not `Intl` locale output, so the
 * page is identical on every machine.
 */
import { Temporal } from 'temporal-polyfill';
import type { Scenario } from '../io/model.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Calendar fields of an instant in one zone. */
interface Fields {
  readonly weekday: number;
  readonly day: number;
  readonly month: number;
  readonly hour: number;
  readonly minute: number;
  readonly offset: string;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * The zone most of the data lives in: the time zone of the dataset origins weighted by wire
 * bytes (first declared wins a tie); null when no origin has a zone.
 */
export function dominantZone(scenario: Scenario): string | null {
  const zoneOf = new Map(scenario.nodes.map((n) => [n.id, n.timezone]));
  const weight = new Map<string, number>();
  for (const d of scenario.datasets) {
    const z = zoneOf.get(d.at) ?? null;
    if (z !== null) weight.set(z, (weight.get(z) ?? 0) + d.wire + 1);
  }
  let best: string | null = null;
  for (const [z, w] of weight) if (best === null || w > (weight.get(best) ?? 0)) best = z;
  return best;
}

/** Slot arithmetic and UTC/local labels of one report. */
export class ReportClock {
  /** Horizon start, epoch seconds. */
  readonly start: number;
  readonly slotSeconds: number;
  readonly slots: number;
  /** IANA zone of the local readings, or null for UTC only. */
  readonly zone: string | null;
  private readonly cache = new Map<number, Fields>();

  constructor(start: number, slotSeconds: number, slots: number, zone: string | null) {
    this.start = start;
    this.slotSeconds = slotSeconds;
    this.slots = slots;
    this.zone = zone;
  }

  /** Instant at which `slot` starts (epoch seconds); `slotStart(slots)` is the horizon end. */
  slotStart(slot: number): number {
    return this.start + slot * this.slotSeconds;
  }

  /** ISO text (`2026-12-08T03:30:00Z`) → epoch seconds. */
  static epoch(iso: string): number {
    return Math.floor(Date.parse(iso) / 1000);
  }

  private fields(epoch: number, zone: string | null): Fields {
    if (zone === null) {
      const d = new Date(epoch * 1000);
      return {
        weekday: (d.getUTCDay() + 6) % 7,
        day: d.getUTCDate(),
        month: d.getUTCMonth(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        offset: '+00:00',
      };
    }
    const hit = this.cache.get(epoch);
    if (hit) return hit;
    const z = Temporal.Instant.fromEpochMilliseconds(epoch * 1000).toZonedDateTimeISO(zone);
    const f = {
      weekday: z.dayOfWeek - 1,
      day: z.day,
      month: z.month - 1,
      hour: z.hour,
      minute: z.minute,
      offset: z.offset,
    };
    this.cache.set(epoch, f);
    return f;
  }

  /** `Sat 5 Dec 14:00` in UTC (`local` false) or in the report zone. */
  dateTime(epoch: number, local = false): string {
    const f = this.fields(epoch, local ? this.zone : null);
    return `${WEEKDAYS[f.weekday]} ${f.day} ${MONTHS[f.month]} ${p2(f.hour)}:${p2(f.minute)}`;
  }

  /** `Sat 5 Dec` in UTC or local. */
  date(epoch: number, local = false): string {
    const f = this.fields(epoch, local ? this.zone : null);
    return `${WEEKDAYS[f.weekday]} ${f.day} ${MONTHS[f.month]}`;
  }

  /** `14:00` in UTC or local. */
  time(epoch: number, local = false): string {
    const f = this.fields(epoch, local ? this.zone : null);
    return `${p2(f.hour)}:${p2(f.minute)}`;
  }

  /** UTC offset of the report zone at `epoch`, e.g. `+01:00`. */
  offset(epoch: number): string {
    return this.fields(epoch, this.zone).offset;
  }

  /** `Tue 8 Dec 03:30 UTC · Tue 8 Dec 04:30 Europe/Berlin (UTC+01:00)`, UTC only without a zone. */
  both(epoch: number): string {
    const utc = `${this.dateTime(epoch)} UTC`;
    if (this.zone === null) return utc;
    return `${utc} · ${this.dateTime(epoch, true)} ${this.zone} (UTC${this.offset(epoch)})`;
  }

  /** A local reading in another zone (a dataset's origin), or null without one. */
  static inZone(epoch: number, zone: string | null): string | null {
    if (zone === null) return null;
    const c = new ReportClock(0, 1, 1, zone);
    return `${c.dateTime(epoch, true)} ${zone}`;
  }
}
