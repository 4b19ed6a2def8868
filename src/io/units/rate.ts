/**
 * Rates, exact in bytes per second (a {@link Rational}: `1bps` is 1/8 B/s).
 *
 * Accepted (SCENARIO.md): bits `bps kbps Mbps Gbps Tbps` and `bit/s kbit/s Mbit/s Gbit/s Tbit/s`
 * with case-insensitive prefixes (`mbps` = `Mbps`: nobody means millibits); bytes
 * `Bps kBps MBps GBps TBps`; any size unit per `/s`, `/min`, `/h` or `/d` (`25TB/h`). Bits and bytes
 * never mix silently: `KBps`, `GBPS`, `Gb/s` are refused with a hint naming both readings.
 */
import { type Rational, rational } from '../rational.js';
import { bareNumber, lexQuantity } from './lex.js';
import { fail, ok, type UnitFailure, type UnitResult } from './result.js';
import { byteUnitForBits, SIZE_UNITS, sizeUnitProblem } from './size.js';

/** Seconds per time unit accepted after `/` in a rate. */
export const RATE_TIME_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['s', 1n],
  ['min', 60n],
  ['h', 3600n],
  ['d', 86400n],
]);

/** Bit-rate prefixes (lower-cased) and their factors. */
const BIT_PREFIX: Readonly<Record<string, bigint>> = {
  '': 1n,
  k: 10n ** 3n,
  m: 10n ** 6n,
  g: 10n ** 9n,
  t: 10n ** 12n,
};
const CANONICAL_BIT_PREFIX: Readonly<Record<string, string>> = { '': '', k: 'k', m: 'M', g: 'G', t: 'T' };
const BYTE_RATE_UNITS = new Set(['Bps', 'kBps', 'MBps', 'GBps', 'TBps']);
const EXPECTED = 'a rate such as 10Gbps, 500MBps or 25TB/h';
const RATE_LIST =
  'bps, kbps, Mbps, Gbps, Tbps (or bit/s … Tbit/s), Bps, kBps, MBps, GBps, TBps, or a size unit per /s, /min, /h or /d';
const TIME_WORDS: Readonly<Record<string, string>> = {
  sec: 's',
  secs: 's',
  second: 's',
  m: 'min',
  mins: 'min',
  minute: 'min',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  day: 'd',
};

/** The factor in bytes per second of one `unit`, or a failure explaining the unit. */
function rateUnit(unit: string, numText: string): { factor: Rational } | UnitFailure {
  const bits = /^([kKmMgGtT]?)(?:bps|bit\/s)$/.exec(unit);
  if (bits) return { factor: rational(BIT_PREFIX[bits[1].toLowerCase()], 8n) };
  if (BYTE_RATE_UNITS.has(unit)) return { factor: rational(SIZE_UNITS.get(unit.slice(0, -2))!) };
  if (unit === 'KBps') {
    return fail(
      `"KBps" is ambiguous`,
      `write ${numText}kBps (10^3 bytes/s) or ${numText}KiB/s (2^10 bytes/s)`,
    );
  }
  const slash = unit.indexOf('/');
  if (slash >= 0) return perTimeUnit(unit.slice(0, slash), unit.slice(slash + 1), numText);
  if (SIZE_UNITS.has(unit)) {
    return fail(`"${unit}" is a size unit, not a rate`, `did you mean ${numText}${unit}/s?`);
  }
  const caseless = /^([kmgt]?)bps$/i.exec(unit);
  if (caseless) {
    // Only the prefix is case-insensitive; `GBPS` or `gBps` could mean bits or bytes.
    const p = caseless[1].toLowerCase();
    const bytes = p === '' ? 'B' : p === 'k' ? 'kB' : `${p.toUpperCase()}B`;
    return fail(
      `"${unit}" is ambiguous between bits and bytes (units are case-sensitive)`,
      `write ${numText}${CANONICAL_BIT_PREFIX[p]}bps (bits) or ${numText}${bytes}ps (bytes)`,
    );
  }
  return fail(`unknown rate unit "${unit}"; expected ${RATE_LIST}`);
}

/** `<size>/<time>`, e.g. `25TB/h`. */
function perTimeUnit(size: string, time: string, numText: string): { factor: Rational } | UnitFailure {
  const seconds = RATE_TIME_UNITS.get(time);
  if (seconds === undefined) {
    const word = TIME_WORDS[time.toLowerCase().replace(/s$/, '')] ?? TIME_WORDS[time.toLowerCase()];
    return fail(
      `unknown time unit "/${time}"; expected /s, /min, /h or /d`,
      word ? `did you mean ${numText}${size}/${word}?` : undefined,
    );
  }
  const bits = /^([kKmMgGtT]?)b$/.exec(size);
  if (bits) {
    const bytes = `${numText}${byteUnitForBits(size)}/${time}`;
    const p = CANONICAL_BIT_PREFIX[bits[1].toLowerCase()];
    return fail(
      `"${size}/${time}" is not accepted: "b" is bits, and only byte units may be written per /${time}`,
      time === 's' ? `write ${numText}${p}bps (bits) or ${bytes} (bytes)` : `did you mean ${bytes}?`,
    );
  }
  const problem = sizeUnitProblem(size, (u) => `${numText}${u}/${time}`);
  if (problem) return problem;
  return { factor: rational(SIZE_UNITS.get(size)!, seconds) };
}

/** Options of {@link parseRate}. */
export interface RateOptions {
  /**
   * Accept a zero rate (a scenario's link capacity or cap: a link that is down, a node that may
   * not send); refused otherwise, as a rate given on the command line must move data.
   * @defaultValue false
   */
  readonly allowZero?: boolean;
}

/**
 * Parses a rate to exact bytes per second: `10Gbps` → 1250000000, `25TB/h` → 62500000000/9.
 * Fails on a bare number, a zero rate (unless `options.allowZero`), or a unit that is unknown or
 * ambiguous between bits and bytes.
 */
export function parseRate(raw: string | number, options: RateOptions = {}): UnitResult<Rational> {
  const lexed = lexQuantity(raw, EXPECTED);
  if (!lexed.ok) return lexed;
  const { value, numText, unit, text } = lexed;
  if (unit === '') return bareNumber(numText, 'rate', `${numText}Gbps`);
  const u = rateUnit(unit, numText);
  if (!('factor' in u)) return { ...u, message: `"${text}": ${u.message}` };
  if (value.num === 0n && !options.allowZero) {
    return fail(`zero rate "${text}"; expected a rate greater than zero`);
  }
  return ok(rational(value.num * u.factor.num, value.den * u.factor.den));
}
