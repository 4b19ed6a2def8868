import { describe, expect, test } from 'vitest';
import { buildCalendars } from '../../src/constraints/index.js';
import type { Scenario } from '../../src/io/model.js';
import { formatViolation, type Violation } from '../../src/verify/report.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { clone, planA, planB, planC, SLOT, scenarioA, scenarioB, scenarioC, slotStart } from './fixtures.js';

type AnyPlan = ReturnType<typeof planA> | ReturnType<typeof planB> | ReturnType<typeof planC>;
// biome-ignore lint/suspicious/noExplicitAny: corruption tests write arbitrary values into plans.
type Loose = any;

function rulesOf(violations: readonly Violation[]): string[] {
  return violations.map((v) => v.rule);
}

describe('verifyPlan accepts valid hand-made plans', () => {
  test.each([
    ['store-and-forward through a staging appliance (A)', scenarioA(), planA()],
    ['two copies in two failure domains, egress and read caps, zero-byte dataset (B)', scenarioB(), planB()],
    [
      'infeasible: windows that never line up across an exchange (C)',
      scenarioC('exchange'),
      planC('exchange'),
    ],
    [
      'partial: staging makes it reachable, the horizon is too short (C)',
      scenarioC('appliance'),
      planC('appliance'),
    ],
  ])('%s', (_name, scenario, plan) => {
    const report = verifyPlan(scenario, plan);
    expect(report.violations.map(formatViolation)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  test('verifyPlan(scenario, plan, { calendars }) uses the given calendars', () => {
    const s = scenarioA();
    const cal = buildCalendars(s);
    expect(verifyPlan(s, planA(), { calendars: cal }).ok).toBe(true);
    const tight = { ...cal, links: cal.links.map((row) => row.map((v) => (v > 0 ? 1 : 0))) };
    expect(rulesOf(verifyPlan(s, planA(), { calendars: tight }).violations)).toContain('link-capacity');
  });

  test('extra fields are allowed anywhere (the project may add fields)', () => {
    const p: Loose = clone(planA());
    p.vsDirect = { status: 'complete', makespan: null, deliveredBytes: 0, speedup: null, note: '' };
    p.transfers[0].extra = true;
    p.datasets[0].cost = 3;
    expect(verifyPlan(scenarioA(), p).ok).toBe(true);
  });
});

interface Corruption {
  readonly name: string;
  readonly scenario: () => Scenario;
  readonly plan: () => AnyPlan;
  readonly mutate: (p: Loose) => void;
  readonly rule: string;
  readonly message: RegExp;
  /** The row the violation must name, as `table[index]`. */
  readonly row?: string;
}

const A = { scenario: () => scenarioA(), plan: planA };
const B = { scenario: () => scenarioB(), plan: planB };

const CORRUPTIONS: Corruption[] = [
  {
    name: 'a transfer over its link capacity',
    ...A,
    mutate: (p) => {
      p.transfers[0].bytes = 700; // munich->dedup carries 600 per slot
      p.storage[0].bytes = 700;
      p.storage[1].bytes = 700;
      p.storage[2].bytes = 300;
      p.transfers[7].bytes = 300;
      p.transfers[6].bytes = 300;
      p.deliveries[2].bytes = 300;
      p.datasets[0].delivered['aws-eu'] = 1100;
    },
    rule: 'link-capacity',
    message: /^700 bytes exceed the link's capacity 600 in slot 1$/,
    row: 'transfers[0]',
  },
  {
    name: 'a transfer before the ready slot',
    ...A,
    mutate: (p) => {
      p.transfers[0].slot = 0;
      p.storage[0].slot = 0;
      p.storage.splice(1, 0, { slot: 1, node: 'dedup', bytes: 600 });
    },
    rule: 'before-ready',
    message: /^dataset vms moves in slot 0, before its ready slot 1$/,
    row: 'transfers[0]',
  },
  {
    name: 'conservation broken (more leaves a node than is there)',
    ...A,
    mutate: (p) => {
      p.transfers[6].bytes = 300; // dedup holds only 200 at the end of slot 3
      p.transfers[7].bytes = 300;
      p.deliveries[2].bytes = 300;
    },
    rule: 'conservation',
    message:
      /^dataset vms at node dedup in slot 4: 300 bytes leave .* but only 200 are there .*held would be -100$/,
    row: 'transfers[6]',
  },
  {
    name: 'bytes held at an exchange',
    ...A,
    mutate: (p) => {
      p.transfers[2].bytes = 300; // ix keeps 100 of slot 2
      p.deliveries[0].bytes = 300;
      p.transfers[5].bytes = 500;
      p.deliveries[1].bytes = 500;
    },
    rule: 'hold-exchange',
    message: /^dataset vms holds 100 bytes at exchange ix at the end of slot 2; exchanges hold nothing$/,
    row: 'transfers[1]',
  },
  {
    name: 'bytes held at a cloud without storage (a delivery missing)',
    ...A,
    mutate: (p) => {
      p.deliveries.splice(2, 1);
      p.datasets[0].delivered['aws-eu'] = 800;
    },
    rule: 'hold-no-storage',
    message: /^dataset vms holds 200 bytes at node aws-eu at the end of slot 4, but aws-eu has no storage/,
    row: 'transfers[7]',
  },
  {
    name: 'a storage row that does not match the staged bytes',
    ...A,
    mutate: (p) => {
      p.storage[1].bytes = 500;
    },
    rule: 'storage-row',
    message: /^the row says 500 bytes, but the transfers and deliveries leave 600 staging bytes at dedup/,
    row: 'storage[1]',
  },
  {
    name: 'a missing storage row',
    ...A,
    mutate: (p) => {
      p.storage.splice(0, 2);
    },
    rule: 'storage-row',
    message:
      /^node dedup holds 600 staging bytes at the end of slot 1, but the plan has no storage row for it \(unchanged through slot 2\)$/,
  },
  {
    name: 'staging over the node storage',
    scenario: () => scenarioA({ dedupStorage: 500 }),
    plan: planA,
    mutate: () => {},
    rule: 'storage-limit',
    message:
      /^node dedup holds 600 staging bytes at the end of slot 1, over its storage 500 bytes \(unchanged through slot 2\)$/,
    row: 'storage[0]',
  },
  {
    name: 'a delivery at a destination the dataset does not allow',
    ...A,
    mutate: (p) => {
      p.transfers.push({
        slot: 5,
        link: 'munich->gcp-eu',
        from: 'munich',
        to: 'gcp-eu',
        dataset: 'vms',
        bytes: 10,
      });
      p.deliveries.push({ slot: 5, node: 'gcp-eu', dataset: 'vms', bytes: 10 });
    },
    rule: 'destination',
    message: /^node gcp-eu is not an allowed destination of dataset vms \(allowed: aws-eu\)$/,
    row: 'deliveries[3]',
  },
  {
    name: 'a delivery at the dataset origin',
    ...A,
    mutate: (p) => {
      p.deliveries.push({ slot: 5, node: 'munich', dataset: 'vms', bytes: 5 });
    },
    rule: 'origin-delivery',
    message: /^dataset vms is delivered at its own origin munich$/,
    row: 'deliveries[3]',
  },
  {
    name: 'delivered not equal to the sum of deliveries',
    ...A,
    mutate: (p) => {
      p.datasets[0].delivered['aws-eu'] = 999;
    },
    rule: 'delivered-sum',
    message: /^delivered says 999 bytes at aws-eu, but its deliveries there sum to 1000$/,
    row: 'datasets[0]',
  },
  {
    name: 'two copies in one failure domain',
    ...B,
    mutate: (p) => {
      for (const t of p.transfers) if (t.to === 'vault') Object.assign(t, { link: 'sp->aws-2', to: 'aws-2' });
      for (const d of p.deliveries) if (d.node === 'vault') d.node = 'aws-2';
      p.transfers.sort((x: Loose, y: Loose) => x.slot - y.slot || (x.link < y.link ? -1 : 1));
      p.deliveries.sort((x: Loose, y: Loose) => x.slot - y.slot || (x.node < y.node ? -1 : 1));
      p.datasets[0].delivered = { 'aws-1': 300, 'aws-2': 700 };
    },
    rule: 'domain-copy',
    message: /^failure domain aws now holds 700 bytes of dataset db, more than its 500 wire bytes/,
  },
  {
    name: 'a dataset reported complete without all its copies',
    ...B,
    mutate: (p) => {
      p.transfers.splice(7, 1); // sp->vault db 100 in slot 1
      p.deliveries.splice(5, 1);
      p.datasets[0].delivered.vault = 400;
    },
    rule: 'copies',
    message:
      /^completed is "2026-12-05T02:00:00Z", but the dataset is not complete: 900 of 1000 bytes \(2 × 500\)/,
    row: 'datasets[0]',
  },
  {
    name: 'wrong status',
    ...A,
    mutate: (p) => {
      p.status = 'partial';
    },
    rule: 'status',
    message: /^status is "partial", expected "complete": every dataset is delivered with all its copies$/,
  },
  {
    name: 'partial where the scenario is infeasible',
    scenario: () => scenarioC('exchange'),
    plan: () => planC('exchange'),
    mutate: (p) => {
      p.status = 'partial';
    },
    rule: 'status',
    message:
      /^status is "partial", expected "infeasible": dataset d cannot reach 1 distinct allowed failure domain within the horizon \(reachable: none\)$/,
  },
  {
    name: 'infeasible where staging makes it reachable',
    scenario: () => scenarioC('appliance'),
    plan: () => planC('appliance'),
    mutate: (p) => {
      p.status = 'infeasible';
    },
    rule: 'status',
    message: /^status is "infeasible", expected "partial"/,
  },
  {
    name: 'wrong makespan',
    ...A,
    mutate: (p) => {
      p.makespan = { slot: 5, end: slotStart(6) };
    },
    rule: 'makespan',
    message: /^makespan is \{"slot":5,.*expected \{"slot":4,"end":"2026-12-05T05:00:00Z"\}/,
  },
  {
    name: 'wrong completed',
    ...A,
    mutate: (p) => {
      p.datasets[0].completed = slotStart(4);
    },
    rule: 'completed',
    message: /^completed is "2026-12-05T04:00:00Z", expected "2026-12-05T05:00:00Z"$/,
    row: 'datasets[0]',
  },
  {
    name: 'wrong met',
    ...B,
    mutate: (p) => {
      p.datasets[0].met = true;
    },
    rule: 'met',
    message: /^met is true, expected false$/,
    row: 'datasets[0]',
  },
  {
    name: 'wrong lateSlots',
    ...B,
    mutate: (p) => {
      p.datasets[0].lateSlots = 0;
    },
    rule: 'late-slots',
    message: /^lateSlots is 0, expected 1$/,
  },
  {
    name: 'a zero-byte dataset completed at the end of its ready slot instead of its start',
    ...B,
    mutate: (p) => {
      p.datasets[1].completed = slotStart(3);
    },
    rule: 'completed',
    message: /^completed is "2026-12-05T03:00:00Z", expected "2026-12-05T02:00:00Z"$/,
  },
  {
    name: 'wrong due',
    ...A,
    mutate: (p) => {
      p.datasets[0].due = '2026-12-05T05:00:00+00:00';
    },
    rule: 'due',
    message: /^due is "2026-12-05T05:00:00\+00:00", expected "2026-12-05T05:00:00Z"$/,
  },
  {
    name: 'wrong wireBytes',
    ...A,
    mutate: (p) => {
      p.datasets[0].wireBytes = 1001;
    },
    rule: 'wire-bytes',
    message: /^wireBytes is 1001, but the dataset puts 1000 bytes on the wire$/,
  },
  {
    name: 'bad sort order of transfers',
    ...A,
    mutate: (p) => {
      [p.transfers[1], p.transfers[2]] = [p.transfers[2], p.transfers[1]];
    },
    rule: 'sort-order',
    message:
      /^out of order: transfers are sorted by slot, link, dataset, but it follows transfers\[1\], which sorts after it$/,
    row: 'transfers[2]',
  },
  {
    name: 'a duplicate delivery row',
    ...A,
    mutate: (p) => {
      p.deliveries[0].bytes = 200;
      p.deliveries.splice(1, 0, { ...p.deliveries[0] });
    },
    rule: 'sort-order',
    message: /^duplicate of deliveries\[0\]: one row per \(slot, node, dataset\)$/,
    row: 'deliveries[1]',
  },
  {
    name: 'datasets not sorted by id',
    ...B,
    mutate: (p) => {
      p.datasets.reverse();
    },
    rule: 'sort-order',
    message: /^out of order: datasets are sorted by id/,
  },
  {
    name: 'non-integer bytes',
    ...A,
    mutate: (p) => {
      p.transfers[3].bytes = 399.5;
    },
    rule: 'integer',
    message: /^bytes is 399\.5, not an integer below 2\^53$/,
    row: 'transfers[3]',
  },
  {
    name: 'bytes beyond 2^53',
    ...A,
    mutate: (p) => {
      p.deliveries[0].bytes = 2 ** 53 + 2;
    },
    rule: 'integer',
    message: /^bytes is 9007199254740994, not an integer below 2\^53$/,
    row: 'deliveries[0]',
  },
  {
    name: 'an appliance over its capacity',
    scenario: () => scenarioB({ vaultCapacity: 450 }),
    plan: planB,
    mutate: () => {},
    rule: 'appliance-capacity',
    message: /^appliance vault now holds 500 delivered bytes, over its capacity 450$/,
    row: 'deliveries[5]',
  },
  {
    name: 'a provider over its ingress cap',
    scenario: () => scenarioA({ awsIngress: 350 }),
    plan: planA,
    mutate: () => {},
    rule: 'provider-ingress',
    message:
      /^provider aws stores 400 bytes at its nodes in slot 2 \(1 delivery\), over its ingress cap 350 bytes per slot$/,
    row: 'deliveries[0]',
  },
  {
    name: 'a provider over its egress cap',
    scenario: () => scenarioB({ awsEgress: 40 }),
    plan: planB,
    mutate: () => {},
    rule: 'provider-egress',
    message:
      /^provider aws sends 50 bytes from its nodes to outside nodes in slot 1 \(1 transfer\), over its egress cap 40/,
    row: 'transfers[3]',
  },
  {
    name: 'a node over its read cap',
    scenario: () => scenarioB({ spRead: 800 }),
    plan: planB,
    mutate: () => {},
    rule: 'node-read',
    message:
      /^node sp sends 900 bytes over links in slot 0 \(3 transfers\), over its read cap 800 bytes per slot$/,
    row: 'transfers[0]',
  },
  {
    name: 'an unknown link',
    ...A,
    mutate: (p) => {
      p.transfers[0].link = 'munich->nowhere';
    },
    rule: 'unknown-id',
    message: /^link "munich->nowhere" is not a link of the scenario$/,
    row: 'transfers[0]',
  },
  {
    name: 'from/to that are not the link ends',
    ...A,
    mutate: (p) => {
      p.transfers[0].to = 'ix';
    },
    rule: 'link-ends',
    message: /^from\/to are munich → ix, but link munich->dedup goes from munich to dedup$/,
  },
  {
    name: 'a slot outside the horizon',
    ...A,
    mutate: (p) => {
      p.storage.push({ slot: 6, node: 'dedup', bytes: 1 });
    },
    rule: 'horizon',
    message: /^slot 6 is outside the horizon \(slots 0–5\)$/,
    row: 'storage[3]',
  },
  {
    name: 'a horizon that is not the scenario’s',
    ...A,
    mutate: (p) => {
      p.horizon.slotSeconds = SLOT / 2;
    },
    rule: 'horizon',
    message: /^horizon is .*"slotSeconds":1800.*, expected .*"slotSeconds":3600/,
  },
  {
    name: 'a zero-byte row',
    ...A,
    mutate: (p) => {
      p.storage.push({ slot: 5, node: 'dedup', bytes: 0 });
    },
    rule: 'positive',
    message: /^bytes is 0; the plan lists rows with bytes > 0 only$/,
  },
  {
    name: 'a missing dataset entry',
    ...B,
    mutate: (p) => {
      p.datasets.splice(2, 1);
    },
    rule: 'dataset-list',
    message: /^datasets has no entry for logs/,
  },
  {
    name: 'a lower bound above the makespan',
    ...A,
    mutate: (p) => {
      p.lowerBound.slot = 5;
    },
    rule: 'lower-bound',
    message: /^lowerBound\.slot 5 is above the plan's own makespan slot 4$/,
  },
  {
    name: 'a wrong scenario name',
    ...B,
    mutate: (p) => {
      p.scenario = 'fixture';
    },
    rule: 'scenario',
    message: /^scenario is "fixture", expected the scenario's name null$/,
  },
  {
    name: 'a missing required field',
    ...A,
    mutate: (p) => {
      delete p.status;
    },
    rule: 'schema',
    message: /^status: /,
  },
];

describe('verifyPlan rejects corrupted plans with the right rule', () => {
  test.each(CORRUPTIONS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const plan: Loose = clone(c.plan());
    c.mutate(plan);
    const report = verifyPlan(c.scenario(), plan);
    expect(report.ok).toBe(false);
    const hit = report.violations.find((v) => v.rule === c.rule && c.message.test(v.message));
    expect(
      hit,
      `${c.rule} ${c.message} in:\n${report.violations.map(formatViolation).join('\n')}`,
    ).toBeDefined();
    if (c.row) expect(`${hit!.row?.table}[${hit!.row?.index}]`).toBe(c.row);
  });
});

describe('verifyPlan on malformed documents', () => {
  test.each([
    ['null', null],
    ['an array', []],
    ['a string', 'plan'],
    ['transfers not an array', { ...planA(), transfers: {} }],
  ])('%s gives schema violations, never throws', (_name, doc) => {
    const report = verifyPlan(scenarioA(), doc);
    expect(report.ok).toBe(false);
    expect(report.violations.length).toBeGreaterThan(0);
    expect(report.violations.every((v) => v.rule === 'schema')).toBe(true);
  });

  test('a row of the wrong shape is reported with its row and skipped by the other checks', () => {
    const p: Loose = clone(planA());
    p.transfers[4] = { slot: 'three' };
    const report = verifyPlan(scenarioA(), p);
    const schema = report.violations.filter((v) => v.rule === 'schema');
    expect(schema.length).toBeGreaterThan(0);
    expect(schema.every((v) => v.row?.table === 'transfers' && v.row.index === 4)).toBe(true);
    expect(formatViolation(schema[0])).toMatch(/^transfers\[4\] \(slot three, link \?, dataset \?\): slot: /);
    // The row's 400 bytes are missing downstream: the flow checks still run on the other rows.
    expect(rulesOf(report.violations)).toContain('conservation');
  });

  test('formatViolation prefixes the row it concerns', () => {
    const p: Loose = clone(planA());
    p.transfers[0].bytes = 700;
    const line = verifyPlan(scenarioA(), p)
      .violations.map(formatViolation)
      .find((l) => l.includes('capacity'));
    expect(line).toBe(
      "transfers[0] (slot 1, link munich->dedup, dataset vms): 700 bytes exceed the link's capacity 600 in slot 1",
    );
  });
});
