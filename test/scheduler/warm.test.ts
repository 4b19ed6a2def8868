/**
 * Warm re-solves of the max-flow planner give the same answers as cold ones: a flow truncated to
 * fewer slots completes to the same maximum, and the "what if" (warm, bound first) finds the same
 * makespan as a cold search on the network with the top bottleneck doubled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendars } from '../../src/constraints/calendars.js';
import { MaxFlowSolver } from '../../src/flow/maxflow.js';
import { buildFlowNetwork } from '../../src/flow/network.js';
import type { Scenario } from '../../src/io/model.js';
import { doubleElement } from '../../src/scheduler/bottlenecks.js';
import { ArcKind, buildTimeExpandedNetwork, type TimeExpandedNetwork } from '../../src/scheduler/network.js';
import { planSync } from '../../src/scheduler/planner.js';
import { classifyPolicy } from '../../src/scheduler/policy.js';
import { earliestCompletion, setSwitches, truncateFlow } from '../../src/scheduler/search.js';
import { buildTopology } from '../../src/topology/index.js';
import { HEADER, scenarioOf } from './helpers.js';
import { scenarioYaml } from './random-scenarios.js';

function networkOf(s: Scenario): { ten: TimeExpandedNetwork; fresh: () => MaxFlowSolver } {
  const policy = classifyPolicy(s);
  if (policy.kind !== 'single') throw new Error('one policy expected');
  const ten = buildTimeExpandedNetwork(buildTopology(s), buildCalendars(s), {
    quantum: 1_000_000,
    destinations: policy.destinations,
  });
  const net = buildFlowNetwork(ten.n, ten.tails, ten.heads, ten.caps, ten.arcCount);
  return { ten, fresh: () => new MaxFlowSolver(net, ten.source, ten.sink) };
}

/** Max-flow value with the slots < T enabled, from zero flow. */
function coldValue(ten: TimeExpandedNetwork, solver: MaxFlowSolver, T: number): number {
  setSwitches(solver, ten, 0, ten.slots, T);
  const r = solver.solve();
  if (r.status !== 'optimal') throw new Error(r.message);
  return r.value;
}

const KINDS: Record<string, number> = {
  link: ArcKind.LINK,
  'node-read': ArcKind.READ,
  'node-write': ArcKind.WRITE,
  'provider-egress': ArcKind.EGRESS,
  'provider-ingress': ArcKind.INGRESS,
  storage: ArcKind.HOLD,
  'appliance-capacity': ArcKind.APPCAP,
};

function indexOf(s: Scenario, kind: string, id: string): number {
  if (kind === 'link') return s.links.findIndex((l) => l.id === id);
  if (kind.startsWith('provider')) return s.providers.findIndex((p) => p.id === id);
  return s.nodes.findIndex((n) => n.id === id);
}

describe('warm re-solves', () => {
  it('truncateFlow(flow at T_hi, T) completes to the cold maximum flow at T', () => {
    fc.assert(
      fc.property(scenarioYaml, fc.double({ min: 0, max: 1, noNaN: true }), (yaml, where) => {
        const { ten, fresh } = networkOf(scenarioOf(yaml));
        if (ten.totalDemand === 0) return;
        const warm = fresh();
        const S = ten.slots;
        const full = coldValue(ten, warm, S);
        const flow = warm.flows();
        const T = Math.max(1, Math.min(S - 1, Math.floor(where * S)));
        // Raise nothing, restore the truncated preflow, then lower the switches ≥ T (they carry none).
        warm.restore(truncateFlow(ten, flow, T));
        setSwitches(warm, ten, T, S, T);
        const r = warm.solve();
        expect(r.status).toBe('optimal');
        expect(r.status === 'optimal' ? r.value : -1).toBe(coldValue(ten, fresh(), T));
        expect(full).toBeGreaterThanOrEqual(r.status === 'optimal' ? r.value : 0);
      }),
      { numRuns: 60 },
    );
  });

  it('plan(random scenario): the what-if slot equals a cold search with the top bottleneck doubled', () => {
    let checked = 0;
    fc.assert(
      fc.property(scenarioYaml, (yaml) => {
        const s = scenarioOf(yaml);
        const plan = planSync(s, { compareDirect: false });
        const note = plan.notes.find((n) => n.startsWith('what if: ') && n.includes('would'));
        if (plan.status !== 'complete' || note === undefined || plan.makespan === null) return;
        const top = plan.bottlenecks[0];
        const { ten, fresh } = networkOf(s);
        const solver = fresh();
        const doubled = doubleElement(solver, ten, {
          arcKind: KINDS[top.kind],
          index: indexOf(s, top.kind, top.id),
        });
        const cold = earliestCompletion(solver, doubled);
        const T = plan.makespan.slot + 1;
        if (cold.T === null || cold.T >= T) expect(note).toContain('would not finish sooner');
        else {
          expect(note).toContain(
            `would finish ${T - cold.T} slot(s) sooner (makespan slot ${cold.T - 1} instead`,
          );
        }
        checked++;
      }),
      { numRuns: 80 },
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('plan(a what-if whose bound is already the makespan) says it would not finish sooner', () => {
    // Two sequential links of 1 GB/h: doubling one leaves the other at 1 GB/h.
    const plan = planSync(
      scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: hub, kind: site, timezone: UTC }
  - { id: cloud, kind: cloud, provider: aws }
links:
  - { from: site, to: hub, capacity: 1GB/h }
  - { from: hub, to: cloud, capacity: 1GB/h }
datasets:
  - { id: d, at: site, size: 6GB }
`),
    );
    expect(plan.makespan?.slot).toBe(5);
    expect(plan.notes).toContain(
      `what if: with ${plan.bottlenecks[0].kind} ${plan.bottlenecks[0].id} at twice its capacity the plan would not finish sooner (other limits bind too)`,
    );
  });
});
