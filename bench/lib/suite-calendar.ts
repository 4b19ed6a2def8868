/**
 * The `calendar` suite of the harness: `runCalendarBench` of `bench/calendar.ts` (capacity
 * calendars of links × 672 fifteen-minute slots over a week with clock changes, windows in 36
 * zones) at growing link counts. The suite times its own repetitions after a warm-up; its open-
 * slot count is the deterministic work counter and its byte total an output that must not move.
 */
import { runCalendarBench } from '../calendar.js';
import { peakRssMB } from './harness.js';
import type { BenchCase } from './result.js';
import { timeStats } from './stats.js';

/** Options of {@link calendarCases}. */
export interface CalendarSuiteOptions {
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

/** Runs the suite and returns its cases (quick: 500 and 2,000 links; full: up to 8,000). */
export function calendarCases(o: CalendarSuiteOptions): BenchCase[] {
  const sizes = o.quick ? [500, 2000] : [500, 2000, 8000];
  return sizes.map((links) => {
    const r = runCalendarBench({ quick: o.quick, out: null, links });
    o.log(`calendar ${links} links × ${r.slots} slots: median ${r.medianMs} ms of ${r.reps}`);
    return {
      id: `calendar/${links}-links-${r.slots}-slots`,
      suite: 'calendar',
      size: { links: r.links, slots: r.slots, windows: r.windows, zones: r.zones },
      basis: 'buildCalendars(scenario), one call per repetition after one untimed call',
      time: timeStats(r.timesMs),
      memory: { peakMB: peakRssMB(), basis: 'process-maxrss' },
      counters: { openSlots: r.openSlots },
      deterministic: true,
      ratios: {},
      outputs: { bytesTotal: r.bytesTotal },
    } satisfies BenchCase;
  });
}
