/**
 * The comparison with naive direct upload (`vsDirect`, a PLAN.md extension), shared by both
 * planners: each planner solves the direct-only scenario its own way (max-flow on the `direct`
 * network, or the LP on it) and hands the outcome here, which turns it into the plan's field and
 * its sentence for people.
 *
 * Direct upload is the scenario as operators run it today: each dataset sent only over the links
 * from its origin straight to its allowed destinations — no relaying through other nodes, no
 * staging — under the same policies (destinations, copies, dues, caps). Its makespan is compared
 * with the plan's as a ratio of slot counts: (direct slot + 1) / (plan slot + 1).
 *
 * Reference: design/PLAN.md (extensions may be added); issue "Planner", item 5.
 */
import type { Scenario } from '../io/model.js';
import { formatBytes } from '../io/units.js';
import { isoUtc } from './time.js';
import type { PlanStatus, SlotEnd, VsDirect } from './types.js';

/** What a planner found for the direct-only scenario. */
export interface DirectOutcome {
  /** `complete`, `partial`, or `infeasible` (some dataset has no direct link it can use at all). */
  readonly status: PlanStatus;
  /** Last slot with a delivery when complete (−1 when there is nothing to deliver), else null. */
  readonly lastSlot: number | null;
  /** Bytes direct upload delivers within the horizon (every copy counted). */
  readonly deliveredBytes: number;
}

/** `2026-12-12 04:00 UTC` for an ISO instant. */
export function utcText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Bytes every dataset needs delivered, every copy counted. */
export function totalReleasedBytes(scenario: Scenario): number {
  return scenario.datasets.reduce((s, d) => s + d.copies * d.wire, 0);
}

/** Builds the `vsDirect` field from the direct outcome and this plan's makespan. */
export function vsDirectOf(scenario: Scenario, direct: DirectOutcome, makespan: SlotEnd | null): VsDirect {
  const h = scenario.horizon;
  const dMakespan =
    direct.status === 'complete' && direct.lastSlot !== null && direct.lastSlot >= 0
      ? { slot: direct.lastSlot, end: isoUtc(h.start + (direct.lastSlot + 1) * h.slotSeconds) }
      : null;
  const speedup =
    dMakespan !== null && makespan !== null
      ? Math.round(((dMakespan.slot + 1) / (makespan.slot + 1)) * 1000) / 1000
      : null;
  let note: string;
  if (dMakespan !== null && makespan !== null && speedup !== null) {
    const how =
      speedup > 1
        ? `this plan finishes ${speedup}× sooner`
        : speedup === 1
          ? 'direct upload is as fast here'
          : 'this plan ends later (its LP optimum, rounded to whole quanta, needed extra slots)';
    note =
      `direct upload (origin → destination links only, no relaying, no staging) ends in slot ${dMakespan.slot} ` +
      `(${utcText(dMakespan.end)}); this plan in slot ${makespan.slot} (${utcText(makespan.end)}): ${how}`;
  } else if (dMakespan !== null) {
    note = `direct upload (origin → destination links only, no relaying, no staging) ends in slot ${dMakespan.slot} (${utcText(dMakespan.end)})`;
  } else if (direct.status === 'complete') {
    note = 'direct upload has nothing to deliver either';
  } else {
    note =
      `direct upload does not finish within the horizon: ${formatBytes(direct.deliveredBytes)} of ` +
      `${formatBytes(totalReleasedBytes(scenario))} delivered` +
      (direct.status === 'infeasible'
        ? ' (some datasets have no direct link to enough allowed destinations)'
        : '');
  }
  return { status: direct.status, makespan: dMakespan, deliveredBytes: direct.deliveredBytes, speedup, note };
}

/** The summary line of `wanplan plan` for a `vsDirect` field (without the `vs direct upload:` lead). */
export function vsDirectLine(scenario: Scenario, v: VsDirect): string {
  if (v.makespan !== null && v.speedup !== null) {
    const ratio = v.speedup === 1 ? 'as fast' : `${v.speedup}× ${v.speedup > 1 ? 'sooner' : 'later'}`;
    return `${ratio} (direct: slot ${v.makespan.slot}, ${utcText(v.makespan.end)})`;
  }
  if (v.status === 'complete' && v.makespan === null) return 'direct upload has nothing to deliver either';
  if (v.status === 'complete' && v.makespan !== null) {
    return `direct upload ends in slot ${v.makespan.slot} (${utcText(v.makespan.end)})`;
  }
  return (
    `direct upload does not finish within the horizon: ${formatBytes(v.deliveredBytes)} of ` +
    `${formatBytes(totalReleasedBytes(scenario))} delivered` +
    (v.status === 'infeasible' ? ' (some datasets have no usable direct link)' : '')
  );
}
