import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  files: string[];
  bin: Record<string, string>;
};

describe('package', () => {
  it('VERSION matches package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('imports by its own name from the built dist, as a consumer would', () => {
    // Node resolves a package's own name through its `exports` map (self-reference).
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import * as w from 'wanplan'; console.log(JSON.stringify(Object.keys(w).sort()))",
      ],
      { encoding: 'utf8' },
    );
    const names = JSON.parse(out) as string[];
    expect(names).toContain('VERSION');
    expect(names).toContain('InputError');
  });

  it('examples/library.mjs (the README example) plans and verifies through the package name', () => {
    const out = execFileSync(process.execPath, ['examples/library.mjs'], { encoding: 'utf8' });
    expect(out).toMatch(/^complete, last byte stored 2026-12-08T02:00:00Z/);
    expect(out).toContain('verified: true (0 violations)');
  });

  it('the bin prints the version and exits 0', () => {
    const out = execFileSync(process.execPath, [pkg.bin.wanplan, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe(pkg.version);
  });

  it('npm pack ships only dist, schema, the Skyplane grids, README and LICENSE', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      encoding: 'utf8',
    });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    for (const f of files) {
      expect(f).toMatch(/^(dist\/|schema\/|data\/skyplane\/|README\.md$|LICENSE$|package\.json$)/);
    }
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/cli/main.js');
    // The path the importers' schema line points at (./node_modules/wanplan/schema/scenario.schema.json).
    expect(files).toContain('schema/scenario.schema.json');
    // `wanplan import skyplane` without --data reads these; the licence and credit travel with them.
    for (const name of [
      'throughput.csv',
      'latency.csv',
      'cost.csv',
      'aws_transfer_costs.csv',
      'LICENSE',
      'README.md',
    ]) {
      expect(files).toContain(`data/skyplane/${name}`);
    }
    // The test copies of real data stay in the repository.
    expect(files.some((f) => f.startsWith('test/'))).toBe(false);
  });

  it('the bin imports the shipped Skyplane grid without --data, from any working folder', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'wanplan-pkg-'));
    const out = execFileSync(
      process.execPath,
      [resolve(pkg.bin.wanplan), 'import', 'skyplane', '--regions', 'aws:eu-central-1,gcp:europe-west3-a'],
      { encoding: 'utf8', cwd },
    );
    expect(out.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/wanplan/schema/scenario.schema.json',
    );
    expect(out).toContain('wanplan/data/skyplane/throughput.csv');
    expect(out).toContain('id: aws:eu-central-1');
    expect(out).toContain('id: gcp:europe-west3-a');
    expect(out).toContain('start: 2026-12-05T00:00:00Z');
  });
});
