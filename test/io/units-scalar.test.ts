import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rational } from '../../src/io/rational.js';
import { parseCost, parseRatio, parseShare } from '../../src/io/units.js';
import { failure, value } from './unit-results.js';

describe('parseShare', () => {
  it('parseShare reads "80%" and numbers in (0, 1] exactly', () => {
    expect(value(parseShare('80%'))).toEqual(rational(4n, 5n));
    expect(value(parseShare('80 %'))).toEqual(rational(4n, 5n));
    expect(value(parseShare(0.8))).toEqual(rational(4n, 5n));
    expect(value(parseShare('0.8'))).toEqual(rational(4n, 5n));
    expect(value(parseShare('100%'))).toEqual(rational(1n));
    expect(value(parseShare(1))).toEqual(rational(1n));
    expect(value(parseShare('12.5%'))).toEqual(rational(1n, 8n));
    expect(value(parseShare(0.1))).toEqual(rational(1n, 10n)); // the decimal written, not float 0.1
  });

  it('parseShare refuses shares outside (0, 100%], hinting % for numbers up to 100', () => {
    expect(failure(parseShare('0%')).message).toContain('is zero');
    expect(failure(parseShare(0)).message).toContain('is zero');
    expect(failure(parseShare('120%')).message).toContain('more than 100%');
    expect(failure(parseShare(80))).toEqual({
      message: 'share "80" is more than 100%; expected a share such as 80% or 0.8, in (0, 100%]',
      hint: 'did you mean 80%?',
    });
    expect(failure(parseShare(150)).hint).toBeUndefined();
    expect(failure(parseShare('-10%')).message).toContain('negative');
    expect(failure(parseShare('80 percent')).message).toContain('unknown share unit');
  });

  it('parseShare(x%) = parseShare(x/100) for every x in (0, 100]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), (x) => {
        const pct = `${Math.floor(x / 100)}.${String(x % 100).padStart(2, '0')}`;
        const frac = `0.${String(x).padStart(4, '0')}`;
        expect(value(parseShare(`${pct}%`))).toEqual(value(parseShare(x === 10000 ? '1' : frac)));
      }),
    );
  });
});

describe('parseCost', () => {
  it('parseCost reads USD per GB, TB, GiB and TiB to exact USD per byte', () => {
    expect(value(parseCost('0.02USD/GB'))).toEqual(rational(2n, 10n ** 11n));
    expect(value(parseCost('20 USD/TB'))).toEqual(rational(2n, 10n ** 11n));
    expect(value(parseCost('1USD/GiB'))).toEqual(rational(1n, 2n ** 30n));
    expect(value(parseCost('1USD/TiB'))).toEqual(rational(1n, 2n ** 40n));
    expect(value(parseCost('0USD/GB'))).toEqual(rational(0n));
  });

  it('parseCost refuses bare numbers, other currencies and units with hints', () => {
    expect(failure(parseCost('0.02'))).toEqual({
      message: 'bare number "0.02" where a cost is required',
      hint: 'did you mean 0.02USD/GB?',
    });
    expect(failure(parseCost('0.02EUR/GB')).message).toContain('unknown currency "EUR"');
    expect(failure(parseCost('0.02$/GB')).hint).toBe('write 0.02USD/GB');
    expect(failure(parseCost('0.02USD/Gb')).hint).toBe('did you mean 0.02USD/GB?');
    expect(failure(parseCost('0.02USD/KB')).message).toContain('"KB" is ambiguous');
    expect(failure(parseCost('0.00002USD/MB'))).toEqual({
      message: '"USD/MB" in "0.00002USD/MB" is not a cost unit; expected USD/GB, USD/TB, USD/GiB or USD/TiB',
      hint: 'write 0.02USD/GB',
    });
    expect(failure(parseCost('-1USD/GB')).message).toContain('negative');
  });
});

describe('parseRatio', () => {
  it('parseRatio reads plain decimals exactly', () => {
    expect(value(parseRatio('12'))).toEqual(rational(12n));
    expect(value(parseRatio(2.5))).toEqual(rational(5n, 2n));
    expect(value(parseRatio('1.1'))).toEqual(rational(11n, 10n));
    expect(value(parseRatio(1))).toEqual(rational(1n));
  });

  it('parseRatio refuses units, exponents, negatives and non-finite values', () => {
    expect(failure(parseRatio('12x')).hint).toBe('write 12');
    expect(failure(parseRatio('12:1')).hint).toBe('write 12');
    expect(failure(parseRatio('1e3')).hint).toBe('write 1000');
    expect(failure(parseRatio('-3')).message).toContain('negative');
    expect(failure(parseRatio(Number.NaN)).message).toContain('not a finite number');
    expect(failure(parseRatio('.inf')).message).toContain('not a finite number');
  });
});
