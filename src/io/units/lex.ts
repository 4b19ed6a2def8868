/**
 * Splits a raw scalar into an exact non-negative number and a unit token, with the error
 * messages every unit family shares.
 *
 * Grammar (SCENARIO.md "Units"): a plain decimal (`12`, `1.2`, `.5`; no `_`, no exponent, no sign
 * other than a redundant `+`), then optional spaces, then the unit token, which the caller
 * interprets. YAML/JSON numbers arrive as JS numbers and are read through their shortest decimal
 * text, which is the decimal the user wrote.
 */
import { parseDecimal, type Rational } from '../rational.js';
import { numberText, shiftDecimal } from './decimal.js';
import { fail, type UnitFailure } from './result.js';

/** More digits than this in one number is refused (no real quantity needs them; bounds work). */
export const MAX_DIGITS = 30;

/** A number and the unit written after it. */
export interface Lexed {
  readonly ok: true;
  /** The number, exact, ≥ 0. */
  readonly value: Rational;
  /** The number as written (sign and surrounding spaces removed), for hints. */
  readonly numText: string;
  /** The unit token after the number, `''` when there is none. */
  readonly unit: string;
  /** The whole input as text, for messages. */
  readonly text: string;
}

const NON_FINITE = /^[+-]?\.?(nan|inf|infinity)$/i;

/**
 * Reads `raw` as `<number><unit>`.
 * @param expected what the field expects, for messages: `'a size such as 1.2PB'`.
 */
export function lexQuantity(raw: string | number, expected: string): Lexed | UnitFailure {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail(`"${raw}" is not a finite number; expected ${expected}`);
    const text = numberText(raw);
    if (raw < 0) return fail(`negative value "${text}"; expected ${expected}`);
    return lexText(text, expected);
  }
  if (typeof raw !== 'string') return fail(`found ${typeof raw}; expected ${expected}`);
  return lexText(raw.trim(), expected);
}

function lexText(text: string, expected: string): Lexed | UnitFailure {
  if (text === '') return fail(`empty value; expected ${expected}`);
  const word = /^[+-]?\.?[A-Za-z]+/.exec(text)?.[0] ?? '';
  if (NON_FINITE.test(word)) return fail(`"${text}" is not a finite number; expected ${expected}`);
  const m = /^([+-]?)([0-9_]*)(\.[0-9_]*)?/.exec(text)!;
  const sign = m[1];
  const intPart = m[2];
  const frac = m[3] ?? '';
  let rest = text.slice(m[0].length);
  const numText = intPart + frac;
  if (!/[0-9]/.test(numText)) return fail(`missing number in "${text}"; expected ${expected}`);
  const exp = /^[eE]([+-]?[0-9]+)/.exec(rest);
  if (exp) {
    const written = numText + exp[0];
    const power = Number(exp[1]);
    const hint =
      !numText.includes('_') && Math.abs(power) <= MAX_DIGITS
        ? `write ${expandExponent(numText, power)}${rest.slice(exp[0].length).trim()}`
        : undefined;
    return fail(`"${written}" uses exponent notation; expected a plain decimal number`, hint);
  }
  if (numText.includes('_')) {
    return fail(
      `"${numText}" has digit separators (_); expected a plain decimal number`,
      `write ${numText.replaceAll('_', '')}${rest.trim()}`,
    );
  }
  rest = rest.replace(/^\s+/, '');
  if (frac === '.' || /^[.0-9]/.test(rest)) {
    return fail(`"${text}" is not a plain decimal number; expected ${expected}`);
  }
  if (numText.replace('.', '').length > MAX_DIGITS) {
    return fail(`"${numText}" has more than ${MAX_DIGITS} digits; expected ${expected}`);
  }
  const value = parseDecimal(numText)!;
  if (sign === '-' && value.num !== 0n) return fail(`negative value "${text}"; expected ${expected}`);
  return { ok: true, value, numText, unit: rest, text };
}

/** `('1.5', 3)` → `'1500'`: the plain form of a number written with an exponent. */
function expandExponent(numText: string, power: number): string {
  const [int, frac = ''] = numText.split('.');
  return shiftDecimal((int || '0') + frac, power - frac.length);
}

/** A plain decimal as {@link lexQuantity} reads it: optional sign, digits, optional fraction. */
const PLAIN_NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)$/;

/**
 * Checks the source text of a YAML or JSON number (`1e3`, `0x10`, `.inf`, `1.`) against the plain
 * decimal grammar above. A YAML/JSON number reaches the parsers as a JS value whose text no longer
 * shows how it was written, so the scenario reader checks the text itself with this.
 * @returns null for a plain decimal, else a failure with the plain form as a hint where there is one
 */
export function numberFormProblem(text: string): UnitFailure | null {
  if (PLAIN_NUMBER.test(text)) return null;
  const plain = 'expected a plain decimal number';
  const exp = /^([+-]?)([0-9]*(?:\.[0-9]*)?)[eE]([+-]?[0-9]+)$/.exec(text);
  if (exp && /[0-9]/.test(exp[2])) {
    const power = Number(exp[3]);
    const sign = exp[1] === '-' ? '-' : '';
    const hint = Math.abs(power) <= MAX_DIGITS ? `write ${sign}${expandExponent(exp[2], power)}` : undefined;
    return fail(`"${text}" uses exponent notation; ${plain}`, hint);
  }
  if (/^[+-]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(text)) {
    return fail(`"${text}" is not a finite number; ${plain}`);
  }
  const radix = /^0([xo])[0-9a-fA-F]+$/.exec(text);
  if (radix) {
    const base = radix[1] === 'x' ? 'a hexadecimal' : 'an octal';
    return fail(`"${text}" is ${base} number; ${plain}`, `write ${BigInt(text).toString()}`);
  }
  const dot = /^([+-]?[0-9]+)\.$/.exec(text);
  return fail(`"${text}" is not a plain decimal number; ${plain}`, dot ? `write ${dot[1]}` : undefined);
}

/** The standard failure for a number without the unit its quantity requires. */
export function bareNumber(numText: string, quantity: string, suggestion: string): UnitFailure {
  return fail(`bare number "${numText}" where a ${quantity} is required`, `did you mean ${suggestion}?`);
}
