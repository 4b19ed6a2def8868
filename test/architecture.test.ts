/**
 * The house rules of ARCHITECTURE.md, read from the sources' import statements: arrows point
 * down only, the verifier never imports the planner, `src/flow` holds algorithms without domain
 * words, and no source file grows past the size one reading can hold.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Top-level folder (or root file) of `src` each relative import of `file` lands in. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specs.map((s) => relative(SRC, resolve(dirname(file), s)).split('/')[0]);
}

const FILES = sources(SRC);
const folderOf = (file: string) => relative(SRC, file).split('/')[0];

/** What each folder must not import (ARCHITECTURE.md, "what may import what"). */
const FORBIDDEN: Record<string, readonly string[]> = {
  verify: ['scheduler', 'flow', 'report', 'cli', 'topology'],
  plan: ['scheduler', 'verify', 'flow', 'report', 'cli', 'constraints', 'topology'],
  flow: ['io', 'scheduler', 'plan', 'verify', 'report', 'cli', 'constraints', 'topology'],
  constraints: ['scheduler', 'plan', 'verify', 'report', 'cli', 'flow'],
  topology: ['scheduler', 'plan', 'verify', 'report', 'cli', 'constraints'],
  scheduler: ['verify', 'report', 'cli'],
  report: ['scheduler', 'cli'],
  io: ['scheduler', 'plan', 'verify', 'report', 'cli', 'flow', 'constraints', 'topology'],
};

describe('imports follow the data path (ARCHITECTURE.md)', () => {
  for (const [folder, banned] of Object.entries(FORBIDDEN)) {
    it(`src/${folder} imports nothing from ${banned.map((b) => `src/${b}`).join(', ')}`, () => {
      const files = FILES.filter((f) => folderOf(f) === folder);
      expect(files.length).toBeGreaterThan(0);
      const bad = files.flatMap((f) =>
        importedFolders(f)
          .filter((t) => banned.includes(t))
          .map((t) => `${relative(SRC, f)} → src/${t}`),
      );
      expect(bad).toEqual([]);
    });
  }
});

describe('entry points are for users only', () => {
  it('no source file imports src/index.ts or an entry file of src/api (internal code imports sources)', () => {
    const bad = FILES.filter((f) => folderOf(f) !== 'api' && folderOf(f) !== 'index.ts').flatMap((f) =>
      importedFolders(f)
        .filter((t) => t === 'api' || t === 'index.js')
        .map((t) => `${relative(SRC, f)} → src/${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('the entry files import sources, never each other', () => {
    const entries = FILES.filter((f) => folderOf(f) === 'api' || folderOf(f) === 'index.ts');
    expect(entries.length).toBeGreaterThan(1);
    const bad = entries.flatMap((f) =>
      importedFolders(f)
        .filter((t) => t === 'api' || t === 'index.js')
        .map((t) => `${relative(SRC, f)} → src/${t}`),
    );
    expect(bad).toEqual([]);
  });
});

describe('source files stay readable', () => {
  it('no file in src/ is over 400 lines', () => {
    const long = FILES.map((f) => ({
      f: relative(SRC, f),
      n: readFileSync(f, 'utf8').split('\n').length - 1,
    })).filter((x) => x.n > 400);
    expect(long).toEqual([]);
  });
});
