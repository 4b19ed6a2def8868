/** ZoneClock: day arithmetic and local → UTC against Temporal directly. */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { weekdayOfDay, ZoneClock } from '../../src/constraints/zone-clock.js';
import { civilFromDays, daysFromCivil } from '../../src/io/units/civil.js';

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/Santiago',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
];

describe('ZoneClock', () => {
  it('daysFromCivil and civilFromDays are inverse and agree with known dates', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2026, 3, 29)).toBe(Date.UTC(2026, 2, 29) / 86_400_000);
    expect(civilFromDays(daysFromCivil(2000, 2, 29))).toEqual([2000, 2, 29]);
    expect(weekdayOfDay(daysFromCivil(2026, 3, 29))).toBe(6); // a Sunday
    expect(weekdayOfDay(daysFromCivil(2026, 12, 7))).toBe(0); // a Monday
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        const [year, month, day] = civilFromDays(d);
        expect(daysFromCivil(year, month, day)).toBe(d);
      }),
    );
  });

  it('rejects an unknown zone with a RangeError naming it', () => {
    expect(() => new ZoneClock('Mars/Olympus_Mons')).toThrow(/Mars\/Olympus_Mons/);
  });

  it('property: instant(day, minute) equals Temporal compatible conversion, across DST days', () => {
    const first = daysFromCivil(2026, 1, 1);
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 730 }),
        fc.integer({ min: 0, max: 1440 }),
        (zone, offset, minute) => {
          const clock = new ZoneClock(zone);
          const day = first + offset;
          const [year, month, dd] = civilFromDays(day + Math.floor(minute / 1440));
          const m = minute % 1440;
          const expected =
            new Temporal.PlainDateTime(year, month, dd, Math.floor(m / 60), m % 60).toZonedDateTime(zone, {
              disambiguation: 'compatible',
            }).epochMilliseconds / 1000;
          expect(clock.instant(day, minute)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every minute of the DST days of 2026 in Berlin and Lord Howe matches Temporal', () => {
    for (const [zone, dates] of [
      ['Europe/Berlin', ['2026-03-29', '2026-10-25']],
      ['Australia/Lord_Howe', ['2026-04-05', '2026-10-04']],
    ] as const) {
      const clock = new ZoneClock(zone);
      for (const date of dates) {
        const p = Temporal.PlainDate.from(date);
        const day = daysFromCivil(p.year, p.month, p.day);
        for (let m = 0; m < 1440; m += 5) {
          const t = p.toPlainDateTime({ hour: Math.floor(m / 60), minute: m % 60 });
          const expected = t.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds / 1000;
          expect(clock.instant(day, m)).toBe(expected);
        }
      }
    }
  });
});
