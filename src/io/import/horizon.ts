/**
 * The horizon an imported scenario gets. Network files say nothing about time, but a scenario
 * needs a horizon to be valid, so the importer writes one and says in a comment which parts were
 * assumed: by default it starts on the next Saturday 00:00Z after the import (a weekend is when
 * bulk transfers usually begin), lasts 7d and is cut into 1h slots. `--start`, `--length` and
 * `--slot` set each part; a part given by the user is not called an assumption.
 */
import { UsageError } from '../../errors.js';
import type { DraftHorizon } from './draft.js';
import { parseDurationOption } from './quantities.js';

/** Horizon flags of `wanplan import`. */
export interface HorizonOptions {
  /** ISO 8601 instant with `Z` or `±hh:mm`, whole seconds. @defaultValue next Saturday 00:00Z after `now` */
  readonly start?: string;
  /** Duration (`7d`). @defaultValue `7d` */
  readonly length?: string;
  /** Slot duration (`1h`). @defaultValue `1h` */
  readonly slot?: string;
  /** The instant the default start is counted from. @defaultValue the current time */
  readonly now?: Date;
}

/** Default horizon length. */
export const DEFAULT_LENGTH = '7d';
/** Default slot. */
export const DEFAULT_SLOT = '1h';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/;

/** The next Saturday 00:00 UTC strictly after `now`, as `YYYY-MM-DDT00:00:00Z`. */
export function nextSaturdayUtc(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const ahead = (6 - day.getUTCDay() + 7) % 7 || 7;
  day.setUTCDate(day.getUTCDate() + ahead);
  return `${day.toISOString().slice(0, 10)}T00:00:00Z`;
}

/**
 * Resolves the horizon flags and returns the horizon with the comment lines naming what was assumed.
 * @throws UsageError for a malformed start, length or slot, or a length that is not a whole number of slots.
 */
export function resolveHorizon(options: HorizonOptions = {}): { horizon: DraftHorizon; notes: string[] } {
  const notes: string[] = [];
  let start = options.start;
  if (start === undefined) {
    start = nextSaturdayUtc(options.now ?? new Date());
    notes.push(
      `horizon.start ${start}: assumed (the next Saturday 00:00Z after the import; set with --start)`,
    );
  } else {
    const m = ISO.exec(start);
    if (!m || Number.isNaN(Date.parse(start))) {
      throw new UsageError(
        `--start: "${start}" is not an ISO 8601 instant with whole seconds and Z or an offset (e.g. 2026-12-05T00:00:00Z)`,
      );
    }
  }
  const length = options.length ?? DEFAULT_LENGTH;
  const slot = options.slot ?? DEFAULT_SLOT;
  const lengthSeconds = parseDurationOption(length, '--length');
  const slotSeconds = parseDurationOption(slot, '--slot');
  if (lengthSeconds % slotSeconds !== 0) {
    throw new UsageError(`--length ${length} is not a whole number of slots of ${slot}`);
  }
  if (options.length === undefined) notes.push(`horizon.length ${length}: assumed (set with --length)`);
  if (options.slot === undefined) notes.push(`horizon.slot ${slot}: assumed (set with --slot)`);
  return { horizon: { start, length, slot }, notes };
}
