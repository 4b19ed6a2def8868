import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError, UsageError } from '../../../src/errors.js';
import { emitScenarioYaml } from '../../../src/io/import/emit.js';
import {
  importSkyplane,
  loadSkyplaneGrid,
  resolveRegions,
  type SkyplaneFiles,
} from '../../../src/io/import/skyplane.js';
import { mergeSkyplaneInto } from '../../../src/io/import/skyplane-into.js';
import { expectValidScenario, SKYPLANE } from './helpers.js';

const named = (name: string) => ({ file: name, text: readFileSync(`${SKYPLANE}/${name}`, 'utf8') });
const FILES: SkyplaneFiles = {
  throughput: named('throughput.csv'),
  latency: named('latency.csv'),
  cost: named('cost.csv'),
  awsCost: named('aws_transfer_costs.csv'),
};
const grid = loadSkyplaneGrid(FILES);

describe('loadSkyplaneGrid', () => {
  it('knows the 63 measured regions (21 AWS, 15 Azure, 27 GCP)', () => {
    expect(grid.regions).toHaveLength(63);
    expect(grid.regions.filter((r) => r.startsWith('aws:'))).toHaveLength(21);
    expect(grid.regions.filter((r) => r.startsWith('azure:'))).toHaveLength(15);
    expect(grid.regions.filter((r) => r.startsWith('gcp:'))).toHaveLength(27);
  });

  it('takes the lower median of throughput_received, floored to Mbit/s', () => {
    // Recompute from the raw rows (column 7 is throughput_received).
    const rows = FILES.throughput.text
      .split('\n')
      .filter((l) => l.startsWith('aws:eu-central-1,') && l.includes(',azure:westeurope,'))
      .map((l) => Number(l.split(',')[6]))
      .sort((a, b) => a - b);
    expect(rows.length).toBeGreaterThan(0);
    const m = grid.measurement('aws:eu-central-1', 'azure:westeurope');
    expect(m?.samples).toBe(rows.length);
    expect(m?.capacity).toBe(`${Math.floor(rows[(rows.length - 1) >> 1] / 1e6)}Mbps`);
  });

  it('reads latency from PREMIUM rows and cost from cost.csv, else aws_transfer_costs.csv', () => {
    const m = grid.measurement('aws:eu-central-1', 'azure:westeurope');
    expect(m?.latency).toMatch(/^\d+(\.\d{1,3})?ms$/);
    expect(m?.cost).toBe('0.09USD/GB');
    expect(grid.measurement('aws:eu-central-1', 'aws:eu-central-1')).toBeUndefined();
    // Every measured pair of the real grids is in cost.csv, so the fallback is checked on a small grid.
    const small = loadSkyplaneGrid({
      throughput: {
        file: 't.csv',
        text: 'src_region,dst_region,throughput_received\naws:a-1,aws:b-1,2500000000\n',
      },
      cost: { file: 'c.csv', text: 'src,dest,cost\n' },
      awsCost: { file: 'a.csv', text: 'src,dst,cost\na-1,b-1,0.020\na-1,internet,0.09\n' },
    });
    expect(small.measurement('aws:a-1', 'aws:b-1')).toEqual({
      capacity: '2500Mbps',
      samples: 1,
      latency: null,
      cost: '0.02USD/GB',
    });
  });

  it('reports a broken measurement with its file and line', () => {
    const text = 'src_region,dst_region,throughput_received\naws:a-1,aws:b-1,12\naws:a-1,aws:c-1,fast\n';
    expect(() => loadSkyplaneGrid({ throughput: { file: 't.csv', text } })).toThrow(InputError);
    expect(() => loadSkyplaneGrid({ throughput: { file: 't.csv', text } })).toThrow(
      /t\.csv:3:.*"fast" found/,
    );
    expect(() => loadSkyplaneGrid({ throughput: { file: 't.csv', text: 'a,b\n1,2\n' } })).toThrow(
      /t\.csv:1:.*missing column "src_region"/,
    );
  });
});

describe('importSkyplane', () => {
  it('with --regions: three cloud nodes and the six measured directed links between them', async () => {
    const d = importSkyplane(FILES, {
      regions: 'aws:eu-central-1,azure:westeurope,gcp:europe-west3',
    });
    expect(d.nodes).toEqual([
      { id: 'aws:eu-central-1', kind: 'cloud', provider: 'aws', region: 'eu-central-1' },
      { id: 'azure:westeurope', kind: 'cloud', provider: 'azure', region: 'westeurope' },
      { id: 'gcp:europe-west3-a', kind: 'cloud', provider: 'gcp', region: 'europe-west3-a' },
    ]);
    expect(d.links).toHaveLength(6);
    expect(d.links.every((l) => l.bidirectional === undefined && /^\d+Mbps$/.test(l.capacity))).toBe(true);
    await expectValidScenario(emitScenarioYaml(d), 'sky.yaml');
  });

  it('without --regions: every measured region', async () => {
    const d = importSkyplane(FILES);
    expect(d.nodes).toHaveLength(63);
    expect(d.links.length).toBeGreaterThan(3000);
    await expectValidScenario(emitScenarioYaml(d), 'sky-all.yaml');
  });

  it('refuses unknown regions and ambiguous names', () => {
    expect(() => resolveRegions(grid, 'aws:eu-central-9')).toThrow(UsageError);
    expect(() => resolveRegions(grid, 'aws:eu-central-9')).toThrow(/not a measured region \(aws regions: /);
    expect(resolveRegions(grid, 'gcp:europe-west3, aws:eu-central-1,gcp:europe-west3-a')).toEqual([
      'gcp:europe-west3-a',
      'aws:eu-central-1',
    ]);
  });
});

const BASE = `# my network — keep this comment
wanplan: 1
name: base # inline comment
horizon: { start: 2026-12-05T00:00:00Z, length: 7d, slot: 1h }
nodes:
  - id: munich
    kind: site
    timezone: Europe/Berlin
  - id: frankfurt-aws
    kind: cloud
    provider: aws
    region: eu-central-1
  - id: west-europe
    kind: cloud
    provider: azure
    region: westeurope
links:
  - from: munich
    to: frankfurt-aws
    capacity: 10Gbps # the WAN
  - id: peering
    from: frankfurt-aws
    to: west-europe
    capacity: 1Gbps
    bidirectional: true
datasets: []
`;

describe('mergeSkyplaneInto', () => {
  it('adds missing regions and measured links, keeps the user’s links and every comment', async () => {
    const r = mergeSkyplaneInto(BASE, FILES, {
      scenarioFile: 'base.yaml',
      regions: 'aws:eu-central-1,azure:westeurope,gcp:europe-west3',
    });
    expect(r.addedNodes).toEqual(['gcp:europe-west3-a']);
    // 6 directed pairs; both directions between AWS and Azure already exist (bidirectional peering).
    expect(r.addedLinks).toBe(4);
    expect(r.keptExisting).toBe(2);
    for (const kept of [
      '# my network — keep this comment',
      'name: base # inline comment',
      'capacity: 10Gbps # the WAN',
    ]) {
      expect(r.text).toContain(kept);
    }
    const before = parse(BASE);
    const after = await expectValidScenario(r.text, 'merged.yaml');
    expect((after.nodes as unknown[]).slice(0, 3)).toEqual(before.nodes);
    expect((after.links as unknown[]).slice(0, 2)).toEqual(before.links);
    expect(after.horizon).toEqual(before.horizon);
    const added = (after.links as { from: string; to: string }[]).slice(2);
    expect(added.map((l) => `${l.from} ${l.to}`).sort()).toEqual(
      [
        'frankfurt-aws gcp:europe-west3-a',
        'gcp:europe-west3-a frankfurt-aws',
        'west-europe gcp:europe-west3-a',
        'gcp:europe-west3-a west-europe',
      ].sort(),
    );
    expect(r.text).toContain('added by `wanplan import skyplane --into`');
  });

  it('without --regions links the clouds the scenario already has', () => {
    const r = mergeSkyplaneInto(BASE.replace('    bidirectional: true\n', ''), FILES, {
      scenarioFile: 'base.yaml',
    });
    expect(r.addedNodes).toEqual([]);
    expect(r.addedLinks).toBe(1); // west-europe → frankfurt-aws; the other direction is declared
  });

  it('writes JSON for a JSON scenario, and refuses what it cannot extend', () => {
    const json = JSON.stringify(parse(BASE));
    const r = mergeSkyplaneInto(json, FILES, {
      scenarioFile: 'b.json',
      regions: 'aws:eu-central-1,gcp:europe-west3',
    });
    expect(JSON.parse(r.text).nodes).toHaveLength(4);
    expect(() => mergeSkyplaneInto('wanplan: 1\nnodes: [\n', FILES, { scenarioFile: 'x.yaml' })).toThrow(
      InputError,
    );
    expect(() =>
      mergeSkyplaneInto('wanplan: 1\nname: a\nname: b\n', FILES, { scenarioFile: 'x.yaml' }),
    ).toThrow(/x\.yaml:3/);
    expect(() =>
      mergeSkyplaneInto(BASE.replace(/kind: cloud/g, 'kind: site'), FILES, { scenarioFile: 'x.yaml' }),
    ).toThrow(/name at least two with --regions/);
  });
});
