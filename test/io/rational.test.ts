import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as q from '../../src/io/rational.js';

const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const pos = fc.bigInt({ min: 1n, max: 10n ** 30n });
const ratArb = fc.tuple(big, pos).map(([n, d]) => q.rational(n, d));

describe('rational', () => {
  it('rational(num, den) reduces to lowest terms with a positive denominator', () => {
    expect(q.rational(6, -4)).toEqual({ num: -3n, den: 2n });
    expect(q.rational(0, 7)).toEqual({ num: 0n, den: 1n });
    expect(() => q.rational(1, 0)).toThrow(RangeError);
  });

  it('parseDecimal reads plain decimals exactly and nothing else', () => {
    expect(q.parseDecimal('0.8')).toEqual({ num: 4n, den: 5n });
    expect(q.parseDecimal('1.25')).toEqual({ num: 5n, den: 4n });
    expect(q.parseDecimal('-12')).toEqual({ num: -12n, den: 1n });
    expect(q.parseDecimal('.5')).toEqual({ num: 1n, den: 2n });
    for (const bad of ['', '1e3', '1_000', '0x10', '1.', 'NaN', 'Infinity', '1.2.3']) {
      expect(q.parseDecimal(bad)).toBeNull();
    }
  });

  it('floor and ceil bracket the value and agree on integers', () => {
    fc.assert(
      fc.property(ratArb, (a) => {
        const f = q.floor(a);
        const c = q.ceil(a);
        expect(q.compare(q.rational(f), a)).toBeLessThanOrEqual(0);
        expect(q.compare(q.rational(c), a)).toBeGreaterThanOrEqual(0);
        expect(c - f).toBe(q.isInteger(a) ? 0n : 1n);
      }),
    );
  });

  it('add, sub, mul and div are field operations', () => {
    fc.assert(
      fc.property(ratArb, ratArb, ratArb, (a, b, c) => {
        expect(q.sub(q.add(a, b), b)).toEqual(a);
        expect(q.mul(a, q.add(b, c))).toEqual(q.add(q.mul(a, b), q.mul(a, c)));
        if (b.num !== 0n) expect(q.mul(q.div(a, b), b)).toEqual(a);
      }),
    );
  });

  it('format gives the canonical text', () => {
    expect(q.format(q.rational(-1, 8))).toBe('-1/8');
    expect(q.format(q.rational(10, 5))).toBe('2');
    expect(q.toNumber(q.rational(1, 8))).toBe(0.125);
  });
});
