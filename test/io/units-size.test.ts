import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSizeExact, parseSize, type UnitResult } from '../../src/io/units.js';
import { value } from './unit-results.js';

function failure(r: UnitResult<unknown>): { message: string; hint?: string } {
  if (r.ok) throw new Error(`expected a failure, got ${String(r.value)}`);
  return { message: r.message, hint: r.hint };
}

describe('parseSize', () => {
  it('parseSize reads SI (10^3n) and IEC (2^10n) units to exact bigint bytes', () => {
    const cases: [string, bigint][] = [
      ['0B', 0n],
      ['512B', 512n],
      ['1kB', 1000n],
      ['1.5KiB', 1536n],
      ['2MB', 2_000_000n],
      ['1MiB', 1_048_576n],
      ['500GB', 500n * 10n ** 9n],
      ['1GiB', 2n ** 30n],
      ['3TB', 3n * 10n ** 12n],
      ['1TiB', 2n ** 40n],
      ['1.2PB', 1_200_000_000_000_000n],
      ['1PiB', 2n ** 50n],
      ['20EB', 20n * 10n ** 18n],
      ['1EiB', 2n ** 60n],
      ['10 GB', 10n ** 10n],
      ['  4TB ', 4n * 10n ** 12n],
      ['.5kB', 500n],
      ['+7B', 7n],
    ];
    for (const [text, bytes] of cases) expect(value(parseSize(text)), text).toBe(bytes);
  });

  it('parseSize refuses KB as ambiguous with a kB/KiB hint', () => {
    const f = failure(parseSize('1KB'));
    expect(f.message).toContain('"KB" is ambiguous');
    expect(f.hint).toContain('use kB (10^3) or KiB (2^10)');
  });

  it('parseSize refuses mB (milli) and bit units with a byte hint', () => {
    expect(failure(parseSize('5mB'))).toEqual({
      message: '"5mB": "mB" would be millibytes',
      hint: 'did you mean 5MB?',
    });
    const bits = failure(parseSize('10Gb'));
    expect(bits.message).toContain('"Gb" is a unit of bits; sizes are in bytes');
    expect(bits.hint).toBe('did you mean 10GB?');
    expect(failure(parseSize('10Mibit')).hint).toBe('did you mean 10MiB?');
    expect(failure(parseSize('3kb')).hint).toBe('did you mean 3kB?');
    expect(failure(parseSize('3b')).hint).toBe('did you mean 3B?');
  });

  it('parseSize is case-sensitive and suggests the intended unit', () => {
    expect(failure(parseSize('10gB'))).toEqual({
      message: '"10gB": unknown size unit "gB" (units are case-sensitive)',
      hint: 'did you mean 10GB?',
    });
    expect(failure(parseSize('1GIB')).hint).toBe('did you mean 1GiB?');
    expect(failure(parseSize('10 bytes')).hint).toBe('write 10B');
    expect(failure(parseSize('10XB')).message).toContain('expected B, kB, MB, GB, TB, PB, EB, KiB');
  });

  it('parseSize refuses a rate where a size is required', () => {
    expect(failure(parseSize('10Gbps')).message).toContain('is a rate');
    expect(failure(parseSize('10GB/s')).message).toContain('is a rate');
  });

  it('parseSize refuses a bare number with a GB hint, as text or as a YAML/JSON number', () => {
    expect(failure(parseSize('10'))).toEqual({
      message: 'bare number "10" where a size is required',
      hint: 'did you mean 10GB?',
    });
    expect(failure(parseSize(10))).toEqual({
      message: 'bare number "10" where a size is required',
      hint: 'did you mean 10GB?',
    });
  });

  it('parseSize refuses a value that is not a whole number of bytes', () => {
    expect(failure(parseSize('0.5B')).message).toBe('"0.5B" is not a whole number of bytes');
    expect(failure(parseSize('1.0001kB')).message).toContain('not a whole number of bytes');
    expect(value(parseSize('1.001kB'))).toBe(1001n);
  });

  it('parseSize refuses numbers that are not plain non-negative decimals', () => {
    const bad: [string | number, string, string?][] = [
      ['1_000GB', 'digit separators', 'write 1000GB'],
      ['1e3GB', 'exponent notation', 'write 1000GB'],
      ['1E3B', 'exponent notation', 'write 1000B'],
      ['1e400PB', 'exponent notation'],
      ['-5GB', 'negative value "-5GB"'],
      [-5, 'negative value "-5"'],
      ['NaN', 'not a finite number'],
      ['.nan', 'not a finite number'],
      [Number.NaN, 'not a finite number'],
      ['Infinity', 'not a finite number'],
      ['-inf', 'not a finite number'],
      [Number.POSITIVE_INFINITY, 'not a finite number'],
      ['', 'empty value'],
      ['GB', 'missing number'],
      ['1.GB', 'not a plain decimal'],
      ['1.2.3GB', 'not a plain decimal'],
      ['1 000GB', 'not a plain decimal'],
      ['0x10GB', 'unknown size unit'],
      ['1234567890123456789012345678901GB', 'more than 30 digits'],
    ];
    for (const [raw, message, hint] of bad) {
      const f = failure(parseSize(raw));
      expect(f.message, String(raw)).toContain(message);
      if (hint) expect(f.hint, String(raw)).toBe(hint);
    }
  });

  it('SI and IEC differ: 1 XiB = 1.024^n × 1 XB for every prefix', () => {
    const prefixes = ['k', 'M', 'G', 'T', 'P', 'E'];
    prefixes.forEach((p, i) => {
      const si = value(parseSize(`1${p}B`));
      const iec = value(parseSize(`1${p === 'k' ? 'K' : p}iB`));
      expect(si).not.toBe(iec);
      expect(si).toBe(1000n ** BigInt(i + 1));
      expect(iec).toBe(1024n ** BigInt(i + 1));
    });
  });

  it('stays exact around 2^53 bytes, where float64 would round', () => {
    const p53 = 2n ** 53n;
    for (let k = -3n; k <= 3n; k++) {
      expect(value(parseSize(`${p53 + k}B`))).toBe(p53 + k);
    }
    // 9007199254740993 is not a float64; as a size it must survive to the byte.
    expect(value(parseSize('9.007199254740993PB'))).toBe(9_007_199_254_740_993n);
    expect(value(parseSize('9007199.254740993GB'))).toBe(9_007_199_254_740_993n);
    fc.assert(
      fc.property(fc.bigInt({ min: p53 - 10n ** 6n, max: p53 + 10n ** 6n }), (b) => {
        expect(value(parseSize(formatSizeExact(b)))).toBe(b);
      }),
    );
  });

  it('parseSize ∘ formatSizeExact is the identity (SI and IEC forms)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 72n }),
        fc.constantFrom('si', 'iec') as fc.Arbitrary<'si' | 'iec'>,
        (b, sys) => {
          const text = formatSizeExact(b, sys);
          expect(value(parseSize(text))).toBe(b);
        },
      ),
    );
  });

  it('parseSize of a decimal times a unit equals the exact product', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10 ** 9 }),
        fc.constantFrom('kB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB'),
        (n, unit) => {
          const factor = {
            kB: 10n ** 3n,
            MB: 10n ** 6n,
            GB: 10n ** 9n,
            TB: 10n ** 12n,
            KiB: 2n ** 10n,
            MiB: 2n ** 20n,
            GiB: 2n ** 30n,
          }[unit]!;
          expect(value(parseSize(`${n}${unit}`))).toBe(BigInt(n) * factor);
        },
      ),
    );
  });
});
