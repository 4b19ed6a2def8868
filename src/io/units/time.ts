/**
 * Durations (`s min h d w`, exact seconds), latencies (`ms` and the duration units), times of day
 * (`"HH:MM"`) and instants (ISO 8601 with `Z` or `±hh:mm`, whole seconds).
 *
 * `d` is 86 400 s and `w` 604 800 s (SCENARIO.md: not calendar days). Compound durations
 * (`1h30min`) are refused with the single-unit equivalent as a hint.
 */
import { type Rational, rational, toNumber } from '../rational.js';
import { daysFromCivil, daysInMonth, formatInstant } from './civil.js';
import { decimalText } from './decimal.js';
import { bareNumber, lexQuantity } from './lex.js';
import { fail, ok, type UnitFailure, type UnitResult } from './result.js';

/** Duration units and their length in seconds. */
export const DURATION_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['s', 1n],
  ['min', 60n],
  ['h', 3600n],
  ['d', 86400n],
  ['w', 604800n],
]);

const DURATION_EXPECTED = 'a duration such as 15min, 1h or 7d';
const DURATION_WORDS: Readonly<Record<string, string>> = {
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  day: 'd',
  days: 'd',
  wk: 'w',
  week: 'w',
  weeks: 'w',
};

/** Value of a duration unit in seconds, or a failure explaining the unit. */
function durationUnit(unit: string, value: Rational, numText: string): bigint | UnitFailure {
  const seconds = DURATION_UNITS.get(unit);
  if (seconds !== undefined) return seconds;
  if (unit === 'ms') {
    const s = decimalText(rational(value.num, value.den * 1000n));
    return fail(
      `"ms" is only accepted for latencies; expected s, min, h, d or w`,
      s ? `write ${s}s` : undefined,
    );
  }
  if (/^(M|mo|mon|month|months|y|yr|yrs|year|years)$/.test(unit)) {
    return fail(`"${unit}" has no fixed length (months and years vary); expected s, min, h, d or w`);
  }
  const word = DURATION_WORDS[unit.toLowerCase()] ?? (unit === 'MIN' ? 'min' : undefined);
  const caseless = DURATION_UNITS.has(unit.toLowerCase()) ? unit.toLowerCase() : undefined;
  const better = word ?? caseless;
  return fail(
    `unknown duration unit "${unit}"; expected s, min, h, d or w`,
    better ? `did you mean ${numText}${better}?` : undefined,
  );
}

/** Recognises `1h30min`-style text and returns its single-unit form, or null. */
function compoundHint(text: string): string | null {
  const parts = [...text.matchAll(/([0-9]+(?:\.[0-9]+)?) ?([a-z]+)/g)];
  if (parts.length < 2 || parts.map((p) => p[0]).join('') !== text.replace(/(?<=[a-z]) (?=[0-9])/g, '')) {
    return null;
  }
  let total = rational(0n);
  let smallest = 0n;
  for (const [, num, unit] of parts) {
    const seconds = DURATION_UNITS.get(unit);
    if (seconds === undefined) return null;
    const lexed = lexQuantity(num, DURATION_EXPECTED);
    if (!lexed.ok) return null;
    total = rational(
      total.num * lexed.value.den + lexed.value.num * seconds * total.den,
      total.den * lexed.value.den,
    );
    if (smallest === 0n || seconds < smallest) smallest = seconds;
  }
  const name = [...DURATION_UNITS].find(([, s]) => s === smallest)![0];
  const amount = decimalText(rational(total.num, total.den * smallest));
  return amount === null ? null : `${amount}${name}`;
}

/**
 * Parses a duration to exact seconds (> 0): `15min` → 900, `1.5h` → 5400, `7d` → 604800.
 * Whether a duration must be a whole number of seconds (a slot) is the caller's rule.
 */
export function parseDuration(raw: string | number): UnitResult<Rational> {
  const lexed = lexQuantity(raw, DURATION_EXPECTED);
  if (!lexed.ok) return lexed;
  const { value, numText, unit, text } = lexed;
  if (unit === '') {
    return bareNumber(numText, 'duration', `${numText}s, ${numText}min or ${numText}h`);
  }
  if (/[0-9]/.test(unit)) {
    const hint = compoundHint(text);
    return fail(
      `compound duration "${text}" is not accepted; expected one number and one unit (s, min, h, d or w)`,
      hint ? `write ${hint}` : undefined,
    );
  }
  const seconds = durationUnit(unit, value, numText);
  if (typeof seconds !== 'bigint') return { ...seconds, message: `"${text}": ${seconds.message}` };
  if (value.num === 0n)
    return fail(`zero duration "${text}"; expected ${DURATION_EXPECTED}, greater than zero`);
  return ok(rational(value.num * seconds, value.den));
}

/**
 * Parses a latency to milliseconds (≥ 0): `8ms` → 8, `0.25s` → 250, `2min` → 120000. Accepts `ms`
 * and every duration unit (SCENARIO.md: `ms` is for latency only). Latencies are for path queries
 * and reports only, so a float is exact enough.
 */
export function parseLatency(raw: string | number): UnitResult<number> {
  const lexed = lexQuantity(raw, 'a latency such as 8ms or 0.2s');
  if (!lexed.ok) return lexed;
  const { value, numText, unit, text } = lexed;
  if (unit === '') return bareNumber(numText, 'latency', `${numText}ms`);
  if (unit === 'ms') return ok(toNumber(value));
  const seconds = DURATION_UNITS.get(unit);
  if (seconds !== undefined) return ok(toNumber(rational(value.num * seconds * 1000n, value.den)));
  const expected = `expected ms, s, min, h, d or w`;
  if (unit === 'us' || unit === 'µs') {
    const ms = decimalText(rational(value.num, value.den * 1000n));
    return fail(`unknown latency unit "${unit}" in "${text}"; ${expected}`, ms ? `write ${ms}ms` : undefined);
  }
  const lower = unit.toLowerCase();
  // `m` could be meant as ms or min: no guess.
  const better =
    lower === 'ms' || lower === 'msec'
      ? 'ms'
      : lower === 'm'
        ? undefined
        : (DURATION_WORDS[lower] ?? (DURATION_UNITS.has(lower) ? lower : undefined));
  return fail(
    `unknown latency unit "${unit}" in "${text}"; ${expected}`,
    better ? `did you mean ${numText}${better}?` : undefined,
  );
}

/**
 * Parses a time of day `"HH:MM"` (00:00–24:00) to minutes after midnight, 0–1440.
 * It must be text: YAML 1.2 reads an unquoted `22:00` as a string.
 */
export function parseTimeOfDay(raw: string | number): UnitResult<number> {
  if (typeof raw === 'number') {
    const guess =
      Number.isInteger(raw) && raw >= 0 && raw <= 24 ? ` "${String(raw).padStart(2, '0')}:00"` : '';
    return fail(
      `found the number ${raw}; expected a time of day "HH:MM" between 00:00 and 24:00`,
      guess ? `did you mean${guess}?` : undefined,
    );
  }
  const text = raw.trim();
  const m = /^([0-9]{1,2}):([0-9]{2})(:[0-9]{2})?$/.exec(text);
  if (!m) return fail(`"${text}" is not a time of day; expected "HH:MM" between 00:00 and 24:00`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  const canonical = `${m[1].padStart(2, '0')}:${m[2]}`;
  if (m[3] !== undefined) {
    return fail(
      `"${text}" has seconds; expected "HH:MM"`,
      m[3] === ':00' ? `write "${canonical}"` : undefined,
    );
  }
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) {
    return fail(`"${text}" is not a time of day; expected "HH:MM" between 00:00 and 24:00`);
  }
  if (m[1].length !== 2)
    return fail(`"${text}" needs two-digit hours; expected "HH:MM"`, `write "${canonical}"`);
  return ok(h * 60 + min);
}

const ISO_INSTANT =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})([Tt ])([0-9]{2}):([0-9]{2})(?::([0-9]{2})(\.[0-9]+)?)?(.*)$/;
const INSTANT_EXPECTED = 'an ISO 8601 instant such as 2026-12-05T00:00:00Z or 2026-12-05T18:00:00+01:00';

/**
 * Parses an ISO 8601 instant with `Z` or `±hh:mm` and whole seconds to seconds since the epoch.
 * Seconds may be omitted (`T18:00Z`). Refuses fractional seconds, a missing offset, `24:00`, leap
 * seconds and dates that do not exist (`2026-02-30`).
 */
export function parseInstant(raw: string | number): UnitResult<number> {
  if (typeof raw === 'number') {
    const hint =
      Number.isSafeInteger(raw) && raw >= 0 && raw < 253402300800
        ? `did you mean "${formatInstant(raw)}"?`
        : undefined;
    return fail(`found the number ${raw}; expected ${INSTANT_EXPECTED}`, hint);
  }
  const text = raw.trim();
  const m = ISO_INSTANT.exec(text);
  if (!m) {
    const dateOnly = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text);
    return fail(
      `"${text}" is not an instant; expected ${INSTANT_EXPECTED}`,
      dateOnly ? `add a time and an offset: ${text}T00:00:00Z` : undefined,
    );
  }
  const [, ys, mos, ds, sep, hs, mis, ss, fraction, zone] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs);
  const mi = Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  const date = `${ys}-${mos}-${ds}`;
  if (sep === ' ')
    return fail(
      `"${text}" separates date and time with a space; expected "T"`,
      `write ${date}T${text.slice(11)}`,
    );
  if (fraction !== undefined) {
    return fail(
      `"${text}" has fractional seconds; expected whole seconds`,
      `write ${text.replace(fraction, '')}`,
    );
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return fail(`"${text}": ${date} is not a date; expected ${INSTANT_EXPECTED}`);
  }
  if (h > 23 || mi > 59 || s > 59) {
    return fail(
      `"${text}": ${hs}:${mis}${ss === undefined ? '' : `:${ss}`} is not a time of day (00:00:00–23:59:59)`,
    );
  }
  const offset = offsetSeconds(zone, text);
  if (typeof offset !== 'number') return offset;
  return ok(daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset);
}

/** The UTC offset of an instant's zone designator in seconds, or a failure. */
function offsetSeconds(zone: string, text: string): number | UnitFailure {
  if (zone === 'Z' || zone === 'z') return 0;
  const m = /^([+-])([0-9]{2}):([0-9]{2})$/.exec(zone);
  if (m) {
    const h = Number(m[2]);
    const min = Number(m[3]);
    if (h > 23 || min > 59)
      return fail(`"${text}": offset ${zone} is out of range; expected ±hh:mm up to ±23:59`);
    return (m[1] === '-' ? -1 : 1) * (h * 3600 + min * 60);
  }
  if (zone === '') {
    return fail(
      `"${text}" has no UTC offset; expected ${INSTANT_EXPECTED}`,
      `add Z for UTC or an offset such as +01:00`,
    );
  }
  const compact = /^([+-])([0-9]{2})([0-9]{2})?$/.exec(zone);
  if (compact) {
    return fail(
      `"${text}": offset "${zone}" needs the form ±hh:mm`,
      `write ${compact[1]}${compact[2]}:${compact[3] ?? '00'}`,
    );
  }
  return fail(
    `"${text}": "${zone}" is not a UTC offset; expected Z or ±hh:mm (time zone names are not allowed here)`,
  );
}
