import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mul, type Rational } from '../../src/io/rational.js';
import { formatRateExact, parseRate } from '../../src/io/units.js';
import { failure, q, value } from './unit-results.js';

describe('parseRate', () => {
  it('parseRate reads bit rates exactly in bytes per second (1 bps = 1/8 B/s)', () => {
    const cases: [string, Rational][] = [
      ['1bps', q(1n, 8n)],
      ['10Gbps', q(1_250_000_000n)],
      ['1.5 Mbps', q(187_500n)],
      ['100kbps', q(12_500n)],
      ['2Tbps', q(250_000_000_000n)],
      ['1bit/s', q(1n, 8n)],
      ['3kbit/s', q(375n)],
      ['10Gbit/s', q(1_250_000_000n)],
      ['1Tbit/s', q(125_000_000_000n)],
      ['1.1bps', q(11n, 80n)],
    ];
    for (const [text, r] of cases) expect(value(parseRate(text)), text).toEqual(r);
  });

  it('bit-rate prefixes are case-insensitive: mbps = Mbps, GBIT is not', () => {
    expect(value(parseRate('10mbps'))).toEqual(value(parseRate('10Mbps')));
    expect(value(parseRate('10Kbps'))).toEqual(value(parseRate('10kbps')));
    expect(value(parseRate('10gbit/s'))).toEqual(value(parseRate('10Gbit/s')));
    expect(parseRate('10GBIT/s').ok).toBe(false);
  });

  it('parseRate reads byte rates and size units per s, min, h and d', () => {
    const cases: [string, Rational][] = [
      ['1Bps', q(1n)],
      ['5kBps', q(5000n)],
      ['100MBps', q(100_000_000n)],
      ['2GBps', q(2_000_000_000n)],
      ['1TBps', q(10n ** 12n)],
      ['500MiB/s', q(500n * 2n ** 20n)],
      ['25TB/h', q(25n * 10n ** 12n, 3600n)],
      ['6GB/min', q(100_000_000n)],
      ['1PB/d', q(10n ** 15n, 86400n)],
      ['1EiB/d', q(2n ** 60n, 86400n)],
      ['1 B/s', q(1n)],
    ];
    for (const [text, r] of cases) expect(value(parseRate(text)), text).toEqual(r);
  });

  it('8 bits = 1 byte: x bps = x/8 Bps and 8x Mbps = x MBps for every decimal x', () => {
    const dec = fc
      .tuple(fc.nat({ max: 10 ** 7 }), fc.nat({ max: 999 }))
      .filter(([i, f]) => i + f > 0)
      .map(([i, f]) => `${i}.${String(f).padStart(3, '0')}`);
    fc.assert(
      fc.property(dec, fc.constantFrom('', 'k', 'M', 'G', 'T'), (x, p) => {
        const bits = value(parseRate(`${x}${p}bps`));
        const bytes = value(parseRate(`${x}${p === 'k' ? 'k' : p}Bps`));
        expect(mul(bits, q(8n))).toEqual(bytes);
        expect(value(parseRate(`${x}${p}bit/s`))).toEqual(bits);
      }),
    );
    expect(value(parseRate('8bps'))).toEqual(value(parseRate('1Bps')));
  });

  it('parseRate refuses a bare number with a Gbps hint', () => {
    expect(failure(parseRate('10'))).toEqual({
      message: 'bare number "10" where a rate is required',
      hint: 'did you mean 10Gbps?',
    });
    expect(failure(parseRate(10))).toEqual({
      message: 'bare number "10" where a rate is required',
      hint: 'did you mean 10Gbps?',
    });
  });

  it('parseRate refuses a zero rate', () => {
    expect(failure(parseRate('0Gbps')).message).toBe('zero rate "0Gbps"; expected a rate greater than zero');
    expect(failure(parseRate('0.0TB/h')).message).toContain('zero rate');
  });

  it('parseRate accepts a zero rate with allowZero, still checking the unit and bare numbers', () => {
    expect(value(parseRate('0Gbps', { allowZero: true }))).toEqual(q(0n));
    expect(value(parseRate('0.0TB/h', { allowZero: true }))).toEqual(q(0n));
    expect(failure(parseRate('0 GBPS', { allowZero: true })).message).toContain('ambiguous');
    expect(failure(parseRate(0, { allowZero: true })).hint).toBe('did you mean 0Gbps?');
    expect(failure(parseRate('-1Gbps', { allowZero: true })).message).toContain('negative');
  });

  it('parseRate refuses units ambiguous between bits and bytes, naming both readings', () => {
    const kb = failure(parseRate('10KBps'));
    expect(kb.message).toContain('"KBps" is ambiguous');
    expect(kb.hint).toBe('write 10kBps (10^3 bytes/s) or 10KiB/s (2^10 bytes/s)');
    expect(failure(parseRate('10GBPS'))).toEqual({
      message: '"10GBPS": "GBPS" is ambiguous between bits and bytes (units are case-sensitive)',
      hint: 'write 10Gbps (bits) or 10GBps (bytes)',
    });
    expect(failure(parseRate('10gBps')).hint).toBe('write 10Gbps (bits) or 10GBps (bytes)');
    expect(failure(parseRate('10Gb/s')).hint).toBe('write 10Gbps (bits) or 10GB/s (bytes)');
    expect(failure(parseRate('10Gb/h')).hint).toBe('did you mean 10GB/h?');
    expect(failure(parseRate('10KB/s')).hint).toContain('10kB/s or 10KiB/s');
  });

  it('parseRate refuses sizes, unknown units and unknown time units with hints', () => {
    expect(failure(parseRate('10GB'))).toEqual({
      message: '"10GB": "GB" is a size unit, not a rate',
      hint: 'did you mean 10GB/s?',
    });
    expect(failure(parseRate('10GB/sec')).hint).toBe('did you mean 10GB/s?');
    expect(failure(parseRate('10GB/hours')).hint).toBe('did you mean 10GB/h?');
    expect(failure(parseRate('10GB/w')).message).toContain('expected /s, /min, /h or /d');
    expect(failure(parseRate('10Pbps')).message).toContain('unknown rate unit "Pbps"');
    expect(failure(parseRate('10 furlongs')).message).toContain('unknown rate unit');
  });

  it('parseRate refuses numbers that are not plain positive decimals', () => {
    for (const [raw, message] of [
      ['1e3Gbps', 'exponent notation'],
      ['1_0Gbps', 'digit separators'],
      ['-1Gbps', 'negative value'],
      ['NaN', 'not a finite number'],
      [Number.POSITIVE_INFINITY, 'not a finite number'],
    ] as const) {
      expect(failure(parseRate(raw)).message, String(raw)).toContain(message);
    }
  });

  it('parseRate ∘ formatRateExact is the identity on every accepted unit', () => {
    const units = [
      'bps',
      'kbps',
      'Mbps',
      'Gbps',
      'Tbps',
      'bit/s',
      'kbit/s',
      'Mbit/s',
      'Gbit/s',
      'Tbit/s',
      'Bps',
      'kBps',
      'MBps',
      'GBps',
      'TBps',
      'B/s',
      'kB/min',
      'MiB/s',
      'GB/h',
      'TiB/d',
      'PB/h',
      'KiB/min',
    ];
    const dec = fc
      .tuple(fc.nat({ max: 10 ** 9 }), fc.nat({ max: 9999 }))
      .filter(([i, f]) => i + f > 0)
      .map(([i, f]) => `${i}.${String(f).padStart(4, '0')}`);
    fc.assert(
      fc.property(dec, fc.constantFrom(...units), (x, unit) => {
        const r = value(parseRate(`${x}${unit}`));
        const text = formatRateExact(r);
        expect(text).not.toBeNull();
        expect(value(parseRate(text!))).toEqual(r);
      }),
    );
  });

  it('formatRateExact prefers bits, then size per time, and is null when nothing is exact', () => {
    expect(formatRateExact(q(1_250_000_000n))).toBe('10Gbps');
    expect(formatRateExact(q(25n * 10n ** 12n, 3600n))).toBe('25TB/h');
    expect(formatRateExact(q(1n, 7n))).toBeNull();
    expect(() => formatRateExact(q(0n))).toThrow(RangeError);
  });
});
