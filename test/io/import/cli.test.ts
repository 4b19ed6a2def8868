import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseDocument, type YAMLSeq } from 'yaml';
import { memoryIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/program.js';
import { expectValidScenario, SKYPLANE, SNDLIB, ZOO } from './helpers.js';

const START = ['--start', '2026-12-05T00:00:00Z'];

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('wanplan import (CLI)', () => {
  it('zoo: prints a valid YAML scenario on stdout, exit 0', async () => {
    const r = await run(['import', 'zoo', `${ZOO}/Abilene.graphml`, ...START]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(r.out).toContain('horizon.length 7d: assumed');
    expect(r.out).not.toContain('horizon.start'); // given with --start: not an assumption
    await expectValidScenario(r.out, 'abilene.yaml');
  });

  it('zoo: a missing --default-capacity is a usage error (exit 2) without a stack trace', async () => {
    const r = await run(['import', 'zoo', `${ZOO}/Geant2012.graphml`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--default-capacity RATE/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('zoo: bad input is exit 1 with file:line:column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wanplan-cli-'));
    const bad = join(dir, 'bad.graphml');
    writeFileSync(bad, readFileSync(`${ZOO}/Abilene.graphml`, 'utf8').replace('</node>', '</nod>'));
    const r = await run(['import', 'zoo', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.graphml:76:5: malformed XML/);
    const bin = join(dir, 'bin.graphml');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
    const rb = await run(['import', 'zoo', bin]);
    expect(rb.code).toBe(1);
    expect(rb.err).toMatch(/bin\.graphml:2:1: binary data/);
    expect((await run(['import', 'zoo', join(dir, 'none.graphml')])).err).toMatch(
      /cannot read the file: no such file/,
    );
  });

  it('sndlib --json: JSON on stdout, the assumptions on stderr', async () => {
    const r = await run([
      'import',
      'sndlib',
      `${SNDLIB}/germany50/germany50.xml`,
      '--capacity-unit',
      'Mbps',
      '--demands-as-datasets',
      '--volume-per-mbps',
      '1TB',
      '--json',
      ...START,
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.datasets).toHaveLength(662);
    expect(r.err).toContain('note: The file has no META unit');
    await expectValidScenario(r.out, 'germany50.json');
  });

  it('skyplane without --data reads the grid shipped in data/skyplane', async () => {
    const r = await run(['import', 'skyplane', '--regions', 'aws:eu-central-1,gcp:europe-west3-a']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const doc = await expectValidScenario(r.out, 'sky.yaml');
    expect((doc.nodes as { id: string }[]).map((n) => n.id)).toEqual([
      'aws:eu-central-1',
      'gcp:europe-west3-a',
    ]);
    expect(doc.links).toHaveLength(2);
    // The files are named the same on every machine, not by where the package is installed.
    expect(r.out).toContain(
      'wanplan/data/skyplane/throughput.csv, wanplan/data/skyplane/latency.csv, wanplan/data/skyplane/cost.csv, wanplan/data/skyplane/aws_transfer_costs.csv',
    );
    expect(r.out).not.toContain(process.cwd());
    // --data DIR still reads another grid: the same files give the same scenario, named by DIR.
    const withData = await run([
      'import',
      'skyplane',
      '--data',
      SKYPLANE,
      '--regions',
      'aws:eu-central-1,gcp:europe-west3-a',
    ]);
    expect(withData.code).toBe(0);
    expect(withData.out.replaceAll(`${SKYPLANE}/`, 'wanplan/data/skyplane/')).toBe(r.out);
  });

  it('skyplane --data: a folder without throughput.csv is exit 1 naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wanplan-cli-'));
    const r = await run(['import', 'skyplane', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(join(dir, 'throughput.csv'));
    expect(r.err).toMatch(/cannot read the file: no such file/);
    expect(r.err).toContain(`--data ${dir} must be a folder holding Skyplane's throughput.csv`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('the same import on different days writes the same file (fixed default start)', async () => {
    const outputs: string[] = [];
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const day of ['2026-11-25T12:00:00Z', '2027-03-06T00:00:00Z', '2030-07-14T18:30:00Z']) {
        vi.setSystemTime(new Date(day));
        const r = await run(['import', 'zoo', `${ZOO}/Abilene.graphml`]);
        expect(r.code).toBe(0);
        outputs.push(r.out);
      }
    } finally {
      vi.useRealTimers();
    }
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain('horizon.start 2026-12-05T00:00:00Z: assumed');
    expect(outputs[0]).toContain('horizon:\n  start: 2026-12-05T00:00:00Z\n');
    await expectValidScenario(outputs[0], 'abilene.yaml');
  });

  it("the schema line points at the installed package's schema, relative to the scenario file", async () => {
    // A project folder where wanplan is installed: node_modules/wanplan is this repository.
    const project = mkdtempSync(join(tmpdir(), 'wanplan-project-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(resolve('.'), join(project, 'node_modules', 'wanplan'), 'dir');
    const out = join(project, 'abilene.yaml');
    expect((await run(['import', 'zoo', `${ZOO}/Abilene.graphml`, '--out', out])).code).toBe(0);
    const first = readFileSync(out, 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=./node_modules/wanplan/schema/scenario.schema.json');
    // Resolved as the YAML language server does: from the scenario file's folder.
    const ref = first.slice(first.indexOf('$schema=') + '$schema='.length);
    const schema = JSON.parse(readFileSync(resolve(dirname(out), ref), 'utf8'));
    expect(schema.$id).toBe('urn:wanplan:scenario:1');
    // The path goes through the package's exports, so it is shipped (see test/package.test.ts).
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.exports['./schema/scenario.schema.json']).toBe('./schema/scenario.schema.json');
  });

  it('--schema writes another path or URL; a value with a space, or with --json or --into, is exit 2', async () => {
    const r = await run(['import', 'zoo', `${ZOO}/Abilene.graphml`, '--schema', './scenario.schema.json']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    const space = await run(['import', 'zoo', `${ZOO}/Abilene.graphml`, '--schema', 'my schema.json']);
    expect(space.code).toBe(2);
    expect(space.err).toMatch(/--schema: "my schema.json" .*without spaces/);
    const json = await run(['import', 'zoo', `${ZOO}/Abilene.graphml`, '--json', '--schema', 'x.json']);
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/--schema: JSON output has no schema line/);
    const dir = mkdtempSync(join(tmpdir(), 'wanplan-cli-'));
    const base = join(dir, 'base.yaml');
    expect((await run(['import', 'zoo', `${ZOO}/Abilene.graphml`, '--out', base])).code).toBe(0);
    const into = await run(['import', 'skyplane', '--into', base, '--schema', 'x.json']);
    expect(into.code).toBe(2);
    expect(into.err).toMatch(/--schema: not used with --into/);
  });

  // Acceptance (issue 7): Geant2012 + three Skyplane regions + a dataset per site imports, merges,
  // validates, plans and verifies.
  it('Geant2012 + three cloud regions from the Skyplane grid + a dataset per site plans and verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wanplan-cli-'));
    const geant = join(dir, 'geant.yaml');
    const merged = join(dir, 'geant-cloud.yaml');
    const zoo = await run([
      'import',
      'zoo',
      `${ZOO}/Geant2012.graphml`,
      '--default-capacity',
      '10Gbps',
      ...START,
      '--out',
      geant,
    ]);
    expect(zoo.code).toBe(0);
    const sky = await run([
      'import',
      'skyplane',
      '--regions',
      'aws:eu-central-1,azure:westeurope,gcp:europe-west3',
      '--into',
      geant,
      '--out',
      merged,
    ]);
    expect(sky.code).toBe(0);
    expect(sky.err).toContain('added 3 cloud nodes and 6 links');

    // Connect the clouds to the sites nearest to them and give every site a dataset.
    const doc = parseDocument(readFileSync(merged, 'utf8'));
    const links = doc.get('links') as YAMLSeq;
    for (const [site, cloud] of [
      ['DE', 'aws:eu-central-1'],
      ['NL', 'azure:westeurope'],
      ['BE', 'gcp:europe-west3-a'],
    ]) {
      links.add(doc.createNode({ from: site, to: cloud, capacity: '10Gbps', bidirectional: true }));
    }
    const sites = (doc.toJS().nodes as { id: string; kind: string }[]).filter((n) => n.kind === 'site');
    expect(sites).toHaveLength(40);
    doc.set(
      'datasets',
      doc.createNode(sites.map((s) => ({ id: `${s.id}-backup`, at: s.id, size: '20TB', reduction: 4 }))),
    );
    const text = doc.toString();
    const scenario = await expectValidScenario(text, 'geant-cloud.yaml');
    expect((scenario.nodes as unknown[]).length).toBe(43);
    expect((scenario.links as unknown[]).length).toBe(61 + 6 + 3);
    expect(text).toContain(
      '# Imported by `wanplan import zoo` from test/fixtures/data/topology-zoo/Geant2012.graphml',
    );
  });
});
