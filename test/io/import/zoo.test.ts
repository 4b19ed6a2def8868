import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../../src/errors.js';
import type { ScenarioDraft } from '../../../src/io/import/draft.js';
import { emitScenarioJson, emitScenarioYaml } from '../../../src/io/import/emit.js';
import { decodeImportBytes } from '../../../src/io/import/text.js';
import { importZoo, type ZooImportOptions } from '../../../src/io/import/zoo.js';
import { expectValidScenario, ZOO } from './helpers.js';

const read = (name: string) => readFileSync(`${ZOO}/${name}.graphml`, 'utf8');
const zoo = (name: string, options: Partial<ZooImportOptions> = {}): ScenarioDraft =>
  importZoo(read(name), { file: `${name}.graphml`, defaultCapacity: '10Gbps', ...options });

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

const link = (d: ScenarioDraft, from: string, to: string) =>
  d.links.find((l) => (l.from === from && l.to === to) || (l.from === to && l.to === from));
const node = (d: ScenarioDraft, id: string) => d.nodes.find((n) => n.id === id);

describe('importZoo on every Topology Zoo file', () => {
  // Counts from the source files: nodes and edges as listed (none dropped by default).
  const expected: [string, number, number][] = [
    ['Abilene', 11, 14],
    ['Cogentco', 197, 245],
    ['Geant2009', 34, 52],
    ['Geant2012', 40, 61],
    ['Internet2', 20, 26],
    ['Kdl', 754, 899],
    ['Surfnet', 50, 73],
    ['Uninett2011', 69, 98],
  ];
  for (const [name, nodes, edges] of expected) {
    it(`${name} imports with ${nodes} nodes and ${edges} bidirectional links, and the result is valid`, async () => {
      const d = zoo(name);
      expect(d.nodes).toHaveLength(nodes);
      expect(d.links).toHaveLength(edges);
      expect(d.links.every((l) => l.bidirectional === true)).toBe(true);
      const yaml = emitScenarioYaml(d);
      expect(yaml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+$/);
      expect(yaml).toContain(`from ${name}.graphml`);
      await expectValidScenario(yaml, `${name}.yaml`);
      await expectValidScenario(emitScenarioJson(d), `${name}.json`);
    });
  }
});

describe('importZoo capacities', () => {
  it('reads OC-192c labels as the SONET line rate (Abilene has no LinkSpeed fields)', () => {
    const d = zoo('Abilene');
    expect(d.links.every((l) => l.capacity === '9.95328Gbps')).toBe(true);
    expect(link(d, 'New_York', 'Chicago')?.comment).toContain('LinkLabel "OC-192c"');
  });

  it('reads LinkSpeedRaw in bit/s (Geant2012) and gives the default to links without a speed', () => {
    const d = zoo('Geant2012', { defaultCapacity: '40Gbps' });
    expect(link(d, 'BG', 'MK')?.capacity).toBe('155Mbps');
    expect(link(d, 'NL', 'UK')?.capacity).toBe('2.5Gbps');
    expect(link(d, 'PL', 'UA')?.capacity).toBe('1Gbps');
    const lit = link(d, 'NO', 'SE');
    expect(lit?.capacity).toBe('40Gbps');
    expect(lit?.comment).toContain('--default-capacity');
    const defaulted = d.links.filter((l) => l.comment?.startsWith('capacity: --default-capacity'));
    expect(defaulted).toHaveLength(22); // 21 edges without any speed field + "Lit Fibre"
    expect(d.notes.join('\n')).toContain('22 links have no usable speed and take --default-capacity 40Gbps');
  });

  it('prefers LinkSpeedRaw over a range label (Geant2009 "34/45 Mbit/s" has LinkSpeedRaw 45 Mbit/s)', () => {
    const d = zoo('Geant2009');
    expect(d.links.filter((l) => l.capacity === '45Mbps')).toHaveLength(2);
    expect(d.links.filter((l) => l.capacity === '310Mbps')).toHaveLength(1);
    expect(d.links.filter((l) => l.capacity === '10Gbps')).toHaveLength(41);
  });

  it('treats a range label without LinkSpeedRaw as ambiguous and uses the default (Uninett2011 "2-34 Mbit/s")', () => {
    const d = zoo('Uninett2011', { defaultCapacity: '1Gbps' });
    const ranged = d.links.filter((l) => l.comment?.includes('is a range'));
    expect(ranged).toHaveLength(5); // four "2-34 Mbit/s" and one "100-155 Mbit/s"
    expect(ranged.every((l) => l.capacity === '1Gbps')).toBe(true);
  });

  it('refuses to guess: links without a speed and no --default-capacity are a usage error naming the first', () => {
    expect(() => zoo('Geant2012', { defaultCapacity: undefined })).toThrow(UsageError);
    expect(() => zoo('Geant2012', { defaultCapacity: undefined })).toThrow(
      /22 of 61 links .* line \d+.*--default-capacity/,
    );
    expect(() => zoo('Abilene', { defaultCapacity: undefined })).not.toThrow();
  });

  it('checks --default-capacity like a scenario rate (bare numbers get a hint)', () => {
    expect(() => zoo('Geant2012', { defaultCapacity: '10' })).toThrow(/did you mean 10Gbps/);
    expect(() => zoo('Geant2012', { defaultCapacity: '10 furlongs' })).toThrow(UsageError);
  });
});

describe('importZoo nodes', () => {
  it('looks up IANA time zones from coordinates and keeps [lat, lon]', () => {
    const abilene = zoo('Abilene');
    expect(node(abilene, 'New_York')).toMatchObject({
      timezone: 'America/New_York',
      location: [40.71427, -74.00597],
    });
    expect(node(abilene, 'Indianapolis')?.timezone).toBe('America/Indiana/Indianapolis');
    expect(node(abilene, 'Seattle')?.timezone).toBe('America/Los_Angeles');
    const geant = zoo('Geant2012');
    expect(node(geant, 'IS')?.timezone).toBe('Atlantic/Reykjavik');
    expect(node(geant, 'PT')?.timezone).toBe('Europe/Lisbon');
    expect(node(geant, 'NO')?.timezone).toBe('Europe/Oslo'); // not the merged-since-1970 Europe/Berlin
  });

  it('gives nodes without coordinates no timezone and says so (Geant2012: UA, MD, BY)', () => {
    const d = zoo('Geant2012');
    for (const id of ['UA', 'MD', 'BY']) {
      expect(node(d, id)?.timezone).toBeUndefined();
      expect(node(d, id)?.comment).toContain('no coordinates');
    }
    expect(emitScenarioYaml(d)).toContain('# 3 nodes have no coordinates, hence no timezone');
  });

  it('keeps external nodes as exchanges by default and drops them with dropExternal', () => {
    const kept = zoo('Uninett2011');
    const externals = kept.nodes.filter((n) => n.kind === 'exchange');
    expect(externals.map((n) => n.id)).toEqual([
      'NORDUnet_Stockholm',
      'NORDUnet_Kobenhavn',
      'NORDUnet_Stockholm-2',
    ]);
    const dropped = zoo('Uninett2011', { dropExternal: true });
    expect(dropped.nodes).toHaveLength(66);
    expect(dropped.links).toHaveLength(95); // edges touching none of the three external nodes
    expect(dropped.nodes.some((n) => n.kind === 'exchange')).toBe(false);
  });

  it('imports hyperedge nodes as exchanges with ids from their GraphML id', () => {
    const d = zoo('Cogentco');
    const hyper = d.nodes.filter((n) => n.id.startsWith('hyperedge-'));
    expect(hyper).toHaveLength(11);
    expect(hyper.every((n) => n.kind === 'exchange' && n.timezone === undefined)).toBe(true);
    expect(node(d, 'hyperedge-144')).toBeDefined();
  });

  it('makes duplicate labels unique deterministically (Uninett2011 has two UiO nodes)', () => {
    const a = zoo('Uninett2011');
    const b = zoo('Uninett2011');
    expect(a.nodes.map((n) => n.id)).toEqual(b.nodes.map((n) => n.id));
    expect(a.nodes.filter((n) => /^UiO(-\d+)?$/.test(n.id)).map((n) => n.id)).toEqual(['UiO', 'UiO-2']);
  });

  it('keeps parallel edges as separate links with unique ids (Surfnet has 5 pairs)', () => {
    const d = zoo('Surfnet');
    const pair = d.links.filter((l) => [l.from, l.to].sort().join() === ['Assen', 'Groningen'].sort().join());
    expect(pair).toHaveLength(2);
    expect(new Set(pair.map((l) => l.id)).size).toBe(2);
    expect(d.notes.join('\n')).toContain('5 parallel edges are kept');
  });
});

describe('importZoo errors name the file, the line and what was expected', () => {
  const abilene = read('Abilene');

  it('a truncated file', () => {
    const cut = abilene.slice(0, abilene.indexOf('<edge source="3"'));
    const err = inputError(() => importZoo(cut, { file: 'cut.graphml' }));
    const d = err.diagnostics[0];
    expect(d.file).toBe('cut.graphml');
    expect(d.line).toBe(cut.split('\n').length);
    expect(err.message).toMatch(/cut\.graphml:\d+:\d+: the file ends before <graphml>, <graph> are closed/);
    expect(d.hint).toMatch(/truncated/);
  });

  it('a file cut in the middle of a tag', () => {
    const err = inputError(() => importZoo(abilene.slice(0, 5000), { file: 'cut.graphml' }));
    expect(err.diagnostics[0].line).toBe(abilene.slice(0, 5000).split('\n').length);
  });

  it('malformed XML: a mismatched closing tag, with the line of the mistake', () => {
    const bad = abilene.replace('</node>', '</nod>');
    const err = inputError(() => importZoo(bad, { file: 'bad.graphml' }));
    const line = bad.split('\n').findIndex((l) => l.includes('</nod>')) + 1;
    expect(err.diagnostics[0].line).toBe(line);
    expect(err.message).toContain("closing tag 'nod'");
  });

  it('binary input is refused before parsing, with the line of the first binary byte', () => {
    const bytes = new Uint8Array([0x3c, 0x67, 0x0a, 0x00, 0x01, 0xff, 0xfe]);
    const err = inputError(() => decodeImportBytes(bytes, 'x.graphml', 'GraphML'));
    expect(err.diagnostics[0]).toMatchObject({ file: 'x.graphml', line: 2 });
    expect(err.message).toMatch(/binary data .*expected GraphML text/);
  });

  it('text that is not UTF-8 is refused with its line', () => {
    const bytes = new TextEncoder().encode('<graphml>\n<x>caf\u00e9</x>\n</graphml>');
    const latin = Uint8Array.from([...bytes.slice(0, 15), 0xe9, ...bytes.slice(17)]);
    const err = inputError(() => decodeImportBytes(latin, 'x.graphml', 'GraphML'));
    expect(err.diagnostics[0].line).toBe(2);
    expect(err.message).toMatch(/not UTF-8/);
  });

  it('a <data> naming an undeclared key', () => {
    const bad = abilene.replace('<data key="d29">40.71427</data>', '<data key="d99">40.71427</data>');
    const err = inputError(() => importZoo(bad, { file: 'k.graphml' }));
    expect(err.diagnostics[0].line).toBe(bad.split('\n').findIndex((l) => l.includes('d99')) + 1);
    expect(err.message).toMatch(/key="d99".*no <key> element declares/);
  });

  it('a non-numeric coordinate', () => {
    const bad = abilene.replace('<data key="d29">40.71427</data>', '<data key="d29">north</data>');
    const err = inputError(() => importZoo(bad, { file: 'c.graphml' }));
    expect(err.diagnostics[0]).toMatchObject({
      line: bad.split('\n').findIndex((l) => l.includes('north')) + 1,
    });
    expect(err.diagnostics[0].path).toBe('node[0].Latitude');
    expect(err.message).toMatch(/"north" is not a number/);
  });

  it('an unknown speed label', () => {
    const bad = abilene.replace('<data key="d35">OC-192c</data>', '<data key="d35">10 Xbps</data>');
    const err = inputError(() => importZoo(bad, { file: 's.graphml' }));
    expect(err.diagnostics[0].line).toBe(bad.split('\n').findIndex((l) => l.includes('10 Xbps')) + 1);
    expect(err.message).toMatch(/unknown speed unit in "10 Xbps"/);
  });

  it('an edge to a node that does not exist, and a wrong root element', () => {
    const bad = abilene.replace('<edge source="0" target="1">', '<edge source="0" target="99">');
    expect(inputError(() => importZoo(bad, { file: 'e.graphml' })).message).toMatch(/"99" is not a node id/);
    expect(inputError(() => importZoo('<network/>', { file: 'r.graphml' })).message).toMatch(
      /expected <graphml>/,
    );
  });
});

describe('emitScenarioYaml', () => {
  it('quotes strings that YAML would misread and attaches comments', () => {
    const yaml = emitScenarioYaml({
      name: 'a: b',
      horizon: { start: '2026-12-05T00:00:00Z', length: '7d', slot: '1h' },
      nodes: [{ id: 'yes', kind: 'site', comment: 'a site called yes' }],
      links: [],
      datasets: [],
      notes: ['Imported from test'],
    });
    expect(yaml).toContain('name: "a: b"');
    expect(yaml).toMatch(/# a site called yes\n\s+- id: "yes"/);
    expect(yaml).toContain('# Imported from test');
  });
});
