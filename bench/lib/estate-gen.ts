/**
 * Seeded generator of realistic backup estates for the policy benchmarks (issue 13,
 * "Performance"). The model:
 *
 * - **Continents** eu, na, sa, apac, cn (the China partition) and af (Africa and the Middle
 *   East), each with real IANA zones (DST, half-hour and quarter-hour zones among them), city
 *   coordinates and a neighbour used when it has no exchange or cloud region of its own.
 * - **Sites** spread over the continents by weight; each has one or more datasets. Every site
 *   has two WAN uplinks to regional exchanges (a primary and a smaller secondary), sized from the
 *   site's wire volume to one of the tiers 1–100 Gbps, open at full share in local nights
 *   (19:00–07:00, Sunday to Thursday nights) and on local weekends, at 25 % during the business
 *   day. A quarter of the sites have a dedicated direct connect to a cloud region; 30 % stage
 *   data (`storage`). The links left to reach `links` are site-to-site WAN links within a
 *   continent (night windows), which the planner may use as detours through staging sites.
 * - **Exchanges** (real IX names) per continent by site share; each links to every cloud region
 *   of its continent (400 Gbps; 100 Gbps back, which is provider egress) and to every other
 *   exchange (100 Gbps; 10 Gbps across the China border).
 * - **Cloud regions** of aws, azure and gcp (real region names; China: aws and azure only), with
 *   a ring of 100 Gbps inter-region links per provider. **Provider caps**: `ingress` sized to
 *   the estate's average wire rate (each provider alone can take it), `egress` fixed at
 *   200/100/100 Gbps — ordinary caps that span all of a provider's regions, so every scenario
 *   with them is planned by the multi-commodity LP.
 * - **Dedup appliances** (on-premises, each its own failure domain `onprem-<id>`) in the
 *   datacentres of the largest continents: linked from their hub site (100 Gbps LAN) and from
 *   and to the continent's exchanges; `capacity` (the backup store) sized to what may land there.
 * - **Datasets** of 1 TB–2 PB, log-uniform, reduction 2–6, 15 % ready a day late.
 *
 * Policies (`policies`): `one` — every dataset the same `to` (omitted: any cloud), `copies: 1`,
 * no due; the provider egress caps are there all the same. `mixed` — China-partition data only
 * to China regions; half the EU data EU-only (EU regions and EU appliances); `copiesShare` of the
 * datasets `copies: 2` on an appliance of their continent and a cloud provider (two failure
 * domains); some data pinned to one provider; and dues at 2/7, 4/7 and 6/7 of the horizon (three
 * due classes) for datasets whose site could ship all its data at least twice over by then.
 *
 * Determinism: topology, sizes and capacities come from one mulberry32 stream, policies from a
 * second one, so `one` and `mixed` of the same seed and sizes are the same estate.
 */
import { mulberry32 } from './random.js';

/** Options of {@link generateEstate}. */
export interface EstateOptions {
  /** PRNG seed. @defaultValue 1 */
  readonly seed?: number;
  /** Sites. @defaultValue 300 */
  readonly sites?: number;
  /** Cloud regions of aws, azure and gcp together. @defaultValue 40 */
  readonly regions?: number;
  /** Internet exchanges. @defaultValue max(2, min(14, round(sites / 25))) */
  readonly exchanges?: number;
  /** On-premises dedup appliances. @defaultValue max(1, min(6, round(sites / 80))) */
  readonly appliances?: number;
  /** Directed links in total (an error if fewer than the backbone needs). @defaultValue 2000 */
  readonly links?: number;
  /** Slots of the horizon. @defaultValue 672 */
  readonly slots?: number;
  /** Slot length in seconds. @defaultValue 900 */
  readonly slotSeconds?: number;
  /** Datasets (at least one per site while there are sites left). @defaultValue 2 × sites */
  readonly datasets?: number;
  /** `one`: every dataset the same `to`, copies 1, no due; `mixed`: see the module header. @defaultValue 'mixed' */
  readonly policies?: 'one' | 'mixed';
  /** Share of `copies: 2` datasets in `mixed`. @defaultValue 0.05 */
  readonly copiesShare?: number;
}

type Continent = 'eu' | 'na' | 'sa' | 'apac' | 'cn' | 'af';
const CONTINENTS: readonly Continent[] = ['eu', 'na', 'apac', 'sa', 'cn', 'af'];
const SITE_WEIGHT: Record<Continent, number> = { eu: 0.3, na: 0.3, apac: 0.2, sa: 0.07, cn: 0.08, af: 0.05 };
const REGION_WEIGHT: Record<Continent, number> = {
  eu: 0.25,
  na: 0.3,
  apac: 0.25,
  sa: 0.075,
  cn: 0.075,
  af: 0.05,
};
const NEIGHBOUR: Record<Continent, Continent> = {
  eu: 'na',
  na: 'eu',
  sa: 'na',
  apac: 'na',
  cn: 'apac',
  af: 'eu',
};
const words = (s: string) => s.split(/\s+/).filter((w) => w.length > 0);

/** Zones with a city's coordinates: "zone lat lon" triples. */
const ZONES = Object.fromEntries(
  Object.entries({
    eu: `Europe/Berlin 52.5 13.4  Europe/London 51.5 -0.1  Europe/Paris 48.9 2.4  Europe/Madrid 40.4 -3.7
      Europe/Warsaw 52.2 21.0  Europe/Stockholm 59.3 18.1  Europe/Dublin 53.3 -6.3  Europe/Helsinki 60.2 24.9
      Europe/Lisbon 38.7 -9.1  Europe/Zurich 47.4 8.5`,
    na: `America/New_York 40.7 -74.0  America/Chicago 41.9 -87.6  America/Denver 39.7 -105.0
      America/Los_Angeles 34.1 -118.2  America/Toronto 43.7 -79.4  America/Phoenix 33.4 -112.1
      America/Mexico_City 19.4 -99.1  America/St_Johns 47.6 -52.7  America/Halifax 44.6 -63.6`,
    sa: `America/Sao_Paulo -23.6 -46.6  America/Argentina/Buenos_Aires -34.6 -58.4  America/Santiago -33.4 -70.7
      America/Bogota 4.7 -74.1  America/Lima -12.0 -77.0`,
    apac: `Asia/Tokyo 35.7 139.7  Asia/Seoul 37.6 127.0  Asia/Singapore 1.3 103.8  Asia/Kolkata 19.1 72.9
      Asia/Kathmandu 27.7 85.3  Australia/Sydney -33.9 151.2  Australia/Adelaide -34.9 138.6
      Australia/Perth -31.95 115.9  Pacific/Auckland -36.8 174.8  Asia/Jakarta -6.2 106.8
      Asia/Hong_Kong 22.3 114.2  Asia/Manila 14.6 121.0`,
    cn: 'Asia/Shanghai 31.2 121.5  Asia/Urumqi 43.8 87.6',
    af: `Africa/Johannesburg -26.2 28.0  Africa/Lagos 6.5 3.4  Africa/Cairo 30.0 31.2  Asia/Dubai 25.2 55.3
      Asia/Riyadh 24.7 46.7  Asia/Tehran 35.7 51.4  Africa/Nairobi -1.3 36.8`,
  }).map(([c, text]) => {
    const w = words(text);
    return [
      c,
      Array.from({ length: w.length / 3 }, (_, i) => [w[3 * i], Number(w[3 * i + 1]), Number(w[3 * i + 2])]),
    ];
  }),
) as unknown as Record<Continent, readonly (readonly [string, number, number])[]>;

/** Exchanges per continent (real IXes, by airport code), in the order they are used. */
const IX: Record<Continent, readonly string[]> = {
  eu: words('ix-fra ix-ams ix-lon ix-par ix-sto'),
  na: words('ix-ash ix-chi ix-sjc ix-dfw ix-tor'),
  sa: words('ix-sao ix-bog'),
  apac: words('ix-sin ix-tyo ix-syd ix-hkg ix-bom'),
  cn: words('ix-bjs ix-sha'),
  af: words('ix-jnb ix-dxb'),
};

const PROVIDERS = ['aws', 'azure', 'gcp'] as const;
type Provider = (typeof PROVIDERS)[number];
/** Real region names per provider and continent (gcp has none in China). */
const REGIONS: Record<Provider, Record<Continent, readonly string[]>> = {
  aws: {
    eu: words('eu-central-1 eu-west-1 eu-west-2 eu-west-3 eu-north-1 eu-south-1 eu-central-2 eu-south-2'),
    na: words('us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 ca-west-1'),
    sa: words('sa-east-1 mx-central-1'),
    apac: words('ap-northeast-1 ap-southeast-1 ap-southeast-2 ap-south-1 ap-northeast-2 ap-east-1'),
    cn: words('cn-north-1 cn-northwest-1'),
    af: words('af-south-1 me-south-1 me-central-1'),
  },
  azure: {
    eu: words('westeurope northeurope germanywestcentral francecentral uksouth swedencentral'),
    na: words('eastus eastus2 westus2 westus3 centralus canadacentral'),
    sa: words('brazilsouth chilecentral'),
    apac: words('japaneast southeastasia australiaeast centralindia koreacentral eastasia'),
    cn: words('chinaeast2 chinanorth3'),
    af: words('southafricanorth uaenorth qatarcentral'),
  },
  gcp: {
    eu: words('europe-west1 europe-west3 europe-west4 europe-west2 europe-north1 europe-west9'),
    na: words('us-central1 us-east1 us-east4 us-west1 us-west2 northamerica-northeast1'),
    sa: words('southamerica-east1 southamerica-west1'),
    apac: words('asia-northeast1 asia-southeast1 australia-southeast1 asia-south1 asia-east1'),
    cn: [],
    af: words('africa-south1 me-west1 me-central1'),
  },
};

/** Uplink tiers in Gbps. */
const TIERS = [1, 2.5, 5, 10, 25, 40, 100];
const GB = 1e9;

/** Largest-remainder split of `n` by weights, keeping `min` where asked. */
function apportion(
  n: number,
  weights: Record<Continent, number>,
  min: Partial<Record<Continent, number>> = {},
) {
  const out = {} as Record<Continent, number>;
  let left = n;
  for (const c of CONTINENTS) {
    out[c] = Math.min(left, min[c] ?? 0);
    left -= out[c];
  }
  const total = CONTINENTS.reduce((s, c) => s + weights[c], 0);
  const exact = CONTINENTS.map((c) => [c, (left * weights[c]) / total] as const);
  for (const [c, x] of exact) out[c] += Math.floor(x);
  let rest = n - CONTINENTS.reduce((s, c) => s + out[c], 0);
  for (const [c] of [...exact].sort(
    (a, b) => (b[1] % 1) - (a[1] % 1) || CONTINENTS.indexOf(a[0]) - CONTINENTS.indexOf(b[0]),
  )) {
    if (rest-- <= 0) break;
    out[c]++;
  }
  return out;
}

const gbps = (x: number) => `${x}Gbps`;
const duration = (s: number) =>
  s % 86_400 === 0
    ? `${s / 86_400}d`
    : s % 3600 === 0
      ? `${s / 3600}h`
      : s % 60 === 0
        ? `${s / 60}min`
        : `${s}s`;

/** Generates the estate (a scenario document, ready for `JSON.stringify`); see the module header. */
export function generateEstate(o: EstateOptions = {}): Record<string, unknown> {
  const seed = o.seed ?? 1;
  const rnd = mulberry32(seed);
  const pol = mulberry32((seed ^ 0x5bd1e995) >>> 0);
  const pick = <T>(xs: readonly T[], r = rnd): T => xs[Math.floor(r() * xs.length)];
  const nSites = o.sites ?? 300;
  const nRegions = o.regions ?? 40;
  const nIx = o.exchanges ?? Math.max(2, Math.min(14, Math.round(nSites / 25)));
  const nApp = o.appliances ?? Math.max(1, Math.min(6, Math.round(nSites / 80)));
  const nLinks = o.links ?? 2000;
  const slots = o.slots ?? 672;
  const slotS = o.slotSeconds ?? 900;
  const horizonS = slots * slotS;
  const nData = o.datasets ?? 2 * nSites;
  const mixed = (o.policies ?? 'mixed') === 'mixed';
  const copiesShare = o.copiesShare ?? 0.05;

  // Sites and their continents.
  const siteCount = apportion(nSites, SITE_WEIGHT);
  const sites = CONTINENTS.flatMap((c) =>
    Array.from({ length: siteCount[c] }, () => {
      const [zone, lat, lon] = pick(ZONES[c]);
      return {
        c,
        zone,
        loc: [Math.round((lat + rnd() * 2 - 1) * 100) / 100, Math.round((lon + rnd() * 2 - 1) * 100) / 100],
      };
    }),
  ).map((s, i) => ({ ...s, id: `${s.c}-site-${String(i).padStart(3, '0')}`, staging: rnd() < 0.3 }));

  // Cloud regions: per continent by weight (China at least one if it has sites), providers in turn.
  const regionCount = apportion(nRegions, REGION_WEIGHT, siteCount.cn > 0 && nRegions >= 6 ? { cn: 1 } : {});
  const clouds: { id: string; p: Provider; c: Continent; region: string }[] = [];
  let turn = 0; // providers in turn across continents, so that small estates get all three
  for (const c of CONTINENTS) {
    const next: Record<Provider, number> = { aws: 0, azure: 0, gcp: 0 };
    for (let k = 0, tries = 0; k < regionCount[c] && tries < 100; tries++) {
      const p = PROVIDERS[turn++ % 3];
      const region = REGIONS[p][c][next[p]++];
      if (region === undefined) continue;
      clouds.push({ id: `${p}-${region}`, p, c, region });
      k++;
    }
  }
  const providers = PROVIDERS.filter((p) => clouds.some((k) => k.p === p));
  // Exchanges per continent by site share; a continent without one uses its neighbour's.
  const ixCount = apportion(nIx, SITE_WEIGHT, { eu: 1, na: nIx >= 2 ? 1 : 0 });
  const ixs = CONTINENTS.flatMap((c) => IX[c].slice(0, ixCount[c]).map((id) => ({ id, c })));
  const near = <T extends { c: Continent }>(xs: readonly T[], c: Continent): T[] => {
    for (let k: Continent = c, hops = 0; hops < 6; k = NEIGHBOUR[k], hops++) {
      const here = xs.filter((x) => x.c === k);
      if (here.length > 0) return here;
    }
    return [...xs];
  };

  // Datasets: one per site first, the rest on random sites; 1 TB – 2 PB log-uniform.
  const datasets = Array.from({ length: nData }, (_, i) => {
    const site = i < nSites ? sites[i] : pick(sites);
    const bytes = Math.round(GB * 1000 * Math.exp(rnd() * Math.log(2000)));
    const reduction = pick([2, 2.5, 3, 4, 6]);
    return {
      id: `ds-${String(i).padStart(3, '0')}`,
      site,
      bytes,
      reduction,
      wire: bytes / reduction,
      late: rnd() < 0.15,
    };
  });
  const siteWire = new Map<string, number>();
  for (const d of datasets) siteWire.set(d.site.id, (siteWire.get(d.site.id) ?? 0) + d.wire);

  // Links (directed; ids default to from->to, so each pair at most once).
  const links: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string, capacity: string, windows?: unknown[]) => {
    if (from === to || seen.has(`${from}>${to}`)) return false;
    seen.add(`${from}>${to}`);
    links.push({ from, to, capacity, ...(windows ? { windows } : {}) });
    return true;
  };
  const night = (share: string) => [
    { days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri'], from: '19:00', to: '07:00', share },
    { days: ['sat', 'sun'] },
    { from: '07:00', to: '19:00', share: '25%' },
  ];
  // Open share of a week of these windows ≈ (2 + 5 · (½ + ½ · ¼)) / 7 ≈ 0.73: the primary uplink
  // is the smallest tier that ships the site's data (+10 % for copies) in 75 % of the open time.
  const FILL = 0.73 * 0.75;
  const uplink = new Map<string, number>();
  for (const s of sites) {
    const needGbps = ((siteWire.get(s.id) ?? 0) * 8 * 1.1) / (horizonS * FILL) / GB;
    const tier = TIERS.find((t) => t >= needGbps) ?? TIERS[TIERS.length - 1];
    uplink.set(s.id, tier);
    const local = near(ixs, s.c);
    const primary = pick(local);
    add(s.id, primary.id, gbps(tier), night(pick(['100%', '80%'])));
    const others = local.length > 1 ? local.filter((x) => x !== primary) : near(ixs, NEIGHBOUR[s.c]);
    add(s.id, pick(others).id, gbps(TIERS[Math.max(0, TIERS.indexOf(tier) - 1)]), night('100%'));
  }
  for (const x of ixs) {
    for (const k of near(clouds, x.c)) {
      add(x.id, k.id, '400Gbps');
      add(k.id, x.id, '100Gbps');
    }
  }
  for (const x of ixs)
    for (const y of ixs) add(x.id, y.id, (x.c === 'cn') !== (y.c === 'cn') ? '10Gbps' : '100Gbps');
  for (const p of providers) {
    const ring = clouds.filter((k) => k.p === p);
    if (ring.length > 1)
      for (const [i, k] of ring.entries()) add(k.id, ring[(i + 1) % ring.length].id, '100Gbps');
  }
  // Appliances: in the continents with most sites, at a hub site's datacentre.
  const appCount = apportion(nApp, { ...SITE_WEIGHT, sa: 0, af: 0, cn: 0 });
  const apps: { id: string; c: Continent; hub: (typeof sites)[number] }[] = [];
  for (const c of CONTINENTS) {
    const local = sites.filter((s) => s.c === c);
    for (let k = 0; k < appCount[c] && local.length > 0; k++)
      apps.push({ id: `dedup-${c}-${k + 1}`, c, hub: local[(k * 7) % local.length] });
  }
  for (const a of apps) {
    add(a.hub.id, a.id, '100Gbps');
    for (const x of near(ixs, a.c)) {
      add(x.id, a.id, '100Gbps');
      add(a.id, x.id, '40Gbps');
    }
  }
  for (const s of sites) if (rnd() < 0.25) add(s.id, pick(near(clouds, s.c)).id, gbps(pick([10, 25])));
  const backbone = links.length;
  if (backbone > nLinks)
    throw new RangeError(`estate: ${nLinks} links requested, but the backbone alone has ${backbone}`);
  for (let guard = 0; links.length < nLinks && guard < 100 * nLinks; guard++) {
    const a = pick(sites);
    const peers = sites.filter((s) => s.c === a.c && s !== a);
    const b = pick(peers.length > 0 ? peers : near(sites, NEIGHBOUR[a.c]));
    add(a.id, b.id, gbps(pick([1, 10])), night('100%'));
  }
  if (links.length < nLinks) throw new RangeError(`estate: cannot place ${nLinks} distinct links`);

  // Policies (second stream).
  const dueAt = [2 / 7, 4 / 7, 6 / 7].map((f) => Math.round((f * slots) / 4) * 4);
  const start = Date.UTC(2026, 11, 5);
  const iso = (slot: number) => new Date(start + slot * slotS * 1000).toISOString().replace('.000Z', 'Z');
  const eu = [
    ...clouds.filter((k) => k.c === 'eu').map((k) => k.id),
    ...apps.filter((a) => a.c === 'eu').map((a) => a.id),
  ];
  const china = clouds.filter((k) => k.c === 'cn').map((k) => k.id);
  const copiesTo = new Map<string, number>();
  let dueTurn = 0;
  const docs = datasets.map((d) => {
    const base = {
      id: d.id,
      at: d.site.id,
      size: `${Math.round(d.bytes / GB)}GB`,
      reduction: d.reduction,
      ...(d.late ? { ready: iso(Math.round(86_400 / slotS)) } : {}),
    };
    if (!mixed) return base;
    const r = pol();
    const local = apps.filter((a) => a.c === d.site.c);
    let policy: Record<string, unknown> = {};
    if (d.site.c === 'cn' && china.length > 0) policy = { to: china };
    else if (r < copiesShare && local.length > 0) {
      const a = pick(local, pol);
      copiesTo.set(a.id, (copiesTo.get(a.id) ?? 0) + d.wire);
      policy = { to: [a.id, pick(providers, pol)], copies: 2 };
    } else if (d.site.c === 'eu' && r < 0.55) policy = { to: eu };
    else if (r < 0.3) policy = { to: [pick(providers, pol)] };
    // A due when the site could ship all its data twice over by then (primary uplink, open 55 %).
    const shipSlots = ((siteWire.get(d.site.id) ?? 0) * 8) / (uplink.get(d.site.id)! * GB * FILL) / slotS;
    const readySlot = d.late ? Math.round(86_400 / slotS) : 0;
    const ok = dueAt.filter((t) => t - readySlot >= 2 * shipSlots + 4);
    // The three due classes in turn (a later one where an early one is too tight), so that small estates get all.
    if (ok.length > 0 && pol() < 0.5)
      policy = { ...policy, due: iso(ok[Math.max(0, ok.length - 1 - (dueTurn++ % 3))]) };
    return { ...base, ...policy };
  });

  const totalWire = datasets.reduce((s, d) => s + d.wire, 0);
  const ingressGbps = Math.max(100, Math.ceil((totalWire * 8) / horizonS / GB / 0.73 / 100) * 100);
  const nodes = [
    ...sites.map((s) => ({
      id: s.id,
      kind: 'site',
      timezone: s.zone,
      location: s.loc,
      ...(s.staging ? { storage: '100TB' } : {}),
    })),
    ...apps.map((a) => ({
      id: a.id,
      kind: 'appliance',
      timezone: a.hub.zone,
      location: a.hub.loc,
      provider: `onprem-${a.id}`,
      storage: '500TB',
      capacity: `${Math.max(1, Math.ceil(((copiesTo.get(a.id) ?? 0) * 1.5) / 1e15))}PB`,
      write: '100Gbps',
    })),
    ...ixs.map((x) => ({ id: x.id, kind: 'exchange' })),
    ...clouds.map((k) => ({ id: k.id, kind: 'cloud', provider: k.p, region: k.region })),
  ];
  return {
    wanplan: 1,
    name: `estate-${nSites}-${mixed ? 'mixed' : 'one'}-seed${seed}`,
    horizon: { start: iso(0), length: duration(horizonS), slot: duration(slotS) },
    providers: Object.fromEntries(
      providers.map((p) => [p, { ingress: gbps(ingressGbps), egress: p === 'aws' ? '200Gbps' : '100Gbps' }]),
    ),
    nodes,
    links,
    datasets: docs,
  };
}
