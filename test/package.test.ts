import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

  it('npm pack ships only dist, schema, README and LICENSE', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      encoding: 'utf8',
    });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    for (const f of files) {
      expect(f).toMatch(/^(dist\/|schema\/|README\.md$|LICENSE$|package\.json$)/);
    }
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/cli/main.js');
  });
});
