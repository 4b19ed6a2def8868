/**
 * Benchmark: capacity calendars of 2,000 links × 672 slots (7 days × 15 min) with windows in many
 * real zones, over a week that contains clock changes (Europe springs forward on 2026-03-29,
 * Sydney, Lord Howe, Auckland and Chatham fall back on 2026-04-05 local time).
 *
 * Target (issue 4): under 1 s on one core for `buildCalendars`. Deterministic: a seeded generator
 * builds the scenario, and the result's byte total and open-slot count are written beside the
 * times so that a change in work (not only in speed) shows.
 *
 * Usage: `npx tsx bench/calendar.ts [--quick] [--out DIR]` (default DIR: bench/results).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCalendars } from '../src/constraints/index.js';
import type { Scenario, ScenarioLink, ScenarioNode, Weekday, Window } from '../src/io/model.js';
import { rational } from '../src/io/rational.js';
import { mulberry32 } from './lib/random.js';

/** Options of {@link runCalendarBench}. */
export interface CalendarBenchOptions {
  /** Fewer repetitions (3 instead of 7). @defaultValue false */
  readonly quick?: boolean;
  /** Directory for `calendar.json`, or null to write nothing. @defaultValue 'bench/results' */
  readonly out?: string | null;
  /** Generator seed. @defaultValue 20261125 */
  readonly seed?: number;
  /** Number of links. @defaultValue 2000 */
  readonly links?: number;
}

/** What one run measured. */
export interface CalendarBenchResult {
  readonly bench: 'calendar';
  readonly links: number;
  readonly slots: number;
  readonly slotSeconds: number;
  readonly zones: number;
  readonly windows: number;
  readonly reps: number;
  readonly timesMs: number[];
  readonly medianMs: number;
  readonly targetMs: number;
  readonly bytesTotal: string;
  readonly openSlots: number;
  readonly node: string;
  readonly seed: number;
}

const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Warsaw',
  'Europe/Helsinki',
  'Europe/Moscow',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Dhaka',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'America/St_Johns',
  'America/Halifax',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/Mexico_City',
  'UTC',
];
const SHARES = ['1', '0.8', '0.75', '0.5', '0.333', '0.9', '0.25'];

function decimal(text: string) {
  const [i, f = ''] = text.split('.');
  return rational(BigInt(i + f), 10n ** BigInt(f.length));
}

/** The seeded benchmark scenario. */
export function benchScenario(links: number, seed: number): Scenario {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const nodes: ScenarioNode[] = [];
  const nodeCount = Math.max(2, Math.ceil(links / 4));
  for (let i = 0; i < nodeCount; i++) {
    nodes.push({
      id: `n${i}`,
      kind: 'site',
      timezone: pick(ZONES),
      location: null,
      storage: 0n,
      read: rnd() < 0.5 ? rational(BigInt(1 + Math.floor(rnd() * 100)) * 1_000_000_000n, 8n) : null,
      write: null,
      capacity: null,
      provider: null,
      domain: null,
      region: null,
    });
  }
  const out: ScenarioLink[] = [];
  for (let i = 0; i < links; i++) {
    const from = nodes[Math.floor(rnd() * nodeCount)];
    const to = nodes[Math.floor(rnd() * nodeCount)];
    let windows: Window[] | null = null;
    if (rnd() >= 0.1) {
      windows = [];
      const k = 1 + Math.floor(rnd() * 3);
      for (let w = 0; w < k; w++) {
        const days = [0, 1, 2, 3, 4, 5, 6].filter(() => rnd() < 0.6) as Weekday[];
        const whole = rnd() < 0.2;
        windows.push({
          days: days.length > 0 ? days : [5, 6],
          // Mostly quarter hours, sometimes any minute, so that many slots are partly open.
          fromMinute: whole ? 0 : rnd() < 0.7 ? 15 * Math.floor(rnd() * 96) : Math.floor(rnd() * 1440),
          toMinute: whole
            ? 1440
            : rnd() < 0.7
              ? 15 * (1 + Math.floor(rnd() * 96))
              : 1 + Math.floor(rnd() * 1440),
          timezone: rnd() < 0.8 ? from.timezone! : pick(ZONES),
          share: decimal(pick(SHARES)),
        });
      }
    }
    // 100 Mbps … 100 Gbps in whole bits, so most rates are not whole bytes per second.
    const bits = BigInt(Math.floor(1e8 * 1000 ** rnd())) + 1n;
    out.push({
      id: `l${i}`,
      from: from.id,
      to: to.id,
      capacity: rational(bits, 8n),
      latencyMs: null,
      costPerByte: null,
      windows,
      reverseOf: null,
    });
  }
  const start = Date.UTC(2026, 2, 29) / 1000;
  return {
    wanplan: 1,
    name: 'bench-calendar',
    horizon: { start, startIso: '2026-03-29T00:00:00Z', slotSeconds: 900, slots: 672 },
    providers: [],
    nodes,
    links: out,
    datasets: [],
  };
}

/** Runs the benchmark, writes `calendar.json` into `options.out` and returns the figures. */
export function runCalendarBench(options: CalendarBenchOptions = {}): CalendarBenchResult {
  const seed = options.seed ?? 20261125;
  const links = options.links ?? 2000;
  const reps = options.quick ? 3 : 7;
  const scenario = benchScenario(links, seed);
  const timesMs: number[] = [];
  let bytes = 0n;
  let open = 0;
  buildCalendars(scenario); // warm-up: JIT and the polyfill's zone data, not measured
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const c = buildCalendars(scenario); // a fresh zone cache every time: nothing carries over
    timesMs.push(performance.now() - t0);
    if (r === 0) {
      // bigint sum: a row's total may pass 2^53 even though every slot is below it.
      for (const row of c.links) {
        for (const v of row) {
          if (v > 0) {
            bytes += BigInt(v);
            open++;
          }
        }
      }
    }
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  const result: CalendarBenchResult = {
    bench: 'calendar',
    links,
    slots: scenario.horizon.slots,
    slotSeconds: scenario.horizon.slotSeconds,
    zones: new Set(scenario.links.flatMap((l) => (l.windows ?? []).map((w) => w.timezone))).size,
    windows: scenario.links.reduce((n, l) => n + (l.windows?.length ?? 0), 0),
    reps,
    timesMs: timesMs.map((t) => Math.round(t * 100) / 100),
    medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100,
    targetMs: 1000,
    bytesTotal: bytes.toString(),
    openSlots: open,
    node: process.version,
    seed,
  };
  const dir = options.out === undefined ? join('bench', 'results') : options.out;
  if (dir !== null) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'calendar.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const r = runCalendarBench({
    quick: args.includes('--quick'),
    out: outAt >= 0 ? args[outAt + 1] : undefined,
  });
  process.stdout.write(
    `calendar: ${r.links} links × ${r.slots} slots, ${r.windows} windows in ${r.zones} zones: ` +
      `median ${r.medianMs} ms of ${r.reps} (target < ${r.targetMs} ms); ${r.openSlots} open slots, ` +
      `${r.bytesTotal} bytes\n`,
  );
}
