/** Reading the text: YAML/JSON syntax, hostile input, file limits and encodings. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { loadScenario, parseScenario } from '../../../src/io/scenario/index.js';
import { baseScenario, errorsOf, yamlWith } from './helpers.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wanplan-syntax-'));
});

async function loadError(path: string): Promise<InputError> {
  try {
    await loadScenario(path);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('YAML', () => {
  it('reports a syntax error with its line and column', () => {
    const [d] = errorsOf('wanplan: 1\nhorizon: {start: x\nnodes: []\n');
    expect(d.message).toMatch(/YAML syntax error/);
    expect(d.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a duplicate key with its path', () => {
    const text = yamlWith(() => {}).replace('  slot: 1h\n', '  slot: 1h\n  slot: 2h\n');
    const [d] = errorsOf(text);
    expect(d.path).toBe('horizon.slot');
    expect(d.message).toContain('duplicate key');
    expect(text.split('\n')[(d.line ?? 0) - 1]).toBe('  slot: 2h');
  });

  it('reports keys equal after conversion to text (1 and "1") as duplicates', () => {
    expect(errorsOf('wanplan: 1\n1: a\n"1": b\n')[0].message).toContain('duplicate key');
  });

  it('stops an alias bomb', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const [d] = errorsOf(bomb);
    expect(d.message).toContain('alias');
    expect(d.line).toBe(2);
  });

  it('accepts a modest use of anchors and aliases', () => {
    const text = yamlWith(() => {})
      .replace('    windows:\n      - days:', '    windows:\n      - &night\n        days:')
      .replace('      - days:\n          - sat', '      - *night\n      - days:\n          - sat');
    const s = parseScenario(text, 'x.yaml');
    expect(s.links[1].windows?.length).toBe(3);
  });

  it('rejects flow nesting deeper than 64 before parsing it', () => {
    const deep = `wanplan: 1\nname: ${'['.repeat(200_000)}\n`;
    const [d] = errorsOf(deep);
    expect(d.message).toContain('nesting deeper than 64');
    expect(d.line).toBe(2);
  });

  it('rejects block nesting deeper than 64', () => {
    const deep = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(errorsOf(deep)[0].message).toContain('nesting deeper than 64');
  });

  it('rejects tags that are not plain data', () => {
    const [d] = errorsOf(yamlWith(() => {}).replace('name: base', 'name: !!binary aGVsbG8='));
    expect(d.path).toBe('name');
    expect(d.message).toContain('binary');
  });

  it('rejects unknown tags', () => {
    expect(errorsOf(yamlWith(() => {}).replace('name: base', 'name: !custom base'))[0].message).toMatch(
      /tag/i,
    );
  });

  it('rejects a second document', () => {
    expect(errorsOf(`${yamlWith(() => {})}---\nwanplan: 1\n`)[0].message).toContain(
      'more than one YAML document',
    );
  });

  it('rejects a merge key as an unknown field', () => {
    const [d] = errorsOf(yamlWith(() => {}).replace('name: base', '<<: {name: x}'));
    expect(d.message).toContain('unknown field "<<"');
  });

  it('rejects a document that is not a mapping', () => {
    const [d] = errorsOf('- wanplan: 1\n');
    expect(d.path).toBe('');
    expect(d.message).toContain('expected a scenario mapping');
  });
});

describe('JSON', () => {
  const json = JSON.stringify(baseScenario(), null, 2);

  it('reads the same model as YAML', () => {
    expect(parseScenario(json, 'x.json')).toEqual(
      parseScenario(
        yamlWith(() => {}),
        'x.yaml',
      ),
    );
  });

  it('skips a byte order mark before the text', () => {
    expect(parseScenario(`\uFEFF${json}`, 'x.json').name).toBe('base');
  });

  it('is not assumed for a .yaml file that starts with { (flow-style YAML)', () => {
    expect(
      parseScenario(
        "{wanplan: 1, name: 'flow', horizon: {start: 2026-12-05T00:00:00Z, length: 1h, slot: 1h}, nodes: [{id: a, kind: site}]}",
        'x.yaml',
      ).name,
    ).toBe('flow');
  });

  it('is recognised by a leading { whatever the file name', () => {
    expect(parseScenario(json, 'scenario.txt').name).toBe('base');
  });

  it('reports a trailing comma with line and column', () => {
    const text = '{\n  "wanplan": 1,\n  "name": "x",\n}\n';
    const [d] = errorsOf(text, 'x.json');
    expect(d.message).toContain('JSON syntax error');
    expect(d.hint).toContain('no comma after the last field');
    expect([d.line, d.column]).toEqual([4, 1]);
  });

  it('reports a trailing comma in a list', () => {
    const [d] = errorsOf('{"nodes": [1, 2, ]}', 'x.json');
    expect(d.hint).toContain('no comma after the last item');
    expect([d.line, d.column]).toEqual([1, 18]);
  });

  it('reports a duplicate key with its path and first line', () => {
    const [d] = errorsOf('{\n  "wanplan": 1,\n  "wanplan": 1\n}', 'x.json');
    expect(d.path).toBe('wanplan');
    expect(d.message).toContain('first written on line 2');
    expect([d.line, d.column]).toEqual([3, 3]);
  });

  it('rejects NaN, comments, single quotes and trailing text', () => {
    for (const text of ['{"a": NaN}', '{"a": 1 /* c */}', "{'a': 1}", '{"a": 1} x']) {
      expect(errorsOf(text, 'x.json')[0].message, text).toContain('JSON syntax error');
    }
  });

  it('rejects nesting deeper than 64', () => {
    const text = `{"a": ${'['.repeat(70)}${']'.repeat(70)}}`;
    expect(errorsOf(text, 'x.json')[0].message).toContain('nesting deeper than 64');
  });

  it('reads a "__proto__" key as an unknown field, not a prototype', () => {
    const [d] = errorsOf(
      JSON.stringify({ ...baseScenario() }).replace('{', '{"__proto__": {"x": 1},'),
      'x.json',
    );
    expect(d.message).toContain('unknown field "__proto__"');
  });

  it('reports 1e400 once, as exponent notation, without a plain form to suggest', () => {
    const d = baseScenario();
    const text = JSON.stringify(d).replace('"reduction":4', '"reduction":1e400');
    const at = errorsOf(text, 'x.json').filter((x) => x.path === 'datasets[0].reduction');
    expect(at).toHaveLength(1);
    expect(at[0].message).toBe('"1e400" uses exponent notation; expected a plain decimal number');
    expect(at[0].hint).toBeUndefined();
    expect(at[0].column).toBe(text.indexOf('1e400') + 1);
  });
});

describe('empty input', () => {
  it('rejects an empty file', () => {
    const [d] = errorsOf('');
    expect(d.message).toContain('empty');
    expect(d.line).toBeNull();
  });

  it('rejects a file of blanks and one of comments only', () => {
    expect(errorsOf('  \n\n')[0].message).toContain('empty');
    expect(errorsOf('# nothing here\n')[0].message).toContain('no content');
  });
});

describe('loadScenario files', () => {
  it('rejects a 50 MB file of random bytes by its size, without reading it', async () => {
    const path = join(dir, 'random.bin');
    const chunk = randomBytes(1 << 20);
    const parts = Array.from({ length: 50 }, () => chunk);
    writeFileSync(path, Buffer.concat(parts));
    const before = process.memoryUsage().rss;
    const err = await loadError(path);
    expect(err.diagnostics[0].message).toContain('at most 32 MiB');
    expect(err.diagnostics[0].file).toBe(path);
    // Not read: memory does not grow by the file's size.
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('rejects random bytes below the size limit as not UTF-8', async () => {
    const path = join(dir, 'random-small.bin');
    writeFileSync(path, randomBytes(1 << 20));
    const err = await loadError(path);
    expect(err.diagnostics[0].message).toContain('not UTF-8');
  });

  it('rejects Latin-1 text as not UTF-8', async () => {
    const path = join(dir, 'latin1.yaml');
    writeFileSync(path, Buffer.from('wanplan: 1\nname: M\xfcnchen\n', 'latin1'));
    expect((await loadError(path)).diagnostics[0].hint).toContain('UTF-8');
  });

  it('skips a UTF-8 byte order mark', async () => {
    const path = join(dir, 'bom.yaml');
    writeFileSync(path, `\uFEFF${yamlWith(() => {})}`);
    expect((await loadScenario(path)).name).toBe('base');
  });

  it('reports a missing file and a directory as input errors', async () => {
    expect((await loadError(join(dir, 'missing.yaml'))).diagnostics[0].message).toContain('no such file');
    expect((await loadError(dir)).diagnostics[0].message).toContain('not a regular file');
  });
});
