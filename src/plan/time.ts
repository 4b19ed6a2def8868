/**
 * Instants of the plan document: ISO 8601 UTC without fractional seconds (PLAN.md).
 */

/** Formats epoch seconds (a whole number) as `2026-12-08T03:30:00Z`. */
export function isoUtc(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
}
