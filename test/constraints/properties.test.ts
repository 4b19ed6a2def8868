/**
 * Properties of link calendars (fast-check, fixed global seed from test/setup.ts):
 * - over a whole week without a clock change, a link's total is rate × share × window hours;
 * - no total exceeds rate × horizon and no slot exceeds floor(rate × slot);
 * - slots outside every window carry nothing, and every slot equals a minute-by-minute oracle;
 * - the slot filler agrees with the open intervals it reports.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { linkCalendar, linkWindows } from '../../src/constraints/index.js';
import type { Window } from '../../src/io/model.js';
import { add, floor, mul, type Rational, rational, ZERO } from '../../src/io/rational.js';
import { at, iso, link, total } from './fixtures.js';

/** Zones with a period of 2026 in which their offset does not change (with days of margin). */
const STEADY: readonly { zone: string; from: string; to: string }[] = [
  { zone: 'UTC', from: '2026-01-05', to: '2026-12-20' },
  { zone: 'Asia/Kolkata', from: '2026-01-05', to: '2026-12-20' },
  { zone: 'Asia/Kathmandu', from: '2026-01-05', to: '2026-12-20' },
  { zone: 'Asia/Kabul', from: '2026-01-05', to: '2026-12-20' },
  { zone: 'America/Phoenix', from: '2026-01-05', to: '2026-12-20' },
  { zone: 'Europe/Berlin', from: '2026-04-02', to: '2026-10-14' },
  { zone: 'America/New_York', from: '2026-03-12', to: '2026-10-20' },
  { zone: 'America/St_Johns', from: '2026-03-12', to: '2026-10-20' },
  { zone: 'Australia/Sydney', from: '2026-04-09', to: '2026-09-22' },
  { zone: 'Australia/Lord_Howe', from: '2026-04-09', to: '2026-09-22' },
  { zone: 'Pacific/Chatham', from: '2026-04-09', to: '2026-09-15' },
];
const DST_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'America/Santiago',
];
/** Slot lengths that divide a week. */
const SLOTS = [60, 300, 900, 1800, 3600, 7200, 10_800] as const;

const shareArb = fc
  .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
  .map(([a, b]) => rational(Math.min(a, b), Math.max(a, b)));

function windowArb(zone: fc.Arbitrary<string>): fc.Arbitrary<Window> {
  return fc.record({
    days: fc.subarray([0, 1, 2, 3, 4, 5, 6] as const, { minLength: 1 }),
    fromMinute: fc.integer({ min: 0, max: 1439 }),
    toMinute: fc.integer({ min: 1, max: 1440 }),
    timezone: zone,
    share: shareArb,
  });
}

/** A steady period, an instant in it (whole minutes) and a slot length. */
const steadyStart = fc
  .tuple(fc.constantFrom(...STEADY), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...SLOTS))
  .map(([p, u, slot]) => {
    const a = at(`${p.from}T00:00:00Z`);
    const b = at(`${p.to}T00:00:00Z`) - 8 * 86_400;
    return { zone: p.zone, start: a + Math.floor((u * (b - a)) / 60) * 60, slot };
  });

function windowMinutes(w: Window): number {
  return w.toMinute > w.fromMinute ? w.toMinute - w.fromMinute : w.toMinute + 1440 - w.fromMinute;
}

/** Share in force at `t` by reading local wall time with a fixed offset (valid in steady periods only). */
function oracleShare(windows: readonly Window[], offsets: Map<string, number>, t: number): Rational {
  let best: Rational = ZERO;
  for (const w of windows) {
    const local = t + offsets.get(w.timezone)!;
    const day = Math.floor(local / 86_400);
    const lm = Math.floor((local - day * 86_400) / 60);
    const wd = (((day + 3) % 7) + 7) % 7;
    const prev = (wd + 6) % 7;
    const crossing = w.toMinute <= w.fromMinute;
    const today = w.days.includes(wd as never) && lm >= w.fromMinute && (crossing || lm < w.toMinute);
    const spill = crossing && w.days.includes(prev as never) && lm < w.toMinute;
    if ((today || spill) && w.share.num * best.den > best.num * w.share.den) best = w.share;
  }
  return best;
}

describe('link calendar properties', () => {
  it('over a whole week without a clock change, total = rate × share × window hours (exact)', () => {
    fc.assert(
      fc.property(
        steadyStart,
        fc.integer({ min: 1, max: 10_000 }),
        windowArb(fc.constant('UTC')),
        (s, c, w0) => {
          const w = { ...w0, timezone: s.zone };
          const h = { start: s.start, startIso: iso(s.start), slotSeconds: s.slot, slots: 604_800 / s.slot };
          // capacity c × den bytes/s makes every piece an integer, so floors lose nothing.
          const cap = rational(BigInt(c) * w.share.den);
          const row = linkCalendar(link('l', cap, [w]), h);
          const expected = BigInt(c) * w.share.num * BigInt(w.days.length * windowMinutes(w) * 60);
          expect(BigInt(total(row))).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with any rate, the weekly total is within one byte per slot below rate × share × window hours', () => {
    fc.assert(
      fc.property(
        steadyStart,
        windowArb(fc.constant('UTC')),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (s, w0, bits) => {
          const w = { ...w0, timezone: s.zone };
          const h = { start: s.start, startIso: iso(s.start), slotSeconds: s.slot, slots: 604_800 / s.slot };
          const cap = rational(bits, 8n);
          const sum = BigInt(total(linkCalendar(link('l', cap, [w]), h)));
          const exact = mul(mul(cap, w.share), rational(w.days.length * windowMinutes(w) * 60));
          expect(sum <= floor(exact)).toBe(true);
          expect(sum > floor(exact) - BigInt(h.slots)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('every slot equals a minute-by-minute oracle; slots outside every window are zero', () => {
    fc.assert(
      fc.property(
        steadyStart.filter((s) => s.slot % 60 === 0),
        fc.integer({ min: 1, max: 72 }),
        fc.array(windowArb(fc.constant('')), { minLength: 1, maxLength: 3 }),
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        (s, slots, ws, bits) => {
          const windows = ws.map((w) => ({ ...w, timezone: s.zone }));
          const n = Math.min(slots, Math.floor((3 * 86_400) / s.slot) || 1);
          const h = { start: s.start, startIso: iso(s.start), slotSeconds: s.slot, slots: n };
          const offset = Temporal.Instant.fromEpochMilliseconds(s.start * 1000).toZonedDateTimeISO(
            s.zone,
          ).offsetNanoseconds;
          const offsets = new Map([[s.zone, offset / 1e9]]);
          const cap = rational(bits, 8n);
          const row = linkCalendar(link('l', cap, windows), h);
          for (let i = 0; i < n; i++) {
            let open: Rational = ZERO;
            for (let t = s.start + i * s.slot; t < s.start + (i + 1) * s.slot; t += 60) {
              open = add(open, mul(rational(60), oracleShare(windows, offsets, t)));
            }
            expect(row[i]).toBe(Number(floor(mul(cap, open))));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('anywhere in 2026, DST included: slots agree with the open intervals, never exceed rate × time', () => {
    const start = fc.integer({ min: at('2026-01-01T00:00:00Z') / 60, max: at('2026-12-20T00:00:00Z') / 60 });
    fc.assert(
      fc.property(
        start,
        fc.constantFrom(...SLOTS, 7, 901),
        fc.integer({ min: 1, max: 400 }),
        fc.array(windowArb(fc.constantFrom(...DST_ZONES, 'Asia/Kathmandu')), { minLength: 1, maxLength: 4 }),
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        (startMin, slot, slots, windows, bits) => {
          const h = { start: startMin * 60, startIso: iso(startMin * 60), slotSeconds: slot, slots };
          const cap = rational(bits, 8n);
          const l = link('l', cap, windows);
          const row = linkCalendar(l, h);
          const intervals = linkWindows(l, h);
          const perSlotMax = floor(mul(cap, rational(slot)));
          let sum = 0n;
          for (let i = 0; i < slots; i++) {
            const a = h.start + i * slot;
            const b = a + slot;
            let open: Rational = ZERO;
            for (const x of intervals) {
              const lo = Math.max(a, x.start);
              const hi = Math.min(b, x.end);
              if (hi > lo) open = add(open, mul(rational(hi - lo), x.share));
            }
            expect(row[i]).toBe(Number(floor(mul(cap, open))));
            expect(BigInt(row[i]) <= perSlotMax).toBe(true);
            sum += BigInt(row[i]);
          }
          expect(sum * cap.den <= cap.num * BigInt(slots * slot)).toBe(true);
          // Intervals are sorted, disjoint, inside the horizon, and touching ones differ in share.
          for (let k = 0; k < intervals.length; k++) {
            const x = intervals[k];
            expect(x.start < x.end && x.start >= h.start && x.end <= h.start + slots * slot).toBe(true);
            if (k > 0) expect(intervals[k - 1].end <= x.start).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
