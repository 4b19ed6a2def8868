/**
 * Hand-made scenario pieces for calendar tests (independent of the scenario reader).
 * Rates are exact rationals in bytes per second; instants are epoch seconds.
 */
import type {
  Horizon,
  Provider,
  Scenario,
  ScenarioLink,
  ScenarioNode,
  Weekday,
  Window,
} from '../../src/io/model.js';
import { parseDecimal, type Rational, rational } from '../../src/io/rational.js';

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Day name as in scenario files. */
export type DayName = (typeof DAY_NAMES)[number];

/** Epoch seconds of an ISO 8601 instant with `Z` or an offset. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`fixture: bad instant ${iso}`);
  return ms / 1000;
}

/** A horizon starting at `startIso` with `slots` slots of `slotSeconds`. */
export function horizon(startIso: string, slotSeconds: number, slots: number): Horizon {
  const start = at(startIso);
  return { start, startIso: new Date(start * 1000).toISOString().replace('.000Z', 'Z'), slotSeconds, slots };
}

/** Minutes after midnight of `"HH:MM"` (`"24:00"` = 1440). */
export function minute(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Exact share from a decimal (`'0.8'`), a percentage (`'80%'`) or a rational. */
export function share(s: string | Rational): Rational {
  if (typeof s !== 'string') return s;
  const pct = s.endsWith('%');
  const r = parseDecimal(pct ? s.slice(0, -1) : s);
  if (r === null) throw new Error(`fixture: bad share ${s}`);
  return pct ? rational(r.num, r.den * 100n) : r;
}

/** A window; `days` default every day, `from` 00:00, `to` 24:00, `share` 1. */
export function win(opts: {
  zone: string;
  days?: readonly DayName[];
  from?: string;
  to?: string;
  share?: string | Rational;
}): Window {
  const days = (opts.days ?? DAY_NAMES).map((d) => DAY_NAMES.indexOf(d) as Weekday).sort((a, b) => a - b);
  return {
    days,
    fromMinute: minute(opts.from ?? '00:00'),
    toMinute: minute(opts.to ?? '24:00'),
    timezone: opts.zone,
    share: share(opts.share ?? '1'),
  };
}

/** Bytes per second from bits per second (exact: `bps / 8`). */
export function bps(bits: bigint | number): Rational {
  return rational(BigInt(bits), 8n);
}

/** Bytes per second (integer or rational). */
export function Bps(bytes: bigint | number, den: bigint | number = 1n): Rational {
  return rational(BigInt(bytes), BigInt(den));
}

/** A directed link `a->b` with the given capacity (bytes/s) and windows (null: always open). */
export function link(
  id: string,
  capacity: Rational,
  windows: readonly Window[] | null = null,
  ends: { from?: string; to?: string } = {},
): ScenarioLink {
  return {
    id,
    from: ends.from ?? 'a',
    to: ends.to ?? 'b',
    capacity,
    latencyMs: null,
    costPerByte: null,
    windows,
    reverseOf: null,
  };
}

/** A node with optional caps. */
export function node(
  id: string,
  opts: {
    kind?: ScenarioNode['kind'];
    timezone?: string;
    read?: Rational;
    write?: Rational;
    storage?: bigint;
    provider?: string;
  } = {},
): ScenarioNode {
  const kind = opts.kind ?? 'site';
  return {
    id,
    kind,
    timezone: opts.timezone ?? null,
    location: null,
    storage: opts.storage ?? 0n,
    read: opts.read ?? null,
    write: opts.write ?? null,
    capacity: null,
    provider: opts.provider ?? null,
    domain: kind === 'site' || kind === 'exchange' ? null : (opts.provider ?? id),
    region: null,
  };
}

/** A provider with optional caps. */
export function provider(
  id: string,
  opts: { ingress?: Rational; egress?: Rational; nodes?: string[] } = {},
): Provider {
  return {
    id,
    ingress: opts.ingress ?? null,
    egress: opts.egress ?? null,
    source: null,
    nodes: opts.nodes ?? [],
  };
}

/** A scenario around the given pieces (nodes `a` and `b` when none are given). */
export function scenario(parts: {
  horizon: Horizon;
  links: readonly ScenarioLink[];
  nodes?: readonly ScenarioNode[];
  providers?: readonly Provider[];
}): Scenario {
  return {
    wanplan: 1,
    name: 'fixture',
    horizon: parts.horizon,
    providers: parts.providers ?? [],
    nodes: parts.nodes ?? [node('a', { timezone: 'UTC' }), node('b', { timezone: 'UTC' })],
    links: parts.links,
    datasets: [],
  };
}

/** Sum of a calendar row (exact while below 2^53). */
export function total(row: Float64Array): number {
  let s = 0;
  for (const v of row) s += v;
  return s;
}

/** Indices of the non-zero slots of a row. */
export function openSlots(row: Float64Array): number[] {
  const out: number[] = [];
  row.forEach((v, i) => {
    if (v !== 0) out.push(i);
  });
  return out;
}

/** ISO text of epoch seconds, `2026-03-29T01:30:00Z`. */
export function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
