/**
 * Data sizes: `B`, SI `kB MB GB TB PB EB` (10^3n) and IEC `KiB … EiB` (2^10n), exact bigint bytes.
 *
 * Tokens are case-sensitive. `KB` is refused as ambiguous (kB or KiB?), `mB` as milli-bytes, and a
 * bit unit (`Gb`, `Mbit`) as a unit of the wrong kind: sizes are in bytes.
 */
import { type Rational, rational } from '../rational.js';
import { bareNumber, lexQuantity } from './lex.js';
import { fail, ok, type UnitFailure, type UnitResult } from './result.js';

/** Size unit tokens and their factors in bytes, SI then IEC, smallest first. */
export const SIZE_UNITS: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  ['B', 1n],
  ['kB', 10n ** 3n],
  ['MB', 10n ** 6n],
  ['GB', 10n ** 9n],
  ['TB', 10n ** 12n],
  ['PB', 10n ** 15n],
  ['EB', 10n ** 18n],
  ['KiB', 2n ** 10n],
  ['MiB', 2n ** 20n],
  ['GiB', 2n ** 30n],
  ['TiB', 2n ** 40n],
  ['PiB', 2n ** 50n],
  ['EiB', 2n ** 60n],
]);

const SIZE_LIST = 'B, kB, MB, GB, TB, PB, EB, KiB, MiB, GiB, TiB, PiB or EiB';
const EXPECTED = 'a size such as 1.2PB or 500GiB';
const BIT_UNIT = /^([kKmMgGtTpPeE]?)(i?)(?:b|bit|bits)$/;

/** The byte unit a bit unit was probably meant as: `Gb` → `GB`, `Mib` → `MiB`, `kbit` → `kB`. */
export function byteUnitForBits(unit: string): string | null {
  const m = BIT_UNIT.exec(unit);
  if (!m) return null;
  const p = m[1].toUpperCase();
  if (m[2] === 'i') return p === '' ? 'B' : `${p}iB`;
  return p === 'K' ? 'kB' : `${p}B`;
}

/**
 * Why `unit` is not a size unit, or null when it is one. Shared by sizes, rates (`<size>/s`) and
 * costs (`USD/<size>`). `example` is the quantity as the user might have meant it, for hints:
 * it receives the corrected unit.
 */
export function sizeUnitProblem(unit: string, example: (unit: string) => string): UnitFailure | null {
  if (SIZE_UNITS.has(unit)) return null;
  if (unit === 'KB') {
    return fail(`"KB" is ambiguous`, `use kB (10^3) or KiB (2^10): ${example('kB')} or ${example('KiB')}`);
  }
  if (unit === 'mB') return fail(`"mB" would be millibytes`, `did you mean ${example('MB')}?`);
  const bytes = byteUnitForBits(unit);
  if (bytes !== null) {
    return fail(
      `"${unit}" is a unit of bits; sizes are in bytes (1 byte = 8 bits)`,
      `did you mean ${example(bytes)}?`,
    );
  }
  const lower = unit.toLowerCase();
  if (lower === 'byte' || lower === 'bytes')
    return fail(`unknown size unit "${unit}"`, `write ${example('B')}`);
  for (const u of SIZE_UNITS.keys()) {
    if (u.toLowerCase() === lower) {
      return fail(`unknown size unit "${unit}" (units are case-sensitive)`, `did you mean ${example(u)}?`);
    }
  }
  return fail(`unknown size unit "${unit}"; expected ${SIZE_LIST}`);
}

/**
 * Parses a data size to exact bytes (≥ 0): `1.2PB` → 1200000000000000n, `1.5KiB` → 1536n.
 * Fails on a bare number, a wrong or ambiguous unit, or a value that is not a whole number of bytes.
 */
export function parseSize(raw: string | number): UnitResult<bigint> {
  const lexed = lexQuantity(raw, EXPECTED);
  if (!lexed.ok) return lexed;
  const { value, numText, unit, text } = lexed;
  if (unit === '') return bareNumber(numText, 'size', `${numText}GB`);
  if (/ps$|\//.test(unit)) {
    return fail(`"${text}" is a rate; expected ${EXPECTED}`);
  }
  const problem = sizeUnitProblem(unit, (u) => numText + u);
  if (problem) return { ...problem, message: `"${text}": ${problem.message}` };
  const bytes = scaleToBytes(value, SIZE_UNITS.get(unit)!);
  if (bytes.den !== 1n) {
    return fail(`"${text}" is not a whole number of bytes`, `use a smaller unit or fewer decimals`);
  }
  return ok(bytes.num);
}

/** `value × factor` exactly. */
export function scaleToBytes(value: Rational, factor: bigint): Rational {
  return rational(value.num * factor, value.den);
}
