import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toNumber } from '../../src/io/rational.js';
import {
  formatBytes,
  formatCost,
  formatDuration,
  formatInstant,
  formatRate,
  formatShare,
  parseDuration,
  parseRate,
  parseSize,
} from '../../src/io/units.js';
import { q, value } from './unit-results.js';

describe('formatBytes', () => {
  it('formatBytes prints SI units with at most 3 significant digits', () => {
    expect(formatBytes(0n)).toBe('0 B');
    expect(formatBytes(999n)).toBe('999 B');
    expect(formatBytes(1000n)).toBe('1 kB');
    expect(formatBytes(1_200_000_000_000_000n)).toBe('1.2 PB');
    expect(formatBytes(500e9)).toBe('500 GB');
    expect(formatBytes(123_456_789n)).toBe('123 MB');
    expect(formatBytes(1_235_000n)).toBe('1.24 MB'); // half away from zero, exactly
    expect(formatBytes(999_500_000_000n)).toBe('1 TB'); // rounding carries into the next unit
    expect(formatBytes(25n * 10n ** 18n)).toBe('25 EB');
    expect(formatBytes(12_345n * 10n ** 18n)).toBe('12300 EB');
    expect(formatBytes(-2000)).toBe('-2 kB');
    expect(formatBytes(2n ** 53n + 1n)).toBe('9.01 PB');
  });

  it('parseSize(formatBytes(b)) is within half a unit in the third significant digit of b', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 20n }), (b) => {
        const back = value(parseSize(formatBytes(b)));
        const err = Math.abs(Number(back - b)) / Number(b);
        expect(err).toBeLessThanOrEqual(0.005);
      }),
    );
  });
});

describe('formatRate', () => {
  it('formatRate prints bits per second with at most 3 significant digits', () => {
    expect(formatRate(q(1_250_000_000n))).toBe('10 Gbps');
    expect(formatRate(187_500)).toBe('1.5 Mbps');
    expect(formatRate(q(25n * 10n ** 12n, 3600n))).toBe('55.6 Gbps');
    expect(formatRate(q(1n, 8n))).toBe('1 bps');
    expect(formatRate(0.0625)).toBe('0.5 bps');
    expect(formatRate(q(125n * 10n ** 12n))).toBe('1000 Tbps');
  });

  it('parseRate(formatRate(r)) is within 0.5% of r', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 14n }), fc.bigInt({ min: 1n, max: 3600n }), (n, d) => {
        const r = q(n, d);
        const back = value(parseRate(formatRate(r)));
        const err = Math.abs(toNumber(back) - toNumber(r)) / toNumber(r);
        expect(err).toBeLessThanOrEqual(0.005);
      }),
    );
  });
});

describe('formatDuration', () => {
  it('formatDuration prints the two largest units, rounded to the smaller', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(1.5)).toBe('1.5 s');
    expect(formatDuration(0.25)).toBe('250 ms');
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(3 * 3600 + 15 * 60)).toBe('3 h 15 min');
    expect(formatDuration(3 * 3600 + 15 * 60 + 29)).toBe('3 h 15 min');
    expect(formatDuration(3 * 3600 + 15 * 60 + 30)).toBe('3 h 16 min');
    expect(formatDuration(7 * 86400)).toBe('7 d');
    expect(formatDuration(86400 + 2 * 3600)).toBe('1 d 2 h');
    expect(formatDuration(86399)).toBe('1 d');
    expect(formatDuration(3599.6)).toBe('1 h');
    expect(formatDuration(59.99)).toBe('1 min');
    expect(formatDuration(-60)).toBe('-1 min');
  });

  it('formatDuration is within half of its smaller unit of the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 10 ** 8 }), (s) => {
        const parts = formatDuration(s).split(' ');
        let total = 0;
        for (let i = 0; i < parts.length; i += 2)
          total += toNumber(value(parseDuration(`${parts[i]}${parts[i + 1]}`)));
        const smallest = toNumber(value(parseDuration(`1${parts.at(-1)}`)));
        expect(Math.abs(total - s)).toBeLessThanOrEqual(smallest / 2);
      }),
    );
  });
});

describe('other formatters', () => {
  it('formatInstant prints ISO 8601 UTC with whole seconds', () => {
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00Z');
    expect(formatInstant(Date.UTC(2026, 11, 8, 3, 30) / 1000)).toBe('2026-12-08T03:30:00Z');
    expect(formatInstant(Date.UTC(2026, 11, 8, 3, 30) / 1000 + 0.9)).toBe('2026-12-08T03:30:00Z');
  });

  it('formatCost prints USD per GB and formatShare a percentage', () => {
    expect(formatCost(q(2n, 10n ** 11n))).toBe('0.02 USD/GB');
    expect(formatCost(q(0n))).toBe('0 USD/GB');
    expect(formatShare(q(4n, 5n))).toBe('80%');
    expect(formatShare(q(1n, 3n))).toBe('33.3%');
  });
});
