/**
 * Exact decimal text ⇄ rational helpers for the unit parsers and formatters.
 *
 * Everything here is exact bigint arithmetic: a decimal string is a rational whose denominator is
 * a power of ten, and a rational prints as a finite decimal exactly when its reduced denominator
 * has no prime factor other than 2 and 5.
 */
import { type Rational, rational } from '../rational.js';

/** 10^n as a bigint, n ≥ 0. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Number of decimal digits of a positive bigint. */
export function digitCount(n: bigint): number {
  return (n < 0n ? -n : n).toString().length;
}

/**
 * Writes `digits × 10^exp` (digits: a non-negative integer as text) as a plain decimal without
 * exponent and without superfluous zeros: `('15', -8)` → `'0.00000015'`, `('12', 3)` → `'12000'`.
 */
export function shiftDecimal(digits: string, exp: number): string {
  const d = digits.replace(/^0+(?=\d)/, '');
  if (exp >= 0) return d === '0' ? '0' : d + '0'.repeat(exp);
  const pad = d.padStart(-exp + 1, '0');
  const int = pad.slice(0, pad.length + exp);
  const frac = pad.slice(pad.length + exp).replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}

/**
 * The plain decimal text of a finite JS number: `String(n)` when that has no exponent, else the
 * same shortest round-trip digits written out (`1e-7` → `'0.0000001'`, `1e21` → `'1' + 21 zeros`).
 * YAML and JSON numbers reach the parsers this way, so `0.8` stays the decimal the user wrote.
 */
export function numberText(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const frac = m[3] ?? '';
  return m[1] + shiftDecimal(m[2] + frac, Number(m[4]) - frac.length);
}

/** The exact rational of a finite JS number's shortest decimal form (not its binary value). */
export function rationalOfNumber(n: number): Rational {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(numberText(n));
  if (!m) throw new RangeError(`rationalOfNumber: ${n} is not finite`);
  const frac = m[3] ?? '';
  const num = BigInt(m[2] + frac);
  return rational(m[1] === '-' ? -num : num, pow10(frac.length));
}

/**
 * Exact decimal text of a rational (`1/8` → `'0.125'`), or null when its expansion does not
 * terminate (`1/3`).
 */
export function decimalText(r: Rational): string | null {
  let den = r.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) return null;
  const k = Math.max(twos, fives);
  const scaled = (r.num * pow10(k)) / r.den; // exact: den divides 10^k
  const neg = scaled < 0n;
  const text = shiftDecimal((neg ? -scaled : scaled).toString(), -k);
  return neg ? `-${text}` : text;
}

/**
 * Rounds a positive rational to `digits` significant digits, half away from zero:
 * returns `mant × 10^exp` with `10^(digits−1) ≤ mant < 10^digits`.
 */
export function roundSignificant(r: Rational, digits: number): { mant: bigint; exp: number } {
  if (r.num <= 0n) throw new RangeError('roundSignificant: value must be positive');
  // Estimate of floor(log10 r) from digit counts; off by at most one, corrected below.
  let e = digitCount(r.num) - digitCount(r.den) - digits + 1;
  const lo = pow10(digits - 1);
  const hi = pow10(digits);
  for (;;) {
    // q = r / 10^e, compared with [lo, hi) before rounding.
    const num = e >= 0 ? r.num : r.num * pow10(-e);
    const den = e >= 0 ? r.den * pow10(e) : r.den;
    const q = num / den;
    if (q < lo) {
      e--;
      continue;
    }
    if (q >= hi) {
      e++;
      continue;
    }
    const rem = num - q * den;
    let mant = 2n * rem >= den ? q + 1n : q;
    if (mant === hi) {
      mant = lo;
      e++;
    }
    return { mant, exp: e };
  }
}
