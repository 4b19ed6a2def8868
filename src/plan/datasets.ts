/**
 * The plan's `datasets[]` rows (PLAN.md "Fields"), from a decoded flow: shared by the max-flow and
 * the LP planner so that both read completion, dues and lateness the same way.
 *
 * - `delivered`: bytes stored per destination node, keys sorted;
 * - complete when `copies × wire` bytes are stored; `completed` is the end of the slot of the last
 *   byte (a dataset of zero bytes completes at the start of its ready slot);
 * - `met` = completed ≤ due; `lateSlots` = slots between the last slot whose end meets the due and
 *   the completing slot (0 when met; null without a due or when not complete).
 */
import type { Scenario } from '../io/model.js';
import type { DecodedFlow } from './decoded.js';
import { isoUtc } from './time.js';
import type { PlanDataset } from './types.js';

/** The `datasets[]` rows of a plan, sorted by id. */
export function planDatasets(scenario: Scenario, decoded: DecodedFlow): PlanDataset[] {
  const h = scenario.horizon;
  const rows = scenario.datasets.map((d, k): PlanDataset => {
    const delivered: Record<string, number> = {};
    let total = 0;
    for (const key of [...decoded.delivered[k].keys()].sort()) {
      delivered[key] = decoded.delivered[k].get(key) as number;
      total += delivered[key];
    }
    const complete = total >= d.copies * d.wire;
    const doneSlot = d.wire === 0 ? d.readySlot - 1 : decoded.lastSlot[k];
    const completedAt = complete ? h.start + (doneSlot + 1) * h.slotSeconds : null;
    let met: boolean | null = null;
    let lateSlots: number | null = null;
    if (d.due !== null) {
      met = completedAt !== null && completedAt <= d.due;
      if (completedAt !== null) {
        // The last slot whose end is at or before the due.
        const lastMeeting = Math.floor((d.due - h.start) / h.slotSeconds) - 1;
        lateSlots = met ? 0 : Math.max(1, doneSlot - lastMeeting);
      }
    }
    return {
      id: d.id,
      wireBytes: d.wire,
      delivered,
      completed: completedAt === null ? null : isoUtc(completedAt),
      due: d.due === null ? null : isoUtc(d.due),
      met,
      lateSlots,
    };
  });
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
