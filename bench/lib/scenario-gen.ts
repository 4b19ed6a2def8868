/**
 * Seeded generator of worldwide one-policy backup scenarios for the planner benchmark: sites in
 * real time zones (half-hour and DST zones included) with nightly windows, staging appliances
 * at some sites, internet exchanges, cloud regions of three providers with ingress caps, and
 * one dataset per site to any cloud. The output is a scenario document (JSON, which the YAML
 * reader accepts), so a generated case can be saved and planned with the CLI.
 *
 * Determinism: the same options give the same document (a mulberry32 stream from `seed`).
 */
import { mulberry32 } from './random.js';

/** Options of {@link generateWorldwideScenario}. */
export interface ScenarioGenOptions {
  /** PRNG seed. @defaultValue 1 */
  readonly seed?: number;
  /** Number of sites. @defaultValue 300 */
  readonly sites?: number;
  /** Number of cloud regions. @defaultValue 40 */
  readonly clouds?: number;
  /** Number of exchanges. @defaultValue 8 */
  readonly exchanges?: number;
  /** Number of links in total (at least 2 per site plus exchange uplinks). @defaultValue 2000 */
  readonly links?: number;
  /** Horizon in days. @defaultValue 7 */
  readonly days?: number;
  /** Slot length in seconds. @defaultValue 900 */
  readonly slotSeconds?: number;
}

const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Africa/Johannesburg',
  'America/St_Johns',
  'Asia/Tehran',
];

/** Generates the scenario document (a plain object, ready for `JSON.stringify`). */
export function generateWorldwideScenario(options: ScenarioGenOptions = {}): Record<string, unknown> {
  const rnd = mulberry32(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const nSites = options.sites ?? 300;
  const nClouds = options.clouds ?? 40;
  const nIx = options.exchanges ?? 8;
  const nLinks = options.links ?? 2000;
  const days = options.days ?? 7;
  const slot = options.slotSeconds ?? 900;
  const providers = ['aws', 'azure', 'gcp'];
  const sites = Array.from({ length: nSites }, (_, i) => {
    const staging = rnd() < 0.3;
    return {
      id: `site-${String(i).padStart(3, '0')}`,
      kind: 'site',
      timezone: pick(ZONES),
      ...(staging ? { storage: '200TB' } : {}),
      ...(rnd() < 0.2 ? { read: '20Gbps' } : {}),
    };
  });
  const ixs = Array.from({ length: nIx }, (_, i) => ({ id: `ix-${i}`, kind: 'exchange' }));
  const clouds = Array.from({ length: nClouds }, (_, i) => ({
    id: `${providers[i % 3]}-r${String(i).padStart(2, '0')}`,
    kind: 'cloud',
    provider: providers[i % 3],
    ...(rnd() < 0.5 ? { write: '100Gbps' } : {}),
  }));
  const links: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string, capacity: string, windows?: unknown[]) => {
    if (from === to || seen.has(`${from}>${to}`)) return false;
    seen.add(`${from}>${to}`);
    links.push({ from, to, capacity, ...(windows ? { windows } : {}) });
    return true;
  };
  const night = (share: string) => [{ from: '22:00', to: '06:00', share }, { days: ['sat', 'sun'] }];
  for (const s of sites) {
    add(s.id, pick(ixs).id, pick(['1Gbps', '2.5Gbps', '5Gbps', '10Gbps']), night(pick(['50%', '80%'])));
    add(s.id, pick(clouds).id, pick(['200Mbps', '500Mbps', '1Gbps']));
  }
  for (const x of ixs) for (const c of clouds) add(x.id, c.id, '40Gbps');
  while (links.length < nLinks) {
    const r = rnd();
    if (r < 0.75) {
      const a = pick(sites);
      const b = pick(sites);
      add(a.id, b.id, pick(['1Gbps', '10Gbps']), night('100%'));
    } else {
      add(pick(clouds).id, pick(clouds).id, '10Gbps');
    }
  }
  const datasets = sites.map((s, i) => ({
    id: `ds-${String(i).padStart(3, '0')}`,
    at: s.id,
    size: `${Math.round(20 + rnd() * 100)}TB`,
    reduction: pick([2, 3, 4]),
  }));
  return {
    wanplan: 1,
    name: `bench-worldwide-${options.seed ?? 1}`,
    horizon: { start: '2026-12-05T00:00:00Z', length: `${days}d`, slot: `${slot}s` },
    providers: { aws: { ingress: '400Gbps' }, azure: { ingress: '200Gbps' }, gcp: { ingress: '200Gbps' } },
    nodes: [...sites, ...ixs, ...clouds],
    links,
    datasets,
  };
}
