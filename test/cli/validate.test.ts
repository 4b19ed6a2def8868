/**
 * `wanplan validate` and `wanplan schema`, run in-process: exit codes, the summary, and every bad
 * input reported with its file position and field path and never a stack trace.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { scenarioJsonSchema } from '../../src/io/scenario/index.js';
import { BAD_INPUTS } from '../io/scenario/badInputs.js';
import { baseScenario, yamlWith } from '../io/scenario/helpers.js';

const STACK_LINE = /\n\s{4}at /;
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wanplan-validate-'));
});

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('wanplan validate on a valid scenario', () => {
  it('exits 0 with a summary of nodes, links, datasets, bytes and horizon', async () => {
    const file = write(
      'ok.yaml',
      yamlWith(() => {}),
    );
    const r = await run('validate', file);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`${file}: valid scenario "base"`);
    expect(r.out).toContain('2026-12-05T00:00:00Z to 2026-12-07T00:00:00Z (2 d), 48 slots of 1 h');
    expect(r.out).toContain('5: 1 site, 1 appliance, 2 clouds, 1 exchange');
    expect(r.out).toContain('5 directed (4 declared)');
    expect(r.out).toContain('2: 101 TB logical, 26 TB on the wire, 51 TB with copies');
    expect(r.out.split('\n').length).toBeLessThan(25);
  });

  it('prints the summary as JSON with --json', async () => {
    const file = write('ok.json', JSON.stringify(baseScenario()));
    const r = await run('validate', file, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      file,
      valid: true,
      name: 'base',
      nodes: { total: 5, site: 1, appliance: 1, cloud: 2, exchange: 1 },
      links: { directed: 5, declared: 4 },
      providers: ['aws', 'onprem'],
      datasets: 2,
      logicalBytes: '101000000000000',
      wireBytes: '26000000000000',
      warnings: [],
    });
    expect(j.horizon).toMatchObject({ slots: 48, slotSeconds: 3600 });
  });

  it('lists warnings with positions: unused nodes, unreachable datasets, providers without nodes', async () => {
    const file = write(
      'warn.yaml',
      yamlWith((d) => {
        d.nodes.push({ id: 'lonely', kind: 'site' });
        d.providers.gcp = { ingress: '1Gbps' };
        d.datasets.push({ id: 'stuck', at: 'aws-dub', size: '1TB', to: ['dedup'] });
      }),
    );
    const r = await run('validate', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/warnings {3}[1-9]/);
    expect(r.out).toMatch(new RegExp(`${file}:\\d+:\\d+: warning: nodes\\[5\\]: node "lonely"`));
    expect(r.out).toMatch(/warning: datasets\[2\]: dataset "stuck"/);
    expect(r.out).toMatch(/warning: providers\.gcp: provider "gcp" has no nodes/);
    const j = JSON.parse((await run('validate', file, '--json')).out);
    expect(
      j.warnings.every((w: { severity: string; line: number }) => w.severity === 'warning' && w.line > 0),
    ).toBe(true);
  });

  it('accepts a self-link (with a warning) and a zero capacity', async () => {
    const file = write(
      'self.yaml',
      yamlWith((d) => {
        d.links[0].to = 'munich';
        d.links[2].capacity = '0Gbps';
        d.links[3].latency = '2min';
      }),
    );
    const r = await run('validate', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      new RegExp(`${file}:\\d+:\\d+: warning: links\\[0\\]\\.to: link goes from "munich" to itself`),
    );
  });
});

describe('wanplan validate and the 2^53 bytes per slot limit', () => {
  it('reports every rate whose amount per slot reaches 2^53 bytes at its line and column, exit 1', async () => {
    // One-day slots: 100 Tbps is 1.08e18 bytes per slot; the other rates stay below 2^53.
    const text = yamlWith((d) => {
      d.horizon = { start: '2026-12-05T00:00:00Z', length: '2d', slot: '1d' };
      d.links[1].capacity = '100Tbps';
      d.nodes[0].read = '200Tbps';
    });
    const file = write('huge.yaml', text);
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = text.split('\n');
    const errors = r.err.split('\n').filter((l) => l.startsWith(`${file}:`));
    expect(errors.map((l) => l.split(': ')[1])).toEqual(['nodes[0].read', 'links[1].capacity']);
    for (const l of errors) {
      const [line, column] = l
        .slice(file.length + 1)
        .split(':')
        .map(Number);
      const value = l.includes('nodes[0].read') ? '200Tbps' : '100Tbps';
      expect(lines[line - 1].slice(column - 1)).toBe(value);
      expect(l).toContain('at or above 2^53 bytes');
    }
    expect(errors[1]).toContain('link "wan" may carry 1080000000000000000 bytes in one 86400-second slot');
    expect(r.err).toMatch(/2 errors\n$/);
    expect(r.err).not.toMatch(STACK_LINE);
  });

  it('lets the same rates pass with a shorter slot', async () => {
    const file = write(
      'huge-ok.yaml',
      yamlWith((d) => {
        d.horizon.slot = '1min';
        d.links[1].capacity = '100Tbps';
        d.nodes[0].read = '200Tbps';
      }),
    );
    expect((await run('validate', file)).code).toBe(0);
  });
});

describe('wanplan verify and the 2^53 bytes per slot limit', () => {
  it('names the scenario file, line and column instead of <input>', async () => {
    const text = yamlWith((d) => {
      d.horizon = { start: '2026-12-05T00:00:00Z', length: '2d', slot: '1d' };
      d.links[0].capacity = '100Tbps';
    });
    const file = write('huge-verify.yaml', text);
    const plan = write('plan.json', '{}');
    const r = await run('verify', file, plan);
    expect(r.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('100Tbps')) + 1;
    expect(r.err).toMatch(new RegExp(`^${file}:${line}:\\d+: links\\[0\\]\\.capacity: link "munich->dedup"`));
    expect(r.err).not.toContain('<input>');
  });
});

describe('wanplan validate on bad input', () => {
  for (const bad of BAD_INPUTS) {
    it(`exits 1 for ${bad.name}, naming ${bad.path || 'the file'}`, async () => {
      const file = write(bad.file ?? 'bad.yaml', bad.text);
      const r = await run('validate', file);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      const prefix = `${file}:`;
      const line = r.err
        .split('\n')
        .find((l) => l.startsWith(prefix) && l.includes(bad.path === '' ? ': ' : ` ${bad.path}: `));
      expect(line, r.err).toBeDefined();
      expect(line).toMatch(/^.+:\d+:\d+: /);
      expect(r.err).toMatch(/\d+ errors?\n$/);
      expect(r.err).not.toMatch(STACK_LINE);
    });
  }

  const syntaxCases: [string, string, string | Buffer, RegExp][] = [
    ['a YAML syntax error', 'syntax.yaml', 'wanplan: 1\nhorizon: {start: x\n', /:\d+:\d+: YAML syntax error/],
    ['an empty file', 'empty.yaml', '', /empty\.yaml: the file is empty/],
    ['a JSON trailing comma', 'comma.json', '{\n  "wanplan": 1,\n}\n', /comma\.json:3:1: JSON syntax error/],
    ['a YAML duplicate key', 'dup.yaml', 'wanplan: 1\nwanplan: 1\n', /dup\.yaml:2:1: wanplan: duplicate key/],
    [
      'a JSON duplicate key',
      'dup.json',
      '{"wanplan": 1, "wanplan": 1}',
      /dup\.json:1:16: wanplan: duplicate key/,
    ],
    [
      'an alias bomb',
      'bomb.yaml',
      `a: &a [x,x,x,x,x,x,x,x,x,x]\n${['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${`*${'abcd'[i]},`.repeat(10).slice(0, -1)}]`).join('\n')}\n`,
      /bomb\.yaml:2:\d+: YAML aliases expand/,
    ],
    [
      'deep nesting',
      'deep.yaml',
      `wanplan: ${'['.repeat(100)}${']'.repeat(100)}\n`,
      /deep\.yaml:1:\d+: nesting deeper than 64/,
    ],
    [
      'text that is not UTF-8',
      'latin1.yaml',
      Buffer.from('name: M\xfcnchen\n', 'latin1'),
      /latin1\.yaml: file is not UTF-8/,
    ],
  ];
  for (const [name, fileName, content, expected] of syntaxCases) {
    it(`exits 1 for ${name}`, async () => {
      const r = await run('validate', write(fileName, content));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(expected);
      expect(r.err).not.toMatch(STACK_LINE);
    });
  }

  it('exits 1 quickly for a 50 MB file of random bytes', async () => {
    const file = write('random.bin', Buffer.concat(Array.from({ length: 50 }, () => randomBytes(1 << 20))));
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('expected at most 32 MiB');
    expect(r.err).not.toMatch(STACK_LINE);
  });

  it('prints all errors of a file and a count', async () => {
    const file = write(
      'many.yaml',
      yamlWith((d) => {
        d.links[0].capacity = 'fast';
        d.nodes[0].timezone = 'Mars/Olympus';
        d.datasets[0].size = 'huge';
      }),
    );
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter((l) => l.startsWith(`${file}:`))).toHaveLength(3);
    expect(r.err).toContain('3 errors');
  });

  it('caps the printed errors and says how many more there are', async () => {
    const file = write(
      'capped.yaml',
      stringify({
        ...baseScenario(),
        links: Array.from({ length: 60 }, (_, i) => ({
          id: `l${i}`,
          from: 'munich',
          to: `nowhere${i}`,
          capacity: '1Gbps',
        })),
      }),
    );
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter((l) => l.startsWith(`${file}:`))).toHaveLength(50);
    expect(r.err).toContain('… and 10 more errors');
    expect(r.err).toContain('60 errors');
  });

  it('lists every mistake of the invalid fixture in file order', async () => {
    const file = join(import.meta.dirname, '../fixtures/scenarios/invalid.yaml');
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').filter((l) => l.startsWith(`${file}:`));
    const errors = lines.filter((l) => !l.includes(': warning: '));
    expect(errors).toHaveLength(29);
    const at = errors.map((l) => Number(l.slice(file.length + 1).split(':')[0]));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(r.err).toContain('nodes[0].stroage: unknown field "stroage" — did you mean storage?');
    expect(r.err).toContain('links[1].capacity: "1e400" uses exponent notation');
    expect(r.err).toContain('29 errors');
    expect(r.err).not.toMatch(STACK_LINE);
  });

  it('exits 1 for a missing file', async () => {
    const r = await run('validate', join(dir, 'missing.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('no such file');
    expect(r.err).not.toMatch(STACK_LINE);
  });
});

describe('wanplan validate usage', () => {
  it('exits 2 without a file', async () => {
    const r = await run('validate');
    expect(r.code).toBe(2);
    expect(r.err).toContain("missing required argument 'file'");
  });

  it('exits 2 for an unknown option', async () => {
    const r = await run('validate', 'x.yaml', '--jsno');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--jsno');
  });
});

describe('wanplan schema', () => {
  it('prints the JSON Schema and exits 0', async () => {
    const r = await run('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(scenarioJsonSchema());
  });
});
