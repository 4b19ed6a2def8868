/**
 * Proleptic Gregorian calendar arithmetic on whole days since 1970-01-01, in plain integers.
 *
 * Used to read and write ISO 8601 instants without `Date` (whose two-digit-year rule maps year 50
 * to 1950 and whose parser accepts far more than SCENARIO.md allows). The algorithm counts days in
 * 400-year eras of 146 097 days with years starting on March 1 so that the leap day is last.
 * Reference: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil,
 * civil_from_days), https://howardhinnant.github.io/date_algorithms.html. O(1) each.
 */

/** True for Gregorian leap years. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to the date `y-m-d` (month 1–12, day 1–31). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400; // [0, 399]
  const mp = m > 2 ? m - 3 : m + 9; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** The date `[y, m, d]` of a day count since 1970-01-01 (inverse of {@link daysFromCivil}). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * Formats an instant (seconds since the epoch) as ISO 8601 UTC with whole seconds:
 * `2026-12-08T03:30:00Z`. Fractional seconds are floored (instants in wanplan are whole seconds).
 */
export function formatInstant(epochSeconds: number): string {
  const t = Math.floor(epochSeconds);
  const days = Math.floor(t / 86400);
  const secs = t - days * 86400;
  const [y, m, d] = civilFromDays(days);
  const p = (n: number) => String(n).padStart(2, '0');
  const year =
    y < 0
      ? `-${String(-y).padStart(6, '0')}`
      : y > 9999
        ? `+${String(y).padStart(6, '0')}`
        : String(y).padStart(4, '0');
  return `${year}-${p(m)}-${p(d)}T${p(Math.floor(secs / 3600))}:${p(Math.floor(secs / 60) % 60)}:${p(secs % 60)}Z`;
}
