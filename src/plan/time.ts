/**
 * Instants of the plan document: ISO 8601 UTC without fractional seconds (PLAN.md).
 *
 * One formatter serves the whole codebase: the scenario layer's {@link formatInstant}
 * (`src/io/units/civil.ts`), which the plan document, the CLI and the calendar view share.
 */
import { formatInstant } from '../io/units/civil.js';

/** Formats epoch seconds (a whole number) as `2026-12-08T03:30:00Z`; see {@link formatInstant}. */
export const isoUtc: (seconds: number) => string = formatInstant;
