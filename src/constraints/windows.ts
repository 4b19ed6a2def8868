/**
 * A link's open time: its windows turned into disjoint UTC intervals with the share that applies.
 *
 * Model (SCENARIO.md "Windows"): window w opens on each local date d whose weekday is in
 * `w.days`, from local minute `fromMinute` of d to local minute `toMinute` of d, or of d + 1 when
 * `toMinute ≤ fromMinute` (`from == to` is therefore a full local day: 24 h of wall clock, 23 or
 * 25 h of real time on DST days, exactly like the whole-day window 00:00–24:00). Local times map
 * to instants with {@link ZoneClock} (compatible disambiguation). At each instant the largest
 * share among the active windows applies; outside every window the share is 0.
 *
 * Method: enumerate the occurrences of every window over the local dates that can touch the
 * horizon (a window that starts on date d ends by local midnight of d + 2), then sweep the
 * occurrence edges in time order keeping a count per share rank; the top non-empty rank is the
 * applying share. Adjacent pieces with the same share merge.
 *
 * Invariants of the result: intervals are sorted, disjoint, non-empty, inside [start, end) of the
 * horizon, with share in (0, 1]; touching intervals have different shares.
 *
 * Complexity: O(k log k + k·r) for k occurrences and r distinct shares of one link
 * (k ≈ windows × days of the horizon); no Temporal object is created unless a zone's day is new.
 *
 * Reference: SCENARIO.md, "Windows"; RFC 5545 §3.3.5 for the DST rule.
 */
import type { Horizon, ScenarioLink, Window } from '../io/model.js';
import { compare, ONE, type Rational } from '../io/rational.js';
import { weekdayOfDay, type ZoneClock, ZoneClocks } from './zone-clock.js';

/** One open interval of a link: instants in epoch seconds, `[start, end)`, and the share. */
export interface OpenInterval {
  /** First open second (epoch seconds, UTC). */
  readonly start: number;
  /** End, exclusive (epoch seconds, UTC). */
  readonly end: number;
  /** Part of the link's capacity usable for backups, exact, in (0, 1]. */
  readonly share: Rational;
}

/**
 * Open intervals in compact form for the slot filler: parallel arrays plus the share of each
 * rank (`shares[rank[i]]`), ranks ordered by increasing share.
 */
export interface OpenSegments {
  readonly starts: number[];
  readonly ends: number[];
  readonly ranks: number[];
  /** Distinct shares by rank, increasing. */
  readonly shares: Rational[];
}

/** Distinct shares of `windows`, increasing, and the rank of each window. */
function rankShares(windows: readonly Window[]): { shares: Rational[]; rankOf: number[] } {
  const shares: Rational[] = [];
  for (const w of windows) {
    if (!shares.some((s) => compare(s, w.share) === 0)) shares.push(w.share);
  }
  shares.sort(compare);
  const rankOf = windows.map((w) => shares.findIndex((s) => compare(s, w.share) === 0));
  return { shares, rankOf };
}

/**
 * Computes the open segments of a windowed link over the horizon.
 * @param windows - the link's windows (non-empty).
 * @throws RangeError naming the zone when a window's zone is unknown.
 */
export function openSegments(
  windows: readonly Window[],
  horizon: Horizon,
  clocks: ZoneClocks = new ZoneClocks(),
): OpenSegments {
  const h0 = horizon.start;
  const h1 = horizon.start + horizon.slots * horizon.slotSeconds;
  const { shares, rankOf } = rankShares(windows);

  // Occurrence edges as events: time, and +rank+1 (opens) or -(rank+1) (closes).
  const times: number[] = [];
  const deltas: number[] = [];
  for (let wi = 0; wi < windows.length; wi++) {
    const w = windows[wi];
    const clock: ZoneClock = clocks.get(w.timezone);
    const dayMask = w.days.reduce<number>((mask, d) => mask | (1 << d), 0);
    const endMinute = w.toMinute <= w.fromMinute ? w.toMinute + 1440 : w.toMinute;
    // A window starting on local date d ends by local midnight of d + 2; one starting after the
    // local date of the last second starts after the horizon.
    const first = clock.localDay(h0) - 2;
    const last = clock.localDay(h1 - 1);
    for (let d = first; d <= last; d++) {
      if ((dayMask & (1 << weekdayOfDay(d))) === 0) continue;
      const a = Math.max(clock.instant(d, w.fromMinute), h0);
      const b = Math.min(clock.instant(d, endMinute), h1);
      // b ≤ a: outside the horizon, or a window that opens inside a spring-forward gap and closes
      // at or before the gap's end (02:30–03:00 on a 02:00→03:00 night: 03:30 → 03:00, empty).
      if (b <= a) continue;
      times.push(a, b);
      deltas.push(rankOf[wi] + 1, -(rankOf[wi] + 1));
    }
  }

  const order = Array.from(times.keys()).sort((x, y) => times[x] - times[y]);
  const count = new Int32Array(shares.length + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const ranks: number[] = [];
  let top = -1; // rank in force, -1 = closed
  let since = 0;
  let i = 0;
  while (i < order.length) {
    const t = times[order[i]];
    // Apply every event at this instant before looking at the share: edges that touch do not
    // leave a zero-length gap or a zero-length piece.
    while (i < order.length && times[order[i]] === t) {
      const delta = deltas[order[i]];
      count[Math.abs(delta)] += delta > 0 ? 1 : -1;
      i++;
    }
    let next = -1;
    for (let r = shares.length; r >= 1; r--) {
      if (count[r] > 0) {
        next = r - 1;
        break;
      }
    }
    if (next === top) continue;
    if (top >= 0 && t > since) {
      const n = ranks.length;
      if (n > 0 && ends[n - 1] === since && ranks[n - 1] === top) ends[n - 1] = t;
      else {
        starts.push(since);
        ends.push(t);
        ranks.push(top);
      }
    }
    top = next;
    since = t;
  }
  return { starts, ends, ranks, shares };
}

/**
 * Open intervals of a link within the horizon, in UTC epoch seconds, with the share that applies
 * (the largest of the active windows). A link without windows is open over the whole horizon at
 * share 1. Used by `wanplan calendar` and reports.
 * @param clocks - optional zone cache shared between calls.
 * @throws RangeError when a window's zone is unknown.
 */
export function linkWindows(
  link: ScenarioLink,
  horizon: Horizon,
  clocks: ZoneClocks = new ZoneClocks(),
): { start: number; end: number; share: Rational }[] {
  if (link.windows === null) {
    const end = horizon.start + horizon.slots * horizon.slotSeconds;
    return end > horizon.start ? [{ start: horizon.start, end, share: ONE }] : [];
  }
  const seg = openSegments(link.windows, horizon, clocks);
  return seg.starts.map((start, k) => ({ start, end: seg.ends[k], share: seg.shares[seg.ranks[k]] }));
}
