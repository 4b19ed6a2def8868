/**
 * `buildCalendars` against the slow reference of test/reference/calendar-slow.ts, which shares no
 * code with src/constraints: random small scenarios whose horizons cross clock changes (fast-check,
 * fixed global seed from test/setup.ts, printed in the test name), then hand-worked nights.
 *
 * Every amount is compared exactly (bigint). A mismatch names the field, the slot and both values,
 * and prints the scenario as YAML so that it can be replayed with `wanplan calendar`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildCalendars, type Calendars } from '../../src/constraints/index.js';
import type { Scenario } from '../../src/io/model.js';
import { parseScenario } from '../../src/io/scenario/index.js';
import { type ReferenceCalendars, slowCalendars } from '../reference/calendar-slow.js';

/** Every difference between the two calendars, one line each (empty when they agree). */
function differences(s: Scenario, ref: ReferenceCalendars, prod: Calendars): string[] {
  const out: string[] = [];
  for (const f of ['slots', 'slotSeconds', 'start'] as const) {
    if (ref[f] !== prod[f]) out.push(`${f}: reference ${ref[f]}, buildCalendars ${prod[f]}`);
  }
  const slotAt = (i: number) => new Date((s.horizon.start + i * s.horizon.slotSeconds) * 1000).toISOString();
  s.links.forEach((l, k) => {
    for (let i = 0; i < s.horizon.slots; i++) {
      const p = prod.links[k][i];
      if (!Number.isInteger(p) || BigInt(p) !== ref.links[k][i]) {
        out.push(
          `link "${l.id}" slot ${i} (${slotAt(i)}): reference ${ref.links[k][i]}, buildCalendars ${p}`,
        );
      }
    }
  });
  const caps = (
    what: string,
    ids: readonly string[],
    r: ReferenceCalendars['nodeRead'],
    p: Calendars['nodeRead'],
  ) =>
    ids.forEach((id, k) => {
      const row = r[k];
      if (row === null || p[k] === null) {
        if (row !== p[k]) out.push(`${what} "${id}": reference ${row}, buildCalendars ${p[k]}`);
        return;
      }
      row.forEach((v, i) => {
        if (BigInt(p[k]!) !== v)
          out.push(`${what} "${id}" slot ${i}: reference ${v}, buildCalendars ${p[k]}`);
      });
    });
  const nodes = s.nodes.map((n) => n.id);
  const providers = s.providers.map((p) => p.id);
  caps('read of node', nodes, ref.nodeRead, prod.nodeRead);
  caps('write of node', nodes, ref.nodeWrite, prod.nodeWrite);
  caps('ingress of provider', providers, ref.providerIngress, prod.providerIngress);
  caps('egress of provider', providers, ref.providerEgress, prod.providerEgress);
  nodes.forEach((id, k) => {
    if (ref.storage[k] !== prod.storage[k]) {
      out.push(`storage of node "${id}": reference ${ref.storage[k]}, buildCalendars ${prod.storage[k]}`);
    }
  });
  return out;
}

/** Reads `yaml`, computes both calendars and fails with every difference (the first 20 listed). */
function agreeingCalendars(yaml: string): { scenario: Scenario; ref: ReferenceCalendars; prod: Calendars } {
  const scenario = parseScenario(yaml, 'calendar-reference.yaml');
  const ref = slowCalendars(scenario);
  const prod = buildCalendars(scenario);
  const diff = differences(scenario, ref, prod);
  if (diff.length > 0) {
    const more = diff.length > 20 ? `\n… and ${diff.length - 20} more` : '';
    throw new Error(
      `${diff.length} differences:\n${diff.slice(0, 20).join('\n')}${more}\n--- scenario\n${yaml}`,
    );
  }
  return { scenario, ref, prod };
}

// ---------------------------------------------------------------------------------------------
// Random scenarios

/**
 * Zones with clock changes (three of them southern) and with half- or quarter-hour offsets; the
 * last four change by 30 min (Lord Howe), at midnight (Santiago, Cairo: the local midnight is
 * skipped or repeated) or at a +12:45 offset (Chatham).
 */
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Adelaide',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Africa/Cairo',
  'Pacific/Chatham',
] as const;

/** 2026 offset changes (from Temporal's getTimeZoneTransition), and two quiet instants. */
const TRANSITIONS: readonly { zone: (typeof ZONES)[number]; at: string }[] = [
  { zone: 'Europe/Berlin', at: '2026-03-29T01:00:00Z' }, // 02:00 CET → 03:00 CEST
  { zone: 'Europe/Berlin', at: '2026-10-25T01:00:00Z' }, // 03:00 CEST → 02:00 CET
  { zone: 'Europe/London', at: '2026-03-29T01:00:00Z' }, // 01:00 GMT → 02:00 BST
  { zone: 'Europe/London', at: '2026-10-25T01:00:00Z' }, // 02:00 BST → 01:00 GMT
  { zone: 'America/New_York', at: '2026-03-08T07:00:00Z' }, // 02:00 EST → 03:00 EDT
  { zone: 'America/New_York', at: '2026-11-01T06:00:00Z' }, // 02:00 EDT → 01:00 EST
  { zone: 'America/St_Johns', at: '2026-03-08T05:30:00Z' }, // 02:00 NST → 03:00 NDT
  { zone: 'America/St_Johns', at: '2026-11-01T04:30:00Z' }, // 02:00 NDT → 01:00 NST
  { zone: 'Australia/Sydney', at: '2026-04-04T16:00:00Z' }, // 03:00 AEDT → 02:00 AEST
  { zone: 'Australia/Sydney', at: '2026-10-03T16:00:00Z' }, // 02:00 AEST → 03:00 AEDT
  { zone: 'Australia/Adelaide', at: '2026-04-04T16:30:00Z' }, // 03:00 ACDT → 02:00 ACST
  { zone: 'Australia/Adelaide', at: '2026-10-03T16:30:00Z' }, // 02:00 ACST → 03:00 ACDT
  { zone: 'Australia/Lord_Howe', at: '2026-04-04T15:00:00Z' }, // 02:00 +11 → 01:30 +10:30
  { zone: 'Australia/Lord_Howe', at: '2026-10-03T15:30:00Z' }, // 02:00 +10:30 → 02:30 +11
  { zone: 'America/Santiago', at: '2026-04-05T03:00:00Z' }, // 24:00 -03 → 23:00 -04 (sat)
  { zone: 'America/Santiago', at: '2026-09-06T04:00:00Z' }, // 24:00 -04 → 01:00 -03 (sun)
  { zone: 'Africa/Cairo', at: '2026-04-23T22:00:00Z' }, // 24:00 EET → 01:00 EEST (fri)
  { zone: 'Africa/Cairo', at: '2026-10-29T21:00:00Z' }, // 24:00 EEST → 23:00 EET (thu)
  { zone: 'Pacific/Chatham', at: '2026-04-04T14:00:00Z' }, // 03:45 +13:45 → 02:45 +12:45
  { zone: 'Pacific/Chatham', at: '2026-09-26T14:00:00Z' }, // 02:45 +12:45 → 03:45 +13:45
  { zone: 'Asia/Kolkata', at: '2026-07-15T12:00:00Z' }, // no change: +05:30 all year
  { zone: 'Asia/Kathmandu', at: '2026-12-05T00:00:00Z' }, // no change: +05:45 all year
];

const RATES = ['1001bps', '8kbps', '10Gbps', '123B/s', '7.5MB/h', '2.5Gbit/s', '333kBps', '0bps'];
const SHARES = ['100%', '80%', '0.333', '12.5%', '1', '0.001', '66.7%'];

/** A time of day `HH:MM`, mostly in the small hours when clocks change. */
const timeOfDay = fc
  .tuple(
    fc.oneof(fc.constantFrom(0, 1, 2, 3, 23), fc.integer({ min: 0, max: 23 })),
    fc.oneof(fc.constantFrom(0, 15, 30, 45), fc.integer({ min: 0, max: 59 })),
  )
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * A window; without `days` (every day, so the transition's Sunday too) half the time, and
 * mostly in its link's sender's zone, else in the transition's zone or any other.
 */
function windowArb(zone: string) {
  return fc.record(
    {
      days: fc.oneof(fc.constant(undefined), fc.subarray([...DAYS], { minLength: 1 })),
      from: timeOfDay,
      to: fc.oneof(timeOfDay, fc.constantFrom('24:00', '00:00')),
      timezone: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom(zone, ...ZONES) },
      ),
      share: fc.constantFrom(...SHARES),
    },
    { requiredKeys: ['days', 'timezone'] },
  );
}

/** A horizon of 1–4 days of 15-min, 30-min or 1-h slots (or an odd 1000 s) around a transition. */
const horizonArb = fc
  .record({
    transition: fc.constantFrom(...TRANSITIONS),
    slot: fc.constantFrom(900, 1800, 3600, 1000),
    days: fc.integer({ min: 1, max: 4 }),
    before: fc.double({ min: 0, max: 1, noNaN: true }),
    grain: fc.constantFrom(1, 60, 900),
  })
  .map(({ transition, slot, days, before, grain }) => {
    const slots = Math.floor((days * 86_400) / slot);
    const length = slots * slot;
    // Start k grains before the transition, 1 ≤ k·grain < length: the horizon contains it.
    const t = Date.parse(transition.at) / 1000;
    const kMax = Math.floor((length - 1) / grain);
    const k = Math.min(kMax, 1 + Math.floor(before * kMax));
    return {
      zone: transition.zone,
      start: new Date((t - k * grain) * 1000).toISOString().replace('.000Z', 'Z'),
      length: `${length}s`,
      slot: `${slot}s`,
    };
  });

const nodeArb = fc.record(
  {
    timezone: fc.constantFrom(...ZONES),
    cloud: fc.boolean(),
    read: fc.constantFrom(...RATES),
    write: fc.constantFrom(...RATES),
    storage: fc.constantFrom('0B', '1PB', '12345B'),
  },
  { requiredKeys: ['timezone', 'cloud'] },
);

function linkArb(zone: string) {
  return fc.record(
    {
      from: fc.nat(),
      hop: fc.nat(),
      capacity: fc.constantFrom(...RATES),
      bidirectional: fc.boolean(),
      windows: fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 5, arbitrary: fc.array(windowArb(zone), { minLength: 1, maxLength: 3 }) },
      ),
    },
    { requiredKeys: ['from', 'hop', 'capacity', 'windows'] },
  );
}

/** A scenario as plain data, ready for `yaml.stringify` (undefined fields are left out). */
const scenarioArb = horizonArb
  .chain((horizon) =>
    fc.record({
      horizon: fc.constant(horizon),
      nodes: fc.array(nodeArb, { minLength: 2, maxLength: 3 }),
      links: fc.array(linkArb(horizon.zone), { minLength: 1, maxLength: 3 }),
      ingress: fc.option(fc.constantFrom(...RATES), { nil: undefined }),
      egress: fc.option(fc.constantFrom(...RATES), { nil: undefined }),
    }),
  )
  .map(({ horizon, nodes, links, ingress, egress }) => ({
    wanplan: 1,
    horizon: { start: horizon.start, length: horizon.length, slot: horizon.slot },
    providers: { p: { ingress, egress } },
    nodes: nodes.map((n, k) => ({
      id: `n${k}`,
      kind: n.cloud ? 'cloud' : 'site',
      ...(n.cloud ? { provider: 'p' } : { storage: n.storage }),
      // Nodes n0 and n2 read windows in the transition's zone, so most windows cross the change.
      timezone: k % 2 === 0 ? horizon.zone : n.timezone,
      read: n.read,
      write: n.write,
    })),
    links: links.map((l, k) => {
      const from = l.from % nodes.length;
      const to = (from + 1 + (l.hop % (nodes.length - 1))) % nodes.length;
      return {
        id: `l${k}`,
        from: `n${from}`,
        to: `n${to}`,
        capacity: l.capacity,
        bidirectional: l.bidirectional,
        windows: l.windows,
      };
    }),
  }));

/** Runs: 100 unless FC_RUNS is set (each case walks every minute of up to four days). */
const config = fc.readConfigureGlobal();
const runs = config.numRuns ?? 100;

describe(`buildCalendars agrees with the slow reference (fast-check seed ${config.seed})`, () => {
  it(`on ${runs} random scenarios across clock changes, exactly in every slot`, () => {
    let windowedSlots = 0;
    let openSlots = 0;
    fc.assert(
      fc.property(scenarioArb, (data) => {
        const { scenario, ref } = agreeingCalendars(stringify(data));
        scenario.links.forEach((l, k) => {
          if (l.windows === null) return;
          windowedSlots += ref.links[k].length;
          openSlots += ref.links[k].filter((b) => b > 0n).length;
        });
      }),
      { numRuns: runs },
    );
    // The generator is worth something only if windows are sometimes open and sometimes closed.
    expect(openSlots).toBeGreaterThan(0);
    expect(openSlots).toBeLessThan(windowedSlots);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-worked nights. Capacity 8kbps = 1000 B/s unless stated, so a full 1-h slot is 3,600,000.

/** A scenario with node `a` in `zone`, node `b` in New York and the given links (YAML lines). */
function night(start: string, length: string, slot: string, zone: string, links: string): string {
  return `wanplan: 1
horizon: { start: ${start}, length: ${length}, slot: ${slot} }
nodes:
  - { id: a, kind: site, timezone: ${zone} }
  - { id: b, kind: site, timezone: America/New_York }
links:
${links}`;
}

/** Link `id` a→b at `capacity` with the given windows (flow-style YAML list). */
function lnk(id: string, windows: string, capacity = '8kbps'): string {
  return `  - { id: ${id}, from: a, to: b, capacity: ${capacity}, windows: ${windows} }\n`;
}

/** The row of link `id`, as numbers (both calendars already agree on it). */
function row(c: ReturnType<typeof agreeingCalendars>, id: string): number[] {
  const k = c.scenario.links.findIndex((l) => l.id === id);
  return Array.from(c.prod.links[k]);
}

/** `n` copies of `v`. */
const times = (n: number, v: number) => new Array<number>(n).fill(v);

describe('clock-change nights worked out by hand (reference and buildCalendars)', () => {
  it('Berlin spring forward (2026-03-29 02:00 CET → 03:00 CEST): 7-h night, gap edge moves, empty window', () => {
    // Slots of 1 h from 2026-03-28T20:00Z (slot i starts at 20+i h UTC).
    // night: sat 22:00 CET = 21:00Z to sun 06:00 CEST = 04:00Z → slots 1–7 full.
    // gap:   sun 02:30 does not exist → 03:30 CEST = 01:30Z; 04:00 CEST = 02:00Z → half of slot 5,
    //        at 80 %: 1800 s × 0.8 × 1000 B/s = 1,440,000.
    // empty: sun 02:30–03:00 → 01:30Z to 01:00Z: closes before it opens, nothing.
    const c = agreeingCalendars(
      night(
        '2026-03-28T20:00:00Z',
        '10h',
        '1h',
        'Europe/Berlin',
        lnk('night', '[{ days: [sat], from: "22:00", to: "06:00" }]') +
          lnk('gap', '[{ days: [sun], from: "02:30", to: "04:00", share: 80% }]') +
          lnk('empty', '[{ days: [sun], from: "02:30", to: "03:00" }]'),
      ),
    );
    expect(row(c, 'night')).toEqual([0, ...times(7, 3_600_000), 0, 0]);
    expect(row(c, 'gap')).toEqual([0, 0, 0, 0, 0, 1_440_000, 0, 0, 0, 0]);
    expect(row(c, 'empty')).toEqual(times(10, 0));
  });

  it('Berlin fall back (2026-10-25 03:00 CEST → 02:00 CET): 9-h night, first occurrence, 2-h hour', () => {
    // Slots of 1 h from 2026-10-24T19:00Z (slot 5 is 00:00Z, slot 6 is 01:00Z).
    // night: sat 22:00 CEST = 20:00Z to sun 06:00 CET = 05:00Z → slots 1–9 full.
    // first: sun 02:30–02:45 is the first (CEST) occurrence, 00:30Z–00:45Z, at 1001bps × 50 %:
    //        floor(1001/8 × 900 × 1/2) = floor(56,306.25) = 56,306 in slot 5; the repeated
    //        02:30 CET (01:30Z, slot 6) is not in the window.
    // twohours: sun 02:00 (first: CEST) = 00:00Z to 03:00 CET = 02:00Z, 2 h at 50 % → 1,800,000
    //        in slots 5 and 6.
    const c = agreeingCalendars(
      night(
        '2026-10-24T19:00:00Z',
        '12h',
        '1h',
        'Europe/Berlin',
        lnk('night', '[{ days: [sat], from: "22:00", to: "06:00" }]') +
          lnk('first', '[{ days: [sun], from: "02:30", to: "02:45", share: 50% }]', '1001bps') +
          lnk('twohours', '[{ days: [sun], from: "02:00", to: "03:00", share: 0.5 }]'),
      ),
    );
    expect(row(c, 'night')).toEqual([0, ...times(9, 3_600_000), 0, 0]);
    expect(row(c, 'first')).toEqual([0, 0, 0, 0, 0, 56_306, 0, 0, 0, 0, 0, 0]);
    expect(row(c, 'twohours')).toEqual([0, 0, 0, 0, 0, 1_800_000, 1_800_000, 0, 0, 0, 0, 0]);
  });

  it('Sydney (southern): the October night is 7 h, the April night 9 h', () => {
    // 30-min slots from 2026-10-03T11:00Z: sat 22:00 AEST (+10) = 12:00Z (slot 2) to sun 06:00
    // AEDT (+11) = 19:00Z (slot 16 starts) → slots 2–15, 1800 s × 1000 B/s = 1,800,000 each.
    const spring = agreeingCalendars(
      night(
        '2026-10-03T11:00:00Z',
        '10h',
        '30min',
        'Australia/Sydney',
        lnk('night', '[{ days: [sat], from: "22:00", to: "06:00" }]'),
      ),
    );
    expect(row(spring, 'night')).toEqual([0, 0, ...times(14, 1_800_000), 0, 0, 0, 0]);
    // 1-h slots from 2026-04-04T10:00Z: sat 22:00 AEDT (+11) = 11:00Z (slot 1) to sun 06:00 AEST
    // (+10) = 20:00Z (slot 10 starts) → slots 1–9.
    const autumn = agreeingCalendars(
      night(
        '2026-04-04T10:00:00Z',
        '12h',
        '1h',
        'Australia/Sydney',
        lnk('night', '[{ days: [sat], from: "22:00", to: "06:00" }]'),
      ),
    );
    expect(row(autumn, 'night')).toEqual([0, ...times(9, 3_600_000), 0, 0]);
  });

  it('New York fall back (2026-11-01): sun 01:30–01:45 is the EDT occurrence only', () => {
    // 15-min slots from 05:00Z: 01:30 EDT (−4) = 05:30Z is slot 2; 01:30 EST = 06:30Z (slot 6) is not.
    const c = agreeingCalendars(
      night(
        '2026-11-01T05:00:00Z',
        '2h',
        '15min',
        'America/New_York',
        lnk('l', '[{ days: [sun], from: "01:30", to: "01:45" }]'),
      ),
    );
    expect(row(c, 'l')).toEqual([0, 0, 900_000, 0, 0, 0, 0, 0]);
  });

  it('Kathmandu (+05:45): mon 01:00–02:00 is Sunday 19:15Z–20:15Z, 45 min and 15 min of two slots', () => {
    const c = agreeingCalendars(
      night(
        '2026-03-08T18:00:00Z',
        '4h',
        '1h',
        'Asia/Kathmandu',
        lnk('l', '[{ days: [mon], from: "01:00", to: "02:00" }]'),
      ),
    );
    expect(row(c, 'l')).toEqual([0, 2_700_000, 900_000, 0]);
  });

  it('London spring forward with an off-minute start and 1000-s slots: exact pieces, floored per slot', () => {
    // sun 00:30 GMT = 00:30Z; sun 01:30 is skipped → 02:30 BST = 01:30Z. Open [00:30:00Z, 01:30:00Z).
    // Slots of 1000 s from 00:00:30Z: [00:17:10, 00:33:50) has 230 s open, the next three 1000 s,
    // [01:23:50, 01:40:30) 370 s. At 1001bps × 30 % = 3003/80 B/s: floor(690,690/80) = 8,633,
    // floor(3,003,000/80) = 37,537, floor(1,111,110/80) = 13,888.
    // sun 01:00–02:00 lies wholly in the gap: 01:00 → 02:00 BST = 01:00Z and 02:00 BST = 01:00Z, empty.
    const c = agreeingCalendars(
      night(
        '2026-03-29T00:00:30Z',
        '6000s',
        '1000s',
        'Europe/London',
        lnk('pieces', '[{ days: [sun], from: "00:30", to: "01:30", share: 30% }]', '1001bps') +
          lnk('gap', '[{ days: [sun], from: "01:00", to: "02:00" }]'),
      ),
    );
    expect(row(c, 'pieces')).toEqual([0, 8_633, 37_537, 37_537, 37_537, 13_888]);
    expect(row(c, 'gap')).toEqual(times(6, 0));
  });

  it('Santiago spring forward at midnight (2026-09-06 24:00 → 01:00): the whole Sunday is 23 h', () => {
    // Local Sunday 00:00 does not exist: it moves forward by the gap to 01:00 -03 = 04:00Z; the
    // day ends at Monday 00:00 -03 = 09-07T03:00Z. 1-h slots from 09-06T03:00Z (Saturday 23:00
    // -04, closed): slots 1–23 open, slot 24 (Monday 00:00 local) closed.
    const c = agreeingCalendars(
      night('2026-09-06T03:00:00Z', '25h', '1h', 'America/Santiago', lnk('l', '[{ days: [sun] }]')),
    );
    expect(row(c, 'l')).toEqual([0, ...times(23, 3_600_000), 0]);
  });

  it('Berlin from == to (sat 06:00–06:00) before spring forward is 23 h of real time', () => {
    // sat 06:00 CET = 05:00Z to sun 06:00 CEST = 04:00Z (next day): 1-h slots 5–27 of a horizon
    // from 2026-03-28T00:00Z.
    const c = agreeingCalendars(
      night(
        '2026-03-28T00:00:00Z',
        '2d',
        '1h',
        'Europe/Berlin',
        lnk('l', '[{ days: [sat], from: "06:00", to: "06:00" }]'),
      ),
    );
    expect(row(c, 'l')).toEqual([...times(5, 0), ...times(23, 3_600_000), ...times(20, 0)]);
  });

  it('Adelaide fall back (2026-04-05 03:00 ACDT → 02:00 ACST): the largest share of overlapping windows', () => {
    // whole sunday at 25 %: 00:00 ACDT (+10:30) = 04-04T13:30Z to 24:00 ACST (+09:30) =
    // 04-05T14:30Z, 25 h. sun 02:00–03:00 at 75 %: 02:00 first (ACDT) = 15:30Z to 03:00 ACST = 17:30Z.
    // 1-h slots from 04-04T13:00Z (slot i starts 13+i h), at 1000 B/s:
    //   slot 0: 30 min @25 % = 450,000;  slot 1: 900,000;  slot 2: 30 min @25 % + 30 min @75 % =
    //   1,800,000;  slot 3: 2,700,000;  slot 4: 30 min @75 % + 30 min @25 % = 1,800,000;
    //   slots 5–24: 900,000;  slot 25 (04-05T14:00Z): 30 min @25 % = 450,000.
    // Total 26,100,000 = 25 h @25 % + 2 h × (75 − 25) %.
    const c = agreeingCalendars(
      night(
        '2026-04-04T13:00:00Z',
        '26h',
        '1h',
        'Australia/Adelaide',
        lnk('l', '[{ days: [sun], share: 25% }, { days: [sun], from: "02:00", to: "03:00", share: 75% }]'),
      ),
    );
    const expected = [450_000, 900_000, 1_800_000, 2_700_000, 1_800_000, ...times(20, 900_000), 450_000];
    expect(row(c, 'l')).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBe(26_100_000);
  });

  it("a reverse link reads windows in the declared from node's zone; caps are floor(rate × slot)", () => {
    // a is in Berlin, b in New York; the reverse b->a still opens sat 22:00 CET = 21:00Z (slot 21
    // of 1-h slots from 2026-03-28T00:00Z) and closes sun 06:00 CEST = 04:00Z (slot 28).
    // read 1001bps over 3600 s = floor(450,450) = 450,450 bytes per slot, in every slot.
    const yaml = `wanplan: 1
horizon: { start: 2026-03-28T00:00:00Z, length: 2d, slot: 1h }
nodes:
  - { id: a, kind: site, timezone: Europe/Berlin, read: 1001bps }
  - { id: b, kind: site, timezone: America/New_York }
links:
  - { from: a, to: b, capacity: 8kbps, bidirectional: true, windows: [{ days: [sat], from: "22:00", to: "06:00" }] }
`;
    const c = agreeingCalendars(yaml);
    const open = [...times(21, 0), ...times(7, 3_600_000), ...times(20, 0)];
    expect(row(c, 'a->b')).toEqual(open);
    expect(row(c, 'b->a')).toEqual(open);
    expect(c.prod.nodeRead).toEqual([450_450, null]);
  });
});
