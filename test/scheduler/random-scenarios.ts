/**
 * Random one-policy scenarios for property tests (fast-check): sites with staging and caps, maybe
 * an exchange, clouds, windows across DST changes and half-hour zones.
 */
import fc from 'fast-check';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'Asia/Kathmandu',
];
const STARTS = ['2026-03-28T00:00:00Z', '2026-10-31T12:00:00Z', '2026-12-05T00:00:00Z'];
const RATES = ['500MB/h', '1GB/h', '2GB/h', '5GB/h'];
const SIZES = ['300MB', '1GB', '5GB', '12GB', '0B'];
const TIMES = ['00:00', '01:30', '02:30', '06:00', '12:00', '22:00'];

/** A random one-policy scenario as YAML: sites (some staging, caps), maybe an exchange, clouds, windows. */
export const scenarioYaml = fc
  .record({
    start: fc.constantFrom(...STARTS),
    halfHour: fc.boolean(),
    sites: fc.array(
      fc.record({
        zone: fc.constantFrom(...ZONES),
        storage: fc.constantFrom('0B', '2GB', '20GB'),
        read: fc.option(fc.constantFrom('1GB/h', '3GB/h'), { nil: undefined }),
        write: fc.option(fc.constantFrom('1GB/h', '3GB/h'), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    exchange: fc.boolean(),
    clouds: fc.array(
      fc.record({
        provider: fc.constantFrom('aws', 'gcp'),
        write: fc.option(fc.constantFrom('2GB/h'), { nil: undefined }),
      }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    awsIngress: fc.option(fc.constantFrom('1GB/h', '4GB/h'), { nil: undefined }),
    links: fc.array(
      fc.record({
        from: fc.nat(9),
        to: fc.nat(9),
        rate: fc.constantFrom(...RATES),
        window: fc.option(
          fc.record({
            from: fc.constantFrom(...TIMES),
            to: fc.constantFrom(...TIMES),
            zone: fc.constantFrom(...ZONES),
            share: fc.constantFrom('50%', '100%'),
          }),
          { nil: undefined },
        ),
      }),
      { minLength: 2, maxLength: 10 },
    ),
    // One out-link per site towards a later node (sites, exchange, clouds), so most data can move.
    uplinks: fc.array(
      fc.record({
        to: fc.nat(9),
        rate: fc.constantFrom(...RATES),
        window: fc.option(fc.constantFrom(...TIMES), { nil: undefined }),
      }),
      {
        minLength: 4,
        maxLength: 4,
      },
    ),
    datasets: fc.array(
      fc.record({ at: fc.nat(9), size: fc.constantFrom(...SIZES), readyHours: fc.nat(10) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  })
  .map((r) => {
    const ids = [
      ...r.sites.map((_, i) => `s${i}`),
      ...(r.exchange ? ['x'] : []),
      ...r.clouds.map((_, i) => `c${i}`),
    ];
    const nodes = [
      ...r.sites.map(
        (s, i) =>
          `  - { id: s${i}, kind: site, timezone: ${s.zone}, storage: ${s.storage}${s.read ? `, read: ${s.read}` : ''}${s.write ? `, write: ${s.write}` : ''} }`,
      ),
      ...(r.exchange ? ['  - { id: x, kind: exchange }'] : []),
      ...r.clouds.map(
        (c, i) =>
          `  - { id: c${i}, kind: cloud, provider: ${c.provider}${c.write ? `, write: ${c.write}` : ''} }`,
      ),
    ];
    const seen = new Set<string>();
    const links: string[] = [];
    for (const l of r.links) {
      const from = ids[l.from % ids.length];
      const to = ids[l.to % ids.length];
      if (from === to || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      const w = l.window
        ? `, windows: [ { from: "${l.window.from}", to: "${l.window.to}", timezone: ${l.window.zone}, share: ${l.window.share} } ]`
        : '';
      links.push(`  - { from: ${from}, to: ${to}, capacity: ${l.rate}${w} }`);
    }
    r.sites.forEach((_, i) => {
      const later = ids.length - i - 1;
      const to = ids[i + 1 + (r.uplinks[i].to % later)];
      if (seen.has(`s${i}>${to}`)) return;
      seen.add(`s${i}>${to}`);
      const w = r.uplinks[i].window;
      const win = w ? `, windows: [ { from: "${w}", to: "06:00", timezone: ${r.sites[i].zone} } ]` : '';
      links.push(`  - { from: s${i}, to: ${to}, capacity: ${r.uplinks[i].rate}${win} }`);
    });
    const startMs = Date.parse(r.start);
    const datasets = r.datasets.map((d, i) => {
      const ready = new Date(startMs + d.readyHours * 3_600_000).toISOString().slice(0, 19);
      return `  - { id: d${i}, at: s${d.at % r.sites.length}, size: ${d.size}, ready: ${ready}Z }`;
    });
    return `wanplan: 1
horizon: { start: ${r.start}, length: ${r.halfHour ? '1d' : '2d'}, slot: ${r.halfHour ? '30min' : '1h'} }
${r.awsIngress ? `providers: { aws: { ingress: ${r.awsIngress} } }\n` : ''}nodes:
${nodes.join('\n')}
links:
${links.length > 0 ? links.join('\n') : '  - { from: s0, to: s1, capacity: 1GB/h }'}
datasets:
${datasets.join('\n')}
`;
  });
