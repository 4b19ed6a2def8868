/**
 * IANA time zone checks with the platform's Intl data (no hand-made zone tables): a zone is
 * known when `Intl.DateTimeFormat` accepts it. Offsets such as `+01:00` are refused even where
 * the platform accepts them, since SCENARIO.md asks for IANA names (offsets have no DST rules).
 */
import { didYouMean } from './didYouMean.js';

const known = new Map<string, boolean>();
let names: readonly string[] | null = null;

/** True when `zone` is an IANA time zone name the platform knows (`UTC` included). */
export function isKnownTimeZone(zone: string): boolean {
  const cached = known.get(zone);
  if (cached !== undefined) return cached;
  let ok = zone !== '' && !/^[+-]/.test(zone);
  if (ok) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
    } catch {
      ok = false;
    }
  }
  known.set(zone, ok);
  return ok;
}

/** A known zone close to a misspelt one (`Europe/Berlim` → `Europe/Berlin`), or null. */
export function suggestTimeZone(zone: string): string | null {
  names ??= Intl.supportedValuesOf('timeZone');
  return didYouMean(zone, names);
}
