import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/io/model.js';
import { formatViolation } from '../../src/verify/report.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { clone, planA, planB, planC, scenarioA, scenarioB, scenarioC, slotStart } from './fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: corruptions write arbitrary values into plans.
type Loose = any;

interface Case {
  readonly name: string;
  readonly scenario: Scenario;
  readonly plan: () => Loose;
}

const CASES: readonly Case[] = [
  { name: 'A', scenario: scenarioA(), plan: planA },
  { name: 'B', scenario: scenarioB(), plan: planB },
  { name: 'C-partial', scenario: scenarioC('appliance'), plan: () => planC('appliance') },
  { name: 'C-infeasible', scenario: scenarioC('exchange'), plan: () => planC('exchange') },
];

type Table = 'transfers' | 'deliveries' | 'storage' | 'datasets';

/**
 * One corruption: which table, which row (an index taken modulo the table size), an operation and
 * an amount. Every operation changes the document (amounts are non-zero, replacements differ from
 * the value they replace), so the result must never be valid.
 */
interface Corruption {
  readonly table: Table;
  readonly row: number;
  readonly op:
    | 'bytes'
    | 'slot'
    | 'delete'
    | 'duplicate'
    | 'swap'
    | 'field'
    | 'fraction'
    | 'insert-storage'
    | 'top';
  readonly amount: number;
}

const corruption: fc.Arbitrary<Corruption> = fc.record({
  table: fc.constantFrom<Table>('transfers', 'deliveries', 'storage', 'datasets'),
  row: fc.nat(50),
  op: fc.constantFrom(
    'bytes',
    'slot',
    'delete',
    'duplicate',
    'swap',
    'field',
    'fraction',
    'insert-storage',
    'top',
  ),
  amount: fc.oneof(fc.integer({ min: -1000, max: -1 }), fc.integer({ min: 1, max: 1000 })),
});

const TOP_FIELDS = ['status', 'makespan', 'horizon', 'scenario', 'lowerBound'] as const;

/** Applies a corruption; returns false when it does not apply to this plan (e.g. an empty table). */
function corrupt(plan: Loose, c: Corruption, scenario: Scenario): boolean {
  const rows: Loose[] = plan[c.table];
  if (c.op === 'top') {
    const f = TOP_FIELDS[Math.abs(c.amount) % TOP_FIELDS.length];
    if (f === 'status') plan.status = plan.status === 'complete' ? 'partial' : 'complete';
    else if (f === 'makespan') plan.makespan = plan.makespan === null ? { slot: 0, end: slotStart(1) } : null;
    else if (f === 'horizon') plan.horizon.slots += c.amount;
    else if (f === 'scenario') plan.scenario = `${plan.scenario}-x`;
    else plan.lowerBound.slot = plan.status === 'complete' ? scenario.horizon.slots : 0;
    return true;
  }
  if (c.op === 'insert-storage') {
    // A staging row at a node and slot with nothing staged: a new (slot, node) key.
    const used = new Set(plan.storage.map((r: Loose) => `${r.slot}/${r.node}`));
    const slot = Math.abs(c.amount) % scenario.horizon.slots;
    const node = scenario.nodes.find((n) => !used.has(`${slot}/${n.id}`));
    if (!node) return false;
    plan.storage.push({ slot, node: node.id, bytes: Math.abs(c.amount) });
    plan.storage.sort(
      (a: Loose, b: Loose) => a.slot - b.slot || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0),
    );
    return true;
  }
  if (rows.length === 0) return false;
  const i = c.row % rows.length;
  const r = rows[i];
  switch (c.op) {
    case 'bytes':
      if (c.table === 'datasets') r.wireBytes += c.amount;
      else r.bytes += c.amount;
      return true;
    case 'fraction':
      if (c.table === 'datasets') r.wireBytes += 0.5;
      else r.bytes += 0.25;
      return true;
    case 'slot':
      if (c.table === 'datasets') return false;
      r.slot += c.amount % 3 === 0 ? (c.amount > 0 ? 1 : -1) : c.amount % 3;
      return true;
    case 'delete':
      rows.splice(i, 1);
      return true;
    case 'duplicate':
      rows.splice(i, 0, clone(r));
      return true;
    case 'swap': {
      if (rows.length < 2) return false;
      const j = (i + 1) % rows.length;
      [rows[i], rows[j]] = [rows[j], rows[i]];
      return true;
    }
    case 'field': {
      if (c.table === 'datasets') {
        const keys = ['completed', 'met', 'lateSlots', 'due', 'delivered'] as const;
        const k = keys[Math.abs(c.amount) % keys.length];
        if (k === 'completed') r.completed = r.completed === null ? slotStart(1) : null;
        else if (k === 'met')
          r.met = r.met !== true; // null or false → true, true → false
        else if (k === 'lateSlots') r.lateSlots = r.lateSlots === null ? 0 : r.lateSlots + 1;
        else if (k === 'due') r.due = r.due === null ? slotStart(1) : null;
        else r.delivered = { ...r.delivered, [scenario.nodes[0].id]: Math.abs(c.amount) };
        return true;
      }
      // Re-point the row to another node / link.
      if (c.table === 'transfers') {
        const others = scenario.links.filter((l) => l.id !== r.link);
        if (others.length === 0) return false;
        const l = others[Math.abs(c.amount) % others.length];
        Object.assign(r, { link: l.id, from: l.from, to: l.to });
      } else {
        const others = scenario.nodes.filter((n) => n.id !== r.node);
        r.node = others[Math.abs(c.amount) % others.length].id;
      }
      return true;
    }
  }
  return false;
}

describe('verifyPlan under random corruption (fast-check)', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('the valid plan %s is accepted', (_name, c) => {
    expect(verifyPlan(c.scenario, c.plan()).violations.map(formatViolation)).toEqual([]);
  });

  test('every corrupted plan is rejected, with at least one violation, and never a throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES),
        fc.array(corruption, { minLength: 1, maxLength: 3 }),
        (c, corruptions) => {
          const plan = clone(c.plan());
          // Apply the corruptions in turn; keep only plans that some corruption actually changed.
          const before = JSON.stringify(plan);
          let applied = false;
          for (const k of corruptions) applied = corrupt(plan, k, c.scenario) || applied;
          fc.pre(applied && JSON.stringify(plan) !== before);
          const report = verifyPlan(c.scenario, plan);
          expect(report.ok).toBe(false);
          expect(report.violations.length).toBeGreaterThan(0);
          for (const v of report.violations) expect(v.message).not.toMatch(/NaN|undefined/);
        },
      ),
      { numRuns: 400 },
    );
  });
});
