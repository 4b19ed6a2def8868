/**
 * The horizon an imported scenario gets. Network files say nothing about time, but a scenario
 * needs a horizon to be valid, so the importer writes one and says in a comment which parts were
 * assumed: by default it starts at the fixed instant {@link DEFAULT_START} (a Saturday 00:00Z:
 * a weekend is when bulk transfers usually begin), lasts 7d and is cut into 1h slots. The default
 * never depends on the clock, so the same command on the same file writes the same scenario on
 * any day. `--start`, `--length` and `--slot` set each part; a part given by the user is not
 * called an assumption.
 */
import { UsageError } from '../../errors.js';
import type { DraftHorizon } from './draft.js';
import { parseDurationOption } from './quantities.js';

/** Horizon flags of `wanplan import`. */
export interface HorizonOptions {
  /** ISO 8601 instant with `Z` or `±hh:mm`, whole seconds. @defaultValue {@link DEFAULT_START} */
  readonly start?: string;
  /** Duration (`7d`). @defaultValue `7d` */
  readonly length?: string;
  /** Slot duration (`1h`). @defaultValue `1h` */
  readonly slot?: string;
}

/**
 * Default horizon start: Saturday 2026-12-05 00:00Z, a fixed instant (not "next Saturday"), so
 * that an import is reproducible. Set your own with `--start`.
 */
export const DEFAULT_START = '2026-12-05T00:00:00Z';
/** Default horizon length. */
export const DEFAULT_LENGTH = '7d';
/** Default slot. */
export const DEFAULT_SLOT = '1h';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/;

/**
 * Resolves the horizon flags and returns the horizon with the comment lines naming what was assumed.
 * @throws UsageError for a malformed start, length or slot, or a length that is not a whole number of slots.
 */
export function resolveHorizon(options: HorizonOptions = {}): { horizon: DraftHorizon; notes: string[] } {
  const notes: string[] = [];
  let start = options.start;
  if (start === undefined) {
    start = DEFAULT_START;
    notes.push(
      `horizon.start ${start}: assumed (wanplan's fixed default, a Saturday 00:00Z, so that the same import always writes the same file; set your own with --start)`,
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
