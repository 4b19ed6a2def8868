import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ExactSums } from '../../src/verify/sums.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('ExactSums', () => {
  test('add stays exact across 2^53 by promoting the cell to bigint', () => {
    const s = new ExactSums(2);
    s.add(0, MAX);
    s.add(0, MAX);
    expect(s.get(0)).toBe(2n * BigInt(MAX));
    s.add(0, 1);
    expect(s.bigint(0)).toBe(2n * BigInt(MAX) + 1n);
    s.add(0, -MAX);
    s.add(0, -MAX);
    // Back in the safe range: a plain number again.
    expect(s.get(0)).toBe(1);
    expect(s.get(1)).toBe(0);
  });

  test('sign and compare agree with bigint arithmetic on promoted cells', () => {
    const s = new ExactSums(1);
    s.addBig(0, -(2n ** 60n));
    expect(s.sign(0)).toBe(-1);
    expect(s.compare(0, -MAX)).toBe(-1);
    expect(s.compare(0, -(2n ** 60n))).toBe(0);
    s.clear(0);
    expect(s.sign(0)).toBe(0);
    expect(s.compare(0, 0)).toBe(0);
  });

  test('any sequence of safe-integer additions equals the bigint sum (fast-check)', () => {
    const safe = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.constantFrom(MAX, -MAX, MAX - 1, 2 ** 52, -(2 ** 52)),
      fc.maxSafeInteger(),
      fc.maxSafeNat(),
    );
    fc.assert(
      fc.property(fc.array(safe, { maxLength: 40 }), (xs) => {
        const s = new ExactSums(1);
        let want = 0n;
        for (const x of xs) {
          s.add(0, x);
          want += BigInt(x);
          expect(s.bigint(0)).toBe(want);
          expect(s.sign(0)).toBe(want > 0n ? 1 : want < 0n ? -1 : 0);
          expect(s.compare(0, 12345)).toBe(want > 12345n ? 1 : want < 12345n ? -1 : 0);
        }
      }),
    );
  });
});
