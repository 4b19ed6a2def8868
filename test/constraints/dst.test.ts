/**
 * Hand-computed windows on the nights the clocks change (SCENARIO.md: compatible disambiguation —
 * a skipped local time moves forward by the gap, a repeated one takes its first occurrence).
 * Each expected instant is worked out from the zone's rules in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { linkCalendar, linkWindows } from '../../src/constraints/index.js';
import { format } from '../../src/io/rational.js';
import { Bps, horizon, iso, link, openSlots, total, win } from './fixtures.js';

type Win = Parameters<typeof win>[0];

/** Open intervals of a one-window link as ISO text. */
function open(w: Win | Win[], h: ReturnType<typeof horizon>) {
  const l = link('l', Bps(1), (Array.isArray(w) ? w : [w]).map(win));
  return linkWindows(l, h).map((x) => `${iso(x.start)}/${iso(x.end)}@${format(x.share)}`);
}

describe('Europe/Berlin', () => {
  const spring = horizon('2026-03-28T00:00:00Z', 3600, 72);
  const autumn = horizon('2026-10-24T00:00:00Z', 3600, 72);

  it('sat 22:00–06:00 before spring forward lasts 7 h (22:00 CET = 21:00Z, 06:00 CEST = 04:00Z)', () => {
    const w: Win = { zone: 'Europe/Berlin', days: ['sat'], from: '22:00', to: '06:00' };
    expect(open(w, spring)).toEqual(['2026-03-28T21:00:00Z/2026-03-29T04:00:00Z@1']);
    const row = linkCalendar(link('l', Bps(1000), [win(w)]), spring);
    expect(openSlots(row)).toEqual([21, 22, 23, 24, 25, 26, 27]);
    expect(total(row)).toBe(7 * 3600 * 1000);
  });

  it('sunday 2026-03-29 as a whole day lasts 23 h (00:00 CET = 23:00Z to 00:00 CEST = 22:00Z)', () => {
    expect(open({ zone: 'Europe/Berlin', days: ['sun'] }, spring)).toEqual([
      '2026-03-28T23:00:00Z/2026-03-29T22:00:00Z@1',
    ]);
  });

  it('02:30 in the gap moves forward by the gap to 03:30 CEST = 01:30Z', () => {
    expect(open({ zone: 'Europe/Berlin', days: ['sun'], from: '02:30', to: '04:00' }, spring)).toEqual([
      '2026-03-29T01:30:00Z/2026-03-29T02:00:00Z@1',
    ]);
    // 15-minute slots: 01:30Z and 01:45Z are slots 6 and 7 of a horizon starting 2026-03-29T00:00Z.
    const h = horizon('2026-03-29T00:00:00Z', 900, 96);
    const row = linkCalendar(
      link('l', Bps(1), [win({ zone: 'Europe/Berlin', days: ['sun'], from: '02:30', to: '04:00' })]),
      h,
    );
    expect(openSlots(row)).toEqual([6, 7]);
    expect([row[6], row[7]]).toEqual([900, 900]);
  });

  it('a window inside the gap (02:15–02:45) moves forward by the gap; 02:30–03:00 becomes empty', () => {
    // 02:15 → 03:15 CEST (01:15Z), 02:45 → 03:45 CEST (01:45Z): the gap shifts both by one hour.
    expect(open({ zone: 'Europe/Berlin', days: ['sun'], from: '02:15', to: '02:45' }, spring)).toEqual([
      '2026-03-29T01:15:00Z/2026-03-29T01:45:00Z@1',
    ]);
    // 02:30–03:00: 02:30 → 01:30Z but 03:00 CEST is 01:00Z, so the window closes before it opens.
    expect(open({ zone: 'Europe/Berlin', days: ['sun'], from: '02:30', to: '03:00' }, spring)).toEqual([]);
  });

  it('sat 22:00–06:00 before fall back lasts 9 h (22:00 CEST = 20:00Z, 06:00 CET = 05:00Z)', () => {
    const w: Win = { zone: 'Europe/Berlin', days: ['sat'], from: '22:00', to: '06:00' };
    expect(open(w, autumn)).toEqual(['2026-10-24T20:00:00Z/2026-10-25T05:00:00Z@1']);
    expect(total(linkCalendar(link('l', Bps(1000), [win(w)]), autumn))).toBe(9 * 3600 * 1000);
  });

  it('sunday 2026-10-25 as a whole day lasts 25 h (00:00 CEST = 22:00Z to 00:00 CET = 23:00Z)', () => {
    expect(open({ zone: 'Europe/Berlin', days: ['sun'] }, autumn)).toEqual([
      '2026-10-24T22:00:00Z/2026-10-25T23:00:00Z@1',
    ]);
  });

  it('02:30–02:45 on the repeated hour takes the first occurrence (CEST: 00:30Z–00:45Z)', () => {
    expect(open({ zone: 'Europe/Berlin', days: ['sun'], from: '02:30', to: '02:45' }, autumn)).toEqual([
      '2026-10-25T00:30:00Z/2026-10-25T00:45:00Z@1',
    ]);
  });
});

describe('America/New_York', () => {
  const spring = horizon('2026-03-07T00:00:00Z', 3600, 72);
  const autumn = horizon('2026-10-31T00:00:00Z', 3600, 72);

  it('sat 22:00–06:00 before 2026-03-08 lasts 7 h (22:00 EST = 03:00Z, 06:00 EDT = 10:00Z)', () => {
    expect(open({ zone: 'America/New_York', days: ['sat'], from: '22:00', to: '06:00' }, spring)).toEqual([
      '2026-03-08T03:00:00Z/2026-03-08T10:00:00Z@1',
    ]);
  });

  it('02:15 in the gap becomes 03:15 EDT = 07:15Z', () => {
    expect(open({ zone: 'America/New_York', days: ['sun'], from: '02:15', to: '04:00' }, spring)).toEqual([
      '2026-03-08T07:15:00Z/2026-03-08T08:00:00Z@1',
    ]);
  });

  it('sat 22:00–06:00 before 2026-11-01 lasts 9 h (22:00 EDT = 02:00Z, 06:00 EST = 11:00Z)', () => {
    expect(open({ zone: 'America/New_York', days: ['sat'], from: '22:00', to: '06:00' }, autumn)).toEqual([
      '2026-11-01T02:00:00Z/2026-11-01T11:00:00Z@1',
    ]);
  });

  it('01:30–01:45 on the repeated hour is the EDT one (05:30Z–05:45Z)', () => {
    expect(open({ zone: 'America/New_York', days: ['sun'], from: '01:30', to: '01:45' }, autumn)).toEqual([
      '2026-11-01T05:30:00Z/2026-11-01T05:45:00Z@1',
    ]);
  });
});

describe('Australia/Sydney (southern hemisphere)', () => {
  it('April: sat 22:00–06:00 across the end of DST lasts 9 h (22:00 AEDT = 11:00Z, 06:00 AEST = 20:00Z)', () => {
    const h = horizon('2026-04-04T00:00:00Z', 3600, 48);
    const w: Win = { zone: 'Australia/Sydney', days: ['sat'], from: '22:00', to: '06:00' };
    expect(open(w, h)).toEqual(['2026-04-04T11:00:00Z/2026-04-04T20:00:00Z@1']);
    expect(openSlots(linkCalendar(link('l', Bps(1), [win(w)]), h))).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
  });

  it('October: sat 22:00–06:00 across the start of DST lasts 7 h (22:00 AEST = 12:00Z, 06:00 AEDT = 19:00Z)', () => {
    const h = horizon('2026-10-03T00:00:00Z', 3600, 48);
    expect(open({ zone: 'Australia/Sydney', days: ['sat'], from: '22:00', to: '06:00' }, h)).toEqual([
      '2026-10-03T12:00:00Z/2026-10-03T19:00:00Z@1',
    ]);
    // 02:30 on 2026-10-04 is skipped: it becomes 03:30 AEDT = 16:30Z.
    expect(open({ zone: 'Australia/Sydney', days: ['sun'], from: '02:30', to: '04:00' }, h)).toEqual([
      '2026-10-03T16:30:00Z/2026-10-03T17:00:00Z@1',
    ]);
  });
});

describe('Australia/Lord_Howe (30-minute DST)', () => {
  it('sunday 2026-04-05 lasts 24.5 h (00:00 at +11 = 13:00Z to 00:00 at +10:30 = 13:30Z next day)', () => {
    const h = horizon('2026-04-04T00:00:00Z', 1800, 96);
    expect(open({ zone: 'Australia/Lord_Howe', days: ['sun'] }, h)).toEqual([
      '2026-04-04T13:00:00Z/2026-04-05T13:30:00Z@1',
    ]);
    // 01:45 occurs twice (02:00 +11 falls back to 01:30 +10:30): the first is 01:45 +11 = 14:45Z.
    expect(open({ zone: 'Australia/Lord_Howe', days: ['sun'], from: '01:45', to: '01:50' }, h)).toEqual([
      '2026-04-04T14:45:00Z/2026-04-04T14:50:00Z@1',
    ]);
  });

  it('sunday 2026-10-04 lasts 23.5 h; 02:10 in the 30-minute gap becomes 02:40 +11 = 15:40Z', () => {
    const h = horizon('2026-10-03T00:00:00Z', 900, 192);
    expect(open({ zone: 'Australia/Lord_Howe', days: ['sun'] }, h)).toEqual([
      '2026-10-03T13:30:00Z/2026-10-04T13:00:00Z@1',
    ]);
    const w: Win = { zone: 'Australia/Lord_Howe', days: ['sun'], from: '02:10', to: '03:00' };
    expect(open(w, h)).toEqual(['2026-10-03T15:40:00Z/2026-10-03T16:00:00Z@1']);
    // 15-minute slots from 00:00Z: 15:40Z is in slot 62 (15:30–15:45, 5 min), slot 63 is full.
    const row = linkCalendar(link('l', Bps(2), [win(w)]), h);
    expect(openSlots(row)).toEqual([62, 63]);
    expect([row[62], row[63]]).toEqual([2 * 300, 2 * 900]);
  });
});

describe('zones with fractional offsets', () => {
  it('Asia/Kolkata (+5:30): mon 22:00–06:00 = 16:30Z–00:30Z; 1-hour slots get half slots at both ends', () => {
    const h = horizon('2026-12-07T00:00:00Z', 3600, 48); // Monday
    const w: Win = { zone: 'Asia/Kolkata', days: ['mon'], from: '22:00', to: '06:00' };
    expect(open(w, h)).toEqual(['2026-12-07T16:30:00Z/2026-12-08T00:30:00Z@1']);
    const row = linkCalendar(link('l', Bps(1000), [win(w)]), h);
    expect(openSlots(row)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24]);
    expect(row[16]).toBe(1_800_000);
    expect(row[17]).toBe(3_600_000);
    expect(row[24]).toBe(1_800_000);
    expect(total(row)).toBe(8 * 3_600_000);
    // The same window with 15-minute slots: slots 66 (16:30Z) to 97 (00:15Z), all full.
    const q = linkCalendar(link('l', Bps(1000), [win(w)]), horizon('2026-12-07T00:00:00Z', 900, 192));
    expect(openSlots(q)).toEqual(Array.from({ length: 32 }, (_, i) => 66 + i));
    expect(q[66]).toBe(900_000);
  });

  it('Asia/Kathmandu (+5:45): mon 01:00–02:00 at 50 % = sun 19:15Z–20:15Z, split 45/15 min', () => {
    const h = horizon('2026-12-06T00:00:00Z', 3600, 48); // Sunday
    const w: Win = { zone: 'Asia/Kathmandu', days: ['mon'], from: '01:00', to: '02:00', share: '50%' };
    expect(open(w, h)).toEqual(['2026-12-06T19:15:00Z/2026-12-06T20:15:00Z@1/2']);
    const row = linkCalendar(link('l', Bps(1000), [win(w)]), h);
    expect(openSlots(row)).toEqual([19, 20]);
    expect(row[19]).toBe(1000 * 2700 * 0.5);
    expect(row[20]).toBe(1000 * 900 * 0.5);
  });
});
