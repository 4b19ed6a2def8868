/** Hand-computed per-slot amounts: fractions of slots, shares, overlaps, rates and slot lengths. */
import { describe, expect, it } from 'vitest';
import { linkCalendar, linkWindows } from '../../src/constraints/index.js';
import { InputError } from '../../src/errors.js';
import { format, rational } from '../../src/io/rational.js';
import { Bps, bps, horizon, iso, link, openSlots, total, win } from './fixtures.js';

describe('linkCalendar(link, horizon)', () => {
  it('a link without windows carries floor(rate × slot) in every slot', () => {
    const row = linkCalendar(link('l', bps(10_000_000_001n)), horizon('2026-12-05T00:00:00Z', 900, 4));
    // 10 000 000 001 bit/s × 900 s / 8 = 1 125 000 000 112.5 → 1 125 000 000 112
    expect(Array.from(row)).toEqual([
      1_125_000_000_112, 1_125_000_000_112, 1_125_000_000_112, 1_125_000_000_112,
    ]);
  });

  it('a window crossing midnight (mon 22:00–06:00 UTC) runs into tuesday', () => {
    const h = horizon('2026-12-07T00:00:00Z', 3600, 48); // Monday
    const row = linkCalendar(
      link('l', Bps(1), [win({ zone: 'UTC', days: ['mon'], from: '22:00', to: '06:00' })]),
      h,
    );
    expect(openSlots(row)).toEqual([22, 23, 24, 25, 26, 27, 28, 29]);
  });

  it('a window of the previous day crossing midnight reaches into a horizon starting at midnight', () => {
    const h = horizon('2026-12-08T00:00:00Z', 3600, 24); // Tuesday
    const row = linkCalendar(
      link('l', Bps(1), [win({ zone: 'UTC', days: ['mon'], from: '22:00', to: '06:00' })]),
      h,
    );
    expect(openSlots(row)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a weekend whole-day window is one 48-hour interval (Berlin, December: 23:00Z fri – 23:00Z sun)', () => {
    const h = horizon('2026-12-04T00:00:00Z', 3600, 96); // Friday
    const l = link('l', Bps(1), [win({ zone: 'Europe/Berlin', days: ['sat', 'sun'] })]);
    expect(linkWindows(l, h).map((x) => [iso(x.start), iso(x.end)])).toEqual([
      ['2026-12-04T23:00:00Z', '2026-12-06T23:00:00Z'],
    ]);
    const row = linkCalendar(l, h);
    expect(openSlots(row)).toEqual(Array.from({ length: 48 }, (_, i) => 23 + i));
    expect(total(row)).toBe(48 * 3600);
  });

  it('a slot half inside a window gets exactly half (1-hour slots, window from 10:30)', () => {
    const h = horizon('2026-12-07T00:00:00Z', 3600, 24);
    const row = linkCalendar(link('l', Bps(3), [win({ zone: 'UTC', from: '10:30', to: '12:00' })]), h);
    expect(row[10]).toBe(3 * 1800);
    expect(row[11]).toBe(3 * 3600);
    expect(openSlots(row)).toEqual([10, 11]);
  });

  it('two overlapping windows: the larger share applies where they overlap', () => {
    const h = horizon('2026-12-07T00:00:00Z', 3600, 24);
    const l = link('l', Bps(10), [
      win({ zone: 'UTC', from: '20:00', to: '08:00', share: '50%' }),
      win({ zone: 'UTC', from: '00:00', to: '04:00', share: '0.8' }),
    ]);
    expect(linkWindows(l, h).map((x) => `${iso(x.start)}/${iso(x.end)}@${format(x.share)}`)).toEqual([
      '2026-12-07T00:00:00Z/2026-12-07T04:00:00Z@4/5',
      '2026-12-07T04:00:00Z/2026-12-07T08:00:00Z@1/2',
      '2026-12-07T20:00:00Z/2026-12-08T00:00:00Z@1/2',
    ]);
    const row = linkCalendar(l, h);
    expect(row[0]).toBe(28_800); // 10 B/s × 3600 s × 4/5
    expect(row[3]).toBe(28_800);
    expect(row[4]).toBe(18_000); // × 1/2
    expect(row[12]).toBe(0);
    expect(row[20]).toBe(18_000);
    expect(total(row)).toBe(4 * 28_800 + 8 * 18_000);
  });

  it('a smaller share inside a larger one changes nothing; a slot with two shares floors the exact sum', () => {
    const h = horizon('2026-12-07T00:00:00Z', 3600, 24);
    const l = link('l', bps(1), [
      win({ zone: 'UTC', from: '01:00', to: '05:00', share: '1' }),
      win({ zone: 'UTC', from: '02:00', to: '03:00', share: '0.1' }),
      win({ zone: 'UTC', from: '05:00', to: '05:20', share: '0.71' }),
      win({ zone: 'UTC', from: '05:20', to: '06:00', share: '0.305' }),
    ]);
    expect(linkWindows(l, h).map((x) => `${iso(x.start)}/${iso(x.end)}@${format(x.share)}`)).toEqual([
      '2026-12-07T01:00:00Z/2026-12-07T05:00:00Z@1',
      '2026-12-07T05:00:00Z/2026-12-07T05:20:00Z@71/100',
      '2026-12-07T05:20:00Z/2026-12-07T06:00:00Z@61/200',
    ]);
    const row = linkCalendar(l, h);
    expect(Array.from(row.slice(0, 7))).toEqual([0, 450, 450, 450, 450, 198, 0]);
    // slot 5: (1200 s × 0.71 + 2400 s × 0.305) / 8 = 106.5 + 91.5 = 198 (flooring each piece gives 197)
  });

  it('a horizon that does not start at midnight: 15-minute slots from 13:50Z, window 14:00–15:00', () => {
    const h = horizon('2026-12-05T13:50:00Z', 900, 8);
    const row = linkCalendar(link('l', Bps(2), [win({ zone: 'UTC', from: '14:00', to: '15:00' })]), h);
    // slot 0 = 13:50–14:05 (5 min open), 1–3 full, slot 4 = 14:50–15:05 (10 min open)
    expect(Array.from(row)).toEqual([600, 1800, 1800, 1800, 1200, 0, 0, 0]);
  });

  it('a bit rate that is not whole bytes per second is floored per slot, never per second', () => {
    const h = horizon('2026-12-07T00:00:00Z', 900, 96);
    const third = rational(1n, 3n);
    const l = link('l', bps(1001), [win({ zone: 'UTC', from: '00:00', to: '01:01', share: third })]);
    const row = linkCalendar(l, h);
    // full slot: 1001/8 × 900 × 1/3 = 37 537.5 → 37 537
    expect(row[0]).toBe(37_537);
    expect(row[3]).toBe(37_537);
    // slot 4 has 60 s: 1001/8 × 60 × 1/3 = 2502.5 → 2502
    expect(row[4]).toBe(2502);
    expect(openSlots(row)).toEqual([0, 1, 2, 3, 4]);
    // without windows: 1001/8 × 900 = 112 612.5 → 112 612
    expect(linkCalendar(link('l', bps(1001)), h)[0]).toBe(112_612);
  });

  it('from == to is a full local day of wall clock (06:00–06:00), 23 h across spring forward', () => {
    const normal = horizon('2026-12-07T00:00:00Z', 3600, 72);
    const w = win({ zone: 'Europe/Berlin', days: ['mon'], from: '06:00', to: '06:00' });
    expect(total(linkCalendar(link('l', Bps(1), [w]), normal))).toBe(24 * 3600);
    const spring = horizon('2026-03-27T00:00:00Z', 3600, 96);
    const s = win({ zone: 'Europe/Berlin', days: ['sat'], from: '06:00', to: '06:00' });
    expect(linkWindows(link('l', Bps(1), [s]), spring).map((x) => [iso(x.start), iso(x.end)])).toEqual([
      ['2026-03-28T05:00:00Z', '2026-03-29T04:00:00Z'],
    ]);
  });

  it('to 24:00 ends at the next local midnight', () => {
    const h = horizon('2026-12-07T00:00:00Z', 3600, 48);
    const row = linkCalendar(
      link('l', Bps(1), [win({ zone: 'UTC', days: ['mon'], from: '23:00', to: '24:00' })]),
      h,
    );
    expect(openSlots(row)).toEqual([23]);
  });

  it('throws an InputError naming the link when a slot would reach 2^53 bytes', () => {
    const h = horizon('2026-12-07T00:00:00Z', 86_400, 7);
    const l = link('huge-wan', Bps(2n ** 53n / 86_400n + 1n));
    expect(() => linkCalendar(l, h)).toThrow(InputError);
    expect(() => linkCalendar(l, h)).toThrow(/link "huge-wan"/);
    // One byte per second less and the slot fits.
    expect(linkCalendar(link('ok', Bps(2n ** 53n / 86_400n)), h)[0]).toBe(
      Number((2n ** 53n / 86_400n) * 86_400n),
    );
  });
});
