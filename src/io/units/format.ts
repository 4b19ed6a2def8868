/**
 * Formatting for output: human forms rounded to 3 significant digits (`1.2 PB`, `10 Gbps`,
 * `3 h 15 min`) and exact forms that {@link parseSize}, {@link parseRate} and
 * {@link parseDuration} read back to the same value (`formatSizeExact`, …).
 *
 * Rounding is exact (bigint rationals, half away from zero), so output does not depend on float
 * representation: 999.5 GB prints as `1 TB`, never `1000 GB`.
 */
import { type Rational, rational } from '../rational.js';
import { formatInstant } from './civil.js';
import { decimalText, rationalOfNumber, roundSignificant } from './decimal.js';
import { MAX_DIGITS } from './lex.js';
import { RATE_TIME_UNITS } from './rate.js';
import { SIZE_UNITS } from './size.js';
import { DURATION_UNITS } from './time.js';

export { formatInstant };

type Scale = readonly (readonly [label: string, factor: bigint])[];

const SI_BYTES: Scale = [...SIZE_UNITS].filter(([u]) => !u.includes('i'));
const IEC_BYTES: Scale = [['B', 1n], ...[...SIZE_UNITS].filter(([u]) => u.includes('i'))];
const BITS: Scale = [
  ['bps', 1n],
  ['kbps', 10n ** 3n],
  ['Mbps', 10n ** 6n],
  ['Gbps', 10n ** 9n],
  ['Tbps', 10n ** 12n],
];

/** The largest unit of `scale` not above `value` (the smallest unit when `value` is below all). */
function unitFor(value: Rational, scale: Scale): readonly [string, bigint] {
  let best = scale[0];
  for (const u of scale) if (value.num >= u[1] * value.den) best = u;
  return best;
}

/** `value` (≥ 0) rounded to 3 significant digits in the best unit of `scale`, e.g. `1.2 PB`. */
function formatScaled(value: Rational, scale: Scale, sep = ' '): string {
  if (value.num < 0n) return `-${formatScaled(rational(-value.num, value.den), scale, sep)}`;
  if (value.num === 0n) return `0${sep}${scale[0][0]}`;
  const { mant, exp } = roundSignificant(value, 3);
  const rounded = exp >= 0 ? rational(mant * 10n ** BigInt(exp)) : rational(mant, 10n ** BigInt(-exp));
  const [label, factor] = unitFor(rounded, scale);
  return `${decimalText(rational(rounded.num, rounded.den * factor))}${sep}${label}`;
}

function toRational(x: Rational | bigint | number): Rational | null {
  if (typeof x === 'bigint') return rational(x);
  if (typeof x === 'number') return Number.isFinite(x) ? rationalOfNumber(x) : null;
  return x;
}

/** A byte amount in SI units with at most 3 significant digits: `'1.2 PB'`, `'500 GB'`, `'0 B'`. */
export function formatBytes(bytes: bigint | number): string {
  const r = toRational(bytes);
  return r === null ? `${bytes} B` : formatScaled(r, SI_BYTES);
}

/** A rate given in bytes per second, printed in bits with at most 3 significant digits: `'10 Gbps'`. */
export function formatRate(bytesPerSecond: Rational | number): string {
  const r = toRational(bytesPerSecond);
  return r === null ? `${bytesPerSecond} B/s` : formatScaled(rational(r.num * 8n, r.den), BITS);
}

/** A cost in USD per byte as USD per GB with at most 3 significant digits: `'0.02 USD/GB'`. */
export function formatCost(usdPerByte: Rational | number): string {
  const r = toRational(usdPerByte);
  if (r === null) return `${usdPerByte} USD/B`;
  return `${formatScaled(rational(r.num * 10n ** 9n, r.den), [['', 1n]], '')} USD/GB`;
}

/** A share in (0, 1] as a percentage with at most 3 significant digits: `'80%'`, `'33.3%'`. */
export function formatShare(share: Rational | number): string {
  const r = toRational(share);
  return r === null ? `${share}` : `${formatScaled(rational(r.num * 100n, r.den), [['', 1n]], '')}%`;
}

const CLOCK: Scale = [
  ['s', 1n],
  ['min', 60n],
  ['h', 3600n],
  ['d', 86400n],
];

/**
 * A duration in seconds for people: the two largest units, rounded to the smaller one
 * (`'3 h 15 min'`, `'1 d 2 h'`, `'7 d'`, `'45 s'`); below a minute 3 significant digits
 * (`'1.5 s'`, `'250 ms'`).
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return `${seconds} s`;
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  if (seconds === 0) return '0 s';
  const exact = rationalOfNumber(seconds);
  if (seconds < 1) return formatScaled(rational(exact.num * 1000n, exact.den), [['ms', 1n]]);
  const short = formatScaled(exact, [['s', 1n]]);
  if (seconds < 60 && short !== '60 s') return short;
  let t = BigInt(Math.round(seconds));
  for (;;) {
    const i = CLOCK.findLastIndex(([, f]) => t >= f);
    const big = CLOCK[i][1];
    const small = i > 0 ? CLOCK[i - 1][1] : 1n;
    const rounded = ((2n * t + small) / (2n * small)) * small; // half up to a multiple of `small`
    if (CLOCK.findLastIndex(([, f]) => rounded >= f) !== i) {
      t = rounded; // carried into a larger unit (59 min 59.6 s → 1 h): format again
      continue;
    }
    const a = rounded / big;
    const b = (rounded - a * big) / small;
    return b === 0n || i === 0 ? `${a} ${CLOCK[i][0]}` : `${a} ${CLOCK[i][0]} ${b} ${CLOCK[i - 1][0]}`;
  }
}

/**
 * A byte amount in an exact unit form that {@link parseSize} reads back to the same bigint:
 * `1200000000000000n` → `'1.2PB'`; `system: 'iec'` uses KiB … EiB (`1536n` → `'1.5KiB'`).
 * @throws RangeError for a negative amount.
 */
export function formatSizeExact(bytes: bigint, system: 'si' | 'iec' = 'si'): string {
  if (bytes < 0n) throw new RangeError('formatSizeExact: negative size');
  const scale = system === 'si' ? SI_BYTES : IEC_BYTES;
  // Bytes always qualify below 10^30; larger amounts are beyond any scenario.
  return exactIn(rational(bytes), scale, '') ?? `${bytes}B`;
}

/**
 * A rate in bytes per second in an exact unit form that {@link parseRate} reads back to the same
 * rational: bits per second when that is a finite decimal (`'10Gbps'`), else a size per s, min, h
 * or d (`'25TB/h'`); null when no accepted unit expresses it exactly (e.g. 1/7 B/s).
 * @throws RangeError for a rate that is not positive.
 */
export function formatRateExact(bytesPerSecond: Rational): string | null {
  if (bytesPerSecond.num <= 0n) throw new RangeError('formatRateExact: rate must be positive');
  const bits = rational(bytesPerSecond.num * 8n, bytesPerSecond.den);
  const found = exactIn(bits, BITS, '');
  if (found !== null) return found;
  for (const [time, seconds] of RATE_TIME_UNITS) {
    const text = exactIn(rational(bytesPerSecond.num * seconds, bytesPerSecond.den), SI_BYTES, `/${time}`);
    if (text !== null) return text;
  }
  return null;
}

/**
 * `value` as `<decimal><unit><suffix>` in the largest unit of `scale` whose exact decimal has at
 * most MAX_DIGITS digits (so the parsers accept it), or null when none terminates in time.
 */
function exactIn(value: Rational, scale: Scale, suffix: string): string | null {
  const [, top] = unitFor(value, scale);
  for (const [label, factor] of [...scale].reverse()) {
    if (factor > top) continue;
    const text = decimalText(rational(value.num, value.den * factor));
    if (text === null) return null; // units differ by 10^k or 2^k: if one does not terminate, none does
    if (text.replace('.', '').length <= MAX_DIGITS) return `${text}${label}${suffix}`;
  }
  return null;
}

/**
 * A duration in seconds in an exact form that {@link parseDuration} reads back: the largest unit
 * that divides it (`5400` → `'90min'`, `604800` → `'1w'`), else decimal seconds (`'1.5s'`); null
 * when no finite decimal of seconds exists (1/3 s).
 * @throws RangeError for a duration that is not positive.
 */
export function formatDurationExact(seconds: Rational): string | null {
  if (seconds.num <= 0n) throw new RangeError('formatDurationExact: duration must be positive');
  for (const [unit, factor] of [...DURATION_UNITS].reverse()) {
    if (seconds.den === 1n && seconds.num % factor === 0n) return `${seconds.num / factor}${unit}`;
  }
  const text = decimalText(seconds);
  return text === null || text.replace('.', '').length > MAX_DIGITS ? null : `${text}s`;
}
