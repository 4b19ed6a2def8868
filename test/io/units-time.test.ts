import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rational } from '../../src/io/rational.js';
import {
  formatDurationExact,
  formatInstant,
  parseDuration,
  parseInstant,
  parseLatency,
  parseTimeOfDay,
} from '../../src/io/units.js';
import { failure, q, value } from './unit-results.js';

describe('parseDuration', () => {
  it('parseDuration reads s, min, h, d (86400 s) and w (604800 s) exactly', () => {
    const cases: [string, Rational][] = [
      ['45s', q(45n)],
      ['15min', q(900n)],
      ['1.5h', q(5400n)],
      ['7d', q(604_800n)],
      ['2w', q(1_209_600n)],
      ['0.5s', q(1n, 2n)],
      ['1 h', q(3600n)],
    ];
    for (const [text, s] of cases) expect(value(parseDuration(text)), text).toEqual(s);
  });

  it('parseDuration refuses compound durations with the single-unit equivalent', () => {
    expect(failure(parseDuration('1h30min'))).toEqual({
      message:
        'compound duration "1h30min" is not accepted; expected one number and one unit (s, min, h, d or w)',
      hint: 'write 90min',
    });
    expect(failure(parseDuration('1d 12h')).hint).toBe('write 36h');
    expect(failure(parseDuration('2min30s')).hint).toBe('write 150s');
  });

  it('parseDuration refuses a bare number, ms, months and unknown units with hints', () => {
    expect(failure(parseDuration('15'))).toEqual({
      message: 'bare number "15" where a duration is required',
      hint: 'did you mean 15s, 15min or 15h?',
    });
    expect(failure(parseDuration(15)).message).toBe('bare number "15" where a duration is required');
    expect(failure(parseDuration('500ms'))).toEqual({
      message: '"500ms": "ms" is only accepted for latencies; expected s, min, h, d or w',
      hint: 'write 0.5s',
    });
    expect(failure(parseDuration('1m')).hint).toBe('did you mean 1min?');
    expect(failure(parseDuration('3 hours')).hint).toBe('did you mean 3h?');
    expect(failure(parseDuration('1H')).hint).toBe('did you mean 1h?');
    expect(failure(parseDuration('2 weeks')).hint).toBe('did you mean 2w?');
    expect(failure(parseDuration('1M')).message).toContain('no fixed length');
    expect(failure(parseDuration('1y')).message).toContain('no fixed length');
  });

  it('parseDuration refuses zero, negative and non-plain numbers', () => {
    expect(failure(parseDuration('0s')).message).toContain('zero duration "0s"');
    expect(failure(parseDuration('-1h')).message).toContain('negative value');
    expect(failure(parseDuration('1e2s')).hint).toBe('write 100s');
    expect(failure(parseDuration('Infinity')).message).toContain('not a finite number');
  });

  it('parseDuration ∘ formatDurationExact is the identity on decimal seconds', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.nat({ max: 6 }), (n, k) => {
        const s = q(n, 10n ** BigInt(k));
        const text = formatDurationExact(s);
        expect(text).not.toBeNull();
        expect(value(parseDuration(text!))).toEqual(s);
      }),
    );
    expect(formatDurationExact(q(5400n))).toBe('90min');
    expect(formatDurationExact(q(604_800n))).toBe('1w');
    expect(formatDurationExact(q(3n, 2n))).toBe('1.5s');
    expect(formatDurationExact(q(1n, 3n))).toBeNull();
  });
});

describe('parseLatency', () => {
  it('parseLatency reads ms and s to milliseconds, zero allowed', () => {
    expect(value(parseLatency('8ms'))).toBe(8);
    expect(value(parseLatency('0.25s'))).toBe(250);
    expect(value(parseLatency('0ms'))).toBe(0);
    expect(value(parseLatency('120 ms'))).toBe(120);
  });

  it('parseLatency accepts every duration unit: min, h, d and w', () => {
    expect(value(parseLatency('1min'))).toBe(60_000);
    expect(value(parseLatency('1.5h'))).toBe(5_400_000);
    expect(value(parseLatency('1d'))).toBe(86_400_000);
    expect(value(parseLatency('0.5w'))).toBe(302_400_000);
    expect(value(parseLatency('0min'))).toBe(0);
  });

  it('parseLatency refuses a bare number (hint ms) and other units', () => {
    expect(failure(parseLatency(8))).toEqual({
      message: 'bare number "8" where a latency is required',
      hint: 'did you mean 8ms?',
    });
    expect(failure(parseLatency('800us')).hint).toBe('write 0.8ms');
    expect(failure(parseLatency('8MS')).hint).toBe('did you mean 8ms?');
    expect(failure(parseLatency('1mo')).message).toBe(
      'unknown latency unit "mo" in "1mo"; expected ms, s, min, h, d or w',
    );
    expect(failure(parseLatency('2hours')).hint).toBe('did you mean 2h?');
    expect(failure(parseLatency('2m')).hint).toBeUndefined(); // ms or min: no guess
    expect(failure(parseLatency('-8ms')).message).toContain('negative');
  });
});

describe('parseTimeOfDay', () => {
  it('parseTimeOfDay reads "HH:MM" from 00:00 to 24:00 as minutes after midnight', () => {
    expect(value(parseTimeOfDay('00:00'))).toBe(0);
    expect(value(parseTimeOfDay('06:30'))).toBe(390);
    expect(value(parseTimeOfDay('22:00'))).toBe(1320);
    expect(value(parseTimeOfDay('23:59'))).toBe(1439);
    expect(value(parseTimeOfDay('24:00'))).toBe(1440);
  });

  it('parseTimeOfDay refuses out-of-range times, seconds, one-digit hours and numbers', () => {
    for (const bad of ['24:01', '25:00', '12:60', 'noon', '1200', '']) {
      expect(failure(parseTimeOfDay(bad)).message, bad).toContain('expected "HH:MM"');
    }
    expect(failure(parseTimeOfDay('6:00')).hint).toBe('write "06:00"');
    expect(failure(parseTimeOfDay('22:00:00')).hint).toBe('write "22:00"');
    expect(failure(parseTimeOfDay(22))).toEqual({
      message: 'found the number 22; expected a time of day "HH:MM" between 00:00 and 24:00',
      hint: 'did you mean "22:00"?',
    });
  });
});

describe('parseInstant', () => {
  it('parseInstant reads ISO 8601 with Z or ±hh:mm to epoch seconds', () => {
    expect(value(parseInstant('1970-01-01T00:00:00Z'))).toBe(0);
    expect(value(parseInstant('2026-12-05T00:00:00Z'))).toBe(Date.UTC(2026, 11, 5) / 1000);
    expect(value(parseInstant('2026-12-05T18:00:00+01:00'))).toBe(Date.UTC(2026, 11, 5, 17) / 1000);
    expect(value(parseInstant('2026-12-05T18:00:00-05:30'))).toBe(Date.UTC(2026, 11, 5, 23, 30) / 1000);
    expect(value(parseInstant('2026-12-05T18:00Z'))).toBe(Date.UTC(2026, 11, 5, 18) / 1000);
    expect(value(parseInstant('2024-02-29T12:00:00Z'))).toBe(Date.UTC(2024, 1, 29, 12) / 1000);
    expect(value(parseInstant('0050-06-01T00:00:00Z'))).toBe(Date.parse('0050-06-01T00:00:00Z') / 1000);
  });

  it('parseInstant refuses fractional seconds, a missing offset and dates that do not exist', () => {
    const cases: [string | number, string, string?][] = [
      ['2026-12-05T00:00:00.5Z', 'fractional seconds', 'write 2026-12-05T00:00:00Z'],
      ['2026-12-05T00:00:00', 'no UTC offset', 'add Z for UTC or an offset such as +01:00'],
      ['2026-02-30T00:00:00Z', '2026-02-30 is not a date'],
      ['2025-02-29T00:00:00Z', '2025-02-29 is not a date'],
      ['2026-13-01T00:00:00Z', 'is not a date'],
      ['2026-04-31T00:00:00Z', 'is not a date'],
      ['2026-12-05T24:00:00Z', 'is not a time of day'],
      ['2026-12-31T23:59:60Z', 'is not a time of day'],
      ['2026-12-05T00:00:00+0100', 'needs the form ±hh:mm', 'write +01:00'],
      ['2026-12-05T00:00:00+24:00', 'out of range'],
      ['2026-12-05T00:00:00 Europe/Berlin', 'is not a UTC offset'],
      ['2026-12-05 00:00:00Z', 'with a space', 'write 2026-12-05T00:00:00Z'],
      ['2026-12-05', 'is not an instant', 'add a time and an offset: 2026-12-05T00:00:00Z'],
      ['yesterday', 'is not an instant'],
      [1796428800, 'found the number', 'did you mean "2026-12-05T00:00:00Z"?'],
    ];
    for (const [raw, message, hint] of cases) {
      const f = failure(parseInstant(raw));
      expect(f.message, String(raw)).toContain(message);
      if (hint) expect(f.hint, String(raw)).toBe(hint);
    }
  });

  it('formatInstant agrees with Date for every instant from year 1 to 9999, and parseInstant inverts it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }), (t) => {
        const text = formatInstant(t);
        expect(text).toBe(new Date(t * 1000).toISOString().replace('.000Z', 'Z'));
        expect(value(parseInstant(text))).toBe(t);
      }),
    );
  });

  it('parseInstant applies the offset: local text with ±hh:mm equals Date.parse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (t, offsetMin) => {
          const local = new Date((t + offsetMin * 60) * 1000).toISOString().slice(0, 19);
          const sign = offsetMin < 0 ? '-' : '+';
          const a = Math.abs(offsetMin);
          const text = `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
          expect(value(parseInstant(text))).toBe(Date.parse(text) / 1000);
          expect(value(parseInstant(text))).toBe(t);
        },
      ),
    );
  });
});
