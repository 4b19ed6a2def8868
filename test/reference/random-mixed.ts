/**
 * Random SMALL mixed-policy scenarios for the reference-optimality property (fast-check), written
 * as YAML text so that they go through the real scenario reader.
 *
 * Shape: 2–3 sites (staging, read/write caps), maybe an exchange, maybe a dedup appliance (its
 * own failure domain or provider `onprem`, maybe a `capacity`), 2–3 clouds (c0 aws, c1 gcp, c2
 * either), so 4–8 nodes; 12–48 slots of 1 h or 30 min; random links (windows in UTC or Berlin
 * time, shares, some bidirectional, some leaving clouds so that provider `egress` binds), one
 * uplink per site; provider `ingress`/`egress` caps (sometimes 0); 2–6 datasets at sites or at
 * c0 with residency (`to` sets that differ), `copies: 2` across an appliance and a cloud or two
 * clouds, ready times and dues (often binding). A policy that the scenario cannot satisfy (no
 * appliance, its only destination is the origin, fewer domains than copies) falls back to the
 * default "any cloud", so every generated text is valid.
 */
import fc from 'fast-check';

const RATES = ['500MB/h', '1GB/h', '2GB/h', '4GB/h'];
const SIZES = ['300MB', '1500kB', '2GB', '5GB', '9GB'];
const TIMES = ['00:00', '02:30', '06:00', '09:00', '18:00', '22:00'];
const ZONES = ['UTC', 'Europe/Berlin'];

/** The random choices behind one scenario. */
export interface MixedShape {
  readonly start: string;
  readonly halfHour: boolean;
  readonly hours: number;
  readonly sites: readonly { storage: string; read: string | null; write: string | null }[];
  readonly exchange: boolean;
  readonly appliance: { provider: boolean; capacity: string | null; storage: string } | null;
  readonly clouds: readonly { storage: string; write: string | null; aws: boolean }[];
  readonly caps: {
    awsIngress: string | null;
    awsEgress: string | null;
    gcpIngress: string | null;
    gcpEgress: string | null;
    onpremIngress: string | null;
  };
  readonly links: readonly {
    from: number;
    to: number;
    rate: string;
    window: { from: string; to: string; zone: string; share: string } | null;
    bidirectional: boolean;
  }[];
  readonly uplinks: readonly { to: number; rate: string; second: boolean }[];
  readonly datasets: readonly {
    atCloud: boolean;
    at: number;
    size: string;
    ready: number;
    policy: number;
    due: number | null;
  }[];
}

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 2 });

/** Arbitrary of {@link MixedShape}. */
export const mixedShape: fc.Arbitrary<MixedShape> = fc.record({
  start: fc.constantFrom('2026-12-05T00:00:00Z', '2026-03-28T12:00:00Z'),
  halfHour: fc.boolean(),
  hours: fc.constantFrom(12, 24, 36, 48),
  sites: fc.array(
    fc.record({
      storage: fc.constantFrom('0B', '3GB', '20GB'),
      read: opt(fc.constantFrom('1GB/h', '3GB/h')),
      write: opt(fc.constantFrom('1GB/h')),
    }),
    { minLength: 2, maxLength: 3 },
  ),
  exchange: fc.boolean(),
  appliance: opt(
    fc.record({
      provider: fc.boolean(),
      capacity: opt(fc.constantFrom('3GB', '12GB', '3GB', '12GB', '0B')),
      storage: fc.constantFrom('0B', '4GB'),
    }),
  ),
  clouds: fc.array(
    fc.record({
      storage: fc.constantFrom('0B', '0B', '2GB'),
      write: opt(fc.constantFrom('2GB/h')),
      aws: fc.boolean(),
    }),
    { minLength: 2, maxLength: 3 },
  ),
  caps: fc.record({
    awsIngress: opt(fc.constantFrom('1GB/h', '3GB/h')),
    awsEgress: opt(fc.constantFrom('500MB/h', '1GB/h', '500MB/h', '1GB/h', '0Gbps')),
    gcpIngress: opt(fc.constantFrom('2GB/h', '2GB/h', '2GB/h', '0Gbps')),
    gcpEgress: opt(fc.constantFrom('1GB/h')),
    onpremIngress: opt(fc.constantFrom('1GB/h')),
  }),
  links: fc.array(
    fc.record({
      from: fc.nat(15),
      to: fc.nat(15),
      rate: fc.constantFrom(...RATES),
      window: opt(
        fc.record({
          from: fc.constantFrom(...TIMES),
          to: fc.constantFrom(...TIMES),
          zone: fc.constantFrom(...ZONES),
          share: fc.constantFrom('50%', '100%', '37%'),
        }),
      ),
      bidirectional: fc.boolean(),
    }),
    { minLength: 3, maxLength: 10 },
  ),
  uplinks: fc.array(fc.record({ to: fc.nat(7), rate: fc.constantFrom(...RATES), second: fc.boolean() }), {
    minLength: 6,
    maxLength: 6,
  }),
  datasets: fc.array(
    fc.record({
      atCloud: fc.constantFrom(false, false, false, true),
      at: fc.nat(2),
      size: fc.constantFrom(...SIZES),
      ready: fc.nat(6),
      policy: fc.nat(8),
      due: opt(fc.nat(40)),
    }),
    { minLength: 2, maxLength: 6 },
  ),
});

/** The YAML text of a shape. */
export function mixedYaml(r: MixedShape): string {
  const sites = r.sites.map((_, i) => `s${i}`);
  const clouds = r.clouds.map((_, i) => `c${i}`);
  const cloudProvider = r.clouds.map((c, i) => (i === 0 ? 'aws' : i === 1 ? 'gcp' : c.aws ? 'aws' : 'gcp'));
  const box = r.appliance ? 'box' : null;
  const ids = [...sites, ...(r.exchange ? ['x'] : []), ...(box ? [box] : []), ...clouds];
  const later = ids.slice(sites.length);
  const nodes = [
    ...r.sites.map(
      (s, i) =>
        `  - { id: s${i}, kind: site, timezone: Europe/Berlin, storage: ${s.storage}` +
        `${s.read ? `, read: ${s.read}` : ''}${s.write ? `, write: ${s.write}` : ''} }`,
    ),
    ...(r.exchange ? ['  - { id: x, kind: exchange }'] : []),
    ...(r.appliance
      ? [
          `  - { id: box, kind: appliance, storage: ${r.appliance.storage}` +
            `${r.appliance.provider ? ', provider: onprem' : ''}` +
            `${r.appliance.capacity ? `, capacity: ${r.appliance.capacity}` : ''} }`,
        ]
      : []),
    ...r.clouds.map(
      (c, i) =>
        `  - { id: c${i}, kind: cloud, provider: ${cloudProvider[i]}, storage: ${c.storage}` +
        `${c.write ? `, write: ${c.write}` : ''} }`,
    ),
  ];
  const providers: string[] = [];
  const capLine = (name: string, ingress: string | null, egress: string | null) => {
    const f = [ingress ? `ingress: ${ingress}` : '', egress ? `egress: ${egress}` : ''].filter((x) => x);
    if (f.length > 0) providers.push(`  ${name}: { ${f.join(', ')} }`);
  };
  capLine('aws', r.caps.awsIngress, r.caps.awsEgress);
  capLine('gcp', r.caps.gcpIngress, r.caps.gcpEgress);
  if (r.appliance?.provider) capLine('onprem', r.caps.onpremIngress, null);

  const seen = new Set<string>();
  const links: string[] = [];
  const add = (from: string, to: string, rest: string, bidirectional: boolean) => {
    if (from === to || seen.has(`${from}>${to}`) || (bidirectional && seen.has(`${to}>${from}`))) return;
    seen.add(`${from}>${to}`);
    if (bidirectional) seen.add(`${to}>${from}`);
    links.push(
      `  - { id: l${links.length}, from: ${from}, to: ${to}${rest}${bidirectional ? ', bidirectional: true' : ''} }`,
    );
  };
  // Uplinks (one or two per site), the exchange to every cloud, the appliance to a cloud and, when
  // a dataset starts at c0, c0 to c1: so that most policies can be met (egress caps then bind).
  r.sites.forEach((_, i) => {
    for (const u of [r.uplinks[2 * i], r.uplinks[2 * i + 1]]) {
      if (u === r.uplinks[2 * i] || u.second)
        add(`s${i}`, later[u.to % later.length], `, capacity: ${u.rate}`, false);
    }
  });
  if (r.exchange) {
    clouds.forEach((c, i) => {
      add('x', c, `, capacity: ${i % 2 === 0 ? '2GB/h' : '1GB/h'}`, false);
    });
  }
  if (box) add(box, clouds[(r.links.length + 1) % clouds.length], ', capacity: 1GB/h', false);
  if (r.datasets.some((d) => d.atCloud)) add('c0', 'c1', ', capacity: 1GB/h', false);
  for (const l of r.links) {
    const w = l.window
      ? `, windows: [ { from: "${l.window.from}", to: "${l.window.to}", timezone: ${l.window.zone}, share: ${l.window.share} } ]`
      : '';
    // An exchange or a cloud reached bidirectionally is fine; only self-links are skipped.
    add(ids[l.from % ids.length], ids[l.to % ids.length], `, capacity: ${l.rate}${w}`, l.bidirectional);
  }

  // Failure domains of every destination name, to keep only satisfiable policies.
  const boxDomain = r.appliance?.provider ? 'onprem' : 'box';
  const nodesOf = (name: string): { id: string; domain: string }[] => {
    if (name === 'aws' || name === 'gcp') {
      return clouds.filter((_, i) => cloudProvider[i] === name).map((id) => ({ id, domain: name }));
    }
    if (name === 'onprem' || name === 'box') return box ? [{ id: 'box', domain: boxDomain }] : [];
    return [{ id: name, domain: cloudProvider[clouds.indexOf(name)] }];
  };
  const POLICIES: { to: string[]; copies: number }[] = [
    { to: [], copies: 1 },
    { to: ['aws'], copies: 1 },
    { to: ['gcp'], copies: 1 },
    { to: ['c0'], copies: 1 },
    { to: [boxDomain], copies: 1 },
    { to: [boxDomain, 'aws'], copies: 2 },
    { to: ['aws', 'gcp'], copies: 2 },
    { to: ['gcp', boxDomain], copies: 2 },
    { to: ['c1', boxDomain], copies: 1 },
  ];
  const slotHours = r.halfHour ? 0.5 : 1;
  const hours = r.halfHour ? Math.min(r.hours, 24) : r.hours;
  const startMs = Date.parse(r.start);
  const instant = (h: number) => `${new Date(startMs + h * 3_600_000).toISOString().slice(0, 19)}Z`;
  const datasets = r.datasets.map((d, i) => {
    const at = d.atCloud ? 'c0' : `s${d.at % r.sites.length}`;
    let policy = POLICIES[d.policy % POLICIES.length];
    const dest = policy.to.flatMap(nodesOf).filter((n) => n.id !== at);
    const domains = new Set(dest.map((n) => n.domain));
    const unknown = policy.to.some((name) => nodesOf(name).length === 0);
    if (policy.to.length > 0 && (unknown || dest.length === 0 || domains.size < policy.copies)) {
      policy = POLICIES[0];
    }
    const ready = Math.min(d.ready, hours - 2);
    const due =
      d.due === null ? '' : `, due: ${instant(ready + slotHours + (d.due % Math.max(1, hours - ready)))}`;
    const to = policy.to.length > 0 ? `, to: [${policy.to.join(', ')}]` : '';
    const copies = policy.copies > 1 ? `, copies: ${policy.copies}` : '';
    return `  - { id: d${i}, at: ${at}, size: ${d.size}, ready: ${instant(ready)}${due}${to}${copies} }`;
  });
  return `wanplan: 1
name: mixed
horizon: { start: ${r.start}, length: ${hours}h, slot: ${r.halfHour ? '30min' : '1h'} }
${providers.length > 0 ? `providers:\n${providers.join('\n')}\n` : ''}nodes:
${nodes.join('\n')}
links:
${links.join('\n')}
datasets:
${datasets.join('\n')}
`;
}

/** Arbitrary YAML text of a small mixed-policy scenario. */
export const mixedScenarioYaml: fc.Arbitrary<string> = mixedShape.map(mixedYaml);

/**
 * Random TIGHT scenarios for rounding, to plan at quantum 1 GB: 2 sites, 2–3 exchanges, an
 * appliance and 2 clouds (7–8 nodes), random links of 1–2 GB/h (a few quanta per slot) plus a slow
 * direct fallback from each site to each destination, 2–4 datasets of 1–3 GB with differing
 * policies (residency, `copies: 2` over appliance + cloud or two clouds) and dues in the first
 * slots of a 6-slot horizon, so that shared capacity makes the LP optimum fractional more often.
 */
export const tightScenarioYaml: fc.Arbitrary<string> = fc
  .record({
    exchanges: fc.integer({ min: 2, max: 3 }),
    links: fc.array(
      fc.record({ from: fc.nat(20), to: fc.nat(20), rate: fc.constantFrom('1GB/h', '1GB/h', '2GB/h') }),
      { minLength: 8, maxLength: 16 },
    ),
    datasets: fc.array(
      fc.record({
        at: fc.nat(1),
        size: fc.constantFrom('1GB', '2GB', '3GB'),
        policy: fc.nat(4),
        due: opt(fc.integer({ min: 1, max: 3 })),
      }),
      { minLength: 2, maxLength: 4 },
    ),
  })
  .map((r) => {
    const xs = Array.from({ length: r.exchanges }, (_, i) => `x${i}`);
    const ids = ['s0', 's1', ...xs, 'box', 'c0', 'c1'];
    const seen = new Set<string>();
    const links: string[] = [];
    for (const l of r.links) {
      // Links go "forward" (sites → exchanges → destinations) or between exchanges.
      const from = ids[l.from % (ids.length - 2)];
      const to = ids[2 + (l.to % (ids.length - 2))];
      if (from === to || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      links.push(`  - { id: l${links.length}, from: ${from}, to: ${to}, capacity: ${l.rate} }`);
    }
    // A slow fallback so that every policy can complete within the horizon.
    for (const s of ['s0', 's1']) {
      for (const d of ['box', 'c0', 'c1'])
        links.push(`  - { id: ${s}-${d}, from: ${s}, to: ${d}, capacity: 1GB/h }`);
    }
    const POLICIES = [
      'to: [aws]',
      'to: [gcp]',
      'to: [box]',
      'to: [box, aws], copies: 2',
      'to: [aws, gcp], copies: 2',
    ];
    const datasets = r.datasets.map(
      (d, i) =>
        `  - { id: d${i}, at: s${d.at}, size: ${d.size}, ${POLICIES[d.policy]}` +
        `${d.due === null ? '' : `, due: 2026-12-05T0${d.due}:00:00Z`} }`,
    );
    return `wanplan: 1
name: tight
horizon: { start: 2026-12-05T00:00:00Z, length: 6h, slot: 1h }
nodes:
  - { id: s0, kind: site }
  - { id: s1, kind: site }
${xs.map((x) => `  - { id: ${x}, kind: exchange }`).join('\n')}
  - { id: box, kind: appliance }
  - { id: c0, kind: cloud, provider: aws }
  - { id: c1, kind: cloud, provider: gcp }
links:
${links.join('\n')}
datasets:
${datasets.join('\n')}
`;
  });
