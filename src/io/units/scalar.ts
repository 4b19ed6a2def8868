/**
 * Unit families that are not sizes, rates or times: shares (`80%` or a number in (0, 1]), costs
 * (`0.02USD/GB`, exact USD per byte) and plain ratios (a dataset's `reduction`).
 */
import { compare, ONE, type Rational, rational } from '../rational.js';
import { decimalText } from './decimal.js';
import { bareNumber, lexQuantity } from './lex.js';
import { fail, ok, type UnitResult } from './result.js';
import { SIZE_UNITS, sizeUnitProblem } from './size.js';

const SHARE_EXPECTED = 'a share such as 80% or 0.8, in (0, 100%]';

/** Parses a share to an exact rational in (0, 1]: `80%` → 4/5, `0.8` → 4/5, `1` → 1. */
export function parseShare(raw: string | number): UnitResult<Rational> {
  const lexed = lexQuantity(raw, SHARE_EXPECTED);
  if (!lexed.ok) return lexed;
  const { value, numText, unit, text } = lexed;
  if (unit !== '%' && unit !== '')
    return fail(`unknown share unit "${unit}" in "${text}"; expected ${SHARE_EXPECTED}`);
  const share = unit === '%' ? rational(value.num, value.den * 100n) : value;
  if (share.num === 0n) return fail(`share "${text}" is zero; expected ${SHARE_EXPECTED}`);
  if (compare(share, ONE) > 0) {
    const percent = unit === '' && compare(value, rational(100n)) <= 0;
    return fail(
      `share "${text}" is more than 100%; expected ${SHARE_EXPECTED}`,
      percent ? `did you mean ${numText}%?` : undefined,
    );
  }
  return ok(share);
}

/** Size units a cost may be quoted per (SCENARIO.md). */
export const COST_UNITS: readonly string[] = ['GB', 'TB', 'GiB', 'TiB'];
const COST_EXPECTED = 'a cost such as 0.02USD/GB (per GB, TB, GiB or TiB)';

/** Parses a cost per byte carried to exact USD per byte (≥ 0): `0.02USD/GB` → 1/50000000000. */
export function parseCost(raw: string | number): UnitResult<Rational> {
  const lexed = lexQuantity(raw, COST_EXPECTED);
  if (!lexed.ok) return lexed;
  const { value, numText, unit, text } = lexed;
  if (unit === '') return bareNumber(numText, 'cost', `${numText}USD/GB`);
  const m = /^([^/]*)\/(.*)$/.exec(unit);
  const currency = m?.[1] ?? unit;
  const per = m?.[2] ?? '';
  if (currency !== 'USD') {
    const usd = currency === '$' || currency.toUpperCase() === 'USD';
    return fail(
      `unknown currency "${currency}" in "${text}"; expected ${COST_EXPECTED}`,
      usd && per !== '' ? `write ${numText}USD/${per}` : 'costs are in USD',
    );
  }
  if (COST_UNITS.includes(per)) return ok(rational(value.num, value.den * SIZE_UNITS.get(per)!));
  const problem = per === '' ? null : sizeUnitProblem(per, (u) => `${numText}USD/${u}`);
  if (problem) return { ...problem, message: `"${text}": ${problem.message}` };
  const factor = SIZE_UNITS.get(per);
  const perGB =
    factor === undefined ? null : decimalText(rational(value.num * 10n ** 9n, value.den * factor));
  return fail(
    `"${unit}" in "${text}" is not a cost unit; expected USD/GB, USD/TB, USD/GiB or USD/TiB`,
    perGB === null ? undefined : `write ${perGB}USD/GB`,
  );
}

/** Parses a plain decimal ratio (a dataset's `reduction`) exactly: `12` → 12, `2.5` → 5/2. ≥ 0. */
export function parseRatio(raw: string | number): UnitResult<Rational> {
  const lexed = lexQuantity(raw, 'a plain number such as 12 or 2.5');
  if (!lexed.ok) return lexed;
  const { value, numText, unit, text } = lexed;
  if (unit === '') return ok(value);
  const ratio = /^(x|×|:1)$/.test(unit);
  return fail(
    `"${text}" is not a plain number; expected a ratio such as 12 or 2.5`,
    ratio ? `write ${numText}` : undefined,
  );
}
