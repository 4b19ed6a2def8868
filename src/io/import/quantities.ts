/**
 * Exact quantities for importers: reading numbers from foreign files and writing the unit strings
 * of SCENARIO.md (`9.92Gbps`, `3.58PB`, `0.09USD/GB`, `105.976ms`).
 *
 * Importers never round through float64 on the way to a capacity: a source value such as
 * `LinkSpeedRaw = 2500000000.0` or an SNDlib capacity of `9920.00` Mbit/s is read as an exact
 * rational and written back as an exact decimal in the largest unit that keeps it readable.
 * Only measured values that are floats by nature (Skyplane's iperf3 throughput) are floored to a
 * whole unit, and the importer says so.
 *
 * The option checks here (`--default-capacity`, `--volume-per-mbps`, `--length`, `--slot`) use the
 * shared unit parsers (`src/io/units`), so options and scenario files accept one grammar; they
 * exist to fail early with a flag-specific message.
 */
import { UsageError } from '../../errors.js';
import { div, type Rational, rational } from '../rational.js';
import { decimalText } from '../units/decimal.js';
import { formatRateExact, formatSizeExact } from '../units/format.js';
import { parseDuration, parseRate, parseSize } from '../units.js';

/**
 * Reads a decimal number as written by data files: `12`, `-3.5`, `.5`, `10000000000.0`, and the
 * exponent forms that Python and Java write for large or small floats (`1e+10`, `2.5E-3`).
 * Returns null for anything else (including `NaN`, `inf`, hex, empty text).
 */
export function parseSourceNumber(text: string): Rational | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(text.trim());
  if (!m) return null;
  const [, sign, intPart = '', fracPart = '', expPart] = m;
  if (intPart === '' && fracPart === '') return null;
  let num = BigInt(`${intPart || '0'}${fracPart}`);
  if (sign === '-') num = -num;
  const exp = (expPart ? Number(expPart) : 0) - fracPart.length;
  return exp >= 0 ? rational(num * 10n ** BigInt(exp)) : rational(num, 10n ** BigInt(-exp));
}

/**
 * Writes a rational as an exact plain decimal (`2.5`, `9953.28`), or null when it has no finite
 * decimal expansion (a denominator with a prime factor other than 2 and 5).
 */
export const formatExactDecimal: (value: Rational) => string | null = decimalText;

/**
 * Formats a bit rate given in bits per second (exact) in the largest SI bit unit that writes it
 * exactly: `10000000000` → `10Gbps`, `9953280000` → `9.95328Gbps` (the shared units formatter).
 * @throws RangeError when the rate is not positive or has no exact unit form.
 */
export function formatBitRate(bitsPerSecond: Rational): string {
  const text = formatRateExact(div(bitsPerSecond, rational(8n)));
  if (text === null) throw new RangeError('formatBitRate: rate has no exact unit form');
  return text;
}

/** Formats a whole number of bytes exactly in the largest SI unit (`3580000000000000` → `3.58PB`). */
export function formatBytes(bytes: bigint): string {
  return formatSizeExact(bytes, 'si');
}

/** The unit parsers' messages already quote the text they read (`"5x": unknown duration unit`). */
function optionError(option: string, r: { message: string; hint?: string }): UsageError {
  return new UsageError(`${option}: ${r.message}${r.hint ? ` — ${r.hint}` : ''}`);
}

/**
 * Parses a data size option such as `1TB`, `500GiB` or `1.5 PB` into bytes with the scenario
 * grammar ({@link parseSize}); it must be above zero.
 * @throws UsageError naming `option` when the text is not a positive whole number of bytes.
 */
export function parseSizeOption(text: string, option: string): bigint {
  const r = parseSize(text.trim());
  if (!r.ok) throw optionError(option, r);
  if (r.value <= 0n) throw new UsageError(`${option}: "${text}" must be above zero`);
  return r.value;
}

/**
 * Checks a rate option such as `10Gbps`, `400 Mbit/s` or `25TB/h` with the scenario grammar
 * ({@link parseRate}) and returns it trimmed, to be written into the scenario as given.
 * @throws UsageError naming `option` for a bare number (with a hint), an unknown unit or zero.
 */
export function checkRateOption(text: string, option: string): string {
  const r = parseRate(text.trim());
  if (!r.ok) throw optionError(option, r);
  return text.trim();
}

/**
 * Parses a whole-seconds duration option (`7d`, `1h`, `15min`) into seconds with the scenario
 * grammar ({@link parseDuration}).
 * @throws UsageError naming `option` when the text is not a positive whole number of seconds.
 */
export function parseDurationOption(text: string, option: string): number {
  const r = parseDuration(text.trim());
  if (!r.ok) throw optionError(option, r);
  if (r.value.den !== 1n || !Number.isSafeInteger(Number(r.value.num))) {
    throw new UsageError(`${option}: "${text}" must be a positive whole number of seconds`);
  }
  return Number(r.value.num);
}
