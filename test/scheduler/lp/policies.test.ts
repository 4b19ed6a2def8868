import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/program.js';
import { loadScenario } from '../../../src/io/scenario/index.js';
import { plan } from '../../../src/scheduler/planner.js';
import { verifyPlan } from '../../../src/verify/verify.js';
import { HEADER, scenarioOf } from '../helpers.js';
import { deliveredAt, lpPlanAndVerify } from './helpers.js';

const GB = 1_000_000_000;

describe('planLp on hand-made policy scenarios', () => {
  it('planLp(a dataset whose `to` excludes the fastest cloud) delivers it only where allowed', async () => {
    const { plan: p, violations } = await lpPlanAndVerify(
      scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: fast, kind: cloud, provider: aws }
  - { id: slow, kind: cloud, provider: gcp }
links:
  - { from: site, to: fast, capacity: 10GB/h }
  - { from: site, to: slow, capacity: 1GB/h }
datasets:
  - { id: resident, at: site, size: 5GB, to: [gcp] }
  - { id: anywhere, at: site, size: 20GB }
`),
    );
    expect(violations).toEqual([]);
    expect(p.status).toBe('complete');
    expect(p.datasets.find((d) => d.id === 'resident')?.delivered).toEqual({ slow: 5 * GB });
    expect(p.makespan?.slot).toBe(4);
    expect(p.lowerBound).toEqual({ slot: 4, method: 'multi-commodity LP (HiGHS)' });
    expect(p.notes[0]).toMatch(/^2 commodity class\(es\) for 2 dataset\(s\)/);
  });

  it('planLp(copies: 2 over an appliance and a cloud) stores one whole copy in each failure domain', async () => {
    const { plan: p, violations } = await lpPlanAndVerify(
      scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: box, kind: appliance, timezone: UTC, provider: onprem, capacity: 10GB }
  - { id: aws-1, kind: cloud, provider: aws }
  - { id: aws-2, kind: cloud, provider: aws }
links:
  - { from: site, to: box, capacity: 1GB/h }
  - { from: site, to: aws-1, capacity: 10GB/h }
  - { from: site, to: aws-2, capacity: 10GB/h }
datasets:
  - { id: vms, at: site, size: 4GB, to: [onprem, aws], copies: 2 }
`),
    );
    expect(violations).toEqual([]);
    expect(p.status).toBe('complete');
    const at = deliveredAt(p);
    expect(at.box).toBe(4 * GB);
    expect((at['aws-1'] ?? 0) + (at['aws-2'] ?? 0)).toBe(4 * GB);
    expect(p.makespan?.slot).toBe(3);
  });

  it('planLp(two deadlines competing for one link) meets both by sending the earlier due first', async () => {
    const { plan: p, violations } = await lpPlanAndVerify(
      scenarioOf(`${HEADER}
nodes:
  - { id: a, kind: site, timezone: UTC }
  - { id: b, kind: site, timezone: UTC }
  - { id: hub, kind: exchange, timezone: UTC }
  - { id: cloud, kind: cloud, provider: aws }
links:
  - { from: a, to: hub, capacity: 10GB/h }
  - { from: b, to: hub, capacity: 10GB/h }
  - { from: hub, to: cloud, capacity: 2GB/h }
datasets:
  - { id: urgent, at: a, size: 6GB, due: 2026-12-05T03:00:00Z }
  - { id: big, at: b, size: 8GB, due: 2026-12-05T07:00:00Z }
`),
    );
    expect(violations).toEqual([]);
    expect(p.datasets.map((d) => [d.id, d.met, d.lateSlots])).toEqual([
      ['big', true, 0],
      ['urgent', true, 0],
    ]);
    expect(p.makespan?.slot).toBe(6);
    expect(p.deliveries.filter((d) => d.slot < 3).every((d) => d.dataset === 'urgent')).toBe(true);
  });

  const costly = `${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: aws-1, kind: cloud, provider: aws }
  - { id: gcp-1, kind: cloud, provider: gcp }
links:
  - { from: site, to: aws-1, capacity: 4GB/h, cost: 0.09USD/GB }
  - { from: site, to: gcp-1, capacity: 1GB/h, cost: 0.01USD/GB }
datasets:
  - { id: d, at: site, size: 8GB, due: 2026-12-05T12:00:00Z }
`;

  it('planLp(objective min-cost) is cheaper than the earliest-completion plan and still meets the due', async () => {
    const s = scenarioOf(costly);
    const fast = await lpPlanAndVerify(s);
    const cheap = await lpPlanAndVerify(s, { objective: 'min-cost' });
    expect(fast.violations).toEqual([]);
    expect(cheap.violations).toEqual([]);
    expect(fast.plan.makespan?.slot).toBe(1);
    expect(cheap.plan.objective).toBe('min-cost');
    expect(cheap.plan.datasets[0].met).toBe(true);
    expect(cheap.plan.cost?.totalUsd).toBeCloseTo(0.08, 10);
    expect(cheap.plan.cost?.lowerBoundUsd).toBeCloseTo(0.08, 6);
    expect(fast.plan.cost?.totalUsd ?? 0).toBeGreaterThan(cheap.plan.cost?.totalUsd ?? 0);
    expect(cheap.plan.cost?.providers).toEqual([
      { provider: '(none)', bytes: 8 * GB, usd: cheap.plan.cost?.totalUsd },
    ]);
  });

  it('plan(scenario, { objective: "min-cost" }) dispatches a one-policy scenario to the LP planner', async () => {
    const p = await plan(scenarioOf(costly), { objective: 'min-cost' });
    expect(p.objective).toBe('min-cost');
    expect(deliveredAt(p)).toEqual({ 'gcp-1': 8 * GB });
  });

  it('planLp(an infeasible deadline) plans the smallest lateness and names the cut that stops it', async () => {
    const { plan: p, violations } = await lpPlanAndVerify(
      scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: other, kind: site, timezone: UTC }
  - { id: cloud, kind: cloud, provider: aws }
links:
  - { id: uplink, from: site, to: cloud, capacity: 1GB/h }
  - { from: other, to: cloud, capacity: 1GB/h }
datasets:
  - { id: db, at: site, size: 10GB, due: 2026-12-05T05:00:00Z }
  - { id: files, at: other, size: 2GB }
`),
    );
    expect(violations).toEqual([]);
    expect(p.status).toBe('complete');
    const db = p.datasets.find((d) => d.id === 'db');
    expect(db).toMatchObject({ met: false, lateSlots: 5, completed: '2026-12-05T10:00:00Z' });
    expect(p.notes).toContain('dataset db misses its due 2026-12-05T05:00:00Z by 5 slot(s)');
    expect(
      p.notes.some((n) => n.startsWith('db cannot meet the due even alone') && n.includes('link uplink')),
    ).toBe(true);
    expect(p.bottlenecks[0]).toMatchObject({ kind: 'link', id: 'uplink', slots: [0, 1, 2, 3, 4] });
  });

  it('planLp(copies in a domain the data cannot reach) is infeasible and says which dataset', async () => {
    const { plan: p, violations } = await lpPlanAndVerify(
      scenarioOf(`${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: box, kind: appliance, timezone: UTC, provider: onprem }
  - { id: cloud, kind: cloud, provider: aws }
links:
  - { from: site, to: cloud, capacity: 1GB/h }
datasets:
  - { id: vms, at: site, size: 2GB, to: [onprem, aws], copies: 2 }
`),
    );
    expect(violations).toEqual([]);
    expect(p.status).toBe('infeasible');
    expect(p.notes.some((n) => n.startsWith('dataset vms at site (ready slot 0) can reach 1 of the 2'))).toBe(
      true,
    );
    expect(deliveredAt(p)).toEqual({ cloud: 2 * GB });
  });

  it('plan(a provider egress cap over links from two nodes) falls back to the LP planner', async () => {
    const s = scenarioOf(`${HEADER}
providers: { aws: { egress: 2GB/h } }
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: aws-1, kind: cloud, provider: aws }
  - { id: aws-2, kind: cloud, provider: aws }
  - { id: gcp-1, kind: cloud, provider: gcp }
links:
  - { from: site, to: aws-1, capacity: 5GB/h }
  - { from: site, to: aws-2, capacity: 5GB/h }
  - { from: aws-1, to: gcp-1, capacity: 5GB/h }
  - { from: aws-2, to: gcp-1, capacity: 5GB/h }
datasets:
  - { id: d, at: site, size: 10GB, to: [gcp] }
`);
    const p = await plan(s);
    expect(verifyPlan(s, JSON.parse(JSON.stringify(p))).violations).toEqual([]);
    expect(p.lowerBound.method).toBe('multi-commodity LP (HiGHS)');
    expect(p.makespan?.slot).toBe(4);
    expect(p.bottlenecks.some((b) => b.kind === 'provider-egress' && b.id === 'aws')).toBe(true);
  });

  it('planLp(the same scenario twice) gives byte-identical documents', async () => {
    const s = scenarioOf(costly);
    const a = JSON.stringify(await lpPlanAndVerify(s).then((r) => r.plan));
    const b = JSON.stringify(await lpPlanAndVerify(s).then((r) => r.plan));
    expect(a).toBe(b);
  });
});

describe('examples/worldwide.yaml (acceptance)', () => {
  it('plan(worldwide.yaml) dispatches to the LP, completes at its lower bound, meets every due and verifies', async () => {
    const s = await loadScenario('examples/worldwide.yaml');
    const p = await plan(s);
    expect(verifyPlan(s, JSON.parse(JSON.stringify(p))).violations).toEqual([]);
    expect(p.status).toBe('complete');
    expect(p.lowerBound.method).toBe('multi-commodity LP (HiGHS)');
    expect(p.lowerBound.slot).toBe(p.makespan?.slot);
    expect(p.notes[0]).toMatch(/^9 commodity class\(es\) for 29 dataset\(s\)/);
    expect(p.datasets.filter((d) => d.due !== null).every((d) => d.met === true)).toBe(true);
    // Direct upload under the same policies: some datasets have no direct link to enough domains.
    expect(p.vsDirect?.status).toBe('infeasible');
    expect(p.vsDirect?.deliveredBytes).toBeGreaterThan(0);
    expect(p.bottlenecks.every((b) => b.kind !== 'copies')).toBe(true);
    for (const id of ['munich-vms', 'newyork-vms', 'sydney-vms']) {
      const d = p.datasets.find((x) => x.id === id);
      expect(Object.values(d?.delivered ?? {}).reduce((a, b) => a + b, 0)).toBe(2 * (d?.wireBytes ?? 0));
    }
  }, 180_000);
});

describe('wanplan plan with the LP options', () => {
  it('wanplan plan FILE --objective min-cost --check --export-lp model.mps --verbose writes the model and verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wanplan-lp-'));
    const file = join(dir, 'costly.yaml');
    writeFileSync(file, costlyText());
    const io = memoryIo();
    const code = await runCli(
      [
        'plan',
        file,
        '--objective',
        'min-cost',
        '--check',
        '--export-lp',
        join(dir, 'model.mps'),
        '--verbose',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout).toContain('(min-cost)');
    expect(io.stdout).toContain('check: the plan verifies');
    expect(io.stderr).toContain('LP size, classes, arcs on some source–sink path (pruned)');
    const mps = readFileSync(join(dir, 'model.mps'), 'utf8');
    expect(mps).toMatch(/^NAME/);
    expect(mps).toContain('ENDATA');
    const io2 = memoryIo();
    expect(await runCli(['plan', file, '--export-lp', join(dir, 'model.txt')], io2)).toBe(2);
    expect(await runCli(['plan', file, '--objective', 'cheapest'], memoryIo())).toBe(2);
  });
});

function costlyText(): string {
  return `${HEADER}
nodes:
  - { id: site, kind: site, timezone: UTC }
  - { id: aws-1, kind: cloud, provider: aws }
  - { id: gcp-1, kind: cloud, provider: gcp }
links:
  - { from: site, to: aws-1, capacity: 4GB/h, cost: 0.09USD/GB }
  - { from: site, to: gcp-1, capacity: 1GB/h, cost: 0.01USD/GB }
datasets:
  - { id: d, at: site, size: 8GB, due: 2026-12-05T12:00:00Z }
`;
}
