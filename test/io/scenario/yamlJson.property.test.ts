/**
 * Property: the same scenario written as YAML and as JSON reads to a deep-equal model. Scenarios
 * are generated valid by construction (ids unique, links between distinct declared nodes, zones
 * on every node), with random units, windows, shares, numbers and optional fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../../../src/io/scenario/index.js';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Australia/Sydney'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB'];
const RATE_UNITS = ['bps', 'kbps', 'Mbps', 'Gbps', 'MBps', 'GBps', 'TB/h', 'MiB/s', 'GB/min', 'Gbit/s'];

const decimal = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }))
  .map(([i, f]) => (f === 0 ? `${i}` : `${i}.${String(f).padStart(2, '0')}`));
// Sizes are whole bytes: decimals only with SI units of at least kB (two decimals of 1000).
const size = fc
  .tuple(decimal, fc.constantFrom(...SIZE_UNITS), fc.boolean())
  .map(([n, u, sp]) => `${u === 'B' || u.includes('i') ? n.split('.')[0] : n}${sp ? ' ' : ''}${u}`);
const rate = fc.tuple(decimal, fc.constantFrom(...RATE_UNITS)).map(([n, u]) => `${n}${u}`);
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const share = fc.oneof(
  fc.integer({ min: 1, max: 100 }).map((p) => `${p}%`),
  fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
);

/** Optional field: present with a value from `arb`, or absent. */
function opt<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const windowArb = fc
  .record({
    days: opt(fc.subarray(DAYS, { minLength: 1 })),
    from: opt(time),
    to: opt(time),
    timezone: opt(fc.constantFrom(...ZONES)),
    share: opt(share),
  })
  .map(compact);

const scenarioArb = fc
  .record({
    sites: fc.integer({ min: 1, max: 3 }),
    clouds: fc.integer({ min: 1, max: 3 }),
    appliances: fc.integer({ min: 0, max: 2 }),
    zones: fc.array(fc.constantFrom(...ZONES), { minLength: 8, maxLength: 8 }),
    storage: fc.array(opt(size), { minLength: 8, maxLength: 8 }),
    slotMinutes: fc.constantFrom(15, 30, 60),
    slots: fc.integer({ min: 16, max: 200 }),
    name: opt(fc.constantFrom('yes', 'no', '22:00', 'null', 'a: b', '2026-12-05', 'plain')),
    linkSeeds: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        capacity: rate,
        bidirectional: opt(fc.boolean()),
        named: fc.boolean(),
        latency: opt(fc.integer({ min: 0, max: 300 }).map((ms) => `${ms}ms`)),
        windows: opt(fc.array(windowArb, { minLength: 1, maxLength: 3 })),
      }),
      { maxLength: 6 },
    ),
    datasetSeeds: fc.array(
      fc.record({
        at: fc.nat(),
        size,
        reduction: opt(
          fc
            .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 9 }))
            .map(([i, f]) => i + f / 10),
        ),
        readyHours: opt(fc.integer({ min: -5, max: 3 })),
        toProvider: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
  })
  .map((r) => {
    const nodes: Record<string, unknown>[] = [];
    let z = 0;
    for (let i = 0; i < r.sites; i++)
      nodes.push(compact({ id: `site-${i}`, kind: 'site', timezone: r.zones[z], storage: r.storage[z++] }));
    for (let i = 0; i < r.clouds; i++) {
      nodes.push(
        compact({
          id: `cloud-${i}`,
          kind: 'cloud',
          provider: `p${i % 2}`,
          timezone: r.zones[z],
          storage: r.storage[z++],
        }),
      );
    }
    for (let i = 0; i < r.appliances; i++) {
      nodes.push(
        compact({ id: `app-${i}`, kind: 'appliance', timezone: r.zones[z], storage: r.storage[z++] }),
      );
    }
    const links = r.linkSeeds
      .map((l, i) => {
        const from = nodes[l.a % nodes.length].id as string;
        const to = nodes[(l.a + 1 + (l.b % (nodes.length - 1 || 1))) % nodes.length].id as string;
        return compact({
          id: l.named ? `link.${i}` : undefined,
          from,
          to,
          capacity: l.capacity,
          bidirectional: l.bidirectional,
          latency: l.latency,
          windows: l.windows,
        });
      })
      // Unnamed links between the same nodes would collide on their default ids; name them all then.
      .map((l, i) => ({ ...l, id: l.id ?? `auto.${i}` }))
      .filter((l) => l.from !== l.to);
    const start = Date.UTC(2026, 11, 5) / 1000;
    const datasets = r.datasetSeeds.map((d, i) =>
      compact({
        id: `ds-${i}`,
        at: `site-${d.at % r.sites}`,
        size: d.size,
        reduction: d.reduction,
        ready:
          d.readyHours === undefined
            ? undefined
            : new Date((start + d.readyHours * 3600) * 1000).toISOString().replace('.000Z', 'Z'),
        to: d.toProvider ? ['p0'] : undefined,
      }),
    );
    return compact({
      wanplan: 1,
      name: r.name,
      horizon: {
        start: '2026-12-05T00:00:00Z',
        length: `${r.slots * r.slotMinutes}min`,
        slot: `${r.slotMinutes}min`,
      },
      nodes,
      links,
      datasets,
    });
  });

describe('YAML and JSON', () => {
  it('give deep-equal models for the same scenario', () => {
    fc.assert(
      fc.property(scenarioArb, (doc) => {
        const fromJson = parseScenario(JSON.stringify(doc, null, 1), 'generated.json');
        const fromYaml = parseScenario(stringify(doc), 'generated.yaml');
        expect(fromYaml).toEqual(fromJson);
        // Both sides really read the generated content.
        expect(fromJson.nodes.length).toBe((doc.nodes as unknown[]).length);
        expect(fromJson.datasets.length).toBe((doc.datasets as unknown[]).length);
      }),
      { numRuns: 150 },
    );
  });

  it('also agree for flow-style YAML', () => {
    fc.assert(
      fc.property(scenarioArb, (doc) => {
        const flow = stringify(doc, { collectionStyle: 'flow' });
        expect(parseScenario(flow, 'generated.yaml')).toEqual(
          parseScenario(JSON.stringify(doc), 'generated.json'),
        );
      }),
      { numRuns: 50 },
    );
  });
});
