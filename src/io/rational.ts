/**
 * Exact rational numbers on bigint, for scenario arithmetic (units, shares, window fractions).
 *
 * Invariants: `den > 0n` and `gcd(|num|, den) = 1`, so two equal values are structurally equal
 * (`deepEqual` works and `toString` is canonical). Values are plain frozen objects: cheap to
 * create, safe to share. Hot loops should not use these; convert to integers first.
 */

/** An exact rational number `num / den` with `den > 0` and the fraction in lowest terms. */
export interface Rational {
  /** Numerator (any sign). */
  readonly num: bigint;
  /** Denominator, always positive. */
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/**
 * Builds a rational in lowest terms.
 * @throws RangeError when `den` is zero or an argument is not an integer.
 */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  if (typeof num === 'number' && !Number.isSafeInteger(num)) {
    throw new RangeError(`rational: numerator ${num} is not a safe integer`);
  }
  if (typeof den === 'number' && !Number.isSafeInteger(den)) {
    throw new RangeError(`rational: denominator ${den} is not a safe integer`);
  }
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  if (g > 1n) {
    n /= g;
    d /= g;
  }
  return Object.freeze({ num: n, den: d });
}

/** Zero. */
export const ZERO: Rational = rational(0n);
/** One. */
export const ONE: Rational = rational(1n);

/** `a + b`. */
export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** `a − b`. */
export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** `a × b`. */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/**
 * `a ÷ b`.
 * @throws RangeError when `b` is zero.
 */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('rational: division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

/** Compares `a` and `b`: negative, zero or positive like a sort comparator. */
export function compare(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Largest integer ≤ `a`. */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** Smallest integer ≥ `a`. */
export function ceil(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num > 0n && q * a.den !== a.num ? q + 1n : q;
}

/** True when `a` is an integer. */
export function isInteger(a: Rational): boolean {
  return a.den === 1n;
}

/** Nearest float64 (for display and statistics only, never for capacities). */
export function toNumber(a: Rational): number {
  if (a.den === 1n) return Number(a.num);
  // Scale first so that huge numerators and denominators keep their significant digits.
  const scale = 10n ** 18n;
  return Number((a.num * scale) / a.den) / 1e18;
}

/** Canonical text form: `"3"`, `"-1/8"`. */
export function format(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

/**
 * Parses a plain decimal such as `"1.25"`, `"-0.5"` or `"12"` exactly.
 * Returns `null` for anything else (exponents, underscores, hex, empty text).
 */
export function parseDecimal(text: string): Rational | null {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text);
  if (!m) return null;
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] === '' ? 0n : BigInt(m[2]);
  const frac = m[3] ?? '';
  const den = 10n ** BigInt(frac.length);
  const num = intPart * den + (frac === '' ? 0n : BigInt(frac));
  return rational(sign * num, den);
}
