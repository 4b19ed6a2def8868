/** parseScenario / loadScenario on valid input: defaults, resolved references, the model's shape. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rational } from '../../../src/io/rational.js';
import {
  loadScenario,
  loadScenarioWithWarnings,
  parseScenario,
  parseScenarioWithWarnings,
} from '../../../src/io/scenario/index.js';
import { baseScenario, inputError, yamlWith } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/scenarios');

describe('parseScenario on the base scenario', () => {
  const s = parseScenario(
    yamlWith(() => {}),
    'base.yaml',
  );

  it('converts the horizon to epoch seconds and slots', () => {
    expect(s.horizon).toEqual({
      start: 1796428800,
      startIso: '2026-12-05T00:00:00Z',
      slotSeconds: 3600,
      slots: 48,
    });
  });

  it('applies node defaults and failure domains', () => {
    const munich = s.nodes[0];
    expect(munich).toMatchObject({
      id: 'munich',
      kind: 'site',
      storage: 10n ** 13n,
      domain: null,
      provider: null,
    });
    expect(s.nodes[2]).toMatchObject({ id: 'aws-fra', storage: 0n, domain: 'aws', region: 'eu-central-1' });
    expect(s.nodes[1]).toMatchObject({ id: 'dedup', domain: 'onprem', capacity: null });
    expect(s.nodes[4]).toMatchObject({
      id: 'ix',
      kind: 'exchange',
      storage: 0n,
      domain: null,
      timezone: null,
    });
  });

  it('lists every provider, declared or named, sorted, with its nodes', () => {
    expect(s.providers.map((p) => [p.id, p.nodes])).toEqual([
      ['aws', ['aws-fra', 'aws-dub']],
      ['onprem', ['dedup']],
    ]);
    expect(s.providers[0].ingress).toEqual(rational(50_000_000_000n));
    expect(s.providers[1].ingress).toBeNull();
  });

  it('defaults link ids and puts the reverse of a bidirectional link right after it', () => {
    expect(s.links.map((l) => [l.id, l.from, l.to, l.reverseOf])).toEqual([
      ['munich->dedup', 'munich', 'dedup', null],
      ['wan', 'dedup', 'aws-fra', null],
      ['wan:reverse', 'aws-fra', 'dedup', 'wan'],
      ['munich->ix', 'munich', 'ix', null],
      ['ix->aws-dub', 'ix', 'aws-dub', null],
    ]);
    expect(s.links[2].capacity).toEqual(s.links[1].capacity);
  });

  it('resolves window defaults and zones from the declared from node, also for the reverse', () => {
    const [night, weekend] = s.links[1].windows ?? [];
    expect(night).toEqual({
      days: [0, 1],
      fromMinute: 1320,
      toMinute: 360,
      timezone: 'Europe/Berlin',
      share: rational(4, 5),
    });
    expect(weekend).toEqual({
      days: [5, 6],
      fromMinute: 0,
      toMinute: 1440,
      timezone: 'Europe/Berlin',
      share: rational(1),
    });
    // aws-fra has no zone: the reverse keeps the declared from node's.
    expect(s.links[2].windows).toEqual(s.links[1].windows);
    expect(s.links[0].windows).toBeNull();
  });

  it('resolves dataset destinations, domains, wire bytes and ready slots', () => {
    const [vms, files] = s.datasets;
    expect(vms).toMatchObject({
      destinations: ['aws-dub', 'aws-fra', 'dedup'],
      domains: ['aws', 'onprem'],
      copies: 2,
      wire: 25_000_000_000_000,
      ready: s.horizon.start,
      readySlot: 0,
      due: null,
      to: ['aws', 'onprem'],
    });
    // ready 10:30 → first slot starting at or after it is 11:00, slot 11; `to` omitted: any cloud.
    expect(files).toMatchObject({
      readySlot: 11,
      destinations: ['aws-dub', 'aws-fra'],
      domains: ['aws'],
      copies: 1,
      to: [],
    });
    expect(files.reduction).toEqual(rational(1));
    expect(files.due).toBe(s.horizon.start + 86400);
  });
});

describe('parseScenario details', () => {
  it('defaults a reverse id to <to>-><from> when the link id was defaulted', () => {
    const s = parseScenario(
      yamlWith((d) => void (d.links[0].bidirectional = true)),
      'x.yaml',
    );
    expect(s.links.slice(0, 2).map((l) => [l.id, l.reverseOf])).toEqual([
      ['munich->dedup', null],
      ['dedup->munich', 'munich->dedup'],
    ]);
  });

  it('clamps the ready slot at 0 for a ready before the horizon and rounds up inside it', () => {
    const s = parseScenario(
      yamlWith((d) => {
        d.datasets[0].ready = '2026-12-01T00:00:00Z';
        d.datasets[1].ready = '2026-12-05T01:00:00Z';
      }),
      'x.yaml',
    );
    expect(s.datasets.map((x) => x.readySlot)).toEqual([0, 1]);
  });

  it('excludes the origin from the destinations', () => {
    const s = parseScenario(
      yamlWith((d) => {
        d.datasets[0] = { id: 'cloud-data', at: 'aws-fra', size: '1TB', to: ['aws'] };
      }),
      'x.yaml',
    );
    expect(s.datasets[0]).toMatchObject({ destinations: ['aws-dub'], domains: ['aws'] });
  });

  it('reads "00:00" as an end at midnight and from == to as a 24 h window', () => {
    const s = parseScenario(
      yamlWith((d) => {
        d.links[1].windows = [
          { from: '00:00', to: '00:00', timezone: 'UTC' },
          { from: '22:00', to: '22:00' },
        ];
      }),
      'x.yaml',
    );
    const w = s.links[1].windows ?? [];
    expect([w[0].fromMinute, w[0].toMinute, w[0].timezone]).toEqual([0, 1440, 'UTC']);
    expect([w[1].fromMinute, w[1].toMinute, w[1].days.length]).toEqual([1320, 1320, 7]);
  });

  it('merges repeated day names and sorts them Monday first', () => {
    const s = parseScenario(
      yamlWith((d) => void (d.links[1].windows = [{ days: ['sun', 'mon', 'sun'] }])),
      'x.yaml',
    );
    expect(s.links[1].windows?.[0].days).toEqual([0, 6]);
  });

  it('warns about a declared provider without nodes and still returns the model', () => {
    const r = parseScenarioWithWarnings(
      yamlWith((d) => void (d.providers.gcp = { ingress: '1Gbps' })),
      'x.yaml',
    );
    expect(r.warnings.map((w) => [w.path, w.severity])).toEqual([['providers.gcp', 'warning']]);
    expect(r.warnings[0].message).toContain('no nodes');
    expect(r.scenario.providers.map((p) => p.id)).toEqual(['aws', 'gcp', 'onprem']);
  });

  it('accepts a zero link capacity (a link that is down) and zero caps', () => {
    const s = parseScenario(
      yamlWith((d) => {
        d.links[0].capacity = '0Gbps';
        d.nodes[0].read = '0 bps';
        d.nodes[2].write = '0TB/h';
        d.providers.aws.egress = '0Gbps';
      }),
      'x.yaml',
    );
    expect(s.links[0].capacity).toEqual(rational(0));
    expect([s.nodes[0].read, s.nodes[2].write]).toEqual([rational(0), rational(0)]);
    expect(s.providers[0].egress).toEqual(rational(0));
  });

  it('accepts a link from a node to itself with a warning at its to', () => {
    const text = yamlWith((d) => void (d.links[0].to = 'munich'));
    const r = parseScenarioWithWarnings(text, 'x.yaml');
    expect(r.warnings.map((w) => [w.path, w.severity, w.message])).toEqual([
      [
        'links[0].to',
        'warning',
        'link goes from "munich" to itself: a link from a node to itself carries nothing useful',
      ],
    ]);
    expect(r.warnings[0].line).toBe(r.locate('links[0].to')?.line);
    expect(r.scenario.links[0]).toMatchObject({ id: 'munich->munich', from: 'munich', to: 'munich' });
  });

  it('refuses a bidirectional self-link with a defaulted id: it would be its own reverse', () => {
    const d = inputError(
      yamlWith((doc) => {
        doc.links[0].to = 'munich';
        doc.links[0].bidirectional = true;
      }),
    ).diagnostics.find((x) => x.severity === 'error');
    expect([d?.path, d?.hint]).toEqual([
      'links[0].bidirectional',
      'a link from a node to itself is its own reverse: drop bidirectional',
    ]);
    expect(d?.message).toMatch(/^duplicate link id "munich->munich" \(first declared on line \d+\)/);
  });

  it('reads a latency in any duration unit as well as ms', () => {
    const s = parseScenario(
      yamlWith((d) => {
        d.links[0].latency = '8ms';
        d.links[1].latency = '0.5s';
        d.links[2].latency = '2min';
        d.links[3].latency = '1h';
      }),
      'x.yaml',
    );
    expect(s.links.map((l) => l.latencyMs)).toEqual([8, 500, 500, 120_000, 3_600_000]);
  });

  it('locates fields by path for later warnings', () => {
    const r = parseScenarioWithWarnings(
      yamlWith(() => {}),
      'x.yaml',
    );
    const text = yamlWith(() => {}).split('\n');
    const pos = r.locate('datasets[1]');
    expect(pos).not.toBeNull();
    expect(text[(pos?.line ?? 1) - 1]).toContain('id: files');
    expect(r.locate('no such[path')).toBeNull();
  });

  it('accepts a $schema field for editors and ignores it', () => {
    const s = parseScenario(
      JSON.stringify({ $schema: './scenario.schema.json', ...baseScenario() }),
      'x.json',
    );
    expect(s.name).toBe('base');
  });

  it('reads YAML 1.2 core: yes, 22:00 and timestamps are strings', () => {
    const s = parseScenario(
      yamlWith((d) => void (d.name = 'yes')).replace('name: base', 'name: yes'),
      'x.yaml',
    );
    expect(s.name).toBe('yes');
  });
});

describe('loadScenario', () => {
  it('reads the valid fixture file (YAML) and its JSON twin to the same model', async () => {
    const yaml = await loadScenario(join(FIXTURES, 'valid.yaml'));
    const json = await loadScenario(join(FIXTURES, 'valid.json'));
    expect(json).toEqual(yaml);
    expect(yaml.links.map((l) => l.id)).toContain('munich-wan:reverse');
  });

  it('returns the fixture without warnings', async () => {
    const r = await loadScenarioWithWarnings(join(FIXTURES, 'valid.yaml'));
    expect(r.warnings).toEqual([]);
    expect(r.scenario.datasets[0]).toMatchObject({ copies: 2, domains: ['aws', 'onprem-eu'] });
  });
});
