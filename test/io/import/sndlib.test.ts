import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../../src/errors.js';
import type { ScenarioDraft } from '../../../src/io/import/draft.js';
import { emitScenarioYaml } from '../../../src/io/import/emit.js';
import { importSndlib, type SndlibImportOptions } from '../../../src/io/import/sndlib.js';
import { parseSndlibNative } from '../../../src/io/import/sndlib-native.js';
import { decodeImportBytes } from '../../../src/io/import/text.js';
import { expectValidScenario, SNDLIB } from './helpers.js';

const path = (net: string, ext: 'txt' | 'xml') => `${SNDLIB}/${net}/${net}.${ext}`;
const read = (net: string, ext: 'txt' | 'xml') =>
  decodeImportBytes(readFileSync(path(net, ext)), path(net, ext), 'SNDlib network');
const snd = (net: string, ext: 'txt' | 'xml', options: Partial<SndlibImportOptions> = {}): ScenarioDraft =>
  importSndlib(read(net, ext), { file: `${net}.${ext}`, ...options });

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

// From data/README.md and the files: nodes, links, demands; unit given or not.
const NETWORKS: [string, number, number, number, boolean][] = [
  ['abilene', 12, 15, 132, true],
  ['geant', 22, 36, 462, true],
  ['germany50', 50, 88, 662, false],
  ['nobel-eu', 28, 41, 378, false],
];

describe('importSndlib on every SNDlib file', () => {
  for (const [net, nodes, links, demands, hasUnit] of NETWORKS) {
    for (const ext of ['txt', 'xml'] as const) {
      it(`${net}.${ext} imports with ${nodes} nodes, ${links} links and ${demands} demand datasets, valid`, async () => {
        if (!hasUnit) {
          // Refused without a unit: a user would rather be asked than get capacities off by 1000×.
          expect(() => snd(net, ext)).toThrow(UsageError);
          expect(() => snd(net, ext)).toThrow(/no META unit.*--capacity-unit/);
        }
        const opts = { capacityUnit: 'Mbps', demandsAsDatasets: true, volumePerMbps: '1GB' };
        const d = snd(net, ext, opts);
        expect(d.nodes).toHaveLength(nodes);
        expect(d.links).toHaveLength(links);
        expect(d.datasets).toHaveLength(demands);
        expect(d.links.every((l) => l.bidirectional === true)).toBe(true);
        const yaml = emitScenarioYaml(d);
        expect(yaml).toContain(`from ${net}.${ext} (SNDlib, ZIB)`);
        await expectValidScenario(yaml, `${net}-${ext}.yaml`);
        await expectValidScenario(
          emitScenarioYaml(snd(net, ext, { capacityUnit: 'Mbps' })),
          `${net}-${ext}-nodata.yaml`,
        );
      });
    }

    it(`${net}: the native and XML files give the same scenario`, () => {
      const opts = { capacityUnit: 'Mbps', demandsAsDatasets: true, volumePerMbps: '1GB' };
      const a = snd(net, 'txt', opts);
      const b = snd(net, 'xml', opts);
      expect(b.nodes).toEqual(a.nodes);
      expect(b.links).toEqual(a.links);
      expect(b.datasets).toEqual(a.datasets);
    });
  }
});

describe('importSndlib capacities, coordinates and demands', () => {
  it('uses pre-installed capacity in Mbit/s (abilene: 9920 and 2480)', () => {
    const d = snd('abilene', 'txt');
    expect(d.links.find((l) => l.id === 'ATLAM5_ATLAng')?.capacity).toBe('9.92Gbps');
    expect(d.links.find((l) => l.id === 'ATLAng_IPLSng')?.capacity).toBe('2.48Gbps');
    expect(d.links.find((l) => l.id === 'ATLAng_IPLSng')).toMatchObject({ from: 'IPLSng', to: 'ATLAng' });
  });

  it('uses the largest module where nothing is installed (geant 40000, nobel-eu 20…800)', () => {
    expect(snd('geant', 'xml').links.every((l) => l.capacity === '40Gbps')).toBe(true);
    const nobel = snd('nobel-eu', 'txt', { capacityUnit: 'Mbps' });
    // Every link offers modules of 20…800 Mbit/s except L39 (Zurich–Lyon), whose modules reach 77400.
    expect(nobel.links.filter((l) => l.capacity === '800Mbps')).toHaveLength(40);
    expect(nobel.links.find((l) => l.id === 'L39')?.capacity).toBe('77.4Gbps');
    expect(nobel.notes.join('\n')).toContain(
      "41 links have no pre-installed capacity: each gets its largest module's capacity",
    );
    expect(snd('germany50', 'xml', { capacityUnit: 'Gbps' }).links[0].capacity).toBe('40Gbps');
  });

  it('reads native coordinates longitude first and looks up time zones', () => {
    const d = snd('abilene', 'txt');
    expect(d.nodes[0]).toMatchObject({
      id: 'ATLAM5',
      location: [33.75, -84.3833],
      timezone: 'America/New_York',
    });
    const geant = snd('geant', 'txt');
    expect(geant.nodes.find((n) => n.id === 'at1.at')?.timezone).toBe('Europe/Vienna');
    expect(geant.nodes.find((n) => n.id === 'il1.il')?.timezone).toBe('Asia/Jerusalem');
    const g50 = snd('germany50', 'txt', { capacityUnit: 'Mbps' });
    expect(g50.nodes.every((n) => n.timezone === 'Europe/Berlin')).toBe(true);
  });

  it('turns demands into datasets sent to appliances at the targets', () => {
    const d = snd('abilene', 'txt', { demandsAsDatasets: true, volumePerMbps: '1GB' });
    expect(d.datasets[0]).toMatchObject({
      id: 'IPLSng_STTLng',
      at: 'IPLSng',
      size: '3.58TB',
      to: ['STTLng'],
    });
    expect(d.nodes.every((n) => n.kind === 'appliance')).toBe(true);
    expect(snd('abilene', 'txt').nodes.every((n) => n.kind === 'site')).toBe(true);
  });

  it('splits a demand above 8 PB into equal parts (1TB per Mbit/s: 11969 Mbit/s = 11.969 PB)', async () => {
    const d = snd('abilene', 'txt', { demandsAsDatasets: true, volumePerMbps: '1TB' });
    const parts = d.datasets.filter((x) => x.id.startsWith('LOSAng_NYCMng.'));
    expect(parts.map((p) => [p.id, p.size])).toEqual([
      ['LOSAng_NYCMng.1', '5.9845PB'],
      ['LOSAng_NYCMng.2', '5.9845PB'],
    ]);
    await expectValidScenario(emitScenarioYaml(d));
  });

  it('asks for what it cannot guess', () => {
    expect(() => snd('abilene', 'txt', { demandsAsDatasets: true })).toThrow(/--volume-per-mbps/);
    expect(() => snd('abilene', 'txt', { demandsAsDatasets: true, volumePerMbps: '1Tb' })).toThrow(
      UsageError,
    );
    expect(() => snd('abilene', 'txt', { capacityUnit: 'Gbps' })).toThrow(/contradicts the file's META unit/);
    expect(() => snd('germany50', 'txt', { capacityUnit: 'furlongs' })).toThrow(/not one of bps/);
  });
});

describe('SNDlib errors name the file, the line and what was expected', () => {
  const text = read('abilene', 'txt');
  const lineOf = (t: string, needle: string) => t.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('a non-numeric coordinate in the native format', () => {
    const bad = text.replace('ATLAM5 ( -84.3833 33.75 )', 'ATLAM5 ( west 33.75 )');
    const err = inputError(() => parseSndlibNative(bad, 'a.txt'));
    expect(err.diagnostics[0]).toMatchObject({ file: 'a.txt', line: lineOf(bad, 'west'), column: 12 });
    expect(err.message).toMatch(/"west" found: expected a longitude/);
  });

  it('a link to an unknown node', () => {
    const bad = text.replace('ATLAM5_ATLAng ( ATLAng ATLAM5 )', 'ATLAM5_ATLAng ( ATLAng NOWHERE )');
    const err = inputError(() => importSndlib(bad, { file: 'a.txt' }));
    expect(err.diagnostics[0].line).toBe(lineOf(bad, 'NOWHERE'));
    expect(err.message).toMatch(/"NOWHERE" is not a node/);
  });

  it('a truncated native file', () => {
    const cut = text.slice(0, text.indexOf('  CHINng_IPLSng'));
    const err = inputError(() => parseSndlibNative(cut, 'cut.txt'));
    expect(err.message).toMatch(/section LINKS opened at line 38 is not closed: the file may be truncated/);
  });

  it('a malformed link entry and an unknown section', () => {
    const bad = text.replace('( 40000.00 133.00 )', '( 40000.00 )');
    expect(inputError(() => parseSndlibNative(bad, 'a.txt')).message).toMatch(/expected a module cost/);
    const junk = text.replace('NODES (', 'NODEZ (');
    expect(inputError(() => parseSndlibNative(junk, 'a.txt')).message).toMatch(
      /"NODEZ" found: expected a section/,
    );
  });

  it('truncated and malformed XML', () => {
    const xml = read('geant', 'xml');
    const cut = xml.slice(0, xml.indexOf('<link id="at1.at_hu1.hu">'));
    const err = inputError(() => importSndlib(cut, { file: 'g.xml' }));
    expect(err.diagnostics[0].line).toBe(cut.split('\n').length);
    expect(err.message).toMatch(/ends before <network>, <networkStructure>, <links> are closed/);
    const bad = xml.replace('<x>16.3729</x>', '<x>16.3729</y>');
    const err2 = inputError(() => importSndlib(bad, { file: 'g.xml' }));
    expect(err2.diagnostics[0].line).toBe(lineOf(bad, '16.3729</y>'));
    const nan = xml.replace('<x>16.3729</x>', '<x>east</x>');
    expect(inputError(() => importSndlib(nan, { file: 'g.xml' })).message).toMatch(
      /"east" found: expected a longitude/,
    );
  });
});
