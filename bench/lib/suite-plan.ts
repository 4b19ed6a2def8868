/**
 * The `plan` suite of the harness: the earliest-completion planner (`runPlanBench` of
 * `bench/plan.ts`, one call per repetition under tinybench) on the seeded worldwide scenario of
 * `bench/lib/scenario-gen.ts`, at two sizes and each with 15- and 7.5-minute slots over 7 days.
 * The time is the planner's own (calendars … direct upload, without generating, parsing and
 * verifying), handed to tinybench as the sample; network size, max-flow solves, pushes and
 * relabels are the counters.
 */

import { runPlanBench } from '../plan.js';
import { type CaseSpec, measureCase } from './harness.js';
import type { BenchCase, Ratio } from './result.js';
import type { ScenarioGenOptions } from './scenario-gen.js';
import { sig4 } from './stats.js';

/** The quick size: a fifth of the scenario (80 sites, 500 links). */
const SMALL: ScenarioGenOptions = { sites: 80, clouds: 12, exchanges: 4, links: 500 };
/** The size (300 sites, 40 clouds, 8 exchanges, 2,000 links). */
const FULL: ScenarioGenOptions = {};

function planSpec(gen: ScenarioGenOptions, slotSeconds: number, reps: number): CaseSpec {
  const sites = gen.sites ?? 300;
  const slots = (7 * 86_400) / slotSeconds;
  return {
    id: `plan/${sites}-sites/${slots}-slots`,
    suite: 'plan',
    size: { sites, links: gen.links ?? 2000, slots },
    basis: 'planSync with calendars (phases calendars … direct upload), one call per repetition',
    reps,
    warmup: 0,
    run: () => {
      const r = runPlanBench({
        scenario: { seed: 20261125, ...gen, slotSeconds },
        doubleSlots: false,
        out: null,
      });
      const p = r.runs[0];
      return {
        durationMs: p.planMs,
        counters: {
          networkNodes: p.networkNodes,
          networkArcs: p.networkArcs,
          maxFlowSolves: p.maxFlowSolves,
          pushes: p.pushes,
          relabels: p.relabels,
        },
        outputs: {
          status: p.status,
          makespanSlot: p.makespanSlot,
          transfers: p.transfers,
          verified: p.verified,
        },
        extra: { phasesMs: p.phasesMs, totalMs: p.totalMs },
      };
    },
  };
}

/** Options of {@link planCases}. */
export interface PlanSuiteOptions {
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

/** Runs the suite and returns its cases; the doubled-slot case carries its time ratio to the base. */
export async function planCases(o: PlanSuiteOptions): Promise<BenchCase[]> {
  const sizes = o.quick ? [SMALL] : [SMALL, FULL];
  const cases: BenchCase[] = [];
  for (const gen of sizes) {
    const base = await measureCase(planSpec(gen, 900, 3));
    let doubled = await measureCase(planSpec(gen, 450, 3));
    if (base.time && doubled.time) {
      const ratio: Ratio = {
        value: sig4(doubled.time.medianMs / base.time.medianMs),
        oursMs: doubled.time.medianMs,
        referenceMs: base.time.medianMs,
        gate: false,
        basis: 'plan time with twice the slots / plan time (target ≤ 2.2; a growth figure, not gated)',
      };
      doubled = { ...doubled, ratios: { [`${base.size.slots}-slot run`]: ratio } };
    }
    for (const c of [base, doubled])
      o.log(`${c.id}: median ${c.time?.medianMs} ms, ${JSON.stringify(c.counters)}`);
    cases.push(base, doubled);
  }
  return cases;
}
